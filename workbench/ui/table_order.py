"""The rows a table model shows: sorted, filtered and searched inside the model.

No sorting proxy sits between the grid and the table: a QSortFilterProxyModel asks Python for
every comparison and every row (millions of calls on 100,000 rows). Here one sort key per row
is computed once (table_rows.RowIndex) and a sort or a filter is one pass that yields the new
list of shown row keys; the view is told with one layout change, and persistent indexes (the
cursor, the selection) follow their row keys, so the reviewer stays on the same row.

As in Excel, a sort or a filter is applied when asked and then left alone: an edit does not
make its row jump away from under the cursor. Rows inserted or restored by undo appear where
they belong in the table (before the row that follows them there).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer

from workbench.core.sort_keys import order_by_keys, search_text, warm_up
from workbench.ui.table_rows import WAITING, RowIndex

_ROOT = QModelIndex()
_SLICE = 0.04  # seconds of index building per turn of the event loop
_WAIT_MS = 25  # between looks at the pinyin table while its helper thread builds it
_SEARCH_TEXTS_AT_ONCE = 2000  # rows whose search texts a first search builds in one go
_FIGURES = ("money", "rate", "number", "integer")  # keyed when sorted, not at idle
INDEX_AT_IDLE_ROWS = 20_000  # a larger table builds its search index while the window idles


class ShownRows:
    """Mixed into PlanTableModel (before QAbstractTableModel)."""

    def _init_order(self) -> None:
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.column_values: dict[int, frozenset[str]] = {}
        self.search = ""
        texts = [i for i, c in enumerate(self.columns) if c.style not in _FIGURES]
        self.rows_index = RowIndex(
            self.cell_text, self.column_values_of, self._unit_scale(), self._width, texts
        )
        self._sorted_at: tuple | None = None  # (column, order, table generation) last sorted
        # counts the table's changes: a repeated sort of an unchanged table is no work
        self._generation = 0
        if len(self.table) > 1000:
            warm_up()  # the pinyin table, before the first text sort asks for it
        self._builder = None
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_step)
        self._search_waiting = False
        # a row deleted from a sorted or filtered view → the row it stood after
        self._stood_after: dict[str, str | None] = {}

    @property
    def filtering(self) -> bool:
        return bool(self.search or self.column_values)

    def shown_keys(self) -> list[str]:
        return list(self._keys)

    # ---- what the user asks --------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort (a header click): column -1 is the annex's own order again."""
        state = (column, order, self._generation)
        if state == self._sorted_at:  # Qt asks twice per click (header, then view)
            return
        self.sort_column, self.sort_order = column, order
        self._relayout()
        self._sorted_at = state

    def set_search(self, text: str) -> bool:
        """Show the rows with `text` in some cell. Returns False when the search text index
        is still being built: the rows change when it is done (searchApplied)."""
        needle = search_text(text.strip())
        if needle == self.search and not self._search_waiting:
            return True
        self.search = needle
        keys = self.table.keys
        # A small table's search texts are built at once, so the keystroke shows its rows;
        # a large one gets a slice of time and the rest at idle.
        budget = None if len(keys) <= _SEARCH_TEXTS_AT_ONCE else _SLICE * 2
        if needle and not self.rows_index.build_now(keys, budget):
            self._search_waiting = True  # the rest is built a slice per event-loop turn
            self.start_indexing()
            return False
        self._search_waiting = False
        self._relayout()
        return True

    def set_column_values(self, column: int, values: frozenset[str] | None) -> None:
        """Show only rows whose cell in `column` reads one of `values`; None shows all."""
        if values is None:
            self.column_values.pop(column, None)
        else:
            self.column_values[column] = frozenset(values)
        self._relayout()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def clear_filters(self) -> None:
        if self.filtering:
            columns = list(self.column_values)
            self.column_values.clear()
            self.search = ""
            self._search_waiting = False
            self._relayout()
            for column in columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def column_value_counts(self, column: int) -> list[tuple[str, int]]:
        """The texts a column shows with how many rows show each, among the rows the other
        columns' filters let through (as Excel lists them), in the column's sort order."""
        others = {c: v for c, v in self.column_values.items() if c != column}
        counts, order = self.rows_index.value_counts(column, self.table.keys, others)
        texts = list(counts)
        kinds = [order[t][0] for t in texts]
        positions = order_by_keys(kinds, [order[t][1] for t in texts])
        return [(texts[i], counts[texts[i]]) for i in positions]

    # ---- the search text index, built while the window is idle ---------------------------
    def start_indexing(self, restart: bool = False) -> None:
        """Build every row's search text (then the text columns' sort keys) in slices of
        the event loop, never a long wait; `restart` after rows came or went."""
        if restart:
            self._builder = None
        if self._builder is None:
            self._builder = self.rows_index.build(list(self.table.keys))
        if not self._build_timer.isActive():
            self._build_timer.start()

    def stop_indexing(self) -> None:
        self._build_timer.stop()
        self._builder = None

    def indexing(self) -> bool:
        return self._build_timer.isActive()

    def _build_step(self) -> None:
        import time

        deadline = time.perf_counter() + _SLICE
        builder = self._builder
        self._build_timer.setInterval(0)
        while builder is not None and time.perf_counter() < deadline:
            done = next(builder, None)
            if done is None:
                builder = None
            elif done == WAITING:  # look again later; the helper thread has the time
                self._build_timer.setInterval(_WAIT_MS)
                break
        if builder is not None:
            self._apply_waiting_search()  # the search texts may be complete already
            return
        self.stop_indexing()
        if not self.rows_index.search_ready(self.table.keys):  # rows came and went meanwhile
            self.start_indexing()
            return
        self._apply_waiting_search()

    def _apply_waiting_search(self) -> None:
        """A search that waited for the search texts shows once they are all there (the
        text columns' sort keys may still be building)."""
        if self._search_waiting and self.rows_index.search_ready(self.table.keys):
            self._search_waiting = False
            self._relayout()
            self.searchApplied.emit()

    # ---- applying ----------------------------------------------------------------------------
    def _ordered(self) -> list[str]:
        keys = self.table.keys
        positions = (
            self.rows_index.passing(keys, self.column_values, self.search)
            if self.filtering
            else range(len(keys))
        )
        if self.sort_column >= 0:
            descending = self.sort_order == Qt.SortOrder.DescendingOrder
            order = self.rows_index.order(self.sort_column, descending, keys)
            if self.filtering:
                keep = set(positions)
                order = [i for i in order if i in keep]
            return [keys[i] for i in order]
        return [keys[i] for i in positions]

    def _relayout(self) -> None:
        """Show the rows in their new order; the cursor and selection keep their rows."""
        new = self._ordered()
        self._stood_after.clear()
        if new == self._keys:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._keys[i.row()], i.column()) for i in persistent]
        self._keys = new
        self._clear_caches()
        moved = []
        for key, column in held:
            row = self.row_of(key)
            moved.append(self.createIndex(row, column) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sync_rows(self) -> None:
        """Announce inserted and removed rows at their real positions (the view keeps its
        cursor and selection on the rows that stayed). A row the table gained shows before
        the row that follows it in the table (or after the one before it)."""
        table_keys = self.table.keys
        present = set(table_keys)
        removed = self._keys_seen - present
        gone = [i for i, k in enumerate(self._keys) if k in removed]
        if self.sort_column >= 0 or self.filtering:
            # where each row stood in this order: an undo puts it back there
            for i in gone:
                self._stood_after[self._keys[i]] = self._keys[i - 1] if i > 0 else None
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(_ROOT, first, last)
            del self._keys[first : last + 1]
            self._clear_caches()
            self.endRemoveRows()
        known = self._keys_seen
        self._keys_seen = present
        if self.sort_column < 0 and not self.filtering:
            # The annex's own order: whole runs of new rows at once.
            shown = set(self._keys)
            added = [i for i, k in enumerate(table_keys) if k not in shown]
            for first, last in _runs(added):
                self.beginInsertRows(_ROOT, first, last)
                self._keys[first:first] = table_keys[first : last + 1]
                self._clear_caches()
                self.endInsertRows()
            if self._keys != table_keys:  # rows moved (not an edit the grid makes)
                self.layoutAboutToBeChanged.emit()
                self._keys = list(table_keys)
                self._clear_caches()
                self.layoutChanged.emit()
            return
        for i, key in enumerate(table_keys):
            if key in known:
                continue
            at = -1
            if key in self._stood_after:  # a row deleted from this order comes back
                before = self._stood_after.pop(key)
                if before is None:
                    at = 0
                elif self.row_of(before) >= 0:
                    at = self.row_of(before) + 1
            if at < 0:
                after = table_keys[i + 1] if i + 1 < len(table_keys) else None
                at = self.row_of(after) if after is not None else -1
            if at < 0:
                before = self.row_of(table_keys[i - 1]) if i > 0 else -1
                at = before + 1 if before >= 0 or i == 0 else len(self._keys)
            self.beginInsertRows(_ROOT, at, at)
            self._keys.insert(at, key)
            self._clear_caches()
            self.endInsertRows()

    def _unit_scale(self):
        """Rows that state their own unit (an indicator's 万元 beside another's 亿元) sort
        numbers by amount."""
        if "unit" not in self.table.columns:
            return None
        from workbench.core.sort_keys import unit_scale

        rows = self.table.rows
        return lambda key: unit_scale(rows[key].get("unit"))


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """[2, 3, 4, 9] → [(2, 4), (9, 9)]: contiguous runs, ascending."""
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p - 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs
