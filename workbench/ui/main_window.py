"""The main window: a navigator of the document's tables, the grid, the review panel and the
findings, with the file, edit and review commands a user of Excel expects.

Split by job: the actions and menus (ui/window_menus.py), the file commands that call the app
layer (ui/file_commands.py) and the preferences kept in QSettings (ui/window_settings.py) are
mixins of MainWindow; this module holds the window's layout, the document on show, editing,
review and charts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from workbench.core import provenance as prov
from workbench.core.selection import Selection
from workbench.core.vocab import CHANGED_FILL, PROVENANCE_COLOURS, REVIEW_ROW_FILLS
from workbench.i18n import CHINESE
from workbench.shipped import shipped_file
from workbench.ui.file_commands import FileCommands, app_name
from workbench.ui.findings_panel import FindingsPanel
from workbench.ui.grid import GridView
from workbench.ui.long_task import Cancelled, run_long
from workbench.ui.navigator import TableNavigator
from workbench.ui.review_panel import ReviewPanel
from workbench.ui.table_model import PlanTableModel
from workbench.ui.team_status import TeamStatus
from workbench.ui.totals_bar import TotalsBar
from workbench.ui.window_menus import WindowMenus
from workbench.ui.window_settings import WindowPreferences
from workbench.ui.words import core_word, window_language

if TYPE_CHECKING:  # the document and its session load with the first file, after the window
    from workbench.core.document import PlanDocument


def resource_path(*parts: str) -> Path:
    return shipped_file("workbench.resources", "resources", *parts)


def _app_name() -> str:
    return app_name()


class MainWindow(WindowMenus, FileCommands, WindowPreferences, QMainWindow):
    firstPainted = Signal()  # the window has been drawn once: time to load the document

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self._painted = False
        self.installEventFilter(self)
        self.settings = settings or QSettings("PlanWorkbench", "workbench")
        self.session = None  # a Session once a document is open
        self.model: PlanTableModel | None = None
        self.setWindowTitle(_app_name())
        icon = resource_path("icons", "app.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        # A laptop screen (1366×768) keeps the grid tall: the findings and chart docks then
        # share the right side with the review panel instead of taking the bottom.
        available = self.screen().availableGeometry()
        self.compact = available.height() < 900
        self._first_geometry(available)
        self.setAcceptDrops(True)

        self.selection = Selection()
        self.selection.subscribe(self._selection_changed)
        self.charts: list = []
        self.grid = GridView(self)
        self.grid.message.connect(self.show_message)
        self.grid.readOnlyRefused.connect(self._read_only_refused)
        self.grid.keysSelected.connect(self._grid_selected)
        self.grid.currentRowChanged.connect(self._current_row_changed)
        self.grid.filterChanged.connect(self._update_table_label)
        self.totals_bar = TotalsBar(self.grid, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.grid, 1)
        column.addWidget(self.totals_bar)
        self.setCentralWidget(central)

        self.navigator = TableNavigator(self)
        self.navigator.tableChosen.connect(self.show_table)
        self.navigator_dock = self._dock(
            self.tr("数据表"), "navigator", self.navigator, Qt.DockWidgetArea.LeftDockWidgetArea
        )

        self.review_panel = ReviewPanel(self)
        self.review_dock = self._dock(
            self.tr("审核"), "review", self.review_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )

        self.findings = FindingsPanel(self)
        self.findings.activated.connect(self.select_cell)
        self.findings_dock = self._dock(
            self.tr("检查结果"),
            "findings",
            self.findings,
            Qt.DockWidgetArea.RightDockWidgetArea
            if self.compact
            else Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        if self.compact:
            self.tabifyDockWidget(self.review_dock, self.findings_dock)
            self.review_dock.raise_()

        self.table_label = QLabel(self)
        self.stats_label = QLabel(self)
        self.grid.statsChanged.connect(self.stats_label.setText)
        self.mode_label = QLabel(self)
        changed, doubtful = self.tr("已修改"), self.tr("存疑/退回")
        self.legend = QLabel(
            f"<span style='color:{PROVENANCE_COLOURS[prov.REPORT]}'>■ {core_word(prov.REPORT)}</span>　"
            f"<span style='color:{PROVENANCE_COLOURS[prov.SAMPLE]}'><i>■ {core_word(prov.SAMPLE)}</i></span>　"
            f"<span style='color:{CHANGED_FILL}'>■</span> {changed}　"
            f"<span style='color:{REVIEW_ROW_FILLS['退回']}'>■</span> {doubtful}",
            self,
        )
        self.statusBar().addWidget(self.table_label, 1)
        self.team = None  # the live link of a team session (ui/team_live.py)
        self.team_server = None  # the team archive server connected to in this run
        self.team_status = TeamStatus(self)
        self.statusBar().addPermanentWidget(self.team_status)
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.legend)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value(self._state_key())
        if state is not None:
            self.restoreState(state)
        else:  # first start (in this language): docks in proportion to the window
            self._size_docks()
        self._update_actions()

    def _first_geometry(self, available) -> None:
        """The first start uses the screen: all of a laptop's (as maximised), nine tenths of
        a larger one, centred. Later starts restore what the user left."""
        if self.compact or available.width() < 1600:
            self.setGeometry(available)  # what the window restores to from maximised
            if QGuiApplication.platformName() not in ("offscreen", "minimal"):
                # the window manager keeps the title bar and the taskbar in view
                self.setWindowState(Qt.WindowState.WindowMaximized)
            return
        width, height = available.width() * 9 // 10, available.height() * 9 // 10
        self.setGeometry(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
            width,
            height,
        )

    def _side_width(self) -> int:
        """The right-hand docks (审核, and on a laptop the findings and the chart): about a
        quarter of the window, enough for the review form, never more than the grid needs."""
        return max(300, min(480, self.width() * 6 // 25))

    def _size_docks(self) -> None:
        self.resizeDocks(
            [self.navigator_dock, self.review_dock],
            [self.navigator.preferred_width(), self._side_width()],
            Qt.Orientation.Horizontal,
        )
        if not self.compact:
            self.resizeDocks([self.findings_dock], [self._bottom_height()], Qt.Orientation.Vertical)

    def _state_key(self) -> str:
        """Dock sizes are kept per language: a panel fitted to English words is too wide in
        Chinese, and the other way round."""
        language = window_language()
        return "windowState" if language == CHINESE else f"windowState/{language}"

    def eventFilter(self, watched, event) -> bool:
        """Only until the first paint: then tell whoever waits, and stop filtering."""
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.firstPainted.emit)
        return False

    def _bottom_height(self) -> int:
        """The findings/chart tabs below the grid (screens 900 px high and more): a third of
        the window, so a chart has room to be read and the grid keeps 20 rows and more."""
        return max(150, min(420, self.height() // 3))

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # ---- state shown to the user --------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _update_actions(self) -> None:
        session = self.session
        has = session is not None
        writable = has and not session.read_only
        history = session.history if has else None
        self.undo_action.setEnabled(bool(writable and history.can_undo))
        self.redo_action.setEnabled(bool(writable and history.can_redo))
        self.undo_action.setText(
            self.tr("撤销 {undo_label}(&U)").format(undo_label=history.undo_label)
            if history and history.can_undo
            else self.tr("撤销(&U)")
        )
        self.redo_action.setText(
            self.tr("重做 {redo_label}(&R)").format(redo_label=history.redo_label)
            if history and history.can_redo
            else self.tr("重做(&R)")
        )
        for act in (
            self.save_action,
            self.grid.paste_action,
            self.grid.fill_action,
            self.grid.clear_action,
            self.grid.insert_action,
            self.grid.delete_rows_action,
            *self.status_actions,
            self.comment_action,
        ):
            act.setEnabled(bool(writable))
        if self.team is not None:  # a team shares the rows there are: none added or removed
            self.grid.insert_action.setEnabled(False)
            self.grid.delete_rows_action.setEnabled(False)
        for act in (
            self.save_as_action,
            self.export_action,
            self.export_clean_action,
            self.check_action,
        ):
            act.setEnabled(has)
        self.write_back_action.setEnabled(bool(has and session.doc.properties.source_path))
        if not has:
            self.setWindowTitle(_app_name())
            return
        if session.path:
            name = session.path.name
        elif session.is_template:
            name = self.tr("示例（未保存）")
        else:
            name = (
                self.tr("{name}（导入，未保存）").format(name=session.source_path.name)
                if session.source_path
                else self.tr("未命名")
            )
        flags = self.tr("[只读] ") if session.read_only else ""
        modified = "*" if session.modified else ""
        self.setWindowTitle(
            f"{flags}{modified}{session.doc.title or name} — {name} — {_app_name()}"
        )
        if session.read_only and session.approved is not None:
            self.mode_label.setText(self.tr("只读：已审定版本"))
        elif session.read_only:
            owner = session.locked_by.describe() if session.locked_by else self.tr("他人")
            self.mode_label.setText(self.tr("只读：{owner} 正在编辑").format(owner=owner))
        else:
            self.mode_label.setText("")
        self.mode_label.setToolTip(session.read_only_reason() if session.read_only else "")

    def set_document(
        self,
        doc: PlanDocument,
        path: Path | None,
        *,
        native: bool = True,
        source: Path | None = None,
    ) -> None:
        if self.session is not None:
            self._save_column_widths()
            from workbench.ui.team_live import leave_team_session

            leave_team_session(self)
            self.session.close()
            self.session.deleteLater()
        from workbench.ui.session import Session

        self.session = Session(doc, path, native=native, parent=self)
        if source is not None:
            self.session.source_path = source
            self.session.is_template = True
        self.session.changed.connect(self._session_changed)
        self.session.editRejected.connect(self._edit_rejected)
        self.session.readOnlyRefused.connect(self._read_only_refused)
        self.findings.clear()
        self.navigator.set_document(doc)
        if self.settings.value(self._state_key()) is None:
            self._size_docks()
        self._update_actions()

    def show_table(self, table_id: str) -> None:
        assert self.session is not None
        table = self.session.doc.table(table_id)
        # The navigator follows whoever opened the table (a chart click, a finding, a
        # report statement) without announcing the choice back.
        self.navigator.blockSignals(True)
        self.navigator.select(table_id)
        self.navigator.blockSignals(False)
        old = self.model
        if old is not None:
            self._save_column_widths()
        self.model = PlanTableModel(self.session, table, self)
        self.grid.set_plan_model(self.model)
        if old is not None:
            old.detach()
            old.deleteLater()
        if not self.charts:
            self.add_chart(show=not self.compact)
        self.layout().activate()  # docks sized and added: the grid's width is known now
        self._fit_columns()
        self.search.clear()
        self.totals_bar.recompute()
        self._update_table_label()
        self.review_panel.show_row(self.session, table, None)
        for panel, _ in self.charts:
            panel.set_context(self.session, table_id)

    def _update_table_label(self) -> None:
        if self.model is None:
            return
        table = self.model.table
        unit = self.tr("，单位：{unit}").format(unit=table.unit) if table.unit else ""
        shown = self.grid.view_row_count()
        filtered = (
            self.tr("（筛选后显示 {shown} 行）").format(shown=shown) if shown != len(table) else ""
        )
        self.table_label.setText(
            self.tr("{title}　共 {n_table} 行{filtered}{unit}").format(
                title=table.title, n_table=len(table), filtered=filtered, unit=unit
            )
        )

    def current_table_id(self) -> str | None:
        return self.model.table.id if self.model else None

    def _current_row_changed(self, current, previous) -> None:
        if self.session and self.model:
            self.review_panel.show_row(
                self.session,
                self.model.table,
                current.data(Qt.ItemDataRole.UserRole + 2) if current.isValid() else None,
            )

    def _session_changed(self) -> None:
        self._update_actions()
        self._update_table_label()
        if self.session and self.model:
            self.review_panel.show_row(self.session, self.model.table, self.grid.current_key())

    def _edit_rejected(self, reason: str) -> None:
        self.show_message(self.tr("未修改：{reason}").format(reason=reason))

    def _read_only_refused(self) -> None:
        """The first refused edit of a 审定 version offers to save it as a file or a new
        version (later ones say why in the status bar)."""
        session = self.session
        if session is None or session.approved is None or session.approval_offered:
            return
        session.approval_offered = True
        from workbench.ui.archive_dialog import offer_new_version

        offer_new_version(self)

    # ---- edit commands --------------------------------------------------------------------------
    def undo(self) -> None:
        if self.session and self.session.undo():
            self.show_message(self.tr("已撤销"))

    def redo(self) -> None:
        if self.session and self.session.redo():
            self.show_message(self.tr("已重做"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.grid.set_search(text)
        self._update_table_label()

    def find_next(self) -> None:
        """Move to the next cell containing the search text (within the filtered rows)."""
        text = self.search.text().strip()
        proxy = self.grid.model()
        if not text or proxy is None or proxy.rowCount() == 0:
            return
        current = self.grid.currentIndex()
        start_row, start_col = (
            (current.row(), current.column() + 1) if current.isValid() else (0, 0)
        )
        rows, cols = proxy.rowCount(), proxy.columnCount()
        for step in range(rows * cols):
            flat = start_row * cols + start_col + step
            r, c = divmod(flat % (rows * cols), cols)
            if text in str(proxy.index(r, c).data() or ""):
                self.grid.setCurrentIndex(proxy.index(r, c))
                self.grid.setFocus()
                return
        self.show_message(self.tr("未找到“{text}”").format(text=text))

    def clear_filters(self) -> None:
        self.search.clear()
        self.grid.clear_filters()
        self._update_table_label()

    # ---- review ------------------------------------------------------------------------------
    def run_checks(self) -> None:
        if self.session is None:
            return
        from workbench.core.checks import run_checks

        doc = self.session.doc
        try:
            findings = run_long(self, self.tr("正在运行审核检查"), lambda: run_checks(doc))
        except Cancelled:
            self.show_message(self.tr("已取消审核检查"))
            return
        self.findings.show_findings(findings, self.session.doc)
        self._show_findings_dock()
        self.show_message(
            self.tr("审核检查完成：{n_findings} 条结果").format(n_findings=len(findings))
        )

    def _show_read_warnings(self, doc: PlanDocument) -> None:
        self.findings.add_read_warnings(doc)
        self._show_findings_dock()

    def _show_findings_dock(self) -> None:
        if not self.findings_dock.isVisible():
            self.findings_dock.show()
        self.findings_dock.raise_()

    def select_cell(self, table_id: str, key: str | None, column: str | None) -> None:
        """Show a table and put the cursor on a row (and column) by key."""
        if self.session is None or table_id not in self.session.doc.tables:
            return
        if self.current_table_id() != table_id:
            self.navigator.select(table_id)
        if key is None or self.model is None or key not in self.model.table.rows:
            return
        self.clear_filters()
        source_row = self.model.row_of(key)
        col = next((i for i, c in enumerate(self.model.columns) if c.key == column), 1)
        index = self.grid.from_source(self.model.index(source_row, col))
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)
        self.grid.setFocus()

    def open_report(self, path=None):
        """The report's text in a dock beside the tables (ui/report_panel.py)."""
        from workbench.ui.report_panel import attach_report

        return attach_report(self, path)

    # ---- charts and the shared selection -----------------------------------------------------
    def add_chart(self, _checked: bool = False, *, show: bool = True):
        """Another chart dock (matplotlib loads here, after the window is on screen); the
        first shares the findings' place (a tab), and on a laptop screen stays behind the
        review panel until asked for."""
        from workbench.ui.chart_panel import ChartPanel

        panel = ChartPanel(self.selection, self)
        dock = QDockWidget(self.tr("图表 {v}").format(v=len(self.charts) + 1), self)
        dock.setObjectName(f"chart{len(self.charts) + 1}")
        dock.setWidget(panel)
        self.addDockWidget(self.dockWidgetArea(self.findings_dock), dock)
        if not self.charts:
            self.tabifyDockWidget(self.findings_dock, dock)  # findings and chart share a place
            if not self.compact:
                self.resizeDocks([dock], [self._bottom_height()], Qt.Orientation.Vertical)
        dock.show()
        if show:
            dock.raise_()
        self.charts.append((panel, dock))
        if self.session is not None and self.model is not None:
            panel.set_context(self.session, self.model.table.id)
        return panel

    def _grid_selected(self, keys: frozenset) -> None:
        if self.model is not None:
            self.selection.set(self.model.table.id, keys, "grid")

    def _selection_changed(self, source: str) -> None:
        """A chart picked rows: show them in the grid (switching table if needed)."""
        if source == "grid" or self.session is None or self.selection.table is None:
            return
        if self.current_table_id() != self.selection.table:
            self.select_cell(self.selection.table, None, None)
        self.grid.select_keys(self.selection.keys)
        self.show_message(self.tr("已选中 {n_keys} 行").format(n_keys=len(self.selection.keys)))

    def closeEvent(self, event) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self._save_column_widths()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue(self._state_key(), self.saveState())
        if self.team is not None:
            from workbench.ui.team_live import leave_team_session

            leave_team_session(self)
        if self.session is not None:
            self.session.close()
        event.accept()
