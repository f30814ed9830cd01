"""`workbench template PLAN -o FOLDER`: one collection workbook per unit (or sector)."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "template"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "生成部门填报工作簿"),
        description=translate("cli", "为每个责任单位（或领域）生成部门填报工作簿"),
    )
    parser.add_argument(
        "plan", metavar=translate("cli", "计划"), help=translate("cli", "计划文档或附件表格")
    )
    parser.add_argument(
        "--by", choices=("owner", "sector"), default="owner", help=translate("cli", "分组方式")
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=translate("cli", "文件夹"),
        help=translate("cli", "输出文件夹"),
    )
    parser.add_argument(
        "--deadline",
        metavar=translate("cli", "日期"),
        help=translate("cli", "填报截止日期 YYYY-MM-DD"),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.app.opening import open_path
    from workbench.app.templates import parse_deadline, write_templates
    from workbench.cli import output
    from workbench.cli.parsing import UsageError

    try:
        deadline = parse_deadline(args.deadline)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    doc = open_path(args.plan).doc
    result = write_templates(doc, args.output, by=args.by, deadline=deadline, source=args.plan)
    if args.json:
        output.print_json(result.to_dict())
    else:
        for item in result.workbooks:
            print(
                translate("cli", "{path}　{unit}　{rows} 行").format(
                    path=item.path, unit=item.unit, rows=item.rows
                )
            )
        print(
            translate("cli", "共生成 {n_written} 个填报工作簿，位于 {output}").format(
                n_written=len(result.workbooks), output=args.output
            )
        )
    return 0
