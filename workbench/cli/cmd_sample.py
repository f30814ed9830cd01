"""`workbench sample -o FILE`: a copy of the shipped sample plan (workbench/app/sample.py)."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "sample"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "复制示例计划"),
        description=translate(
            "cli", "复制随程序提供的示例计划（重庆市 2021 年执行、2022 年计划），供命令行试用"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=translate("cli", "输出"),
        help=translate("cli", "输出的 .xlsx 文件"),
    )
    parser.add_argument(
        "--overwrite", action="store_true", help=translate("cli", "允许覆盖已存在的文件")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from workbench.app.sample import copy_sample
    from workbench.cli import output
    from workbench.cli.parsing import UsageError

    if Path(args.output).suffix.lower() != ".xlsx":
        raise UsageError(
            translate("cli", "输出文件应为 .xlsx：{output}").format(output=args.output)
        )
    target = copy_sample(args.output, overwrite=args.overwrite)
    if args.json:
        output.print_json({"output": str(target)})
    else:
        print(translate("cli", "已复制示例计划到 {v}").format(v=os.path.abspath(target)))
    return 0
