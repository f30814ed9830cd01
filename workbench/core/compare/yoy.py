"""Year over year, indicator by indicator: this year's execution (附件一) beside next year's
targets (附件二) — last target, actual, next target and the step between actual and next
target — aligned through the same engine and crosswalk as any comparison.

It also checks what the two annexes must agree on: 附件二's base (上年实际/预计) of an
indicator is 附件一's actual of the same indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.compare.align import compare_tables
from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.result import MatchHow, RowKind
from workbench.core.compare.tolerance import same_value
from workbench.core.indicators import rule_for
from workbench.core.schema import TableKind
from workbench.core.table import Table

BASE_TOLERANCE = 1e-6  # 附件二 restates 附件一's figure: it should be the same number


@dataclass(frozen=True)
class YearLine:
    kind: RowKind  # same/changed: in both; removed: only last year; added: only next year
    name: str
    old_name: str | None
    unit: str | None
    category: str | None
    last_target: str | None
    actual: float | None
    next_target: str | None
    next_value: float | None  # the next target as a number (the middle of a range)
    step: float | None  # next target − actual, in the indicator's unit (pp for %)
    base: float | None  # what 附件二 states as last year's figure
    base_agrees: bool | None  # base equals 附件一's actual; None when either is missing
    how: MatchHow | None = None
    key: str | None = None  # the row of the later table (附件二); None for a dropped indicator


def target_value(target: str | None) -> float | None:
    rule = rule_for(target)
    if rule is None:
        return None
    if rule.op == "range" and rule.low is not None and rule.high is not None:
        return (rule.low + rule.high) / 2
    if rule.op == "relative":
        return None
    return rule.value if rule.value is not None else rule.low if rule.low is not None else rule.high


def year_over_year(
    execution: Table, plan: Table, crosswalk: Crosswalk | None = None
) -> list[YearLine]:
    """Lines in 附件二's order, then indicators 附件二 dropped."""
    if execution.kind is not TableKind.INDICATORS or plan.kind is not TableKind.INDICATORS:
        raise ValueError("年度对照需要两个指标表（附件一与附件二）")
    comparison = compare_tables(execution, plan, crosswalk=crosswalk, accept_threshold=None)
    lines: list[YearLine] = []
    matched = {m.new_key: m for m in comparison.matched}
    for key in plan.keys:
        new = plan.rows[key]
        match = matched.get(key)
        old = execution.rows[match.old_key] if match else {}
        actual = old.get("actual")
        next_value = target_value(new.get("target"))
        base = new.get("base")
        step = next_value - actual if next_value is not None and actual is not None else None
        agrees = (
            None if base is None or actual is None else same_value(actual, base, BASE_TOLERANCE)
        )
        kind = (
            RowKind.ADDED if match is None else RowKind.CHANGED if match.changes else RowKind.SAME
        )
        lines.append(
            YearLine(
                kind=kind,
                name=new.get("name") or "",
                old_name=old.get("name") if match else None,
                unit=new.get("unit"),
                category=new.get("category"),
                last_target=old.get("target"),
                actual=actual,
                next_target=new.get("target"),
                next_value=next_value,
                step=step,
                base=base,
                base_agrees=agrees,
                how=match.how if match else None,
                key=key,
            )
        )
    for key in comparison.removed:
        old = execution.rows[key]
        lines.append(
            YearLine(
                kind=RowKind.REMOVED,
                name=old.get("name") or "",
                old_name=old.get("name"),
                unit=old.get("unit"),
                category=old.get("category"),
                last_target=old.get("target"),
                actual=old.get("actual"),
                next_target=None,
                next_value=None,
                step=None,
                base=None,
                base_agrees=None,
            )
        )
    return lines
