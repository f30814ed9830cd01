"""The pinned 合计 row under a project list: sums of the money columns and the completion rate
those sums give, over the rows shown (a filter changes it, as Excel's SUBTOTAL does). It is
computed, never stored, and scrolls sideways with the grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench.core.group_sums import group_sums, sum_rows
from workbench.core.schema import TableKind
from workbench.core.vocab import FROZEN_EDGE, TOTALS_BACKGROUND
from workbench.ui.table_format import format_value
from workbench.ui.table_model import PlanTableModel

_ROOT = QModelIndex()
_SUMMED = ("money",)
_BACKGROUND = QBrush(QColor(TOTALS_BACKGROUND))


class TotalsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.texts: list[str] = []
        self.values: dict[str, float] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.texts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUND
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("合计")
        return None

    def set_texts(self, texts: list[str]) -> None:
        if len(texts) != len(self.texts):
            self.beginResetModel()
            self.texts = texts
            self.endResetModel()
        else:
            self.texts = texts
            if texts:
                self.dataChanged.emit(self.index(0, 0), self.index(0, len(texts) - 1))


class TotalsBar(QTableView):
    """One row under the grid, its columns as wide as the grid's."""

    def __init__(self, grid, parent=None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.totals = TotalsModel(self)
        self.setModel(self.totals)
        self.horizontalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(grid.verticalHeader().defaultSectionSize())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFixedHeight(grid.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        grid.horizontalHeader().sectionResized.connect(self._resized)
        grid.horizontalScrollBar().valueChanged.connect(self._scrolled)
        # the leading columns stay, as they do in the grid above
        self.frozen = QTableView(self)
        self.frozen.setModel(self.totals)
        self.frozen.horizontalHeader().hide()
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.frozen.setStyleSheet(
            f"QTableView {{ border: none; border-right: 2px solid {FROZEN_EDGE}; }}"
        )
        self.frozen.verticalHeader().setDefaultSectionSize(
            grid.verticalHeader().defaultSectionSize()
        )
        self.frozen.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.recompute)
        proxy = grid.proxy
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
            proxy.dataChanged,
        ):
            signal.connect(self.schedule)
        # A filtered view's sums, kept until the filter or the table changes; with every row
        # shown the document's kept-current group sums answer (an edit moves them).
        self._kept: tuple | None = None  # (model, its shown-rows state, sums)
        self._header_for: tuple | None = None  # what the row-number width was measured for
        self._doc = None
        self.hide()

    def _follow(self, model) -> None:
        if self._doc is not model.doc:
            if self._doc is not None:
                self._doc.unsubscribe(self._on_document_event)
            self._doc = model.doc
            self._doc.subscribe(self._on_document_event)

    def _on_document_event(self, event) -> None:
        kept = self._kept
        if kept is not None and getattr(event, "table", None) == kept[0].table.id:
            self._kept = None  # a filtered view's sums are added up again after an edit

    def schedule(self, *_args) -> None:
        self._timer.start()

    def _resized(self, logical: int, _old: int, new: int) -> None:
        if logical < self.totals.columnCount():
            self.setColumnWidth(logical, new)
            self.frozen.setColumnWidth(logical, new)
        self._scrolled()

    def _scrolled(self, *_args) -> None:
        grid = self.grid
        self.horizontalScrollBar().setValue(grid.horizontalScrollBar().value())
        if not grid.frozen.isVisible():
            self.frozen.hide()
            return
        count = grid.frozen_count
        for c in range(self.totals.columnCount()):
            self.frozen.setColumnHidden(c, c >= count)
            self.frozen.setColumnWidth(c, grid.columnWidth(c))
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            grid.frozen_width(),
            self.height() - 2 * frame,
        )
        self.frozen.show()
        self.frozen.raise_()

    def recompute(self) -> None:
        """Sum the shown rows of a project list; other tables have no 合计 row here."""
        model = self.grid.plan_model
        if not isinstance(model, PlanTableModel) or model.table.kind is not TableKind.PROJECTS:
            self._header_for = None
            self.grid.verticalHeader().setMinimumWidth(0)
            self.grid.verticalHeader().setMaximumWidth(16777215)
            self.hide()
            return
        columns = model.columns
        self._follow(model)
        shown = model.rowCount()
        summed = [c.key for c in columns if c.style in _SUMMED]
        state = (model.sort_column, model.search, tuple(model.column_values.items()))
        kept = self._kept
        if shown == len(model.table):
            # every row shown: the document's kept-current sums (the one group-sum rule, 其中
            # sub-items inside their parent's figure), moved by each edit, never re-added
            engine = group_sums(model.doc, model.table.id, "sector")
            sums = {c: engine.total(c) or 0.0 for c in summed}
        elif kept is not None and kept[0] is model and kept[1] == (state, shown):
            sums = kept[2]  # the same filtered rows, no edit since (_on_document_event)
        else:
            figures = sum_rows(model.table, model.shown_keys(), summed)
            sums = {c: figures.get(c) or 0.0 for c in summed}
            self._kept = (model, (state, shown), sums)
        texts = []
        for c in columns:
            if c.style in _SUMMED:
                texts.append(format_value(sums[c.key], c.style))
            elif c.key == "completion_rate" and sums.get("annual_plan"):
                texts.append(format_value(sums["completed"] / sums["annual_plan"] * 100, "rate"))
            elif c.key == "name":
                texts.append(self.tr("共 {shown} 项").format(shown=shown))
            else:
                texts.append("")
        self.totals.values = sums
        self.totals.set_texts(texts)
        # The row numbers' header is as wide as its longest number: measured again only when
        # the shown rows' count gains or loses a digit (the measure walks the header's
        # sections, 20 ms of every edit on a 100k-row list).
        header_for = (len(str(shown)), self.grid.verticalHeader().font().key())
        if header_for != self._header_for:
            self._header_for = header_for
            label = self.verticalHeader().fontMetrics().horizontalAdvance(self.tr("合计")) + 12
            width = max(self.grid.verticalHeader().sizeHint().width(), label)
            self.grid.verticalHeader().setFixedWidth(width)
            self.verticalHeader().setFixedWidth(width)
        for i in range(len(columns)):
            self.setColumnWidth(i, self.grid.columnWidth(i))
        self.show()
        self._scrolled()
