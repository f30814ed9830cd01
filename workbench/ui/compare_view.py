"""The compare view: the current document's table beside a second file's (a department's
revised submission, a colleague's copy, or this document's other year), merged or side by
side, and the reviewer's accept/reject of each difference.

A thin adapter: alignment, group sums and the edits come from `core.compare`; every accepted
change goes through `Session.do` (the one edit path: undoable, in the change log as
采纳部门修订 with the file's name, provenance 部门报送). The view re-aligns whenever the
document changes, so an undo in the main window shows up here at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.collector import collector_paused
from workbench.core.compare.align import compare_tables
from workbench.core.compare.crosswalk import Crosswalk, SetCrosswalk
from workbench.core.compare.crosswalk_profiles import (
    crosswalk_profile,
    crosswalk_profiles,
    profile_edits,
)
from workbench.core.compare.reconcile import Item, edit_for, items_of
from workbench.core.compare.result import KIND_LABELS, Comparison, RowKind, RowMatch
from workbench.core.compare.yoy import YearLine, year_over_year
from workbench.core.document import PlanDocument
from workbench.core.edits import Compound
from workbench.core.events import TableChanged
from workbench.core.numbers import format_number
from workbench.core.pairing import counterpart
from workbench.core.schema import FieldType
from workbench.core.vocab import (
    COMPARE_ADDED_FILL,
    COMPARE_CHANGED_FILL,
    COMPARE_MISMATCH_FILL,
    COMPARE_REJECTED_TEXT,
    COMPARE_REMOVED_FILL,
    COMPARE_REMOVED_TEXT,
    COMPARE_SUGGESTED_FILL,
    NEW_SERIES,
    OLD_SERIES,
    TARGET_MARK,
)
from workbench.ui.words import core_word

SUGGESTED = RowKind.SUGGESTED
KIND_TEXT = KIND_LABELS
_ADDED_BRUSH = QBrush(QColor(COMPARE_ADDED_FILL))
_REMOVED_BRUSH = QBrush(QColor(COMPARE_REMOVED_FILL))
_REMOVED_TEXT = QBrush(QColor(COMPARE_REMOVED_TEXT))
_CHANGED_BRUSH = QBrush(QColor(COMPARE_CHANGED_FILL))
_SUGGESTED_BRUSH = QBrush(QColor(COMPARE_SUGGESTED_FILL))
_REJECTED_TEXT = QBrush(QColor(COMPARE_REJECTED_TEXT))
_MISMATCH_BRUSH = QBrush(QColor(COMPARE_MISMATCH_FILL))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_NEVER = frozenset(
    {
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    }
)
_TEXT_CACHE = 20_000  # cells; a screenful is a few hundred


class Entry(NamedTuple):
    """One line of the view: an aligned pair, an added row, a removed row or a suggestion."""

    kind: RowKind
    old_key: str | None
    new_key: str | None
    match: RowMatch | None = None


def arrange(comparison: Comparison) -> list[Entry]:
    """Lines in the new table's order; a removed row follows the row it followed in the old
    table; a suggested pair stands where its new row stands."""
    matched = {m.new_key: m for m in comparison.matched}
    suggested_new = {s.new_key: s for s in comparison.suggestions}
    suggested_old = {s.old_key for s in comparison.suggestions}
    added = set(comparison.added)
    lines: list[Entry] = []
    at_old: dict[str, int] = {}  # old key → index of its line
    for key in comparison.new.keys:
        match = matched.get(key)
        if match is not None:
            kind = RowKind.CHANGED if match.changes else RowKind.SAME
            at_old[match.old_key] = len(lines)
            lines.append(Entry(kind, match.old_key, key, match))
        elif key in suggested_new:
            s = suggested_new[key]
            at_old[s.old_key] = len(lines)
            lines.append(Entry(SUGGESTED, s.old_key, key, s))
        elif key in added:
            lines.append(Entry(RowKind.ADDED, None, key))
    removed = set(comparison.removed) - suggested_old
    if not removed:
        return lines
    after: dict[int, list[Entry]] = {}
    previous = -1
    for key in comparison.old.keys:
        if key in removed:
            after.setdefault(previous, []).append(Entry(RowKind.REMOVED, key, None))
        elif key in at_old:
            previous = at_old[key]
    out = list(after.get(-1, []))
    for index, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(index, ()))
    return out


def _fit_headers(view) -> None:
    """Widen any column whose title would be cut (English titles are longer than Chinese)."""
    model, header = view.model(), view.horizontalHeader()
    if model is None:
        return
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        wanted = metrics.horizontalAdvance(str(title or "")) + 20
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)


class CompareModel(QAbstractTableModel):
    """Lines of a comparison. `side` "merged": status, name, then per field old/new/Δ/Δ%
    (numbers) or "old → new" (text); "old"/"new": that side's values only, so two views
    side by side line up row for row."""

    def __init__(self, side: str, parent=None) -> None:
        super().__init__(parent)
        self.side = side
        self.comparison: Comparison | None = None
        self.lines: list[Entry] = []
        self.rejected: set[tuple[str | None, str | None]] = set()
        self._columns: list[tuple[str, str, str]] = []  # (field, part, header)
        self._texts: dict[tuple[int, int], str] = {}  # formatted cells seen on screen

    def set_lines(self, comparison: Comparison, lines: list[Entry], rejected: set) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.lines = lines
        self.rejected = rejected
        self._columns = self._build_columns(comparison)
        self._texts.clear()
        self.endResetModel()

    def _build_columns(self, comparison: Comparison) -> list[tuple[str, str, str]]:
        specs = {f.key: f for f in comparison.new.fields}
        kc = comparison.key_column
        columns: list[tuple[str, str, str]] = []
        if self.side == "merged":
            columns.append(("", "kind", self.tr("状态")))
        columns.append((kc, "value", core_word(specs[kc].label)))
        for name in comparison.fields:
            if name == kc or not _has_values(comparison, name):
                continue
            label = core_word(specs[name].label)
            numeric = specs[name].type in (FieldType.NUMBER, FieldType.INTEGER)
            if self.side != "merged":
                columns.append((name, "value", label))
            elif numeric:
                columns += [
                    (name, "old", self.tr("{label}（旧）").format(label=label)),
                    (name, "new", self.tr("{label}（新）").format(label=label)),
                    (name, "delta", f"{label} Δ"),
                    (name, "pct", f"{label} Δ%"),
                ]
            else:
                columns.append((name, "both", label))
        return columns

    # ---- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][2]
        return str(section + 1)

    def line(self, row: int) -> Entry:
        return self.lines[row]

    def field_at(self, column: int) -> str:
        """The canonical field a column shows ("" for the status column)."""
        return self._columns[column][0] if 0 <= column < len(self._columns) else ""

    def is_rejected(self, line: Entry) -> bool:
        return bool(self.rejected) and (line.old_key, line.new_key) in self.rejected

    def _values(self, line: Entry, name: str) -> tuple[Any, Any]:
        c = self.comparison
        assert c is not None
        old = c.old.rows[line.old_key].get(name) if line.old_key else None
        new = c.new.rows[line.new_key].get(name) if line.new_key else None
        return old, new

    def _changed(self, line: Entry, name: str):
        if line.match is None or line.kind == SUGGESTED:
            return None
        return line.match.change(name)

    def text(self, row: int, column: int) -> str:
        line = self.lines[row]
        name, part, _ = self._columns[column]
        if part == "kind":
            word = core_word(KIND_TEXT[line.kind])
            if line.kind == SUGGESTED:
                word += f" {line.match.score:.2f}" if line.match else ""
            return word + (self.tr("（已拒绝）") if self.is_rejected(line) else "")
        c = self.comparison
        if self.side == "old":
            return _fmt(c.old.rows[line.old_key].get(name)) if line.old_key else ""
        if self.side == "new":
            return _fmt(c.new.rows[line.new_key].get(name)) if line.new_key else ""
        old, new = self._values(line, name)
        change = self._changed(line, name)
        if part == "old":
            return _fmt(old)
        if part == "new":
            return _fmt(new)
        if part in ("delta", "pct"):
            if change is None:
                return ""
            value = change.delta if part == "delta" else change.delta_pct
            if value is None:
                return ""
            text = format_number(round(value, 4 if part == "delta" else 2))
            return ("+" if value > 0 else "") + text + ("%" if part == "pct" else "")
        # text column (and the name): one value, or old → new where it differs
        if line.kind == RowKind.ADDED:
            return _fmt(new)
        if line.kind == RowKind.REMOVED:
            return _fmt(old)
        if change is not None or (line.kind == SUGGESTED and old != new):
            return f"{_fmt(old)} → {_fmt(new)}"
        return _fmt(new)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row, column = index.row(), index.column()
        if row < 0:  # an invalid index
            return None
        if role == _DISPLAY:
            cell = (row, column)
            text = self._texts.get(cell)
            if text is None:
                if len(self._texts) > _TEXT_CACHE:
                    self._texts.clear()
                text = self._texts[cell] = self.text(row, column)
            return text
        if role in _NEVER:
            return None
        line = self.lines[row]
        if line.kind == RowKind.SAME and not self.rejected:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return (
                    _RIGHT if self._columns[column][1] in ("old", "new", "delta", "pct") else None
                )
            return None  # an unchanged line has no colour, strike or tip
        name, part, _ = self._columns[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.kind == RowKind.ADDED and self.side != "old":
                return _ADDED_BRUSH
            if line.kind == RowKind.REMOVED and self.side != "new":
                return _REMOVED_BRUSH
            if line.kind == SUGGESTED:
                return _SUGGESTED_BRUSH
            if part != "kind" and self._changed(line, name) is not None:
                return _CHANGED_BRUSH
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_rejected(line):
                return _REJECTED_TEXT
            if line.kind == RowKind.REMOVED:
                return _REMOVED_TEXT
            return None
        if role == Qt.ItemDataRole.FontRole:
            if line.kind == RowKind.REMOVED and self.side != "new" and part != "kind":
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if part in ("old", "new", "delta", "pct") else None
        if role == Qt.ItemDataRole.ToolTipRole:
            change = self._changed(line, name) if part != "kind" else None
            if change is not None:
                return self.tr("原值：{v}\n新值：{v2}").format(
                    v=_fmt(change.old), v2=_fmt(change.new)
                )
        return None


class YearModel(QAbstractTableModel):
    """附件一 beside 附件二, indicator by indicator: last target, actual, next target, step,
    and whether 附件二's base restates 附件一's actual."""

    HEADERS = (
        QT_TRANSLATE_NOOP("YearModel", "状态"),
        QT_TRANSLATE_NOOP("YearModel", "类别"),
        QT_TRANSLATE_NOOP("YearModel", "指标名称"),
        QT_TRANSLATE_NOOP("YearModel", "单位"),
        QT_TRANSLATE_NOOP("YearModel", "上年目标"),
        QT_TRANSLATE_NOOP("YearModel", "上年实际"),
        QT_TRANSLATE_NOOP("YearModel", "下年目标"),
        QT_TRANSLATE_NOOP("YearModel", "步长"),
        QT_TRANSLATE_NOOP("YearModel", "附件二上年数"),
        QT_TRANSLATE_NOOP("YearModel", "衔接"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[YearLine] = []

    def set_lines(self, lines: list[YearLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr(self.HEADERS[section])
            if orientation == Qt.Orientation.Horizontal
            else str(section + 1)
        )

    def text(self, row: int, column: int) -> str:
        line = self.lines[row]
        if column == 0:
            return {RowKind.ADDED: self.tr("新增指标"), RowKind.REMOVED: self.tr("不再列入")}.get(
                line.kind, ""
            )
        if column == 2:
            renamed = line.old_name and line.old_name != line.name
            return f"{line.old_name} → {line.name}" if renamed else line.name
        if column == 7:
            if line.step is None:
                return ""
            word = self.tr("个百分点") if line.unit == "%" else (line.unit or "")
            return ("+" if line.step > 0 else "") + format_number(round(line.step, 4)) + word
        if column == 9:
            return {True: self.tr("一致"), False: self.tr("不一致"), None: ""}[line.base_agrees]
        value = (
            None,
            line.category,
            None,
            line.unit,
            line.last_target,
            line.actual,
            line.next_target,
            None,
            line.base,
        )[column]
        return _fmt(value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.column() in (8, 9) and line.base_agrees is False:
                return _MISMATCH_BRUSH
            if line.kind == RowKind.ADDED:
                return _ADDED_BRUSH
            if line.kind == RowKind.REMOVED:
                return _REMOVED_BRUSH
        if (
            role == Qt.ItemDataRole.FontRole
            and line.kind == RowKind.REMOVED
            and index.column() == 2
        ):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 7, 8):
            return _RIGHT
        return None


def _has_values(comparison: Comparison, name: str) -> bool:
    """Whether either table has any value in a column (empty columns are not shown)."""
    return any(r.get(name) not in (None, "") for r in comparison.new.rows.values()) or any(
        r.get(name) not in (None, "") for r in comparison.old.rows.values()
    )


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


class CompareView(QWidget):
    """A window comparing a table of the current document (old) with a table of another
    document (new); accepting writes the new values into the current document."""

    def __init__(
        self,
        session,
        other: PlanDocument,
        other_name: str,
        *,
        old_table: str | None = None,
        new_table: str | None = None,
        reconcile: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.other = other
        self.other_name = other_name
        self.can_reconcile = reconcile
        self.comparison: Comparison | None = None
        self.rejected: set[tuple[str | None, str | None]] = set()
        self.setWindowTitle(self.tr("比较：{other_name}").format(other_name=other_name))
        self.resize(1200, 720)

        self.old_combo = QComboBox(self)
        for table in session.doc.tables.values():
            self.old_combo.addItem(table.sheet_name, table.id)
        self.new_combo = QComboBox(self)
        for table in other.tables.values():
            self.new_combo.addItem(table.sheet_name, table.id)
        self._select(self.old_combo, old_table)
        self._select(self.new_combo, new_table or self._counterpart())
        self.merged_button = QRadioButton(self.tr("合并(&M)"), self)
        self.side_button = QRadioButton(self.tr("并排(&S)"), self)
        self.year_button = QRadioButton(self.tr("指标对照(&Y)"), self)
        self.year_button.setToolTip(
            self.tr("附件一与附件二逐项对照：上年目标、实际、下年目标、步长")
        )
        self.merged_button.setChecked(True)
        modes = QButtonGroup(self)
        for button in (self.merged_button, self.side_button, self.year_button):
            modes.addButton(button)
        self.only_changes = QCheckBox(self.tr("只看差异(&D)"), self)
        self.counts_label = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("当前文档："), self))
        top.addWidget(self.old_combo)
        top.addWidget(QLabel(self.tr("对比 {other_name}：").format(other_name=other_name), self))
        top.addWidget(self.new_combo)
        top.addStretch(1)
        top.addWidget(self.merged_button)
        top.addWidget(self.side_button)
        top.addWidget(self.year_button)
        top.addWidget(self.only_changes)

        self.merged_model = CompareModel("merged", self)
        self.old_model = CompareModel("old", self)
        self.new_model = CompareModel("new", self)
        self.merged_grid = self._grid(self.merged_model)
        self.old_grid = self._grid(self.old_model)
        self.new_grid = self._grid(self.new_model)
        side = QSplitter(Qt.Orientation.Horizontal, self)
        side.addWidget(self.old_grid)
        side.addWidget(self.new_grid)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.merged_grid)
        self.stack.addWidget(side)
        self.year_model = YearModel(self)
        self.year_grid = QTableView(self)
        self.year_grid.setModel(self.year_model)
        self.year_grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.year_grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.year_grid.verticalHeader().setDefaultSectionSize(24)
        self.stack.addWidget(self.year_grid)
        # synchronised grids: one scroll position, one selected line
        bars = (self.old_grid.verticalScrollBar(), self.new_grid.verticalScrollBar())
        bars[0].valueChanged.connect(bars[1].setValue)
        bars[1].valueChanged.connect(bars[0].setValue)
        self.old_grid.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._follow(self.new_grid, cur.row())
        )
        self.new_grid.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._follow(self.old_grid, cur.row())
        )

        self.groups = QTreeWidget(self)
        self.groups.setRootIsDecorated(False)
        self.groups.setHeaderLabels(
            [
                self.tr("分组"),
                self.tr("行数 旧→新"),
                self.tr("金额 旧→新"),
                "Δ",
                self.tr("新增"),
                self.tr("删除"),
                self.tr("修改"),
            ]
        )

        self.accept_button = QPushButton(self.tr("采纳(&A)"), self)
        self.reject_button = QPushButton(self.tr("拒绝(&R)"), self)
        self.accept_group_button = QPushButton(self.tr("采纳本组(&G)"), self)
        self.accept_all_button = QPushButton(self.tr("全部采纳"), self)
        self.undo_button = QPushButton(self.tr("撤销(&U)"), self)
        self.crosswalk_button = QPushButton(self.tr("对照表(&W)…"), self)
        self.crosswalk_button.clicked.connect(self.edit_crosswalk)
        self.series_button = QPushButton(self.tr("多年序列(&N)…"), self)
        self.series_button.setToolTip(self.tr("再选几个年度的计划文件，逐项看历年实际与下年目标"))
        self.series_button.clicked.connect(self.open_series)
        self.crosswalk_editor: CrosswalkEditor | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.crosswalk_button)
        buttons.addWidget(self.series_button)
        buttons.addWidget(self.counts_label, 1)
        for button in (
            self.accept_button,
            self.reject_button,
            self.accept_group_button,
            self.accept_all_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
            # undo stays: crosswalk edits are possible in any comparison
            button.setEnabled(reconcile or button is self.undo_button)
        self.accept_action = self._shortcut(self.tr("采纳"), self.accept_selected, "Ctrl+Return")
        self.reject_action = self._shortcut(self.tr("拒绝"), self.reject_selected, "Ctrl+Backspace")
        self.accept_cell_action = self._shortcut(
            self.tr("只采纳当前单元格"), self.accept_current_cell, "Ctrl+Shift+Return"
        )

        self.canvas = None
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.groups)
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 2.4), dpi=96))
            bottom.addWidget(self.canvas)
            bottom.setStretchFactor(0, 3)
            bottom.setStretchFactor(1, 2)
        except ImportError:  # pragma: no cover - matplotlib is a dependency; the table suffices
            pass
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.stack)
        lower.addWidget(bottom)
        lower.setSizes([430, 250])
        lower.setStretchFactor(0, 4)
        lower.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(lower, 1)
        layout.addLayout(buttons)

        self.old_combo.currentIndexChanged.connect(self.recompare)
        self.new_combo.currentIndexChanged.connect(self.recompare)
        modes.buttonToggled.connect(self._mode_changed)
        self.only_changes.toggled.connect(self.refresh)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_group_button.clicked.connect(self.accept_group)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.undo_button.clicked.connect(self.undo)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.recompare)
        session.doc.subscribe(self._on_document)
        # crosswalk edits change no table; any step done or undone may change the alignment
        session.changed.connect(self._pending.start)
        session.destroyed.connect(self.close)  # the window opened another document
        self.recompare()

    # ---- building -------------------------------------------------------------------------
    def _grid(self, model: CompareModel) -> QTableView:
        grid = QTableView(self)
        grid.setModel(model)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setAlternatingRowColors(False)
        grid.verticalHeader().setDefaultSectionSize(24)
        grid.horizontalHeader().setDefaultSectionSize(110)
        return grid

    def _shortcut(self, text: str, slot, key: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setEnabled(self.can_reconcile)
        self.addAction(action)
        return action

    @staticmethod
    def _select(combo: QComboBox, table_id: str | None) -> None:
        if table_id is not None:
            index = combo.findData(table_id)
            if index >= 0:
                combo.setCurrentIndex(index)

    def _counterpart(self) -> str | None:
        """The other document's table most like the current one (core/pairing)."""
        table = self.session.doc.tables.get(self.old_combo.currentData())
        if table is None:
            return None
        found = counterpart(table, self.other.tables.values())  # the rule `diff` uses too
        return found.id if found is not None else None

    def _follow(self, grid: QTableView, row: int) -> None:
        if row >= 0 and grid.currentIndex().row() != row:
            grid.selectRow(row)

    # ---- comparing --------------------------------------------------------------------------
    def _on_document(self, event) -> None:
        if not isinstance(event, TableChanged) or event.table == self.old_combo.currentData():
            self._pending.start()

    def recompare(self) -> None:
        old = self.session.doc.tables.get(self.old_combo.currentData())
        new = self.other.tables.get(self.new_combo.currentData())
        if old is None or new is None:
            return
        try:
            comparison = compare_tables(
                old, new, crosswalk=Crosswalk.of(self.session.doc), accept_threshold=None
            )
        except ValueError as exc:
            self.comparison = None
            self.counts_label.setText(str(exc))
            for model in (self.merged_model, self.old_model, self.new_model):
                model.beginResetModel()
                model.lines = []
                model.endResetModel()
            return
        for old_key, new_key in list(self.rejected):
            if any((s.old_key, s.new_key) == (old_key, new_key) for s in comparison.suggestions):
                comparison.reject_suggestion(old_key, new_key)
        self.comparison = comparison
        self.refresh()

    def refresh(self) -> None:
        if self.comparison is None:
            return
        grid = self.active_grid()
        row = grid.currentIndex().row()
        with collector_paused():  # 100k fresh line tuples, none of them garbage
            lines = arrange(self.comparison)
        if self.only_changes.isChecked():
            lines = [line for line in lines if line.kind != RowKind.SAME]
        for model in (self.merged_model, self.old_model, self.new_model):
            model.set_lines(self.comparison, lines, self.rejected)
        if lines and row >= 0:
            grid.selectRow(min(row, len(lines) - 1))
        for view in (self.merged_grid, self.old_grid, self.new_grid):
            name_column = 1 if view is self.merged_grid else 0
            view.setColumnWidth(name_column, 240)
            _fit_headers(view)
        self._show_counts()
        self._show_groups()
        self._show_years()

    def _show_counts(self) -> None:
        assert self.comparison is not None
        counts = self.comparison.counts()
        parts = [f"{core_word(KIND_TEXT[k])} {counts[k]}" for k in RowKind]
        if self.rejected:
            parts.append(self.tr("已拒绝 {n_rejected}").format(n_rejected=len(self.rejected)))
        self.counts_label.setText("　".join(parts))

    def _show_years(self) -> None:
        assert self.comparison is not None
        c = self.comparison
        both = c.old.kind == c.new.kind == "indicators"
        self.year_button.setEnabled(both)
        if not both:
            if self.year_button.isChecked():
                self.merged_button.setChecked(True)
            self.year_model.set_lines([])
            return
        self.year_model.set_lines(year_over_year(c.old, c.new, c.crosswalk))
        self.year_grid.setColumnWidth(2, 260)
        _fit_headers(self.year_grid)

    def _money_pair(self) -> tuple[str | None, str | None, str, str]:
        """Which sums to set side by side: the same field in both versions; last year's
        completed investment beside next year's plan when the new table has no completions
        (a year-over-year comparison of project lists)."""
        c = self.comparison
        assert c is not None
        groups = c.groups()
        if not groups or not groups[0].sums_new:
            return None, None, "", ""

        def has(side: str, name: str) -> bool:
            return any(getattr(g, side).get(name) is not None for g in groups)

        if has("sums_old", "completed") and not has("sums_new", "completed"):
            if has("sums_new", "annual_plan"):
                return (
                    "completed",
                    "annual_plan",
                    self.tr("完成投资（旧）"),
                    self.tr("年度计划投资（新）"),
                )
        for name, label in (
            ("annual_plan", self.tr("年度计划投资")),
            ("completed", self.tr("完成投资")),
        ):
            if has("sums_old", name) or has("sums_new", name):
                return (
                    name,
                    name,
                    self.tr("{label}（旧）").format(label=label),
                    self.tr("{label}（新）").format(label=label),
                )
        return None, None, "", ""

    def _show_groups(self) -> None:
        assert self.comparison is not None
        old_field, new_field, old_label, new_label = self._money_pair()
        self.groups.clear()
        self.groups.setHeaderLabels(
            [
                self.tr("分组"),
                self.tr("行数 旧→新"),
                old_label or self.tr("金额（旧）"),
                new_label or self.tr("金额（新）"),
                "Δ",
                self.tr("新增"),
                self.tr("删除"),
                self.tr("修改"),
            ]
        )
        header = self.groups.header()
        for column in range(1, self.groups.columnCount()):  # titles are longer in English
            text = self.groups.headerItem().text(column)
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(text) + 24)
        names, olds, news = [], [], []
        for g in self.comparison.groups():
            old_sum = g.sums_old.get(old_field) if old_field else None
            new_sum = g.sums_new.get(new_field) if new_field else None
            delta = None if old_sum is None and new_sum is None else (new_sum or 0) - (old_sum or 0)
            name = g.group + (
                self.tr("（含原“{v}”）").format(v="、".join(g.old_names)) if g.old_names else ""
            )
            item = QTreeWidgetItem(
                [
                    name,
                    f"{g.count_old}→{g.count_new}",
                    _fmt(_round(old_sum)),
                    _fmt(_round(new_sum)),
                    ("+" if (delta or 0) > 0 else "") + _fmt(_round(delta)) if old_field else "",
                    str(g.added),
                    str(g.removed),
                    str(g.changed),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, g.group)
            self.groups.addTopLevelItem(item)
            names.append(g.group)
            olds.append(old_sum or 0.0)
            news.append(new_sum or 0.0)
        self._draw_chart(names, olds, news, old_label, new_label)

    def _draw_chart(self, names, olds, news, old_label: str, new_label: str) -> None:
        """Change by group: old and new sums as paired horizontal bars."""
        if self.canvas is None:
            return
        import matplotlib as mpl

        from workbench.charts.fonts import chart_rc

        mpl.rcParams.update(chart_rc())
        figure = self.canvas.figure
        figure.clear()
        if not old_label or not names:
            figure.text(0.5, 0.5, self.tr("此表没有可汇总的金额"), ha="center", va="center")
            self.canvas.draw_idle()
            return
        axes = figure.add_subplot(111)
        positions = range(len(names))
        axes.bar([p - 0.2 for p in positions], olds, width=0.4, label=old_label, color=OLD_SERIES)
        axes.bar([p + 0.2 for p in positions], news, width=0.4, label=new_label, color=NEW_SERIES)
        axes.set_xticks(list(positions), names, fontsize=7, rotation=20, ha="right")
        axes.tick_params(axis="y", labelsize=7)
        axes.set_ylabel(self.tr("亿元"), fontsize=8)
        axes.legend(fontsize=7, frameon=False)
        axes.set_title(self.tr("按分组的变化"), fontsize=9)
        figure.tight_layout(pad=0.4)
        self.canvas.draw_idle()

    # ---- what the user sees -----------------------------------------------------------------
    def active_grid(self) -> QTableView:
        if self.stack.currentIndex() != 1:
            return self.merged_grid
        return self.new_grid if self.new_grid.hasFocus() else self.old_grid

    def _mode_changed(self, *_args) -> None:
        row = self.active_grid().currentIndex().row()
        page = 0 if self.merged_button.isChecked() else 1 if self.side_button.isChecked() else 2
        self.stack.setCurrentIndex(page)
        if row >= 0 and page < 2:
            self.active_grid().selectRow(row)

    def selected_lines(self) -> list[Entry]:
        grid = self.active_grid()
        model: CompareModel = grid.model()  # type: ignore[assignment]
        rows = sorted({i.row() for i in grid.selectionModel().selectedRows()})
        if not rows and grid.currentIndex().isValid():
            rows = [grid.currentIndex().row()]
        return [model.line(r) for r in rows if r < len(model.lines)]

    # ---- reconcile ----------------------------------------------------------------------------
    def _do(self, edit) -> bool:
        if edit is None:
            return False
        if not self.session.do(edit, reason=self.other_name):
            QMessageBox.warning(
                self, self.tr("无法采纳"), self.tr("当前文档为只读，或修改未通过校验")
            )
            return False
        return True

    def _items(self, lines: list[Entry]) -> tuple[list[Item], list[Entry]]:
        items: list[Item] = []
        suggestions: list[Entry] = []
        for line in lines:
            if (line.old_key, line.new_key) in self.rejected:
                continue
            if line.kind == SUGGESTED:
                suggestions.append(line)
            elif line.kind in (RowKind.CHANGED, RowKind.ADDED, RowKind.REMOVED):
                items.append(Item(RowKind(line.kind), line.old_key, line.new_key))
        return items, suggestions

    def accept_selected(self) -> None:
        """Accept the selected lines: one undo step. A suggested pair is accepted as a
        crosswalk entry (old name → new name), after which its changes can be accepted."""
        if not self.can_reconcile or self.comparison is None:
            return
        items, suggestions = self._items(self.selected_lines())
        if suggestions:
            c = self.comparison
            edits = tuple(
                SetCrosswalk(
                    "name",
                    str(c.old.rows[s.old_key].get(c.key_column)),
                    str(c.new.rows[s.new_key].get(c.key_column)),
                    label="确认同一行",
                )
                for s in suggestions
            )
            self._do(edits[0] if len(edits) == 1 else Compound(edits, "确认同一行"))
            return
        self._do(edit_for(self.comparison, items))

    def accept_current_cell(self) -> None:
        """Accept one change: the field under the cursor of the current line (Ctrl+Shift+Enter),
        leaving the line's other changes pending."""
        if not self.can_reconcile or self.comparison is None:
            return
        grid = self.active_grid()
        index = grid.currentIndex()
        model: CompareModel = grid.model()  # type: ignore[assignment]
        if not index.isValid() or index.row() >= len(model.lines):
            return
        line = model.line(index.row())
        field = model.field_at(index.column())
        if (
            line.kind != RowKind.CHANGED
            or not field
            or (line.old_key, line.new_key) in self.rejected
        ):
            return
        if line.match is None or line.match.change(field) is None:
            return
        self._do(
            edit_for(self.comparison, [Item(RowKind.CHANGED, line.old_key, line.new_key, field)])
        )

    def reject_selected(self) -> None:
        """Keep the document's values for the selected lines; a rejected suggestion is two
        different rows."""
        for line in self.selected_lines():
            if line.kind in (RowKind.CHANGED, RowKind.ADDED, RowKind.REMOVED, SUGGESTED):
                self.rejected.add((line.old_key, line.new_key))
        self.recompare()

    def selected_group(self) -> str | None:
        item = self.groups.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def accept_group(self) -> None:
        group = self.selected_group()
        if group is None or self.comparison is None:
            return
        items = [
            i
            for i in items_of(self.comparison, group)
            if (i.old_key, i.new_key) not in self.rejected
        ]
        self._do(edit_for(self.comparison, items))

    def accept_all(self) -> None:
        if self.comparison is None:
            return
        items = [
            i for i in items_of(self.comparison) if (i.old_key, i.new_key) not in self.rejected
        ]
        self._do(edit_for(self.comparison, items))

    def undo(self) -> None:
        self.session.undo()

    def open_series(self, paths: list[Path] | None = None):
        window = self.parent()
        return open_series(window, paths if isinstance(paths, list) else None)

    def edit_crosswalk(self) -> CrosswalkEditor:
        if self.crosswalk_editor is None:
            self.crosswalk_editor = CrosswalkEditor(self.session, self)
        self.crosswalk_editor.show()
        self.crosswalk_editor.raise_()
        return self.crosswalk_editor

    def closeEvent(self, event) -> None:
        try:
            self.session.doc.unsubscribe(self._on_document)
        except RuntimeError:  # the session is already gone
            pass
        super().closeEvent(event)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class CrosswalkEditor(QWidget):
    """The document's crosswalk as a table: old name, new name (empty: no successor), kind.
    Every change is a SetCrosswalk edit through the session, so it is undoable and saved
    with the document."""

    KINDS = {
        "sector": QT_TRANSLATE_NOOP("CrosswalkEditor", "板块/领域"),
        "name": QT_TRANSLATE_NOOP("CrosswalkEditor", "名称"),
    }

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from PySide6.QtWidgets import QTableWidget

        self.session = session
        self.setWindowTitle(self.tr("对照表（更名与归并）"))
        self.resize(560, 360)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("原名称"), self.tr("新名称（空为无对应）")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 200)
        self.kind_combo = QComboBox(self)
        for key, label in self.KINDS.items():
            self.kind_combo.addItem(self.tr(label), key)
        from PySide6.QtWidgets import QLineEdit

        self.old_edit = QLineEdit(self)
        self.old_edit.setPlaceholderText(self.tr("原名称"))
        self.new_edit = QLineEdit(self)
        self.new_edit.setPlaceholderText(self.tr("新名称（空为无对应）"))
        self.add_button = QPushButton(self.tr("添加/修改(&A)"), self)
        self.remove_button = QPushButton(self.tr("删除所选(&D)"), self)
        row = QHBoxLayout()
        for widget in (self.kind_combo, self.old_edit, self.new_edit, self.add_button):
            row.addWidget(widget)
        # A region's renames between two years (resources/crosswalks/), added when picked.
        self.profile_combo = QComboBox(self)
        try:
            for profile in crosswalk_profiles():
                self.profile_combo.addItem(profile.title, profile.name)
                index = self.profile_combo.count() - 1
                self.profile_combo.setItemData(index, profile.source, Qt.ItemDataRole.ToolTipRole)
        except ValueError:  # a damaged profile file: the other ways to edit still work
            self.profile_combo.clear()
        self.profile_button = QPushButton(self.tr("套用地区方案(&P)"), self)
        self.profile_button.setEnabled(self.profile_combo.count() > 0)
        profiles = QHBoxLayout()
        profiles.addWidget(QLabel(self.tr("地区方案："), self))
        profiles.addWidget(self.profile_combo, 1)
        profiles.addWidget(self.profile_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)
        layout.addLayout(profiles)
        self.profile_button.clicked.connect(self.apply_profile)
        self.add_button.clicked.connect(self.add_entry)
        self.new_edit.returnPressed.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._item_changed)
        session.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        walk = Crosswalk.of(self.session.doc)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for kind in self.KINDS:
            for old, new in walk.entries(kind).items():
                row = self.table.rowCount()
                self.table.insertRow(row)
                label = QTableWidgetItem(self.tr(self.KINDS[kind]))
                label.setData(Qt.ItemDataRole.UserRole, kind)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                old_item = QTableWidgetItem(old)
                old_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, 0, label)
                self.table.setItem(row, 1, old_item)
                self.table.setItem(row, 2, QTableWidgetItem(new or ""))
        self.table.blockSignals(False)

    def _entry(self, row: int) -> tuple[str, str]:
        return self.table.item(row, 0).data(Qt.ItemDataRole.UserRole), self.table.item(
            row, 1
        ).text()

    def _item_changed(self, item) -> None:
        if item.column() != 2:
            return
        kind, old = self._entry(item.row())
        self.session.do(SetCrosswalk(kind, old, item.text().strip() or None))

    def add_entry(self) -> None:
        old = self.old_edit.text().strip()
        if not old:
            return
        kind = self.kind_combo.currentData()
        if self.session.do(SetCrosswalk(kind, old, self.new_edit.text().strip() or None)):
            self.old_edit.clear()
            self.new_edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        edits = tuple(SetCrosswalk(*self._entry(r), remove=True) for r in rows)
        if edits:
            self.session.do(edits[0] if len(edits) == 1 else Compound(edits, "修改对照表"))

    def apply_profile(self) -> None:
        """The picked region's renames into the document's crosswalk, as one undoable step."""
        name = self.profile_combo.currentData()
        if not name:
            return
        edits = tuple(profile_edits(crosswalk_profile(name)))
        if edits:
            self.session.do(Compound(edits, "修改对照表"))


# ---- opening from the main window ---------------------------------------------------------------
FILE_FILTER = QT_TRANSLATE_NOOP(
    "main_window",
    "计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)",
)


def compare_file(window, path: Path | None = None) -> CompareView | None:
    """文件 → 比较…: open a second file into a compare view; the current document stays."""
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    if window.session is None:
        return None
    if path is None:
        start = str(window.session.path.parent) if window.session.path else ""
        name, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("compare_view", "选择要比较的文件"),
            start,
            QCoreApplication.translate("main_window", FILE_FILTER),
        )
        if not name:
            return None
        path = Path(name)
    from workbench.ui.long_task import Cancelled, run_long

    try:
        other = run_long(
            window,
            QCoreApplication.translate("compare_view", "正在读取“{name}”").format(
                name=Path(path).name
            ),
            lambda: open_document(path),
        )
    except Cancelled:
        window.show_message(QCoreApplication.translate("compare_view", "已取消比较"))
        return None
    except FileProblem as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("compare_view", "无法比较"), str(exc)
        )
        return None
    view = CompareView(
        window.session, other, Path(path).name, old_table=window.current_table_id(), parent=window
    )
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view


def compare_years(window) -> CompareView | None:
    """This year's execution beside next year's plan (附件一 / 附件二), in one document."""
    if window.session is None:
        return None
    doc = window.session.doc
    current = doc.tables.get(window.current_table_id() or "")
    kind = current.kind if current is not None else None
    same_kind = sorted(
        (t for t in doc.tables.values() if kind is None or t.kind == kind),
        key=lambda t: t.year or 0,
    )
    if len(same_kind) < 2:
        window.show_message(
            QCoreApplication.translate("compare_view", "文档中没有两个年度的同类表可比较")
        )
        return None
    view = CompareView(
        window.session,
        doc,
        QCoreApplication.translate("compare_view", "本文档"),
        old_table=same_kind[0].id,
        new_table=same_kind[-1].id,
        reconcile=False,
        parent=window,
    )
    view.setWindowTitle(
        QCoreApplication.translate("compare_view", "年度对比：{sheet_name} / {sheet_name2}").format(
            sheet_name=same_kind[0].sheet_name, sheet_name2=same_kind[-1].sheet_name
        )
    )
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view


# ---- several years ------------------------------------------------------------------------------
class SeriesModel(QAbstractTableModel):
    """Indicators as yearly series: name, unit, one column per year, next target, the flag;
    the last column holds the values for the sparkline delegate."""

    def __init__(self, frame, years: list[int], parent=None) -> None:
        super().__init__(parent)
        self.frame = frame
        self.years = years
        self.headers = [
            self.tr("指标名称"),
            self.tr("单位"),
            *[self.tr("{y}年").format(y=y) for y in years],
            self.tr("下年目标"),
            self.tr("提示"),
            self.tr("走势"),
        ]
        self._rows = [
            (
                row["name"],
                row["unit"],
                [None if _missing(row[y]) else float(row[y]) for y in years],
                None if _missing(row["next_target"]) else float(row["next_target"]),
                None if _missing(row["flag"]) else row["flag"],
            )
            for _, row in frame.iterrows()
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        )

    def series(self, row: int) -> tuple[list[float | None], float | None]:
        _, _, values, target, _ = self._rows[row]
        return values, target

    def text(self, row: int, column: int) -> str:
        name, unit, values, target, flag = self._rows[row]
        n = len(self.years)
        if column == 0:
            return name
        if column == 1:
            return unit or ""
        if 2 <= column < 2 + n:
            return _fmt(values[column - 2])
        if column == 2 + n:
            return _fmt(target)
        if column == 3 + n:
            return flag or ""
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() < 3 + len(self.years):
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3 + len(self.years):
            return _MISMATCH_BRUSH if self._rows[index.row()][4] else None
        return None


def _missing(value: Any) -> bool:
    return value is None or value != value  # NaN


class SparklineDelegate:
    """Draws a row's yearly actuals as a small line, and the next target as a dot."""

    @staticmethod
    def make(model: SeriesModel, parent):
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPainter, QPen
        from PySide6.QtWidgets import QStyledItemDelegate

        class _Delegate(QStyledItemDelegate):
            def paint(self, painter: QPainter, option, index) -> None:
                values, target = model.series(index.row())
                points = [(i, v) for i, v in enumerate(values) if v is not None]
                if target is not None:
                    points_all = [*points, (len(values), target)]
                else:
                    points_all = points
                if len(points_all) < 2:
                    return
                low = min(v for _, v in points_all)
                high = max(v for _, v in points_all)
                span = (high - low) or 1.0
                rect = option.rect.adjusted(6, 4, -6, -4)
                steps = max(1, len(values))

                def at(i: int, v: float) -> QPointF:
                    x = rect.left() + rect.width() * i / steps
                    y = rect.bottom() - rect.height() * (v - low) / span
                    return QPointF(x, y)

                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(QColor(NEW_SERIES), 1.5))
                for (i, a), (j, b) in zip(points, points[1:], strict=False):
                    painter.drawLine(at(i, a), at(j, b))
                if target is not None:
                    painter.setPen(QPen(QColor(TARGET_MARK), 1))
                    painter.setBrush(QColor(TARGET_MARK))
                    painter.drawEllipse(at(len(values), target), 2.5, 2.5)
                painter.restore()

        return _Delegate(parent)


class SeriesView(QWidget):
    """Several years of one document family: each indicator as a series with a small line,
    next year's target as a red dot, and a note where the target lies below (or above) each
    of the last three actuals."""

    def __init__(self, years, crosswalk: Crosswalk, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from workbench.core.compare.series import indicator_series

        self.frame = indicator_series(years, crosswalk)
        ordered = sorted({y for y, _ in years})
        self.setWindowTitle(self.tr("多年序列：{v}—{v2}年").format(v=ordered[0], v2=ordered[-1]))
        self.resize(1100, 640)
        self.model = SeriesModel(self.frame, ordered, self)
        self.grid = QTableView(self)
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.verticalHeader().setDefaultSectionSize(26)
        spark = self.model.columnCount() - 1
        self.grid.setItemDelegateForColumn(spark, SparklineDelegate.make(self.model, self.grid))
        self.grid.setColumnWidth(0, 260)
        self.grid.setColumnWidth(spark, 140)
        self.grid.horizontalHeader().setStretchLastSection(True)
        flagged = sum(1 for _, row in self.frame.iterrows() if not _missing(row["flag"]))
        self.summary = QLabel(
            self.tr(
                "{n_frame} 项指标，{n_ordered} 个年度；{flagged} 项下年目标在近三年实际之外"
            ).format(n_frame=len(self.frame), n_ordered=len(ordered), flagged=flagged),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)


def open_series(window, paths: list[Path] | None = None) -> SeriesView | None:
    """The current document's indicator tables and those of the chosen files, by year."""
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    if window.session is None:
        return None
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(
            window,
            QCoreApplication.translate("compare_view", "选择其他年度的计划文件"),
            "",
            QCoreApplication.translate("main_window", FILE_FILTER),
        )
        if not names:
            return None
        paths = [Path(n) for n in names]
    docs = [window.session.doc]
    for path in paths:
        try:
            docs.append(open_document(path))
        except FileProblem as exc:
            QMessageBox.warning(
                window, QCoreApplication.translate("compare_view", "无法打开"), str(exc)
            )
            return None
    by_year: dict[int, Any] = {}
    for doc in docs:
        for table in doc.tables.values():
            if table.kind != "indicators" or not table.year:
                continue
            actuals = sum(1 for r in table.rows.values() if r.get("actual") is not None)
            held = by_year.get(table.year)
            if held is None or actuals > held[0]:
                by_year[table.year] = (actuals, table)
    if len(by_year) < 2:
        window.show_message(QCoreApplication.translate("compare_view", "至少需要两个年度的指标表"))
        return None
    years = [(year, table) for year, (_, table) in sorted(by_year.items())]
    view = SeriesView(years, Crosswalk.of(window.session.doc), window)
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view
