"""What an annex sheet will hold, worked out before a cell is written: the columns kept and
their widths, row heights for wrapped text, the decimals an indicator prints with, the groups
of a project list with their sums, the department's stated sums and the unit remark."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from workbench.core import units
from workbench.core.columns import Column
from workbench.core.document import PlanDocument
from workbench.core.group_sums import GroupSums
from workbench.core.indicators import rule_for
from workbench.core.schema import TableKind
from workbench.core.summaries import MONEY, is_total, rate
from workbench.core.table import Table
from workbench.core.vocab import SUBTOTAL_WORDS, ColumnStyle, money_tolerance
from workbench.io.writing.print_cells import BODY_SIZE, TEXT_PAD
from workbench.io.writing.text_fit import line_height, lines_needed, text_width


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
                    out[name] = max(out.get(name, 0), row_decimals(row) or 0)
    doc.caches["print_layout.indicator_decimals"] = (key, out)
    return out


def row_decimals(row: dict[str, Any]) -> int | None:
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


def keep_columns(table: Table, columns: list[Column]) -> list[Column]:
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


def column_widths(table: Table, columns: list[Column]) -> list[float]:
    """Widths that keep entries on one line where that costs little.

    Centred short columns (区县, 建设性质) grow to their longest entry, up to 1.8 times
    their width. A text column (指标名称) grows to its longest entry when that is at most a
    quarter wider than the column: one name a character too long must not print as the
    only two-line row of the annex; longer texts wrap whatever the width, so the column
    keeps its share of the page."""
    widths = [spec.width for spec in columns]
    candidates = [
        (i, spec.key, (spec.width - 2) / 2)
        for i, spec in enumerate(columns)
        if spec.style in (ColumnStyle.CENTER, ColumnStyle.TEXT)
        and (spec.getter is None or spec.key == "status")  # the stated words, as written
        and spec.key != "_seq"
    ]
    if not candidates:
        return widths
    longest = [0.0] * len(columns)
    for row in table.rows.values():  # one pass over the rows for all such columns
        for i, key, threshold in candidates:
            value = row.get(key)
            if type(value) is str and len(value) > threshold:
                longest[i] = max(longest[i], max(map(text_width, value.split("\n"))))
    for i, _, _ in candidates:
        if not longest[i]:
            continue
        if columns[i].style is ColumnStyle.CENTER:
            widths[i] = max(widths[i], min(columns[i].width * 1.8, longest[i] + 2))
        elif longest[i] + 2 + TEXT_PAD <= columns[i].width * 1.25:
            widths[i] = max(widths[i], longest[i] + 2 + TEXT_PAD)
    return widths


def text_room(width: float, style: str) -> float:
    """Where text wraps in a column: left text loses its padding (Formats' indent)."""
    return width - TEXT_PAD if style == ColumnStyle.TEXT else width


def row_height(cells: list[tuple[Any, float]], size: float = BODY_SIZE) -> float | None:
    """Row height for wrapped text, or None when every cell fits on one line."""
    lines = 1
    for value, width in cells:
        if isinstance(value, str) and (len(value) * 2 > width or "\n" in value):
            lines = max(lines, lines_needed(value, width))
    if lines == 1:
        return None
    return lines * line_height(size) + 4


@dataclass
class Group:
    name: str | None
    keys: list[str]


def _group_name(label: str) -> str:
    from workbench.io.reading.header_vocabulary import strip_category

    return strip_category(label.strip())


def group_figures(sums: GroupSums, group: str | None) -> dict[str, Any]:
    """Count, money sums and completion rate of one sector (None: the 合计), read from the
    one group-sum engine the summaries and charts share; in the window it is already kept
    current, so an export adds no pass over the rows."""
    out: dict[str, Any] = {"count": sums.count(group)}
    for column in MONEY:
        out[column] = sums.total(column, group)
    out["completion_rate"] = rate(out.get("completed"), out.get("annual_plan"))
    return out


def stated_sums(table: Table, groups: list[Group]) -> tuple[dict, dict, bool, set]:
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


def stated_differences(computed: dict[str, Any], stated: dict[str, Any]) -> dict[str, Any]:
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


def unit_remark(table: Table, unit: str) -> str:
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


def table_groups(table: Table) -> list[Group]:
    if table.kind is not TableKind.PROJECTS:
        return [Group(None, list(table.keys))]
    order: dict[str | None, list[str]] = {}
    for key in table.keys:
        order.setdefault(table.rows[key].get("sector") or None, []).append(key)
    if None in order and len(order) > 1:
        order[None] = order.pop(None)  # rows without a sector last
    return [Group(name, keys) for name, keys in order.items()]
