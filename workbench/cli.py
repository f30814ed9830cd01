"""Command line: `workbench [FILE…]` opens the app; subcommands do headless work.

Exit codes (CONTRACT.md): 0 success, 1 unusable input (one line on stderr naming the file,
sheet and cell), 2 bad usage. Headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import sys
from collections.abc import Sequence
from typing import Any

from workbench import __version__, cli_words
from workbench.core.collector import collector_paused
from workbench.i18n import translate

cli_words.install()

SUBCOMMANDS = (
    "import",
    "export",
    "check",
    "extract",
    "diff",
    "template",
    "rollforward",
    "returns",
    "sample",
)


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
        print(
            translate("cli", "{prog}：用法错误：{message}").format(prog=self.prog, message=message),
            file=sys.stderr,
        )
        raise SystemExit(2)


def _import_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench import",
        description=translate("cli", "读取一个表格（计划文档或附件），输出规范字段"),
    )
    parser.add_argument("file", help=translate("cli", "计划文档或附件表格"))
    parser.add_argument(
        "--sheet", help=translate("cli", "工作表名称或表标识；缺省为找到的第一个表")
    )
    parser.add_argument(
        "--kind", choices=("indicators", "projects"), help=translate("cli", "按指标表或项目表解读")
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parser


def _print_json(data: Any) -> None:
    # Compact on purpose; pipe through `python -m json.tool` to read it. orjson writes a
    # 100k-row table in a tenth of the json module's time (about 0.5 s there).
    try:
        import orjson
    except ImportError:  # the json module gives the same document, slower
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
        sys.stdout.write(text + "\n")
        return
    encoded = orjson.dumps(
        data, default=str, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS
    )
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(encoded)
        buffer.flush()
    else:  # a redirected text stream
        sys.stdout.write(encoded.decode("utf-8"))


def _human_table(payload: dict[str, Any]) -> str:
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


def cmd_import(argv: Sequence[str]) -> int:
    args = _import_parser().parse_args(argv)
    with collector_paused():
        return _import(args)


def _import(args: argparse.Namespace) -> int:
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
        description=translate(
            "cli", "写出审核后的附件工作簿（标准版式、修改标记、修订记录、审核意见）"
        ),
    )
    parser.add_argument("file", help=translate("cli", "计划文档或附件表格"))
    parser.add_argument("-o", "--output", required=True, help=translate("cli", "输出的 .xlsx 文件"))
    parser.add_argument(
        "--write-back",
        action="store_true",
        help=translate("cli", "把修改写回原表（保留原表版式），而不是生成标准附件"),
    )
    parser.add_argument(
        "--original",
        help=translate(
            "cli",
            "写回时使用的原表；输入本身是部门原表时可省略（不会自动打开文档中记录的其他路径）",
        ),
    )
    parser.add_argument(
        "--reviewable",
        action="store_true",
        help=translate(
            "cli",
            "导出可复核副本：隐藏的文档数据保留来源路径、修改人和完整修订记录（缺省为分发版，不含这些）",
        ),
    )
    parser.add_argument(
        "--overwrite", action="store_true", help=translate("cli", "允许输出文件覆盖输入文件")
    )
    parser.add_argument(
        "--title-font",
        default="黑体",
        help=translate("cli", "标题与表头字体（如 方正小标宋简体）；缺省 黑体"),
    )
    parser.add_argument("--body-font", default="宋体", help=translate("cli", "表体字体；缺省 宋体"))
    parser.add_argument(
        "--clean",
        action="store_true",
        help=translate("cli", "干净打印稿：无底色、无批注，不含修订记录、审核意见和工作台数据"),
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parser


def _check_output(output, source) -> None:
    """The output can be written, and nobody holds it open: refuse before reading anything."""
    from workbench.io.errors import FileProblem
    from workbench.io.native.locks import held_by_other

    if output.is_dir():
        raise FileProblem(translate("cli", "输出路径是一个文件夹，请给出 .xlsx 文件名"), output)
    folder = output.parent if str(output.parent) else type(output)(".")
    if not folder.is_dir():
        raise FileProblem(
            translate("cli", "输出文件夹不存在：{folder}").format(folder=folder), output
        )
    if not os.access(folder, os.W_OK):
        raise FileProblem(
            translate("cli", "没有写入输出文件夹的权限：{folder}").format(folder=folder), output
        )
    owner = held_by_other(output)
    if owner is not None:
        raise FileProblem(
            translate("cli", "输出文件正由 {v} 打开编辑，未覆盖；请另选文件名").format(
                v=owner.describe()
            ),
            output,
        )


def cmd_export(argv: Sequence[str]) -> int:
    from pathlib import Path

    from workbench.io.errors import FileProblem
    from workbench.io.native.plan_file import is_native
    from workbench.io.opener import open_document

    args = _export_parser().parse_args(argv)
    source, output = Path(args.file), Path(args.output)
    if output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(translate("cli", "输出文件应为 .xlsx：{output}").format(output=output))
    if (
        output.exists()
        and source.exists()
        and output.resolve() == source.resolve()
        and not args.overwrite
    ):
        raise FileProblem(
            translate(
                "cli", "输出文件与输入文件相同；为避免覆盖原文件，请另选文件名，或加 --overwrite"
            ),
            output,
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
            recorded = os.path.basename(doc.properties.source_path.replace("\\", "/"))
            hint = (
                translate("cli", "（文档记录的来源文件名为“{recorded}”）").format(recorded=recorded)
                if recorded
                else ""
            )
            raise FileProblem(
                translate("cli", "写回需要用 --original 指定部门原表{hint}").format(hint=hint),
                source,
            )
        else:
            original = source  # the department's workbook itself was given
        with _writing(output):
            report = write_back(doc, original, output, overwrite=args.overwrite)
        result = {
            "output": str(report.output),
            "original": str(original),
            "sheets": report.sheets,
            "written": report.written,
            "skipped": report.skipped,
            "recomputed": report.recomputed,
            "recalculate_on_open": report.recalculate,
            "subtotals_disagree": report.subtotals,
        }
        text = (
            translate("cli", "已按原表“{original}”写回 {written} 个单元格到 {output}").format(
                original=original, written=report.written, output=report.output
            )
            + "".join(translate("cli", "\n未写回：{s}").format(s=s) for s in report.skipped)
            + "".join(translate("cli", "\n已重算合计：{s}").format(s=s) for s in report.recomputed)
            + "".join(translate("cli", "\n打开时重算：{s}").format(s=s) for s in report.recalculate)
            + "".join(
                translate("cli", "\n小计与明细不符：{s}").format(s=s) for s in report.subtotals
            )
        )
    else:
        from workbench.io.native.plan_file import is_native
        from workbench.io.writing.workbook_writer import write_workbook

        with _writing(output):
            sheets = write_workbook(
                doc,
                output,
                title_font=args.title_font,
                body_font=args.body_font,
                reviewable=args.reviewable,
                clean=args.clean,
                # sheets the reader did not recognise (说明) come from the file given here
                source_workbook=None if is_native(source) else source,
            )
        result = {"output": str(output), "sheets": sheets}
        text = translate("cli", "已导出 {output}：").format(output=output) + translate(
            "cli", "、"
        ).join(sheets)
    if args.json:
        _print_json(result)
    else:
        print(text)
    return 0


def _print_notices(doc, name) -> None:
    """What opening found (edits made in Excel, a hidden document disagreeing with the
    visible cells) goes to stderr, so that import and check say it as export does."""
    for notice in getattr(doc, "notices", []):
        print(
            translate("cli", "workbench：提示：文件“{v}”：{notice}").format(
                v=os.path.basename(str(name)), notice=notice
            ),
            file=sys.stderr,
        )


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench check",
        description=translate("cli", "对计划文档、附件和/或报告正文（.txt/.docx）运行审核检查"),
    )
    parser.add_argument("files", nargs="+", help=translate("cli", "计划文档、附件表格或报告正文"))
    parser.add_argument(
        "--all", action="store_true", help=translate("cli", "逐条列出，不合并同类意见")
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    parser.add_argument(
        "--tolerance",
        type=_points,
        metavar=translate("cli", "百分点"),
        help=translate(
            "cli", "本次检查用的百分比类指标容差（个百分点），不改动文件；默认用文档的审核容差"
        ),
    )
    return parser


def _points(text: str) -> float:
    """A tolerance in percentage points: a finite number, not negative."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "容差应为数值，而不是“{text}”").format(text=text)
        ) from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(
            translate("cli", "容差应为不小于 0 的数，而不是“{text}”").format(text=text)
        )
    return value


def cmd_check(argv: Sequence[str]) -> int:
    from workbench.core.checks import run_checks
    from workbench.core.findings_grouping import group_findings
    from workbench.core.text.review import text_findings
    from workbench.core.vocab import SEVERITY_LABELS, Severity
    from workbench.io.opener import open_document
    from workbench.io.reading.report_text import is_report, read_report

    args = _check_parser().parse_args(argv)
    reports = {name: read_report(name).statements() for name in args.files if is_report(name)}
    docs = [(name, open_document(name)) for name in args.files if not is_report(name)]
    if args.tolerance is not None:
        from dataclasses import replace

        from workbench.core.edits import SetPolicy

        for _, doc in docs:  # through the edit path, like the window's 审核容差; not saved
            doc.apply(SetPolicy(replace(doc.policy, percent_tolerance=args.tolerance)))
    # (file, document or None, findings, report file of the findings or None)
    runs = []
    for name, doc in docs:
        runs.append((name, doc, run_checks(doc), None))
        for report, statements in reports.items():
            runs.append((name, doc, text_findings(doc, statements), report))
    if not docs:  # a report alone: the text against itself
        runs += [(report, None, text_findings(None, st), report) for report, st in reports.items()]
    findings = []
    for name, doc, found, report in runs:
        if doc is not None and report is None:
            _print_notices(doc, name)
        for finding in found if args.all else group_findings(found):
            item = finding.to_dict()
            item["file"] = name
            if report is not None:
                item["report"] = report
            table = doc.tables.get(finding.table) if doc is not None else None
            item["table_title"] = table.title if table else finding.table
            if table is not None and finding.row is not None:
                item["sheet"] = table.source.sheet if table.source else table.sheet_name
                item["source_row"] = table.row_source.get(finding.row)
            findings.append(item)
    if args.json:
        _print_json({"findings": findings})
    else:
        colon = translate("cli", "：")
        for item in findings:
            where = (
                f"{item['file']} · {item['table_title']}" if item["table_title"] else item["file"]
            )
            if "report" in item:
                line = translate("cli", "{v} 第{v2}行").format(
                    v=item["report"], v2=item["values"].get("line")
                )
                where = line if item["file"] == item["report"] else f"{line} ↔ {where}"
            label = translate("core", SEVERITY_LABELS[Severity(item["severity"])])
            print(f"[{label}] {where}{colon}{item['message']}")
        print(translate("cli", "共 {n_findings} 条审核意见").format(n_findings=len(findings)))
    return 0


def _extract_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench extract",
        description=translate("cli", "列出报告正文中引用的数字（.txt/.docx）"),
    )
    parser.add_argument("report", help=translate("cli", "报告正文（.txt 或 .docx）"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parser


def _diff_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench diff",
        description=translate(
            "cli", "比较两个计划文档或附件（同一表的两个版本，或同一表的两个年度）"
        ),
    )
    parser.add_argument("old", help=translate("cli", "旧文件（当前计划、上年）"))
    parser.add_argument("new", help=translate("cli", "新文件（部门修订稿、本年）"))
    parser.add_argument(
        "--sheet", help=translate("cli", "两文件中要比较的工作表或表；缺省为旧文件的第一个表")
    )
    parser.add_argument(
        "--new-sheet", help=translate("cli", "新文件中的工作表（与 --sheet 不同名时）")
    )
    parser.add_argument(
        "--key", help=translate("cli", "配对所用的列（如 name 或 项目名称）；缺省为名称")
    )
    parser.add_argument(
        "--crosswalk",
        help=translate(
            "cli", '对照表 JSON：{"sector": {旧: 新}, "name": {旧: 新}}，新值 null 表示无对应'
        ),
    )
    parser.add_argument(
        "--accept",
        type=float,
        default=None,
        metavar="SCORE",
        help=translate(
            "cli", "相似名称得分不低于此值即视为同一行（缺省 0.85）；低于此值的只作建议列出"
        ),
    )
    parser.add_argument(
        "--tolerance",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help=translate("cli", "某字段的容差（同单位，如 annual_plan=0.01）；可重复"),
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parser


def cmd_extract(argv: Sequence[str]) -> int:
    from workbench.io.reading.report_text import read_report

    args = _extract_parser().parse_args(argv)
    report = read_report(args.report)
    statements = report.statements()
    if args.json:
        _print_json(
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


def _pick_table(doc, path: str, sheet: str | None, like=None):
    """The table `--sheet` names; else the one matching `like` (same sheet name, then same
    kind); else the first."""
    from workbench.io.opener import select_table

    if sheet or like is None:
        return select_table(doc, path, sheet, None)
    found = doc.find_table(like.sheet_name) or doc.find_table(like.title)
    if found is not None and found.kind == like.kind:
        return found
    if like.year is not None:
        for table in doc.tables.values():  # the same table of another year (2021 → 2022)
            if table.kind == like.kind and table.year not in (None, like.year):
                return table
    for table in doc.tables.values():
        if table.kind == like.kind:
            return table
    from workbench.core.vocab import TABLE_KIND_LABELS
    from workbench.io.errors import FileProblem

    kind = translate("core", TABLE_KIND_LABELS[like.kind])
    raise FileProblem(
        translate("cli", "没有可与旧文件“{sheet_name}”比较的{kind}").format(
            sheet_name=like.sheet_name, kind=kind
        ),
        path,
    )


def cmd_diff(argv: Sequence[str]) -> int:
    args = _diff_parser().parse_args(argv)
    with collector_paused():
        return _diff(args)


def _open_both(open_document, old: str, new: str):
    """Both documents, the new one read in a second thread while this one reads the old.

    Why: the user waits for both reads, and most of a read (calamine's parse, zlib's inflate)
    runs without the interpreter lock, so on two cores the two reads overlap. The old file's
    problem is reported first, as when they were read one after the other; a missing file is
    named before either read starts.
    """
    from concurrent.futures import ThreadPoolExecutor

    from workbench.io.opener import check_openable

    check_openable(old)
    check_openable(new)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-new") as pool:
        later = pool.submit(open_document, new)
        try:
            first = open_document(old)
        finally:
            if not later.running():
                later.cancel()
        return first, later.result()


def _diff(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.core.compare.align import ACCEPT_THRESHOLD, compare_tables
    from workbench.core.compare.crosswalk import Crosswalk
    from workbench.core.compare.report import diff_payload, diff_text
    from workbench.core.compare.tolerance import Tolerances
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    try:
        tolerances = Tolerances.parse(args.tolerance)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.accept is not None and not 0 <= args.accept <= 1:
        raise UsageError(
            translate("cli", "--accept 应在 0 到 1 之间，而不是 {accept}").format(
                accept=args.accept
            )
        )
    extra = None
    if args.crosswalk:
        walk_path = Path(args.crosswalk)
        if not walk_path.is_file():
            raise FileProblem(translate("cli", "对照表文件不存在"), walk_path)
        try:
            extra = Crosswalk.from_json_text(walk_path.read_text(encoding="utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise FileProblem(str(exc), walk_path) from None
    old_doc, new_doc = _open_both(open_document, args.old, args.new)
    old_table = _pick_table(old_doc, args.old, args.sheet)
    new_table = _pick_table(new_doc, args.new, args.new_sheet or args.sheet, old_table)
    crosswalk = Crosswalk.of(old_doc)
    if extra is not None:
        crosswalk = crosswalk.merged(extra)
    key = args.key
    if key:
        from workbench.core.compare.align import resolve_column

        try:
            key = resolve_column(old_table, key)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        comparison = compare_tables(
            old_table,
            new_table,
            crosswalk=crosswalk,
            tolerances=tolerances,
            key_column=key,
            accept_threshold=ACCEPT_THRESHOLD if args.accept is None else args.accept,
        )
    except ValueError as exc:
        raise FileProblem(str(exc), args.new, new_table.sheet_name) from None
    if args.json:
        payload = diff_payload(comparison)
        payload["old_file"] = {
            "source": args.old,
            "sheet": old_table.sheet_name,
            "rows": len(old_table),
        }
        payload["new_file"] = {
            "source": args.new,
            "sheet": new_table.sheet_name,
            "rows": len(new_table),
        }
        _print_json(payload)
    else:
        old_label = translate("cli", "{name} 工作表“{sheet_name}”").format(
            name=Path(args.old).name, sheet_name=old_table.sheet_name
        )
        new_label = translate("cli", "{name} 工作表“{sheet_name}”").format(
            name=Path(args.new).name, sheet_name=new_table.sheet_name
        )
        sys.stdout.write(diff_text(comparison, old_label, new_label) + "\n")
    return 0


def _cmd_sample(argv: Sequence[str]) -> int:
    from workbench.cli_sample import cmd_sample

    return cmd_sample(argv)


def _top_help() -> str:
    return translate(
        "cli",
        "用法：workbench [文件…]                 打开工作台（无文件时打开示例计划）\n      workbench import 文件 [--sheet 表] [--kind indicators|projects] [--json]\n      workbench export 文件 -o 输出.xlsx [--clean | --write-back [--original 原表]] [--json]\n      workbench check 文件… [报告.txt|报告.docx] [--all] [--json]\n      workbench extract 报告.txt|报告.docx [--json]\n      workbench diff 旧文件 新文件 [--sheet 表] [--key 列] [--crosswalk 对照表.json] [--json]\n      workbench template 计划 --by owner|sector -o 文件夹 [--deadline YYYY-MM-DD] [--json]\n      workbench rollforward 计划 -o 下年计划.xlsx [--json]\n      workbench returns 计划 返回文件夹 [--json]\n      workbench sample -o 文件.xlsx [--overwrite] [--json]   复制示例计划\n      workbench --version\n",
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
        errno.ENOSPC: translate("cli", "磁盘空间不足"),
        errno.EDQUOT: translate("cli", "磁盘配额已满"),
        errno.EACCES: translate("cli", "没有权限"),
        errno.EPERM: translate("cli", "没有权限"),
        errno.EROFS: translate("cli", "磁盘或文件夹是只读的"),
        errno.ENOENT: translate("cli", "文件或文件夹不存在"),
        errno.EISDIR: translate("cli", "这是一个文件夹"),
        errno.ENAMETOOLONG: translate("cli", "文件名过长"),
        errno.EFBIG: translate("cli", "文件超过系统允许的大小（或磁盘已满）"),
        errno.EBUSY: translate("cli", "文件正被占用"),
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or str(exc))
    name = exc.filename or ""
    where = translate("cli", "文件“{v}”：").format(v=os.path.basename(str(name))) if name else ""
    return translate("cli", "{where}{reason}，未能完成（原有文件未受影响）").format(
        where=where, reason=reason
    )


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
    cli_words.install()  # the language may have changed since import (setting, LANG)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to GBK
        except (AttributeError, ValueError):
            pass
    from workbench.terminal_text import guard_terminal

    guard_terminal()  # cells may hold terminal escape sequences: shown, never obeyed
    from workbench.io.errors import FileProblem

    if argv and argv[0] in ("--version", "-V"):
        print(f"workbench {__version__}")
        return 0
    if argv and argv[0] in ("-h", "--help", "help"):
        try:
            print(_top_help())
            sys.stdout.flush()
        except BrokenPipeError:  # `workbench --help | head`
            return _closed_pipe()
        return 0
    try:
        if argv and argv[0] in SUBCOMMANDS:
            commands = {
                "import": cmd_import,
                "export": cmd_export,
                "check": cmd_check,
                "extract": cmd_extract,
                "diff": cmd_diff,
                "sample": _cmd_sample,
            }
            if argv[0] in ("template", "rollforward", "returns"):
                from workbench import cli_generate

                commands[argv[0]] = getattr(cli_generate, f"cmd_{argv[0]}")
            from workbench import progress  # a line on stderr while a long run works (tty only)

            with progress.command(argv[0]):
                code = commands[argv[0]](argv[1:])
            sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
            return code
        if argv and argv[0].startswith("-"):
            print(
                translate("cli", "workbench：未知选项 {v}\n{v2}").format(v=argv[0], v2=_top_help()),
                file=sys.stderr,
            )
            return 2
        for name in argv[:1]:  # the window opens one document; say so before starting Qt
            if not os.path.exists(name):
                meant = difflib.get_close_matches(name, SUBCOMMANDS, n=1, cutoff=0.6)
                if meant:
                    raise UsageError(
                        translate("cli", "没有“{name}”这个命令，是否要用 {v}？").format(
                            name=name, v=meant[0]
                        )
                    )
                raise FileProblem(
                    translate("cli", "文件不存在（完整路径：{v}）").format(v=os.path.abspath(name)),
                    name,
                )
        if not _display_available():
            print(
                translate(
                    "cli",
                    "workbench：没有可用的图形显示（未设置 DISPLAY）；无界面时请用 import/export/check 子命令",
                ),
                file=sys.stderr,
            )
            return 1
    except FileProblem as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as exc:
        print(
            translate("cli", "workbench：{problem}").format(problem=_os_error_line(exc)),
            file=sys.stderr,
        )
        return 1
    except MemoryError:
        print(
            translate("cli", "workbench：内存不足，已停止（文件可能过大或已损坏）"), file=sys.stderr
        )
        return 1
    except Exception as exc:  # never a traceback for the user; WORKBENCH_DEBUG=1 shows it
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        print(
            translate("cli", "workbench：处理时出错（{kind}：{v}）").format(
                kind=type(exc).__name__, v=str(exc)[:120]
            ),
            file=sys.stderr,
        )
        return 1
    from workbench.ui.app import run

    return run(argv)
