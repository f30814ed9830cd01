"""The archived document's value of a field: what the team's value is where nobody changed it.

A live value exists only where someone changed a field; elsewhere the value is the one in the
version as archived (the stored plan, which never changes after it is added). Documents are
read from the archive once and kept for the few versions a workstation works on.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.team import COMMENT_FIELD, STATUS_FIELD
from workbench.io.archive.connection import Connection

_KEPT = 2
_documents: OrderedDict[tuple[str, int], PlanDocument] = OrderedDict()


def dump(value: Any) -> str:
    """JSON the server can read (a NaN or infinity is no figure: null)."""
    if isinstance(value, float) and not math.isfinite(value):
        value = None
    return json.dumps(value, ensure_ascii=False, default=str)


def load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def same(a: Any, b: Any) -> bool:
    """Equal as values: 8 and 8.0 are one figure, None and "" one empty cell."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


class MissingRow(LookupError):
    """The change names a table or row the archived version does not hold."""


def archived(connection: Connection, version_id: int) -> PlanDocument:
    """The version's document as archived (read once per archive and version)."""
    from workbench.io.archive.store import Archive

    key = (connection.where, version_id)
    if key in _documents:
        _documents.move_to_end(key)
        return _documents[key]
    doc = Archive(connection).document(version_id)
    _documents[key] = doc
    while len(_documents) > _KEPT:
        _documents.popitem(last=False)
    return doc


def value_in(doc: PlanDocument, table_id: str, row_key: str, field: str) -> Any:
    table = doc.tables.get(table_id)
    if table is None:
        raise MissingRow(f"版本中没有表“{table_id}”")
    if row_key not in table.rows:
        raise MissingRow(f"表“{table.title or table_id}”中没有行 {row_key}")
    if field == STATUS_FIELD:
        return table.mark(row_key).status
    if field == COMMENT_FIELD:
        return table.mark(row_key).comment
    return table.rows[row_key].get(field)


def place(doc: PlanDocument | None, table_id: str, row_key: str) -> str:
    """The table and row as a reviewer knows them: 表“…”的“row name”（行 key）."""
    table = doc.tables.get(table_id) if doc is not None else None
    if table is None:
        return f"表“{table_id}”的行 {row_key}"
    name = table.rows.get(row_key, {}).get("name")
    shown = f"“{name}”（行 {row_key}）" if name else f"行 {row_key}"
    return f"表“{table.sheet_name or table.title or table_id}”的{shown}"
