"""Find what someone changed in Excel/WPS since the workbench wrote a workbook.

The hidden sheet holds the document as written and a map of where each value went. On
reopening, the visible cells are compared with it; differences become ordinary edits (user
外部修改), so they show as changes with their original values instead of being silently
accepted or silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, Compound, EditError, SetCells
from workbench.core.indicators import status_of
from workbench.core.numbers import format_number, parse_number
from workbench.core.schema import STATUSES, FieldType
from workbench.core.vocab import NO_VALUE_MARKS

EXTERNAL_USER = "外部修改"
# A table whose names no longer line up this much was restructured (rows inserted or deleted
# in Excel); comparing it cell by cell would report nonsense.
MAX_SHIFTED_SHARE = 0.5


@dataclass
class ExternalReport:
    changed: int
    notices: list[str]


def _same(sheet_value: Any, doc_value: Any, number: bool) -> bool:
    if sheet_value in ("", None) or (
        number and isinstance(sheet_value, str) and sheet_value.strip() in NO_VALUE_MARKS
    ):  # the print layout writes "—" where a figure is missing
        return doc_value in (None, "")
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


def apply_external_edits(
    doc: PlanDocument, layout: dict[str, Any], sheets: dict[str, list[list[Any]]]
) -> ExternalReport:
    edits: list[SetCells] = []
    notices: list[str] = []
    for table_id, sheet_map in layout.items():
        table = doc.tables.get(table_id)
        if table is None:
            continue
        rows = sheets.get(sheet_map["sheet"])
        if rows is None:
            notices.append(f"工作表“{sheet_map['sheet']}”已被删除或改名，未能核对其中的修改")
            continue
        columns: dict[str, int] = sheet_map["columns"]
        specs = {f.key: f for f in table.fields}

        def cell(r: int, c: int, rows: list[list[Any]] = rows) -> Any:
            return rows[r][c] if r < len(rows) and c < len(rows[r]) else ""

        name_col = columns.get("name", columns.get("group"))
        name_key = "name" if "name" in columns else "group"
        if name_col is not None and sheet_map["rows"]:
            shifted = sum(
                not _same(cell(r, name_col), table.rows[k].get(name_key), False)
                for k, r in sheet_map["rows"].items()
                if k in table.rows
            )
            if shifted > MAX_SHIFTED_SHARE * len(sheet_map["rows"]):
                notices.append(
                    f"工作表“{sheet_map['sheet']}”在 Excel 中插入或删除了行，结构已变，未逐格核对；请以导入方式重新读取该表"
                )
                continue
        changes: list[CellChange] = []
        for key, r in sheet_map["rows"].items():
            if key not in table.rows:
                continue
            values = table.rows[key]
            for column, c in columns.items():
                sheet_value = cell(r, c)
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
                        f"工作表“{sheet_map['sheet']}”第 {r + 1} 行“{spec.label}”被改为“{sheet_value}”，不是有效值，未采用"
                    )
                    continue
                changes.append(CellChange(key, column, value))
        if changes:
            edits.append(SetCells(table_id, tuple(changes), "外部修改"))
    changed = sum(len(e.cells) for e in edits)
    if edits:
        try:
            doc.apply(
                Compound(tuple(edits), "外部修改"), user=EXTERNAL_USER, reason="在 Excel/WPS 中修改"
            )
        except EditError as exc:
            notices.append(f"外部修改未能全部采用：{exc}")
            changed = 0
        else:
            notices.insert(
                0, f"发现 {changed} 处在 Excel/WPS 中所做的修改，已标记为“外部修改”并保留原值"
            )
    return ExternalReport(changed, notices)
