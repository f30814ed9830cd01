"""The one way a group of project rows is added up, and the kept-current per-group sums.

Every figure that says "what these rows add up to" — the summary tables beside their stated
figures, the totals bar under the grid, the charts, the comparison's per-group summary, the
roll-forward's rebuilt summaries, the subtotal checks, write-back and the print layout — comes
from here, so they cannot disagree. The rule, once:

- "其中"/"#" sub-items (`table.meta.sub_items`) are parts of their parent row and never
  counted or summed a second time;
- blanks are not zeros: a column with no figure in any row sums to None, not 0;
- the sum is exact (math.fsum) and rounded to 6 decimals, so the order rows were added or
  edited in cannot change the last digit; figures too large to add give None, not a crash.

Money in a project table is always held in 亿元 (the readers convert 万元 and 元 through
core/units on the way in), so rows in mixed source units add up without conversion here.

`GroupSums` keeps these figures current from the document's change events instead of
re-adding 100k rows after every edit; it stores each group's values by row and re-adds only
a group an edit touched, with the same `total_of`, so its answer is the one-shot answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

from workbench.core.events import TableChanged
from workbench.core.vocab import UNGROUPED

if TYPE_CHECKING:
    from workbench.core.document import PlanDocument
    from workbench.core.table import Table

SUMMED = ("total_investment", "annual_plan", "completed")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _numbers(values: list[Any]) -> list[float]:
    """The numbers among `values`, as `_is_number` picks them (plain floats and ints by
    their type, the rare others through the full check)."""
    return [
        v for v in values if type(v) is float or type(v) is int or (v is not None and _is_number(v))
    ]


def total_of(values: Iterable[Any]) -> float | None:
    """The one sum: of the numbers among `values` (None and text are blanks), exact and
    rounded to 6 decimals; None when there is no number or the sum is not finite."""
    numbers = [v for v in values if _is_number(v)]
    return _exact(numbers) if numbers else None


def _exact(numbers: Iterable[float]) -> float | None:
    """The rule on values known to be numbers (the kept-current sums hold only those)."""
    try:
        value = math.fsum(numbers)
    except OverflowError:  # absurd figures (1e308) cannot be summed: say so, don't crash
        return None
    return round(value, 6) if math.isfinite(value) else None


def summable(table: Table, keys: Iterable[str] | None = None) -> Iterator[tuple[str, dict]]:
    """(key, row) of the rows that count towards sums, in table order (or in the order of
    `keys`, e.g. the rows a filtered grid shows): sub-items left out."""
    sub_items = table.meta.sub_items
    if keys is None:
        for key, row in table.rows.items():
            if key not in sub_items:
                yield key, row
        return
    rows = table.rows
    for key in keys:
        if key not in sub_items and key in rows:
            yield key, rows[key]


@dataclass(frozen=True)
class GroupTotal:
    """What one group's rows add up to."""

    count: int
    sums: dict[str, float | None]

    def get(self, column: str) -> float | None:
        return self.sums.get(column)


def group_of(row: dict[str, Any], by: str | None) -> str:
    """The group a row is summed under (blank → UNGROUPED; no grouping field → "")."""
    if by is None:
        return ""
    value = row.get(by)
    return value if value not in (None, "") else UNGROUPED


def sum_rows(
    table: Table, keys: Iterable[str] | None = None, columns: Iterable[str] = SUMMED
) -> GroupTotal:
    """The rows of `table` (or just `keys`) added up as one group."""
    rows = [row for _, row in summable(table, keys)]
    return GroupTotal(len(rows), {c: total_of(r.get(c) for r in rows) for c in columns})


def sum_by(
    table: Table, by: str | None, columns: Iterable[str] = SUMMED, keys: Iterable[str] | None = None
) -> dict[str, GroupTotal]:
    """Each group of `by` added up, groups in the order they first appear."""
    columns = tuple(columns)
    members: dict[str, list[dict[str, Any]]] = {}
    for _, row in summable(table, keys):
        members.setdefault(group_of(row, by), []).append(row)
    return {
        g: GroupTotal(len(rows), {c: total_of(r.get(c) for r in rows) for c in columns})
        for g, rows in members.items()
    }


class _Sum:
    """One group's column, kept exactly: a few floats whose exact sum is the exact sum of the
    figures (so an edit adds two floats, never re-adds the group), and how many figures."""

    __slots__ = ("parts", "present")

    def __init__(self, numbers: list[float]) -> None:
        self.parts = _parts(numbers)
        self.present = len(numbers)

    def add(self, value: float, sign: int) -> None:
        self.present += sign
        if self.parts is None:
            return  # absurd figures: stays unsummable until a recount
        self.parts.append(value if sign > 0 else -value)
        if len(self.parts) > 32:
            self.parts = _parts(self.parts)


def _parts(numbers: list[float]) -> list[float] | None:
    """Floats whose exact sum equals the exact sum of `numbers` (each the correctly rounded
    rest, so a handful suffice); None when the figures are too large to add."""
    parts: list[float] = []
    try:
        for _ in range(64):
            rest = math.fsum([*numbers, *(-p for p in parts)])
            if rest == 0.0:
                return parts
            if not math.isfinite(rest):
                return None
            parts.append(rest)
    except OverflowError:
        return None
    return parts


class GroupSums:
    """Counts and sums per group of `by` over the summable rows, kept current."""

    def __init__(self, doc: PlanDocument, table_id: str, by: str) -> None:
        self.doc, self.table_id, self.by = doc, table_id, by
        self.full_passes = 0
        self.keys: dict[str, list[str]] = {}
        self._sums: dict[str, dict[str, _Sum]] = {}
        self._totals: dict[tuple[str | None, str], float | None] = {}
        self._key_sets: dict[str, frozenset[str]] = {}
        self._dirty = True
        doc.subscribe(self._on_event)
        self._refresh()

    # ---- keeping current --------------------------------------------------------------------
    def _on_event(self, event: TableChanged) -> None:
        if self._dirty or event.table != self.table_id:
            return
        try:
            self._apply(event)
        except Exception:  # never stale: when a delta cannot be placed, recount
            self._dirty = True
            raise

    def _apply(self, event: TableChanged) -> None:
        if event.structural or (event.keys is None and not event.changes):
            self._dirty = True
            return
        table = self.doc.tables.get(self.table_id)
        if table is None:
            self._dirty = True
            return
        sub_items = table.meta.sub_items
        for change in event.cells:
            if change.column == self.by:
                self._dirty = True
                return
            if change.column not in SUMMED or change.key in sub_items:
                continue
            row = table.rows.get(change.key)
            if row is None:
                self._dirty = True
                return
            group = group_of(row, self.by)
            kept = self._sums[group][change.column]
            if _is_number(change.old):
                kept.add(change.old, -1)
            if _is_number(change.new):
                kept.add(change.new, +1)
            self._totals.pop((group, change.column), None)
            self._totals.pop((None, change.column), None)

    def _refresh(self) -> None:
        if self._dirty:
            self._recompute()

    def _recompute(self) -> None:
        """Every group added up from the rows: one pass to sort the rows into groups, then
        a column at a time (list comprehensions, plain float/int checked by type first), the
        100k-row list's load in a fraction of the per-cell loop's time."""
        table = self.doc.table(self.table_id)
        by = self.by
        keys: dict[str, list[str]] = {}
        rows: dict[str, list[dict[str, Any]]] = {}
        for key, row in summable(table):
            value = row.get(by)
            group = value if value is not None and value != "" else UNGROUPED
            members = keys.get(group)
            if members is None:
                members = keys[group] = []
                rows[group] = []
            members.append(key)
            rows[group].append(row)
        self.keys = keys
        self._key_sets = {}
        self._sums = {
            g: {c: _Sum(_numbers([r.get(c) for r in members])) for c in SUMMED}
            for g, members in rows.items()
        }
        self._totals = {}
        self._dirty = False
        self.full_passes += 1

    def key_set(self, group: str) -> frozenset[str]:
        """The keys of a group's rows as a set (a chart's marks stand for them), built once
        per full pass: an edit of a figure does not move a row between groups."""
        self._refresh()
        found = self._key_sets.get(group)
        if found is None:
            found = self._key_sets[group] = frozenset(self.keys.get(group, ()))
        return found

    # ---- reading ------------------------------------------------------------------------------
    def groups(self) -> list[str]:
        self._refresh()
        return list(self.keys)

    def count(self, group: str | None = None) -> int:
        self._refresh()
        if group is None:
            return sum(len(k) for k in self.keys.values())
        return len(self.keys.get(group, ()))

    def total(self, column: str, group: str | None = None) -> float | None:
        """The sum of `column` in a group (None: all groups); None when no row has a value.
        The same figure `total_of` gives over the same rows: fsum of the exact parts is the
        correctly rounded exact sum, as fsum of the figures is."""
        self._refresh()
        cache_key = (group, column)
        if cache_key not in self._totals:
            if group is None:
                kept = [v[column] for v in self._sums.values()]
            else:
                kept = [self._sums[group][column]] if group in self._sums else []
            if not any(k.present for k in kept):
                result = None
            elif any(k.parts is None for k in kept):
                result = self._recount(column, group)
            else:
                result = _exact(chain.from_iterable(k.parts or () for k in kept))
                if result is None:  # parts too large to add in this order: ask the rows
                    result = self._recount(column, group)
            self._totals[cache_key] = result
        return self._totals[cache_key]

    def figures(self, group: str | None = None) -> GroupTotal:
        return GroupTotal(self.count(group), {c: self.total(c, group) for c in SUMMED})

    def _recount(self, column: str, group: str | None) -> float | None:
        """The figure from the rows themselves (absurd figures only: 1e308 and the like),
        the group's parts rebuilt on the way."""
        rows = self.doc.table(self.table_id).rows
        numbers: list[float] = []
        for g in list(self.keys) if group is None else [group]:
            cells = [rows[k].get(column) for k in self.keys.get(g, ())]
            mine = [cast(float, v) for v in cells if _is_number(v)]
            self._sums[g][column] = _Sum(mine)
            numbers.extend(mine)
        return total_of(numbers)


def group_sums(
    doc: PlanDocument, table_id: str, by: str, store: dict[Any, Any] | None = None
) -> GroupSums:
    """The kept-current sums of `table_id` grouped by `by`, from `store` (a view's own cache)
    or from the document's run-time caches."""
    cache = doc.caches if store is None else store
    key = ("group_sums", table_id, by)
    sums = cache.get(key)
    if sums is None or sums.doc is not doc:
        sums = cache[key] = GroupSums(doc, table_id, by)
    return sums
