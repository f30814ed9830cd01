"""Window actions that generate annexes: 生成下年计划, 生成部门填报表, 读取部门返回.

A thin adapter around the app's commands, the same the command line runs: roll-forward
(app/rolling.py), collection workbooks (app/templates.py) and returns (app/returns.py);
accepted returns go through `Session.do` (the one edit path: undoable, logged with the
department's file name, provenance 部门报送).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.compare.reconcile import Item
from workbench.core.compare.result import RowKind
from workbench.core.schema import TableKind, label
from workbench.core.vocab import COMPARE_REMOVED_TEXT, COMPARE_SUGGESTED_FILL

BY_CHOICES = {
    QT_TRANSLATE_NOOP("generate_actions", "按责任单位"): "owner",
    QT_TRANSLATE_NOOP("generate_actions", "按领域"): "sector",
}
DEADLINE_DAYS = 14


def _by_choice(shown: str) -> str:
    """The grouping for the label the user picked (shown in the window's language)."""
    for word, by in BY_CHOICES.items():
        if shown in (word, QCoreApplication.translate("generate_actions", word)):
            return by
    return "owner"


def roll_forward_plan(window) -> bool:
    """生成下年计划: the current plan rolled into next year's, opened as a new document."""
    from workbench.app.rolling import roll_forward_document
    from workbench.io.errors import FileProblem

    if window.session is None:
        window.show_message(QCoreApplication.translate("generate_actions", "请先打开一个计划"))
        return False
    try:
        result = roll_forward_document(window.session.doc)
    except FileProblem as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("generate_actions", "无法生成下年计划"), str(exc)
        )
        return False
    if not window.confirm_discard():
        return False
    window.set_document(result.document, None, native=True)
    window.session.history.mark_modified()  # a new plan, not yet saved
    window._update_actions()
    window.show_message(result.summary())
    return True


def make_collection_workbooks(window) -> list:
    """生成部门填报表: one workbook per unit (or sector) into a folder the user picks."""
    from workbench.app.templates import parse_deadline, write_templates
    from workbench.io.errors import FileProblem

    if window.session is None:
        window.show_message(QCoreApplication.translate("generate_actions", "请先打开一个计划"))
        return []
    choice, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("generate_actions", "生成部门填报表"),
        QCoreApplication.translate("generate_actions", "分组方式："),
        [QCoreApplication.translate("generate_actions", k) for k in BY_CHOICES],
        0,
        False,
    )
    if not ok:
        return []
    due = (date.today() + timedelta(days=DEADLINE_DAYS)).isoformat()
    text, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("generate_actions", "生成部门填报表"),
        QCoreApplication.translate("generate_actions", "填报截止日期（YYYY-MM-DD）："),
        text=due,
    )
    if not ok:
        return []
    try:
        deadline = parse_deadline(text)
    except ValueError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("generate_actions", "日期无效"), str(exc)
        )
        return []
    start = str(window.session.path.parent) if window.session.path else ""
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("generate_actions", "选择填报表输出文件夹"), start
    )
    if not folder:
        return []
    try:
        written = write_templates(
            window.session.doc, folder, by=_by_choice(choice), deadline=deadline
        ).workbooks
    except FileProblem as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("generate_actions", "无法生成填报表"), str(exc)
        )
        return []
    window.show_message(
        QCoreApplication.translate(
            "generate_actions", "已生成 {n_written} 个部门填报表，位于 {folder}"
        ).format(n_written=len(written), folder=folder)
    )
    return written


def read_department_returns(window, folder: str | None = None):
    """读取部门返回: a folder of returned workbooks, summarised, changes to accept/reject."""
    from workbench.app.returns import read_returns
    from workbench.io.errors import FileProblem

    if window.session is None:
        window.show_message(
            QCoreApplication.translate("generate_actions", "请先打开生成填报表所用的计划")
        )
        return None
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            window, QCoreApplication.translate("generate_actions", "选择部门返回文件所在的文件夹")
        )
        if not folder:
            return None
    try:
        summary = read_returns(window.session.doc, folder)
    except (FileProblem, ValueError) as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("generate_actions", "无法读取返回文件"), str(exc)
        )
        return None
    view = ReturnsView(window.session, summary, parent=window)
    view.show()
    window.return_views = [*getattr(window, "return_views", []), view]
    return view


class ReturnsView(QWidget):
    """Who returned, who did not, and each department's changes: accept or reject per row
    or per department."""

    def __init__(self, session, summary, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.summary = summary
        self.setWindowTitle(self.tr("部门返回"))
        self.resize(1000, 640)
        self.head = QLabel(summary.lines()[0], self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("单位 / 项目"),
                self.tr("内容"),
                self.tr("原值"),
                self.tr("报送值"),
                self.tr("核对"),
            ]
        )
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 200)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.accept_button = QPushButton(self.tr("采纳所选(&A)"), self)
        self.reject_button = QPushButton(self.tr("拒绝所选(&R)"), self)
        self.accept_all_button = QPushButton(self.tr("全部采纳"), self)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button.clicked.connect(self.accept_all)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("选中单位行即对该单位全部修改操作"), self))
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        for index, item in enumerate(self.summary.returned):
            c = item.counts()
            top = QTreeWidgetItem(
                self.tree,
                [
                    f"{item.unit}（{item.name}）",
                    self.tr("修改 {v}，新增 {v2}，删除 {v3}").format(
                        v=c["changed"], v2=c["added"], v3=c["removed"]
                    ),
                    self.tr("未填 {n_unfilled}").format(n_unfilled=len(item.unfilled))
                    if item.unfilled
                    else "",
                    self.tr("问题 {n_problems}").format(n_problems=len(item.problems))
                    if item.problems
                    else "",
                ],
            )
            top.setData(0, Qt.ItemDataRole.UserRole, (index, None))
            top.setToolTip(0, str(item.path))
            for problem in item.problems + item.unit_changes:
                line = QTreeWidgetItem(top, [self.tr("⚠ 问题"), problem])
                line.setToolTip(1, problem)
            comparison = item.comparison
            slips = {(u.new_key, u.field): u.reason for u in item.unit_slips()}
            added_slips: dict[str, list[str]] = {}
            for (new_key, _field), reason in slips.items():
                added_slips.setdefault(new_key, []).append(reason)
            if slips:
                top.setText(4, self.tr("⚠ 疑似单位错误 {n}").format(n=len(slips)))
                top.setForeground(4, _SLIP_TEXT)
            for entry in item.items():
                if entry.kind is RowKind.CHANGED:
                    match = next(
                        m
                        for m in comparison.matched
                        if (m.old_key, m.new_key) == (entry.old_key, entry.new_key)
                    )
                    for change in match.changes:
                        line = QTreeWidgetItem(
                            top,
                            [
                                comparison.old_name(match.old_key),
                                self.tr("修改 {v}").format(
                                    v=label(TableKind.PROJECTS, change.field)
                                ),
                                _text(change.old),
                                _text(change.new),
                            ],
                        )
                        line.setData(
                            0,
                            Qt.ItemDataRole.UserRole,
                            (
                                index,
                                Item(RowKind.CHANGED, match.old_key, match.new_key, change.field),
                            ),
                        )
                        _flag(line, slips.get((match.new_key, change.field)))
                elif entry.kind is RowKind.ADDED:
                    line = QTreeWidgetItem(
                        top, [comparison.new_name(entry.new_key), self.tr("新增项目")]
                    )
                    line.setData(0, Qt.ItemDataRole.UserRole, (index, entry))
                    reasons = added_slips.get(entry.new_key or "")
                    _flag(line, "；".join(reasons) if reasons else None)
                else:
                    line = QTreeWidgetItem(
                        top, [comparison.old_name(entry.old_key), self.tr("删除项目")]
                    )
                    line.setData(0, Qt.ItemDataRole.UserRole, (index, entry))
        for unit in self.summary.missing:
            QTreeWidgetItem(self.tree, [unit, self.tr("未返回")])
        self.tree.expandAll()

    def _selected(self) -> dict[int, list[Item] | None]:
        """Per returned workbook: the chosen items, or None for the whole department."""
        chosen: dict[int, list[Item] | None] = {}
        for node in self.tree.selectedItems():
            data = node.data(0, Qt.ItemDataRole.UserRole)
            if not data:
                continue
            index, entry = data
            if entry is None:
                chosen[index] = None
            elif chosen.get(index, []) is not None:
                chosen.setdefault(index, []).append(entry)
        return chosen

    def accept_all(self) -> int:
        """Every department's changes, each as one undo step (after the same confirmation
        for figures that look typed in the wrong unit)."""
        return self._accept({i: None for i in range(len(self.summary.returned))})

    def accept_selected(self) -> int:
        """Accept the selected lines (a department line: all of its changes); one undo step
        per department. Returns how many departments' changes were applied."""
        return self._accept(self._selected())

    def _slips_in(self, chosen: dict[int, list[Item] | None]) -> list[str]:
        found = []
        for index, entries in chosen.items():
            item = self.summary.returned[index]
            comparison = item.comparison
            for slip in item.unit_slips():
                if entries is not None and not any(
                    e.new_key == slip.new_key and e.field in (None, slip.field) for e in entries
                ):
                    continue
                name = comparison.new_name(slip.new_key)
                found.append(
                    self.tr("{unit}：{name} {field} {value}——{reason}").format(
                        unit=item.unit,
                        name=name,
                        field=label(TableKind.PROJECTS, slip.field),
                        value=_text(slip.new),
                        reason=slip.reason,
                    )
                )
        return found

    def _confirm_slips(self, slips: list[str]) -> bool:
        """A figure off by a power of ten is taken only when the reviewer says so."""
        shown = "\n".join(slips[:10]) + (
            self.tr("\n……等 {n} 处").format(n=len(slips)) if len(slips) > 10 else ""
        )
        answer = QMessageBox.question(
            self,
            self.tr("疑似单位错误"),
            self.tr("以下报送值疑似单位填错（如把万元填成亿元）：\n{lines}\n\n仍要采纳吗？").format(
                lines=shown
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _accept(self, chosen: dict[int, list[Item] | None]) -> int:
        slips = self._slips_in(chosen)
        if slips and not self._confirm_slips(slips):
            return 0
        from workbench.app.returns import accept_return

        applied = 0
        for index, entries in chosen.items():
            if accept_return(self.session.do, self.summary.returned[index], entries):
                applied += 1
                self._drop(index, entries)
        self._fill()
        return applied

    def reject_selected(self) -> None:
        for index, entries in self._selected().items():
            self._drop(index, entries)
        self._fill()

    def _drop(self, index: int, entries: list[Item] | None) -> None:
        """Take decided lines out of the department's comparison so they are not offered
        again (the document keeps its value for a rejected line)."""
        comparison = self.summary.returned[index].comparison
        if entries is None:
            comparison.matched = [m for m in comparison.matched if not m.changes]
            comparison.added, comparison.removed = [], []
            return
        for entry in entries:
            if entry.kind is RowKind.ADDED:
                comparison.added = [k for k in comparison.added if k != entry.new_key]
            elif entry.kind is RowKind.REMOVED:
                comparison.removed = [k for k in comparison.removed if k != entry.old_key]
            else:
                comparison.matched = [
                    m._replace(changes=tuple(c for c in m.changes if c.field != entry.field))
                    if (m.old_key, m.new_key) == (entry.old_key, entry.new_key)
                    else m
                    for m in comparison.matched
                ]


_SLIP_TEXT = QBrush(QColor(COMPARE_REMOVED_TEXT))
_SLIP_FILL = QBrush(QColor(COMPARE_SUGGESTED_FILL))


def _flag(line: QTreeWidgetItem, reason: str | None) -> None:
    """Mark a returned figure that looks typed in the wrong unit: shown before accepting."""
    if not reason:
        return
    line.setText(4, "⚠ " + reason)
    line.setToolTip(4, reason)
    for column in range(5):
        line.setBackground(column, _SLIP_FILL)
    line.setForeground(4, _SLIP_TEXT)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def install(window, menu) -> None:
    """Add the three actions to `menu` (the main window's 文件 menu)."""
    menu.addSeparator()
    for text, slot in (
        (
            QCoreApplication.translate("generate_actions", "生成下年计划(&N)"),
            lambda: roll_forward_plan(window),
        ),
        (
            QCoreApplication.translate("generate_actions", "生成部门填报表(&T)…"),
            lambda: make_collection_workbooks(window),
        ),
        (
            QCoreApplication.translate("generate_actions", "读取部门返回(&B)…"),
            lambda: read_department_returns(window),
        ),
    ):
        menu.addAction(window._action(text, slot))
