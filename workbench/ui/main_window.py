"""The main window: a navigator of the document's tables, the grid, the review panel and the
findings, with the file, edit and review commands a user of Excel expects."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from workbench.core import provenance as prov
from workbench.core.review import REVIEW_STATUSES
from workbench.core.selection import Selection
from workbench.core.vocab import CHANGED_FILL, PROVENANCE_COLOURS, REVIEW_ROW_FILLS
from workbench.i18n import CHINESE, ENGLISH
from workbench.shipped import shipped_file
from workbench.ui.findings_panel import FindingsPanel
from workbench.ui.grid import GridView
from workbench.ui.long_task import Cancelled, run_long
from workbench.ui.navigator import TableNavigator
from workbench.ui.review_panel import ReviewPanel
from workbench.ui.table_model import PlanTableModel
from workbench.ui.totals_bar import TotalsBar
from workbench.ui.words import core_word, window_language

if TYPE_CHECKING:  # the document and its session load with the first file, after the window
    from workbench.core.document import PlanDocument

APP_NAME = QT_TRANSLATE_NOOP("main_window", "计划审核工作台")
FILE_FILTER = QT_TRANSLATE_NOOP(
    "main_window",
    "计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)",
)
MAX_RECENT = 8


def resource_path(*parts: str) -> Path:
    return shipped_file("workbench.resources", "resources", *parts)


def _app_name() -> str:
    return QCoreApplication.translate("main_window", APP_NAME)


class MainWindow(QMainWindow):
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
        self.resize(min(1360, available.width()), min(840, available.height()))
        self.compact = available.height() < 900
        self.setAcceptDrops(True)

        self.selection = Selection()
        self.selection.subscribe(self._selection_changed)
        self.charts: list = []
        self.grid = GridView(self)
        self.grid.message.connect(self.show_message)
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
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.legend)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if state is not None:
            self.restoreState(state)
        else:  # first start: give the grid the room
            self.resizeDocks(
                [self.navigator_dock, self.review_dock],
                [200, 300 if self.compact else 250],
                Qt.Orientation.Horizontal,
            )
            if not self.compact:
                self.resizeDocks(
                    [self.findings_dock], [self._bottom_height()], Qt.Orientation.Vertical
                )
        self._update_actions()

    def eventFilter(self, watched, event) -> bool:
        """Only until the first paint: then tell whoever waits, and stop filtering."""
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.firstPainted.emit)
        return False

    def _bottom_height(self) -> int:
        """The findings/chart tabs take about a quarter of the window, so a laptop screen
        (1366×768) still shows 25 rows of the grid."""
        return max(150, min(320, self.height() // 4))

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # ---- actions and menus ------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.open_action = self._action(
            self.tr("打开(&O)…"), self.choose_file, key(key.StandardKey.Open)
        )
        self.save_action = self._action(self.tr("保存(&S)"), self.save, key(key.StandardKey.Save))
        self.save_as_action = self._action(
            self.tr("另存为(&A)…"), self.save_as, key("Ctrl+Shift+S")
        )
        self.export_action = self._action(
            self.tr("导出附件(&E)…"),
            self.export,
            key("Ctrl+E"),
            self.tr("写出标准版式的审核后附件"),
        )
        self.export_clean_action = self._action(
            self.tr("导出打印稿（无标记）(&P)…"),
            self.export_clean,
            tip=self.tr("无底色、无批注的干净打印稿，可直接作附件"),
        )
        self.write_back_action = self._action(
            self.tr("写回原表(&W)…"),
            self.write_back,
            tip=self.tr("把修改写回部门报送的原表，保留原表版式"),
        )
        self.quit_action = self._action(self.tr("退出(&X)"), self.close, key(key.StandardKey.Quit))
        self.compare_action = self._action(
            self.tr("比较(&C)…"),
            self.compare_file,
            tip=self.tr("打开另一文件与当前文档比较，逐项采纳修订"),
        )
        self.compare_years_action = self._action(
            self.tr("年度对比(&Y)"),
            self.compare_years,
            tip=self.tr("本文档中上年与本年的同类表并排比较"),
        )
        self.undo_action = self._action(self.tr("撤销(&U)"), self.undo, key(key.StandardKey.Undo))
        self.redo_action = self._action(
            self.tr("重做(&R)"), self.redo, [key("Ctrl+Y"), key("Ctrl+Shift+Z")]
        )
        self.find_action = self._action(
            self.tr("查找(&F)…"), self.focus_search, key(key.StandardKey.Find)
        )
        self.find_next_action = self._action(self.tr("查找下一个"), self.find_next, key("F3"))
        self.clear_filter_action = self._action(self.tr("清除筛选"), self.clear_filters)
        self.check_action = self._action(self.tr("运行审核检查(&C)"), self.run_checks, key("F9"))
        self.status_actions = []
        for n, status in enumerate(REVIEW_STATUSES, start=1):
            act = self._action(
                self.tr("标记为{status}").format(status=core_word(status)),
                lambda _=False, s=status: self.grid.set_review_status(s),
                key(f"Ctrl+{n}"),
            )
            self.status_actions.append(act)
        self.comment_action = self._action(
            self.tr("审核意见(&M)…"), self.grid.ask_comment, key("Ctrl+M")
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self._action(self.tr("打开报告正文(&T)…"), lambda: self.open_report()))
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for act in (self.save_action, self.save_as_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_clean_action)
        file_menu.addAction(self.write_back_action)
        file_menu.addSeparator()
        file_menu.addAction(self.compare_action)
        file_menu.addAction(self.compare_years_action)
        from workbench.ui.generate_actions import install as install_generate

        install_generate(self, file_menu)  # 生成下年计划, 生成部门填报表, 读取部门返回
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = bar.addMenu(self.tr("编辑(&E)"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for act in (
            self.grid.copy_action,
            self.grid.paste_action,
            self.grid.fill_action,
            self.grid.clear_action,
        ):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.grid.insert_action)
        edit.addAction(self.grid.delete_rows_action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addAction(self.find_next_action)

        view = bar.addMenu(self.tr("视图(&V)"))
        view.addAction(self.navigator_dock.toggleViewAction())
        view.addAction(self.review_dock.toggleViewAction())
        view.addAction(self.findings_dock.toggleViewAction())
        view.addAction(
            self._action(self.tr("新建图表窗口(&G)"), self.add_chart, QKeySequence("Ctrl+G"))
        )
        view.addSeparator()
        view.addAction(self.clear_filter_action)

        review = bar.addMenu(self.tr("审核(&R)"))
        for act in self.status_actions:
            review.addAction(act)
        review.addAction(self.comment_action)
        review.addSeparator()
        review.addAction(self.check_action)
        from workbench.ui.plan_properties import install as install_plan_properties

        install_plan_properties(self, review)  # 计划属性（审核容差）

        self._build_language_menu(bar)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(
            self._action(self.tr("使用指南(&G)"), self._user_guide, QKeySequence("F1"))
        )
        help_menu.addAction(self._action(self.tr("关于(&A)"), self._about))

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("常用"))
        toolbar.setObjectName("toolbar")
        for act in (
            self.open_action,
            self.save_action,
            self.undo_action,
            self.redo_action,
            self.check_action,
        ):
            toolbar.addAction(act)
        toolbar.addSeparator()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找/筛选（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.find_next)
        toolbar.addWidget(self.search)

    def _user_guide(self) -> None:
        from workbench.ui.user_guide import show_user_guide

        show_user_guide(self)

    def _build_language_menu(self, bar) -> None:
        """语言 / Language: named in both languages, so whoever opened the wrong one finds it."""
        from PySide6.QtGui import QActionGroup

        menu = bar.addMenu(self.tr("语言 / &Language"))
        self.language_menu = menu
        group = QActionGroup(self)
        current = window_language()
        self.language_actions = {}
        for language, text in ((CHINESE, "中文"), (ENGLISH, "English")):
            action = QAction(text, self, checkable=True)  # each in its own language, never tr()
            action.setChecked(language == current)
            action.triggered.connect(lambda _=False, lang=language: self.choose_language(lang))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[language] = action

    def choose_language(self, language: str) -> None:
        """Store the choice (the command line reads it too); it applies from the next start,
        because the open window's texts are built once. Said in both languages."""
        from workbench.i18n import SETTINGS_KEY

        self.settings.setValue(SETTINGS_KEY, language)
        self.settings.sync()
        if language == window_language():
            return  # already speaking it
        QMessageBox.information(
            self,
            "语言 / Language",
            "界面语言将在下次启动时切换。\nThe interface language changes the next time you start the app.",
        )

    def _about(self) -> None:
        from workbench.ui.about import show_about

        self.about_dialog = show_about(self, _app_name())

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
        if session.read_only:
            owner = session.locked_by.describe() if session.locked_by else self.tr("他人")
            self.mode_label.setText(self.tr("只读：{owner} 正在编辑").format(owner=owner))
        else:
            self.mode_label.setText("")

    # ---- documents ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.session.path.parent) if self.session and self.session.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开计划文档或附件"),
            start,
            QCoreApplication.translate("main_window", FILE_FILTER),
        )
        if name:
            self.open_path(Path(name))

    def compare_file(self, path: Path | None = None):
        from workbench.ui.compare_view import compare_file

        return compare_file(self, path if isinstance(path, Path) else None)

    def compare_years(self):
        from workbench.ui.compare_view import compare_years

        return compare_years(self)

    def open_path(self, path: Path, *, choose: bool = True) -> bool:
        """Open a file: read once by the document controller; the table chooser, if the file
        holds several tables, works on what was read."""
        from workbench.io import document_controller as files
        from workbench.io.errors import FileProblem

        path = Path(path)
        if not self.confirm_discard():
            return False
        try:
            opened = run_long(
                self,
                self.tr("正在打开“{name}”").format(name=path.name),
                lambda: files.open_file(path),
            )
        except Cancelled:
            self.show_message(self.tr("已取消打开“{name}”，当前文档未改动").format(name=path.name))
            return False
        except FileProblem as exc:
            QMessageBox.warning(self, self.tr("无法打开"), str(exc))
            self.show_message(str(exc))
            return False
        doc = opened.doc
        if choose and opened.needs_choice:
            doc = self._choose_tables(opened)
            if doc is None:
                return False
        native = opened.native
        del opened  # the sheets as read (as large as the table again) go before the grid comes
        self.set_document(doc, path, native=native)
        self._remember_recent(path)
        for notice in doc.notices:
            self.show_message(notice)
        if doc.notices:
            QMessageBox.information(self, self.tr("打开时发现"), "\n".join(doc.notices))
        if self.session and self.session.read_only:
            QMessageBox.information(
                self,
                self.tr("文件已被占用"),
                self.tr(
                    "“{name}”正由 {v} 编辑。\n已以只读方式打开；可“另存为”保存自己的副本。"
                ).format(
                    name=path.name,
                    v=self.session.locked_by.describe()
                    if self.session.locked_by
                    else self.tr("他人"),
                ),
            )
        if doc.warnings and not native:
            self.show_message(
                self.tr("读取时有 {n_warnings} 条提示，见“检查结果”面板").format(
                    n_warnings=len(doc.warnings)
                )
            )
            self._show_read_warnings(doc)
        return True

    def _choose_tables(self, opened) -> PlanDocument | None:
        from workbench.io.document_controller import choose_tables
        from workbench.ui.open_dialog import TableChooser

        dialog = TableChooser(opened.doc, opened.path.name, self, book=opened.book)
        if not dialog.exec():
            return None
        return choose_tables(opened, dialog.chosen(), dialog.kind_override())

    def open_sample(self) -> bool:
        """The sample plan opens like a template: edits are saved to a copy of the user's
        choosing, never into the installed package (and no lock file is left there)."""
        from workbench.io.document_controller import open_sample
        from workbench.io.errors import FileProblem

        try:
            opened = open_sample()
        except FileProblem as exc:
            QMessageBox.warning(self, self.tr("无法打开示例"), str(exc))
            return False
        self.set_document(opened.doc, None, native=True, source=opened.path)
        return True

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
            self.session.close()
            self.session.deleteLater()
        from workbench.ui.session import Session

        self.session = Session(doc, path, native=native, parent=self)
        if source is not None:
            self.session.source_path = source
            self.session.is_template = True
        self.session.changed.connect(self._session_changed)
        self.session.editRejected.connect(self._edit_rejected)
        self.findings.clear()
        self.navigator.set_document(doc)
        if self.settings.value("windowState") is None:
            self.resizeDocks(
                [self.navigator_dock], [self.navigator.preferred_width()], Qt.Orientation.Horizontal
            )
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
        self._fit_columns()
        self.search.clear()
        self.totals_bar.recompute()
        self._update_table_label()
        self.review_panel.show_row(self.session, table, None)
        if not self.charts:
            self.add_chart(show=not self.compact)
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

    def _fit_columns(self) -> None:
        """Remembered widths, else fitted to the header and the rows on screen (capped, so a
        long project name does not push every figure off to the right)."""
        assert self.model is not None
        saved = self.settings.value(self._widths_key())
        if isinstance(saved, list) and len(saved) == len(self.model.columns):
            try:
                for i, width in enumerate(saved):
                    self.grid.setColumnWidth(i, int(width))
                return
            except (TypeError, ValueError):
                pass
        cell = self.grid.fontMetrics()
        header = self.grid.horizontalHeader().fontMetrics()
        visible = max(
            1,
            self.grid.viewport().height()
            // max(1, self.grid.verticalHeader().defaultSectionSize()),
        )
        rows = range(min(self.model.rowCount(), visible + 5))
        for i in range(len(self.model.columns)):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            text = max(
                (cell.horizontalAdvance(self.model.display_text(r, i)) for r in rows), default=0
            )
            room = 22 + (
                16 if self.model.columns[i].key == "_review" else 0
            )  # filter/comment icons
            self.grid.setColumnWidth(
                i, max(header.horizontalAdvance(title) + room, min(text, 380) + 20)
            )

    def _save_column_widths(self) -> None:
        if self.model is not None:
            widths = [self.grid.columnWidth(i) for i in range(len(self.model.columns))]
            self.settings.setValue(self._widths_key(), widths)

    def _widths_key(self) -> str:
        """Widths are remembered per language: titles fitted in Chinese clip in English."""
        assert self.model is not None
        language = window_language()
        if language == CHINESE:  # the key widths were stored under before English existed
            return f"columns/{self.model.table.id}"
        return f"columns/{language}/{self.model.table.id}"

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

    # ---- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.session is None:
            return False
        if self.session.read_only or self.session.path is None:
            return self.save_as()
        if self.session.changed_on_disk():
            answer = QMessageBox.question(
                self,
                self.tr("文件已被修改"),
                self.tr(
                    "“{name}”在打开后已被他人或其他程序修改。\n仍要用当前内容覆盖它吗？（选“否”可另存为）"
                ).format(name=self.session.path.name),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.No:
                return self.save_as()
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self.session.accept_disk_state()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        suggested = self._suggested_save_path()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), str(suggested), self.tr("计划文档 (*.xlsx)")
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        return self._save_to(path)

    def _suggested_save_path(self) -> Path:
        from PySide6.QtCore import QStandardPaths

        session = self.session
        assert session is not None
        if session.path:
            return session.path
        title = session.doc.title or "计划文档"
        if session.is_template or session.source_path is None:
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            return Path(documents or Path.home()) / f"{title[:40]}.xlsx"
        return session.source_path.with_name(session.source_path.stem + "（审核）.xlsx")

    def _save_to(self, path: Path) -> bool:
        from workbench.io.document_controller import lock_problem

        assert self.session is not None
        problem = lock_problem(path, self.session.path)
        if problem:
            QMessageBox.warning(self, self.tr("无法保存"), problem)
            return False
        try:
            self.session.save(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("保存失败"),
                self.tr("无法保存“{name}”：{v}。原文件未受影响。").format(
                    name=path.name, v=exc.strerror or exc
                ),
            )
            return False
        self._remember_recent(path)
        self._update_actions()
        self.show_message(self.tr("已保存到 {path}").format(path=path))
        return True

    def export(self, clean: bool = False) -> None:
        if self.session is None:
            return
        from workbench.io.writing.workbook_writer import write_workbook

        base = self.session.path or self.session.source_path or Path("附件.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出打印稿") if clean else self.tr("导出附件"),
            str(base.with_name(base.stem + ("（打印稿）.xlsx" if clean else "（导出）.xlsx"))),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return
        doc = self.session.doc
        try:
            sheets = run_long(
                self,
                self.tr("正在导出“{name}”").format(name=Path(name).name),
                lambda: write_workbook(doc, Path(name), clean=bool(clean), reviewable=False),
                commits=True,
            )
        except Cancelled:
            self.show_message(self.tr("已取消导出，未写出“{name}”").format(name=Path(name).name))
            return
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("导出失败"),
                self.tr("无法写入“{name}”：{v}").format(
                    name=Path(name).name, v=exc.strerror or exc
                ),
            )
            return
        self.show_message(self.tr("已导出 {name}：{v}").format(name=name, v="、".join(sheets)))

    def export_clean(self) -> None:
        """The print copy that goes out: no fills, no comments, no review sheets."""
        self.export(clean=True)

    def write_back(self) -> None:
        if self.session is None:
            return
        from workbench.io.errors import FileProblem
        from workbench.io.writing.write_back import write_back

        # The original is a file the user chose: the annex they opened, or one picked now;
        # never a path recorded inside a received document.
        if self.session.path is None and self.session.source_path is not None:
            original = self.session.source_path
        else:
            start = self.session.path.parent if self.session.path else Path.home()
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择部门原表"), str(start), self.tr("Excel 工作簿 (*.xlsx *.xlsm)")
            )
            if not chosen:
                return
            original = Path(chosen)
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("写回原表（另存）"),
            str(original.with_name(original.stem + "（已修订）.xlsx")),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return
        doc = self.session.doc
        try:
            report = run_long(
                self,
                self.tr("正在写回“{name}”").format(name=original.name),
                lambda: write_back(doc, original, Path(name)),
                commits=True,
            )
        except Cancelled:
            self.show_message(self.tr("已取消写回，未写出“{name}”").format(name=Path(name).name))
            return
        except (FileProblem, OSError) as exc:
            QMessageBox.warning(self, self.tr("写回失败"), str(exc))
            return
        extra = (
            self.tr("；{n_skipped} 项未写回，见修订记录表").format(n_skipped=len(report.skipped))
            if report.skipped
            else ""
        )
        self.show_message(
            self.tr("已按原表“{name}”写回 {written} 个单元格到 {name2}{extra}").format(
                name=original.name, written=report.written, name2=name, extra=extra
            )
        )

    def confirm_discard(self) -> bool:
        """Before closing or replacing the document: save, discard or cancel."""
        if self.session is None or not self.session.modified or self.session.read_only:
            return True
        answer = QMessageBox.question(
            self,
            _app_name(),
            self.tr("当前文档有未保存的修改。是否保存？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

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

    # ---- recent files, drag and drop, closing ------------------------------------------------
    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])

    def _recent(self) -> list[str]:
        value = self.settings.value("recent") or []
        return [value] if isinstance(value, str) else list(value)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
        for n, name in enumerate(recent, start=1):
            self.recent_menu.addAction(f"&{n} {name}", lambda p=name: self.open_path(Path(p)))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_path(files[0]))

    def closeEvent(self, event) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self._save_column_widths()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        if self.session is not None:
            self.session.close()
        event.accept()
