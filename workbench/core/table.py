"""A canonical table: rows addressed by a stable key, with provenance and review per row.

Rows are dicts of canonical fields. Nothing outside `core.edits` mutates a table, so every
change can be undone, logged and announced.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from workbench.core import provenance as prov
from workbench.core.metadata import TableMeta
from workbench.core.review import DEFAULT_MARK, ReviewMark
from workbench.core.schema import TableKind, fields_for, row_extras, stored_keys


@dataclass
class CellSource:
    """Where a reader found the table, so a finding can point at the original cell."""

    file: str = ""
    sheet: str = ""
    header_rows: tuple[int, ...] = ()  # 1-based sheet rows of the header
    columns: dict[str, int] = field(default_factory=dict)  # field → 1-based sheet column
    units: dict[str, str] = field(default_factory=dict)  # money field → the sheet's unit (万元)


@dataclass
class Table:
    id: str
    kind: TableKind
    title: str
    sheet_name: str = ""
    year: int | None = None
    unit: str | None = None
    default_provenance: str = prov.SAMPLE
    notes: list[str] = field(default_factory=list)
    # Subtotal/total rows read from a sheet: {"label": …, field: value…}. Not rows.
    subtotals: list[dict[str, Any]] = field(default_factory=list)
    # Summary tables: {"source": table id, "by": "sector"|"funding", "partition": bool}.
    meta: TableMeta = field(default_factory=TableMeta)
    source: CellSource | None = None
    row_source: dict[str, int] = field(default_factory=dict)  # key → 1-based sheet row

    keys: list[str] = field(default_factory=list)
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    provenance: dict[str, dict[str, str]] = field(default_factory=dict)
    review: dict[str, ReviewMark] = field(default_factory=dict)
    next_key: int = 1
    _positions: dict[str, int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.kind = TableKind(self.kind)
        if not self.sheet_name:
            self.sheet_name = self.title[:31]
        self._fields = fields_for(self.kind)
        self._columns = stored_keys(self.kind)
        self._extras = row_extras(self.kind)

    # ---- reading ----------------------------------------------------------------------
    @property
    def fields(self):
        return self._fields

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    @property
    def extras(self) -> tuple[str, ...]:
        """Optional row members kept beside the columns (schema.ROW_EXTRAS): stored only where
        a row has them, so a row without a yearly series has no `series` key at all."""
        return self._extras

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for key in self.keys:
            yield key, self.rows[key]

    def row(self, key: str) -> dict[str, Any]:
        try:
            return self.rows[key]
        except KeyError:
            raise KeyError(f"表“{self.title}”中没有行 {key!r}") from None

    def value(self, key: str, column: str) -> Any:
        return self.row(key).get(column)

    def index_of(self, key: str) -> int:
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self.keys)}
        return self._positions[key]

    def provenance_of(self, key: str, column: str) -> str:
        return self.provenance.get(key, {}).get(column, self.default_provenance)

    def mark(self, key: str) -> ReviewMark:
        return self.review.get(key, DEFAULT_MARK)

    def find(self, column: str, value: Any) -> list[str]:
        return [k for k in self.keys if self.rows[k].get(column) == value]

    def allocate_key(self) -> str:
        """A key never used in this table before, so undo/redo can always address rows."""
        key = f"r{self.next_key}"
        self.next_key += 1
        while key in self.rows:
            key = f"r{self.next_key}"
            self.next_key += 1
        return key

    # ---- building (readers and generators, before the table joins a document) ---------
    def append(
        self,
        values: dict[str, Any],
        provenance: dict[str, str] | None = None,
        review: ReviewMark | None = None,
        key: str | None = None,
    ) -> str:
        key = key or self.allocate_key()
        self._store(len(self.keys), key, values, provenance or {}, review)
        return key

    def bulk_append(self, rows: list[dict[str, Any]]) -> list[str]:
        """Append complete rows (every stored column present) in one go: the reader's fast
        path for 100k-row annexes, where per-row checks would dominate the import time."""
        start = self.next_key
        keys = [f"r{start + i}" for i in range(len(rows))]
        if any(k in self.rows for k in keys):
            return [self.append(r) for r in rows]
        self.rows.update(zip(keys, rows, strict=True))
        self.keys.extend(keys)
        self.next_key = start + len(rows)
        self._positions = None
        return keys

    # ---- mutation (core.edits only) ---------------------------------------------------
    def _store(
        self,
        index: int,
        key: str,
        values: dict[str, Any],
        provenance: dict[str, str],
        review: ReviewMark | None,
    ) -> None:
        if key in self.rows:
            raise ValueError(f"行 {key!r} 已存在")
        allowed = {*self.columns, *self._extras}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"表“{self.title}”没有字段 {sorted(unknown)}")
        row = {c: values.get(c) for c in self.columns}
        for extra in self._extras:
            if values.get(extra) is not None:
                row[extra] = values[extra]
        self.rows[key] = row
        if provenance:
            self.provenance[key] = dict(provenance)
        if review is not None and not review.is_default:
            self.review[key] = review
        self.keys.insert(index, key)
        self._positions = None
        if key.startswith("r") and key[1:].isdigit():
            self.next_key = max(self.next_key, int(key[1:]) + 1)

    def _remove(self, key: str) -> tuple[int, dict[str, Any], dict[str, str], ReviewMark]:
        index = self.index_of(key)
        del self.keys[index]
        self._positions = None
        values = self.rows.pop(key)
        provenance = self.provenance.pop(key, {})
        mark = self.review.pop(key, DEFAULT_MARK)
        self.row_source.pop(key, None)
        return index, values, provenance, mark

    def _set_provenance(self, key: str, column: str, value: str | None) -> None:
        if value is None or value == self.default_provenance:
            cells = self.provenance.get(key)
            if cells is not None:
                cells.pop(column, None)
                if not cells:
                    del self.provenance[key]
        else:
            self.provenance.setdefault(key, {})[column] = prov.check(value)

    def _set_mark(self, key: str, mark: ReviewMark) -> None:
        if mark.is_default:
            self.review.pop(key, None)
        else:
            self.review[key] = mark
