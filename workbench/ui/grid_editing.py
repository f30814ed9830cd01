"""Typing into the grid: the cell editors (a drop-down for choices, a line edit that explains
a target as it is typed) and the multi-line review comment dialog."""

from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QVBoxLayout,
)

from workbench.core.indicators import rule_for
from workbench.core.schema import FieldType
from workbench.core.targets import describe_rule
from workbench.ui.dialog_buttons import ok_cancel
from workbench.ui.table_model import PlanTableModel


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
    return model.mapToSource(index) if isinstance(model, QAbstractProxyModel) else index


def _source_model(index: QModelIndex) -> PlanTableModel | None:
    model = index.model()
    if isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model if isinstance(model, PlanTableModel) else None


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
