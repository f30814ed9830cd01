"""Write corrections back into the department's own workbook, changing nothing else.

The corrected cells are patched inside the original xlsx package (io.writing.package_patch):
every other part — formulas with their cached values, styles, validations, conditional
formats, charts — is copied as it was. Totals whose formula depends on a corrected cell get a
new value (a plain sum) or are recalculated when the workbook opens; either way they are
listed in the 修订记录 sheet added at the end, with static subtotals that no longer add up.
Rows added or deleted in review cannot be put back into someone else's layout faithfully, so
they are listed there instead of being guessed at.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench import progress
from workbench.core.document import PlanDocument
from workbench.core.group_sums import total_of
from workbench.core.revisions import CellRevision, changed_cells
from workbench.core.schema import TableKind
from workbench.core.schema import label as field_label
from workbench.core.summaries import MONEY, subtotal_members
from workbench.core.table import Table
from workbench.core.vocab import ROW_CHANGES, money_tolerance
from workbench.io.errors import FileProblem
from workbench.io.native.atomic import atomic_path
from workbench.io.reading import header_vocabulary as vocab
from workbench.io.reading.annex_reader import column_letter, from_yi
from workbench.io.writing.log_sheet import (
    chinese_time,
    net_changes,
    printed_status,
    row_label,
    value_text,
)
from workbench.io.writing.package_patch import (
    NewSheet,
    Package,
    PackageError,
    PatchResult,
    cell_value,
    patch_package,
)
from workbench.io.writing.text_fit import row_height

LOG_SHEET = "修订记录"
_HEADERS = ["序号", "工作表", "单元格", "行", "字段", "原值", "新值", "修改人", "时间", "原因"]
_WIDTHS = [6, 16, 8, 28, 14, 16, 16, 10, 18, 30]


@dataclass
class WriteBackReport:
    output: Path
    written: int
    skipped: list[str]
    sheets: list[str]  # sheets whose cells were corrected, then the 修订记录 sheet added
    recomputed: list[str] = field(default_factory=list)  # totals given a new value
    recalculate: list[str] = field(default_factory=list)  # totals left to recalculate on open
    subtotals: list[str] = field(default_factory=list)  # static subtotals that no longer add up


@dataclass
class _Write:
    sheet: str
    row: int
    col: int
    table: Table
    key: str
    column: str
    value: Any
    revision: CellRevision
    original: Any = None  # the doc's value before review, in the doc's terms


def _decimals_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return 0
    if isinstance(value, float):
        if value.is_integer():
            return 0
        text = repr(value)
        return None if "e" in text else len(text.split(".")[1])
    if isinstance(value, str):
        text = vocab.compact(value).replace(",", "").rstrip("%")
        try:
            float(text)
        except ValueError:
            return None
        return len(text.split(".")[1]) if "." in text else 0
    return None


def _round_to(value: float, decimals: int) -> float | int:
    """The source's precision when the difference is float noise (5699.999999999999 → 5700);
    digits a reviewer really typed beyond it are kept."""
    rounded = round(value, decimals)
    if abs(rounded - value) <= 1e-9 * max(1.0, abs(value)):
        value = rounded
    else:
        value = float(f"{value:.12g}")
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _header_labels(package: Package, table: Table) -> dict[int, str]:
    """1-based column → header text of the source sheet (as compact text, rows joined)."""
    source = table.source
    if not source or not source.header_rows:
        return {}
    sheet = package.sheet_xml(source.sheet)
    labels: dict[int, list[str]] = {}
    for r in source.header_rows:
        info = sheet.rows.get(r)
        for cell in info.cells if info else []:
            text = vocab.compact(cell_value(cell, package.shared_strings) or "")
            if text:
                labels.setdefault(cell.col, []).append(str(text))
    return {c: " ".join(parts) for c, parts in labels.items()}


def _note_parts(
    note: str | None, labels: dict[int, str], mapped: set[int]
) -> tuple[dict[int, str], list[str]]:
    """Split a note the reader built ("备注；列名：值；…") back into its columns."""
    routed: dict[int, str] = {}
    rest: list[str] = []
    for part in (note or "").split("；"):
        if not part:
            continue
        head, sep, text = part.partition("：")
        column = None
        if sep:
            label = vocab.compact(head)
            for c, header in labels.items():
                if c not in mapped and (header == label or header.endswith(" " + label)):
                    column = c
                    break
            if column is None and label.endswith("原文"):
                continue  # the original text of a converted cell: that cell still holds it
        if column is None:
            rest.append(part)
        else:
            routed[column] = text
    return routed, rest


def _sheet_value(
    table: Table, column: str, value: Any, old_cell: Any, original: Any, decimals: int | None
) -> Any:
    """The doc's value in the sheet's own terms: unit, percent form, precision."""
    source = table.source
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    if column in source.units:
        value = from_yi(float(value), source.units[column])
    if column == "completion_rate":
        if isinstance(old_cell, str) and old_cell.strip().endswith("%"):
            return f"{_round_to(float(value), max(decimals or 0, 1)):g}%"
        if (
            isinstance(old_cell, (int, float))
            and isinstance(original, (int, float))
            and math.isclose(old_cell * 100, original, rel_tol=1e-6)
        ):
            value = value / 100  # the sheet stores 1.158 with a percent format
            decimals = None if decimals is None else decimals + 2
    return _round_to(float(value), decimals if decimals is not None else 6)


def _column_decimals(
    package: Package, table: Table, column: str, col: int, cache: dict
) -> int | None:
    key = (table.source.sheet, col)
    if key not in cache:
        sheet = package.sheet_xml(table.source.sheet)
        found = [
            _decimals_of(cell_value(sheet.cell(r, col), package.shared_strings))
            for r in table.row_source.values()
        ]
        known = [d for d in found if d is not None]
        cache[key] = min(max(known), 6) if known else None
    return cache[key]


def _plan_writes(doc: PlanDocument, package: Package) -> tuple[list[_Write], list[str]]:
    writes: list[_Write] = []
    skipped: list[str] = []
    decimals_cache: dict = {}
    labels_cache: dict[str, dict[int, str]] = {}
    old_cells: dict[str, Any] = {}
    for (table_id, key, column), revision in sorted(changed_cells(doc).items()):
        table = doc.tables[table_id]
        source = table.source
        name = table.rows[key].get("name") or row_label(doc, table_id, key)
        where = f"表“{table.title}”“{name}”的{field_label(table.kind, column)}"
        if source is None or source.sheet not in package.sheets:
            skipped.append(f"{where}：原表中找不到工作表")
            continue
        row = table.row_source.get(key)
        target = "status" if column == "status_override" else column
        col = source.columns.get(target)
        if row is None:
            skipped.append(f"{where}：原表中没有对应的行")
            continue
        if column == "note":
            if table_id not in labels_cache:
                labels_cache[table_id] = _header_labels(package, table)
            labels = labels_cache[table_id]
            mapped = set(source.columns.values())
            routed, rest = _note_parts(revision.current, labels, mapped)
            routed_before, before = _note_parts(revision.original, labels, mapped)
            for c in sorted(set(routed) | set(routed_before)):
                if routed.get(c) != routed_before.get(c):  # only the parts that changed
                    text = routed.get(c)
                    writes.append(_Write(source.sheet, row, c, table, key, column, text, revision))
            if col is not None and rest != before:
                writes.append(
                    _Write(
                        source.sheet,
                        row,
                        col,
                        table,
                        key,
                        column,
                        "；".join(rest) or None,
                        revision,
                    )
                )
            elif rest != before:
                skipped.append(f"{where}：原表没有备注列，“{'；'.join(rest)}”未写回")
            continue
        if col is None:
            skipped.append(f"{where}：原表中没有对应的列")
            continue
        value = revision.current
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cache_key = f"{source.sheet}!{row},{col}"
            if cache_key not in old_cells:
                sheet = package.sheet_xml(source.sheet)
                old_cells[cache_key] = cell_value(sheet.cell(row, col), package.shared_strings)
            decimals = _column_decimals(package, table, target, col, decimals_cache)
            value = _sheet_value(
                table, column, value, old_cells[cache_key], revision.original, decimals
            )
        writes.append(_Write(source.sheet, row, col, table, key, column, value, revision))
    return writes, skipped


def _static_subtotals(doc: PlanDocument, package: Package, writes: list[_Write]) -> list[list[Any]]:
    """Subtotal rows typed as numbers (no formula) that a correction made disagree."""
    out = []
    revised: dict[tuple[str, str, str], Any] = {
        (w.table.id, w.key, w.column): w.revision.original for w in writes
    }
    for table in {w.table.id: w.table for w in writes}.values():
        if table.kind is not TableKind.PROJECTS or table.source is None:
            continue
        sheet = package.sheet_xml(table.source.sheet)
        for record in table.subtotals:
            row = record.get("row")
            members = subtotal_members(table, str(record.get("label", "")))
            if row is None or members is None:
                continue
            for column in MONEY:
                col = table.source.columns.get(column)
                stated = record.get(column)
                if col is None or stated is None:
                    continue
                cell = sheet.cell(row, col)
                if cell is not None and cell.formula is not None:
                    continue  # a formula: recomputed or recalculated, listed elsewhere
                keys = {id(r): k for k, r in table}
                now = total_of(r.get(column) for r in members) or 0.0
                before = (
                    total_of(
                        revised.get((table.id, keys.get(id(r)), column), r.get(column))
                        for r in members
                    )
                    or 0.0
                )
                if not any((table.id, keys.get(id(r)), column) in revised for r in members):
                    continue
                tolerance = money_tolerance(stated)
                if abs(now - stated) <= tolerance:
                    continue
                unit = table.source.units.get(column, "亿元")
                agreed = abs(before - stated) <= tolerance
                out.append(
                    [
                        table.source.sheet,
                        f"{column_letter(col - 1)}{row}",
                        str(record.get("label", "")),
                        field_label(table.kind, column),
                        value_text(_round_to(from_yi(stated, unit), 6)),
                        f"明细合计 {value_text(_round_to(from_yi(now, unit), 6))}",
                        "",
                        "",
                        "静态小计与明细不符"
                        + ("（更正前相符），请部门核对后改正" if agreed else "（原表即不符）"),
                    ]
                )
    return out


def write_back(
    doc: PlanDocument,
    original: str | os.PathLike,
    output: str | os.PathLike,
    *,
    overwrite: bool = False,
) -> WriteBackReport:
    """Patch the corrected cells into a copy of `original` (an .xlsx/.xlsm) at `output`."""
    original, output = Path(original), Path(output)
    progress.step(f"写回“{original.name}”")
    if original.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FileProblem("只能写回 xlsx/xlsm 格式的原表；其他格式请导出标准附件", original)
    if output.exists() and output.resolve() == original.resolve() and not overwrite:
        raise FileProblem(
            "输出文件与原表相同；为避免覆盖原表，请另选输出文件名（或明确要求覆盖）", output
        )
    from workbench.io.reading import limits
    from workbench.io.reading.sniff import FileKind, sniff_data

    _check_positions(doc, original)
    # The original is a department's file too: the same limits before it is patched, and
    # the patch reads the bytes that were checked, never the path again.
    data = limits.read_bounded(original)
    if sniff_data(data, original).kind is not FileKind.XLSX:
        raise FileProblem("只能写回 xlsx/xlsm 格式的原表；其他格式请导出标准附件", original)
    limits.check_package(data, original, FileKind.XLSX)
    try:
        package = Package(io.BytesIO(data))
    except (OSError, PackageError) as exc:
        raise FileProblem(f"原表无法用于写回：{exc}", original) from None
    try:
        return _write_back(doc, package, original, output)
    except PackageError as exc:
        raise FileProblem(f"原表无法用于写回：{exc}", original) from None
    finally:
        package.close()


def _check_positions(doc: PlanDocument, original: Path) -> None:
    """Every place the document says its tables came from lies inside an Excel sheet; a
    tampered document (row -3, row 5,000,000, column 20,000) is refused before anything is
    written, instead of producing a workbook Excel cannot open."""
    from workbench.io.reading.bounds import EXCEL_COLUMNS, EXCEL_ROWS

    for table in doc.tables.values():
        source = table.source
        if source is None:
            continue
        rows = [*source.header_rows, *table.row_source.values()]
        columns = list(source.columns.values())
        bad_row = next((r for r in rows if not _whole(r) or not 1 <= r <= EXCEL_ROWS), None)
        bad_col = next((c for c in columns if not _whole(c) or not 1 <= c <= EXCEL_COLUMNS), None)
        if bad_row is not None or bad_col is not None:
            where = f"第 {bad_row} 行" if bad_row is not None else f"第 {bad_col} 列"
            raise FileProblem(
                f"文档中记录的表“{table.title}”在原表中的位置不对（{where}，超出工作表范围），"
                "文档可能已被改动；已停止写回",
                original,
            )


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _write_back(
    doc: PlanDocument, package: Package, original: Path, output: Path
) -> WriteBackReport:
    writes, skipped = _plan_writes(doc, package)
    for change in net_changes(doc):
        if change.kind in ROW_CHANGES:
            skipped.append(
                f"{change.action}“{change.new or change.old or change.key}”：行的增删未写回原表"
            )
    by_sheet: dict[str, dict[tuple[int, int], Any]] = {}
    for w in writes:
        by_sheet.setdefault(w.sheet, {})[(w.row, w.col)] = w.value
    log_name = LOG_SHEET
    while log_name in package.sheets:
        log_name += "1"
    report = WriteBackReport(output, 0, skipped, [])
    subtotal_rows = _static_subtotals(doc, package, writes)

    def log_sheet(result: PatchResult) -> NewSheet:
        rows: list[list[Any]] = [[f"{doc.title or original.stem} 写回修订记录"], _HEADERS]
        n = 0
        for w in writes:
            where = (w.sheet, w.row, w.col)
            if where in [(s, r, c) for s, r, c in result.formula_cells]:
                skipped.append(
                    f"“{w.table.rows[w.key].get('name') or w.key}”的{field_label(w.table.kind, w.column)}："
                    f"原单元格 {column_letter(w.col - 1)}{w.row} 是公式，未覆盖"
                )
                continue
            n += 1
            old = result.old_values.get(where)
            if w.column == "status_override" and old in (None, ""):
                old = printed_status(doc, w.table.id, w.key)
            rows.append(
                [
                    n,
                    w.sheet,
                    f"{column_letter(w.col - 1)}{w.row}",
                    row_label(doc, w.table.id, w.key),
                    field_label(w.table.kind, w.column)
                    if w.column != "status_override"
                    else "完成情况（审核判定）",
                    value_text(old),
                    value_text(w.value),
                    w.revision.user,
                    chinese_time(w.revision.time),
                    w.revision.reason,
                ]
            )
        report.written = n
        for item in result.recomputed:
            n += 1
            if item.new is None:
                report.recalculate.append(f"{item.sheet}!{item.ref}")
                new, why = (
                    "打开时重算",
                    f"公式 {item.formula} 依赖更正的单元格，已设为打开时重新计算",
                )
            else:
                report.recomputed.append(f"{item.sheet}!{item.ref}")
                new, why = value_text(item.new), f"公式 {item.formula} 依赖更正的单元格，已重算"
            rows.append(
                [
                    n,
                    item.sheet,
                    item.ref,
                    "合计/小计公式",
                    "",
                    value_text(item.old),
                    new,
                    "",
                    "",
                    why,
                ]
            )
        for entry in subtotal_rows:
            n += 1
            report.subtotals.append(f"{entry[0]}!{entry[1]}")
            rows.append([n, *entry])
        for note in skipped:
            n += 1
            rows.append([n, "未写回", "", note])
        heights = [30.0, 22.0] + [
            row_height([(str(v), w) for v, w in zip(r, _WIDTHS, strict=False)]) for r in rows[2:]
        ]
        return NewSheet(log_name, rows, _WIDTHS, heights, header_rows=2, title_row=True)

    with atomic_path(output) as tmp:
        result = patch_package(package, tmp, by_sheet, log_sheet)
    touched = [s for s in by_sheet if any(k[0] == s for k in result.old_values)]
    report.sheets = [*touched, log_name]
    return report
