"""The check results (检查结果): each finding with its severity in colour, sortable and
filterable, a count per severity, and a hint before the first check has run. Activating a
finding asks the window to show its cell."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.vocab import MUTED_TEXT, PLAIN_TEXT, SEVERITY_COLOURS, SEVERITY_LABELS
from workbench.ui.words import core_text, core_word

READ = "read"  # warnings from reading a file, listed with the findings
_ORDER = {"error": 0, "warning": 1, "info": 2, READ: 3}
_LABELS = {**SEVERITY_LABELS, READ: QT_TRANSLATE_NOOP("core", "读取")}
_COLOURS = {**SEVERITY_COLOURS, READ: MUTED_TEXT}
HINT = QT_TRANSLATE_NOOP(
    "FindingsPanel",
    "尚未运行审核检查。按 F9（或“审核 → 运行审核检查”）检查合计、完成率、目标与单位；\n打开文件时读到的提示也列在这里。",
)


class _Item(QTreeWidgetItem):
    """Sorts the severity column by rank (错误 before 警告), other columns as text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if column == 0:
            return (self.data(0, Qt.ItemDataRole.UserRole + 1) or 9) < (
                other.data(0, Qt.ItemDataRole.UserRole + 1) or 9
            )
        return self.text(column) < other.text(column)


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped 说明 at the column's present width (Qt's tree sizes a
    row without the column's width, so a wrapped text would be cut at one line)."""

    TEXT = 1

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        tree = self.parent()
        if index.column() != self.TEXT or tree is None:
            return size
        margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 2)
        room = max(40, tree.columnWidth(self.TEXT) - margin)
        text = str(index.data() or "")
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        height = option.fontMetrics.boundingRect(QRect(0, 0, room, 100000), flags, text).height()
        return QSize(size.width(), max(size.height(), height + 4))


class FindingsPanel(QWidget):
    activated = Signal(str, object, object)  # table id, row key or None, column or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for severity in ("error", "warning", "info", READ):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(f"QToolButton {{ color: {_COLOURS[severity]}; }}")
            button.setToolTip(self.tr("显示/隐藏“{v}”").format(v=core_word(_LABELS[severity])))
            button.toggled.connect(self._apply_filter)
            self.buttons[severity] = button
            bar.addWidget(button)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选检查结果…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        bar.addWidget(self.filter, 1)
        layout.addLayout(bar)
        self.stack = QStackedWidget(self)
        self.hint = QLabel(self.tr(HINT), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_TEXT};")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("级别"), self.tr("说明"), self.tr("表"), self.tr("行")]
        )  # 说明 stays in view when narrow
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # The level column fits its widest word in the window's language (警告 / Warning).
        metrics = self.tree.fontMetrics()
        words = [core_word(label) for label in _LABELS.values()] + [self.tr("级别")]
        self.tree.setColumnWidth(0, max(48, max(metrics.horizontalAdvance(w) for w in words) + 28))
        # 说明 takes the room left and wraps: a finding is read whole, never cut at the edge
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(2, 120)
        self.tree.setColumnWidth(3, 120)
        # a wrapped row's height follows its column's width: lay the rows out again after
        # a resize (once per event-loop turn, however many sections moved)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        self.tree.itemActivated.connect(self._activated)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.tree)
        layout.addWidget(self.stack)
        self.checked = False
        self._update_counts()

    NARROW = 480  # below this the table and row columns give their room to 说明

    def resizeEvent(self, event) -> None:
        """In a narrow dock (a laptop's side panel) 表 and 行 step aside: every finding names
        its row, and the tooltip names both."""
        super().resizeEvent(event)
        narrow = self.width() < self.NARROW
        for column in (2, 3):
            self.tree.setColumnHidden(column, narrow)

    # ---- filling ------------------------------------------------------------------------------
    def clear(self) -> None:
        """A new document: nothing checked yet."""
        self.tree.clear()
        self.checked = False
        self.stack.setCurrentWidget(self.hint)
        self._update_counts()

    def show_findings(self, findings, doc) -> None:
        """The results of a check run (read warnings already listed stay)."""
        self._remove(lambda severity: severity != READ)
        self.checked = True
        for finding in findings:
            table = doc.tables.get(finding.table)
            row = None
            if table is not None and finding.row in table.rows:
                values = table.rows[finding.row]
                row = values.get("name") or values.get("group")
            self._add(
                str(finding.severity),
                table.sheet_name if table else "",
                str(row or ""),
                core_text(finding.message),
                (finding.table, finding.row, finding.column),
            )
        if not findings:
            self._add("info", "", "", self.tr("审核检查未发现问题。"), None)
        self.stack.setCurrentWidget(self.tree)
        self._update_counts()

    def add_read_warnings(self, doc) -> None:
        for warning in doc.warnings:
            table = doc.tables.get(warning.table)
            self._add(
                READ,
                table.sheet_name if table else warning.sheet,
                warning.cell,
                core_text(warning.message),
                (warning.table, None, None) if warning.table else None,
            )
        if doc.warnings:
            self.stack.setCurrentWidget(self.tree)
        self._update_counts()

    def _add(self, severity: str, table: str, row: str, message: str, target) -> None:
        item = _Item([core_word(_LABELS.get(severity, severity)), message, table, row])
        item.setData(0, Qt.ItemDataRole.UserRole, target)
        item.setData(0, Qt.ItemDataRole.UserRole + 1, _ORDER.get(severity, 9))
        item.setData(0, Qt.ItemDataRole.UserRole + 2, severity)
        brush = QBrush(QColor(_COLOURS.get(severity, PLAIN_TEXT)))
        item.setForeground(0, brush)
        item.setToolTip(1, f"{table} · {row}\n{message}" if row else message)
        self.tree.addTopLevelItem(item)
        item.setHidden(not self._accepts(item))

    def _remove(self, which) -> None:
        for i in reversed(range(self.tree.topLevelItemCount())):
            if which(self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 2)):
                self.tree.takeTopLevelItem(i)

    # ---- what is shown ------------------------------------------------------------------------
    def items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def visible_items(self) -> list[QTreeWidgetItem]:
        return [i for i in self.items() if not i.isHidden()]

    def count(self, severity: str) -> int:
        return sum(i.data(0, Qt.ItemDataRole.UserRole + 2) == severity for i in self.items())

    def _accepts(self, item: QTreeWidgetItem) -> bool:
        severity = item.data(0, Qt.ItemDataRole.UserRole + 2)
        button = self.buttons.get(severity)
        if button is not None and not button.isChecked():
            return False
        text = self.filter.text().strip()
        return not text or any(text in item.text(c) for c in range(4))

    def _apply_filter(self) -> None:
        for item in self.items():
            item.setHidden(not self._accepts(item))

    def _update_counts(self) -> None:
        for severity, button in self.buttons.items():
            button.setText(f"{core_word(_LABELS[severity])} {self.count(severity)}")

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            table_id, key, column = target
            self.activated.emit(table_id, key, column)
