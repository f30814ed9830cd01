"""A compare grid whose leading columns (status and name) stay in view while the changed
figures scroll past: an overlay view over the left edge, shown once the grid is scrolled
sideways, sharing the model, the selection and the vertical scroll position."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench.core.vocab import FROZEN_EDGE


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
        frozen = QTableView(self)
        frozen.setObjectName("frozenColumns")
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        frozen.verticalHeader().hide()
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.verticalHeader().setDefaultSectionSize(24)
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.setStyleSheet(
            f"QTableView#frozenColumns {{ border: none; border-right: 2px solid {FROZEN_EDGE}; }}"
        )
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalScrollBar().valueChanged.connect(self._place_frozen)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._place_frozen())
        frozen.hide()
        self.frozen = frozen

    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(lambda: self.freeze(self.frozen_count))

    def freeze(self, count: int) -> None:
        self.frozen_count = count
        model = self.model()
        for c in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(c, c >= count)
        self._place_frozen()

    def _place_frozen(self, *_args) -> None:
        if self.horizontalScrollBar().value() <= 0 or not self.frozen_count:
            self.frozen.hide()
            return
        width = 0
        for c in range(self.frozen_count):
            self.frozen.setColumnWidth(c, self.columnWidth(c))
            width += self.columnWidth(c)
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            width,
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())
        self.frozen.show()
        self.frozen.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()
