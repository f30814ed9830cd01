"""Returned figures that look typed in the wrong unit: 668 where 0.0668 亿元 was meant
(the department typed 万元). Flagged before the reviewer accepts them, with the likely unit.

Two signs, each enough: the new value is the last version's times a power of ten (10, 100,
1000 … give or take a quarter: the figure may also have been updated), or a yearly figure
(年度计划, 完成投资) exceeds the row's own total investment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.core import units
from workbench.core.compare.align import unit_factor
from workbench.core.compare.result import Comparison
from workbench.core.compare.tolerance import is_number
from workbench.core.schema import FieldType, fields_for

# Near a power of ten: |log10(ratio) − k| below this (≈ ×/÷ 1.26).
_NEAR = 0.1
_YEARLY = ("annual_plan", "completed")
_TOTAL = "total_investment"
# Money units a department may type instead of the asked one (core/units, the one table).
MONEY_UNITS = units.group_names("money")


@dataclass(frozen=True)
class UnitSlip:
    old_key: str
    new_key: str
    field: str
    old: float | None
    new: float
    reason: str  # one Chinese sentence naming the likely unit


def likely_unit(asked: str | None, factor_exponent: int) -> str | None:
    """The unit a figure 10^k times too large was typed in, when the table asks `asked`."""
    if not asked:
        return None
    for unit in MONEY_UNITS:
        factor = unit_factor(asked, unit)  # asked → unit: 1 亿元 = 10^4 万元
        if factor and round(math.log10(factor)) == factor_exponent:
            return unit
    return None


def _power_of_ten(ratio: float) -> int | None:
    if ratio <= 0:
        return None
    exponent = math.log10(ratio)
    k = round(exponent)
    return k if k != 0 and abs(exponent - k) < _NEAR else None


def unit_slips(comparison: Comparison) -> list[UnitSlip]:
    """Every changed or added money figure of `comparison` that looks like a unit slip."""
    units = {
        f.key: f.unit
        for f in fields_for(comparison.new.kind)
        if f.type is FieldType.NUMBER and f.unit and f.unit.endswith("元")
    }
    if not units:
        return []
    new_rows = comparison.new.rows
    out: list[UnitSlip] = []

    def check(old_key: str, new_key: str, field: str, old, new) -> None:
        reason = _reason(field, units[field], old, new, new_rows[new_key].get(_TOTAL))
        if reason:
            out.append(UnitSlip(old_key, new_key, field, old, new, reason))

    for m in comparison.matched:
        for c in m.changes:
            if c.field in units and is_number(c.new):
                check(m.old_key, m.new_key, c.field, c.old, c.new)
    for key in comparison.added:
        row = new_rows[key]
        for field in units:
            if is_number(row.get(field)):
                check("", key, field, None, row[field])
    return out


def _reason(field: str, unit: str, old, new: float, total) -> str | None:
    if is_number(old) and old and new:
        k = _power_of_ten(abs(new / old))
        if k is not None and abs(k) >= 1:
            typed = likely_unit(unit, k)
            guess = f"，疑似按{typed}填写" if typed else "，疑似单位有误"
            times = f"{10**k:g}" if k > 0 else f"1/{10**-k:g}"
            return f"是上一版（{old:g}）的 {times} 倍{guess}（本表单位：{unit}）"
    if field in _YEARLY and is_number(total) and total > 0 and new > total:
        k = _power_of_ten(new / total) if new / total >= 5 else None
        typed = likely_unit(unit, k) if k else None
        guess = f"，疑似按{typed}填写" if typed else ""
        return f"大于本项目总投资（{total:g} {unit}）{guess}（本表单位：{unit}）"
    return None
