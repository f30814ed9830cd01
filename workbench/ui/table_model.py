"""A Qt table model over a core table: no copy of the data, formatted strings cached.

The model reads rows by key through the core table, turns typed text into typed values with
the column's rules, and sends every change through the session as one core edit addressed by
row key — so sorting and filtering can never misdirect an edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QPolygon

from workbench.core import provenance as prov
from workbench.core.cell_input import parse_cell
from workbench.core.columns import STATED_FOR, Column, under_year_band
from workbench.core.edits import CellChange, SetCells
from workbench.core.events import TableChanged
from workbench.core.indicators import rule_for, status_of
from workbench.core.revisions import last_marked
from workbench.core.schema import TableKind
from workbench.core.summaries import Comparison
from workbench.core.table import Table
from workbench.core.targets import describe_rule
from workbench.core.vocab import (
    CHANGED_FILL,
    COMPUTED_TEXT,
    DISAGREE_FILL,
    NOTE_MARK,
    PROVENANCE_COLOURS,
    REVIEW_COLOURS,
    REVIEW_ROW_FILLS,
    STATUS_COLOURS,
)
from workbench.ui.table_format import computed_rate, format_value, grid_columns, rate_agrees
from workbench.ui.table_order import INDEX_AT_IDLE_ROWS, ShownRows
from workbench.ui.words import core_text, core_word

# Columns whose cells hold one of core's own words (review marks, 约束性/预期性).
_CORE_WORDS = frozenset({"_review", "attribute"})

__all__ = ["KEY_ROLE", "RAW_ROLE", "PlanTableModel", "format_value", "grid_columns"]

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the typed value, for sorting and filtering
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row key
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's review comment (for the corner mark)
DISAGREE_ROLE = Qt.ItemDataRole.UserRole + 4  # a stated figure its own figures contradict

_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_STYLE_SLOTS = {
    Qt.ItemDataRole.TextAlignmentRole: 0,
    Qt.ItemDataRole.BackgroundRole: 1,
    Qt.ItemDataRole.ForegroundRole: 2,
    Qt.ItemDataRole.FontRole: 3,
}
_DECORATION = Qt.ItemDataRole.DecorationRole
_NEVER = frozenset({Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole})
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_SAMPLE_BRUSH = QBrush(QColor(PROVENANCE_COLOURS[prov.SAMPLE]))
_REPORT_BRUSH = QBrush(QColor(PROVENANCE_COLOURS[prov.REPORT]))
_DIFF_BRUSH = QBrush(QColor(DISAGREE_FILL))
_CHANGED_BRUSH = QBrush(QColor(CHANGED_FILL))
_ROW_BRUSHES = {status: QBrush(QColor(fill)) for status, fill in REVIEW_ROW_FILLS.items()}
_STATUS_BRUSHES = {status: QBrush(QColor(c)) for status, c in STATUS_COLOURS.items()}
_REVIEW_BRUSHES = {status: QBrush(QColor(c)) for status, c in REVIEW_COLOURS.items()}
_COMPUTED_BRUSH = QBrush(QColor(COMPUTED_TEXT))


class PlanTableModel(ShownRows, QAbstractTableModel):
    """The grid's model: the rows it shows (sorted, filtered, searched: ShownRows) by key."""

    editRejected = Signal(str)
    searchApplied = Signal()  # a search that waited for the search text index now shows

    def __init__(self, session, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = session.doc
        self.table = table
        self.columns = grid_columns(table, self.doc)
        # The rows as this model last announced them to its views. The core changes the
        # table first and tells us after; the difference between this list and the table's
        # keys gives the real positions for beginInsertRows/beginRemoveRows.
        self._keys: list[str] = list(table.keys)
        self._positions: dict[str, int] | None = None
        # Caches keyed by cell position (row × width + column): one int per lookup, cleared
        # whenever rows move (insert, delete, reset) and per row on cell changes.
        self._width = len(self.columns)
        self._text: dict[int, str] = {}
        self._style: dict[int, tuple[Any, Any, Any, Any]] = {}
        self._flags: list[Qt.ItemFlag] | None = None
        self._flags_read_only = False
        self._review_column = next(
            (i for i, c in enumerate(self.columns) if c.key == "_review"), -1
        )
        self._icon: QIcon | None = None
        self._italic = QFont()  # per model: a module-level QFont outlives QApplication at exit
        self._italic.setItalic(True)
        self._keys_seen: set[str] = set(table.keys)
        self._filter_icons: tuple[QIcon, QIcon] | None = None
        self._init_order()
        self.doc.subscribe(self._on_document_event)

    def detach(self) -> None:
        self.stop_indexing()
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

    def why_read_only(self, column: int) -> str:
        """What to tell someone who types into a cell that cannot take it."""
        spec = self.columns[column]
        if self.session.read_only:
            if self.session.approved is not None:
                return self.session.read_only_reason()
            return self.tr("文件为只读，不能修改")
        if spec.key == "_review":
            return self.tr("“审核”列用 Ctrl+1…4、右键菜单或右侧审核面板设置")
        if spec.key == "_reason":
            return self.tr("“判定依据”由目标和执行情况推算，不能直接修改；请改“目标”或“执行情况”")
        if spec.key in STATED_FOR:
            return self.tr("“按项目明细汇总”各列由项目明细计算，不能直接修改；请改项目表中的行")
        return self.tr("“{label}”是计算列，不能直接修改").format(label=core_word(spec.label))

    # ---- rows by key -----------------------------------------------------------------------
    def key_of(self, row: int) -> str:
        return self._keys[row]

    def _comment_icon(self) -> QIcon:
        """Excel's note mark: a red triangle in the top right corner."""
        if self._icon is None:
            pixmap = QPixmap(10, 14)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(NOTE_MARK))
            painter.drawPolygon(QPolygon([QPoint(2, 0), QPoint(10, 0), QPoint(10, 8)]))
            painter.end()
            self._icon = QIcon(pixmap)
        return self._icon

    def comment_at(self, row: int) -> str:
        return self.table.mark(self._keys[row]).comment

    def row_of(self, key: str) -> int:
        """The model row of a key, or -1 when the key is not (or no longer) shown."""
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self._keys)}
        return self._positions.get(key, -1)

    # ---- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        # The base class checks the range by calling rowCount() and columnCount() — two
        # calls into Python for every index the sort/filter proxy asks for. One is enough.
        if 0 <= row < len(self._keys) and 0 <= column < len(self.columns) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def raw_value(self, row: int, column: int) -> Any:
        return self.cell_value(self._keys[row], column)

    def cell_value(self, key: str, column: int) -> Any:
        """The typed value behind a cell (what sorting and the status-bar sums read)."""
        spec = self.columns[column]
        values = self.table.rows[key]
        if spec.getter is not None:
            return spec.getter(self.doc, self.table, key, values)
        if spec.key == "completion_rate" and values.get("completion_rate") is None:
            return computed_rate(values)  # no stated rate: show what the figures give
        return values.get(spec.key)

    def column_values_of(self, column: int, keys) -> list[Any]:
        """`cell_value` of many rows at once (one pass for a stored column: what a sort of
        100,000 rows reads)."""
        spec = self.columns[column]
        if spec.getter is None and spec.key != "completion_rate":
            rows, name = self.table.rows, spec.key
            return [rows[k].get(name) for k in keys]
        return [self.cell_value(k, column) for k in keys]

    def display_text(self, row: int, column: int) -> str:
        position = row * self._width + column
        text = self._text.get(position)
        if text is None:
            text = self._text[position] = self.cell_text(self._keys[row], column)
        return text

    def cell_text(self, key: str, column: int) -> str:
        """The text a cell shows (what search and AutoFilter compare)."""
        spec = self.columns[column]
        if spec.key == "status" and self.table.kind is TableKind.INDICATORS:
            return self._status_text(key)
        if spec.key == "completion_rate":
            return self._rate_text(key)
        if spec.key in _CORE_WORDS:  # a closed vocabulary of core's: in the window's language
            return core_word(format_value(self.cell_value(key, column), spec.style))
        if spec.key == "_reason":  # core's sentence, rendered in the window's language
            return core_text(self.cell_value(key, column)) or ""
        return format_value(self.cell_value(key, column), spec.style)

    def _status_text(self, key: str) -> str:
        """The effective status; where the department's stated status contradicts what the
        figures now give, both, so a stale "完成" never stands alone beside a missed target."""
        status = status_of(self.table, key, self.doc.policy)
        if self._status_disagrees(status):
            return self.tr("原表{effective}／推算{status}").format(
                effective=core_word(status.effective), status=core_word(status.derived.status)
            )
        return core_word(status.effective) or ""

    @staticmethod
    def _status_disagrees(status) -> bool:
        return status.contradicted

    def _rate_text(self, key: str) -> str:
        values = self.table.rows[key]
        stated, computed = values.get("completion_rate"), computed_rate(values)
        if stated is None:
            return format_value(computed, "rate")
        if not rate_agrees(stated, computed):
            return self.tr("{v}／算{v2}").format(
                v=format_value(stated, "rate"), v2=format_value(computed, "rate")
            )
        return format_value(stated, "rate")

    def disagreement(self, row: int, column: int) -> str | None:
        """Why a stated figure in this cell contradicts its own row, or None."""
        spec = self.columns[column]
        key = self._keys[row]
        if spec.key == "status" and self.table.kind is TableKind.INDICATORS:
            status = status_of(self.table, key, self.doc.policy)
            if self._status_disagrees(status):
                return self.tr(
                    "原表填报“{effective}”，按目标与执行情况推算为“{status}”：{reason}"
                ).format(
                    effective=core_word(status.effective),
                    status=core_word(status.derived.status),
                    reason=core_text(status.derived.reason),
                )
        elif spec.key == "completion_rate":
            values = self.table.rows[key]
            stated, computed = values.get("completion_rate"), computed_rate(values)
            if not rate_agrees(stated, computed):
                return self.tr("原表完成率 {v}%，按完成投资÷年度计划应为 {v2}%").format(
                    v=format_value(stated, "rate"), v2=format_value(computed, "rate")
                )
        elif self.table.kind is TableKind.SUMMARY and spec.key in STATED_FOR:
            stated = self.table.rows[key].get(STATED_FOR[spec.key])
            value = self.raw_value(row, column)
            if not Comparison("", STATED_FOR[spec.key], stated, value).agrees:
                return self.tr("报告所列 {v}，按项目明细汇总为 {v2}").format(
                    v=format_value(stated, spec.style), v2=format_value(value, spec.style)
                )
        return None

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
        if role == _DECORATION:  # a red corner on the 审核 cell of a row with a comment
            if index.column() != self._review_column:
                return None
            mark = self.table.review.get(self._keys[index.row()])
            return self._comment_icon() if mark is not None and mark.comment else None
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
        # Roles asked from Python answer "" rather than None: a None fetched back through Qt
        # (index.data) loses a reference to None in PySide6 6.12.
        if role == COMMENT_ROLE:
            return self.comment_at(row) if self.columns[column].key == "_review" else ""
        if role == Qt.ItemDataRole.EditRole:
            name = self.edit_field(column)
            if name == "status_override":
                return status_of(self.table, self._keys[row], self.doc.policy).effective or ""
            return (
                format_value(self.table.rows[self._keys[row]].get(name), "number").replace(",", "")
                if name
                else ""
            )
        if role == RAW_ROLE:
            return self.raw_value(row, column)
        if role == KEY_ROLE:
            return self._keys[row]
        if role == DISAGREE_ROLE:
            return self.disagreement(row, column) or ""
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
        if spec.key == "status" and self.table.kind is TableKind.INDICATORS:
            status = status_of(self.table, self._keys[row], self.doc.policy)
            foreground = _STATUS_BRUSHES.get(status.shown or "")
        elif spec.key == "_review":
            foreground = _REVIEW_BRUSHES.get(self.display_text(row, column))
        elif spec.key == "completion_rate" and (
            self.table.rows[self._keys[row]].get("completion_rate") is None
        ):
            foreground = _COMPUTED_BRUSH
        elif origin == prov.SAMPLE:
            foreground = _SAMPLE_BRUSH
        elif origin == prov.REPORT:
            foreground = _REPORT_BRUSH
        font = self._italic if origin == prov.SAMPLE else None
        return align, background, foreground, font

    def _revision(self, row: int, spec: Column):
        key = self._keys[row]
        revision = self.session.revisions.get(self.table.id, key, spec.key)
        if revision is None and spec.key == "status":
            revision = self.session.revisions.get(self.table.id, key, "status_override")
        return revision

    def _background(self, row: int, column: int, spec: Column):
        if spec.key in ("status", "completion_rate") or (
            self.table.kind is TableKind.SUMMARY and spec.key in STATED_FOR
        ):
            if self.disagreement(row, column):
                return _DIFF_BRUSH
        if self._revision(row, spec) is not None:
            return _CHANGED_BRUSH
        mark = self.table.review.get(self._keys[row])
        return _ROW_BRUSHES.get(mark.status) if mark else None

    def _tooltip(self, row: int, column: int, spec: Column) -> str | None:
        lines = [f"{core_word(spec.label)}：{self.display_text(row, column)}"]
        origin = self._provenance(row, spec)
        if origin:
            lines.append(self.tr("来源：{origin}").format(origin=origin))
        revision = self._revision(row, spec)
        if revision is not None:
            original = (
                self.tr("（空）")
                if revision.original is None
                else format_value(revision.original, spec.style)
            )
            lines.append(
                self.tr("原值：{original}（{user} 于 {v} 修改）").format(
                    original=original, user=revision.user, v=revision.time[:16].replace("T", " ")
                )
            )
        disagreement = self.disagreement(row, column)
        if disagreement:
            lines.append(disagreement)
        if (
            spec.key == "completion_rate"
            and self.table.rows[self._keys[row]].get("completion_rate") is None
            and self.raw_value(row, column) is not None
        ):
            lines.append(self.tr("原表未填完成率：按完成投资÷年度计划计算"))
        if spec.key == "target":
            lines.append(
                self.tr("解析：")
                + describe_rule(rule_for(self.table.rows[self._keys[row]].get("target")))
            )
        if spec.key == "_review":
            comment = self.table.mark(self._keys[row]).comment
            if comment:
                lines.append(self.tr("意见：{comment}").format(comment=comment))
            marked = last_marked(self.doc, self.table.id, self._keys[row])
            if marked is not None:  # in a team session: which colleague marked it, when
                lines.append(
                    self.tr("{user} 于 {v} 标记").format(
                        user=marked.user, v=marked.time[:16].replace("T", " ")
                    )
                )
        if self.edit_field(column) is None and not spec.key.startswith("_review"):
            lines.append(self.why_read_only(column))
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == _DECORATION and orientation == Qt.Orientation.Horizontal:
            # the AutoFilter button: a grey arrow, a blue funnel once the column is filtered
            if self._filter_icons is None:
                from workbench.ui.grid_filter import filter_icon

                self._filter_icons = (filter_icon(False), filter_icon(True))
            return self._filter_icons[section in self.column_values]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            spec = self.columns[section]
            if spec.group and self.table.kind is TableKind.SUMMARY:
                return f"{core_word(spec.group)}·{core_word(spec.label)}"
            if under_year_band(spec):
                # the grid has one header row: the year band goes into the title, so the base
                # year's 实际 is never read as this year's
                return core_word(f"{spec.group}{spec.label}")
            if spec.style == "money" and "（" not in spec.label:
                return self.tr("{label}（亿元）").format(label=core_word(spec.label))
            return core_word(spec.label)
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
        return self.edit_for_keys([(self._keys[r], c, t) for r, c, t in cells], label)

    def edit_for_keys(
        self, cells: list[tuple[str, int, Any]], label: str = "修改单元格"
    ) -> SetCells | None:
        """One edit for text in (row key, column) cells; None (and the reason on editRejected)
        when any cell cannot take its text — a paste is all or nothing."""
        changes: list[CellChange] = []
        for key, column, text in cells:
            name = self.edit_field(column)
            spec = self.field_spec(column)
            if name is None or spec is None:
                continue
            parsed = parse_cell(spec, text)
            if not parsed.ok:
                where = (
                    self.table.rows[key].get("name") if key in self.table.rows else self.tr("新行")
                )
                self.editRejected.emit(f"“{where or key}”：{parsed.error}")
                return None
            changes.append(CellChange(key, name, parsed.value))
        if not changes:
            return None
        changes.extend(self._carried_rates(changes))
        return SetCells(self.table.id, tuple(changes), label)

    def _carried_rates(self, changes: list[CellChange]) -> list[CellChange]:
        """A project's completion rate follows its completed and planned investment: when the
        stated rate agreed with the old figures, the same edit recomputes it (undone with it).
        A stated rate that already disagreed is left as written and shown beside the figure."""
        if self.table.kind is not TableKind.PROJECTS:
            return []
        touched: dict[str, dict[str, Any]] = {}
        for change in changes:
            if change.column in ("completed", "annual_plan") and change.key in self.table.rows:
                touched.setdefault(change.key, {})[change.column] = change.value
            elif change.column == "completion_rate":
                touched.setdefault(change.key, {})["_rate_typed"] = True
        extra = []
        for key, new in touched.items():
            if new.pop("_rate_typed", False) or not new:
                continue
            old = self.table.rows[key]
            stated = old.get("completion_rate")
            if stated is None or not rate_agrees(stated, computed_rate(old)):
                continue
            rate = computed_rate({**old, **new})
            extra.append(
                CellChange(key, "completion_rate", None if rate is None else round(rate, 1))
            )
        return extra

    # ---- helpers ---------------------------------------------------------------------------
    def _provenance(self, row: int, spec: Column) -> str | None:
        if spec.key.startswith("_") or spec.key not in self.table.columns:
            return None
        return self.table.provenance_of(self._keys[row], spec.key)

    def _clear_caches(self) -> None:
        self._text.clear()
        self._style.clear()
        self._positions = None

    def _refresh_all(self) -> None:
        self._clear_caches()
        if self._keys:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._keys) - 1, self._width - 1)
            )

    def _on_document_event(self, event: TableChanged) -> None:
        summary = self.table.kind is TableKind.SUMMARY
        if event.table in (self.table.id, self.table.meta.source):
            self._generation += 1
        if event.table != self.table.id:
            if summary and event.table == self.table.meta.source:
                self.rows_index.forget_all()
                self._refresh_all()
            return
        if event.structural:
            self.rows_index.forget_all()  # positions moved
            self._sync_rows()
            self._refresh_all()
            if len(self.table) > INDEX_AT_IDLE_ROWS:
                self.start_indexing(restart=True)
            return
        if event.keys is None:
            self.rows_index.forget_all()
            self._refresh_all()
            return
        self.rows_index.forget_keys(event.keys, self.table.keys)
        rows = [r for r in (self.row_of(k) for k in event.keys) if r >= 0]
        # Derived columns (status, reason, review) depend on other cells of the row.
        for r in rows:
            for c in range(self._width):
                self._text.pop(r * self._width + c, None)
                self._style.pop(r * self._width + c, None)
        if self.table.kind is TableKind.INDICATORS:
            # A relative target ("与经济增长同步") depends on another row: refresh derived columns.
            derived = {c for c, spec in enumerate(self.columns) if spec.getter is not None}
            derived |= {c for c, spec in enumerate(self.columns) if spec.key == "status"}
            self.rows_index.forget_columns(derived)
            self._text = {p: v for p, v in self._text.items() if p % self._width not in derived}
            self._style = {p: v for p, v in self._style.items() if p % self._width not in derived}
            if derived and self._keys:
                for c in derived:
                    self.dataChanged.emit(self.index(0, c), self.index(len(self._keys) - 1, c))
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1)
            )
