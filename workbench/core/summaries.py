"""Summary tables (by sector, by source of funds): stated figures beside what rows add up to.

A report's summary figures are kept exactly as stated. What the project rows add up to is
computed here, live, so a reviewer sees both and the difference. A grouping scheme may
partition the total (2022's six 领域) or overlap and leave gaps (2021's 板块 in some texts);
only a partition is expected to add up to the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.group_sums import group_sums, summable, total_of
from workbench.core.table import Table
from workbench.core.vocab import (
    FIELD_TOLERANCES,
    MONEY_TOLERANCE,
    SUBTOTAL_WORDS,
    TOTAL_WORDS,
    money_tolerance,
)

MONEY = ("total_investment", "annual_plan", "completed")
TOTAL_KEY = "合计"  # the computed figures of all rows, under the word summaries print


def is_total(label: str | None) -> bool:
    """A label that stands for all rows (合计, 总计, 全市…)."""
    return bool(label and label.strip().startswith(TOTAL_WORDS))


def rate(completed: float | None, plan: float | None) -> float | None:
    if completed is None or not plan:
        return None
    value = completed / plan * 100.0
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class GroupFigures:
    count: int
    total_investment: float
    annual_plan: float | None
    completed: float | None

    @property
    def completion_rate(self) -> float | None:
        return rate(self.completed, self.annual_plan)

    def get(self, column: str) -> Any:
        return getattr(self, column)


def safe_sum(values: list[float | None]) -> float | None:
    """Stated figures added up (parts of a summary against its total): the one sum rule."""
    return total_of(values)


def figures(rows: list[dict[str, Any]]) -> GroupFigures:
    """Figures of rows already chosen as summable (see `summable_rows`)."""
    return GroupFigures(
        count=len(rows),
        total_investment=total_of(r.get("total_investment") for r in rows) or 0.0,
        annual_plan=total_of(r.get("annual_plan") for r in rows),
        completed=total_of(r.get("completed") for r in rows),
    )


def summable_rows(table: Table) -> list[dict[str, Any]]:
    """Rows that count towards sums: "其中"/"#" sub-items are parts of their parent."""
    return [row for _, row in summable(table)]


def subtotal_members(table: Table, label: str) -> list[dict[str, Any]] | None:
    """The summable rows a subtotal row read from a sheet stands for: all of them for 合计 or
    a 小计, else the rows of the sector or category its label names ("一、科技创新（15个）");
    None when no row is of that group. The subtotal checks and write-back both ask here."""
    rows = summable_rows(table)
    if is_total(label) or label.strip().startswith(SUBTOTAL_WORDS):
        return rows
    group = label.split("、", 1)[-1].split("(")[0].split("（")[0].strip()
    members = [r for r in rows if r.get("sector") == group or r.get("category") == group]
    return members or None


def group_figures(computed: dict[str, GroupFigures], label: str | None) -> GroupFigures | None:
    """The computed figures a summary row's label stands for (合计/总计 → all rows)."""
    return computed.get(TOTAL_KEY if is_total(label) else (label or ""))


def computed_groups(doc: PlanDocument, summary: Table) -> dict[str, GroupFigures]:
    """Figures per group label of the summary, computed from its source project table.

    The sums come from the document's kept-current group sums, so a grid repaint does not
    re-add 100k rows per cell and an edit costs one delta."""
    source_id = summary.meta.source
    if source_id not in doc.tables:
        return {}
    sums = group_sums(doc, source_id, summary.meta.by)

    def figures_of(group: str | None) -> GroupFigures:
        return GroupFigures(
            count=sums.count(group),
            total_investment=sums.total("total_investment", group) or 0.0,
            annual_plan=sums.total("annual_plan", group),
            completed=sums.total("completed", group),
        )

    result = {label: figures_of(label) for label in sums.groups()}
    result[TOTAL_KEY] = figures_of(None)
    return result


@dataclass(frozen=True)
class Comparison:
    group: str
    column: str
    stated: float | None
    computed: float | None

    @property
    def difference(self) -> float | None:
        if self.stated is None or self.computed is None:
            return None
        return self.computed - self.stated

    @property
    def agrees(self) -> bool:
        diff = self.difference
        if diff is None:
            return True
        tolerance = FIELD_TOLERANCES.get(self.column, MONEY_TOLERANCE)
        if self.column in MONEY and self.stated:
            tolerance = max(tolerance, money_tolerance(self.stated))  # "约2.5万亿" rounding
        return abs(diff) <= tolerance + 1e-9


def compare(doc: PlanDocument, summary: Table) -> list[Comparison]:
    """Every stated figure of a summary next to its computed counterpart."""
    computed = computed_groups(doc, summary)
    out: list[Comparison] = []
    for _, row in summary:
        label = row.get("group") or ""
        figs = group_figures(computed, label)
        for column in ("count", *MONEY, "completion_rate"):
            stated = row.get(column)
            value = figs.get(column) if figs else (0 if column == "count" else None)
            if stated is not None or value is not None:
                out.append(Comparison(label, column, stated, value))
    return out


@dataclass(frozen=True)
class PartsVsTotal:
    column: str
    parts: float
    total: float
    partition: bool

    @property
    def agrees(self) -> bool:
        """Parts of a partition must add up to the stated total (within rounding); an
        overlapping scheme only must not exceed it by construction, so it always agrees."""
        if not self.partition:
            return True
        tolerance = max(
            FIELD_TOLERANCES.get(self.column, MONEY_TOLERANCE), money_tolerance(self.total)
        )
        return abs(self.parts - self.total) <= tolerance + 1e-9


def parts_vs_total(summary: Table) -> list[PartsVsTotal]:
    """The stated group figures added up, against the stated total row."""
    totals = [row for _, row in summary if is_total(row.get("group"))]
    if not totals:
        return []
    total = totals[0]
    parts = [row for _, row in summary if not is_total(row.get("group"))]
    partition = summary.meta.partition
    out = []
    for column in ("count", *MONEY):
        values = [row.get(column) for row in parts]
        if total.get(column) is None or any(v is None for v in values) or not values:
            continue
        out.append(PartsVsTotal(column, safe_sum(values) or 0.0, total[column], partition))
    return out
