"""The report's text beside the tables: the checks of the text, the targets it states
against the annex, every quoted figure with its match in the tables (or 未对应 and why), the
report itself, and the summary sentences written from the current tables.

Clicking an item shows its line in the report and selects the figure it quotes (the cell, or
the rows a count or sum stands for); selecting rows in the grid highlights the statements that
quote them. The panel follows edits (debounced) and a newly opened document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.core.findings_grouping import group_findings
from workbench.core.text.figures import Match, compare, figure_for, why_unmatched
from workbench.core.text.quantities import Statement
from workbench.core.text.review import text_findings
from workbench.core.text.summary import summary_paragraphs
from workbench.core.vocab import REPORT_AGREES, REPORT_DISAGREES, REPORT_SELF

REFRESH_MS = 300
_OK = QColor(REPORT_AGREES)
_BAD = QColor(REPORT_DISAGREES)
_SELF = QColor(REPORT_SELF)
ROLE_TARGET = Qt.ItemDataRole.UserRole
ROLE_STATEMENT = Qt.ItemDataRole.UserRole + 1
ROLE_LINE = Qt.ItemDataRole.UserRole + 2  # the report line the item is about


class ReportPanel(QWidget):
    # table id, row key or None, column or None, all row keys the figure stands for
    figureRequested = Signal(str, object, object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session = None
        self.selection = None
        self.path: Path | None = None
        self.statements: list[Statement] = []
        self.matches: dict[int, Match | None] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(self.tr("未打开报告正文"))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        # several statements may quote the rows selected in the grid: highlight them all
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.currentItemChanged.connect(self._item_chosen)
        self.list.itemClicked.connect(lambda item: self._item_chosen(item, None))
        splitter.addWidget(self.list)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        splitter.addWidget(self.text)
        summary_box = QWidget(self)
        box = QVBoxLayout(summary_box)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("按当前表格生成的摘要（可复制到报告）：")))
        row.addStretch(1)
        self.copy_button = QPushButton(self.tr("复制摘要"), self)
        self.copy_button.clicked.connect(self.copy_summary)
        row.addWidget(self.copy_button)
        box.addLayout(row)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        box.addWidget(self.summary)
        splitter.addWidget(summary_box)
        splitter.setSizes([400, 200, 150])
        layout.addWidget(splitter, 1)

    # ---- context ---------------------------------------------------------------------------
    def set_session(self, session) -> None:
        """Follow a (new) document: re-match the statements and rewrite the summary."""
        if session is self.session:
            return
        if self.session is not None:
            self.session.doc.unsubscribe(self._on_document_event)
        self.session = session
        if session is not None:
            session.doc.subscribe(self._on_document_event)
        self.refresh()

    def set_selection(self, selection) -> None:
        if self.selection is not None:
            self.selection.unsubscribe(self._on_selection)
        self.selection = selection
        if selection is not None:
            selection.subscribe(self._on_selection)

    def load(self, path: str | Path) -> bool:
        """Read a report; a bad file is a one-line message in the panel, never a traceback."""
        from workbench.io.errors import FileProblem
        from workbench.io.reading.report_text import read_report

        try:
            report = read_report(path)
        except FileProblem as exc:
            self.title.setText(self.tr("无法打开报告：{exc}").format(exc=exc))
            return False
        self.path = Path(path)
        self.statements = report.statements()
        self.text.setPlainText("\n".join(report.lines))
        self.refresh()
        return True

    def _on_document_event(self, _event) -> None:
        self._refresh_timer.start()

    # ---- content ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_timer.stop()
        doc = self.session.doc if self.session is not None else None
        self.summary.setPlainText("\n\n".join(summary_paragraphs(doc)) if doc else "")
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        self.matches = {}
        if self.path is None:
            self.list.blockSignals(False)
            return
        findings = group_findings(text_findings(doc, self.statements))
        own = [f for f in findings if f.rule != "text_table"]
        self._header(self.tr("核对意见（{n}）").format(n=len(own)))
        for finding in own:
            item = QListWidgetItem(f"⚠ {finding.message}")
            item.setForeground(QBrush(_SELF))
            item.setData(ROLE_TARGET, (finding.table, finding.row, finding.column, ()))
            item.setData(ROLE_LINE, finding.values.get("line"))
            self.list.addItem(item)
        disagree = 0
        memo: dict = {}
        targets = [i for i, s in enumerate(self.statements) if s.measure == "target"]
        others = [i for i, s in enumerate(self.statements) if s.measure != "target"]
        for title, indices in (
            (self.tr("文中目标与附表（{n}）"), targets),
            (self.tr("文中数字（{n}）"), others),
        ):
            self._header(title.format(n=len(indices)))
            for index in indices:
                disagree += self._statement_item(doc, index, memo)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        matched = sum(m is not None for m in self.matches.values())
        own = sum(f.rule != "text_table" for f in findings)
        self.title.setText(
            self.tr(
                "{name}：{n_statements} 个数字，{matched} 个对应表中数字，{disagree} 个与表不一致，{own} 条其他审核意见"
            ).format(
                name=self.path.name,
                n_statements=len(self.statements),
                matched=matched,
                disagree=disagree,
                own=own,
            )
        )

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def _statement_item(self, doc, index: int, memo: dict) -> int:
        """One statement with its match in the tables; 1 when the tables disagree."""
        stmt = self.statements[index]
        figure = figure_for(doc, stmt, memo) if doc is not None else None
        match = compare(stmt, figure) if figure is not None else None
        self.matches[index] = match
        text = self.tr("第{line}行　{v}：{raw}").format(
            line=stmt.line, v=stmt.subject or self.tr("（未识别主语）"), raw=stmt.raw
        )
        item = QListWidgetItem()
        bad = 0
        if match is None:
            why = why_unmatched(doc, stmt) if doc is not None else self.tr("未打开计划表")
            item.setText(self.tr("　{text}　（未对应：{why}）").format(text=text, why=why))
        elif match.agrees:
            item.setText(f"✓ {text}　（{figure.where}）")
            item.setForeground(QBrush(_OK))
        else:
            bad = 1
            shown = figure.text if stmt.measure == "target" else f"{figure.value:g}"
            item.setText(
                self.tr("✗ {text}　（{where}为 {shown}）").format(
                    text=text, where=figure.where, shown=shown
                )
            )
            item.setForeground(QBrush(_BAD))
        if figure is not None:
            item.setData(ROLE_TARGET, (figure.table, figure.row, figure.column, figure.keys))
        item.setData(ROLE_STATEMENT, index)
        item.setData(ROLE_LINE, stmt.line)
        item.setToolTip(stmt.text)
        self.list.addItem(item)
        return bad

    def show_line(self, line: int) -> None:
        """Put the report's line in view and mark it."""
        block = self.text.document().findBlockByNumber(max(line - 1, 0))
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format.setBackground(QBrush(QColor(REPORT_SELF).lighter(170)))
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self.text.setExtraSelections([mark])

    def current_line(self) -> int:
        return self.text.textCursor().blockNumber() + 1

    def copy_summary(self) -> None:
        QGuiApplication.clipboard().setText(self.summary.toPlainText())

    # ---- both directions -------------------------------------------------------------------
    def _item_chosen(self, item, _previous) -> None:
        if item is None:
            return
        line = item.data(ROLE_LINE)
        if line:
            self.show_line(int(line))
        target = item.data(ROLE_TARGET)
        if not target or not target[0]:
            return
        table, row, column, keys = target
        self.figureRequested.emit(table, row, column, tuple(keys or ()))

    def items_for(self, table: str, keys) -> list[QListWidgetItem]:
        """Statements quoting a figure of these rows."""
        keys = set(keys)
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            target = item.data(ROLE_TARGET)
            if target and target[0] == table and (target[1] in keys or keys & set(target[3] or ())):
                out.append(item)
        return out

    def _on_selection(self, source: str) -> None:
        if source == "report" or self.selection is None or self.selection.table is None:
            return
        items = self.items_for(self.selection.table, self.selection.keys)
        self.list.blockSignals(True)
        self.list.clearSelection()
        for item in items:
            item.setSelected(True)
        if items:
            self.list.scrollToItem(items[0])
        self.list.blockSignals(False)

    def detach(self) -> None:
        self.set_session(None)
        self.set_selection(None)


def attach_report(window, path: str | Path | None = None) -> ReportPanel | None:
    """Open a report in a dock beside the tables of `window` (one panel, reused)."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("report_panel", "打开报告正文"),
            "",
            QCoreApplication.translate("report_panel", "报告正文 (*.txt *.docx);;所有文件 (*)"),
        )
        if not chosen:
            return None
        path = chosen
    panel = getattr(window, "report_panel_widget", None)
    if panel is None:
        panel = ReportPanel(window)
        dock = QDockWidget(QCoreApplication.translate("report_panel", "报告正文"), window)
        dock.setObjectName("report")
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.report_panel_widget, window.report_dock = panel, dock
        panel.set_selection(window.selection)
        panel.figureRequested.connect(lambda *target: _select_figure(window, *target))
        # a newly opened document re-fills the navigator: follow it
        window.navigator.itemSelectionChanged.connect(lambda: panel.set_session(window.session))
    panel.set_session(window.session)
    if panel.load(path):
        window.report_dock.show()
        window.report_dock.raise_()
    return panel


def _select_figure(window, table: str, row, column, keys) -> None:
    if row is not None or not keys:
        window.select_cell(table, row, column)
    else:
        window.selection.set(table, keys, "report")
