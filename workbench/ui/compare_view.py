"""The compare view: the current document's table beside a second file's (a department's
revised submission, a colleague's copy, or this document's other year), merged or side by
side, and the reviewer's accept/reject of each difference.

A thin adapter: alignment, group sums and the edits come from `core.compare`; every accepted
change goes through `Session.do` (the one edit path: undoable, in the change log as
采纳部门修订 with the file's name, provenance 部门报送). The view re-aligns whenever the
document changes, so an undo in the main window shows up here at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.collector import collector_paused
from workbench.core.compare.align import compare_tables
from workbench.core.compare.crosswalk import Crosswalk, SetCrosswalk
from workbench.core.compare.reconcile import Item, edit_for, items_of
from workbench.core.compare.result import Comparison, RowKind
from workbench.core.compare.yoy import year_over_year
from workbench.core.document import PlanDocument
from workbench.core.edits import Compound
from workbench.core.events import TableChanged
from workbench.core.pairing import counterpart
from workbench.ui.compare_groups import GroupPanel
from workbench.ui.compare_models import (
    KIND_TEXT,
    SUGGESTED,
    CompareModel,
    Entry,
    YearModel,
    _fit_headers,
    arrange,
    follow_row,
    make_grid,
    select_data,
)
from workbench.ui.crosswalk_editor import CrosswalkEditor
from workbench.ui.series_view import open_series
from workbench.ui.words import core_word


class CompareView(QWidget):
    """A window comparing a table of the current document (old) with a table of another
    document (new); accepting writes the new values into the current document."""

    def __init__(
        self,
        session,
        other: PlanDocument,
        other_name: str,
        *,
        old_table: str | None = None,
        new_table: str | None = None,
        reconcile: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.other = other
        self.other_name = other_name
        self.can_reconcile = reconcile
        self.comparison: Comparison | None = None
        self.rejected: set[tuple[str | None, str | None]] = set()
        self.setWindowTitle(self.tr("比较：{other_name}").format(other_name=other_name))
        self.resize(1200, 720)

        self.old_combo = QComboBox(self)
        for table in session.doc.tables.values():
            self.old_combo.addItem(table.sheet_name, table.id)
        self.new_combo = QComboBox(self)
        for table in other.tables.values():
            self.new_combo.addItem(table.sheet_name, table.id)
        select_data(self.old_combo, old_table)
        select_data(self.new_combo, new_table or self._counterpart())
        self.merged_button = QRadioButton(self.tr("合并(&M)"), self)
        self.side_button = QRadioButton(self.tr("并排(&S)"), self)
        self.year_button = QRadioButton(self.tr("指标对照(&Y)"), self)
        self.year_button.setToolTip(
            self.tr("附件一与附件二逐项对照：上年目标、实际、下年目标、步长")
        )
        self.merged_button.setChecked(True)
        modes = QButtonGroup(self)
        for button in (self.merged_button, self.side_button, self.year_button):
            modes.addButton(button)
        self.only_changes = QCheckBox(self.tr("只看差异(&D)"), self)
        self.counts_label = QLabel(self)
        # a long message is cut short (the whole text in its tip), never widening the window
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._pair: tuple[str, str] | None = None
        # What 撤销 takes back, newest last: a set of rejected lines, or "edit" (an accept)
        self._steps: list[set | str] = []

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("当前文档："), self))
        top.addWidget(self.old_combo)
        top.addWidget(QLabel(self.tr("对比 {other_name}：").format(other_name=other_name), self))
        top.addWidget(self.new_combo)
        top.addStretch(1)
        top.addWidget(self.merged_button)
        top.addWidget(self.side_button)
        top.addWidget(self.year_button)
        top.addWidget(self.only_changes)

        self.merged_model = CompareModel("merged", self)
        self.old_model = CompareModel("old", self)
        self.new_model = CompareModel("new", self)
        self.merged_grid = make_grid(self, self.merged_model)
        self.old_grid = make_grid(self, self.old_model)
        self.new_grid = make_grid(self, self.new_model)
        side = QSplitter(Qt.Orientation.Horizontal, self)
        side.addWidget(self.old_grid)
        side.addWidget(self.new_grid)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.merged_grid)
        self.stack.addWidget(side)
        self.year_model = YearModel(self)
        self.year_grid = make_grid(self, self.year_model)
        self.stack.addWidget(self.year_grid)
        # synchronised grids: one scroll position, one selected line
        bars = (self.old_grid.verticalScrollBar(), self.new_grid.verticalScrollBar())
        bars[0].valueChanged.connect(bars[1].setValue)
        bars[1].valueChanged.connect(bars[0].setValue)
        self.old_grid.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: follow_row(self.new_grid, cur.row())
        )
        self.new_grid.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: follow_row(self.old_grid, cur.row())
        )

        self.group_panel = GroupPanel(self)
        self.groups = self.group_panel.tree
        self.canvas = self.group_panel.canvas

        self.accept_button = QPushButton(self.tr("采纳(&A)"), self)
        self.reject_button = QPushButton(self.tr("拒绝(&R)"), self)
        self.accept_group_button = QPushButton(self.tr("采纳本组(&G)"), self)
        self.accept_all_button = QPushButton(self.tr("全部采纳"), self)
        self.reject_group_button = QPushButton(self.tr("拒绝本组"), self)
        self.reject_all_button = QPushButton(self.tr("全部拒绝"), self)
        self.undo_button = QPushButton(self.tr("撤销(&U)"), self)
        self.crosswalk_button = QPushButton(self.tr("对照表(&W)…"), self)
        self.crosswalk_button.clicked.connect(self.edit_crosswalk)
        self.series_button = QPushButton(self.tr("多年序列(&N)…"), self)
        self.series_button.setToolTip(self.tr("再选几个年度的计划文件，逐项看历年实际与下年目标"))
        self.series_button.clicked.connect(self.open_series)
        self.crosswalk_editor: CrosswalkEditor | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.crosswalk_button)
        buttons.addWidget(self.series_button)
        buttons.addWidget(self.counts_label, 1)
        for button in (
            self.accept_button,
            self.reject_button,
            self.accept_group_button,
            self.accept_all_button,
            self.reject_group_button,
            self.reject_all_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
            # undo stays: crosswalk edits are possible in any comparison
            button.setEnabled(reconcile or button is self.undo_button)
        self.accept_action = self._shortcut(self.tr("采纳"), self.accept_selected, "Ctrl+Return")
        self.reject_action = self._shortcut(self.tr("拒绝"), self.reject_selected, "Ctrl+Backspace")
        self.accept_cell_action = self._shortcut(
            self.tr("只采纳当前单元格"), self.accept_current_cell, "Ctrl+Shift+Return"
        )

        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.stack)
        lower.addWidget(self.group_panel)
        lower.setSizes([430, 250])
        lower.setStretchFactor(0, 4)
        lower.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(lower, 1)
        layout.addLayout(buttons)

        self.old_combo.currentIndexChanged.connect(self._old_table_changed)
        self.new_combo.currentIndexChanged.connect(self.recompare)
        modes.buttonToggled.connect(self._mode_changed)
        self.only_changes.toggled.connect(self.refresh)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_group_button.clicked.connect(self.accept_group)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.reject_group_button.clicked.connect(self.reject_group)
        self.reject_all_button.clicked.connect(self.reject_all)
        self.undo_button.clicked.connect(self.undo)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.recompare)
        session.doc.subscribe(self._on_document)
        # crosswalk edits change no table; any step done or undone may change the alignment
        session.changed.connect(self._pending.start)
        session.destroyed.connect(self.close)  # the window opened another document
        self.recompare()

    # ---- building -------------------------------------------------------------------------
    def _shortcut(self, text: str, slot, key: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setEnabled(self.can_reconcile)
        self.addAction(action)
        return action

    def _counterpart(self) -> str | None:
        """The other document's table most like the current one (core's one pairing rule)."""
        table = self.session.doc.tables.get(self.old_combo.currentData())
        if table is None:
            return None
        found = counterpart(table, self.other.tables.values())  # the rule `diff` uses too
        return found.id if found is not None else None

    def _old_table_changed(self) -> None:
        """Another table of the current document: 对比 follows to its counterpart."""
        wanted = self._counterpart()
        if wanted is not None and wanted != self.new_combo.currentData():
            with QSignalBlocker(self.new_combo):
                select_data(self.new_combo, wanted)
        self.recompare()

    # ---- comparing --------------------------------------------------------------------------
    def _on_document(self, event) -> None:
        if not isinstance(event, TableChanged) or event.table == self.old_combo.currentData():
            self._pending.start()

    def recompare(self) -> None:
        old = self.session.doc.tables.get(self.old_combo.currentData())
        new = self.other.tables.get(self.new_combo.currentData())
        if old is None or new is None:
            return
        if (old.id, new.id) != self._pair:  # decisions belong to one pair of tables
            self._pair = (old.id, new.id)
            self.rejected.clear()
            self._steps.clear()
        try:
            comparison = compare_tables(
                old, new, crosswalk=Crosswalk.of(self.session.doc), accept_threshold=None
            )
        except ValueError as exc:
            self.comparison = None
            self._status(str(exc))
            self.group_panel.clear()  # no summary of the tables compared before
            for model in (self.merged_model, self.old_model, self.new_model):
                model.beginResetModel()
                model.lines = []
                model.endResetModel()
            return
        for old_key, new_key in list(self.rejected):
            if any((s.old_key, s.new_key) == (old_key, new_key) for s in comparison.suggestions):
                comparison.reject_suggestion(old_key, new_key)
        self.comparison = comparison
        self.refresh()

    def refresh(self) -> None:
        if self.comparison is None:
            return
        grid = self.active_grid()
        row = grid.currentIndex().row()
        with collector_paused():  # 100k fresh line tuples, none of them garbage
            lines = arrange(self.comparison)
        if self.only_changes.isChecked():
            lines = [line for line in lines if line.kind != RowKind.SAME]
        for model in (self.merged_model, self.old_model, self.new_model):
            model.set_lines(self.comparison, lines, self.rejected)
        if lines and row >= 0:
            grid.selectRow(min(row, len(lines) - 1))
        for view in (self.merged_grid, self.old_grid, self.new_grid):
            name_column = 1 if view is self.merged_grid else 0
            view.setColumnWidth(name_column, 240)
            _fit_headers(view)
            view.freeze(name_column + 1)  # status and name stay while figures scroll
        self._show_counts()
        self.group_panel.show_comparison(self.comparison)
        self._show_years()

    def _show_counts(self) -> None:
        assert self.comparison is not None
        counts = self.comparison.counts()
        parts = [f"{core_word(KIND_TEXT[k])} {counts[k]}" for k in RowKind]
        if self.rejected:
            parts.append(self.tr("已拒绝 {n_rejected}").format(n_rejected=len(self.rejected)))
        self._status("　".join(parts))

    def _status(self, text: str) -> None:
        self.counts_label.setText(text)
        self.counts_label.setToolTip(text)

    def _show_years(self) -> None:
        assert self.comparison is not None
        c = self.comparison
        both = c.old.kind == c.new.kind == "indicators"
        self.year_button.setEnabled(both)
        if not both:
            if self.year_button.isChecked():
                self.merged_button.setChecked(True)
            self.year_model.set_lines([])
            return
        self.year_model.set_lines(year_over_year(c.old, c.new, c.crosswalk))
        self.year_grid.setColumnWidth(2, 260)
        _fit_headers(self.year_grid)

    # ---- what the user sees -----------------------------------------------------------------
    def active_grid(self) -> QTableView:
        if self.stack.currentIndex() != 1:
            return self.merged_grid
        return self.new_grid if self.new_grid.hasFocus() else self.old_grid

    def _mode_changed(self, *_args) -> None:
        row = self.active_grid().currentIndex().row()
        page = 0 if self.merged_button.isChecked() else 1 if self.side_button.isChecked() else 2
        self.stack.setCurrentIndex(page)
        if row >= 0 and page < 2:
            self.active_grid().selectRow(row)

    def selected_lines(self) -> list[Entry]:
        grid = self.active_grid()
        model: CompareModel = grid.model()  # type: ignore[assignment]
        rows = sorted({i.row() for i in grid.selectionModel().selectedRows()})
        if not rows and grid.currentIndex().isValid():
            rows = [grid.currentIndex().row()]
        return [model.line(r) for r in rows if r < len(model.lines)]

    # ---- reconcile ----------------------------------------------------------------------------
    def _do(self, edit) -> bool:
        if edit is None:
            return False
        if not self.session.do(edit, reason=self.other_name):
            QMessageBox.warning(
                self, self.tr("无法采纳"), self.tr("当前文档为只读，或修改未通过校验")
            )
            return False
        self._steps.append("edit")
        return True

    def _items(self, lines: list[Entry]) -> tuple[list[Item], list[Entry]]:
        items: list[Item] = []
        suggestions: list[Entry] = []
        for line in lines:
            if (line.old_key, line.new_key) in self.rejected:
                continue
            if line.kind == SUGGESTED:
                suggestions.append(line)
            elif line.kind in (RowKind.CHANGED, RowKind.ADDED, RowKind.REMOVED):
                items.append(Item(RowKind(line.kind), line.old_key, line.new_key))
        return items, suggestions

    def accept_selected(self) -> None:
        """Accept the selected lines: one undo step. A suggested pair is accepted as a
        crosswalk entry (old name → new name), after which its changes can be accepted."""
        if not self.can_reconcile or self.comparison is None:
            return
        items, suggestions = self._items(self.selected_lines())
        if suggestions:
            c = self.comparison
            edits = tuple(
                SetCrosswalk(
                    "name",
                    str(c.old.rows[s.old_key].get(c.key_column)),
                    str(c.new.rows[s.new_key].get(c.key_column)),
                    label="确认同一行",
                )
                for s in suggestions
            )
            self._do(edits[0] if len(edits) == 1 else Compound(edits, "确认同一行"))
            return
        self._do(edit_for(self.comparison, items))

    def accept_current_cell(self) -> None:
        """Accept one change: the field under the cursor of the current line (Ctrl+Shift+Enter),
        leaving the line's other changes pending."""
        if not self.can_reconcile or self.comparison is None:
            return
        grid = self.active_grid()
        index = grid.currentIndex()
        model: CompareModel = grid.model()  # type: ignore[assignment]
        if not index.isValid() or index.row() >= len(model.lines):
            return
        line = model.line(index.row())
        field = model.field_at(index.column())
        if (
            line.kind != RowKind.CHANGED
            or not field
            or (line.old_key, line.new_key) in self.rejected
        ):
            return
        if line.match is None or line.match.change(field) is None:
            return
        self._do(
            edit_for(self.comparison, [Item(RowKind.CHANGED, line.old_key, line.new_key, field)])
        )

    def reject_selected(self) -> None:
        """Keep the document's values for the selected lines; a rejected suggestion is two
        different rows."""
        self._reject(
            (line.old_key, line.new_key)
            for line in self.selected_lines()
            if line.kind in (RowKind.CHANGED, RowKind.ADDED, RowKind.REMOVED, SUGGESTED)
        )

    def reject_group(self) -> None:
        """Keep the document's values for every difference of the selected group."""
        group = self.selected_group()
        if group is not None and self.comparison is not None:
            self._reject((i.old_key, i.new_key) for i in items_of(self.comparison, group))

    def reject_all(self) -> None:
        if self.comparison is not None:
            c = self.comparison
            pending = [  # a suggestion, and the removed and added rows it becomes
                pair
                for s in c.suggestions
                for pair in ((s.old_key, s.new_key), (s.old_key, None), (None, s.new_key))
            ]
            self._reject([*((i.old_key, i.new_key) for i in items_of(c)), *pending])

    def _reject(self, lines) -> None:
        """One undo step per click: 撤销 takes the rejection back."""
        fresh = set(lines) - self.rejected
        if fresh:
            self.rejected |= fresh
            self._steps.append(fresh)
        self.recompare()

    def selected_group(self) -> str | None:
        item = self.groups.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def accept_group(self) -> None:
        group = self.selected_group()
        if group is None or self.comparison is None:
            return
        items = [
            i
            for i in items_of(self.comparison, group)
            if (i.old_key, i.new_key) not in self.rejected
        ]
        self._do(edit_for(self.comparison, items))

    def accept_all(self) -> None:
        if self.comparison is None:
            return
        items = [
            i for i in items_of(self.comparison) if (i.old_key, i.new_key) not in self.rejected
        ]
        self._do(edit_for(self.comparison, items))

    def undo(self) -> None:
        """Take back the newest decision here: a rejection, else the document's last edit."""
        if self._steps and isinstance(self._steps[-1], set):
            self.rejected -= self._steps.pop()
            self.recompare()
            return
        if self._steps:
            self._steps.pop()
        self.session.undo()

    def open_series(self, paths: list[Path] | None = None):
        window = self.parent()
        return open_series(window, paths if isinstance(paths, list) else None)

    def edit_crosswalk(self) -> CrosswalkEditor:
        if self.crosswalk_editor is None:
            self.crosswalk_editor = CrosswalkEditor(self.session, self)
        self.crosswalk_editor.show()
        self.crosswalk_editor.raise_()
        return self.crosswalk_editor

    def closeEvent(self, event) -> None:
        try:
            self.session.doc.unsubscribe(self._on_document)
        except RuntimeError:  # the session is already gone
            pass
        super().closeEvent(event)
