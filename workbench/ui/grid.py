"""The editable grid: sorting and filtering, typed editors, copy/paste with Excel and WPS,
fill down, row insert/delete and review marks from the context menu.

All changes go through the model's session as core edits addressed by row key; a paste or a
fill is one edit, so one Ctrl+Z undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QTableView,
)

from workbench.core.edits import (
    Compound,
    DeleteRows,
    InsertRows,
    RowData,
    SetReview,
)
from workbench.core.indicators import rule_for
from workbench.core.review import REVIEW_STATUSES
from workbench.core.schema import FieldType
from workbench.core.targets import describe_rule
from workbench.io.clipboard_formats import parse_html_table, parse_tsv, to_html, to_tsv
from workbench.ui.table_model import KEY_ROLE, RAW_ROLE, PlanTableModel


class FilterProxy(QSortFilterProxyModel):
    """Sort by typed values (numbers as numbers), filter by a search text and per column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)
        self.search = ""
        self.column_filters: dict[int, str] = {}

    def _refilter(self, change) -> None:
        # Qt 6.10 replaced invalidateFilter() by a begin/end pair around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", text.strip()))

    def set_column_filter(self, column: int, text: str) -> None:
        def change() -> None:
            if text.strip():
                self.column_filters[column] = text.strip()
            else:
                self.column_filters.pop(column, None)

        self._refilter(change)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlanTableModel):
            return True
        for column, text in self.column_filters.items():
            if text not in model.display_text(source_row, column):
                return False
        if self.search:
            return any(
                self.search in model.display_text(source_row, c) for c in range(model.columnCount())
            )
        return True

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(RAW_ROLE), right.data(RAW_ROLE)
        if a is None or b is None:  # blanks sort last, as in Excel
            return a is not None and b is None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return str(a) < str(b)


class CellDelegate(QStyledItemDelegate):
    """Drop-downs for choices; a line edit that explains a target while it is typed."""

    hint = Signal(str)

    def createEditor(self, parent, option, index):
        model = _source_model(index)
        if model is None:
            return super().createEditor(parent, option, index)
        source = _to_source(index)
        spec = model.field_spec(source.column())
        if spec is not None and spec.type is FieldType.CHOICE:
            combo = QComboBox(parent)
            combo.addItem("")
            combo.addItems(list(spec.choices))
            combo.setEditable(False)
            return combo
        editor = QLineEdit(parent)
        if spec is not None and spec.key == "target":
            editor.textChanged.connect(
                lambda text: self.hint.emit("目标解析：" + describe_rule(rule_for(text)))
            )
        elif spec is not None and spec.unit:
            editor.setPlaceholderText(spec.unit)
        return editor

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def _to_source(index: QModelIndex) -> QModelIndex:
    model = index.model()
    return model.mapToSource(index) if isinstance(model, QSortFilterProxyModel) else index


def _source_model(index: QModelIndex) -> PlanTableModel | None:
    model = index.model()
    if isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    return model if isinstance(model, PlanTableModel) else None


class GridView(QTableView):
    message = Signal(str)  # for the status bar
    currentRowChanged = Signal(QModelIndex, QModelIndex)  # whichever model is in the view
    keysSelected = Signal(frozenset)  # row keys the user selected (once per event-loop turn)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.proxy = FilterProxy(self)
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
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setSectionsMovable(False)
        self.horizontalHeader().setSortIndicatorClearable(True)  # third click: annex order again
        self.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.plan_model: PlanTableModel | None = None
        self._selecting = False
        self._selection_pending = False
        self._actions()

    def _actions(self) -> None:
        def action(text, shortcut, slot):
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.copy_action = action("复制(&C)", QKeySequence.StandardKey.Copy, self.copy_selection)
        self.paste_action = action("粘贴(&P)", QKeySequence.StandardKey.Paste, self.paste)
        self.fill_action = action("向下填充(&D)", QKeySequence("Ctrl+D"), self.fill_down)
        self.clear_action = action("清除内容", QKeySequence.StandardKey.Delete, self.clear_cells)
        self.insert_action = action(
            "在上方插入行(&I)", QKeySequence("Ctrl+Shift+="), self.insert_row
        )
        self.delete_rows_action = action("删除行(&R)", QKeySequence("Ctrl+-"), self.delete_rows)

    def set_plan_model(self, model: PlanTableModel) -> None:
        self.plan_model = model
        self.proxy.setSourceModel(model)
        self.proxy.column_filters.clear()
        self.proxy.search = ""
        self.proxy.sort(-1)
        self._use(model)
        # Start in the annex's own order; a click on a header sorts, a third click restores.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        model.editRejected.connect(self.message)

    # The sort/filter proxy sits between view and model only while rows are sorted or
    # filtered: through a proxy every painted cell costs extra calls into Python.
    def _use(self, model) -> None:
        if self.model() is model:
            return
        current = self.to_source(self.currentIndex()) if self.model() is not None else QModelIndex()
        self.setModel(model)
        if self.selectionModel() is not None:
            self.selectionModel().currentRowChanged.connect(self._forward_row)
        if current.isValid():
            self.setCurrentIndex(self.from_source(current))

    def _forward_row(self, current, previous) -> None:
        self.currentRowChanged.emit(current, previous)

    def _sync_proxy(self) -> None:
        if self.plan_model is None:
            return
        sorting = self.horizontalHeader().sortIndicatorSection() >= 0 and self.isSortingEnabled()
        wanted = (
            self.proxy
            if (sorting or self.proxy.search or self.proxy.column_filters)
            else self.plan_model
        )
        self._use(wanted)

    def _sort_changed(self, column: int, order) -> None:
        if self.plan_model is None:
            return
        self._sync_proxy()
        if self.model() is self.proxy:
            self.proxy.sort(column, order)

    def to_source(self, index: QModelIndex) -> QModelIndex:
        return (
            self.proxy.mapToSource(index)
            if index.isValid() and index.model() is self.proxy
            else index
        )

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if self.model() is self.proxy else index

    def set_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._sync_proxy()

    def view_row_count(self) -> int:
        model = self.model()
        return model.rowCount() if model is not None else 0

    def closeEditor(self, editor, hint) -> None:
        """Enter commits and moves down, as in Excel and WPS (Qt would stay on the cell)."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and self.model() is not None:
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
        if self.model() is not None:
            self.keysSelected.emit(frozenset(self.selected_keys()))

    def select_keys(self, keys: frozenset[str]) -> int:
        """Select the rows of `keys` (a chart asked); returns how many are visible."""
        model = self.plan_model
        if model is None or self.model() is None:
            return 0
        rows = sorted(
            self.from_source(model.index(model.table.index_of(k), 0)).row()
            for k in keys
            if k in model.table.rows
        )
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

    # ---- clipboard ---------------------------------------------------------------------------
    def copy_selection(self) -> None:
        indexes = self.selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        block = [
            [str(self.model().index(r, c).data() or "") if (r, c) in chosen else "" for c in cols]
            for r in rows
        ]
        mime = QMimeData()
        mime.setText(to_tsv(block))
        mime.setHtml(to_html(block))
        QApplication.clipboard().setMimeData(mime)
        self.message.emit(f"已复制 {len(rows)} 行 × {len(cols)} 列")

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        block: list[list[str]] = []
        if mime.hasText():
            block = parse_tsv(mime.text())
        if mime.hasHtml() and (not block or all(len(r) <= 1 for r in block)):
            html_block = parse_html_table(mime.html())
            if html_block:
                block = html_block
        if not block or self.plan_model is None:
            return
        self.paste_block(block)

    def paste_block(self, block: list[list[str]]) -> bool:
        """Paste a block at the current cell, as one undo step; asks before adding rows."""
        model = self.plan_model
        start = self.currentIndex()
        if model is None or not start.isValid():
            return False
        view_row, view_col = start.row(), start.column()
        if len(block) == 1 and len(block[0]) == 1 and len(self.selectedIndexes()) > 1:
            # One value onto a selection fills the selection, as in Excel.
            cells = [(r, c, block[0][0]) for r, c in self.selected_cells()]
            return self._apply_cells(cells, "粘贴")
        table = model.table
        extra = view_row + len(block) - self.view_row_count()
        new_keys: list[str] = []
        if extra > 0:
            answer = QMessageBox.question(
                self,
                "粘贴",
                f"粘贴的内容比表格多出 {extra} 行，是否在表尾添加 {extra} 行？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                new_keys = [table.allocate_key() for _ in range(extra)]
            else:
                block = block[: len(block) - extra]
        columns = [
            self.to_source(self.model().index(0, c)).column()
            for c in range(
                view_col, min(view_col + max(len(r) for r in block), self.model().columnCount())
            )
        ]
        cells: list[tuple[str, int, str]] = []
        for i, values in enumerate(block):
            r = view_row + i
            if r < self.view_row_count():
                key = self.model().index(r, 0).data(KEY_ROLE)
            else:
                key = new_keys[r - self.view_row_count()]
            cells.extend((key, column, text) for column, text in zip(columns, values, strict=False))
        if not any(model.edit_field(c) for _, c, _ in cells):
            self.message.emit("所选单元格不可编辑（计算列）")
            return False
        # One parse per cell; new rows need not exist yet, the compound edit inserts them
        # before setting their cells. A cell that cannot take its text stops the whole paste.
        cell_edit = model.edit_for_keys(cells, "粘贴")
        if cell_edit is None:
            return False
        edits: list = []
        if new_keys:
            start_at = len(table.keys)
            edits.append(
                InsertRows(
                    table.id,
                    tuple((start_at + i, RowData(k, {})) for i, k in enumerate(new_keys)),
                    "粘贴",
                )
            )
        edits.append(cell_edit)
        ok = model.session.do(Compound(tuple(edits), "粘贴") if len(edits) > 1 else edits[0])
        if ok:
            self.message.emit(f"已粘贴 {len(block)} 行 × {len(columns)} 列")
        return ok

    def _apply_cells(self, cells: list[tuple[int, int, str]], label: str) -> bool:
        model = self.plan_model
        if model is None:
            return False
        editable = [(r, c, t) for r, c, t in cells if model.edit_field(c)]
        if not editable:
            self.message.emit("所选单元格不可编辑（计算列）")
            return False
        edit = model.edit_for(editable, label)
        return edit is not None and model.session.do(edit)

    def fill_down(self) -> None:
        """Copy the top cell of each selected column into the cells below it (Ctrl+D)."""
        indexes = self.selectedIndexes()
        if not indexes:
            return
        by_column: dict[int, list[int]] = {}
        for index in indexes:
            by_column.setdefault(index.column(), []).append(index.row())
        cells = []
        for column, rows in by_column.items():
            rows.sort()
            text = self.model().index(rows[0], column).data(Qt.ItemDataRole.EditRole) or ""
            for r in rows[1:]:
                source = self.to_source(self.model().index(r, column))
                cells.append((source.row(), source.column(), text))
        if cells and self._apply_cells(cells, "向下填充"):
            self.message.emit(f"已向下填充 {len(cells)} 个单元格")

    def clear_cells(self) -> None:
        cells = [(r, c, "") for r, c in self.selected_cells()]
        if cells:
            self._apply_cells(cells, "清除内容")

    def insert_row(self) -> None:
        model = self.plan_model
        if model is None:
            return
        index = self.currentIndex()
        position = self.to_source(index).row() if index.isValid() else len(model.table.keys)
        key = model.table.allocate_key()
        values = {}
        current = self.current_key()
        group = (
            "sector"
            if "sector" in model.table.columns
            else "category"
            if "category" in model.table.columns
            else None
        )
        if current and group:
            values[group] = model.table.rows[current].get(
                group
            )  # a new row joins its neighbour's group
        if model.session.do(InsertRows(model.table.id, ((position, RowData(key, values)),))):
            self.message.emit("已插入 1 行")

    def delete_rows(self) -> None:
        model = self.plan_model
        keys = self.selected_keys()
        if model is None or not keys:
            return
        if model.session.do(DeleteRows(model.table.id, tuple(keys), f"删除 {len(keys)} 行")):
            self.message.emit(f"已删除 {len(keys)} 行（可撤销）")

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
        text, ok = QInputDialog.getMultiLineText(
            self, "审核意见", "意见：", model.table.mark(key).comment
        )
        if ok:
            model.session.do(SetReview(model.table.id, key, comment=text, label="填写审核意见"))

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for act in (self.copy_action, self.paste_action, self.fill_action, self.clear_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.insert_action)
        menu.addAction(self.delete_rows_action)
        menu.addSeparator()
        status_menu = menu.addMenu("审核状态")
        for status in REVIEW_STATUSES:
            status_menu.addAction(status, lambda s=status: self.set_review_status(s))
        menu.addAction("审核意见…", self.ask_comment)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _header_menu(self, pos) -> None:
        column = self.horizontalHeader().logicalIndexAt(pos)
        if column < 0:
            return
        menu = QMenu(self)
        label = self.model().headerData(column, Qt.Orientation.Horizontal)
        current = self.proxy.column_filters.get(column, "")
        menu.addAction(f"筛选“{label}”…", lambda: self._ask_filter(column, label, current))
        if current:
            menu.addAction("清除此列筛选", lambda: self.set_column_filter(column, ""))
        if self.proxy.column_filters:
            menu.addAction("清除全部筛选", self.clear_filters)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def _ask_filter(self, column: int, label: str, current: str) -> None:
        text, ok = QInputDialog.getText(self, "筛选", f"“{label}”包含：", text=current)
        if ok:
            self.set_column_filter(column, text)

    def set_column_filter(self, column: int, text: str) -> None:
        self.proxy.set_column_filter(column, text)  # the proxy never moves or hides columns
        self._sync_proxy()
        self.message.emit(f"筛选后显示 {self.view_row_count()} 行")

    def clear_filters(self) -> None:
        self.proxy.column_filters.clear()
        self.proxy.set_search("")
        self._sync_proxy()
