"""When a workbook holds several tables (or its kind is unclear): preview them and choose.

Each table says how sure the reader is that it is a plan table (高/中/低, the why as its
tooltip and under the list), and sheets that held none are listed too: any sheet can be looked
at as a plain read-only table (sheet_viewer) instead of being read as indicators or projects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench.core.document import PlanDocument
from workbench.core.vocab import LOW_CONFIDENCE, MUTED_TEXT, TABLE_KIND_LABELS
from workbench.io.reading.limits import column_name
from workbench.ui.dialog_buttons import ok_cancel
from workbench.ui.sheet_viewer import SheetViewer
from workbench.ui.words import core_word

PREVIEW_ROWS = 20
SHEET_ROLE = Qt.ItemDataRole.UserRole + 1  # the sheet name of every item, table or not


class TableChooser(QDialog):
    """Lists the tables found (with their kind, which the user may change) and previews one."""

    def __init__(self, doc: PlanDocument, file_name: str, parent=None, *, book: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.book = book  # the sheets as read (RawWorkbook), for the plain view
        self.file_name = file_name
        self.setWindowTitle(
            self.tr("打开“{file_name}”：选择要打开的表").format(file_name=file_name)
        )
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        skipped = doc.properties.skipped_sheets
        note = self.tr("找到 {n_tables} 个表").format(n_tables=len(doc.tables))
        if skipped:
            note += self.tr("；另有 {n_skipped} 个工作表未识别：").format(
                n_skipped=len(skipped)
            ) + "、".join(skipped)
        layout.addWidget(QLabel(note))
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        for table in doc.tables.values():
            said = table.meta.confidence
            text = self.tr("{sheet_name}（{v}，{n_table} 行）").format(
                sheet_name=table.sheet_name,
                v=core_word(TABLE_KIND_LABELS[table.kind]),
                n_table=len(table),
            )
            if said is not None:
                text += self.tr("　把握：{level}").format(level=core_word(said.level))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, table.id)
            item.setData(SHEET_ROLE, table.sheet_name)
            if said is not None:
                item.setToolTip(
                    self.tr("识别把握：{level}——{why}").format(
                        level=core_word(said.level), why=said.why
                    )
                )
                if said.low:
                    item.setForeground(QBrush(QColor(LOW_CONFIDENCE)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        for name, reason in skipped.items():
            item = QListWidgetItem(self.tr("{name}（未识别为计划表）").format(name=name))
            item.setData(Qt.ItemDataRole.UserRole, None)
            item.setData(SHEET_ROLE, name)
            item.setToolTip(self.tr("{reason}；可作为普通表格查看").format(reason=reason))
            item.setForeground(QBrush(QColor(MUTED_TEXT)))
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._preview)
        left.addWidget(self.list)
        self.confidence = QLabel()
        self.confidence.setWordWrap(True)
        left.addWidget(self.confidence)
        self.plain = QPushButton(self.tr("作为普通表格查看（只读）(&V)"))
        self.plain.setToolTip(self.tr("按原样显示这张工作表的单元格，不作为计划表读取；可复制"))
        self.plain.clicked.connect(self.view_plain)
        self.plain.setEnabled(book is not None)
        left.addWidget(self.plain)
        self.kind = QComboBox()
        self.kind.addItems([self.tr("按指标表读取"), self.tr("按项目表读取")])
        self.kind.setToolTip(self.tr("若识别的类型不对，可改按另一种表读取"))
        left.addWidget(self.kind)
        body.addLayout(left, 1)
        self.preview = QTableWidget()
        body.addWidget(self.preview, 2)
        layout.addLayout(body)
        buttons = ok_cancel(self, self.tr("打开所选"))
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def _preview(self, row: int) -> None:
        item = self.list.item(row)
        if item is None:
            return
        table_id = item.data(Qt.ItemDataRole.UserRole)
        if table_id is None:
            self._preview_sheet(item.data(SHEET_ROLE))
            return
        self.kind.setEnabled(True)
        table = self.doc.table(table_id)
        said = table.meta.confidence
        text = ""
        if said is not None:
            text = self.tr("识别把握：{level}——{why}").format(
                level=core_word(said.level), why=said.why
            )
            if said.low:
                text += self.tr("。若它不是计划表，请取消勾选，可作为普通表格查看")
        self.confidence.setText(text)
        self.kind.setCurrentIndex(0 if table.kind == "indicators" else 1)
        columns = [f for f in table.fields if not f.derived]
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setHorizontalHeaderLabels([core_word(f.label) for f in columns])
        keys = table.keys[:PREVIEW_ROWS]
        self.preview.setRowCount(len(keys))
        for r, key in enumerate(keys):
            for c, spec in enumerate(columns):
                value = table.rows[key].get(spec.key)
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def _raw_rows(self, sheet_name: str) -> list[list[Any]] | None:
        if self.book is None:
            return None
        return next((s.rows for s in self.book.sheets if s.name == sheet_name), None)

    def _preview_sheet(self, sheet_name: str) -> None:
        """A sheet without a plan table: its first cells as read."""
        reason = self.doc.properties.skipped_sheets.get(sheet_name, "")
        self.confidence.setText(
            self.tr("未识别为计划表：{reason}").format(reason=reason)
            if reason
            else self.tr("未识别为计划表")
        )
        self.kind.setEnabled(False)
        rows = (self._raw_rows(sheet_name) or [])[:PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_name(c + 1) for c in range(width)])
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def view_plain(self) -> SheetViewer | None:
        """Show the current sheet as a plain read-only table (modeless, so the chooser stays)."""
        item = self.list.currentItem()
        rows = self._raw_rows(item.data(SHEET_ROLE)) if item is not None else None
        if rows is None:
            return None
        viewer = SheetViewer(rows, item.data(SHEET_ROLE), self.file_name, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        self.viewer = viewer
        return viewer

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) is not None
            and self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def kind_override(self) -> str | None:
        """The kind the user picked for the current table, when it differs from the guess."""
        item = self.list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return None
        table = self.doc.table(item.data(Qt.ItemDataRole.UserRole))
        wanted = "indicators" if self.kind.currentIndex() == 0 else "projects"
        return wanted if wanted != str(table.kind) else None
