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
    }
    for row in payload["rows"]:
        cells = [f"{k}={v}" for k, v in row.items() if k not in skip and v not in (None, "")]
        line = "  " + "；".join(cells)
        if "computed" in row:  # a summary: what the project rows add up to, and differences
            computed = "，".join(f"{k}={v:g}" for k, v in row["computed"].items() if v is not None)
            differing = [k for k, v in row.get("difference", {}).items() if abs(v) > 0.05]
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
    _print_notices(doc, args.file)
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
    parser.add_argument(
        "--original",
        help="写回时使用的原表；输入本身是部门原表时可省略（不会自动打开文档中记录的其他路径）",
    )
    parser.add_argument(
        "--reviewable",
        action="store_true",
        help="导出可复核副本：隐藏的文档数据保留来源路径、修改人和完整修订记录（缺省为分发版，不含这些）",
    )
    parser.add_argument("--overwrite", action="store_true", help="允许输出文件覆盖输入文件")
    parser.add_argument(
        "--title-font", default="黑体", help="标题与表头字体（如 方正小标宋简体）；缺省 黑体"
    )
    parser.add_argument("--body-font", default="宋体", help="表体字体；缺省 宋体")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档")
    return parser


def _check_output(output, source) -> None:
    """The output can be written, and nobody holds it open: refuse before reading anything."""
    from workbench.io.errors import FileProblem
    from workbench.io.native.locks import held_by_other

    if output.is_dir():
        raise FileProblem("输出路径是一个文件夹，请给出 .xlsx 文件名", output)
    folder = output.parent if str(output.parent) else type(output)(".")
    if not folder.is_dir():
        raise FileProblem(f"输出文件夹不存在：{folder}", output)
    if not os.access(folder, os.W_OK):
        raise FileProblem(f"没有写入输出文件夹的权限：{folder}", output)
    owner = held_by_other(output)
    if owner is not None:
        raise FileProblem(f"输出文件正由 {owner.describe()} 打开编辑，未覆盖；请另选文件名", output)


def cmd_export(argv: Sequence[str]) -> int:
    from pathlib import Path

    from workbench.io.errors import FileProblem
    from workbench.io.native.plan_file import is_native
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
    _check_output(output, source)
    doc = open_document(source)
    _print_notices(doc, source)
    if args.write_back:
        from workbench.io.writing.write_back import write_back

        if args.original:
            original = Path(args.original)
        elif is_native(source):
            # The path a received document records is the sender's, not a file the user
            # chose: opening it would pull another workbook from this disk into the output.
            recorded = os.path.basename(
                str(doc.properties.get("source_path", "")).replace("\\", "/")
            )
            hint = f"（文档记录的来源文件名为“{recorded}”）" if recorded else ""
            raise FileProblem(f"写回需要用 --original 指定部门原表{hint}", source)
        else:
            original = source  # the department's workbook itself was given
        with _writing(output):
            report = write_back(doc, original, output, overwrite=args.overwrite)
        result = {
            "output": str(report.output),
            "original": str(original),
            "sheets": [],
            "written": report.written,
            "skipped": report.skipped,
        }
        text = f"已按原表“{original}”写回 {report.written} 个单元格到 {report.output}" + "".join(
            f"\n未写回：{s}" for s in report.skipped
        )
    else:
        from workbench.io.writing.workbook_writer import write_workbook

        with _writing(output):
            sheets = write_workbook(
                doc,
                output,
                title_font=args.title_font,
                body_font=args.body_font,
                reviewable=args.reviewable,
            )
        result = {"output": str(output), "sheets": sheets}
        text = f"已导出 {output}：" + "、".join(sheets)
    if args.json:
        _print_json(result)
    else:
        print(text)
    return 0


def _print_notices(doc, name) -> None:
    """What opening found (edits made in Excel, a hidden document disagreeing with the
    visible cells) goes to stderr, so that import and check say it as export does."""
    for notice in getattr(doc, "notices", []):
        print(f"workbench：提示：文件“{os.path.basename(str(name))}”：{notice}", file=sys.stderr)


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench check", description="对计划文档或附件运行审核检查")
    parser.add_argument("files", nargs="+", help="计划文档或附件表格")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档")
    return parser


def cmd_check(argv: Sequence[str]) -> int:
    from workbench.core.checks import run_checks
    from workbench.io.opener import open_document

    args = _check_parser().parse_args(argv)
    findings = []
    for name in args.files:
        doc = open_document(name)
        _print_notices(doc, name)
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
        labels = {"error": "错误", "warning": "警告", "info": "提示"}
        for item in findings:
            print(
                f"[{labels.get(item['severity'], item['severity'])}] {item['file']} · {item['table_title']}：{item['message']}"
            )
        print(f"共 {len(findings)} 条审核意见")
    return 0


def _top_help() -> str:
    return (
        "用法：workbench [文件…]                 打开工作台（无文件时打开示例计划）\n"
        "      workbench import 文件 [--sheet 表] [--kind indicators|projects] [--json]\n"
        "      workbench export 文件 -o 输出.xlsx [--write-back [--original 原表]] [--json]\n"
        "      workbench check 文件… [--json]\n"
        "      workbench --version\n"
    )


def _closed_pipe() -> int:
    """`workbench import x | head`: the reader left; stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


def _os_error_line(exc: OSError) -> str:
    """One line for a file system error: which file, and what went wrong, in Chinese."""
    import errno

    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        errno.EDQUOT: "磁盘配额已满",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.EROFS: "磁盘或文件夹是只读的",
        errno.ENOENT: "文件或文件夹不存在",
        errno.EISDIR: "这是一个文件夹",
        errno.ENAMETOOLONG: "文件名过长",
        errno.EFBIG: "文件超过系统允许的大小（或磁盘已满）",
        errno.EBUSY: "文件正被占用",
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or str(exc))
    name = exc.filename or ""
    where = f"文件“{os.path.basename(str(name))}”：" if name else ""
    return f"{where}{reason}，未能完成（原有文件未受影响）"


def _writing(output):
    """OSError while writing the output becomes a FileProblem naming the output."""
    import contextlib

    from workbench.io.errors import FileProblem

    @contextlib.contextmanager
    def guard():
        try:
            yield
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            exc.filename = None
            raise FileProblem(_os_error_line(exc), output) from None

    return guard()


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
            code = {"import": cmd_import, "export": cmd_export, "check": cmd_check}[argv[0]](
                argv[1:]
            )
            sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
            return code
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
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as exc:
        print(f"workbench：{_os_error_line(exc)}", file=sys.stderr)
        return 1
    except MemoryError:
        print("workbench：内存不足，已停止（文件可能过大或已损坏）", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for the user; WORKBENCH_DEBUG=1 shows it
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        print(f"workbench：处理时出错（{type(exc).__name__}：{str(exc)[:120]}）", file=sys.stderr)
        return 1
    from workbench.ui.app import run

    return run(argv)
