"""Which cells a review changed, with their original value, derived from the change log.

The log records every step, undo and redo included; what matters for marking a workbook is
the net effect: the value before the first change, the value now, and who touched it last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument


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
    first: dict[tuple[str, str, str], Any] = {}
    last: dict[tuple[str, str, str], Any] = {}
    for entry in doc.change_log:
        if entry.action != "修改" or entry.column is None:
            continue
        cell = (entry.table, entry.key, entry.column)
        first.setdefault(cell, entry.old)
        last[cell] = entry
    out: dict[tuple[str, str, str], CellRevision] = {}
    for cell, entry in last.items():
        table = doc.tables.get(cell[0])
        if table is None or cell[1] not in table.rows:
            continue
        current = table.rows[cell[1]].get(cell[2])
        if current == first[cell]:
            continue
        out[cell] = CellRevision(*cell, first[cell], current, entry.user, entry.time, entry.reason)
    return out


def inserted_rows(doc: PlanDocument) -> set[tuple[str, str]]:
    """Rows added in review that still exist."""
    rows: set[tuple[str, str]] = set()
    for entry in doc.change_log:
        cell = (entry.table, entry.key)
        if entry.action == "插入行":
            rows.add(cell)
        elif entry.action == "删除行":
            rows.discard(cell)
    return {r for r in rows if r[0] in doc.tables and r[1] in doc.tables[r[0]].rows}
