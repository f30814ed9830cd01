"""The editable grid: sorting and filtering (done by the table model), typed editors,
copy/paste with Excel and WPS, fill down, row insert/delete and review marks from the context
menu, moving as in Excel.

All changes go through the model's session as core edits addressed by row key; a paste or a
fill is one edit, so one Ctrl+Z undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QToolTip,
)

from workbench.core.edits import Compound, SetReview
from workbench.core.review import REVIEW_STATUSES
from workbench.core.vocab import INVALID_EDGE
from workbench.ui.grid_clipboard import GridEditing
from workbench.ui.grid_editing import CellDelegate, CommentDialog
from workbench.ui.grid_filter import FilterHeader, ValueFilterPopup
from workbench.ui.grid_frozen import FrozenColumns
from workbench.ui.table_model import KEY_ROLE, PlanTableModel
from workbench.ui.table_order import INDEX_AT_IDLE_ROWS
from workbench.ui.words import core_word


class GridView(FrozenColumns, GridEditing, QTableView):
    """The editable grid (frozen columns: grid_frozen; cell and row edits: grid_clipboard;
    AutoFilter: grid_filter). Sorting, filtering and search happen in the table model."""

    message = Signal(str)  # for the status bar
    readOnlyRefused = Signal()  # typing into a cell of a read-only document
    currentRowChanged = Signal(QModelIndex, QModelIndex)
    keysSelected = Signal(frozenset)  # row keys the user selected (once per event-loop turn)
    statsChanged = Signal(str)  # 求和/平均值/计数 of the selected figures
    filterChanged = Signal()  # rows shown changed by a column filter or the search

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan_model: PlanTableModel | None = None
        self._selecting = False
        self._selection_pending = False
        self._rejected: str | None = None  # why the last commit was refused
        # One pass-through proxy (Qt's own, no Python per row) and one selection model for
        # the life of the view: a table switch only changes the proxy's source, so nothing
        # is reconnected and nothing leaks. Sorting and filtering live in the table model.
        self.proxy = QIdentityProxyModel(self)
        self._scroll_memory: dict[str, tuple[int, int]] = {}
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._search_text = ""
        self.setHorizontalHeader(FilterHeader(self))
        self.setModel(self.proxy)
        self.selectionModel().currentRowChanged.connect(self.currentRowChanged)
        self.delegate = CellDelegate(self)
        self.delegate.hint.connect(self.message)
        self.setItemDelegate(self.delegate)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(False)
        header.setSortIndicatorClearable(True)  # third click: annex order again
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.filterRequested.connect(self.open_filter)
        # Excel's row: the text's line height and a little air (about 20 px at 96 dpi).
        self.verticalHeader().setDefaultSectionSize(max(20, self.fontMetrics().height() + 4))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._actions()
        self._build_frozen()

    def _actions(self) -> None:
        def action(text, shortcut, slot):
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.copy_action = action(
            self.tr("复制(&C)"), QKeySequence.StandardKey.Copy, self.copy_selection
        )
        self.paste_action = action(self.tr("粘贴(&P)"), QKeySequence.StandardKey.Paste, self.paste)
        self.fill_action = action(self.tr("向下填充(&D)"), QKeySequence("Ctrl+D"), self.fill_down)
        self.clear_action = action(
            self.tr("清除内容"), QKeySequence.StandardKey.Delete, self.clear_cells
        )
        self.insert_action = action(
            self.tr("在上方插入行(&I)"), QKeySequence("Ctrl+Shift+="), self.insert_row
        )
        self.delete_rows_action = action(
            self.tr("删除行(&R)"), QKeySequence("Ctrl+-"), self.delete_rows
        )

    def set_plan_model(self, model: PlanTableModel) -> None:
        """Show another table. The cursor and selection belong to the old table and may point
        at a column the new one lacks: end any edit and clear them before the source changes."""
        if self.state() == QAbstractItemView.State.EditingState:
            editor = QApplication.focusWidget()
            if editor is not None and self.viewport().isAncestorOf(editor):
                super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        self._rejected = None
        selection = self.selectionModel()
        selection.clearSelection()
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        old = self.plan_model
        if old is not None:
            old.editRejected.disconnect(self._edit_rejected)
            old.searchApplied.disconnect(self.filterChanged)
            if old.doc is not model.doc:  # another file: its tables' places mean nothing here
                self._scroll_memory.clear()
            else:
                self._scroll_memory[old.table.id] = (
                    self.horizontalScrollBar().value(),
                    self.verticalScrollBar().value(),
                )
        self._search_timer.stop()
        self._search_text = ""
        self.plan_model = model
        self.proxy.setSourceModel(model)
        # Start in the annex's own order; a click on a header sorts, a third click restores.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        model.editRejected.connect(self._edit_rejected)
        model.searchApplied.connect(self.filterChanged)
        self._freeze(model)
        # The table's own remembered place, else its top-left corner (not the last table's).
        h, v = self._scroll_memory.get(model.table.id, (0, 0))
        self.verticalScrollBar().setValue(v)
        self.horizontalScrollBar().setValue(h)
        self._emit_stats()
        if len(model.table) > INDEX_AT_IDLE_ROWS:
            model.start_indexing()  # the search text index, built while the window idles

    def _edit_rejected(self, reason: str) -> None:
        self._rejected = reason
        self.message.emit(self.tr("未修改：{reason}").format(reason=reason))

    def to_source(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self.proxy.mapToSource(index) if index.model() is self.proxy else index

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if index.isValid() else QModelIndex()

    # ---- search as you type ---------------------------------------------------------------
    SEARCH_AT_ONCE_ROWS = 20_000  # a smaller table filters on every keystroke
    SEARCH_PAUSE_MS = 180  # a larger one when typing pauses

    def set_search(self, text: str) -> None:
        """Show the rows with `text` in some cell; on a large table, once typing pauses."""
        self._search_text = text
        model = self.plan_model
        if model is not None and len(model.table) > self.SEARCH_AT_ONCE_ROWS:
            self._search_timer.start()
        else:
            self._apply_search()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        model = self.plan_model
        if model is not None and model.set_search(self._search_text):
            self.filterChanged.emit()

    def search_pending(self) -> bool:
        """Typing not yet applied (a pause awaited, or the search index still building)."""
        model = self.plan_model
        return self._search_timer.isActive() or (model is not None and model._search_waiting)

    def view_row_count(self) -> int:
        return self.proxy.rowCount()

    # ---- moving as in Excel ------------------------------------------------------------------
    def moveCursor(self, action, modifiers):
        """Ctrl+Arrow jumps to the edge of the data (the last filled cell before a blank, or
        the next filled cell after blanks); Ctrl+Home/End go to the first and last cell."""
        current = self.currentIndex()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        steps = {
            QAbstractItemView.CursorAction.MoveUp: (-1, 0),
            QAbstractItemView.CursorAction.MoveDown: (1, 0),
            QAbstractItemView.CursorAction.MoveLeft: (0, -1),
            QAbstractItemView.CursorAction.MoveRight: (0, 1),
        }
        if not ctrl or not current.isValid() or self.plan_model is None:
            return super().moveCursor(action, modifiers)
        model = self.proxy
        if action == QAbstractItemView.CursorAction.MoveHome:
            return model.index(0, 0)
        if action == QAbstractItemView.CursorAction.MoveEnd:
            return model.index(model.rowCount() - 1, model.columnCount() - 1)
        if action not in steps:
            return super().moveCursor(action, modifiers)
        dr, dc = steps[action]
        return self.data_edge(current.row(), current.column(), dr, dc)

    def data_edge(self, row: int, column: int, dr: int, dc: int) -> QModelIndex:
        model = self.proxy
        rows, cols = model.rowCount(), model.columnCount()

        source = self.plan_model
        if source is None:
            return model.index(row, column)

        def filled(r: int, c: int) -> bool:  # uncached: a long run must not fill the cache
            return bool(source.cell_text(source.key_of(r), c))

        r, c = row, column
        nr, nc = r + dr, c + dc
        if not (0 <= nr < rows and 0 <= nc < cols):
            return model.index(r, c)
        if filled(r, c) and filled(nr, nc):  # run to the last filled cell
            while 0 <= nr + dr < rows and 0 <= nc + dc < cols and filled(nr + dr, nc + dc):
                nr, nc = nr + dr, nc + dc
            return model.index(nr, nc)
        while 0 <= nr < rows and 0 <= nc < cols:  # skip blanks to the next filled cell
            if filled(nr, nc):
                return model.index(nr, nc)
            nr, nc = nr + dr, nc + dc
        return model.index(nr - dr, nc - dc)  # no more data: the edge of the sheet

    _JUMPS = frozenset(
        {Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Up, Qt.Key.Key_Down}
        | {Qt.Key.Key_Left, Qt.Key.Key_Right}
    )

    def selectionCommand(self, index, event=None):
        """Ctrl+Home/End/Arrow select the cell they land on and Ctrl+Shift+… extend the
        selection to it, as in Excel (Qt would move only the cursor with Ctrl held, leaving
        the selection — and so every action on "the selected rows": marks, comments,
        delete, fill — on the row the cursor left)."""
        if (
            event is not None
            and event.type() == QEvent.Type.KeyPress
            and event.key() in self._JUMPS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return QItemSelectionModel.SelectionFlag.SelectCurrent  # extend, as in Excel
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event) -> None:
        """Typing into a cell that cannot take it says why instead of doing nothing."""
        text = event.text()
        current = self.currentIndex()
        if (
            text
            and text.isprintable()
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            and current.isValid()
            and self.state() != QAbstractItemView.State.EditingState
            and not current.flags() & Qt.ItemFlag.ItemIsEditable
            and self.plan_model is not None
        ):
            self.message.emit(self.plan_model.why_read_only(self.to_source(current).column()))
            if self.plan_model.session.read_only:
                self.readOnlyRefused.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- a refused entry stays in its editor -------------------------------------------------
    def commitData(self, editor) -> None:
        self._rejected = None
        super().commitData(editor)

    def closeEditor(self, editor, hint) -> None:
        """Enter commits and moves down, as in Excel and WPS (Qt would stay on the cell). An
        entry the column refused stays in the editor, marked, with the reason beside it, so
        it can be corrected instead of retyped; Esc still abandons it."""
        if self._rejected and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            reason = self._rejected
            editor.setStyleSheet(f"border: 2px solid {INVALID_EDGE};")
            editor.setToolTip(reason)
            editor.setFocus()
            if isinstance(editor, QLineEdit):
                editor.selectAll()
            QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), reason, editor)
            return
        self._rejected = None
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid():
                self.setCurrentIndex(below)

    def selectionChanged(self, selected, deselected) -> None:
        super().selectionChanged(selected, deselected)
        if not self._selecting and not self._selection_pending:
            self._selection_pending = True
            QTimer.singleShot(0, self._emit_keys)

    def _emit_keys(self) -> None:
        self._selection_pending = False
        if self.plan_model is not None:
            self.keysSelected.emit(frozenset(self.selected_keys()))
        self._emit_stats()

    STATS_LIMIT = 200_000

    def selection_stats(self) -> tuple[int, int, float] | None:
        """(cells with content, numeric cells, sum) of the selection, as Excel's status bar
        counts them; None for a single cell or when nothing is selected."""
        source = self.plan_model
        selection = self.selectionModel().selection()
        if source is None:
            return None
        size = sum(r.width() * r.height() for r in selection)
        if size < 2 or size > self.STATS_LIMIT:
            return None
        count = numbers = 0
        total = 0.0
        for rng in selection:
            for r in range(rng.top(), rng.bottom() + 1):
                for c in range(rng.left(), rng.right() + 1):
                    value = source.raw_value(r, c)
                    if value is None or value == "":
                        continue
                    count += 1
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        numbers += 1
                        total += value
        return count, numbers, total

    def _emit_stats(self) -> None:
        stats = self.selection_stats()
        if stats is None:
            self.statsChanged.emit("")
            return
        count, numbers, total = stats
        if numbers:
            average = total / numbers
            self.statsChanged.emit(
                self.tr("求和：{v}　平均值：{v2}　计数：{count}").format(
                    v=_stat(total), v2=_stat(average), count=count
                )
            )
        else:
            self.statsChanged.emit(self.tr("计数：{count}").format(count=count))

    def select_keys(self, keys: frozenset[str]) -> int:
        """Select the rows of `keys` (a chart asked); returns how many are visible."""
        model = self.plan_model
        if model is None:
            return 0
        rows = sorted(self.from_source(model.index(model.row_of(k), 0)).row() for k in keys)
        rows = [r for r in rows if r >= 0]
        selection = QItemSelection()
        last_column = self.model().columnCount() - 1
        start = previous = None
        for row in [*rows, None]:  # contiguous runs become one range each
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None:
                selection.select(
                    self.model().index(start, 0), self.model().index(previous, last_column)
                )
            start = previous = row
        self._selecting = True
        try:
            self.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if rows:
                self.scrollTo(self.model().index(rows[0], 0))
        finally:
            self._selecting = False
        return len(rows)

    # ---- selection in source terms ---------------------------------------------------------
    def selected_cells(self) -> list[tuple[int, int]]:
        """(source row, column) of the selected cells, in view order."""
        cells = []
        for index in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            source = self.to_source(index)
            cells.append((source.row(), source.column()))
        return cells

    def selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.model().index(r, 0).data(KEY_ROLE) for r in rows]

    def current_key(self) -> str | None:
        index = self.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    # ---- review marks ------------------------------------------------------------------------
    def set_review_status(self, status: str) -> None:
        model = self.plan_model
        keys = self.selected_keys()
        if model is None or not keys:
            return
        edits = tuple(SetReview(model.table.id, k, status=status) for k in keys)
        model.session.do(Compound(edits, f"标记为{status}"))

    def ask_comment(self) -> None:
        model = self.plan_model
        key = self.current_key()
        if model is None or key is None:
            return
        name = model.table.rows[key].get("name") or key
        dialog = CommentDialog(str(name), model.table.mark(key).comment, self)
        self.comment_dialog = dialog
        if dialog.exec():
            model.session.do(
                SetReview(model.table.id, key, comment=dialog.text(), label="填写审核意见")
            )

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for act in (self.copy_action, self.paste_action, self.fill_action, self.clear_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.insert_action)
        menu.addAction(self.delete_rows_action)
        menu.addSeparator()
        status_menu = menu.addMenu(self.tr("审核状态"))
        for status in REVIEW_STATUSES:
            status_menu.addAction(core_word(status), lambda s=status: self.set_review_status(s))
        menu.addAction(self.tr("审核意见…"), self.ask_comment)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _header_menu(self, pos) -> None:
        column = self.horizontalHeader().logicalIndexAt(pos)
        if column < 0:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("筛选…"), lambda: self.open_filter(column))
        if self.plan_model is not None and column in self.plan_model.column_values:
            menu.addAction(self.tr("清除此列筛选"), lambda: self.set_column_values(column, None))
        if self.plan_model is not None and self.plan_model.filtering:
            menu.addAction(self.tr("清除全部筛选"), self.clear_filters)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_value_counts(self, column: int) -> list[tuple[str, int]]:
        """The texts a column shows with their counts (the AutoFilter list)."""
        return [] if self.plan_model is None else self.plan_model.column_value_counts(column)

    def open_filter(self, column: int) -> ValueFilterPopup | None:
        """The AutoFilter drop-down of a column, under its header section."""
        if self.plan_model is None:
            return None
        label = str(self.plan_model.headerData(column, Qt.Orientation.Horizontal))
        popup = ValueFilterPopup(
            label,
            self.column_value_counts(column),
            self.plan_model.column_values.get(column),
            self,
        )
        header = self.horizontalHeader()
        x = header.sectionViewportPosition(column)
        popup.move(header.mapToGlobal(QPoint(max(0, x), header.height())))
        popup.accepted.connect(lambda: self.set_column_values(column, popup.chosen()))
        popup.finished.connect(popup.deleteLater)
        self.filter_popup = popup
        popup.show()
        popup.search.setFocus()
        return popup

    def set_column_values(self, column: int, values: frozenset[str] | None) -> None:
        self.selectionModel().clearSelection()
        if self.plan_model is not None:
            self.plan_model.set_column_values(column, values)
        self.filterChanged.emit()
        self.message.emit(self.tr("筛选后显示 {v} 行").format(v=self.view_row_count()))

    def clear_filters(self) -> None:
        self._search_timer.stop()
        self._search_text = ""
        if self.plan_model is not None:
            self.plan_model.clear_filters()
        self.horizontalHeader().viewport().update()
        self.filterChanged.emit()


def _stat(value: float) -> str:
    """A status-bar figure: separators, at most four decimals, no trailing zeros."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
