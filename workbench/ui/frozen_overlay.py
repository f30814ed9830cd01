"""The overlay that keeps a table view's leading columns in view while it scrolls right, as
Excel's 冻结窗格 does: a second view over the same model, laid over the left edge and shown
only while the view is scrolled sideways. The editable grid and the compare grid both use it,
so the two keep their frozen columns the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench.core.vocab import FROZEN_EDGE


def make_overlay(view: QTableView) -> QTableView:
    """A read-only view laid over `view`, scrolling with it vertically (both ways)."""
    frozen = QTableView(view)
    frozen.setObjectName("frozenColumns")
    frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    frozen.verticalHeader().hide()
    frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    frozen.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
    frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    frozen.setStyleSheet(
        f"QTableView#frozenColumns {{ border: none; border-right: 2px solid {FROZEN_EDGE}; }}"
    )
    view.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
    frozen.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
    frozen.hide()
    return frozen


def place_overlay(view: QTableView, frozen: QTableView, count: int) -> None:
    """Show the overlay over the first `count` columns while `view` is scrolled right; hide
    it at the left edge, where the view's own cells are what one sees and edits."""
    if view.horizontalScrollBar().value() <= 0 or count <= 0:
        frozen.hide()
        return
    for c in range(count):
        frozen.setColumnWidth(c, view.columnWidth(c))
    frame = view.frameWidth()
    frozen.setGeometry(
        view.verticalHeader().width() + frame,
        frame,
        sum(view.columnWidth(c) for c in range(count)),
        view.viewport().height() + view.horizontalHeader().height(),
    )
    frozen.horizontalHeader().setFixedHeight(view.horizontalHeader().height())
    frozen.verticalScrollBar().setValue(view.verticalScrollBar().value())
    frozen.show()
    frozen.raise_()


def show_only_leading(frozen: QTableView, column_count: int, count: int) -> None:
    for c in range(column_count):
        frozen.setColumnHidden(c, c >= count)
