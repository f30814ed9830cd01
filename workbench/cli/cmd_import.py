"""`workbench import FILE`: one table of a plan file or annex, in the canonical fields."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.i18n import translate

NAME = "import"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "读取一个表格，输出规范字段"),
        description=translate("cli", "读取一个表格（计划文档或附件），输出规范字段"),
    )
    parser.add_argument(
        "file", metavar=translate("cli", "文件"), help=translate("cli", "计划文档或附件表格")
    )
    parser.add_argument(
        "--sheet",
        metavar=translate("cli", "表名"),
        help=translate("cli", "工作表名称或表标识；缺省为找到的第一个表"),
    )
    parser.add_argument(
        "--kind", choices=("indicators", "projects"), help=translate("cli", "按指标表或项目表解读")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.app.opening import open_path
    from workbench.cli import output
    from workbench.core.collector import collector_paused
    from workbench.io.contract_json import table_payload
    from workbench.io.opener import select_table

    with collector_paused():
        doc = open_path(args.file, args.kind).doc
        output.print_notices(doc, args.file)
        table = select_table(doc, args.file, args.sheet, args.kind)
        payload = table_payload(doc, table, args.file)
        if args.json:
            output.print_json(payload)
        else:
            print(human_table(payload))
    return 0


def human_table(payload: dict[str, Any]) -> str:
    lines = [
        translate("cli", "{v}（工作表“{v2}”，{v3}，{v4} 行）").format(
            v=payload["title"], v2=payload["sheet"], v3=payload["kind"], v4=len(payload["rows"])
        )
    ]
    if payload.get("unit"):
        lines.append(translate("cli", "单位：{v}").format(v=payload["unit"]))
    skip = {
        "key",
        "provenance",
        "review",
        "target_rule",
        "status_source",
        "status_reason",
        "computed",
        "difference",
        "disagrees",
    }
    # Words looked up once, not per row (a table may have 100k rows).
    semicolon, comma, enum = translate("cli", "；"), translate("cli", "，"), translate("cli", "、")
    summed, differs = (
        translate("cli", "　｜明细合计：{computed}"),
        translate("cli", "　≠ 与报告不符：{v}"),
    )
    for row in payload["rows"]:
        cells = [f"{k}={v}" for k, v in row.items() if k not in skip and v not in (None, "")]
        line = "  " + semicolon.join(cells)
        if "computed" in row:  # a summary: what the project rows add up to, and differences
            computed = comma.join(f"{k}={v:g}" for k, v in row["computed"].items() if v is not None)
            differing = row.get("disagrees", [])
            line += summed.format(computed=computed) + (
                differs.format(v=enum.join(differing)) if differing else ""
            )
        lines.append(line)
    for note in payload.get("notes", []):
        lines.append(note)
    for warning in payload.get("warnings", []):
        lines.append(translate("cli", "警告：{warning}").format(warning=warning))
    others = [s for s in payload["sheets"] if s != payload["sheet"]]
    if others:
        lines.append(translate("cli", "文件中的其他表：") + enum.join(others))
    return "\n".join(lines)
