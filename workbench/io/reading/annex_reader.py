"""Read one annex sheet into a canonical table: find the layout, then read the rows.

Layout detection (`layout_detection`) says where the header is and what each column holds;
the row reader (`row_reader`) turns the rows below into records; `number_formats` adds what the
fast cell reader loses (percent formats, error cells). This module ties them together and
states the table-level facts: money units, columns it could not map, the kind it had to guess.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core import provenance as prov
from workbench.core.collector import collector_paused
from workbench.core.document import ReadWarning
from workbench.core.metadata import CONFIDENCE_LEVELS, Confidence, TableMeta, TableRole
from workbench.core.schema import TableKind, fields_for
from workbench.core.table import CellSource, Table
from workbench.core.vocab import TABLE_KIND_LABELS
from workbench.io.reading.layout_detection import (
    Column,
    Layout,
    NoTable,
    analyse_layout,
    cell_ref,
    column_letter,
    fill_merges,
)
from workbench.io.reading.number_formats import WorkbookFacts
from workbench.io.reading.raw import RawSheet
from workbench.io.reading.row_reader import (
    MONEY,
    RATE_FIELDS,
    TO_YI,
    Context,
    Factor,
    RowReader,
    from_yi,
    money_factor,
    to_yi,
    unit_name,
)

__all__ = [
    "Column",
    "Layout",
    "NoTable",
    "analyse_layout",
    "cell_ref",
    "column_letter",
    "from_yi",
    "read_table",
    "to_yi",
]
# Indicator sheets are small: probe every row's number format. Project sheets run to 100k
# rows with one format per column: probe the first rows under the header.
PROBE_ALL_ROWS = 5000
PROBE_DATA_ROWS = 30
CONFIDENCE_SAMPLE = 2000  # rows looked at to judge a sheet: enough to tell, cheap on 100k


def _money(layout: Layout, by_field: dict[str, list[Column]], table: Table, ctx: Context):
    """Money: a unit in the column header wins over the table's unit line; 亿元 when neither."""
    factors: dict[str, Factor] = {}
    table_factor = money_factor(layout.unit)
    if layout.unit and table_factor is None:
        ctx.warn(f"单位行“{layout.unit}”不是金额单位，金额按亿元读取")
    for name in MONEY:
        for n, column in enumerate(by_field.get(name, [])):
            factor = money_factor(column.unit) or table_factor
            if factor is None:
                factor = TO_YI
                if not layout.unit:
                    ctx.warn(
                        f"列“{column.label}”未注明金额单位，按亿元读取",
                        layout.header_rows[-1],
                        column.index,
                    )
            factors[column.label] = factor
            if n == 0:
                table.source.units[name] = (
                    unit_name(column.unit) or unit_name(layout.unit) or "亿元"
                )
    table.unit = "亿元"
    return factors


def _percent(
    facts: WorkbookFacts, sheet: RawSheet, layout: Layout, rows_count: int, ctx: Context
) -> tuple[set[int], set[tuple[int, int]]]:
    """Columns (project sheets) or cells (indicator sheets) formatted as percentages."""
    start = layout.header_rows[-1] + 1
    rate_columns = [c for c in layout.columns if c.field in RATE_FIELDS[layout.kind]]
    if not rate_columns or layout.transposed:
        return set(), set()
    probe = rows_count if rows_count <= PROBE_ALL_ROWS else start + PROBE_DATA_ROWS
    found = facts.percent_cells(sheet.name, probe) if sheet.percent is None else sheet.percent
    cells = {(r, c) for r, c in found if start <= r < probe}
    if not cells:
        return set(), set()
    indexes = {c.index for c in rate_columns}
    cells = {(r, c) for r, c in cells if c in indexes}
    columns: set[int] = set()
    if layout.kind is TableKind.PROJECTS:
        columns = {c for _, c in cells}
        cells = set()
    for column in rate_columns:
        if column.index in columns or any(c == column.index for _, c in cells):
            ctx.warn(
                f"列“{column.label}”的单元格格式为百分比（0.43 显示为 43%），已按显示的百分数读取",
                layout.header_rows[-1],
                column.index,
            )
    return columns, cells


def _confidence(layout: Layout, table: Table) -> tuple[str, str]:
    """How sure the reader is that the sheet is a plan table, and why, in the words the table
    chooser shows: 高 / 中 / 低. A sheet that only looks like one (a test-case list, a product
    list) has few canonical columns, none of the plan's words, or no figures under them."""
    from workbench.io.reading import header_vocabulary as vocab

    keys = [c.key.replace(" ", "") for c in layout.columns]
    words = vocab.PROJECT_WORDS if layout.kind is TableKind.PROJECTS else vocab.INDICATOR_WORDS
    said = [w for w in words if any(w in k for k in keys)]
    mapped = [c for c in layout.columns if c.field not in (None, "_seq", "name", "series")]
    numeric = RATE_FIELDS[layout.kind] + MONEY + ("base", "actual", "target")
    rows = [table.rows[key] for key in table.keys[:CONFIDENCE_SAMPLE]]
    with_figures = sum(
        1
        for row in rows
        if any(isinstance(row.get(f), (int, float)) for f in numeric)
        or any(ch.isdigit() for ch in row.get("target") or "")
    )
    share = with_figures / len(rows) if rows else 0.0
    reasons = []
    if layout.by_year:
        years = sum(c.field == "series" for c in layout.columns)
        reasons.append(f"按年份排列的指标表（{years}个年份列）")
        if not layout.name_guessed:
            said, mapped = said or ["年份"], mapped or [c for c in layout.columns if c.field]
    else:
        unmapped = sum(c.field is None for c in layout.columns)
        reasons.append(f"表头有{len(mapped)}列对应规范字段，{unmapped}列未对应")
        reasons.append(f"表头词语：{'、'.join(said)}" if said else "表头没有计划表常用词语")
    if layout.name_guessed:
        reasons.append("没有“指标名称/项目名称”列，名称取第一个文字列")
    reasons.append(f"{with_figures}/{len(rows)} 行有数值或数值目标")
    if said and len(mapped) >= 2 and share >= 0.5 and not layout.name_guessed:
        level = CONFIDENCE_LEVELS[0]
    elif not said or share < 0.2 or not mapped:
        level = CONFIDENCE_LEVELS[2]
    else:
        level = CONFIDENCE_LEVELS[1]
    return level, "；".join(reasons)


def read_table(
    sheet: RawSheet,
    file: str,
    kind: TableKind | str | None = None,
    table_id: str = "t1",
    path: Path | None = None,
    book_format: str | None = None,
    facts: WorkbookFacts | None = None,
) -> tuple[Table, list[ReadWarning]]:
    """One canonical table from one sheet; NoTable when the sheet holds none.

    With the workbook's `facts` (or its `path` and `book_format`), an xlsx or ods sheet's
    percent formats and an xlsx sheet's error cells are read too (see number_formats)."""
    rows = sheet.rows  # a RawSheet is ours to fill in place (merged cells)
    if not rows:
        raise NoTable("工作表是空的")
    banners = fill_merges(rows, sheet.merged)
    layout, rows = analyse_layout(rows, banners, TableKind(kind) if kind else None, sheet.merged)
    if layout.transposed:
        banners = set()
    ctx = Context(file, sheet.name, [])
    if sheet.truncated:
        ctx.warn("工作表超出可读取的行数或列数上限，超出部分未读取")

    by_field: dict[str, list[Column]] = {}
    for column in layout.columns:
        if column.field and column.field not in ("_seq", "series"):
            by_field.setdefault(column.field, []).append(column)
    for name, columns in by_field.items():
        if len(columns) > 1:
            letters = "、".join(f"{column_letter(c.index)}“{c.label}”" for c in columns)
            label = next((f.label for f in fields_for(layout.kind) if f.key == name), name)
            ctx.warn(
                f"多列对应同一字段“{label}”：{letters}；取从左到右第一个有值的单元格，其余列的值记入备注"
            )
    for column in (c for c in layout.columns if c.field is None):
        ctx.warn(
            f"列“{column.label}”未对应到规范字段，其内容保留在备注中",
            layout.header_rows[-1],
            column.index,
        )

    table = Table(
        id=table_id,
        kind=layout.kind,
        title=layout.title or sheet.name,
        sheet_name=sheet.name,
        year=layout.year,
        unit=layout.unit,
        default_provenance=prov.DEPARTMENT,
        meta=TableMeta(annex_label=layout.annex_label or ""),
        source=CellSource(
            file,
            sheet.name,
            tuple(r + 1 for r in layout.header_rows),
            {f: cols[0].index + 1 for f, cols in by_field.items()},
        ),
    )
    if layout.kind_uncertain:
        table.meta.kind_uncertain = True
        ctx.warn("表头既像指标表也像项目表，已按指标表读取；可用 --kind 或在打开时改选")
    if layout.transposed:
        table.meta.transposed = True
    if layout.kind is TableKind.INDICATORS:
        if layout.base_label:
            table.meta.base_label = layout.base_label
        if layout.by_year:
            table.meta.by_year = sorted(c.year for c in layout.columns if c.field == "series")
            if "actual" not in by_field:
                ctx.warn("按年份排列的指标表：执行数取每个指标有数值的最近年份")
        if "actual" in by_field or layout.by_year:
            table.meta.role = TableRole.EXECUTION
        elif "target" in by_field:
            table.meta.role = TableRole.PLAN

    factors = _money(layout, by_field, table, ctx) if layout.kind is TableKind.PROJECTS else {}
    own = facts is None
    if facts is None:
        facts = WorkbookFacts.start(Path(path)) if path else WorkbookFacts(None, None)
    try:
        percent_columns, percent_cells = _percent(facts, sheet, layout, len(rows), ctx)
        reader = RowReader(
            rows, banners, layout, table, ctx, factors, percent_columns, percent_cells
        )
        # 100k row dicts next to the sheet's million cells: collections would free nothing.
        with collector_paused():
            reader.read()
        reader.finish(facts.error_cells(sheet.name) if sheet.errors is None else sheet.errors)
    finally:
        if own:
            facts.close()
    level, why = _confidence(layout, table)
    table.meta.confidence = Confidence(level, why)
    if table.meta.confidence.low:
        ctx.warn(
            f"这张工作表不太像计划表（{why}），已按{TABLE_KIND_LABELS[layout.kind]}读取，请核对；也可只作普通表格查看"
        )
    return table, ctx.warnings
