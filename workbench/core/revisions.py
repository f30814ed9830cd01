"""Which cells a review changed, with their original value, derived from the change log.

The log records every step, undo and redo included; what matters for marking a workbook is
the net effect: the value before the first change, the value now, and who touched it last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.vocab import ChangeKind


@dataclass(frozen=True)
class CellRevision:
    table: str
    key: str
    column: str
    original: Any
    current: Any
    user: str
    time: str
    reason: str


def changed_cells(doc: PlanDocument) -> dict[tuple[str, str, str], CellRevision]:
    """(table, row key, column) → revision, for cells whose value differs from the original."""
    return SessionRevisions(doc, since=0).all()


def inserted_rows(doc: PlanDocument) -> set[tuple[str, str]]:
    """Rows added in review that still exist."""
    rows: set[tuple[str, str]] = set()
    for entry in doc.change_log:
        cell = (entry.table, entry.key)
        if entry.kind is ChangeKind.ROW_INSERTED:
            rows.add(cell)
        elif entry.kind is ChangeKind.ROW_DELETED:
            rows.discard(cell)
    return {r for r in rows if r[0] in doc.tables and r[1] in doc.tables[r[0]].rows}


_MARK_KINDS = (ChangeKind.REVIEW_STATUS, ChangeKind.COMMENT)


def last_marked(doc: PlanDocument, table: str, key: str):
    """The change log's newest entry for this row's review mark (who set it, when); None if
    it was never changed. Read on demand (a tooltip), newest first."""
    for entry in reversed(doc.change_log):
        if entry.key == key and entry.table == table and entry.kind in _MARK_KINDS:
            return entry
    return None


class SessionRevisions:
    """Cells changed since the document was opened in this session (the grid's change marks),
    or since any point of the change log (`since=0`: the whole review, for writers).

    Recomputed only when the change log has grown, and only over the new entries."""

    def __init__(self, doc: PlanDocument, since: int | None = None) -> None:
        self.doc = doc
        self.baseline = len(doc.change_log) if since is None else since
        self._seen = self.baseline
        self._first: dict[tuple[str, str, str], Any] = {}
        self._last: dict[tuple[str, str, str], Any] = {}

    def rebase(self) -> None:
        """After a save: what is saved is the new original."""
        self.baseline = self._seen = len(self.doc.change_log)
        self._first.clear()
        self._last.clear()

    def _update(self) -> None:
        log = self.doc.change_log
        for entry in log[self._seen :]:
            if entry.kind is ChangeKind.CELL and entry.column is not None:
                cell = (entry.table, entry.key, entry.column)
                self._first.setdefault(cell, entry.old)
                self._last[cell] = entry
        self._seen = len(log)

    def get(self, table: str, key: str, column: str) -> CellRevision | None:
        if self._seen != len(self.doc.change_log):
            self._update()
        cell = (table, key, column)
        entry = self._last.get(cell)
        if entry is None:
            return None
        rows = self.doc.tables.get(table)
        if rows is None or key not in rows.rows:
            return None
        current = rows.rows[key].get(column)
        original = self._first[cell]
        if current == original:
            return None
        return CellRevision(
            table, key, column, original, current, entry.user, entry.time, entry.reason
        )

    def all(self) -> dict[tuple[str, str, str], CellRevision]:
        if self._seen != len(self.doc.change_log):
            self._update()
        found = {cell: self.get(*cell) for cell in self._last}
        return {cell: revision for cell, revision in found.items() if revision is not None}
