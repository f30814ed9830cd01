"""A Qt table model over a core table: no copy of the data, formatted strings cached.

The model reads rows by key through the core table, turns typed text into typed values with
the column's rules, and sends every change through the session as one core edit addressed by
row key — so sorting and filtering can never misdirect an edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.core import provenance as prov
from workbench.core.cell_input import parse_cell
from workbench.core.columns import STATED_FOR, Column, columns_for
from workbench.core.edits import CellChange, SetCells
from workbench.core.events import DocumentReplaced, TableChanged
from workbench.core.indicators import rule_for, status_of
from workbench.core.numbers import format_number
from workbench.core.schema import TableKind
from workbench.core.table import Table
from workbench.core.targets import describe_rule

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the typed value, for sorting and filtering
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row key

_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_STYLE_SLOTS = {
    Qt.ItemDataRole.TextAlignmentRole: 0,
    Qt.ItemDataRole.BackgroundRole: 1,
    Qt.ItemDataRole.ForegroundRole: 2,
    Qt.ItemDataRole.FontRole: 3,
}
_NEVER = frozenset(
    {Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole}
)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_SAMPLE_BRUSH = QBrush(QColor("#6b6b6b"))
_REPORT_BRUSH = QBrush(QColor("#0b3d91"))
_DIFF_BRUSH = QBrush(QColor("#fde2e1"))
_CHANGED_BRUSH = QBrush(QColor("#FFF2CC"))
_ROW_BRUSHES = {"存疑": QBrush(QColor("#FCE4D6")), "退回": QBrush(QColor("#F8CBAD"))}
_STATUS_COLOURS = {"完成": "#1b7f3b", "基本完成": "#b26a00", "未完成": "#c62828"}
_REVIEW_COLOURS = {"已审": "#1b7f3b", "存疑": "#b26a00", "退回": "#c62828", "待审": "#6b6b6b"}


def _reason(doc, table, key, row):
    return status_of(table, key, doc.policy).derived.reason


def _review(doc, table, key, row):
    return table.mark(key).status


def grid_columns(table: Table, doc) -> list[Column]:
    """The annex columns (same labels as the printed annex) plus what a reviewer needs."""
    columns = [c for c in columns_for(table, doc) if c.key != "_seq"]
    columns.insert(0, Column("_review", "审核", 6, "center", _review))
    if table.kind is TableKind.INDICATORS:
        columns.insert(1, Column("category", "类别", 10))
        if table.meta.get("role") != "plan":
            columns.append(Column("_reason", "判定依据", 30, getter=_reason))
    return columns


def format_value(value: Any, style: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if style == "money":
            return f"{value:.2f}"
        if style == "rate":
            return f"{value:.1f}"
        if style == "integer":
            return str(int(value))
        return format_number(value)
    return str(value)


class PlanTableModel(QAbstractTableModel):
    editRejected = Signal(str)

    def __init__(self, session, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = session.doc
        self.table = table
        self.columns = grid_columns(table, self.doc)
        # Caches keyed by cell position (row × width + column): one int per lookup, cleared
        # whenever rows move (insert, delete, reset) and per row on cell changes.
        self._width = len(self.columns)
        self._text: dict[int, str] = {}
        self._style: dict[int, tuple[Any, Any, Any, Any]] = {}
        self._flags: list[Qt.ItemFlag] | None = None
        self._flags_read_only = False
        self._italic = QFont()  # per model: a module-level QFont outlives QApplication at exit
        self._italic.setItalic(True)
        self.doc.subscribe(self._on_document_event)

    def detach(self) -> None:
        self.doc.unsubscribe(self._on_document_event)

    # ---- what a column edits ---------------------------------------------------------------
    def edit_field(self, column: int) -> str | None:
        """The stored field a column edits: the status column edits the reviewer's verdict."""
        key = self.columns[column].key
        if key == "status" and self.table.kind is TableKind.INDICATORS:
            return "status_override"
        if key in self.table.columns:
            return key
        return None

    def field_spec(self, column: int):
        name = self.edit_field(column)
        return next((f for f in self.table.fields if f.key == name), None) if name else None

    # ---- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        # The base class checks the range by calling rowCount() and columnCount() — two
        # calls into Python for every index the sort/filter proxy asks for. One is enough.
        if (
            0 <= row < len(self.table.keys)
            and 0 <= column < len(self.columns)
            and not parent.isValid()
        ):
            return self.createIndex(row, column)
        return QModelIndex()

    def key_at(self, row: int) -> str:
        return self.table.keys[row]

    def raw_value(self, row: int, column: int) -> Any:
        key = self.table.keys[row]
        spec = self.columns[column]
        values = self.table.rows[key]
        if spec.getter is not None:
            return spec.getter(self.doc, self.table, key, values)
        return values.get(spec.key)

    def display_text(self, row: int, column: int) -> str:
        position = row * self._width + column
        text = self._text.get(position)
        if text is None:
            text = format_value(self.raw_value(row, column), self.columns[column].style)
            self._text[position] = text
        return text

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called about seven times per visible cell per paint: the display text and the
        # cell's style are cached and the rarely asked roles come last.
        if role == _DISPLAY:
            position = index.row() * self._width + index.column()
            text = self._text.get(position)
            if text is None:
                text = self.display_text(index.row(), index.column())
            return text
        if role in _NEVER:
            return None
        slot = _STYLE_SLOTS.get(role)
        if slot is not None:
            position = index.row() * self._width + index.column()
            style = self._style.get(position)
            if style is None:
                style = self._style[position] = self._compute_style(index.row(), index.column())
            return style[slot]
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.EditRole:
            name = self.edit_field(column)
            if name == "status_override":
                return self.display_text(row, column)
            return (
                format_value(self.table.rows[self.table.keys[row]].get(name), "number")
                if name
                else None
            )
        if role == RAW_ROLE:
            return self.raw_value(row, column)
        if role == KEY_ROLE:
            return self.table.keys[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, self.columns[column])
        return None

    def _compute_style(self, row: int, column: int) -> tuple[Any, Any, Any, Any]:
        """(alignment, background, foreground, font) of one cell."""
        spec = self.columns[column]
        if spec.style in ("money", "rate", "number", "integer"):
            align = _RIGHT
        elif spec.style == "center":
            align = _CENTER
        else:
            align = None
        background = self._background(row, column, spec)
        foreground = None
        origin = self._provenance(row, spec)
        if spec.key == "status":
            colour = _STATUS_COLOURS.get(self.display_text(row, column))
            foreground = QBrush(QColor(colour)) if colour else None
        elif spec.key == "_review":
            foreground = QBrush(
                QColor(_REVIEW_COLOURS.get(self.display_text(row, column), "#000000"))
            )
        elif origin == prov.SAMPLE:
            foreground = _SAMPLE_BRUSH
        elif origin == prov.REPORT:
            foreground = _REPORT_BRUSH
        font = self._italic if origin == prov.SAMPLE else None
        return align, background, foreground, font

    def _revision(self, row: int, spec: Column):
        key = self.table.keys[row]
        revision = self.session.revisions.get(self.table.id, key, spec.key)
        if revision is None and spec.key == "status":
            revision = self.session.revisions.get(self.table.id, key, "status_override")
        return revision

    def _background(self, row: int, column: int, spec: Column):
        if self._revision(row, spec) is not None:
            return _CHANGED_BRUSH
        if self.table.kind is TableKind.SUMMARY and spec.key in STATED_FOR:
            stated = self.table.rows[self.table.keys[row]].get(STATED_FOR[spec.key])
            value = self.raw_value(row, column)
            if stated is not None and value is not None and abs(stated - value) > 0.05:
                return _DIFF_BRUSH
        mark = self.table.review.get(self.table.keys[row])
        return _ROW_BRUSHES.get(mark.status) if mark else None

    def _tooltip(self, row: int, column: int, spec: Column) -> str | None:
        lines = [f"{spec.label}：{self.display_text(row, column)}"]
        origin = self._provenance(row, spec)
        if origin:
            lines.append(f"来源：{origin}")
        revision = self._revision(row, spec)
        if revision is not None:
            original = (
                "（空）"
                if revision.original is None
                else format_value(revision.original, spec.style)
            )
            lines.append(f"原值：{original}（{revision.user} 于 {revision.time[11:16]} 修改）")
        if spec.key == "target":
            lines.append(
                "解析："
                + describe_rule(rule_for(self.table.rows[self.table.keys[row]].get("target")))
            )
        if spec.key == "_review":
            comment = self.table.mark(self.table.keys[row]).comment
            if comment:
                lines.append(f"意见：{comment}")
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            spec = self.columns[section]
            if spec.group and self.table.kind is TableKind.SUMMARY:
                return f"{spec.group}·{spec.label}"
            if spec.style == "money" and "（" not in spec.label:
                return f"{spec.label}（亿元）"
            return spec.label
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if self._flags is None or self._flags_read_only != self.session.read_only:
            self._flags_read_only = self.session.read_only
            self._flags = [
                _EDITABLE if self.edit_field(c) and not self.session.read_only else _SELECTABLE
                for c in range(len(self.columns))
            ]
        return self._flags[index.column()]

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        edit = self.edit_for([(index.row(), index.column(), value)])
        return edit is not None and self.session.do(edit)

    # ---- edits -------------------------------------------------------------------------------
    def edit_for(
        self, cells: list[tuple[int, int, Any]], label: str = "修改单元格"
    ) -> SetCells | None:
        """One edit for typed or pasted text in (row, column) cells."""
        return self.edit_for_keys([(self.table.keys[r], c, t) for r, c, t in cells], label)

    def edit_for_keys(
        self, cells: list[tuple[str, int, Any]], label: str = "修改单元格"
    ) -> SetCells | None:
        """One edit for text in (row key, column) cells; None (and the reason on editRejected)
        when any cell cannot take its text — a paste is all or nothing."""
        changes = []
        for key, column, text in cells:
            name = self.edit_field(column)
            spec = self.field_spec(column)
            if name is None or spec is None:
                continue
            parsed = parse_cell(spec, text)
            if not parsed.ok:
                where = self.table.rows[key].get("name") if key in self.table.rows else "新行"
                self.editRejected.emit(f"“{where or key}”：{parsed.error}")
                return None
            changes.append(CellChange(key, name, parsed.value))
        if not changes:
            return None
        return SetCells(self.table.id, tuple(changes), label)

    # ---- helpers ---------------------------------------------------------------------------
    def _provenance(self, row: int, spec: Column) -> str | None:
        if spec.key.startswith("_") or spec.key not in self.table.columns:
            return None
        return self.table.provenance_of(self.table.keys[row], spec.key)

    def _on_document_event(self, event: TableChanged | DocumentReplaced) -> None:
        summary = self.table.kind is TableKind.SUMMARY
        if isinstance(event, TableChanged) and event.table != self.table.id:
            if summary and event.table == self.table.meta.get("source"):
                self._text.clear()
                self._style.clear()
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
            return
        if isinstance(event, DocumentReplaced) or event.structural:
            self.beginResetModel()
            self._text.clear()
            self._style.clear()
            self.endResetModel()
            return
        if event.keys is None:
            self._text.clear()
            self._style.clear()
            rows = list(range(len(self.table.keys)))
        else:
            rows = [self.table.index_of(k) for k in event.keys if k in self.table.rows]
        # Derived columns (status, reason, review) depend on other cells of the row.
        for r in rows:
            for c in range(self._width):
                self._text.pop(r * self._width + c, None)
                self._style.pop(r * self._width + c, None)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1)
            )
        if self.table.kind is TableKind.INDICATORS:
            # A relative target ("与经济增长同步") depends on another row: refresh derived columns.
            derived = {c for c, spec in enumerate(self.columns) if spec.getter is not None}
            self._text = {p: v for p, v in self._text.items() if p % self._width not in derived}
            self._style = {p: v for p, v in self._style.items() if p % self._width not in derived}
