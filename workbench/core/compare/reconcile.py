"""Accepted differences as ordinary document edits.

The current document holds the old table; the second file (a department's revised
submission, a colleague's copy) holds the new one. Accepting a change writes the new value
into the document through the one edit path: SetCells for changed cells, InsertRows for an
added row, DeleteRows for a removed one, all with the provenance 部门报送 and the change-log
label 采纳部门修订 (the caller passes the file's name as the reason). Accepting a group is one
Compound edit, so one undo takes it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core import provenance as prov
from workbench.core.compare.result import RowKind, RowMatch
from workbench.core.edits import (
    CellChange,
    Compound,
    DeleteRows,
    Edit,
    InsertRows,
    RowData,
    SetCells,
)

if TYPE_CHECKING:
    from workbench.core.compare.result import Comparison

LABEL = "采纳部门修订"


@dataclass(frozen=True)
class Item:
    """One difference a reviewer can accept: a changed row (optionally one field of it), an
    added row (new_key) or a removed row (old_key)."""

    kind: RowKind
    old_key: str | None = None
    new_key: str | None = None
    field: str | None = None  # a changed row: only this field; None: every changed field


def items_of(comparison: Comparison, group: str | None = None) -> list[Item]:
    """Every acceptable difference, optionally of one group (by its name after the crosswalk).
    Rows of a pending suggestion are left out: whether they are one renamed row or a row
    removed and another added is the reviewer's decision first."""
    field = comparison.group_field

    def in_group(row: dict, old_side: bool) -> bool:
        if group is None:
            return True
        value = row.get(field) if field else None
        if old_side:
            value = comparison.old_group(value)
        return (value or "（未分组）") == group if field else True

    pending_old = {s.old_key for s in comparison.suggestions}
    pending_new = {s.new_key for s in comparison.suggestions}
    out: list[Item] = []
    for match in comparison.matched:
        if match.changes and in_group(comparison.new.rows[match.new_key], False):
            out.append(Item(RowKind.CHANGED, match.old_key, match.new_key))
    for key in comparison.added:
        if key not in pending_new and in_group(comparison.new.rows[key], False):
            out.append(Item(RowKind.ADDED, None, key))
    for key in comparison.removed:
        if key not in pending_old and in_group(comparison.old.rows[key], True):
            out.append(Item(RowKind.REMOVED, key, None))
    return out


def _match(comparison: Comparison, old_key: str, new_key: str) -> RowMatch:
    for match in comparison.matched:
        if match.old_key == old_key and match.new_key == new_key:
            return match
    raise KeyError(f"没有配对的行 {old_key} → {new_key}")


def edit_for(comparison: Comparison, items: Iterable[Item]) -> Edit | None:
    """The edit accepting `items` into the old table's document; None when nothing to do.
    Several items make one Compound (one undo step)."""
    table = comparison.old
    cells: list[CellChange] = []
    inserts: list[tuple[int, RowData]] = []
    deletes: list[str] = []
    anchors = {m.new_key: m.old_key for m in comparison.matched}
    for item in items:
        if item.kind is RowKind.CHANGED:
            assert item.old_key is not None and item.new_key is not None
            match = _match(comparison, item.old_key, item.new_key)
            for change in match.changes:
                if item.field is None or change.field == item.field:
                    cells.append(
                        CellChange(item.old_key, change.field, change.new, prov.DEPARTMENT)
                    )
        elif item.kind is RowKind.ADDED:
            assert item.new_key is not None
            inserts.append(_insert_for(comparison, item.new_key, anchors))
        elif item.kind is RowKind.REMOVED:
            assert item.old_key is not None
            deletes.append(item.old_key)
    edits: list[Edit] = []
    if cells:
        edits.append(SetCells(table.id, tuple(cells), LABEL))
    if inserts:
        edits.append(InsertRows(table.id, _spread(inserts), LABEL))
    if deletes:
        edits.append(DeleteRows(table.id, tuple(dict.fromkeys(deletes)), LABEL))
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Compound(tuple(edits), LABEL)


def _insert_for(
    comparison: Comparison, new_key: str, anchors: dict[str, str]
) -> tuple[int, RowData]:
    """The added row, placed after the old row matching its nearest matched predecessor in
    the new table (or at the top when none precedes it)."""
    old, new = comparison.old, comparison.new
    position = 0
    for index in range(new.index_of(new_key) - 1, -1, -1):
        anchor = anchors.get(new.keys[index])
        if anchor is not None and anchor in old.rows:
            position = old.index_of(anchor) + 1
            break
    values = {c: v for c, v in new.rows[new_key].items() if c in old.columns}
    provenance = {c: prov.DEPARTMENT for c, v in values.items() if v is not None}
    return position, RowData(old.allocate_key(), values, provenance)


def _spread(inserts: list[tuple[int, RowData]]) -> tuple[tuple[int, RowData], ...]:
    """Positions for inserting in ascending order: each row shifts by the rows inserted
    before it, so rows sharing an anchor keep their order in the new table."""
    ordered = sorted(enumerate(inserts), key=lambda item: (item[1][0], item[0]))
    return tuple((position + rank, data) for rank, (_, (position, data)) in enumerate(ordered))
