"""Per-group sums of a project table, kept current from the change log instead of re-adding
100k rows after every edit: each logged change carries its old and new value."""

from __future__ import annotations

from workbench.core.document import PlanDocument

UNGROUPED = "（未分组）"


class GroupTotals:
    def __init__(self, doc: PlanDocument, table_id: str, by: str) -> None:
        self.doc, self.table_id, self.by = doc, table_id, by
        self.full_passes = 0
        self._recompute()

    def _recompute(self) -> None:
        table = self.doc.table(self.table_id)
        sub_items = table.meta.get("sub_items", {})
        self.plan: dict[str, float] = {}
        self.done: dict[str, float] = {}
        self.done_count: dict[str, int] = {}
        self.keys: dict[str, list[str]] = {}
        by = self.by
        for key, row in table.rows.items():
            if key in sub_items:
                continue
            group = row.get(by) or UNGROUPED
            if group not in self.keys:
                self.keys[group] = []
                self.plan[group] = 0.0
                self.done[group] = 0.0
                self.done_count[group] = 0
            self.keys[group].append(key)
            p = row.get("annual_plan")
            if p is not None:
                self.plan[group] += p
            c = row.get("completed")
            if c is not None:
                self.done[group] += c
                self.done_count[group] += 1
        self._seen = len(self.doc.change_log)
        self._rows = len(table)
        self.full_passes += 1

    def sync(self) -> None:
        """Apply the changes logged since the last call (a full pass when rows were added,
        removed or moved between groups)."""
        table = self.doc.tables.get(self.table_id)
        log = self.doc.change_log
        if table is None:
            return
        if len(table) != self._rows or len(log) < self._seen:
            self._recompute()
            return
        sub_items = table.meta.get("sub_items", {})
        for entry in log[self._seen :]:
            if entry.table != self.table_id:
                continue
            if entry.action in ("插入行", "删除行") or entry.column == self.by:
                self._recompute()
                return
            if entry.action != "修改" or entry.key in sub_items or entry.key not in table.rows:
                continue
            group = table.rows[entry.key].get(self.by) or UNGROUPED
            old, new = entry.old, entry.new
            if entry.column == "annual_plan":
                self.plan[group] += (new or 0.0) - (old or 0.0)
            elif entry.column == "completed":
                self.done[group] += (new or 0.0) - (old or 0.0)
                self.done_count[group] += (new is not None) - (old is not None)
        self._seen = len(log)
