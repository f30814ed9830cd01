"""The conflicts a team session holds: one per field, however many pushes disputed it.

Two of my changes to one field that both met a colleague's value are one question for the
reviewer (what it was, what I made it last, what they made it), not two; a later value of
theirs replaces the one shown. The change ids behind each conflict are kept so the outbox
can mark them settled when the reviewer answers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.core.team import Conflict

FieldKey = tuple[str, str, str]  # table, row key, field


def field_of(conflict: Conflict) -> FieldKey:
    return conflict.table, conflict.row_key, conflict.field


class ConflictBook:
    def __init__(self) -> None:
        self._by_field: dict[FieldKey, Conflict] = {}
        self._ids: dict[FieldKey, list[str]] = {}

    def add(self, conflict: Conflict) -> Conflict:
        """Record a disputed change; merged with an open conflict on the same field."""
        key = field_of(conflict)
        held = self._by_field.get(key)
        if held is not None:
            conflict = replace(conflict, original=held.original)
        self._by_field[key] = conflict
        self._ids.setdefault(key, []).append(conflict.change_id)
        return conflict

    def theirs_changed(self, key: FieldKey, value: Any, who: str, at: str) -> None:
        """A colleague changed a disputed field again: show their newest value."""
        held = self._by_field.get(key)
        if held is not None:
            self._by_field[key] = replace(held, theirs=value, theirs_who=who, theirs_at=at)

    def take(self, conflict: Conflict) -> tuple[Conflict, list[str]]:
        """Remove the open conflict of this field: the one held (with the newest theirs)
        and the ids of the changes it settles."""
        key = field_of(conflict)
        if key not in self._by_field:
            raise KeyError(
                f"没有未解决的冲突：{conflict.table} {conflict.row_key} {conflict.field}"
            )
        return self._by_field.pop(key), self._ids.pop(key)

    def __contains__(self, key: FieldKey) -> bool:
        return key in self._by_field

    def __len__(self) -> int:
        return len(self._by_field)

    def all(self) -> list[Conflict]:
        return list(self._by_field.values())
