"""`workbench rollforward PLAN -o NEXT.xlsx`: next year's plan skeleton (上年结转)."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "rollforward"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "生成下一年计划框架"),
        description=translate("cli", "由本年计划生成下一年计划框架（上年结转）"),
    )
    parser.add_argument("plan", metavar=translate("cli", "计划"), help=translate("cli", "计划文档"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=translate("cli", "输出"),
        help=translate("cli", "输出的计划文档 .xlsx"),
    )
    parser.add_argument(
        "--year",
        type=int,
        metavar=translate("cli", "年份"),
        help=translate("cli", "从哪一年结转（缺省为执行年度）"),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.app.rolling import roll_forward_file
    from workbench.cli import output

    result = roll_forward_file(args.plan, args.output, args.year)
    if args.json:
        output.print_json(result.to_dict())
    else:
        print(result.rolled.summary())
        print(translate("cli", "已写入 {path}").format(path=result.output))
    return 0
