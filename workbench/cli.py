"""Command line: `workbench [FILE…]` opens the app; subcommands do headless work.

Exit codes (CONTRACT.md): 0 success, 1 unusable input (one line on stderr naming the file,
sheet and cell), 2 bad usage. Headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from workbench import __version__

SUBCOMMANDS = ("import", "export", "check")
NOT_YET = ("diff", "extract")  # in CONTRACT.md, not built yet: say so rather than open a window


def _display_available() -> bool:
    """Qt aborts the process when it finds no display; tell the user in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


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
        "disagrees",
    }
    for row in payload["rows"]:
        cells = [f"{k}={v}" for k, v in row.items() if k not in skip and v not in (None, "")]
        line = "  " + "；".join(cells)
        if "computed" in row:  # a summary: what the project rows add up to, and differences
            computed = "，".join(f"{k}={v:g}" for k, v in row["computed"].items() if v is not None)
            differing = row.get("disagrees", [])
            line += f"　｜明细合计：{computed}" + (
                f"　≠ 与报告不符：{'、'.join(differing)}" if differing else ""
            )
        lines.append(line)
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


def _export_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench export",
        description="写出审核后的附件工作簿（标准版式、修改标记、修订记录、审核意见）",
    )
    parser.add_argument("file", help="计划文档或附件表格")
    parser.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
    parser.add_argument(
        "--write-back",
        action="store_true",
        help="把修改写回原表（保留原表版式），而不是生成标准附件",
    )
    parser.add_argument("--original", help="写回时使用的原表（缺省为文档记录的来源文件）")
    parser.add_argument("--overwrite", action="store_true", help="允许输出文件覆盖输入文件")
    parser.add_argument(
        "--title-font", default="黑体", help="标题与表头字体（如 方正小标宋简体）；缺省 黑体"
    )
    parser.add_argument("--body-font", default="宋体", help="表体字体；缺省 宋体")
    parser.add_argument(
        "--clean",
        action="store_true",
        help="干净打印稿：无底色、无批注，不含修订记录、审核意见和工作台数据",
    )
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档")
    return parser


def cmd_export(argv: Sequence[str]) -> int:
    from pathlib import Path

    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    args = _export_parser().parse_args(argv)
    source, output = Path(args.file), Path(args.output)
    if output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"输出文件应为 .xlsx：{output}")
    if (
        output.exists()
        and source.exists()
        and output.resolve() == source.resolve()
        and not args.overwrite
    ):
        raise FileProblem(
            "输出文件与输入文件相同；为避免覆盖原文件，请另选文件名，或加 --overwrite", output
        )
    doc = open_document(source)
    if args.write_back:
        from workbench.io.writing.write_back import write_back

        original = args.original or doc.properties.get("source_path") or str(source)
        report = write_back(doc, original, output, overwrite=args.overwrite)
        result = {
            "output": str(report.output),
            "sheets": report.sheets,
            "written": report.written,
            "skipped": report.skipped,
            "recomputed": report.recomputed,
            "recalculate_on_open": report.recalculate,
            "subtotals_disagree": report.subtotals,
        }
        text = (
            f"已写回 {report.written} 个单元格到 {report.output}"
            + "".join(f"\n未写回：{s}" for s in report.skipped)
            + "".join(f"\n已重算合计：{s}" for s in report.recomputed)
            + "".join(f"\n打开时重算：{s}" for s in report.recalculate)
            + "".join(f"\n小计与明细不符：{s}" for s in report.subtotals)
        )
    else:
        from workbench.io.native.plan_file import is_native
        from workbench.io.writing.workbook_writer import write_workbook

        sheets = write_workbook(
            doc,
            output,
            title_font=args.title_font,
            body_font=args.body_font,
            clean=args.clean,
            # sheets the reader did not recognise (说明) come from the file given here
            source_workbook=None if is_native(source) else source,
        )
        result = {"output": str(output), "sheets": sheets}
        text = f"已导出 {output}：" + "、".join(sheets)
    if args.json:
        _print_json(result)
    else:
        print(text)
    return 0


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench check", description="对计划文档或附件运行审核检查")
    parser.add_argument("files", nargs="+", help="计划文档或附件表格")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档")
    return parser


def cmd_check(argv: Sequence[str]) -> int:
    from workbench.core.checks import run_checks
    from workbench.core.vocab import SEVERITY_LABELS, Severity
    from workbench.io.opener import open_document

    args = _check_parser().parse_args(argv)
    findings = []
    for name in args.files:
        doc = open_document(name)
        for finding in run_checks(doc):
            item = finding.to_dict()
            item["file"] = name
            table = doc.tables.get(finding.table)
            item["table_title"] = table.title if table else finding.table
            if table is not None and finding.row is not None:
                item["sheet"] = table.source.sheet if table.source else table.sheet_name
                item["source_row"] = table.row_source.get(finding.row)
            findings.append(item)
    if args.json:
        _print_json({"findings": findings})
    else:
        for item in findings:
            print(
                f"[{SEVERITY_LABELS[Severity(item['severity'])]}] {item['file']} · {item['table_title']}：{item['message']}"
            )
        print(f"共 {len(findings)} 条审核意见")
    return 0


def _top_help() -> str:
    return (
        "用法：workbench [文件…]                 打开工作台（无文件时打开示例计划）\n"
        "      workbench import 文件 [--sheet 表] [--kind indicators|projects] [--json]\n"
        "      workbench export 文件 -o 输出.xlsx [--clean | --write-back [--original 原表]] [--json]\n"
        "      workbench check 文件… [--json]\n"
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
            return {"import": cmd_import, "export": cmd_export, "check": cmd_check}[argv[0]](
                argv[1:]
            )
        if argv and argv[0].startswith("-"):
            print(f"workbench：未知选项 {argv[0]}\n{_top_help()}", file=sys.stderr)
            return 2
        if argv and argv[0] in NOT_YET and not os.path.exists(argv[0]):
            print(f"workbench：{argv[0]} 命令尚未实现\n{_top_help()}", file=sys.stderr)
            return 2
        for name in argv[:1]:  # the window opens one document; say so before starting Qt
            if not os.path.exists(name):
                raise FileProblem("文件不存在", name)
        if not _display_available():
            print(
                "workbench：没有可用的图形显示（未设置 DISPLAY）；无界面时请用 import/export/check 子命令",
                file=sys.stderr,
            )
            return 1
    except FileProblem as exc:
        print(f"workbench：{exc}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"workbench：{exc}", file=sys.stderr)
        return 2
    from workbench.ui.app import run

    return run(argv)
