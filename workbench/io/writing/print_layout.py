"""The standard annex print layout: one place that knows columns, labels, formats and fonts.

Both the native plan file's visible sheets and exported annexes are drawn by `write_table`,
so a change to the layout happens here only. What a 发改委 office attaches as it is:

- project lists grouped as the annex was: a category row per sector (一、科技创新（15个）)
  carrying the sums of its rows, 小计 rows where the department had them, a 合计 row where the
  department put it; the department's stated sums printed under ours where they differ;
- row heights and column widths that fit wrapped text (CJK characters count double);
- labels and punctuation as the source wrote them (附件（一）, 注：), every sheet with its label;
- a status the workbench derived (the department left it blank) in italic grey, explained;
- money with thousands separators, indicator figures with the decimals the row uses (9.0),
  "—" where a figure is missing, no column that is empty on every row;
- page numbers per sheet, repeated headers, and on the marked copy a legend of its colours.
  A clean copy (`Formats(clean=True)`) has no fills, no comments and no legend.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from workbench import progress
from workbench.core import units
from workbench.core.columns import STATED_FOR, Column, columns_for, ordinal
from workbench.core.document import PlanDocument
from workbench.core.group_sums import GroupSums, group_sums
from workbench.core.indicators import DERIVED, rule_for, status_of
from workbench.core.review import DOUBTFUL, RETURNED
from workbench.core.schema import TableKind
from workbench.core.summaries import MONEY, Comparison, is_total, rate
from workbench.core.table import Table
from workbench.core.vocab import (
    ADDED_FILL,
    CHANGED_FILL,
    HEADER_FILL,
    NUMERIC_STYLES,
    PRINT_DERIVED_TEXT,
    REVIEW_ROW_FILLS,
    SUBTOTAL_WORDS,
    UNGROUPED,
    ColumnStyle,
    money_tolerance,
)
from workbench.io.writing.text_fit import line_height, lines_needed, text_width

NUMBER_FORMATS = {"number": "General", "money": "#,##0.00", "rate": "0.0", "integer": "0"}
# Review marks: a changed cell, rows a reviewer has doubts about or sent back, added rows.
VARIANT_FILLS = {
    "changed": CHANGED_FILL,
    "doubtful": REVIEW_ROW_FILLS[DOUBTFUL],
    "returned": REVIEW_ROW_FILLS[RETURNED],
    "added": ADDED_FILL,
}
LEGEND = (
    ("changed", "已修改（批注为原值）"),
    ("doubtful", "存疑 / 与明细不符"),
    ("returned", RETURNED),
    ("added", "新增行"),
)
DERIVED_NOTE = "说明：斜体灰字的“完成情况”为审核工作台按目标推算，部门未填报。"
MISSING = "—"
MAX_CELL = 32767  # characters Excel keeps in one cell
TOO_LONG = "……（超过单元格上限 32767 字，全文保存在工作台文档中）"
BODY_SIZE = 10.5


class Formats:
    """XlsxWriter formats, made once per workbook; cell formats per (style, mark, decimals).

    `clean=True` is the print copy that goes out: no fills."""

    def __init__(
        self, workbook, title_font: str = "黑体", body_font: str = "宋体", clean: bool = False
    ) -> None:
        self._workbook = workbook
        self._body_font = body_font
        self.clean = clean
        self.title = self._make(
            font_name=title_font, font_size=16, bold=True, align="center", valign="vcenter"
        )
        self.label = self._make(font_name=title_font, font_size=12)
        self.unit = self._make(font_name=body_font, font_size=BODY_SIZE, align="right")
        self.header = self._make(
            font_name=title_font,
            font_size=BODY_SIZE,
            bold=True,
            align="center",
            valign="vcenter",
            border=1,
            text_wrap=True,
            **({} if clean else {"bg_color": HEADER_FILL}),
        )
        self.category = self._make(**self._border(), bold=True, text_wrap=True)
        self.note = self._make(font_name=body_font, font_size=9, text_wrap=True, valign="top")
        self.plain_header = self.header
        self.plain = self._make(**self._border(), text_wrap=True)
        self.plain_center = self._make(**self._border(), text_wrap=True, align="center")
        self._cells: dict[tuple, Any] = {}

    def _make(self, **kw):
        return self._workbook.add_format(kw)

    def _border(self) -> dict[str, Any]:
        return {
            "border": 1,
            "valign": "vcenter",
            "font_name": self._body_font,
            "font_size": BODY_SIZE,
        }

    def cell(
        self,
        style: str,
        variant: str | None = None,
        decimals: int | None = None,
        derived: bool = False,
        bold: bool = False,
        indent: bool = False,
    ):
        if self.clean:
            variant = None
        key = (style, variant, decimals, derived, bold, indent)
        fmt = self._cells.get(key)
        if fmt is None:
            props: dict[str, Any] = self._border()
            if style == "text":
                props["text_wrap"] = True
            elif style in ("center", "missing"):
                props.update(align="center", text_wrap=True)
            else:
                number = NUMBER_FORMATS[style]
                if decimals is not None and style in ("number", "rate"):
                    number = "0" if decimals == 0 else "0." + "0" * decimals
                props.update(num_format=number, align="right")
            if variant:
                props["bg_color"] = VARIANT_FILLS[variant]
            if derived:
                props.update(italic=True, font_color=PRINT_DERIVED_TEXT)
            if bold:
                props["bold"] = True
            if indent:
                props["indent"] = 2
            fmt = self._cells[key] = self._make(**props)
        return fmt

    def legend(self, variant: str):
        return self.cell("center", variant)


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
    original_text: dict[tuple[str, str], str] | None = None  # what was printed before


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


# ---- planning the sheet -------------------------------------------------------------------
def _decimals(value: Any) -> int:
    if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
        text = repr(value)
        return 6 if "e" in text else min(len(text.split(".")[1]), 6)
    return 0


def indicator_decimals(doc: PlanDocument) -> dict[str, int]:
    """Decimals each indicator is written with anywhere in the document: 服务业增加值增长 is
    9.0 in 附件二 because 附件一 writes it 2.9 and 9.0."""
    key = ("print_layout.indicator_decimals", len(doc.change_log))
    cached = doc.caches.get("print_layout.indicator_decimals")
    if cached is not None and cached[0] == key:
        return cached[1]
    out: dict[str, int] = {}
    for table in doc.tables.values():
        if table.kind is TableKind.INDICATORS:
            for row in table.rows.values():
                name = row.get("name")
                if name:
                    out[name] = max(out.get(name, 0), _row_decimals(row) or 0)
    doc.caches["print_layout.indicator_decimals"] = (key, out)
    return out


def _row_decimals(row: dict[str, Any]) -> int | None:
    """Decimals an indicator row writes its figures with: a row that says 8.3 and 9.0 prints
    9.0, not 9. None when the row has no decimals anywhere (integers print as integers)."""
    places = [_decimals(row.get("base")), _decimals(row.get("actual"))]
    rule = rule_for(row.get("target"))
    if rule is not None:
        for number in (rule.value, rule.low, rule.high):
            if isinstance(number, float):
                places.append(_decimals(number))
    best = max(places)
    return best if best else None


def _present(values: Any) -> bool:
    return values not in (None, "")


def _keep_columns(table: Table, columns: list[Column]) -> list[Column]:
    """Drop columns that are empty on every row (a 备注 column nobody filled)."""
    keep = []
    for spec in columns:
        if spec.key in ("_seq", "name", "group") or spec.getter is not None:
            keep.append(spec)
            continue
        key = spec.key
        if any(_present(row.get(key)) for row in table.rows.values()):
            keep.append(spec)
    return keep


def _widths(table: Table, columns: list[Column]) -> list[float]:
    """Centred short columns (区县, 建设性质) grow to show their longest entry on one line."""
    widths = [spec.width for spec in columns]
    candidates = [
        (i, spec.key, (spec.width - 2) / 2)
        for i, spec in enumerate(columns)
        if spec.style is ColumnStyle.CENTER and spec.getter is None and spec.key != "_seq"
    ]
    if not candidates:
        return widths
    longest = [0.0] * len(columns)
    for row in table.rows.values():  # one pass over the rows for all such columns
        for i, key, threshold in candidates:
            value = row.get(key)
            if type(value) is str and len(value) > threshold:
                longest[i] = max(longest[i], text_width(value))
    for i, _, _ in candidates:
        if longest[i]:
            widths[i] = max(widths[i], min(columns[i].width * 1.8, longest[i] + 2))
    return widths


def _height(cells: list[tuple[Any, float]], size: float = BODY_SIZE) -> float | None:
    """Row height for wrapped text, or None when every cell fits on one line."""
    lines = 1
    for value, width in cells:
        if isinstance(value, str) and (len(value) * 2 > width or "\n" in value):
            lines = max(lines, lines_needed(value, width))
    if lines == 1:
        return None
    return lines * line_height(size) + 4


@dataclass
class _Group:
    name: str | None
    keys: list[str]


def _group_name(label: str) -> str:
    from workbench.io.reading.header_vocabulary import strip_category

    return strip_category(label.strip())


def _figures(sums: GroupSums, group: str | None) -> dict[str, Any]:
    """Count, money sums and completion rate of one sector (None: the 合计), read from the
    one group-sum engine the summaries and charts share; in the window it is already kept
    current, so an export adds no pass over the rows."""
    out: dict[str, Any] = {"count": sums.count(group)}
    for column in MONEY:
        out[column] = sums.total(column, group)
    out["completion_rate"] = rate(out.get("completed"), out.get("annual_plan"))
    return out


def _stated_sums(table: Table, groups: list[_Group]) -> tuple[dict, dict, bool, set]:
    """The department's sums by group name, its 合计, whether its 合计 came first, and the
    groups it closed with a 小计 row."""
    by_group: dict[str | None, dict[str, Any]] = {}
    total: dict[str, Any] = {}
    total_first = False
    with_subtotal: set[str | None] = set()
    first_data = min(table.row_source.values(), default=None)
    row_group: list[tuple[int, str | None]] = []
    if any(str(r.get("label", "")).strip().startswith(SUBTOTAL_WORDS) for r in table.subtotals):
        row_group = sorted(
            (table.row_source[k], g.name) for g in groups for k in g.keys if k in table.row_source
        )
    for record in table.subtotals:
        label = str(record.get("label", ""))
        if is_total(label):
            total = record
            total_first = bool(first_data and record.get("row", 0) < first_data)
        elif label.strip().startswith(SUBTOTAL_WORDS):
            before = [g for r, g in row_group if r < record.get("row", 0)]
            if before:
                by_group[before[-1]] = record
                with_subtotal.add(before[-1])
        else:
            by_group[_group_name(label)] = record
    return by_group, total, total_first, with_subtotal


def _differs(computed: dict[str, Any], stated: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in (*MONEY, "completion_rate"):
        s, c = stated.get(column), computed.get(column)
        if s is None or c is None:
            continue
        tolerance = money_tolerance(s) if column in MONEY else 0.15
        if abs(s - c) > tolerance:
            out[column] = s
    if "count" in stated and stated["count"] != computed.get("count"):
        out["count"] = stated["count"]
    return out


# ---- writing -----------------------------------------------------------------------------
class _Writer:
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
                    0.0 if spec.style in NUMERIC_STYLES else widths[c],
                )
                for c, spec in enumerate(columns)
            ]

    def full_width(self, text: str, fmt, size: float = BODY_SIZE, min_height=None) -> None:
        """A row spanning the table (title, note); a text longer than a cell holds goes on
        over the next rows, whole and in order."""
        if len(text) > MAX_CELL:
            for part in _cell_sized(text):
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
        height = _height([(label, sum(self.widths[: span + 1]))])
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


def write_table(
    workbook,
    formats: Formats,
    doc: PlanDocument,
    table: Table,
    label: str = "",
    used: set[str] | None = None,
    marks: ReviewMarks | None = None,
) -> SheetMap:
    """Draw one table as an annex sheet (label, title, unit line, header, rows, notes).

    Rows go out strictly in order and every header cell is written before the merges are
    registered, so this also works in XlsxWriter's constant_memory mode.
    """
    used = set() if used is None else used
    sheet = workbook.add_worksheet(safe_sheet_name(table.sheet_name, used))
    columns = _keep_columns(table, columns_for(table, doc))
    widths = _widths(table, columns)
    w = _Writer(sheet, formats, columns, widths)
    if label:
        sheet.write_string(w.row, 0, label, formats.label)
        w.row += 1
    w.full_width(table.title, formats.title, 16, min_height=30)
    unit = table.unit or ("亿元" if table.kind is not TableKind.INDICATORS else "")
    if unit:
        w.full_width(f"单位：{unit}{_unit_remark(table, unit)}", formats.unit)
    header_top = w.row
    _write_header(w)
    header_bottom = w.row - 1
    for i, width in enumerate(widths):
        sheet.set_column(i, i, width)

    clean = formats.clean
    changed = marks.changed if marks else {}
    added = marks.added if marks else set()
    original_text = (marks.original_text or {}) if marks else {}
    w.changed_keys = {key for key, _ in changed}
    sub_items = table.meta.sub_items
    if table.kind is not TableKind.PROJECTS:
        w.fast = None  # indicator rows choose decimals and mark derived statuses per row
    sheet_map = SheetMap(sheet.get_name(), {}, {spec.key: i for i, spec in enumerate(columns)})
    review = table.review
    used_variants: set[str] = set()
    any_derived = False
    seq = 0

    groups = _groups(table)
    grouped = table.kind is TableKind.PROJECTS and bool(
        len(groups) > 1 or (groups and groups[0].name is not None) or table.subtotals
    )
    stated_groups, stated_total, total_first, with_subtotal = (
        _stated_sums(table, groups) if grouped else ({}, {}, False, set())
    )
    if grouped:
        sums = group_sums(doc, table.id, "sector")
        sector_figures = {g.name: _figures(sums, g.name or UNGROUPED) for g in groups}
        total = _figures(sums, None)
    else:
        sector_figures, total = {}, {}

    def stated_row(stated: dict[str, Any], computed: dict[str, Any], head: str) -> None:
        """The department's own sums under ours where they differ. The label begins like the
        row it belongs to (合计…, 一、科技创新…), so a reader re-importing the printed copy
        takes it for a stated sum, never for a project."""
        differs = _differs(computed, stated)
        if not differs:
            return
        count = f"{differs['count']}个，" if "count" in differs else ""
        used_variants.add("doubtful")
        label = f"{head}（部门填报数，{count}与明细合计不符）"
        w.summary_row(label, differs, "doubtful", bold=False)

    def total_row() -> None:
        w.summary_row(f"合计（{total['count']}个）", total, None)
        stated_row(stated_total, total, "合计")

    if grouped and total_first:
        total_row()
    category = None
    n_category = 0
    seen_rows = 0
    progress.step(f"写出“{table.title or table.sheet_name}”")
    for group in groups if grouped else [_Group(None, table.keys)]:
        if grouped:
            n_category += 1
            figures = sector_figures[group.name]
            name = group.name or UNGROUPED
            stated = stated_groups.get(group.name, {})
            if group.name in with_subtotal:
                w.summary_row(f"{ordinal(n_category)}、{name}", {}, None)
            else:
                w.summary_row(
                    f"{ordinal(n_category)}、{name}（{figures['count']}个）", figures, None
                )
                stated_row(stated, figures, f"{ordinal(n_category)}、{name}")
        for key in group.keys:
            seen_rows += 1
            if not seen_rows % 2048:
                progress.check()  # a safe point to stop when the window's 取消 was pressed
            values = table.rows[key]
            if table.kind is TableKind.INDICATORS and values.get("category") != category:
                category = values.get("category")
                if category:
                    n_category += 1
                    w.full_width(f"{ordinal(n_category)}、{category}", formats.category)
            sub_item = key in sub_items  # 其中 rows: part of the row above, no 序号 of their own
            if not sub_item:
                seq += 1
            any_derived |= _write_row(
                w,
                doc,
                table,
                key,
                values,
                None if sub_item else seq,
                review.get(key),
                changed,
                added,
                original_text,
                sheet_map,
                used_variants,
            )
        if grouped and group.name in with_subtotal:
            figures = sector_figures[group.name]
            w.summary_row(f"小计（{figures['count']}个）", figures, None)
            stated_row(
                stated_groups.get(group.name, {}),
                figures,
                f"{ordinal(n_category)}、{group.name or UNGROUPED}小计",
            )
    if grouped and not total_first:
        total_row()
    for note in table.notes:
        w.full_width(note, formats.note, 9)
    if any_derived:
        w.full_width(DERIVED_NOTE, formats.note, 9)
    if used_variants and not clean:
        _legend(w, used_variants)

    sheet.freeze_panes(header_bottom + 1, 0)
    sheet.repeat_rows(header_top, header_bottom)
    page_setup(sheet)
    return sheet_map


def page_setup(sheet) -> None:
    """A4 landscape, one page wide, page numbers counted per sheet."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    sheet.set_start_page(1)
    # "共 &N 页" would count the pages of the whole workbook in some spreadsheets.
    sheet.set_footer("&L&A&C第 &P 页")


def _unit_remark(table: Table, unit: str) -> str:
    """Say so when the department's unit was another one, so that the unit line never
    contradicts a footnote carried over from its sheet ("单位：万元")."""
    if table.kind is TableKind.INDICATORS:
        return ""
    source_units = set((table.source.units if table.source else {}).values())
    for note in table.notes:
        found = re.findall("|".join(map(re.escape, units.group_names("money"))), note)
        if any(u != unit for u in found) and re.search(r"单位|金额", note):
            source_units.update(found)
    others = sorted(u for u in source_units if u and u != unit)
    if not others:
        return ""
    return f"（原表以{'、'.join(others)}填报，已折算为{unit}）"


def _groups(table: Table) -> list[_Group]:
    if table.kind is not TableKind.PROJECTS:
        return [_Group(None, list(table.keys))]
    order: dict[str | None, list[str]] = {}
    for key in table.keys:
        order.setdefault(table.rows[key].get("sector") or None, []).append(key)
    if None in order and len(order) > 1:
        order[None] = order.pop(None)  # rows without a sector last
    return [_Group(name, keys) for name, keys in order.items()]


def _write_header(w: _Writer) -> None:
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


def _write_row(
    w: _Writer,
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
            max(_row_decimals(values) or 0, indicator_decimals(doc).get(values.get("name"), 0))
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
            value, derived = status.effective, status.source == DERIVED and bool(status.effective)
        elif spec.getter is not None:
            value = spec.getter(doc, table, key, values)
        else:
            value = values.get(spec.key)
        cells.append((value, derived))
    height = _height([(v, w.widths[c]) for c, (v, _) in enumerate(cells)])
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
                variant = "doubtful"  # computed from rows ≠ the report
        if variant:
            used_variants.add(variant)
        style = spec.style
        if value is None and style in NUMERIC_STYLES:
            sheet.write_string(row, c, MISSING, formats.cell("missing", variant))
        elif style is ColumnStyle.NUMBER and decimals is not None:
            _write_cell(sheet, row, c, value, formats.cell(style, variant, decimals))
        else:
            indent = seq is None and spec.key == "name"
            fmt = formats.cell(style, variant, derived=derived, indent=indent)
            _write_cell(sheet, row, c, value, fmt)
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
    w: _Writer, key: str, values: dict[str, Any], seq: int, sheet_map: SheetMap
) -> None:
    """An unmarked project row: the same cells as `_write_row` with formats chosen once per
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
            _write_cell(sheet, row, c, value, fmt)
    if lines > 1:
        sheet.set_row(row, lines * line_height(BODY_SIZE) + 4)
    sheet_map.rows[key] = row
    w.row += 1


def _legend(w: _Writer, used: set[str]) -> None:
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


def _cell_sized(text: str) -> list[str]:
    """Text cut into pieces a cell can hold (all of it, in order)."""
    if len(text) <= MAX_CELL:
        return [text]
    return [text[i : i + MAX_CELL] for i in range(0, len(text), MAX_CELL)]


def _write_cell(sheet, row: int, col: int, value: Any, fmt) -> None:
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            sheet.write_string(row, col, MISSING, fmt)
        else:
            sheet.write_number(row, col, value, fmt)
    else:
        text = str(value)
        if len(text) > MAX_CELL:  # Excel cuts a cell at 32,767 characters: say so in it
            text = text[: MAX_CELL - len(TOO_LONG)] + TOO_LONG
        # write_string, never write(): text such as "=1+1" or "-2%" stays text.
        sheet.write_string(row, col, text, fmt)
