"""Excel's AutoFilter on the grid: the button on each header section, the drop-down list of a
column's values with their counts, and its icon (grey arrow, or a blue funnel once filtered).

The lists come from the table model's row index (one pass over the column's cached texts),
so a column of 100,000 rows opens its list at once."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
)

from workbench.core.sort_keys import search_text
from workbench.core.vocab import COMPUTED_TEXT, FILTER_OFF, FILTER_OFF_FILL, FILTER_ON
from workbench.ui.dialog_buttons import ok_cancel


def filter_icon(filtered: bool) -> QIcon:
    """The AutoFilter button drawn at the left of a header section: a grey drop-down arrow,
    or a blue funnel once the column is filtered."""
    size = 14
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(FILTER_ON if filtered else FILTER_OFF)
    painter.setPen(colour)
    painter.setBrush(colour if filtered else QColor(FILTER_OFF_FILL))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white") if filtered else QColor(COMPUTED_TEXT))
    c = size // 2
    if filtered:
        points = [(c - 5, c - 4), (c + 5, c - 4), (c + 1, c + 1), (c + 1, c + 5), (c - 1, c + 4)]
        points.append((c - 1, c + 1))
    else:
        points = [(c - 4, c - 2), (c + 4, c - 2), (c, c + 3)]
    painter.drawPolygon(QPolygon([QPoint(x, y) for x, y in points]))
    painter.end()
    return QIcon(pixmap)


_YEAR_BAND = re.compile(r"^(\d{4}\u5e74?)\s*(\S.*)$")  # 2021年 or 2021


def split_title(text: str) -> str:
    """A column title on two lines: after its year band when it has one (2021年 / 执行情况,
    2021 / Performance), else as it is (the header wraps it where it must)."""
    match = _YEAR_BAND.match(text)
    return f"{match.group(1)}\n{match.group(2)}" if match else text


def title_lines(metrics, text: str, width: int) -> int:
    """How many lines the header gives `text` in `width` pixels: broken after the year
    band, then at spaces (English) or between any two characters (Chinese), line by line."""
    lines = 0
    for part in split_title(text).split("\n"):
        line = ""
        for chunk in _chunks(part):
            wider = (line + chunk).rstrip()
            if line and metrics.horizontalAdvance(wider) > width:
                lines += 1
                line = chunk.lstrip()
            else:
                line += chunk
        lines += 1
    return lines


def _chunks(text: str) -> list[str]:
    """The pieces a line may break between: words with their space, single CJK characters."""
    return re.findall(r"[\x00-\x7f]+?(?: |$)|[^\x00-\x7f]", text) or [text]


def title_width(metrics, text: str, lines: int = 2) -> int:
    """The narrowest width that shows `text` on at most `lines` header lines."""
    low = max(metrics.horizontalAdvance(c.strip()) for c in _chunks(text))
    high = max(low, metrics.horizontalAdvance(text))
    while low < high:
        middle = (low + high) // 2
        if title_lines(metrics, text, middle) <= lines:
            high = middle
        else:
            low = middle + 1
    return low


class FilterHeader(QHeaderView):
    """A header whose sections carry an AutoFilter button (the icon the proxy gives them, at
    the section's left): a click on it opens the column's value list. Drawn by Qt itself —
    a Python paintSection would call back into Python models through Qt on every paint."""

    filterRequested = Signal(int)  # column (logical)
    BUTTON = 14

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        # Two lines of title: a column narrower than its title ("2021年执行情况" over a
        # column of short figures) shows it on two lines instead of cutting it.
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.set_lines(2)

    def set_lines(self, lines: int) -> None:
        """Room for this many lines of title (three when a narrow grid needs them)."""
        self.setMinimumHeight(lines * self.fontMetrics().lineSpacing() + 6)

    def room(self, logical: int) -> int:
        """What a section needs beside its title (the filter button, the sort arrow, the
        margins), as Qt's own sizing of the section counts it."""
        model = self.model()
        if model is None:
            return 0
        text = str(model.headerData(logical, self.orientation()) or "")
        width = self.sectionSizeFromContents(logical).width()
        if self.sortIndicatorSection() != logical:  # no arrow drawn: its room is the text's
            style = self.style()
            width -= style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, self)
            width -= style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        return max(0, width - self.fontMetrics().horizontalAdvance(text))

    def initStyleOptionForIndex(self, option, logical: int) -> None:
        """A title that does not fit its section breaks after its year band ("2021年" over
        "执行情况"), not wherever the line fills up."""
        super().initStyleOptionForIndex(option, logical)
        text = option.text
        if (
            text
            and "\n" not in text
            and self.fontMetrics().horizontalAdvance(text) + self.room(logical)
            > self.sectionSize(logical)
        ):
            option.text = split_title(text)

    def button_rect(self, logical: int) -> QRect:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        x = self.sectionViewportPosition(logical) + margin
        return QRect(
            x - 2, (self.height() - self.BUTTON) // 2 - 2, self.BUTTON + 4, self.BUTTON + 4
        )

    def mousePressEvent(self, event) -> None:
        point = event.position().toPoint()
        logical = self.logicalIndexAt(point)
        if (
            logical >= 0
            and event.button() == Qt.MouseButton.LeftButton
            and self.button_rect(logical).contains(point)
            and point.x() > self.sectionViewportPosition(logical) + 4  # not the resize handle
        ):
            self.filterRequested.emit(logical)
            event.accept()
            return
        super().mousePressEvent(event)


class ValueFilterPopup(QDialog):
    """The AutoFilter drop-down: a search box, (全选) and a checklist of the column's values
    with their counts; 确定 applies, 取消 leaves the filter as it was."""

    MAX_VALUES = 5000

    def __init__(self, title: str, values: list[tuple[str, int]], chosen, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setWindowTitle(self.tr("筛选“{title}”").format(title=title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.all_item = QListWidgetItem(self.tr("（全选）"))
        self.all_item.setFlags(self.all_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.list.addItem(self.all_item)
        for text, count in values[: self.MAX_VALUES]:
            shown = text or self.tr("（空白）")
            item = QListWidgetItem(f"{shown}\u3000({count})")
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = chosen is None or text in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._sync_all()
        layout.addWidget(self.list)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._item_changed)
        self.search.textChanged.connect(self._search)
        self.resize(280, 360)

    def value_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(1, self.list.count())]

    def _sync_all(self) -> None:
        items = self.value_items()
        checked = sum(i.checkState() == Qt.CheckState.Checked for i in items)
        state = (
            Qt.CheckState.Checked
            if checked == len(items)
            else Qt.CheckState.Unchecked
            if checked == 0
            else Qt.CheckState.PartiallyChecked
        )
        self.list.blockSignals(True)
        self.all_item.setCheckState(state)
        self.list.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item is self.all_item:
            state = (
                Qt.CheckState.Unchecked
                if item.checkState() == Qt.CheckState.Unchecked
                else Qt.CheckState.Checked
            )
            self.list.blockSignals(True)
            for value in self.value_items():
                if not value.isHidden():
                    value.setCheckState(state)
            self.list.blockSignals(False)
        self._sync_all()

    def _search(self, text: str) -> None:
        needle = search_text(text.strip())
        for item in self.value_items():
            shown = search_text(item.data(Qt.ItemDataRole.UserRole) or "")
            item.setHidden(bool(needle) and needle not in shown)

    def chosen(self) -> frozenset[str] | None:
        """The ticked values, or None when every value is ticked (no filter)."""
        items = self.value_items()
        ticked = frozenset(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked and not i.isHidden()
        )
        return None if len(ticked) == len(items) else ticked
