"""Command line: `workbench [FILE…]` opens the app; subcommands do headless work.

Exit codes (CONTRACT.md): 0 success, 1 unusable input (one line on stderr naming the file,
sheet and cell), 2 bad usage. Headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from workbench import __version__

SUBCOMMANDS = ("import",)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 by itself; keep it, in Chinese
        self.print_usage(sys.stderr)
        print(f"{self.prog}：用法错误：{message}", file=sys.stderr)
        raise SystemExit(2)


def _import_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench import", description="读取一个表格（计划文档或附件），输出规范字段"
    )
    parser.add_argument("file", help="计划文档或附件表格")
    parser.add_argument("--sheet", help="工作表名称或表标识；缺省为找到的第一个表")
    parser.add_argument("--kind", choices=("indicators", "projects"), help="按指标表或项目表解读")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档")
    return parser


def _print_json(data: Any) -> None:
    # Compact on purpose: with `indent` the json module falls back to its pure-Python
    # encoder, four times slower on a 100k-row table. Pipe through `python -m json.tool`
    # to read it.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))
    sys.stdout.write("\n")


def _human_table(payload: dict[str, Any]) -> str:
    lines = [
        f"{payload['title']}（工作表“{payload['sheet']}”，{payload['kind']}，{len(payload['rows'])} 行）"
    ]
    if payload.get("unit"):
        lines.append(f"单位：{payload['unit']}")
    skip = {
        "key",
        "provenance",
        "review",
        "target_rule",
        "status_source",
        "status_reason",
        "computed",
        "difference",
    }
    for row in payload["rows"]:
        cells = [f"{k}={v}" for k, v in row.items() if k not in skip and v not in (None, "")]
        lines.append("  " + "；".join(cells))
    for note in payload.get("notes", []):
        lines.append(note)
    for warning in payload.get("warnings", []):
        lines.append(f"警告：{warning}")
    others = [s for s in payload["sheets"] if s != payload["sheet"]]
    if others:
        lines.append("文件中的其他表：" + "、".join(others))
    return "\n".join(lines)


def cmd_import(argv: Sequence[str]) -> int:
    args = _import_parser().parse_args(argv)
    from workbench.io.contract_json import table_payload
    from workbench.io.opener import open_document, select_table

    doc = open_document(args.file, args.kind)
    table = select_table(doc, args.file, args.sheet, args.kind)
    payload = table_payload(doc, table, args.file)
    if args.json:
        _print_json(payload)
    else:
        print(_human_table(payload))
    return 0


def _top_help() -> str:
    return (
        "用法：workbench [文件…]                 打开工作台（无文件时打开示例计划）\n"
        "      workbench import 文件 [--sheet 表] [--kind indicators|projects] [--json]\n"
        "      workbench --version\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to GBK
        except (AttributeError, ValueError):
            pass
    from workbench.io.errors import FileProblem

    if argv and argv[0] in ("--version", "-V"):
        print(f"workbench {__version__}")
        return 0
    if argv and argv[0] in ("-h", "--help", "help"):
        print(_top_help())
        return 0
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return {"import": cmd_import}[argv[0]](argv[1:])
        if argv and argv[0].startswith("-"):
            print(f"workbench：未知选项 {argv[0]}\n{_top_help()}", file=sys.stderr)
            return 2
    except FileProblem as exc:
        print(f"workbench：{exc}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"workbench：{exc}", file=sys.stderr)
        return 2
    from workbench.ui.app import run

    return run(argv)
