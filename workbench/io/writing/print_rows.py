"""Writing the rows of an annex sheet: the header (one or two rows, merged), a project or
indicator row with its review marks and comments, the fast path for unmarked project rows, the
category, 小计 and 合计 rows, and the legend of the marked copy."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from workbench.core.columns import STATED_FOR, Column
from workbench.core.document import PlanDocument
from workbench.core.indicators import DERIVED, status_of
from workbench.core.review import DOUBTFUL, RETURNED
from workbench.core.schema import TableKind
from workbench.core.summaries import Comparison
from workbench.core.table import Table
from workbench.core.vocab import NUMERIC_STYLES, ColumnStyle
from workbench.io.writing.print_cells import (
    BODY_SIZE,
    LEGEND,
    MAX_CELL,
    MISSING,
    Formats,
    cell_sized,
    register_merge,
    write_cell,
)
from workbench.io.writing.print_plan import (
    indicator_decimals,
    row_decimals,
    row_height,
    text_room,
)
from workbench.io.writing.text_fit import line_height, lines_needed


@dataclass
class SheetMap:
    """Where each value went, so that edits made later in Excel can be found again."""

    sheet: str
    rows: dict[str, int]  # row key → 0-based sheet row
    columns: dict[str, int]  # column key (as in Column.key) → 0-based sheet column


def _comment(revision, original_text: str | None = None) -> str:
    from workbench.io.writing.log_sheet import chinese_time, value_text

    lines = [
        f"原值：{original_text if original_text is not None else value_text(revision.original)}",
        f"修改人：{revision.user}",
        f"时间：{chinese_time(revision.time)}",
    ]
    if revision.reason:
        lines.append(f"原因：{revision.reason}")
    return "\n".join(lines)


class SheetWriter:
    def __init__(self, sheet, formats: Formats, columns: list[Column], widths: list[float]):
        self.sheet = sheet
        self.formats = formats
        self.columns = columns
        self.widths = widths
        self.last = len(columns) - 1
        self.row = 0
        self.index = {spec.key: i for i, spec in enumerate(columns)}
        self.changed_keys: set[str] = set()
        # XlsxWriter's unchecked entry points (no A1-notation decoding per cell), if present.
        self.writers = tuple(
            getattr(sheet, f"_write_{kind}", getattr(sheet, f"write_{kind}"))
            for kind in ("number", "string", "blank")
        )
        # Per column, for unmarked rows of tables without computed columns:
        # (column, field, format, numeric, width when text may wrap).
        self.fast: list[tuple[int, str, Any, bool, float]] | None = None
        self.missing = formats.cell("missing")
        if all(spec.getter is None for spec in columns):
            self.fast = [
                (
                    c,
                    spec.key,
                    formats.cell(spec.style),
                    spec.style in NUMERIC_STYLES,
                    0.0 if spec.style in NUMERIC_STYLES else text_room(widths[c], spec.style),
                )
                for c, spec in enumerate(columns)
            ]

    def full_width(self, text: str, fmt, size: float = BODY_SIZE, min_height=None) -> None:
        """A row spanning the table (title, note); a text longer than a cell holds goes on
        over the next rows, whole and in order."""
        if len(text) > MAX_CELL:
            for part in cell_sized(text):
                self.full_width(part, fmt, size, min_height)
            return
        total = sum(self.widths)
        lines = lines_needed(text, total)
        height = lines * line_height(size) + 4
        if min_height or lines > 1:
            self.sheet.set_row(self.row, max(height, min_height or 0))
        if self.last > 0:
            self.sheet.merge_range(self.row, 0, self.row, self.last, text, fmt)
        else:
            self.sheet.write_string(self.row, 0, text, fmt)
        self.row += 1

    def summary_row(self, label: str, figures: dict[str, Any], variant: str | None, bold=True):
        """A category, 小计 or 合计 row: the label over the leading text columns, sums below
        the money columns."""
        formats, columns = self.formats, self.columns
        first_number = next(
            (i for i, s in enumerate(columns) if s.style in NUMERIC_STYLES and s.key != "_seq"),
            len(columns),
        )
        span = max(first_number - 1, 0)
        label_fmt = formats.cell("text", variant, bold=bold)
        height = row_height([(label, sum(self.widths[: span + 1]))])
        if height:
            self.sheet.set_row(self.row, height)
        if span > 0:
            self.sheet.merge_range(self.row, 0, self.row, span, label, label_fmt)
        else:
            self.sheet.write_string(self.row, 0, label, label_fmt)
        for c in range(span + 1, len(columns)):
            spec = columns[c]
            value = figures.get(spec.key)
            if spec.style in NUMERIC_STYLES and value is not None:
                self.sheet.write_number(
                    self.row, c, value, formats.cell(spec.style, variant, bold=bold)
                )
            else:
                self.sheet.write_blank(self.row, c, None, formats.cell("text", variant))
        self.row += 1


def write_header(w: SheetWriter) -> None:
    sheet, formats, columns, last = w.sheet, w.formats, w.columns, w.last
    row = w.row
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
    lines = max(lines_needed(s.label, w.widths[i]) for i, s in enumerate(columns))
    sheet.set_row(row, max(22, lines * line_height(BODY_SIZE) + 4) if not two_rows else 22)
    w.row += 2 if two_rows else 1
    for first_row, first_col, last_row, last_col, text in merges:
        register_merge(sheet, first_row, first_col, last_row, last_col, text, formats.header)


def write_row(
    w: SheetWriter,
    doc: PlanDocument,
    table: Table,
    key: str,
    values: dict[str, Any],
    seq: int | None,
    mark,
    changed,
    added,
    original_text,
    sheet_map: SheetMap,
    used_variants: set[str],
) -> bool:
    sheet, formats, columns, row = w.sheet, w.formats, w.columns, w.row
    plain = mark is None and seq is not None and key not in added
    if plain and key not in w.changed_keys and w.fast is not None:
        _write_plain_row(w, key, values, seq, sheet_map)
        return False
    row_variant = None
    if key in added:
        row_variant = "added"
    if mark is not None and mark.status in (DOUBTFUL, RETURNED):
        row_variant = "doubtful" if mark.status == DOUBTFUL else "returned"
    decimals = None
    if table.kind is TableKind.INDICATORS:
        decimals = (
            max(row_decimals(values) or 0, indicator_decimals(doc).get(values.get("name"), 0))
            or None
        )
    derived_any = False
    cells: list[tuple[Any, Any]] = []
    for spec in columns:
        derived = False
        if spec.key == "_seq":
            value: Any = seq
        elif spec.key == "status" and table.kind is TableKind.INDICATORS:
            status = status_of(table, key, doc.policy)
            value = status.shown
            derived = (status.source == DERIVED or status.contradicted) and bool(value)
        elif spec.getter is not None:
            value = spec.getter(doc, table, key, values)
        else:
            value = values.get(spec.key)
        cells.append((value, derived))
    height = row_height(
        [(v, text_room(w.widths[c], columns[c].style)) for c, (v, _) in enumerate(cells)]
    )
    if height:
        sheet.set_row(row, height)
    sheet_map.rows[key] = row
    for c, (spec, (value, derived)) in enumerate(zip(columns, cells, strict=True)):
        revision = changed.get((key, spec.key)) if changed else None
        if revision is None and spec.key == "status" and changed:
            revision = changed.get((key, "status_override"))
        variant = "changed" if revision is not None else row_variant
        stated_key = STATED_FOR.get(spec.key)
        if stated_key and value is not None and values.get(stated_key) is not None:
            if not Comparison("", stated_key, values[stated_key], value).agrees:
                variant = "disagree"  # computed from rows ≠ the report
        if variant:
            used_variants.add(variant)
        style = spec.style
        if value is None and style in NUMERIC_STYLES:
            sheet.write_string(row, c, MISSING, formats.cell("missing", variant))
        elif style is ColumnStyle.NUMBER and decimals is not None:
            write_cell(sheet, row, c, value, formats.cell(style, variant, decimals))
        else:
            indent = seq is None and spec.key == "name"
            fmt = formats.cell(style, variant, derived=derived, indent=indent)
            write_cell(sheet, row, c, value, fmt)
        derived_any |= derived
        if formats.clean:
            continue
        if revision is not None:
            original = original_text.get((key, revision.column)) if original_text else None
            sheet.write_comment(
                row, c, _comment(revision, original), {"x_scale": 1.6, "y_scale": 1.2}
            )
        elif c == 1 and mark is not None and mark.comment:
            sheet.write_comment(row, c, f"审核：{mark.status}\n{mark.comment}", {"x_scale": 1.6})
    w.row += 1
    return derived_any


def _write_plain_row(
    w: SheetWriter, key: str, values: dict[str, Any], seq: int, sheet_map: SheetMap
) -> None:
    """An unmarked project row: the same cells as `write_row` with formats chosen once per
    column and XlsxWriter's checked entry points skipped (a 100k-row annex spends its time
    here)."""
    sheet, row = w.sheet, w.row
    write_number, write_string, write_blank = w.writers
    lines = 1
    for c, field, fmt, numeric, width in w.fast:
        value = seq if field == "_seq" else values.get(field)
        kind = type(value)
        if kind is str and len(value) <= MAX_CELL:
            if width and len(value) * 2 > width:
                lines = max(lines, lines_needed(value, width))
            write_string(row, c, value, fmt)
        elif kind is float or kind is int:
            if kind is float and not math.isfinite(value):
                write_string(row, c, MISSING, fmt)
            else:
                write_number(row, c, value, fmt)
        elif value is None:
            if numeric:
                write_string(row, c, MISSING, w.missing)
            else:
                write_blank(row, c, None, fmt)
        else:
            write_cell(sheet, row, c, value, fmt)
    if lines > 1:
        sheet.set_row(row, lines * line_height(BODY_SIZE) + 4)
    sheet_map.rows[key] = row
    w.row += 1


def write_legend(w: SheetWriter, used: set[str]) -> None:
    """A small key to the fills of the marked copy, under the notes."""
    sheet, formats = w.sheet, w.formats
    w.row += 1
    sheet.write_string(w.row, 0, "图例", formats.cell("center"))
    c = 1
    for variant, text in LEGEND:
        if variant in used and c <= w.last:
            sheet.write_string(w.row, c, text, formats.legend(variant))
            c += 1
    w.row += 1
