"""文件 → 计划库…: the archive's years and versions; open one (read-only when 审定), save the
current document as a new version, compare two versions in the compare view, mark 审定.

A thin adapter over workbench/app/archive.py; the archive is the one the settings name
(`archive/db`), else WORKBENCH_DB, else the embedded file in the user's data folder.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from workbench.io.archive.location import SETTINGS_KEY  # no SQLAlchemy
from workbench.ui.dialog_buttons import close_only, ok_cancel

# SQLAlchemy and the archive load when the archive is first used, not at the window's start.
archive = None  # workbench.app.archive, once _load() ran


def _load():
    global archive
    if archive is None:
        from workbench.app import archive as loaded

        archive = loaded
    return archive


def _problems() -> tuple[type[Exception], ...]:
    from workbench.io.archive.connection import ArchiveProblem
    from workbench.io.errors import FileProblem

    return ArchiveProblem, FileProblem


_ID_ROLE = Qt.ItemDataRole.UserRole


def archive_location(window) -> str | None:
    """What the settings name; None leaves it to WORKBENCH_DB and then the default file."""
    value = window.settings.value(SETTINGS_KEY)
    return str(value) if value else None


def _run(window, label: str, work, *, commits: bool = False):
    """`work` off the GUI thread; an archive or file problem is shown, and None returned."""
    from workbench.ui.long_task import Cancelled, run_long

    try:
        return run_long(window, label, work, commits=commits)
    except Cancelled:
        window.show_message(QCoreApplication.translate("archive_dialog", "已取消"))
    except _problems() as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("archive_dialog", "计划库"), str(exc)
        )
    return None


class SaveDialog(QDialog):
    """The label, year and note of a new version."""

    def __init__(self, parent, year: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("archive_dialog", "保存到计划库"))
        self.label = QComboBox(self)
        self.label.setEditable(True)
        self.label.addItems(list(_load().KNOWN_LABELS))
        self.label.setCurrentText("")
        self.label.lineEdit().setPlaceholderText(
            QCoreApplication.translate("archive_dialog", "如 报送稿、修订稿、审定稿")
        )
        self.year = QSpinBox(self)
        self.year.setRange(1950, 2200)
        self.year.setValue(year or 2000)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("archive_dialog", "版本名称(&L)："), self.label)
        form.addRow(QCoreApplication.translate("archive_dialog", "计划年度(&Y)："), self.year)
        form.addRow(QCoreApplication.translate("archive_dialog", "说明(&N)："), self.note)
        self.buttons = ok_cancel(self, QCoreApplication.translate("archive_dialog", "保存"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.label.currentText().strip():
            self.label.setFocus()
            return
        super().accept()


def save_to_archive(window, dialog_class=SaveDialog, db=None):
    """保存到计划库…: the current document added as a new version; nothing is overwritten.
    `db`: the archive the 计划库 dialog shows (a team server), else the settings' one."""
    if window.session is None:
        window.show_message(QCoreApplication.translate("archive_dialog", "请先打开一个计划"))
        return None
    _load()
    doc = window.session.doc
    form = dialog_class(window, doc.plan_year or doc.exec_year)
    if form.exec() != QDialog.DialogCode.Accepted:
        return None
    label, note, year = form.label.currentText().strip(), form.note.text(), form.year.value()
    name = window.session.path.name if window.session.path else ""
    db = db or archive_location(window)
    info = _run(
        window,
        QCoreApplication.translate("archive_dialog", "正在保存到计划库"),
        lambda: archive.save_document(db, doc, label=label, note=note, year=year, name=name),
        commits=True,
    )
    if info is not None:
        # the window now holds the new version's content, which is not 审定
        window.session.release_approved()
        window.show_message(
            QCoreApplication.translate(
                "archive_dialog", "已存入计划库：版本 {id}（{year}年 {label}）"
            ).format(id=info.id, year=info.year, label=info.label)
        )
    return info


def offer_new_version(window) -> None:
    """An edit of a 审定 version was refused: say so (who approved it, when) and offer to
    save it as a file of one's own or as a new version, either of which can be changed."""
    session = window.session
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("archive_dialog", "已审定的版本"))
    box.setText(session.read_only_reason())
    save_as = box.addButton(
        QCoreApplication.translate("archive_dialog", "另存为(&A)…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    new_version = box.addButton(
        QCoreApplication.translate("archive_dialog", "保存到计划库(&V)…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    chosen = box.clickedButton()
    if chosen is save_as:
        window.save_as()
    elif chosen is new_version:
        save_to_archive(window)


class ArchiveDialog(QDialog):
    """`server`: a team archive server connected to (ui/team_connect.py); a version opened
    from it becomes a team session. Without it, the archive the settings name."""

    def __init__(self, window, server=None) -> None:
        super().__init__(window)
        _load()
        self.window_ = window
        self.server = server
        self.db = server.url if server is not None else archive_location(window)
        self.setWindowTitle(QCoreApplication.translate("archive_dialog", "计划库"))
        self.resize(900, 480)
        self.where = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("archive_dialog", "年度 / 版本"),
                QCoreApplication.translate("archive_dialog", "版本名称"),
                QCoreApplication.translate("archive_dialog", "文件"),
                QCoreApplication.translate("archive_dialog", "保存人"),
                QCoreApplication.translate("archive_dialog", "时间"),
                QCoreApplication.translate("archive_dialog", "审定"),
                QCoreApplication.translate("archive_dialog", "说明"),
            ]
        )
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.open_button = QPushButton(
            QCoreApplication.translate("archive_dialog", "打开(&O)"), self
        )
        self.compare_button = QPushButton(
            QCoreApplication.translate("archive_dialog", "比较所选两个版本(&C)"), self
        )
        self.approve_button = QPushButton(
            QCoreApplication.translate("archive_dialog", "标为审定(&A)"), self
        )
        self.save_button = QPushButton(
            QCoreApplication.translate("archive_dialog", "保存当前文档到计划库(&S)…"), self
        )
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.approve_button.clicked.connect(self.approve_selected)
        self.save_button.clicked.connect(self.save_current)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        for button in (self.open_button, self.compare_button, self.approve_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(close_only(self))
        self.versions: dict = {}  # id → VersionInfo
        self.refresh()

    def refresh(self) -> bool:
        self.tree.clear()
        self.versions = {}
        try:
            where = archive.init(self.db).where
            found = archive.list_versions(self.db)
        except _problems() as exc:
            self.where.setText(str(exc))
            self._update_buttons()
            return False
        if self.server is not None:
            where = QCoreApplication.translate(
                "archive_dialog", "{server}（团队审核：打开的版本与团队同步）"
            ).format(server=self.server.login.describe())
        self.where.setText(
            QCoreApplication.translate("archive_dialog", "计划库：{where}").format(where=where)
        )
        years: dict[int, QTreeWidgetItem] = {}
        for info in sorted(found, key=lambda v: (-v.year, -v.id)):
            self.versions[info.id] = info
            parent = years.get(info.year)
            if parent is None:
                parent = QTreeWidgetItem(
                    self.tree,
                    [
                        QCoreApplication.translate("archive_dialog", "{year}年").format(
                            year=info.year
                        )
                    ],
                )
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setExpanded(True)
                years[info.year] = parent
            item = QTreeWidgetItem(
                parent,
                [
                    QCoreApplication.translate("archive_dialog", "版本 {id}").format(id=info.id),
                    info.label,
                    info.source_name,
                    info.author,
                    info.created.replace("T", " ")[:19],
                    QCoreApplication.translate("archive_dialog", "审定") if info.approved else "",
                    info.note,
                ],
            )
            item.setData(0, _ID_ROLE, info.id)
        self.tree.expandAll()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()
        return True

    def selected_ids(self) -> list[int]:
        ids = [item.data(0, _ID_ROLE) for item in self.tree.selectedItems()]
        return sorted(i for i in ids if i is not None)

    def select(self, *ids: int) -> None:
        """Select the versions with these ids (what a click on their rows does)."""
        self.tree.clearSelection()
        for item in self.tree.findItems(
            "*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive
        ):
            if item.data(0, _ID_ROLE) in ids:
                item.setSelected(True)

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        self.open_button.setEnabled(len(ids) == 1)
        self.compare_button.setEnabled(len(ids) == 2)
        self.approve_button.setEnabled(len(ids) == 1 and not self.versions[ids[0]].approved)
        self.save_button.setEnabled(self.window_.session is not None)

    def open_selected(self) -> bool:
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        info = self.versions[ids[0]]
        if self.server is not None and not info.approved:  # 审定 versions stay read-only
            from workbench.ui.team_live import open_team_version

            if open_team_version(self.window_, self.server, info) is None:
                return False
            self.accept()
            return True
        if not self.window_.confirm_discard():
            return False
        db = self.db
        opened = _run(
            self.window_,
            QCoreApplication.translate("archive_dialog", "正在打开计划库中的版本"),
            lambda: archive.open_version(db, ids[0]),
        )
        if opened is None:
            return False
        doc, info = opened
        self.window_.set_document(doc, None, native=True)
        if info.approved:  # 审定 versions are read-only in the window too
            self.window_.session.hold_approved(info)
        self.window_.show_message(
            QCoreApplication.translate(
                "archive_dialog", "已打开计划库版本 {id}（{year}年 {label}）{approved}"
            ).format(
                id=info.id,
                year=info.year,
                label=info.label,
                approved=QCoreApplication.translate("archive_dialog", "，已审定，只读")
                if info.approved
                else "",
            )
        )
        self.accept()
        return True

    def compare_selected(self):
        """The older version as the compared-from side, the newer as the other; read-only
        (nothing is written back into an archived version)."""
        from workbench.ui.compare_view import CompareView
        from workbench.ui.session import Session

        ids = self.selected_ids()
        if len(ids) != 2:
            return None
        db = self.db
        loaded = _run(
            self.window_,
            QCoreApplication.translate("archive_dialog", "正在读取两个版本"),
            lambda: (archive.open_version(db, ids[0]), archive.open_version(db, ids[1])),
        )
        if loaded is None:
            return None
        (old_doc, old_info), (new_doc, new_info) = loaded
        old, new = archive.paired_tables(old_doc, new_doc)
        session = Session(old_doc, None, native=True, parent=self.window_)
        session.file.read_only = True
        name = QCoreApplication.translate("archive_dialog", "版本 {id}（{year}年 {label}）").format(
            id=new_info.id, year=new_info.year, label=new_info.label
        )
        view = CompareView(
            session,
            new_doc,
            name,
            old_table=old.id,
            new_table=new.id,
            reconcile=False,
            parent=self.window_,
        )
        view.show()
        self.window_.compare_views = [*getattr(self.window_, "compare_views", []), view]
        return view

    def approve_selected(self) -> bool:
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("archive_dialog", "标为审定"),
            QCoreApplication.translate(
                "archive_dialog", "版本 {id} 标为审定后不能再改动。继续吗？"
            ).format(id=ids[0]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            archive.approve(self.db, ids[0])
        except _problems() as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("archive_dialog", "计划库"), str(exc)
            )
            return False
        self.refresh()
        return True

    def save_current(self):
        info = save_to_archive(self.window_, db=self.db)
        if info is not None:
            self.refresh()
        return info


def open_archive_dialog(window, server=None) -> ArchiveDialog:
    dialog = ArchiveDialog(window, server)
    dialog.show()
    window.archive_dialog = dialog
    return dialog


def install(window, menu) -> None:
    """Add 计划库… and 保存到计划库… to `menu` (the main window's 文件 menu)."""
    menu.addSeparator()
    menu.addAction(
        window._action(
            QCoreApplication.translate("archive_dialog", "计划库(&K)…"),
            lambda: open_archive_dialog(window),
        )
    )
    menu.addAction(
        window._action(
            QCoreApplication.translate("archive_dialog", "保存到计划库(&V)…"),
            lambda: save_to_archive(window),
        )
    )
    from workbench.ui.team_connect import connect_to_server

    menu.addAction(
        window._action(
            QCoreApplication.translate("archive_dialog", "连接计划库服务器(&N)…"),
            lambda: connect_to_server(window),
            tip=QCoreApplication.translate("archive_dialog", "打开团队共用的计划库，多人同时审核"),
        )
    )
