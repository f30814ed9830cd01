"""The main window's file commands: open, save, export the annex, write back into the
department's workbook, compare — each a dialog around the app command that does the work
(workbench/app), the same the command line runs, so both refuse the same things (a file a
colleague holds open) with the same words.

A mixin of MainWindow (ui/main_window.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.ui.long_task import Cancelled, run_long

if TYPE_CHECKING:
    from workbench.core.document import PlanDocument

APP_NAME = QT_TRANSLATE_NOOP("main_window", "计划审核工作台")
FILE_FILTER = QT_TRANSLATE_NOOP(
    "main_window",
    "计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)",
)


def app_name() -> str:
    return QCoreApplication.translate("main_window", APP_NAME)


class FileCommands:
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
        from workbench.ui.compare_actions import compare_file

        return compare_file(self, path if isinstance(path, Path) else None)

    def compare_years(self):
        from workbench.ui.compare_actions import compare_years

        return compare_years(self)

    def open_path(self, path: Path, *, choose: bool = True) -> bool:
        """Open a file: read once by the document controller; the table chooser, if the file
        holds several tables, works on what was read."""
        from workbench.app.opening import open_path
        from workbench.freed_memory import drop_module_sources, give_back
        from workbench.io.errors import FileProblem

        path = Path(path)
        if not self.confirm_discard():
            return False
        try:
            opened = run_long(
                self,
                self.tr("正在打开“{name}”").format(name=path.name),
                lambda: open_path(path, keep_book=True),
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
        give_back()  # …and the reading thread's freed memory with them
        self.set_document(doc, path, native=native)
        drop_module_sources()  # the chart's first open imported matplotlib: its sources go
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
        from workbench.app.opening import open_sample
        from workbench.io.errors import FileProblem

        try:
            opened = open_sample()
        except FileProblem as exc:
            QMessageBox.warning(self, self.tr("无法打开示例"), str(exc))
            return False
        self.set_document(opened.doc, None, native=True, source=opened.path)
        return True

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
        """Through the app's save (Session.save): a file a colleague holds is refused."""
        from workbench.io.errors import FileProblem

        assert self.session is not None
        try:
            self.session.save(path)
        except FileProblem as exc:
            QMessageBox.warning(self, self.tr("无法保存"), str(exc))
            return False
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
        """导出附件 / 导出打印稿 through the app's export (workbench/app/exporting.py): a file
        a colleague holds open is refused there, naming them, before anything is written."""
        if self.session is None:
            return
        from workbench.app.exporting import export_annex
        from workbench.io.errors import FileProblem

        base = self.session.path or self.session.source_path or Path("附件.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出打印稿") if clean else self.tr("导出附件"),
            str(base.with_name(base.stem + ("（打印稿）.xlsx" if clean else "（导出）.xlsx"))),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return
        doc, target = self.session.doc, Path(name)
        try:
            result = run_long(
                self,
                self.tr("正在导出“{name}”").format(name=target.name),
                # the save dialog asked before replacing an existing file
                lambda: export_annex(doc, target, clean=bool(clean), overwrite=True),
                commits=True,
            )
        except Cancelled:
            self.show_message(self.tr("已取消导出，未写出“{name}”").format(name=target.name))
            return
        except FileProblem as exc:
            QMessageBox.warning(self, self.tr("导出失败"), str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("导出失败"),
                self.tr("无法写入“{name}”：{v}").format(name=target.name, v=exc.strerror or exc),
            )
            return
        self.show_message(
            self.tr("已导出 {name}：{v}").format(name=name, v="、".join(result.sheets))
        )
        if result.restated:  # a stated verdict the figures contradict never goes out unsaid
            QMessageBox.information(
                self,
                self.tr("完成情况已按执行数印出"),
                self.tr(
                    "以下 {n} 个指标的原表完成情况与执行数不符，导出的附件已按推算结果印出：\n{v}"
                ).format(n=len(result.restated), v="\n".join(result.restated_lines())),
            )

    def export_clean(self) -> None:
        """The print copy that goes out: no fills, no comments, no review sheets."""
        self.export(clean=True)

    def write_back(self) -> None:
        if self.session is None:
            return
        from workbench.app.writing_back import write_back_to
        from workbench.io.errors import FileProblem

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
                lambda: write_back_to(doc, original, Path(name)),
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
        """Before closing or replacing the document: save, discard or cancel. A team
        session's edits are on the server or queued in the outbox: nothing to ask."""
        if self.session is None or not self.session.modified or self.session.read_only:
            return True
        if self.team is not None:
            return True
        answer = QMessageBox.question(
            self,
            app_name(),
            self.tr("当前文档有未保存的修改。是否保存？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_path(files[0]))
