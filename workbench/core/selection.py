"""One selection shared by grids and charts: which rows of which table are selected.

Views set it and listen to it; the `source` of a change lets a view ignore its own echo, so
a grid and a chart never ping-pong.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.core.observers import Observers


class Selection:
    def __init__(self) -> None:
        self.table: str | None = None
        self.keys: frozenset[str] = frozenset()
        self._observers = Observers()
        self._notifying = False

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self._observers.subscribe(listener)

    def unsubscribe(self, listener: Callable[[str], None]) -> None:
        self._observers.unsubscribe(listener)

    def set(self, table: str | None, keys, source: str) -> None:
        keys = frozenset(keys)
        if self._notifying or (table == self.table and keys == self.keys):
            return  # an echo of our own notification, or nothing new
        self.table, self.keys = table, keys
        self._notifying = True
        try:
            self._observers.emit(source)
        finally:
            self._notifying = False
