"""Per-group counts and sums of a project table, kept current from the document's typed change
events instead of re-adding 100k rows after every edit.

This is the one group-sum engine: summary tables (stated beside computed figures) and the
investment charts both read it. A cell change moves its delta into its group; a change of the
grouping column, an inserted or removed row, or an unlisted bulk change triggers one full pass.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from workbench.core.events import TableChanged
from workbench.core.vocab import UNGROUPED

if TYPE_CHECKING:
    from workbench.core.document import PlanDocument

SUMMED = ("total_investment", "annual_plan", "completed")


class GroupSums:
    """Counts, sums and how many rows had a value, per group of `by`, over the summable rows
    ("其中"/"#" sub-items are parts of their parent and never counted twice)."""

    def __init__(self, doc: PlanDocument, table_id: str, by: str) -> None:
        self.doc, self.table_id, self.by = doc, table_id, by
        self.full_passes = 0
        self.keys: dict[str, list[str]] = {}
        self.sums: dict[str, dict[str, float]] = {}
        self.present: dict[str, dict[str, int]] = {}
        self._dirty = True
        doc.subscribe(self._on_event)
        self._refresh()

    # ---- keeping current --------------------------------------------------------------------
    def _on_event(self, event: TableChanged) -> None:
        if self._dirty:
            return
        if event.table != self.table_id:
            return
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
            group = row.get(self.by) or UNGROUPED
            sums, present = self.sums[group], self.present[group]
            old, new = change.old, change.new
            sums[change.column] += (new or 0.0) - (old or 0.0)
            present[change.column] += (new is not None) - (old is not None)

    def _refresh(self) -> None:
        if self._dirty:
            self._recompute()

    def _recompute(self) -> None:
        table = self.doc.table(self.table_id)
        sub_items = table.meta.sub_items
        keys: dict[str, list[str]] = {}
        values: dict[str, dict[str, list[float]]] = {}
        by = self.by
        for key, row in table.rows.items():
            if key in sub_items:
                continue
            group = row.get(by) or UNGROUPED
            if group not in keys:
                keys[group] = []
                values[group] = {c: [] for c in SUMMED}
            keys[group].append(key)
            bucket = values[group]
            for column in SUMMED:
                value = row.get(column)
                if value is not None:
                    bucket[column].append(value)
        self.keys = keys
        self.sums = {g: {c: _fsum(v[c]) for c in SUMMED} for g, v in values.items()}
        self.present = {g: {c: len(v[c]) for c in SUMMED} for g, v in values.items()}
        self._dirty = False
        self.full_passes += 1

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
        """The sum of `column` in a group (None: all groups); None when no row has a value."""
        self._refresh()
        groups = list(self.keys) if group is None else [group]
        present = sum(self.present.get(g, {}).get(column, 0) for g in groups)
        if not present:
            return None
        value = _fsum([self.sums[g][column] for g in groups if g in self.sums])
        return round(value, 6) if math.isfinite(value) else None


def _fsum(values: list[float]) -> float:
    try:
        return math.fsum(values)
    except OverflowError:  # absurd figures (1e308) cannot be summed: say so, don't crash
        return math.nan


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
