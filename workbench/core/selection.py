"""One selection shared by grids and charts: which rows of which table are selected.

Views set it and listen to it; the `source` of a change lets a view ignore its own echo, so
a grid and a chart never ping-pong.
"""

from __future__ import annotations

from collections.abc import Callable


class Selection:
    def __init__(self) -> None:
        self.table: str | None = None
        self.keys: frozenset[str] = frozenset()
        self._listeners: list[Callable[[str], None]] = []
        self._notifying = False

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[str], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def set(self, table: str | None, keys, source: str) -> None:
        keys = frozenset(keys)
        if self._notifying or (table == self.table and keys == self.keys):
            return  # an echo of our own notification, or nothing new
        self.table, self.keys = table, keys
        self._notifying = True
        try:
            for listener in list(self._listeners):
                listener(source)
        finally:
            self._notifying = False
