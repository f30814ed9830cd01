"""The one table of units: which units a plan report or annex uses and how they convert.

The reader (a money column in 万元), the target parser ("新增就业50万人"), the text extraction
("粮食产量1.4万亿斤") and the comparison (万元 in one year, 亿元 in the next) all ask the same
questions — is this a unit, what does it measure, how many of one make the other — and must get
the same answer. The facts live in resources/vocab/units.json so a unit can be added without
touching code.

Conversions between powers of ten are done by dividing or multiplying by an exact power of ten,
never by a rounded reciprocal, so that 113700万元 is exactly 11.37亿元.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from workbench.shipped import shipped_file


class UnitKind(StrEnum):
    MONEY = "money"
    COUNT = "count"  # a number of things: 个, 项, 万户 …
    RATE = "rate"  # % and ‰
    POINTS = "points"  # 个百分点
    MEASURE = "measure"  # a physical quantity: 万吨, 平方公里, 万千瓦 …
    TIME = "time"


@dataclass(frozen=True)
class Unit:
    name: str
    group: str  # what it measures: money, mass, area … (units of one group convert)
    kind: UnitKind
    factor: float  # how many of the group's base unit one of this unit is


@cache
def _table() -> dict[str, Unit]:
    path = shipped_file("workbench.resources", "resources", "vocab", "units.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, Unit] = {}
    for group, spec in data["groups"].items():
        kind = UnitKind(spec["kind"])
        for name, factor in spec["units"].items():
            table[name] = Unit(name, group, kind, float(factor))
    return table


def normalise_unit(text: object) -> str:
    """A unit as written, compared: NFKC (full-width ％ → %), no spaces, no brackets around it."""
    if text is None:
        return ""
    cleaned = unicodedata.normalize("NFKC", str(text))
    cleaned = "".join(cleaned.split())
    while len(cleaned) >= 2 and cleaned[0] in "(（[【" and cleaned[-1] in ")）]】":
        cleaned = cleaned[1:-1]
    return cleaned


def unit(text: object) -> Unit | None:
    """The unit this text names, or None when it names no unit the table knows."""
    return _table().get(normalise_unit(text))


@cache
def names_longest_first() -> tuple[str, ...]:
    """Every unit name, longest first: when text after a number is matched against the table,
    "万亿元" must win over "亿元" and "个百分点" over "个"."""
    return tuple(sorted(_table(), key=lambda n: (-len(n), n)))


@cache
def group_names(group: str) -> tuple[str, ...]:
    """The names of one group's units, longest first ("万亿元" before "亿元" before "元")."""
    return tuple(n for n in names_longest_first() if _table()[n].group == group)


def leading_unit(text: object, group: str | None = None) -> Unit | None:
    """The unit `text` begins with ("万元/年" → 万元), the longest that fits, optionally only
    of one group; None when it begins with none."""
    cleaned = normalise_unit(text)
    for name in group_names(group) if group else names_longest_first():
        if cleaned.startswith(name):
            return _table()[name]
    return None


def factor(from_unit: object, to_unit: object) -> float | None:
    """The multiplier taking a value in from_unit into to_unit (1.0 for the same unit);
    None when they do not convert. Prefer `convert`, which divides exactly."""
    how = conversion(from_unit, to_unit)
    if how is None:
        return None
    op, k = how
    return k if op == "*" else 1.0 / k


def names_of(*kinds: UnitKind) -> frozenset[str]:
    return frozenset(n for n, u in _table().items() if u.kind in kinds)


def convertible(a: object, b: object) -> bool:
    ua, ub = unit(a), unit(b)
    return ua is not None and ub is not None and ua.group == ub.group


def conversion(from_unit: object, to_unit: object) -> tuple[str, float] | None:
    """How a value in from_unit becomes a value in to_unit: ("*", k) or ("/", k), with k ≥ 1,
    or None when the two do not measure the same thing (or either is unknown)."""
    a, b = unit(from_unit), unit(to_unit)
    if a is None or b is None or a.group != b.group:
        return None
    if a.factor >= b.factor:
        return ("*", a.factor / b.factor)
    return ("/", b.factor / a.factor)


def convert(value: float, from_unit: object, to_unit: object) -> float | None:
    """value (in from_unit) expressed in to_unit; None when they do not convert."""
    how = conversion(from_unit, to_unit)
    if how is None:
        return None
    op, k = how
    if k == 1.0:
        return value
    return value * k if op == "*" else value / k


def to_yi(value: float, money_unit: object) -> float | None:
    """Money in 亿元, the unit of every project table; None when money_unit is not money."""
    return convert(value, money_unit, "亿元")


_MULTIPLIER_PREFIX = re.compile(r"^(?:\d+(?:\.\d+)?)?[十百千万亿]*")
_QUALIFIER_SEPARATORS = re.compile(r"[，,、；;]")
_COMPOUND_SEPARATORS = re.compile(r"[/／·]|每")


def _is_unit_part(part: str) -> bool:
    if not part:
        return False
    if part in _table():
        return True
    # "10万人", "千公顷"…: a count or multiplier before a known unit
    rest = part[_MULTIPLIER_PREFIX.match(part).end() :]  # type: ignore[union-attr]
    return rest != part and rest in _table()


def names_unit(text: object) -> bool:
    """Whether bracketed text in a header or after a name ("（万元）", "(吨标准煤/万元)",
    "（万元，现价）") states a unit, rather than a qualifier such as "（一期）" or "（含地方）".

    Every part of a compound unit must be a unit of the table, optionally with a count or
    multiplier before it ("10万人"); a qualifier after a comma ("现价") is allowed. One table
    decides, so the header reader and the name reader cannot disagree about what a unit is.
    """
    cleaned = normalise_unit(text)
    if not cleaned:
        return False
    head = _QUALIFIER_SEPARATORS.split(cleaned, maxsplit=1)[0]
    if head in _table():  # 微克/立方米 is one unit, not two
        return True
    parts = [p for p in _COMPOUND_SEPARATORS.split(head) if p]
    return bool(parts) and all(_is_unit_part(p) for p in parts)
