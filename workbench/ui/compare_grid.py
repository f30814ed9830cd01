"""A compare grid whose leading columns (status and name) stay in view while the changed
figures scroll past: an overlay view over the left edge, shown once the grid is scrolled
sideways, sharing the model, the selection and the vertical scroll position."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from workbench.ui.frozen_overlay import make_overlay, place_overlay, show_only_leading


class CompareGrid(QTableView):
    """Read-only, whole-row selection; `freeze(n)` keeps the first n columns in view."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setDefaultSectionSize(110)
        self.frozen_count = 0
        frozen = make_overlay(self)
        frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalScrollBar().valueChanged.connect(self._place_frozen)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._place_frozen())
        self.frozen = frozen

    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(lambda: self.freeze(self.frozen_count))

    def freeze(self, count: int) -> None:
        self.frozen_count = count
        model = self.model()
        show_only_leading(self.frozen, model.columnCount() if model is not None else 0, count)
        self._place_frozen()

    def _place_frozen(self, *_args) -> None:
        place_overlay(self, self.frozen, self.frozen_count)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()
