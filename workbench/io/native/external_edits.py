"""Find what someone changed in Excel/WPS/LibreOffice since the workbench wrote a workbook.

The hidden sheet holds the document as written and a map of where each value went. On
reopening, the visible sheet wins: its rows are paired with the document's rows (by position
while the names still line up, then by name, then — between two paired rows — in order), and
every difference becomes an ordinary edit by user 外部修改: a changed cell, a renamed row, a
row deleted or added in Excel. So a comparison, a check or an export sees what a colleague
sees in the sheet, the original values stay in the change log, and the disagreement itself
is reported as a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.edits import (
    CellChange,
    Compound,
    DeleteRows,
    Edit,
    EditError,
    InsertRows,
    RowData,
    SetCells,
)
from workbench.core.indicators import status_of
from workbench.core.keys import match_key
from workbench.core.numbers import format_number, parse_number
from workbench.core.schema import STATUSES, FieldType
from workbench.core.table import Table
from workbench.core.vocab import NO_VALUE_MARKS

EXTERNAL_USER = "外部修改"
# When fewer of the sheet's rows than this share pair with the document's rows by name, the
# sheet no longer has the layout we wrote (columns moved, another table pasted in): adopting
# it row by row would delete and re-add everything, so it is reported instead.
MIN_RECOGNISED_SHARE = 0.5
# Rows of the print layout that are not table rows: totals, notes, the legend, and group
# headings ("一、科技创新（40个）") when they sit in the key column.
_FURNITURE = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|注[:：]|图例|[一二三四五六七八九十]+、)")
# The first column of the rows under a table: its note, then the legend of the review marks.
_BELOW_TABLE = re.compile(r"^\s*(注[:：]|图例)")


@dataclass
class ExternalReport:
    changed: int
    notices: list[str]
    rows_added: int = 0
    rows_deleted: int = 0


def _same(sheet_value: Any, doc_value: Any, number: bool) -> bool:
    if sheet_value in ("", None) or (
        number and isinstance(sheet_value, str) and sheet_value.strip() in NO_VALUE_MARKS
    ):  # the print layout writes "—" where a figure is missing; blank text may come back empty
        return doc_value is None or (isinstance(doc_value, str) and not doc_value.strip())
    if doc_value is None:
        return False
    if number:
        if isinstance(sheet_value, (int, float)) and not isinstance(sheet_value, bool):
            shown = float(sheet_value)
        else:
            parsed = parse_number(sheet_value).value
            if parsed is None:
                return False
            shown = parsed
        # XlsxWriter writes 16 significant digits; the hidden document keeps all 17; Excel,
        # WPS and LibreOffice re-save a number with 15.
        written = float(f"{float(doc_value):.16G}")
        return (
            shown in (float(doc_value), written)
            or float(f"{shown:.15G}") == float(f"{written:.15G}")
            or float(f"{shown:.15G}") == float(f"{float(doc_value):.15G}")
        )
    if isinstance(sheet_value, float):
        return format_number(sheet_value) == str(doc_value)
    return str(sheet_value) == str(doc_value)


def _typed(spec, sheet_value: Any) -> tuple[bool, Any]:
    if sheet_value in ("", None):
        return True, None
    if spec.type in (FieldType.NUMBER, FieldType.INTEGER):
        parsed = parse_number(sheet_value)
        if parsed.error:
            return False, None
        if (
            spec.type is FieldType.INTEGER
            and parsed.value is not None
            and not float(parsed.value).is_integer()
        ):
            return False, None
        return True, parsed.value if spec.type is FieldType.NUMBER or parsed.value is None else int(
            parsed.value
        )
    text = (
        format_number(sheet_value) if isinstance(sheet_value, float) else str(sheet_value).strip()
    )
    if spec.type is FieldType.CHOICE and text not in spec.choices:
        return False, None
    return True, text


class _Sheet:
    """One visible sheet as the layout map reads it."""

    def __init__(self, table: Table, sheet_map: dict[str, Any], rows: list[list[Any]]) -> None:
        self.table = table
        self.name: str = sheet_map["sheet"]
        self.columns: dict[str, int] = sheet_map["columns"]
        self.rows = rows
        self.at: dict[int, str] = {r: k for k, r in sheet_map["rows"].items() if k in table.rows}
        self.key_field = "name" if "name" in self.columns else "group"
        self.key_col = self.columns.get(self.key_field)

    def cell(self, r: int, c: int) -> Any:
        rows = self.rows
        return rows[r][c] if r < len(rows) and c < len(rows[r]) else ""

    def key_text(self, r: int) -> str:
        value = self.cell(r, self.key_col) if self.key_col is not None else ""
        return format_number(value) if isinstance(value, float) else str(value or "").strip()

    def data_rows(self) -> list[int]:
        """The sheet's table rows, from the first row we wrote one to its note: a row with a
        name of the document's (a summary's 合计 row is one) or a name that is no total, note
        or heading — or a row we wrote without a name that still has none."""
        if not self.at:
            return []
        known = {match_key(v.get(self.key_field)) for v in self.table.rows.values()}
        notes = {str(n).strip() for n in self.table.notes if str(n).strip()}
        out = []
        # to the last row we wrote at least: a reader drops trailing empty rows
        for r in range(min(self.at), max(len(self.rows), max(self.at) + 1)):
            first = self.cell(r, 0)
            if isinstance(first, str) and (_BELOW_TABLE.match(first) or first.strip() in notes):
                break  # the note under the table, then the legend: the table ended
            text = self.key_text(r)
            if text:
                if not _FURNITURE.match(text) or match_key(text) in known:
                    out.append(r)
            elif (
                r in self.at
                and not str(self.table.rows[self.at[r]].get(self.key_field) or "").strip()
            ):
                out.append(r)  # written without a name (or a blank one) and still without
        return out


def _pair(sheet: _Sheet, data: list[int]) -> tuple[dict[int, str], bool]:
    """Sheet row → document key: by position while the name is the same, then by name, then
    — between two paired rows, as many on each side — in order (a rename). Also whether any
    row was found away from where it was written."""
    table = sheet.table
    name_of = {k: match_key(v.get(sheet.key_field)) for k, v in table.rows.items()}
    paired: dict[int, str] = {}
    for r in data:
        key = sheet.at.get(r)
        if key is not None and name_of[key] == match_key(sheet.key_text(r)):
            paired[r] = key
    moved = False
    if len(paired) < len(data) or len(paired) < len(sheet.at):
        used = set(paired.values())
        by_name: dict[str, list[str]] = {}
        for key in table.keys:
            if key not in used:
                by_name.setdefault(name_of[key], []).append(key)
        for r in data:
            if r not in paired:
                waiting = by_name.get(match_key(sheet.key_text(r)))
                if waiting:
                    paired[r] = waiting.pop(0)
                    moved = True
        _pair_renames(sheet, data, paired)
    return paired, moved


def _pair_renames(sheet: _Sheet, data: list[int], paired: dict[int, str]) -> None:
    """Rows left between the same two paired rows, as many in the sheet as were written
    there: renamed in place. Positions are the rows we wrote, so a sheet grouped by sector
    (not in the table's order) pairs the same way."""
    written = {k: r for r, k in sheet.at.items()}
    used = set(paired.values())
    gaps: dict[tuple[int, int], list[int]] = {}
    previous = -1
    waiting: list[int] = []
    for r in [*data, None]:
        if r is not None and r not in paired:
            waiting.append(r)
            continue
        following = written.get(paired[r], -1) if r is not None else len(sheet.rows) + 1
        if waiting and previous < following:
            gaps[(previous, following)] = waiting
        waiting = []
        if r is not None:
            previous = following
    if not gaps:
        return
    left = sorted((r, k) for k, r in written.items() if k not in used)
    for (low, high), rows in gaps.items():
        keys = [k for r, k in left if low < r < high]
        if len(keys) == len(rows):
            paired.update(zip(rows, keys, strict=True))


def _row_values(sheet: _Sheet, r: int, specs, notices: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, c in sheet.columns.items():
        spec = specs.get(column)
        if spec is None or spec.derived or column == "status":
            continue
        sheet_value = sheet.cell(r, c)
        ok, value = _typed(spec, sheet_value)
        if not ok:
            notices.append(
                f"工作表“{sheet.name}”第 {r + 1} 行“{spec.label}”被改为“{sheet_value}”，不是有效值，未采用"
            )
            continue
        if value is not None:
            values[column] = value
    return values


def _cell_changes(doc, sheet: _Sheet, r: int, key: str, specs, notices) -> list[CellChange]:
    table = sheet.table
    values = table.rows[key]
    changes: list[CellChange] = []
    for column, c in sheet.columns.items():
        sheet_value = sheet.cell(r, c)
        if column == "status":
            shown = status_of(table, key, doc.policy).shown  # what the sheet prints
            if _same(sheet_value, shown, False):
                continue
            ok, text = _typed(specs["status"], sheet_value)
            target = "status_override" if text in STATUSES else "status"
            changes.append(CellChange(key, target, text))
            continue
        spec = specs.get(column)
        if spec is None or spec.derived:
            continue
        number = spec.type in (FieldType.NUMBER, FieldType.INTEGER)
        if _same(sheet_value, values.get(column), number):
            continue
        ok, value = _typed(spec, sheet_value)
        if not ok:
            notices.append(
                f"工作表“{sheet.name}”第 {r + 1} 行“{spec.label}”被改为“{sheet_value}”，不是有效值，未采用"
            )
            continue
        changes.append(CellChange(key, column, value))
    return changes


def _table_edits(doc, sheet: _Sheet, notices: list[str]) -> tuple[list[Edit], int, int]:
    """The edits that make one table what its sheet shows: (edits, rows added, deleted)."""
    table = sheet.table
    specs = {f.key: f for f in table.fields}
    data = sheet.data_rows()
    paired, moved = _pair(sheet, data)
    recognised = len(paired)
    if data and sheet.at and recognised < MIN_RECOGNISED_SHARE * min(len(data), len(sheet.at)):
        notices.append(
            f"工作表“{sheet.name}”与文档数据对不上（列或整表被改动），结构已变，未逐格核对；请以导入方式重新读取该表"
        )
        return [], 0, 0
    edits: list[Edit] = []
    changes: list[CellChange] = []
    for r, key in paired.items():
        changes.extend(_cell_changes(doc, sheet, r, key, specs, notices))
    if changes:
        edits.append(SetCells(table.id, tuple(changes), EXTERNAL_USER))
    kept = set(paired.values())
    written = set(sheet.at.values())
    gone = tuple(k for k in table.keys if k in written and k not in kept)
    if gone:
        edits.append(DeleteRows(table.id, gone, EXTERNAL_USER))
    # New rows go after the paired row above them, in the sheet's order.
    order = [k for k in table.keys if k not in gone]
    inserted: list[tuple[str, RowData]] = []
    anchor: str | None = None
    pending: dict[str | None, list[RowData]] = {}
    for r in data:
        if r in paired:
            anchor = paired[r]
            continue
        values = _row_values(sheet, r, specs, notices)
        row = RowData(table.allocate_key(), values, {c: EXTERNAL_USER for c in values})
        pending.setdefault(anchor, []).append(row)
        inserted.append((sheet.name, row))
    if pending:
        final = list(pending.get(None, []))
        for key in order:
            final.append(key)
            final.extend(pending.get(key, []))
        positions = tuple((i, item) for i, item in enumerate(final) if isinstance(item, RowData))
        edits.append(InsertRows(table.id, positions, EXTERNAL_USER))
    if gone or inserted:
        notices.append(
            f"工作表“{sheet.name}”在 Excel/WPS 中删除了 {len(gone)} 行、新增了 {len(inserted)} 行，"
            "与文档数据不一致：以工作表为准，已标记为“外部修改”"
        )
    elif moved:
        notices.append(
            f"工作表“{sheet.name}”在 Excel/WPS 中插入或删除了行、调整了顺序，已按名称逐行核对"
        )
    return edits, len(inserted), len(gone)


def apply_external_edits(
    doc: PlanDocument, layout: dict[str, Any], sheets: dict[str, list[list[Any]]]
) -> ExternalReport:
    edits: list[Edit] = []
    notices: list[str] = []
    added = deleted = 0
    for table_id, sheet_map in layout.items():
        table = doc.tables.get(table_id)
        if table is None:
            continue
        rows = sheets.get(sheet_map["sheet"])
        if rows is None:
            notices.append(f"工作表“{sheet_map['sheet']}”已被删除或改名，未能核对其中的修改")
            continue
        found, plus, minus = _table_edits(doc, _Sheet(table, sheet_map, rows), notices)
        edits.extend(found)
        added += plus
        deleted += minus
    changed = sum(len(e.cells) for e in edits if isinstance(e, SetCells))
    if edits:
        try:
            doc.apply(
                Compound(tuple(edits), EXTERNAL_USER),
                user=EXTERNAL_USER,
                reason="在 Excel/WPS 中修改",
            )
        except EditError as exc:
            notices.append(f"外部修改未能全部采用：{exc}")
            changed = added = deleted = 0
        else:
            rows = f"，新增 {added} 行、删除 {deleted} 行" if added or deleted else ""
            notices.insert(
                0,
                f"发现 {changed} 处在 Excel/WPS 中所做的修改{rows}，已标记为“外部修改”并保留原值",
            )
    return ExternalReport(changed, notices, added, deleted)
