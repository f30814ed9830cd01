"""Which rows a grid shows and in what order, computed in whole-column passes.

A 100,000-row list sorts and filters in the time of a few list comprehensions because every
per-row fact is computed once and kept: each column's sort key (core.sort_keys), each
column's shown text (for AutoFilter), and each row's search text (every shown cell,
normalised, joined). The caches are plain lists in the table's row order (a few MB per
column, not a dict per row); the table model drops what an edit touched (it reads the
core's typed change events), so a cache never shows a stale figure.

No Qt here: the model feeds it the functions that read cells, and drives `build` in slices
from its event loop so the window never waits on it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from workbench.core.sort_keys import (
    column_keys,
    order_by_keys,
    pinyin_ready,
    search_text,
    warm_up,
)

_SEPARATOR = "\x1f"  # between cells of a row's search text: a search never spans two cells
# Rows per step of an idle build: a few milliseconds on a quiet machine, so that the slice
# that drives the steps can stop near its deadline even when the machine is busy (2000-row
# steps overran a 40 ms slice to 0.1-0.6 s under load).
_CHUNK = 250
WAITING = -1  # what a build step yields while the pinyin table is still being built
_UNKNOWN = -1  # a sort kind not computed yet (or dropped by an edit)


class RowIndex:
    """Per-row caches for sorting, filtering and searching one table, in its row order."""

    def __init__(
        self,
        text: Callable[[str, int], str],
        values: Callable[[int, Sequence[str]], list[Any]],
        scale: Callable[[str], float] | None,
        width: int,
        text_columns: Sequence[int] = (),
    ) -> None:
        self._text = text
        self._values = values
        self._scale = scale
        self.width = width
        self.text_columns = tuple(text_columns)  # keyed at idle: their keys cost most
        self._rows = -1  # how many rows the lists hold (the table's, when last aligned)
        self._positions: dict[str, int] | None = None
        self._search: list[str | None] = []
        self._texts: dict[int, list[str | None]] = {}
        self._kinds: dict[int, list[int]] = {}
        self._sort: dict[int, list[Any]] = {}

    # ---- keeping it true ---------------------------------------------------------------
    def _align(self, keys: Sequence[str]) -> None:
        if len(keys) != self._rows:
            self.forget_all()
            self._rows = len(keys)
            self._search = [None] * self._rows

    def forget_keys(self, keys: Iterable[str], table_keys: Sequence[str]) -> None:
        """Rows whose cells changed."""
        if self._rows != len(table_keys):
            self.forget_all()
            return
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(table_keys)}
        for key in keys:
            i = self._positions.get(key)
            if i is None:
                continue
            self._search[i] = None
            for texts in self._texts.values():
                texts[i] = None
            for kinds in self._kinds.values():
                kinds[i] = _UNKNOWN

    def forget_columns(self, columns: Iterable[int]) -> None:
        """Columns whose every row may have changed (a derived column); search text too."""
        for column in columns:
            self._texts.pop(column, None)
            self._kinds.pop(column, None)
            self._sort.pop(column, None)
        self._search = [None] * max(self._rows, 0)

    def forget_all(self) -> None:
        """Rows came or went (positions moved), or a change too wide to list."""
        self._rows = -1
        self._positions = None
        self._search = []
        self._texts.clear()
        self._kinds.clear()
        self._sort.clear()

    # ---- sorting ------------------------------------------------------------------------
    def _fill_sort(self, column: int, keys: Sequence[str], positions: Sequence[int]) -> None:
        kinds = self._kinds.get(column)
        if kinds is None:
            kinds = self._kinds[column] = [_UNKNOWN] * len(keys)
            self._sort[column] = [None] * len(keys)
        wanted = [keys[i] for i in positions]
        scale = self._scale
        scales = [scale(k) for k in wanted] if scale is not None else None
        new_kinds, new_keys = column_keys(self._values(column, wanted), scales)
        sort_keys = self._sort[column]
        for i, kind, key in zip(positions, new_kinds, new_keys, strict=True):
            kinds[i] = kind
            sort_keys[i] = key

    def sort_keys(self, column: int, keys: Sequence[str]) -> tuple[list[int], list[Any]]:
        """(kinds, keys) of the column in the table's row order (core.sort_keys)."""
        self._align(keys)
        kinds = self._kinds.get(column)
        if kinds is None:
            new_kinds, new_keys = column_keys(
                self._values(column, keys),
                [self._scale(k) for k in keys] if self._scale is not None else None,
            )
            self._kinds[column], self._sort[column] = new_kinds, new_keys
        elif _UNKNOWN in kinds:
            self._fill_sort(column, keys, [i for i, k in enumerate(kinds) if k == _UNKNOWN])
        return self._kinds[column], self._sort[column]

    def order(self, column: int, descending: bool, keys: Sequence[str]) -> list[int]:
        """Positions of `keys` in the column's sort order (stable, blanks last)."""
        return order_by_keys(*self.sort_keys(column, keys), descending)

    # ---- column texts (AutoFilter) ---------------------------------------------------
    def texts(self, column: int, keys: Sequence[str]) -> list[str | None]:
        self._align(keys)
        texts = self._texts.get(column)
        if texts is None:
            texts = self._texts[column] = [None] * len(keys)
        if None in texts:
            interned: dict[str, str] = {}  # a district's name held once, not once per row
            text = self._text
            for i, shown in enumerate(texts):
                if shown is None:
                    value = text(keys[i], column)
                    texts[i] = interned.setdefault(value, value)
        return texts

    def value_counts(
        self, column: int, keys: Sequence[str], others: dict[int, frozenset[str]]
    ) -> tuple[Counter[str], dict[str, tuple[int, Any]]]:
        """How many of `keys` show each text in `column`, among the rows the `others`
        column filters let through; with each text's sort key, to order the list."""
        allowed = self.passing(keys, others, "")
        texts = self.texts(column, keys)
        kinds, sort_keys = self.sort_keys(column, keys)
        counts: Counter[str] = Counter(texts[i] for i in allowed)
        order: dict[str, tuple[int, Any]] = {}
        for i in allowed:
            if texts[i] not in order:
                order[texts[i]] = (kinds[i], sort_keys[i])
        return counts, order

    # ---- search and the idle build -------------------------------------------------------
    def search_ready(self, keys: Sequence[str]) -> bool:
        return self._rows == len(keys) and None not in self._search

    def build(self, keys: Sequence[str]) -> Iterator[int]:
        """Fill every row's search text, then the text columns' sort keys, a chunk per
        step (each a few milliseconds); yields rows done so far, or WAITING while the
        pinyin table the sort keys need is still built by its helper thread (asking for it
        then would block until it is done: half a second, seconds on a busy machine)."""
        self._align(keys)
        search, text, width = self._search, self._text, range(self.width)
        # the text columns' shown texts come free with the search text (AutoFilter lists)
        shown = {c: self._texts.setdefault(c, [None] * len(keys)) for c in self.text_columns}
        held: dict[str, str] = {}  # one object per distinct text (a status word, a district)
        for start in range(0, len(keys), _CHUNK):
            for i in range(start, min(start + _CHUNK, len(keys))):
                if search[i] is None:
                    key = keys[i]
                    cells = [text(key, c) for c in width]
                    search[i] = search_text(_SEPARATOR.join(cells))
                    for c, texts in shown.items():
                        texts[i] = held.setdefault(cells[c], cells[c])
            yield start + _CHUNK
        if self.text_columns and not pinyin_ready():
            warm_up()  # started once per process; the window asks for it on large tables
            while not pinyin_ready():
                yield WAITING
        for column in self.text_columns:
            kinds = self._kinds.get(column)
            for start in range(0, len(keys), _CHUNK):
                stop = min(start + _CHUNK, len(keys))
                kinds = self._kinds.get(column)
                todo = [i for i in range(start, stop) if kinds is None or kinds[i] == _UNKNOWN]
                if todo:
                    self._fill_sort(column, keys, todo)
                yield stop

    def build_now(self, keys: Sequence[str], budget: float | None = None) -> bool:
        """Run the search part of the build for at most `budget` seconds (None: to the
        end); True when every row's search text is there."""
        deadline = None if budget is None else time.perf_counter() + budget
        for done in self.build(keys):
            if self.search_ready(keys) or done == WAITING:
                return True
            if deadline is not None and time.perf_counter() > deadline:
                return False
        return True

    # ---- filtering ----------------------------------------------------------------------
    def passing(
        self, keys: Sequence[str], columns: dict[int, frozenset[str]], needle: str
    ) -> list[int]:
        """Positions of the rows that show one of the chosen texts in every filtered column
        and contain the (normalised) search text in some cell."""
        positions: Iterable[int] = range(len(keys))
        for column, chosen in columns.items():
            texts = self.texts(column, keys)
            positions = [i for i in positions if texts[i] in chosen]
        if needle:
            if not self.search_ready(keys):
                self.build_now(keys)
            rows = self._search
            positions = [i for i in positions if needle in rows[i]]
        return list(positions)
