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
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QVBoxLayout,
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
from workbench.core.vocab import (
    COMPUTED_TEXT,
    FILTER_OFF,
    FILTER_OFF_FILL,
    FILTER_ON,
    FROZEN_EDGE,
    INVALID_EDGE,
)
from workbench.ui.dialog_buttons import ok_cancel
from workbench.ui.table_model import KEY_ROLE, RAW_ROLE, PlanTableModel
from workbench.ui.words import core_word


class FilterProxy(QSortFilterProxyModel):
    """Sort by typed values (numbers as numbers); filter by a search text and, per column,
    by the values ticked in the column's drop-down (as Excel's AutoFilter does).

    One proxy lives as long as its view; tables come and go as its source model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)
        self.search = ""
        self.column_values: dict[int, frozenset[str]] = {}
        self._icons: tuple[QIcon, QIcon] | None = None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        """Column titles from the table, each with its AutoFilter icon; rows numbered as shown."""
        source = self.sourceModel()
        if source is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DecorationRole:
                if self._icons is None:
                    self._icons = (_filter_icon(False), _filter_icon(True))
                return self._icons[section in self.column_values]
            # a direct call: going through Qt (super()) would bring a None back from Python
            return source.headerData(section, orientation, role)
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None

    @property
    def filtering(self) -> bool:
        return bool(self.search or self.column_values)

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
        if text.strip() != self.search:
            self._refilter(lambda: setattr(self, "search", text.strip()))

    def set_column_values(self, column: int, values: frozenset[str] | None) -> None:
        """Show only rows whose cell in `column` reads one of `values`; None shows all."""

        def change() -> None:
            if values is None:
                self.column_values.pop(column, None)
            else:
                self.column_values[column] = frozenset(values)

        self._refilter(change)

    def clear(self) -> None:
        if self.filtering:
            self._refilter(lambda: (self.column_values.clear(), setattr(self, "search", "")))

    def forget(self) -> None:
        """A new source model: its columns are not the old ones, so no filter carries over."""
        self.column_values.clear()
        self.search = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.search and not self.column_values:
            return True
        model = self.sourceModel()
        if not isinstance(model, PlanTableModel):
            return True
        for column, values in self.column_values.items():
            if model.display_text(source_row, column) not in values:
                return False
        if self.search:
            return any(
                self.search in model.display_text(source_row, c) for c in range(model.columnCount())
            )
        return True

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        # Straight to the Python model: a None fetched back through Qt (index.data) loses a
        # reference to None in PySide6 6.12, which ends in "none_dealloc" after a few sorts.
        model = self.sourceModel()
        if isinstance(model, PlanTableModel):
            a = model.raw_value(left.row(), left.column())
            b = model.raw_value(right.row(), right.column())
        else:
            a, b = left.data(RAW_ROLE), right.data(RAW_ROLE)
        if a is None or b is None:  # blanks sort last, as in Excel
            return a is not None and b is None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return str(a) < str(b)


class CellDelegate(QStyledItemDelegate):
    """Drop-downs for choices; a line edit that explains a target while it is typed; a red
    corner on cells that carry a comment (shown on hover), as Excel marks its notes."""

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
                lambda text: self.hint.emit(self.tr("目标解析：") + describe_rule(rule_for(text)))
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


def _filter_icon(filtered: bool) -> QIcon:
    """The AutoFilter button drawn at the left of a header section: a grey drop-down arrow,
    or a blue funnel once the column is filtered."""
    size = 14
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(FILTER_ON if filtered else FILTER_OFF)
    painter.setPen(colour)
    painter.setBrush(colour if filtered else QColor(FILTER_OFF_FILL))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white") if filtered else QColor(COMPUTED_TEXT))
    c = size // 2
    if filtered:
        points = [(c - 5, c - 4), (c + 5, c - 4), (c + 1, c + 1), (c + 1, c + 5), (c - 1, c + 4)]
        points.append((c - 1, c + 1))
    else:
        points = [(c - 4, c - 2), (c + 4, c - 2), (c, c + 3)]
    painter.drawPolygon(QPolygon([QPoint(x, y) for x, y in points]))
    painter.end()
    return QIcon(pixmap)


class FilterHeader(QHeaderView):
    """A header whose sections carry an AutoFilter button (the icon the proxy gives them, at
    the section's left): a click on it opens the column's value list. Drawn by Qt itself —
    a Python paintSection would call back into Python models through Qt on every paint."""

    filterRequested = Signal(int)  # column (logical)
    BUTTON = 14

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def button_rect(self, logical: int) -> QRect:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        x = self.sectionViewportPosition(logical) + margin
        return QRect(
            x - 2, (self.height() - self.BUTTON) // 2 - 2, self.BUTTON + 4, self.BUTTON + 4
        )

    def mousePressEvent(self, event) -> None:
        point = event.position().toPoint()
        logical = self.logicalIndexAt(point)
        if (
            logical >= 0
            and event.button() == Qt.MouseButton.LeftButton
            and self.button_rect(logical).contains(point)
            and point.x() > self.sectionViewportPosition(logical) + 4  # not the resize handle
        ):
            self.filterRequested.emit(logical)
            event.accept()
            return
        super().mousePressEvent(event)


class ValueFilterPopup(QDialog):
    """The AutoFilter drop-down: a search box, (全选) and a checklist of the column's values
    with their counts; 确定 applies, 取消 leaves the filter as it was."""

    MAX_VALUES = 5000

    def __init__(self, title: str, values: list[tuple[str, int]], chosen, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setWindowTitle(self.tr("筛选“{title}”").format(title=title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.all_item = QListWidgetItem(self.tr("（全选）"))
        self.all_item.setFlags(self.all_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.list.addItem(self.all_item)
        for text, count in values[: self.MAX_VALUES]:
            shown = text or self.tr("（空白）")
            item = QListWidgetItem(f"{shown}\u3000({count})")
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = chosen is None or text in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._sync_all()
        layout.addWidget(self.list)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._item_changed)
        self.search.textChanged.connect(self._search)
        self.resize(280, 360)

    def value_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(1, self.list.count())]

    def _sync_all(self) -> None:
        items = self.value_items()
        checked = sum(i.checkState() == Qt.CheckState.Checked for i in items)
        state = (
            Qt.CheckState.Checked
            if checked == len(items)
            else Qt.CheckState.Unchecked
            if checked == 0
            else Qt.CheckState.PartiallyChecked
        )
        self.list.blockSignals(True)
        self.all_item.setCheckState(state)
        self.list.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item is self.all_item:
            state = (
                Qt.CheckState.Unchecked
                if item.checkState() == Qt.CheckState.Unchecked
                else Qt.CheckState.Checked
            )
            self.list.blockSignals(True)
            for value in self.value_items():
                if not value.isHidden():
                    value.setCheckState(state)
            self.list.blockSignals(False)
        self._sync_all()

    def _search(self, text: str) -> None:
        for item in self.value_items():
            item.setHidden(bool(text) and text not in (item.data(Qt.ItemDataRole.UserRole) or ""))

    def chosen(self) -> frozenset[str] | None:
        """The ticked values, or None when every value is ticked (no filter)."""
        items = self.value_items()
        ticked = frozenset(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked and not i.isHidden()
        )
        return None if len(ticked) == len(items) else ticked


class CommentDialog(QDialog):
    """A review comment: several lines, Chinese buttons, Ctrl+Enter to confirm."""

    def __init__(self, row_name: str, text: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审核意见"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("对“{row_name}”的意见（可多行）：").format(row_name=row_name))
        )
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setPlaceholderText(self.tr("写下存疑或退回的理由…"))
        layout.addWidget(self.edit)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.buttons_box = buttons
        ok = QAction(self)
        ok.setShortcut(QKeySequence("Ctrl+Return"))
        ok.triggered.connect(self.accept)
        self.addAction(ok)
        self.resize(420, 240)

    def text(self) -> str:
        return self.edit.toPlainText()


class GridView(QTableView):
    message = Signal(str)  # for the status bar
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
        # One proxy and one selection model for the life of the view: a table switch only
        # changes the proxy's source, so nothing is reconnected and nothing leaks.
        self.proxy = FilterProxy(self)
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
        self.plan_model = model
        self.proxy.forget()
        # Start in the annex's own order; a click on a header sorts, a third click restores.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.proxy.setSourceModel(model)
        model.editRejected.connect(self._edit_rejected)
        self._freeze(model)
        self._emit_stats()

    def _edit_rejected(self, reason: str) -> None:
        self._rejected = reason
        self.message.emit(self.tr("未修改：{reason}").format(reason=reason))

    # ---- frozen columns (序号/名称 stay while scrolling right) ---------------------------------
    def _build_frozen(self) -> None:
        """A second view over the same proxy and selection model, laid over the left of this
        one and showing only the leading columns; shown only while scrolled right, so at the
        left edge (and while editing there) the grid itself is what one sees and types in."""
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen = QTableView(self)
        frozen.setObjectName("frozenColumns")
        frozen.setHorizontalHeader(FilterHeader(frozen))
        frozen.setModel(self.proxy)
        frozen.setSelectionModel(self.selectionModel())
        frozen.setItemDelegate(self.delegate)
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.verticalHeader().hide()
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(self.verticalScrollMode())
        frozen.setWordWrap(False)
        frozen.setAlternatingRowColors(True)
        frozen.setStyleSheet(
            f"QTableView#frozenColumns {{ border: none; border-right: 2px solid {FROZEN_EDGE}; }}"
        )
        frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.horizontalHeader().filterRequested.connect(self.open_filter)
        frozen.horizontalHeader().sectionClicked.connect(self._frozen_sort)
        frozen.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().sortIndicatorChanged.connect(
            frozen.horizontalHeader().setSortIndicator
        )
        frozen.doubleClicked.connect(self._edit_frozen)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalScrollBar().valueChanged.connect(self._place_frozen)
        self.horizontalHeader().sectionResized.connect(self._frozen_width_changed)
        frozen.hide()
        self.frozen = frozen
        self.frozen_count = 0

    def _freeze(self, model: PlanTableModel) -> None:
        keys = [c.key for c in model.columns]
        name = next((i for i, k in enumerate(keys) if k in ("name", "group")), -1)
        self.frozen_count = name + 1
        for c in range(model.columnCount()):
            self.frozen.setColumnHidden(c, c >= self.frozen_count)
        self._place_frozen()

    def _frozen_width_changed(self, logical: int, _old: int, new: int) -> None:
        if logical < self.frozen_count:
            self.frozen.setColumnWidth(logical, new)
            self._place_frozen()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen_count))

    def _place_frozen(self) -> None:
        scrolled = self.horizontalScrollBar().value() > 0 and self.frozen_count > 0
        if not scrolled:
            self.frozen.hide()
            return
        for c in range(self.frozen_count):
            self.frozen.setColumnWidth(c, self.columnWidth(c))
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.frozen_width(),
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())
        self.frozen.show()
        self.frozen.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A cell right of the frozen columns is scrolled clear of them, not under them; a
        frozen cell brings the grid back to its left edge."""
        super().scrollTo(index, hint)
        if index.isValid() and index.column() < self.frozen_count:
            # the grid's own leading cells, not the overlay's copy: an editor opens in view
            self.horizontalScrollBar().setValue(0)
            return
        if (
            index.isValid()
            and self.frozen_count
            and index.column() >= self.frozen_count
            and self.horizontalScrollBar().value() > 0
        ):
            left = self.columnViewportPosition(index.column())
            covered = self.frozen_width()
            if left < covered:
                bar = self.horizontalScrollBar()
                bar.setValue(max(0, bar.value() + left - covered))

    def _edit_frozen(self, index: QModelIndex) -> None:
        self.horizontalScrollBar().setValue(0)  # the grid's own cell is then in view
        self.setCurrentIndex(index)
        self.edit(index)

    def _frozen_sort(self, logical: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorSection() == logical and header.sortIndicatorOrder() == ascending
            else ascending
        )
        self.sortByColumn(logical, order)

    def to_source(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self.proxy.mapToSource(index) if index.model() is self.proxy else index

    def from_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(index) if index.isValid() else QModelIndex()

    def set_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.filterChanged.emit()

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
        if not ctrl or not current.isValid() or self.proxy.sourceModel() is None:
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

        def filled(r: int, c: int) -> bool:
            at = model.mapToSource(model.index(r, c))
            return bool(source.display_text(at.row(), at.column()))

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
                    at = self.proxy.mapToSource(self.proxy.index(r, c))
                    value = source.raw_value(at.row(), at.column())
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
        from workbench.io.clipboard_formats import to_html, to_tsv

        mime = QMimeData()
        mime.setText(to_tsv(block))
        mime.setHtml(to_html(block))
        QApplication.clipboard().setMimeData(mime)
        self.message.emit(
            self.tr("已复制 {n_rows} 行 × {n_cols} 列").format(n_rows=len(rows), n_cols=len(cols))
        )

    def paste(self) -> None:
        from workbench.io.clipboard_formats import parse_html_table, parse_tsv

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
                self.tr("粘贴"),
                self.tr("粘贴的内容比表格多出 {extra} 行，是否在表尾添加 {extra} 行？").format(
                    extra=extra
                ),
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
            self.message.emit(self.tr("所选单元格不可编辑（计算列）"))
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
                    self.tr("粘贴"),
                )
            )
        edits.append(cell_edit)
        ok = model.session.do(Compound(tuple(edits), "粘贴") if len(edits) > 1 else edits[0])
        if ok:
            self.message.emit(
                self.tr("已粘贴 {n_block} 行 × {n_columns} 列").format(
                    n_block=len(block), n_columns=len(columns)
                )
            )
        return ok

    def _apply_cells(self, cells: list[tuple[int, int, str]], label: str) -> bool:
        model = self.plan_model
        if model is None:
            return False
        editable = [(r, c, t) for r, c, t in cells if model.edit_field(c)]
        if not editable:
            self.message.emit(self.tr("所选单元格不可编辑（计算列）"))
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
            self.message.emit(self.tr("已向下填充 {n_cells} 个单元格").format(n_cells=len(cells)))

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
            # the cursor goes to the new row, in the column it was in, as in Excel
            column = index.column() if index.isValid() else 0
            new = self.from_source(model.index(model.row_of(key), column))
            self.selectionModel().setCurrentIndex(
                new, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.message.emit(self.tr("已插入 1 行"))

    def delete_rows(self) -> None:
        model = self.plan_model
        keys = self.selected_keys()
        if model is None or not keys:
            return
        if model.session.do(DeleteRows(model.table.id, tuple(keys), f"删除 {len(keys)} 行")):
            self.message.emit(self.tr("已删除 {n_keys} 行（可撤销）").format(n_keys=len(keys)))

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
        if column in self.proxy.column_values:
            menu.addAction(self.tr("清除此列筛选"), lambda: self.set_column_values(column, None))
        if self.proxy.filtering:
            menu.addAction(self.tr("清除全部筛选"), self.clear_filters)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_value_counts(self, column: int) -> list[tuple[str, int]]:
        """The texts a column shows, with how many rows show each, among the rows the other
        columns' filters let through (as Excel lists them), in the column's sort order."""
        model = self.plan_model
        if model is None:
            return []
        others = {c: v for c, v in self.proxy.column_values.items() if c != column}
        counts: dict[str, int] = {}
        raw: dict[str, object] = {}
        for r in range(model.rowCount()):
            if any(model.display_text(r, c) not in v for c, v in others.items()):
                continue
            text = model.display_text(r, column)
            counts[text] = counts.get(text, 0) + 1
            raw.setdefault(text, model.raw_value(r, column))

        def order(text: str):
            value = raw[text]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return (0, float(value), "")
            return (1 if text else 2, 0.0, text)

        return [(t, counts[t]) for t in sorted(counts, key=order)]

    def open_filter(self, column: int) -> ValueFilterPopup | None:
        """The AutoFilter drop-down of a column, under its header section."""
        if self.plan_model is None:
            return None
        label = str(self.plan_model.headerData(column, Qt.Orientation.Horizontal))
        popup = ValueFilterPopup(
            label, self.column_value_counts(column), self.proxy.column_values.get(column), self
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
        self.proxy.set_column_values(column, values)  # the proxy never moves or hides columns
        self.horizontalHeader().headerDataChanged(Qt.Orientation.Horizontal, column, column)
        self.filterChanged.emit()
        self.message.emit(self.tr("筛选后显示 {v} 行").format(v=self.view_row_count()))

    def clear_filters(self) -> None:
        self.proxy.clear()
        self.horizontalHeader().viewport().update()
        self.filterChanged.emit()


def _stat(value: float) -> str:
    """A status-bar figure: separators, at most four decimals, no trailing zeros."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
