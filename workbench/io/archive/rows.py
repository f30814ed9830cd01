"""The query rows of one version: one per indicator or project, in the archive's columns.

Figures are the document's (canonical fields, amounts in 亿元); an indicator's status is the
one the window shows (stated, by the reviewer, or derived from target and actual), and its
target is parsed the way the compare engine reads targets, so queries agree with the app.
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


def table_rows(doc: PlanDocument, table: Table) -> Iterator[dict[str, Any]]:
    """The table's query rows without their table id (the caller adds it)."""
    if table.kind is TableKind.INDICATORS:
        for position, key in enumerate(table.keys):
            row = table.rows[key]
            name = _text(row.get("name"))
            yield {
                "position": position,
                "row_key": key,
                "name": name,
                "name_key": match_key(name) if name else None,
                "unit": _text(row.get("unit")),
                "target": _text(row.get("target")),
                "target_value": target_value(_text(row.get("target"))),
                "actual": _number(row.get("actual")),
                "status": _text(status_of(table, key, doc.policy).effective),
                "sector": _text(row.get("category")),
                "total_investment": None,
                "annual_plan": None,
                "completed": None,
            }
        return
    rows = table.rows
    for position, key in enumerate(table.keys):
        row = rows[key]
        get = row.get
        yield {
            "position": position,
            "row_key": key,
            "name": _text(get("name")),
            "name_key": None,
            "unit": None,
            "target": None,
            "target_value": None,
            "actual": None,
            "status": None,
            "sector": _text(get("sector")),
            "total_investment": _number(get("total_investment")),
            "annual_plan": _number(get("annual_plan")),
            "completed": _number(get("completed")),
        }


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
