"""What the document tells its views after a change, so each view refreshes only what moved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableChanged:
    """Cells of `table` changed. `keys`/`columns` None means "any" (rows added or removed,
    or a bulk change too wide to list); `structural` says rows were inserted or removed."""

    table: str
    keys: frozenset[str] | None = None
    columns: frozenset[str] | None = None
    structural: bool = False

    def merge(self, other: TableChanged) -> TableChanged:
        assert other.table == self.table

        def union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
            return None if a is None or b is None else a | b

        return TableChanged(
            self.table,
            union(self.keys, other.keys),
            union(self.columns, other.columns),
            self.structural or other.structural,
        )


@dataclass(frozen=True)
class DocumentReplaced:
    """The whole document changed (opened, recovered): views rebuild."""
