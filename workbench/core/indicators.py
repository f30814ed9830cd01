"""Indicator-row logic: parsed target, direction, derived and effective status.

Kept apart from the table so that grids, checks, writers and the command line all judge an
indicator the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workbench.core.schema import TableKind
from workbench.core.status import (
    UNJUDGED,
    Direction,
    StatusPolicy,
    StatusResult,
    derive_status,
    direction_for,
    names_a_decrease,
)
from workbench.core.table import Table
from workbench.core.targets import TargetOp, TargetRule, parse_target

# A relative target names the figure it follows; these are the rows that figure lives in.
_REFERENCE_ROWS = {
    "经济增长": ("地区生产总值", "国内生产总值", "GDP"),
    "经济增速": ("地区生产总值", "国内生产总值", "GDP"),
    "GDP增速": ("地区生产总值", "国内生产总值", "GDP"),
    "地区生产总值增速": ("地区生产总值",),
    "地区生产总值增长": ("地区生产总值",),
    "地区生产总值": ("地区生产总值",),
    "经济发展": ("地区生产总值", "国内生产总值", "GDP"),
}


@lru_cache(maxsize=4096)
def rule_for(target: str | None) -> TargetRule | None:
    return parse_target(target)


def direction_of(row: dict[str, Any]) -> Direction:
    """The reviewer's direction for the row, or the one its name implies."""
    chosen = row.get("direction")
    return Direction(chosen) if chosen else direction_for(row.get("name"), row.get("unit"))


def _reference_actual(table: Table, rule: TargetRule) -> float | None:
    names = _REFERENCE_ROWS.get(rule.ref or "")
    if not names:
        return None
    for _, row in table:
        name = row.get("name") or ""
        if any(n in name for n in names) and ("增" in name or "%" == row.get("unit")):
            return row.get("actual")
    return None


# Where a row's status comes from: a reviewer's verdict, the status the annex states, or derived
# from the figures. Shown beside the status (review panel) and told apart by the grid and writers.
STATUS_SOURCES = ("审核判定", "原表", "推算")
BY_REVIEWER, AS_STATED, DERIVED = STATUS_SOURCES


@dataclass(frozen=True)
class IndicatorStatus:
    effective: str | None  # the reviewer's verdict, else the annex's word, else the derived one
    derived: StatusResult  # what the rule says
    source: str  # one of STATUS_SOURCES

    @property
    def contradicted(self) -> bool:
        """The annex states a status that the figures, as they now stand, do not give: a stale
        "完成" beside an actual that misses its target. Only a reviewer's verdict may stand
        against the rule; a stated word may not."""
        return (
            self.source == AS_STATED
            and self.derived.status is not None
            and self.derived.status not in UNJUDGED
            and self.derived.status != self.effective
        )

    @property
    def shown(self) -> str | None:
        """The one status every output judges by — chart colour, printed annex, JSON verdict:
        the effective one, unless the figures contradict a stated word, then the derived one."""
        return self.derived.status if self.contradicted else self.effective


def status_of(table: Table, key: str, policy: StatusPolicy | None = None) -> IndicatorStatus:
    row = table.row(key)
    rule = rule_for(row.get("target"))
    reference = _reference_actual(table, rule) if rule and rule.op == TargetOp.RELATIVE else None
    derived = derive_status(
        rule,
        row.get("actual"),
        direction_of(row),
        policy,
        reference,
        decrease=names_a_decrease(row.get("name")),
        statistics=bool(table.meta.by_year),
        tolerance=row.get("tolerance"),
    )
    if row.get("status_override"):
        return IndicatorStatus(row["status_override"], derived, BY_REVIEWER)
    if row.get("status"):
        return IndicatorStatus(row["status"], derived, AS_STATED)
    return IndicatorStatus(derived.status, derived, DERIVED)


@dataclass(frozen=True)
class Contradiction:
    table_id: str
    key: str
    name: str
    stated: str
    derived: str
    reason: str


def contradicted_statuses(doc: Any) -> list[Contradiction]:
    """Every indicator whose stated status its figures contradict, for an export's summary:
    such a row is printed with the derived status, and the reviewer is told which rows."""
    out: list[Contradiction] = []
    for table in doc.tables.values():
        if table.kind is not TableKind.INDICATORS:
            continue
        for key, row in table:
            status = status_of(table, key, doc.policy)
            if status.contradicted:
                out.append(
                    Contradiction(
                        table.id,
                        key,
                        str(row.get("name") or key),
                        str(status.effective),
                        str(status.derived.status),
                        status.derived.reason,
                    )
                )
    return out
