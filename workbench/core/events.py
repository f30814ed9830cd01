"""What the document announces after a change: typed, so caches and views never parse the
change log's words.

Every applied edit yields `Change`s (what kind, which table, row key, column, old and new) and
one `TableChanged` per table carrying them. Grids refresh the rows it names, chart sums apply
its deltas, revision marks and write-back read its kinds. The change log keeps the same changes
for people, with who, when and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.vocab import CHANGE_LABELS, ChangeKind


@dataclass(frozen=True)
class Change:
    """One thing an edit did to one row."""

    kind: ChangeKind
    table: str
    key: str
    column: str | None = None
    old: Any = None
    new: Any = None

    @property
    def label(self) -> str:
        """The word the change log shows (修改, 插入行 …)."""
        return CHANGE_LABELS[self.kind]


@dataclass(frozen=True)
class TableChanged:
    """Rows of `table` changed. `keys`/`columns` None means "any" (rows added or removed, or
    a bulk change too wide to list); `structural` says rows were inserted or removed;
    `changes` lists each change in the order applied (empty for an unlisted bulk change)."""

    table: str
    keys: frozenset[str] | None = None
    columns: frozenset[str] | None = None
    structural: bool = False
    changes: tuple[Change, ...] = field(default=(), compare=False)

    @property
    def inserted(self) -> tuple[str, ...]:
        """Keys of rows inserted (and still present after this event's later changes)."""
        present: dict[str, None] = {}
        for change in self.changes:
            if change.kind is ChangeKind.ROW_INSERTED:
                present[change.key] = None
            elif change.kind is ChangeKind.ROW_DELETED:
                present.pop(change.key, None)
        return tuple(present)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.changes if c.kind is ChangeKind.ROW_DELETED)

    @property
    def cells(self) -> tuple[Change, ...]:
        """Cell changes, each with its old and new value."""
        return tuple(c for c in self.changes if c.kind is ChangeKind.CELL)

    def merge(self, other: TableChanged) -> TableChanged:
        if other.table != self.table:
            raise ValueError(f"cannot merge events of {self.table!r} and {other.table!r}")

        def union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
            return None if a is None or b is None else a | b

        return TableChanged(
            self.table,
            union(self.keys, other.keys),
            union(self.columns, other.columns),
            self.structural or other.structural,
            self.changes + other.changes,
        )
