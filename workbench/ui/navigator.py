"""The navigator: the document's tables grouped by kind (指标 / 项目 / 汇总), each with its
row count; choosing one asks the window to show it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from workbench.core.schema import TableKind

GROUPS = {
    TableKind.INDICATORS: QT_TRANSLATE_NOOP("TableNavigator", "主要指标"),
    TableKind.PROJECTS: QT_TRANSLATE_NOOP("TableNavigator", "重大建设项目"),
    TableKind.SUMMARY: QT_TRANSLATE_NOOP("TableNavigator", "汇总表"),
}
_ID = Qt.ItemDataRole.UserRole


class TableNavigator(QTreeWidget):
    tableChosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setIndentation(14)
        self.itemSelectionChanged.connect(self._changed)

    def set_document(self, doc) -> None:
        """List the tables of `doc` and select the first."""
        self.blockSignals(True)
        self.clear()
        groups: dict[TableKind, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for table in doc.tables.values():
            parent = groups.get(table.kind)
            if parent is None:
                parent = QTreeWidgetItem(self, [self.tr(GROUPS[table.kind])])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[table.kind] = parent
            item = QTreeWidgetItem(parent, [table.sheet_name])
            item.setData(0, _ID, table.id)
            item.setToolTip(
                0, self.tr("{title}\n共 {n_table} 行").format(title=table.title, n_table=len(table))
            )
            first = first or item
        self.expandAll()
        self.blockSignals(False)
        if first is not None:
            self.setCurrentItem(first)

    def table_items(self) -> list[QTreeWidgetItem]:
        root = self.invisibleRootItem()
        return [
            root.child(i).child(j)
            for i in range(root.childCount())
            for j in range(root.child(i).childCount())
        ]

    def select(self, table_id: str) -> None:
        for item in self.table_items():
            if item.data(0, _ID) == table_id:
                self.setCurrentItem(item)
                return

    def set_notes(self, notes: dict[str, tuple[str, str]]) -> None:
        """A short note beside each table named (text, tooltip) — a team session's progress;
        an empty dict takes them away. The group rows keep the whole width."""
        self.setColumnCount(2 if notes else 1)
        root = self.invisibleRootItem()
        for i in range(root.childCount()):
            root.child(i).setFirstColumnSpanned(bool(notes))
        for item in self.table_items():
            text, tip = notes.get(item.data(0, _ID), ("", ""))
            item.setText(1, text)
            item.setToolTip(1, tip)
        header = self.header()
        header.setStretchLastSection(True)
        if notes:
            header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)

    def preferred_width(self) -> int:
        """Wide enough to read the longest table name (within reason)."""
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(i.text(0)) for i in self.table_items()), default=120
        )
        notes = max((metrics.horizontalAdvance(i.text(1)) for i in self.table_items()), default=0)
        extra = notes + 24 if self.columnCount() > 1 else 0  # a team's progress beside
        return min(max(widest + self.indentation() * 2 + 24, 160), 300) + min(extra, 200)

    def _changed(self) -> None:
        items = self.selectedItems()
        if items:
            table_id = items[0].data(0, _ID)
            if table_id:
                self.tableChosen.emit(table_id)
