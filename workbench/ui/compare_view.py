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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.collector import collector_paused
from workbench.core.compare.align import compare_tables
from workbench.core.compare.crosswalk import Crosswalk, SetCrosswalk
from workbench.core.compare.reconcile import Item, edit_for, items_of
from workbench.core.compare.result import Comparison, RowKind
from workbench.core.compare.tables import counterpart
from workbench.core.compare.yoy import year_over_year
from workbench.core.document import PlanDocument
from workbench.core.edits import Compound
from workbench.core.events import TableChanged
from workbench.core.vocab import (
    NEW_SERIES,
    OLD_SERIES,
)
from workbench.ui.compare_models import (
    KIND_TEXT,
    SUGGESTED,
    CompareModel,
    Entry,
    YearModel,
    _fit_headers,
    _fmt,
    arrange,
    follow_row,
    make_grid,
    round_sum,
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

        self.groups = QTreeWidget(self)
        self.groups.setRootIsDecorated(False)
        self.groups.setHeaderLabels(
            [
                self.tr("分组"),
                self.tr("行数 旧→新"),
                self.tr("金额 旧→新"),
                "Δ",
                self.tr("新增"),
                self.tr("删除"),
                self.tr("修改"),
            ]
        )

        self.accept_button = QPushButton(self.tr("采纳(&A)"), self)
        self.reject_button = QPushButton(self.tr("拒绝(&R)"), self)
        self.accept_group_button = QPushButton(self.tr("采纳本组(&G)"), self)
        self.accept_all_button = QPushButton(self.tr("全部采纳"), self)
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

        self.canvas = None
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.groups)
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 2.4), dpi=96))
            bottom.addWidget(self.canvas)
            bottom.setStretchFactor(0, 3)
            bottom.setStretchFactor(1, 2)
        except ImportError:  # pragma: no cover - matplotlib is a dependency; the table suffices
            pass
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.stack)
        lower.addWidget(bottom)
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
        others = [t for t in self.other.tables.values() if t is not table]
        found = counterpart(table, others)
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
        try:
            comparison = compare_tables(
                old, new, crosswalk=Crosswalk.of(self.session.doc), accept_threshold=None
            )
        except ValueError as exc:
            self.comparison = None
            self._status(str(exc))
            self.groups.clear()  # no summary of the tables compared before
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
        self._show_counts()
        self._show_groups()
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

    def _money_pair(self) -> tuple[str | None, str | None, str, str]:
        """Which sums to set side by side: the same field in both versions; last year's
        completed investment beside next year's plan when the new table has no completions
        (a year-over-year comparison of project lists)."""
        c = self.comparison
        assert c is not None
        groups = c.groups()
        if not groups or not groups[0].sums_new:
            return None, None, "", ""

        def has(side: str, name: str) -> bool:
            return any(getattr(g, side).get(name) is not None for g in groups)

        if has("sums_old", "completed") and not has("sums_new", "completed"):
            if has("sums_new", "annual_plan"):
                return (
                    "completed",
                    "annual_plan",
                    self.tr("完成投资（旧）"),
                    self.tr("年度计划投资（新）"),
                )
        for name, label in (
            ("annual_plan", self.tr("年度计划投资")),
            ("completed", self.tr("完成投资")),
        ):
            if has("sums_old", name) or has("sums_new", name):
                return (
                    name,
                    name,
                    self.tr("{label}（旧）").format(label=label),
                    self.tr("{label}（新）").format(label=label),
                )
        return None, None, "", ""

    def _show_groups(self) -> None:
        assert self.comparison is not None
        old_field, new_field, old_label, new_label = self._money_pair()
        self.groups.clear()
        self.groups.setHeaderLabels(
            [
                self.tr("分组"),
                self.tr("行数 旧→新"),
                old_label or self.tr("金额（旧）"),
                new_label or self.tr("金额（新）"),
                "Δ",
                self.tr("新增"),
                self.tr("删除"),
                self.tr("修改"),
            ]
        )
        header = self.groups.header()
        for column in range(1, self.groups.columnCount()):  # titles are longer in English
            text = self.groups.headerItem().text(column)
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(text) + 24)
        names, olds, news = [], [], []
        for g in self.comparison.groups():
            old_sum = g.sums_old.get(old_field) if old_field else None
            new_sum = g.sums_new.get(new_field) if new_field else None
            delta = None if old_sum is None and new_sum is None else (new_sum or 0) - (old_sum or 0)
            name = g.group + (
                self.tr("（含原“{v}”）").format(v="、".join(g.old_names)) if g.old_names else ""
            )
            item = QTreeWidgetItem(
                [
                    name,
                    f"{g.count_old}→{g.count_new}",
                    _fmt(round_sum(old_sum)),
                    _fmt(round_sum(new_sum)),
                    ("+" if (delta or 0) > 0 else "") + _fmt(round_sum(delta)) if old_field else "",
                    str(g.added),
                    str(g.removed),
                    str(g.changed),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, g.group)
            self.groups.addTopLevelItem(item)
            names.append(g.group)
            olds.append(old_sum or 0.0)
            news.append(new_sum or 0.0)
        self._draw_chart(names, olds, news, old_label, new_label)

    def _draw_chart(self, names, olds, news, old_label: str, new_label: str) -> None:
        """Change by group: old and new sums as paired horizontal bars."""
        if self.canvas is None:
            return
        import matplotlib as mpl

        from workbench.charts.fonts import chart_rc

        mpl.rcParams.update(chart_rc())
        figure = self.canvas.figure
        figure.clear()
        if not old_label or not names:
            figure.text(0.5, 0.5, self.tr("此表没有可汇总的金额"), ha="center", va="center")
            self.canvas.draw_idle()
            return
        axes = figure.add_subplot(111)
        positions = range(len(names))
        axes.bar([p - 0.2 for p in positions], olds, width=0.4, label=old_label, color=OLD_SERIES)
        axes.bar([p + 0.2 for p in positions], news, width=0.4, label=new_label, color=NEW_SERIES)
        axes.set_xticks(list(positions), names, fontsize=7, rotation=20, ha="right")
        axes.tick_params(axis="y", labelsize=7)
        axes.set_ylabel(self.tr("亿元"), fontsize=8)
        axes.legend(fontsize=7, frameon=False)
        axes.set_title(self.tr("按分组的变化"), fontsize=9)
        figure.tight_layout(pad=0.4)
        self.canvas.draw_idle()

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
        for line in self.selected_lines():
            if line.kind in (RowKind.CHANGED, RowKind.ADDED, RowKind.REMOVED, SUGGESTED):
                self.rejected.add((line.old_key, line.new_key))
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
