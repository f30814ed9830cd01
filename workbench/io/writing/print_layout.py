"""The standard annex print layout: `write_table` draws one table as an annex sheet.

Both the native plan file's visible sheets and exported annexes are drawn by it, so a change
to the layout happens in this package only: print_plan.py works out what the sheet holds
(columns, widths, groups, stated sums), print_rows.py writes the header and rows,
print_cells.py the formats and cells. What a 发改委 office attaches as it is:

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

from dataclasses import dataclass
from typing import Any

from workbench import progress
from workbench.core.columns import columns_for, ordinal
from workbench.core.document import PlanDocument
from workbench.core.group_sums import group_sums
from workbench.core.schema import TableKind
from workbench.core.table import Table
from workbench.core.vocab import UNGROUPED
from workbench.io.writing.print_cells import Formats, page_setup, safe_sheet_name
from workbench.io.writing.print_plan import (
    Group,
    column_widths,
    group_figures,
    keep_columns,
    stated_differences,
    stated_sums,
    table_groups,
    unit_remark,
)
from workbench.io.writing.print_rows import (
    SheetMap,
    SheetWriter,
    write_header,
    write_legend,
    write_row,
)

__all__ = [
    "DERIVED_NOTE",
    "Formats",
    "ReviewMarks",
    "SheetMap",
    "page_setup",
    "safe_sheet_name",
    "write_table",
]

DERIVED_NOTE = "说明：斜体灰字的“完成情况”为审核工作台按目标推算，部门未填报。"


@dataclass
class ReviewMarks:
    """What the writer needs to mark review work: changed cells, added rows."""

    changed: dict[tuple[str, str], Any]  # (row key, column) → revision (original, user, time…)
    added: set[str]
    original_text: dict[tuple[str, str], str] | None = None  # what was printed before


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
    columns = keep_columns(table, columns_for(table, doc))
    widths = column_widths(table, columns)
    w = SheetWriter(sheet, formats, columns, widths)
    if label:
        sheet.write_string(w.row, 0, label, formats.label)
        w.row += 1
    w.full_width(table.title, formats.title, 16, min_height=30)
    unit = table.unit or ("亿元" if table.kind is not TableKind.INDICATORS else "")
    if unit:
        w.full_width(f"单位：{unit}{unit_remark(table, unit)}", formats.unit)
    header_top = w.row
    write_header(w)
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

    groups = table_groups(table)
    grouped = table.kind is TableKind.PROJECTS and bool(
        len(groups) > 1 or (groups and groups[0].name is not None) or table.subtotals
    )
    stated_groups, stated_total, total_first, with_subtotal = (
        stated_sums(table, groups) if grouped else ({}, {}, False, set())
    )
    if grouped:
        sums = group_sums(doc, table.id, "sector")
        sector_figures = {g.name: group_figures(sums, g.name or UNGROUPED) for g in groups}
        total = group_figures(sums, None)
    else:
        sector_figures, total = {}, {}

    def stated_row(stated: dict[str, Any], computed: dict[str, Any], head: str) -> None:
        """The department's own sums under ours where they differ. The label begins like the
        row it belongs to (合计…, 一、科技创新…), so a reader re-importing the printed copy
        takes it for a stated sum, never for a project."""
        differs = stated_differences(computed, stated)
        if not differs:
            return
        count = f"{differs['count']}个，" if "count" in differs else ""
        used_variants.add("disagree")
        label = f"{head}（部门填报数，{count}与明细合计不符）"
        w.summary_row(label, differs, "disagree", bold=False)

    def total_row() -> None:
        w.summary_row(f"合计（{total['count']}个）", total, None)
        stated_row(stated_total, total, "合计")

    if grouped and total_first:
        total_row()
    category = None
    n_category = 0
    seen_rows = 0
    progress.step(f"写出“{table.title or table.sheet_name}”")
    for group in groups if grouped else [Group(None, table.keys)]:
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
            any_derived |= write_row(
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
        write_legend(w, used_variants)

    sheet.freeze_panes(header_bottom + 1, 0)
    sheet.repeat_rows(header_top, header_bottom)
    page_setup(sheet, f"{label} {table.title}".strip())
    return sheet_map
