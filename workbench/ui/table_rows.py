"""Which rows a grid shows and in what order, computed in whole-column passes.

A 100,000-row list sorts and filters in the time of a few list comprehensions because every
per-row fact is computed once and kept by row key: each column's sort key (core.sort_keys),
each column's shown text (for AutoFilter), and each row's search text (every shown cell,
normalised, joined). The table model drops the entries an edit touched (it reads the core's
typed change events), so a cache never shows a stale figure.

No Qt here: the model feeds it the functions that read a cell, and drives `build_search` in
slices from its event loop so the window never waits on it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from workbench.core.sort_keys import column_keys, order_by_keys, search_text

_SEPARATOR = "\x1f"  # between cells of a row's search text: a search never spans two cells
_CHUNK = 2000  # rows per step of the search-text build (a few milliseconds)


class RowIndex:
    """Per-key caches for sorting, filtering and searching one table."""

    def __init__(
        self,
        text: Callable[[str, int], str],
        values: Callable[[int, Sequence[str]], list[Any]],
        scale: Callable[[str], float] | None,
        width: int,
    ) -> None:
        self._text = text
        self._values = values
        self._scale = scale
        self.width = width
        self._search: dict[str, str] = {}
        self._texts: dict[int, dict[str, str]] = {}
        self._kinds: dict[int, dict[str, int]] = {}
        self._sort: dict[int, dict[str, Any]] = {}

    # ---- keeping it true ---------------------------------------------------------------
    def forget_keys(self, keys: Iterable[str]) -> None:
        """Rows whose cells changed (or that left the table)."""
        caches = [self._search, *self._texts.values(), *self._kinds.values()]
        caches += self._sort.values()
        for key in keys:
            for cache in caches:
                cache.pop(key, None)

    def forget_columns(self, columns: Iterable[int]) -> None:
        """Columns whose every row may have changed (a derived column); search text too."""
        for column in columns:
            self._texts.pop(column, None)
            self._kinds.pop(column, None)
            self._sort.pop(column, None)
        self._search.clear()

    def forget_all(self) -> None:
        self._search.clear()
        self._texts.clear()
        self._kinds.clear()
        self._sort.clear()

    # ---- sorting ------------------------------------------------------------------------
    def sort_keys(self, column: int, keys: Sequence[str]) -> tuple[list[int], list[Any]]:
        """(kinds, keys) of the column for `keys` (core.sort_keys.column_keys), cached."""
        kinds_of = self._kinds.setdefault(column, {})
        keys_of = self._sort.setdefault(column, {})
        missing = [k for k in keys if k not in kinds_of] if kinds_of else list(keys)
        if missing:
            scale = self._scale
            values = self._values(column, missing)
            scales = [scale(k) for k in missing] if scale is not None else None
            kinds, sort_keys = column_keys(values, scales)
            kinds_of.update(zip(missing, kinds, strict=True))
            keys_of.update(zip(missing, sort_keys, strict=True))
        if len(missing) == len(keys):
            return kinds, sort_keys
        return [kinds_of[k] for k in keys], [keys_of[k] for k in keys]

    def order(self, column: int, descending: bool, keys: Sequence[str]) -> list[int]:
        """Positions of `keys` in the column's sort order (stable, blanks last)."""
        return order_by_keys(*self.sort_keys(column, keys), descending)

    # ---- column texts (AutoFilter) ---------------------------------------------------
    def texts(self, column: int, keys: Sequence[str]) -> list[str]:
        cache = self._texts.setdefault(column, {})
        if len(cache) < len(keys):
            interned: dict[str, str] = {}
            text = self._text
            for key in keys:
                if key not in cache:
                    shown = text(key, column)
                    cache[key] = interned.setdefault(shown, shown)
        return [cache[k] for k in keys]

    def value_counts(
        self, column: int, keys: Sequence[str], others: dict[int, frozenset[str]]
    ) -> tuple[Counter[str], dict[str, tuple[int, Any]]]:
        """How many of `keys` show each text in `column`, among the rows the `others`
        column filters let through; with each text's sort key, to order the list."""
        allowed = self.passing(keys, others, "")
        texts = self.texts(column, keys)
        kinds, sort_keys = self.sort_keys(column, keys)
        counts: Counter[str] = Counter()
        order: dict[str, tuple[int, Any]] = {}
        for i in allowed:
            text = texts[i]
            counts[text] += 1
            if text not in order:
                order[text] = (kinds[i], sort_keys[i])
        return counts, order

    # ---- search --------------------------------------------------------------------------
    def search_ready(self, keys: Sequence[str]) -> bool:
        return len(self._search) >= len(keys) and all(k in self._search for k in keys[-1:])

    def build_search(self, keys: Sequence[str]) -> Iterator[int]:
        """Fill the search text of every row, a chunk per step; yields rows done so far."""
        search, text, width = self._search, self._text, range(self.width)
        for start in range(0, len(keys), _CHUNK):
            for key in keys[start : start + _CHUNK]:
                if key not in search:
                    search[key] = search_text(_SEPARATOR.join([text(key, c) for c in width]))
            yield min(start + _CHUNK, len(keys))

    def build_search_now(self, keys: Sequence[str], budget: float | None = None) -> bool:
        """Run the build for at most `budget` seconds (None: to the end); True when done."""
        deadline = None if budget is None else time.perf_counter() + budget
        for _ in self.build_search(keys):
            if deadline is not None and time.perf_counter() > deadline:
                return self.search_ready(keys)
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
            search = self._search
            rows = [search.get(k) for k in keys]
            if any(r is None for r in rows):  # not built yet: build the missing ones now
                self.build_search_now(keys)
                rows = [search[k] for k in keys]
            positions = [i for i in positions if needle in rows[i]]
        return list(positions)
