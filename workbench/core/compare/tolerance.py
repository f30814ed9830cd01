"""How far apart two numbers may be and still count as unchanged, per field.

Both tables are in one unit once read (money in 亿元), so a list resubmitted in 亿元 instead
of 万元 differs only by floating-point noise (12345.67 万元 / 10000 is not exactly 1.234567):
the default tolerance absorbs that noise and nothing a reviewer would call a change. A
reviewer comparing rounded figures widens a field's tolerance (`--tolerance annual_plan=0.01`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, TypeGuard

# Relative noise of one unit conversion and back; far below any written digit.
RELATIVE_NOISE = 1e-9


@dataclass(frozen=True)
class Tolerances:
    """Absolute tolerance per field (in the field's unit: 亿元, %, …); `default` for others."""

    default: float = 0.0
    per_field: dict[str, float] = field(default_factory=dict)

    def of(self, name: str) -> float:
        return self.per_field.get(name, self.default)

    def with_field(self, name: str, value: float) -> Tolerances:
        if value < 0 or math.isnan(value):
            raise ValueError(f"容差不能为负：{name}={value}")
        return Tolerances(self.default, {**self.per_field, name: value})

    @classmethod
    def parse(cls, items: list[str]) -> Tolerances:
        """From "field=value" strings (the command line's --tolerance)."""
        result = cls()
        for item in items:
            name, sep, text = item.partition("=")
            try:
                value = float(text)
            except ValueError:
                value = float("nan")
            if not sep or not name.strip() or math.isnan(value):
                raise ValueError(f"容差应写作 字段=数值（如 annual_plan=0.01），而不是“{item}”")
            result = result.with_field(name.strip(), value)
        return result


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def same_value(old: Any, new: Any, tolerance: float = 0.0) -> bool:
    """Equal as a reviewer reads them: numbers within the tolerance (and conversion noise),
    empty text equal to no value, text otherwise exactly as written."""
    if old is None or old == "":
        return new is None or new == ""
    if new is None or new == "":
        return False
    if is_number(old) and is_number(new):
        diff = abs(old - new)
        return diff <= tolerance or diff <= RELATIVE_NOISE * max(abs(old), abs(new))
    return old == new


def delta(old: Any, new: Any) -> tuple[float | None, float | None]:
    """Absolute and relative (percent of old) change of two numbers; None where undefined."""
    if not (is_number(old) and is_number(new)):
        return None, None
    change = new - old
    pct = change / abs(old) * 100 if old else None
    return change, pct
