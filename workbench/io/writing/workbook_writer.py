"""Write the reviewed workbook: annex sheets, 修订记录, 审核意见 and the hidden document.

The native plan file and an exported annex are the same workbook: what a colleague opens in
Excel is the print layout with the review marked on it, and what the workbench reopens is the
hidden document with its full review state. Rows stream out in XlsxWriter's constant_memory
mode, so a 100k-row table does not hold the whole sheet in memory.

A clean print copy (`clean=True`) is what goes out with the report: the annex sheets (and the
department's sheets the reader did not recognise, such as 说明) without fills, comments,
review sheets or the hidden document.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.core.checks import run_checks
from workbench.core.document import PlanDocument
from workbench.core.properties import DocumentProperties
from workbench.core.revisions import changed_cells, inserted_rows
from workbench.io.native import plan_json
from workbench.io.native.atomic import atomic_path, private_temp_dir
from workbench.io.native.hidden_sheet import MARKER, META_SHEET, write_hidden_sheet
from workbench.io.writing.annex_labels import annex_labels
from workbench.io.writing.findings_sheet import FINDING_HEADERS, FINDING_WIDTHS, finding_rows
from workbench.io.writing.log_sheet import LOG_HEADERS, LOG_WIDTHS, log_rows, printed_status
from workbench.io.writing.print_layout import (
    Formats,
    ReviewMarks,
    page_setup,
    safe_sheet_name,
    write_table,
)
from workbench.io.writing.text_fit import line_height, lines_needed

LOG_SHEET = "修订记录"
FINDINGS_SHEET = "审核意见"


def _marks_by_table(doc: PlanDocument) -> dict[str, ReviewMarks]:
    marks: dict[str, ReviewMarks] = {t: ReviewMarks({}, set(), {}) for t in doc.tables}
    for (table, key, column), revision in changed_cells(doc).items():
        marks[table].changed[(key, column)] = revision
        if column == "status_override" and revision.original in (None, ""):
            marks[table].original_text[(key, column)] = str(printed_status(doc, table, key))
    for table, key in inserted_rows(doc):
        marks[table].added.add(key)
    return marks


# ---- list sheets (修订记录, 审核意见) --------------------------------------------------------
def write_list_sheet(
    workbook,
    formats: Formats,
    name: str,
    title: str,
    headers,
    widths,
    rows: list[list[Any]],
    used: set[str],
    empty_text: str = "",
    centred: frozenset[int] = frozenset({0}),
) -> None:
    """A titled list with a repeated header row, wrapped cells that fit, page numbers."""
    sheet = workbook.add_worksheet(safe_sheet_name(name, used))
    last = len(headers) - 1
    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, last, title, formats.title)
    for c, (text, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(1, c, text, formats.header)
        sheet.set_column(c, c, width)
    sheet.set_row(1, 22)
    for r, values in enumerate(rows, start=2):
        lines = 1
        for c, value in enumerate(values):
            if isinstance(value, str) and len(value) * 2 > widths[c] - 1:
                lines = max(lines, lines_needed(value, widths[c]))
        if lines > 1:
            sheet.set_row(r, lines * line_height(10.5) + 4)
        for c, value in enumerate(values):
            fmt = formats.plain_center if c in centred else formats.plain
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, c, value, fmt)
            else:
                sheet.write_string(r, c, str(value), fmt)
    if not rows and empty_text:
        sheet.merge_range(2, 0, 2, last, empty_text, formats.plain)
    sheet.freeze_panes(2, 0)
    sheet.repeat_rows(1, 1)
    page_setup(sheet, title)


def _write_log(workbook, formats: Formats, doc: PlanDocument, used: set[str]) -> None:
    write_list_sheet(
        workbook,
        formats,
        LOG_SHEET,
        f"{doc.title or '计划文档'} 修订记录",
        LOG_HEADERS,
        LOG_WIDTHS,
        log_rows(doc),
        used,
        "审核中未作修改。",
    )


def _write_findings(workbook, formats: Formats, doc: PlanDocument, used: set[str]) -> None:
    rows = [[n, *row] for n, row in enumerate(finding_rows(doc, run_checks(doc)), start=1)]
    write_list_sheet(
        workbook,
        formats,
        FINDINGS_SHEET,
        f"{doc.title or '计划文档'} 审核意见",
        FINDING_HEADERS,
        FINDING_WIDTHS,
        rows,
        used,
        "未发现问题。",
        centred=frozenset({0, 1}),  # 序号 and 级别
    )


def _carry_over(workbook, formats: Formats, doc: PlanDocument, source, used: set[str]) -> None:
    """Sheets of the department's workbook that hold no table (说明, 填报要求) go out as they
    were: their text, numbers and merged ranges."""
    from workbench.io.reading.workbook_source import read_workbook

    names = set(doc.properties.skipped_sheets)
    if not names:
        return
    for raw in read_workbook(source).sheets:
        if raw.name not in names or raw.hidden:
            continue
        sheet = workbook.add_worksheet(safe_sheet_name(raw.name, used))
        widths: dict[int, float] = {}
        for r, row in enumerate(raw.rows):
            for c, value in enumerate(row):
                if value in ("", None):
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(r, c, value)
                else:
                    text = str(value)
                    sheet.write_string(r, c, text, formats.note_plain)
                    widths[c] = max(widths.get(c, 8.0), min(len(text) * 2 + 2, 80.0))
        for c, width in widths.items():
            sheet.set_column(c, c, width)
        merges = getattr(sheet, "merge", None)
        if isinstance(merges, list):
            for first_row, first_col, last_row, last_col in raw.merged:
                merges.append([first_row, first_col, last_row, last_col])
        page_setup(sheet)


def _created(doc: PlanDocument) -> datetime:
    """The document's creation time, kept across saves (XlsxWriter would stamp each save)."""
    text = doc.properties.created
    if text:
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    now = datetime.now().replace(microsecond=0)
    doc.properties.created = now.isoformat()
    return now


def write_workbook(
    doc: PlanDocument,
    path: str | os.PathLike,
    *,
    constant_memory: bool = True,
    title_font: str = "黑体",
    body_font: str = "宋体",
    reviewable: bool = True,
    clean: bool = False,
    source_workbook: str | os.PathLike | None = None,
    created: datetime | None = None,
) -> list[str]:
    """Write atomically; return the names of the visible sheets.

    `reviewable=False` writes the attachment for distribution (what `export` sends on): its
    hidden document carries no folders, user names or change log (see distribution_copy).
    Native saves keep everything. `clean`: the print copy that goes out (no fills, comments,
    review sheets or hidden document). `source_workbook`: the department's workbook this
    document was read from, given explicitly by the caller, whose unrecognised sheets are
    carried over. `created` fixes the creation date (else the document's own, else now), so
    that a rebuild can give identical bytes."""
    import xlsxwriter  # deferred: the window shows before heavy imports

    path = Path(path)
    created = created if created is not None else _created(doc)
    data = None if clean else plan_json.document_to_data(doc)
    if data is not None and not reviewable:
        data = distribution_copy(data)
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": constant_memory,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                # Text that looks like a link (file:///\\server\share, http://…) stays text:
                # a received title must not become a live hyperlink in what we send on.
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
                "tmpdir": str(private_temp_dir()),
            },
        )
        workbook.set_properties(
            {
                "title": doc.title,
                "subject": "计划审核工作台文档",
                "comments": "" if clean else MARKER,
                "created": created,
            }
        )
        try:
            return _fill_and_close(
                workbook, doc, data, title_font, body_font, clean, source_workbook
            )
        except BaseException:
            _drop_row_files(workbook)
            raise


def _fill_and_close(
    workbook, doc: PlanDocument, data, title_font, body_font, clean, source_workbook
) -> list[str]:
    """The sheets of `write_workbook`, then close (which assembles the package)."""
    from xlsxwriter.exceptions import FileCreateError

    formats = Formats(workbook, title_font=title_font, body_font=body_font, clean=clean)
    formats.note_plain = workbook.add_format(
        {"font_name": body_font, "font_size": 10.5, "valign": "top"}
    )
    used = {META_SHEET.lower()}
    marks = _marks_by_table(doc)
    labels = annex_labels(doc)
    layout: dict[str, Any] = {}
    for table in doc.tables.values():
        sheet_map = write_table(
            workbook, formats, doc, table, labels[table.id], used, marks[table.id]
        )
        # not asdict(): it deep-copies the 100k-entry row map for nothing
        layout[table.id] = {
            "sheet": sheet_map.sheet,
            "rows": sheet_map.rows,
            "columns": sheet_map.columns,
        }
    if source_workbook is not None:
        _carry_over(workbook, formats, doc, source_workbook, used)
    if not clean:
        _write_log(workbook, formats, doc, used)
        _write_findings(workbook, formats, doc, used)
        data["layout"] = layout
        write_hidden_sheet(workbook, data)
    workbook.worksheets()[0].activate()
    names = [ws.get_name() for ws in workbook.worksheets() if ws.get_name() != META_SHEET]
    try:
        workbook.close()
    except FileCreateError as exc:  # not an OSError: give the callers the one they catch
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise cause or OSError(str(exc)) from None
    return names


def _drop_row_files(workbook) -> None:
    """A write that failed or was cancelled midway: close and delete the row files
    constant_memory mode keeps per sheet, so nothing half-written stays in the temp folder."""
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        name = getattr(sheet, "row_data_filename", None)
        with contextlib.suppress(OSError, AttributeError, ValueError):
            if handle is not None:
                handle.close()
        if name:
            with contextlib.suppress(OSError):
                os.unlink(name)


def distribution_copy(data: dict[str, Any]) -> dict[str, Any]:
    """The hidden document of an attachment sent on: no folders (file names only), no user
    names, no change log. The visible sheets keep the revision marks and 修订记录; only what
    anyone could unhide is trimmed. Native saves keep everything (`reviewable`)."""
    import copy

    data = copy.deepcopy(data)
    head = data.get("document", {})
    typed = DocumentProperties.from_data(head.get("properties")).for_distribution()
    properties = head["properties"] = typed.to_data()
    for key, value in list(typed.extra.items()):  # what an older or future version stored
        if isinstance(value, str) and ("/" in value or "\\" in value) and key.endswith("path"):
            properties[key] = os.path.basename(value.replace("\\", "/"))
    data["change_log"] = []
    for warning in data.get("warnings", []):
        if isinstance(warning.get("file"), str):
            warning["file"] = os.path.basename(warning["file"].replace("\\", "/"))
    for table in data.get("tables", []):
        source = table.get("source")
        if isinstance(source, dict) and isinstance(source.get("file"), str):
            source["file"] = os.path.basename(source["file"].replace("\\", "/"))
    data["distribution"] = True
    return data
