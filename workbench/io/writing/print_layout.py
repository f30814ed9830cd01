"""The standard annex print layout: one place that knows columns, labels, formats and fonts.

Both the native plan file's visible sheets and exported annexes are drawn by `write_table`,
so a change to the layout (issue "Write reviewed annex workbooks") happens here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.columns import STATED_FOR, columns_for, ordinal
from workbench.core.document import PlanDocument
from workbench.core.schema import TableKind
from workbench.core.summaries import Comparison
from workbench.core.table import Table
from workbench.core.vocab import ADDED_FILL, CHANGED_FILL, REVIEW_ROW_FILLS

NUMBER_FORMATS = {"number": "General", "money": "0.00", "rate": "0.0", "integer": "0"}
# Review marks: a changed cell, and rows a reviewer has doubts about or sent back.
VARIANT_FILLS = {
    "changed": CHANGED_FILL,
    "doubtful": REVIEW_ROW_FILLS["存疑"],
    "returned": REVIEW_ROW_FILLS["退回"],
    "added": ADDED_FILL,
}


class Formats:
    """XlsxWriter formats, made once per workbook; cell formats per (style, review mark)."""

    def __init__(self, workbook, title_font: str = "黑体", body_font: str = "宋体") -> None:
        self._workbook = workbook
        self._body_font = body_font
        self.title = self._make(
            font_name=title_font, font_size=16, bold=True, align="center", valign="vcenter"
        )
        self.label = self._make(font_name=title_font, font_size=12)
        self.unit = self._make(font_name=body_font, font_size=10.5, align="right")
        self.header = self._make(
            font_name=title_font,
            font_size=10.5,
            bold=True,
            align="center",
            valign="vcenter",
            border=1,
            text_wrap=True,
            bg_color="#F2F2F2",
        )
        self.category = self._make(**self._border(), bold=True)
        self.note = self._make(font_name=body_font, font_size=9, text_wrap=True, valign="top")
        self.plain_header = self._make(
            font_name=title_font, font_size=10.5, bold=True, border=1, bg_color="#F2F2F2"
        )
        self.plain = self._make(**self._border())  # list sheets: one line per entry
        self._cells: dict[tuple[str, str | None], Any] = {}

    def _make(self, **kw):
        return self._workbook.add_format(kw)

    def _border(self) -> dict[str, Any]:
        return {"border": 1, "valign": "vcenter", "font_name": self._body_font, "font_size": 10.5}

    def cell(self, style: str, variant: str | None = None):
        key = (style, variant)
        fmt = self._cells.get(key)
        if fmt is None:
            props: dict[str, Any] = self._border()
            if style == "text":
                props["text_wrap"] = True
            elif style == "center":
                props.update(align="center", text_wrap=True)
            else:
                props.update(num_format=NUMBER_FORMATS[style], align="right")
            if variant:
                props["bg_color"] = VARIANT_FILLS[variant]
            fmt = self._cells[key] = self._make(**props)
        return fmt


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def safe_sheet_name(name: str, used: set[str]) -> str:
    """A name Excel accepts (≤31 characters, no []:*?/\\, unique ignoring case)."""
    base = (name or "Sheet").translate(_BAD_SHEET_CHARS).strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.lower())
    return candidate


@dataclass
class ReviewMarks:
    """What the writer needs to mark review work: changed cells, added rows."""

    changed: dict[tuple[str, str], Any]  # (row key, column) → revision (original, user, time…)
    added: set[str]


@dataclass
class SheetMap:
    """Where each value went, so that edits made later in Excel can be found again."""

    sheet: str
    rows: dict[str, int]  # row key → 0-based sheet row
    columns: dict[str, int]  # column key (as in Column.key) → 0-based sheet column


def _comment(revision) -> str:
    lines = [
        f"原值：{_as_text(revision.original)}",
        f"修改人：{revision.user}",
        f"时间：{revision.time}",
    ]
    if revision.reason:
        lines.append(f"原因：{revision.reason}")
    return "\n".join(lines)


def _as_text(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, float):
        return format(value, "g") if abs(value) < 1e15 else str(value)
    return str(value)


def write_table(
    workbook,
    formats: Formats,
    doc: PlanDocument,
    table: Table,
    label: str = "",
    used: set[str] | None = None,
    marks: ReviewMarks | None = None,
) -> SheetMap:
    """Draw one table as an annex sheet (title, unit line, two-row header, rows, notes).

    Rows go out strictly in order and every header cell is written before the merges are
    registered, so this also works in XlsxWriter's constant_memory mode.
    """
    used = set() if used is None else used
    sheet = workbook.add_worksheet(safe_sheet_name(table.sheet_name, used))
    columns = columns_for(table, doc)
    last = len(columns) - 1
    row = 0
    if label:
        sheet.write_string(row, 0, label, formats.label)
        row += 1
    sheet.merge_range(row, 0, row, last, table.title, formats.title)
    sheet.set_row(row, 30)
    row += 1
    unit = table.unit or ("亿元" if table.kind is not TableKind.INDICATORS else "")
    if unit:
        sheet.merge_range(row, 0, row, last, f"单位：{unit}", formats.unit)
        row += 1
    header_top = row
    two_rows = any(c.group for c in columns)
    merges: list[tuple[int, int, int, int, str]] = []
    if two_rows:
        col = 0
        while col <= last:
            spec = columns[col]
            if spec.group:
                end = col
                while end + 1 <= last and columns[end + 1].group == spec.group:
                    end += 1
                sheet.write_string(row, col, spec.group, formats.header)
                for c in range(col + 1, end + 1):
                    sheet.write_blank(row, c, None, formats.header)
                if end > col:
                    merges.append((row, col, row, end, spec.group))
                col = end + 1
            else:
                sheet.write_string(row, col, spec.label, formats.header)
                merges.append((row, col, row + 1, col, spec.label))
                col += 1
        for col, spec in enumerate(columns):
            if spec.group:
                sheet.write_string(row + 1, col, spec.label, formats.header)
            else:
                sheet.write_blank(row + 1, col, None, formats.header)
    else:
        for col, spec in enumerate(columns):
            sheet.write_string(row, col, spec.label, formats.header)
    sheet.set_row(row, 22)
    row += 2 if two_rows else 1
    header_bottom = row - 1
    for first_row, first_col, last_row, last_col, text in merges:
        register_merge(sheet, first_row, first_col, last_row, last_col, text, formats.header)
    for i, spec in enumerate(columns):
        sheet.set_column(i, i, spec.width)

    changed = marks.changed if marks else {}
    added = marks.added if marks else set()
    sheet_map = SheetMap(sheet.get_name(), {}, {spec.key: i for i, spec in enumerate(columns)})
    category = None
    n_category = 0
    seq = 0
    review = table.review
    for key, values in table:
        if table.kind is TableKind.INDICATORS and values.get("category") != category:
            category = values.get("category")
            if category:
                n_category += 1
                sheet.merge_range(
                    row, 0, row, last, f"{ordinal(n_category)}、{category}", formats.category
                )
                row += 1
        seq += 1
        mark = review.get(key)
        row_variant = None
        if key in added:
            row_variant = "added"
        if mark is not None and mark.status in ("存疑", "退回"):
            row_variant = "doubtful" if mark.status == "存疑" else "returned"
        sheet_map.rows[key] = row
        for c, spec in enumerate(columns):
            if spec.key == "_seq":
                value: Any = seq
            elif spec.getter is not None:
                value = spec.getter(doc, table, key, values)
            else:
                value = values.get(spec.key)
            revision = changed.get((key, spec.key)) if changed else None
            if revision is None and spec.key == "status" and changed:
                revision = changed.get((key, "status_override"))
            variant = "changed" if revision is not None else row_variant
            stated_key = STATED_FOR.get(spec.key)
            if stated_key and value is not None and values.get(stated_key) is not None:
                stated = values[stated_key]
                if not Comparison("", stated_key, stated, value).agrees:  # rows ≠ the report
                    variant = "doubtful"
            _write_cell(sheet, row, c, value, formats.cell(spec.style, variant))
            if revision is not None:
                sheet.write_comment(row, c, _comment(revision), {"x_scale": 1.6, "y_scale": 1.2})
            elif c == 1 and mark is not None and mark.comment:
                sheet.write_comment(
                    row, c, f"审核：{mark.status}\n{mark.comment}", {"x_scale": 1.6}
                )
        row += 1
    for note in table.notes:
        # A cell holds at most 32,767 characters and XlsxWriter silently drops a longer
        # string: a long note continues on the next rows instead of vanishing.
        for part in _cell_sized(str(note)):
            sheet.merge_range(row, 0, row, last, part, formats.note)
            row += 1

    sheet.freeze_panes(header_bottom + 1, 0)
    sheet.repeat_rows(header_top, header_bottom)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    sheet.set_footer("&C第 &P 页 共 &N 页")
    return sheet_map


def register_merge(
    sheet, first_row: int, first_col: int, last_row: int, last_col: int, text: str, fmt
) -> None:
    """Merge a header range whose cells are already written.

    In constant_memory mode XlsxWriter refuses merge_range() on a row it has flushed, and a
    vertical header merge flushes its first row as soon as it touches the second. The cells
    are written in order by the caller, so only the range itself is left to record: it goes
    in the worksheet's list of merges, which XlsxWriter writes out when the sheet closes.
    """
    if sheet.merge_range(first_row, first_col, last_row, last_col, text, fmt) == 0:
        return
    merges = getattr(sheet, "merge", None)
    if isinstance(merges, list):
        merges.append([first_row, first_col, last_row, last_col])


CELL_TEXT_MAX = 32_767


def _cell_sized(text: str) -> list[str]:
    """Text cut into pieces a cell can hold (all of it, in order)."""
    if len(text) <= CELL_TEXT_MAX:
        return [text]
    return [text[i : i + CELL_TEXT_MAX] for i in range(0, len(text), CELL_TEXT_MAX)]


def _write_cell(sheet, row: int, col: int, value: Any, fmt) -> None:
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    else:
        # write_string, never write(): text such as "=1+1" or "-2%" stays text.
        sheet.write_string(row, col, str(value), fmt)
