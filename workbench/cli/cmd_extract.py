"""`workbench extract REPORT`: the figures a report's text quotes (.txt/.docx)."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "extract"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "列出报告正文中引用的数字"),
        description=translate("cli", "列出报告正文中引用的数字（.txt/.docx）"),
    )
    parser.add_argument(
        "report",
        metavar=translate("cli", "报告"),
        help=translate("cli", "报告正文（.txt 或 .docx）"),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.cli import output
    from workbench.io.reading.report_text import read_report

    report = read_report(args.report)
    statements = report.statements()
    if args.json:
        output.print_json(
            {
                "source": args.report,
                "encoding": report.encoding,
                "statements": [s.to_dict() for s in statements],
            }
        )
        return 0
    for s in statements:
        same = (
            translate("cli", "（={amount_yi:g}亿元）").format(amount_yi=s.amount_yi)
            if s.unit == "万亿元"
            else ""
        )
        year = translate("cli", "{year}年 ").format(year=s.year) if s.year else ""
        print(
            translate("cli", "第{line}行　{year}{v}：{raw}{same}").format(
                line=s.line, year=year, v=s.subject or "（未识别主语）", raw=s.raw, same=same
            )
        )
    print(translate("cli", "共 {n_statements} 个数字").format(n_statements=len(statements)))
    return 0
