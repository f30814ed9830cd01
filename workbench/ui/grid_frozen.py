"""Frozen columns: 审核 … 名称 stay on the left while the grid scrolls right, as Excel's
冻结窗格 keeps them. A second view over the same model and selection, laid over the grid's
left edge and shown only while the grid is scrolled right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from workbench.ui.frozen_overlay import make_overlay, place_overlay, show_only_leading
from workbench.ui.grid_editing import CellDelegate
from workbench.ui.grid_filter import FilterHeader
from workbench.ui.table_model import PlanTableModel


class FrozenColumns:
    """Mixed into GridView (before QTableView)."""

    def _build_frozen(self) -> None:
        """A second view over the same model and selection model, laid over the left of this
        one and showing only the leading columns; shown only while scrolled right, so at the
        left edge (and while editing there) the grid itself is what one sees and types in."""
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen = make_overlay(self)
        frozen.setHorizontalHeader(FilterHeader(frozen))
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.setModel(self.proxy)
        frozen.setSelectionModel(self.selectionModel())
        # Its own delegate: a shared one would hand the grid's editors to this view too
        # ("commitData called with an editor that does not belong to this view").
        frozen.setItemDelegate(CellDelegate(frozen))
        frozen.setVerticalScrollMode(self.verticalScrollMode())
        frozen.setWordWrap(False)
        frozen.setAlternatingRowColors(True)
        frozen.horizontalHeader().filterRequested.connect(self.open_filter)
        frozen.horizontalHeader().sectionClicked.connect(self._frozen_sort)
        frozen.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().sortIndicatorChanged.connect(
            frozen.horizontalHeader().setSortIndicator
        )
        frozen.doubleClicked.connect(self._edit_frozen)
        self.horizontalScrollBar().valueChanged.connect(self._place_frozen)
        self.horizontalHeader().sectionResized.connect(self._frozen_width_changed)
        self.frozen = frozen
        self.frozen_count = 0

    def _freeze(self, model: PlanTableModel) -> None:
        keys = [c.key for c in model.columns]
        name = next((i for i, k in enumerate(keys) if k in ("name", "group")), -1)
        self.frozen_count = name + 1
        show_only_leading(self.frozen, model.columnCount(), self.frozen_count)
        self._place_frozen()

    def _frozen_width_changed(self, logical: int, _old: int, new: int) -> None:
        if logical < self.frozen_count:
            self.frozen.setColumnWidth(logical, new)
            self._place_frozen()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen_count))

    def _place_frozen(self) -> None:
        place_overlay(self, self.frozen, self.frozen_count)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        """The row-number column widens with the row count (9 → 10 → 100 000) and the
        totals bar fixes its width: the overlay follows, or a strip of the grid shows
        between them (a jump to a finding in a longer table)."""
        super().updateGeometries()
        if getattr(self, "frozen", None) is not None:
            self._place_frozen()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A cell right of the frozen columns is scrolled clear of them, not under them; a
        frozen cell brings the grid back to its left edge."""
        super().scrollTo(index, hint)
        if index.isValid() and index.column() < self.frozen_count:
            # the grid's own leading cells, not the overlay's copy: an editor opens in view
            self.horizontalScrollBar().setValue(0)
            return
        if (
            index.isValid()
            and self.frozen_count
            and index.column() >= self.frozen_count
            and self.horizontalScrollBar().value() > 0
        ):
            left = self.columnViewportPosition(index.column())
            covered = self.frozen_width()
            if left < covered:
                bar = self.horizontalScrollBar()
                bar.setValue(max(0, bar.value() + left - covered))

    def _edit_frozen(self, index: QModelIndex) -> None:
        self.horizontalScrollBar().setValue(0)  # the grid's own cell is then in view
        self.setCurrentIndex(index)
        self.edit(index)

    def _frozen_sort(self, logical: int) -> None:
        header = self.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorSection() == logical and header.sortIndicatorOrder() == ascending
            else ascending
        )
        self.sortByColumn(logical, order)
