"""The main window's actions, menus and toolbar: what a user of Excel expects to find where.

A mixin of MainWindow (ui/main_window.py): it builds the QActions and wires them to the
window's commands, which live in the window itself (editing, review) and in
ui/file_commands.py (open, save, export, write-back, compare).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit

from workbench.core.review import REVIEW_STATUSES
from workbench.ui.file_commands import app_name
from workbench.ui.words import core_word


class WindowMenus:
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
        from workbench.ui.archive_dialog import install as install_archive

        install_archive(self, file_menu)  # 计划库…, 保存到计划库…
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

    def _about(self) -> None:
        from workbench.ui.about import show_about

        self.about_dialog = show_about(self, app_name())
