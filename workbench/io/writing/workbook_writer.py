"""Write the reviewed workbook: annex sheets, 修订记录, 审核意见 and the hidden document.

The native plan file and an exported annex are the same workbook: what a colleague opens in
Excel is the print layout with the review marked on it, and what the workbench reopens is the
hidden document with its full review state. Rows stream out in XlsxWriter's constant_memory
mode, so a 100k-row table does not hold the whole sheet in memory.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.core.checks import RULE_LABELS, Finding, run_checks
from workbench.core.document import PlanDocument
from workbench.core.revisions import changed_cells, inserted_rows
from workbench.core.schema import label as field_label
from workbench.core.vocab import SEVERITY_LABELS, Severity
from workbench.io.native import plan_json
from workbench.io.native.atomic import atomic_path
from workbench.io.native.hidden_sheet import MARKER, META_SHEET, write_hidden_sheet
from workbench.io.writing.print_layout import Formats, ReviewMarks, safe_sheet_name, write_table

LOG_SHEET = "修订记录"
FINDINGS_SHEET = "审核意见"


def _marks_by_table(doc: PlanDocument) -> dict[str, ReviewMarks]:
    marks: dict[str, ReviewMarks] = {t: ReviewMarks({}, set()) for t in doc.tables}
    for (table, key, column), revision in changed_cells(doc).items():
        marks[table].changed[(key, column)] = revision
    for table, key in inserted_rows(doc):
        marks[table].added.add(key)
    return marks


def _row_name(doc: PlanDocument, table_id: str, key: str) -> str:
    table = doc.tables.get(table_id)
    if table is None or key not in table.rows:
        return key
    row = table.rows[key]
    return str(row.get("name") or row.get("group") or key)


def _column_label(doc: PlanDocument, table_id: str, column: str | None) -> str:
    table = doc.tables.get(table_id)
    if column is None or table is None:
        return ""
    try:
        return field_label(table.kind, column)
    except KeyError:
        return column


def _value_text(value: Any) -> Any:
    if value is None:
        return ""
    return value if isinstance(value, (int, float, str)) else str(value)


def _write_log(workbook, formats: Formats, doc: PlanDocument, used: set[str]) -> None:
    sheet = workbook.add_worksheet(safe_sheet_name(LOG_SHEET, used))
    headers = ["序号", "表", "行", "字段", "操作", "原值", "新值", "修改人", "时间", "原因"]
    widths = [6, 40, 30, 14, 10, 18, 18, 12, 20, 24]
    sheet.merge_range(
        0, 0, 0, len(headers) - 1, f"{doc.title or '计划文档'} 修订记录", formats.title
    )
    for c, (text, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(1, c, text, formats.plain_header)
        sheet.set_column(c, c, width)
    for r, entry in enumerate(doc.change_log, start=2):
        table = doc.tables.get(entry.table)
        cells = [
            entry.seq,
            table.title if table else entry.table,
            _row_name(doc, entry.table, entry.key),
            _column_label(doc, entry.table, entry.column),
            entry.action,
            _value_text(entry.old),
            _value_text(entry.new),
            entry.user,
            entry.time,
            entry.reason,
        ]
        for c, value in enumerate(cells):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, c, value, formats.plain)
            else:
                sheet.write_string(r, c, str(value), formats.plain)
    sheet.freeze_panes(2, 0)
    sheet.repeat_rows(1, 1)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _write_findings(
    workbook, formats: Formats, doc: PlanDocument, findings: list[Finding], used: set[str]
) -> None:
    sheet = workbook.add_worksheet(safe_sheet_name(FINDINGS_SHEET, used))
    headers = ["序号", "级别", "规则", "表", "行", "字段", "意见"]
    widths = [6, 8, 14, 44, 30, 12, 80]
    sheet.merge_range(
        0, 0, 0, len(headers) - 1, f"{doc.title or '计划文档'} 审核意见", formats.title
    )
    for c, (text, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(1, c, text, formats.plain_header)
        sheet.set_column(c, c, width)
    for r, finding in enumerate(findings, start=2):
        table = doc.tables.get(finding.table)
        cells = [
            r - 1,
            SEVERITY_LABELS[Severity(finding.severity)],
            RULE_LABELS.get(finding.rule, finding.rule),
            table.title if table else finding.table,
            _row_name(doc, finding.table, finding.row) if finding.row else "",
            _column_label(doc, finding.table, finding.column),
            finding.message,
        ]
        for c, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(r, c, value, formats.plain)
            else:
                sheet.write_string(r, c, str(value), formats.plain)
    if not findings:
        sheet.write_string(2, 0, "未发现问题。", formats.plain)
    sheet.freeze_panes(2, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def write_workbook(
    doc: PlanDocument,
    path: str | os.PathLike,
    *,
    constant_memory: bool = True,
    title_font: str = "黑体",
    body_font: str = "宋体",
    created: datetime | None = None,
) -> list[str]:
    """Write atomically; return the names of the visible sheets. `created` fixes the
    workbook's creation date (else now), so that a rebuild can give identical bytes."""
    import xlsxwriter  # deferred: the window shows before heavy imports

    path = Path(path)
    data = plan_json.document_to_data(doc)
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": constant_memory,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "nan_inf_to_errors": True,
            },
        )
        properties = {"title": doc.title, "subject": "计划审核工作台文档", "comments": MARKER}
        if created is not None:
            properties["created"] = created
        workbook.set_properties(properties)
        formats = Formats(workbook, title_font=title_font, body_font=body_font)
        used = {META_SHEET.lower()}
        marks = _marks_by_table(doc)
        layout: dict[str, Any] = {}
        for table in doc.tables.values():
            label = table.meta.get("annex_label", "")
            sheet_map = write_table(workbook, formats, doc, table, label, used, marks[table.id])
            layout[table.id] = asdict(sheet_map)
        _write_log(workbook, formats, doc, used)
        _write_findings(workbook, formats, doc, run_checks(doc), used)
        data["layout"] = layout
        write_hidden_sheet(workbook, data)
        workbook.worksheets()[0].activate()
        names = [ws.get_name() for ws in workbook.worksheets() if ws.get_name() != META_SHEET]
        workbook.close()
    return names
