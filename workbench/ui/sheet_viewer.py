"""Any sheet as a plain read-only table, to look at and copy from as in Excel.

A sheet the reader is unsure of (a test-case list, a product list) or found no plan table in
can still be looked at: its cells as read, nothing mapped, nothing changed, row and column
headers as Excel shows them. A model over the rows (not a widget item per cell) keeps a
100k-row sheet quick to open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from workbench.io.clipboard_formats import to_html, to_tsv
from workbench.io.reading.limits import column_name
from workbench.ui.dialog_buttons import close_only


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class SheetModel(QAbstractTableModel):
    """The raw rows of one sheet, read only."""

    def __init__(self, rows: list[list[Any]], parent=None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.width = max((len(r) for r in rows), default=0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.width

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return _shown(cells[column]) if column < len(cells) else ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.text(index.row(), index.column())
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_name(section + 1)
        return str(section + 1)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _CopyingView(QTableView):
    """Ctrl+C copies the whole selection (QTableView alone copies only the current cell)."""

    def __init__(self, copy, parent=None) -> None:
        super().__init__(parent)
        self._copy = copy

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)


class SheetViewer(QDialog):
    """One sheet's cells, read only, with Ctrl+C copying the selection as Excel does."""

    def __init__(self, rows: list[list[Any]], sheet_name: str, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("“{file_name}”工作表“{sheet_name}”（普通表格，只读）").format(
                file_name=file_name, sheet_name=sheet_name
            )
        )
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "按原样显示单元格内容，不作为计划表读取，不能修改；可选中后复制（Ctrl+C）。"
                )
            )
        )
        self.model = SheetModel(rows, self)
        self.view = _CopyingView(self.copy_selection, self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.view)
        buttons = close_only(self)
        layout.addWidget(buttons)

    def copy_selection(self) -> None:
        """The selected block as text and HTML, so Excel and WPS paste it as cells."""
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        block = [[self.model.text(r, c) if (r, c) in chosen else "" for c in columns] for r in rows]
        mime = QMimeData()
        mime.setText(to_tsv(block))
        mime.setHtml(to_html(block))
        QApplication.clipboard().setMimeData(mime)
