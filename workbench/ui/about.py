"""帮助 → 关于: the version, and the licences of the shipped font and of every shipped library
with their full texts (workbench/licences.py reads them from the installed metadata)."""

from __future__ import annotations

import platform

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import licences
from workbench.ui.dialog_buttons import close_only

DESCRIPTION = QT_TRANSLATE_NOOP("AboutDialog", "审核年度计划报告附件：指标执行、重大项目与汇总表。")


def qt_component() -> licences.Component:
    """Qt itself (inside the PySide6 wheels), under the LGPLv3 the application uses it by."""
    return licences.Component("Qt", qVersion(), "LGPL-3.0-only", "PySide6-Essentials")


class AboutDialog(QDialog):
    def __init__(self, app_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于{app_name}").format(app_name=app_name))
        self.resize(820, 560)
        self.version = licences.app_version()
        tabs = QTabWidget(self)

        about = QLabel(
            f"<h2>{app_name}</h2>"
            + self.tr("<p>版本 {version}</p>").format(version=self.version)
            + f"<p>{self.tr(DESCRIPTION)}</p>"
            + f"<p>Python {platform.python_version()}, Qt {qVersion()}</p>"
            + self.tr(
                "<p>本程序随附的字体与程序库各有其许可证，见“许可证”页。"
                "Qt 与 Qt for Python（PySide6）按 GNU LGPL 第 3 版使用，未作修改。</p>"
            ),
            self,
        )
        about.setWordWrap(True)
        about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about.setContentsMargins(16, 16, 16, 16)
        tabs.addTab(about, self.tr("关于"))

        font, *libraries = licences.components()
        self.components = [font, qt_component(), *libraries]
        self.table = QTableWidget(len(self.components), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("组件"), self.tr("版本"), self.tr("许可证")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, item in enumerate(self.components):
            for column, text in enumerate((item.name, item.version, item.licence)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.text)
        split.setSizes([220, 300])
        tabs.addTab(split, self.tr("许可证"))
        self.tabs = tabs
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))

        buttons = close_only(self)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.table.selectRow(0)
        self.show_licence(0)

    def show_licence(self, row: int) -> None:
        """The full texts of the selected component's licence files, one after another."""
        if not 0 <= row < len(self.components):
            return
        item = self.components[row]
        parts = [
            self.tr("{name} {version}\n许可证：{licence}").format(
                name=item.name, version=item.version, licence=item.licence
            )
        ]
        texts = item.texts()
        for name, text in texts:
            parts.append(f"==== {name} ====\n{text.strip()}")
        if not texts:
            parts.append(self.tr("（该组件未随附许可证文本；许可证名称见上。）"))
        self.text.setPlainText("\n\n".join(parts))
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)


def show_about(parent: QWidget, app_name: str) -> AboutDialog:
    dialog = AboutDialog(app_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
