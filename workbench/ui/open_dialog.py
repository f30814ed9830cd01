"""When a workbook holds several tables (or its kind is unclear): preview them and choose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench.core.document import PlanDocument
from workbench.core.vocab import TABLE_KIND_LABELS

PREVIEW_ROWS = 20


class TableChooser(QDialog):
    """Lists the tables found (with their kind, which the user may change) and previews one."""

    def __init__(self, doc: PlanDocument, file_name: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(f"打开“{file_name}”：选择要打开的表")
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        skipped = doc.properties.skipped_sheets
        note = f"找到 {len(doc.tables)} 个表"
        if skipped:
            note += f"；另有 {len(skipped)} 个工作表未识别：" + "、".join(skipped)
        layout.addWidget(QLabel(note))
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        for table in doc.tables.values():
            item = QListWidgetItem(
                f"{table.sheet_name}（{TABLE_KIND_LABELS[table.kind]}，{len(table)} 行）"
            )
            item.setData(Qt.ItemDataRole.UserRole, table.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._preview)
        left.addWidget(self.list)
        self.kind = QComboBox()
        self.kind.addItems(["按指标表读取", "按项目表读取"])
        self.kind.setToolTip("若识别的类型不对，可改按另一种表读取")
        left.addWidget(self.kind)
        body.addLayout(left, 1)
        self.preview = QTableWidget()
        body.addWidget(self.preview, 2)
        layout.addLayout(body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("打开所选")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def _preview(self, row: int) -> None:
        item = self.list.item(row)
        if item is None:
            return
        table = self.doc.table(item.data(Qt.ItemDataRole.UserRole))
        self.kind.setCurrentIndex(0 if table.kind == "indicators" else 1)
        columns = [f for f in table.fields if not f.derived]
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setHorizontalHeaderLabels([f.label for f in columns])
        keys = table.keys[:PREVIEW_ROWS]
        self.preview.setRowCount(len(keys))
        for r, key in enumerate(keys):
            for c, spec in enumerate(columns):
                value = table.rows[key].get(spec.key)
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def kind_override(self) -> str | None:
        """The kind the user picked for the current table, when it differs from the guess."""
        item = self.list.currentItem()
        if item is None:
            return None
        table = self.doc.table(item.data(Qt.ItemDataRole.UserRole))
        wanted = "indicators" if self.kind.currentIndex() == 0 else "projects"
        return wanted if wanted != str(table.kind) else None
