"""The reconcile view: each field both I and a colleague changed, side by side — what it was,
what I made it, what they made it (who, when) — and the choice of whose value stands, line
by line or for all at once.

The choice is the team session's (`resolve(conflict, keep)`), which applies it through the
document's one edit path; this view only shows and asks. It reads the open conflicts from
the session each time it refreshes, so a conflict resolved elsewhere (or a new one from a
sync) is shown as it is now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.team import COMMENT_FIELD, STATUS_FIELD, Conflict
from workbench.core.vocab import PROBLEM_TEXT
from workbench.ui.dialog_buttons import close_only
from workbench.ui.table_format import format_value
from workbench.ui.words import core_word

MINE, THEIRS = "mine", "theirs"
COLUMNS = 7  # 表, 行, 字段, 原值, 我的, 对方的, choice


def field_label(doc, conflict: Conflict) -> str:
    if conflict.field == STATUS_FIELD:
        return QCoreApplication.translate("team_reconcile", "审核状态")
    if conflict.field == COMMENT_FIELD:
        return QCoreApplication.translate("team_reconcile", "审核意见")
    table = doc.tables.get(conflict.table) if doc is not None else None
    if table is not None:
        for field in table.fields:
            if field.key == conflict.field:
                return core_word(field.label)
    return conflict.field


def _style(doc, conflict: Conflict) -> str:
    """How the grid prints this field (money, rate…), so the three values read alike."""
    from workbench.ui.table_format import grid_columns

    table = doc.tables.get(conflict.table) if doc is not None else None
    if table is None:
        return ""
    return next((c.style for c in grid_columns(table, doc) if c.key == conflict.field), "")


def value_text(value: Any, style: str, field: str = "") -> str:
    if value is None or value == "":
        return QCoreApplication.translate("team_reconcile", "（空）")
    if field == STATUS_FIELD:  # a review word (已审 …); figures and comments stay as typed
        return core_word(str(value))
    return format_value(value, style)


def row_label(doc, conflict: Conflict) -> str:
    table = doc.tables.get(conflict.table) if doc is not None else None
    row = table.rows.get(conflict.row_key) if table is not None else None
    if row is None:
        return conflict.row_key
    return str(row.get("name") or row.get("group") or conflict.row_key)


def table_label(doc, conflict: Conflict) -> str:
    table = doc.tables.get(conflict.table) if doc is not None else None
    return table.sheet_name if table is not None else conflict.table


def when_text(at: str) -> str:
    return str(at or "")[:16].replace("T", " ")


class ReconcileView(QDialog):
    """One line per conflict; `team` has `conflicts` and `resolve(conflict, keep)` (a refusal
    sentence or None), `doc` names tables, rows and fields as the grid does."""

    resolved = Signal()  # after any choice, so the status bar counts again

    def __init__(self, parent, team, doc) -> None:
        super().__init__(parent)
        self.team = team
        self.doc = doc
        self.setWindowTitle(QCoreApplication.translate("team_reconcile", "处理冲突"))
        self.resize(980, 420)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("team_reconcile", "表"),
                QCoreApplication.translate("team_reconcile", "行"),
                QCoreApplication.translate("team_reconcile", "字段"),
                QCoreApplication.translate("team_reconcile", "原值"),
                QCoreApplication.translate("team_reconcile", "我的"),
                QCoreApplication.translate("team_reconcile", "对方的"),
                QCoreApplication.translate("team_reconcile", "采用"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.all_mine = QPushButton(
            QCoreApplication.translate("team_reconcile", "全部采用我的(&M)"), self
        )
        self.all_theirs = QPushButton(
            QCoreApplication.translate("team_reconcile", "全部采用对方的(&T)"), self
        )
        self.all_mine.clicked.connect(lambda: self.resolve_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.resolve_all(THEIRS))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_TEXT};")
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(close_only(self))
        self.shown: list[Conflict] = []
        self.refresh()

    # ---- what is shown ------------------------------------------------------------------------
    def refresh(self) -> None:
        conflicts = list(self.team.conflicts)
        if conflicts and conflicts == self.shown and self.table.rowCount() == len(conflicts):
            return  # nothing new: the lines (and the focus in them) stay as they are
        self.shown = conflicts
        self.table.setRowCount(0)  # the old lines' buttons go with them
        self.table.setRowCount(len(self.shown))
        for line, conflict in enumerate(self.shown):
            style, field = _style(self.doc, conflict), conflict.field
            theirs = value_text(conflict.theirs, style, field)
            if conflict.theirs_who or conflict.theirs_at:
                theirs += "\n" + QCoreApplication.translate(
                    "team_reconcile", "{who} 于 {at}"
                ).format(
                    who=conflict.theirs_who or QCoreApplication.translate("team_reconcile", "他人"),
                    at=when_text(conflict.theirs_at),
                )
            texts = (
                table_label(self.doc, conflict),
                row_label(self.doc, conflict),
                field_label(self.doc, conflict),
                value_text(conflict.original, style, field),
                value_text(conflict.mine, style, field),
                theirs,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(line, column, item)
            self.table.setCellWidget(line, COLUMNS - 1, self._choice(conflict))
        self.table.resizeColumnsToContents()
        for column in range(COLUMNS - 1):
            if self.table.columnWidth(column) > 320:
                self.table.setColumnWidth(column, 320)
        self.table.resizeRowsToContents()
        self.summary.setText(
            QCoreApplication.translate(
                "team_reconcile", "{n} 处修改与他人的修改冲突：请逐条选择保留哪一方的值。"
            ).format(n=len(self.shown))
            if self.shown
            else QCoreApplication.translate("team_reconcile", "没有待处理的冲突。")
        )
        self.all_mine.setEnabled(bool(self.shown))
        self.all_theirs.setEnabled(bool(self.shown))

    def _choice(self, conflict: Conflict) -> QWidget:
        box = QWidget(self.table)
        row = QHBoxLayout(box)
        row.setContentsMargins(2, 0, 2, 0)
        mine = QPushButton(QCoreApplication.translate("team_reconcile", "我的"), box)
        theirs = QPushButton(QCoreApplication.translate("team_reconcile", "对方的"), box)
        mine.setObjectName("mine")
        theirs.setObjectName("theirs")
        mine.clicked.connect(lambda: self.resolve_one(conflict, MINE))
        theirs.clicked.connect(lambda: self.resolve_one(conflict, THEIRS))
        row.addWidget(mine)
        row.addWidget(theirs)
        return box

    def choice_button(self, line: int, keep: str) -> QPushButton:
        """The 我的 / 对方的 button of a line (what a click in that line presses)."""
        return self.table.cellWidget(line, COLUMNS - 1).findChild(QPushButton, keep)

    # ---- choices ----------------------------------------------------------------------------
    def _resolve(self, conflict: Conflict, keep: str) -> str | None:
        """The session's choice; a refusal (the server's, or none reachable) as a sentence."""
        from workbench.io.archive.connection import ArchiveProblem

        try:
            result = self.team.resolve(conflict, keep)
        except ArchiveProblem as exc:
            return str(exc)
        return result if isinstance(result, str) and result else None

    def resolve_one(self, conflict: Conflict, keep: str) -> bool:
        problem = self._resolve(conflict, keep)
        self.problem.setText(problem or "")
        self.refresh()
        self.resolved.emit()
        return not problem

    def resolve_all(self, keep: str) -> None:
        problems = [p for c in list(self.shown) if (p := self._resolve(c, keep))]
        self.problem.setText("\n".join(problems))
        self.refresh()
        self.resolved.emit()


def open_reconcile(window, team, on_resolved=None) -> ReconcileView:
    """The window's one reconcile view, brought forward if already open."""
    view = getattr(window, "reconcile_view", None)
    if view is None or view.team is not team:
        view = ReconcileView(window, team, window.session.doc if window.session else None)
        window.reconcile_view = view
        if on_resolved is not None:
            view.resolved.connect(on_resolved)
    view.refresh()
    view.show()
    view.raise_()
    view.activateWindow()
    return view
