"""Subcommands that generate annexes: `template` (departments' collection workbooks),
`rollforward` (next year's skeleton) and `returns` (read what departments sent back).

Kept apart from cli.py so that module stays a dispatcher; headless, no Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from workbench.i18n import translate


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    from workbench.cli import _Parser

    return _Parser(prog=prog, description=description)


def _deadline(text: str | None) -> date | None:
    from workbench.cli import UsageError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            translate("cli", "截止日期应写作 YYYY-MM-DD（如 2022-01-15），而不是“{text}”").format(
                text=text
            )
        ) from None


def cmd_template(argv: Sequence[str]) -> int:
    from workbench.cli import _print_json
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document
    from workbench.io.writing.collection_workbook import write_collection_workbooks

    parser = _parser(
        "workbench template", translate("cli", "为每个责任单位（或领域）生成部门填报工作簿")
    )
    parser.add_argument("plan", help=translate("cli", "计划文档或附件表格"))
    parser.add_argument(
        "--by", choices=("owner", "sector"), default="owner", help=translate("cli", "分组方式")
    )
    parser.add_argument("-o", "--output", required=True, help=translate("cli", "输出文件夹"))
    parser.add_argument("--deadline", help=translate("cli", "填报截止日期 YYYY-MM-DD"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    args = parser.parse_args(argv)
    deadline = _deadline(args.deadline)
    doc = open_document(args.plan)
    try:
        written = write_collection_workbooks(doc, args.output, by=args.by, deadline=deadline)
    except ValueError as exc:
        raise FileProblem(str(exc), args.plan) from None
    if args.json:
        _print_json({"output": str(Path(args.output)), "workbooks": [w.to_dict() for w in written]})
    else:
        for item in written:
            print(
                translate("cli", "{path}　{unit}　{rows} 行").format(
                    path=item.path, unit=item.unit, rows=item.rows
                )
            )
        print(
            translate("cli", "共生成 {n_written} 个填报工作簿，位于 {output}").format(
                n_written=len(written), output=args.output
            )
        )
    return 0


def cmd_rollforward(argv: Sequence[str]) -> int:
    from workbench.cli import _print_json
    from workbench.core.rollforward import roll_forward
    from workbench.io.errors import FileProblem
    from workbench.io.native.plan_file import save_plan
    from workbench.io.opener import open_document

    parser = _parser(
        "workbench rollforward", translate("cli", "由本年计划生成下一年计划框架（上年结转）")
    )
    parser.add_argument("plan", help=translate("cli", "计划文档"))
    parser.add_argument(
        "-o", "--output", required=True, help=translate("cli", "输出的计划文档 .xlsx")
    )
    parser.add_argument("--year", type=int, help=translate("cli", "从哪一年结转（缺省为执行年度）"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    args = parser.parse_args(argv)
    if Path(args.output).resolve() == Path(args.plan).resolve():
        raise FileProblem(translate("cli", "输出文件不能覆盖输入文件"), args.output)
    doc = open_document(args.plan)
    try:
        result = roll_forward(doc, args.year)
    except ValueError as exc:
        raise FileProblem(str(exc), args.plan) from None
    path = save_plan(result.document, args.output)
    if args.json:
        _print_json(
            {
                "output": str(path),
                "from_year": result.from_year,
                "to_year": result.to_year,
                "indicators": result.indicators,
                "projects": result.carried,
                "completed": result.completed,
                "no_successor": result.no_successor,
            }
        )
    else:
        print(result.summary())
        print(translate("cli", "已写入 {path}").format(path=path))
    return 0


def cmd_returns(argv: Sequence[str]) -> int:
    from workbench.cli import _print_json
    from workbench.io.opener import open_document
    from workbench.io.reading.returned_workbook import read_returns

    parser = _parser(
        "workbench returns", translate("cli", "读取部门返回的填报工作簿，与发出的内容比较")
    )
    parser.add_argument("plan", help=translate("cli", "生成填报表所用的计划文档"))
    parser.add_argument("folder", help=translate("cli", "返回文件所在的文件夹"))
    parser.add_argument(
        "--by", choices=("owner", "sector"), help=translate("cli", "分组方式（缺省按返回文件）")
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    args = parser.parse_args(argv)
    doc = open_document(args.plan)
    summary = read_returns(args.folder, doc, by=args.by)
    if args.json:
        _print_json(summary.to_dict())
    else:
        print("\n".join(summary.lines()))
    return 0
