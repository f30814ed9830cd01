"""The compare view's table models: the merged and side-by-side lines of a comparison (what
changed, added, removed, suggested — rejected suggestions drawn apart) and the indicator
year-over-year lines. Qt adapters of `core.compare` results; no decisions are made here."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QTableView

from workbench.core.compare.result import KIND_LABELS, Comparison, RowKind, RowMatch
from workbench.core.compare.yoy import YearLine
from workbench.core.numbers import format_number
from workbench.core.schema import DIRECTION_LABELS, FieldType
from workbench.core.vocab import (
    COMPARE_ADDED_FILL,
    COMPARE_CHANGED_FILL,
    COMPARE_MISMATCH_FILL,
    COMPARE_REJECTED_TEXT,
    COMPARE_REMOVED_FILL,
    COMPARE_REMOVED_TEXT,
    COMPARE_SUGGESTED_FILL,
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
        self._order: tuple[tuple, list[str]] | None = None  # (table pair, fields in order)

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
        # The columns that changed come right after the name, where the eye already is;
        # the order is kept while the same two tables are compared (no jumping on accept).
        pair = (comparison.old.id, comparison.new.id, comparison.fields)
        if self._order is None or self._order[0] != pair:
            changed = {c.field for m in comparison.matched for c in m.changes}
            self._order = (pair, sorted(comparison.fields, key=lambda f: f not in changed))
        for name in self._order[1]:
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
            return _word(name, c.old.rows[line.old_key].get(name)) if line.old_key else ""
        if self.side == "new":
            return _word(name, c.new.rows[line.new_key].get(name)) if line.new_key else ""
        old, new = self._values(line, name)
        if name in _CODED:
            old, new = _word(name, old), _word(name, new)
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
        rejected = self.is_rejected(line)
        if role == Qt.ItemDataRole.BackgroundRole:
            if rejected:  # decided: the document keeps its value; no colour asks for action
                return None
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
            if rejected:
                font = QFont()
                font.setItalic(True)
                return font
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


# Fields stored as codes and shown as words (the 方向 column: "lower" is 越低越好).
_CODED = {"direction": DIRECTION_LABELS}


def _word(name: str, value: Any) -> str:
    words = _CODED.get(name)
    if words and value in words:
        return core_word(words[value])
    return _fmt(value)


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


# ---- small pieces of the compare window -----------------------------------------------------
def make_grid(parent, model: QAbstractTableModel):
    """A read-only grid of whole-row selection whose status and name columns stay in view."""
    from workbench.ui.compare_grid import CompareGrid

    grid = CompareGrid(parent)
    grid.setModel(model)
    return grid


def select_data(combo: QComboBox, table_id: str | None) -> None:
    if table_id is not None:
        index = combo.findData(table_id)
        if index >= 0:
            combo.setCurrentIndex(index)


def follow_row(grid: QTableView, row: int) -> None:
    """The side-by-side grids keep one selected line."""
    if row >= 0 and grid.currentIndex().row() != row:
        grid.selectRow(row)


def round_sum(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
