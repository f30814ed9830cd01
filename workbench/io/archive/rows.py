"""The query rows of one version: one per indicator or project, in the archive's columns.

A project's row is its place, key and sector; an indicator's carries its figures, the
document's (canonical fields): its status is the one the window shows (stated, by the
reviewer, or derived from target and actual), and its target is parsed the way the compare
engine reads targets, so queries agree with the app.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from workbench.core.compare.yoy import target_value
from workbench.core.document import PlanDocument
from workbench.core.indicators import status_of
from workbench.core.keys import match_key
from workbench.core.schema import TableKind
from workbench.core.table import Table

QUERIED_KINDS = (TableKind.INDICATORS, TableKind.PROJECTS)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value else None  # NaN is no figure
    return None


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


# The columns each kind of table fills; the rest stay NULL. A project's name and amounts
# live in the version's document (documents.plan) and no query reads them, so a project's
# query row is its place, key and sector only (revision 0004).
INDICATOR_COLUMNS = (
    "vtable_id",
    "position",
    "row_key",
    "sector",
    "name",
    "name_key",
    "unit",
    "target",
    "target_value",
    "actual",
    "status",
)
PROJECT_COLUMNS = ("vtable_id", "position", "row_key", "sector")


def columns_of(table: Table) -> tuple[str, ...]:
    return INDICATOR_COLUMNS if table.kind is TableKind.INDICATORS else PROJECT_COLUMNS


def table_rows(doc: PlanDocument, table: Table, vtable_id: int) -> Iterator[tuple]:
    """The table's query rows, as tuples in the order of columns_of(table)."""
    rows = table.rows
    if table.kind is not TableKind.INDICATORS:
        for position, key in enumerate(table.keys):
            yield vtable_id, position, key, _text(rows[key].get("sector"))
        return
    for position, key in enumerate(table.keys):
        row = rows[key]
        name = _text(row.get("name"))
        target = _text(row.get("target"))
        yield (
            vtable_id,
            position,
            key,
            _text(row.get("category")),
            name,
            match_key(name) if name else None,
            _text(row.get("unit")),
            target,
            target_value(target),
            _number(row.get("actual")),
            _text(status_of(table, key, doc.policy).effective),
        )


def log_rows(doc: PlanDocument) -> list[dict[str, Any]]:
    """The typed change log as rows; old and new values kept as JSON text."""
    return [
        {
            "seq": entry.seq,
            "kind": str(entry.kind),
            "table_id": entry.table,
            "row_key": entry.key,
            "column_name": entry.column,
            "old": json.dumps(entry.old, ensure_ascii=False, default=str),
            "new": json.dumps(entry.new, ensure_ascii=False, default=str),
            "who": entry.user,
            "at": entry.time,
            "label": entry.label,
            "reason": entry.reason,
        }
        for entry in doc.change_log
    ]
