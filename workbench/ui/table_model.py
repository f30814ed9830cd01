"""A Qt table model over a core table: no copy of the data, formatted strings cached.

The model reads rows by key through the core table and forgets cached text when the document
announces a change, so a grid never shows a stale figure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.core import provenance as prov
from workbench.core.document import PlanDocument
from workbench.core.events import DocumentReplaced, TableChanged
from workbench.core.indicators import status_of
from workbench.core.numbers import format_number
from workbench.core.schema import TableKind
from workbench.core.table import Table
from workbench.io.annex_layout import STATED_FOR, Column, columns_for

_ROOT = QModelIndex()
_SAMPLE_COLOUR = QColor("#7a7a7a")
_REPORT_COLOUR = QColor("#0b3d91")
_DIFF_BRUSH = QBrush(QColor("#fde2e1"))
_STATUS_COLOURS = {"完成": "#1b7f3b", "基本完成": "#b26a00", "未完成": "#c62828"}


def _reason(doc, table, key, row):
    return status_of(table, key, doc.policy).derived.reason


def grid_columns(table: Table, doc: PlanDocument) -> list[Column]:
    """The annex columns (same labels as the printed annex) plus what a reviewer needs."""
    columns = [c for c in columns_for(table, doc) if c.key != "_seq"]
    if table.kind is TableKind.INDICATORS:
        columns.insert(0, Column("category", "类别", 10))
        columns.append(Column("_reason", "判定依据", 30, getter=_reason))
    return columns


def format_value(value: Any, style: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if style == "money":
            return f"{value:,.2f}".replace(",", "")
        if style == "rate":
            return f"{value:.1f}"
        if style == "integer":
            return str(int(value))
        return format_number(value)
    return str(value)


class PlanTableModel(QAbstractTableModel):
    def __init__(self, doc: PlanDocument, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.table = table
        self.columns = grid_columns(table, doc)
        self._text: dict[tuple[str, int], str] = {}
        doc.subscribe(self._on_document_event)

    def detach(self) -> None:
        self.doc.unsubscribe(self._on_document_event)

    # ---- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def key_at(self, row: int) -> str:
        return self.table.keys[row]

    def raw_value(self, row: int, column: int) -> Any:
        key = self.table.keys[row]
        spec = self.columns[column]
        values = self.table.rows[key]
        if spec.getter is not None:
            return spec.getter(self.doc, self.table, key, values)
        return values.get(spec.key)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        spec = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (self.table.keys[row], column)
            text = self._text.get(key)
            if text is None:
                text = format_value(self.raw_value(row, column), spec.style)
                self._text[key] = text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.style in ("money", "rate", "number", "integer"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if spec.style == "center":
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if spec.key == "status":
                colour = _STATUS_COLOURS.get(str(self.raw_value(row, column)))
                if colour:
                    return QBrush(QColor(colour))
            origin = self._provenance(row, spec)
            if origin == prov.SAMPLE:
                return QBrush(_SAMPLE_COLOUR)
            if origin == prov.REPORT:
                return QBrush(_REPORT_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if self._provenance(row, spec) == prov.SAMPLE:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and spec.key.startswith("_")
            and self.table.kind is TableKind.SUMMARY
        ):
            stated = self.table.rows[self.table.keys[row]].get(STATED_FOR.get(spec.key, ""))
            value = self.raw_value(row, column)
            if stated is not None and value is not None and abs(stated - value) > 0.05:
                return _DIFF_BRUSH
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = self._provenance(row, spec)
            text = self.data(index)
            return f"{spec.label}：{text}\n来源：{origin}" if origin else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            spec = self.columns[section]
            return (
                f"{spec.group}·{spec.label}"
                if spec.group and self.table.kind is TableKind.SUMMARY
                else spec.label
            )
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- helpers ---------------------------------------------------------------------------
    def _provenance(self, row: int, spec: Column) -> str | None:
        if spec.key.startswith("_") or spec.key not in self.table.columns:
            return None
        return self.table.provenance_of(self.table.keys[row], spec.key)

    def _on_document_event(self, event: TableChanged | DocumentReplaced) -> None:
        if (
            isinstance(event, TableChanged)
            and event.table != self.table.id
            and self.table.kind is not TableKind.SUMMARY
        ):
            return
        if (
            isinstance(event, DocumentReplaced)
            or event.structural
            or self.table.kind is TableKind.SUMMARY
        ):
            self.beginResetModel()
            self._text.clear()
            self.endResetModel()
            return
        keys = event.keys or frozenset(self.table.keys)
        rows = [self.table.index_of(k) for k in keys if k in self.table.rows]
        # Derived columns (status, reason) depend on other cells of the row: refresh rows.
        for k in keys:
            for c in range(len(self.columns)):
                self._text.pop((k, c), None)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1)
            )


_STATED_FOR = {
    "_count": "count",
    "_plan": "annual_plan",
    "_completed": "completed",
    "_rate": "completion_rate",
}
