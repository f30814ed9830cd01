"""Side panel for the current row: its review status and comment, where its figures came
from, the derived status with its reason, and the original values of changed cells."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.core.indicators import DERIVED, rule_for, status_of
from workbench.core.numbers import format_number, parse_number
from workbench.core.review import REVIEW_STATUSES
from workbench.core.schema import DIRECTION_LABELS, TableKind
from workbench.core.status import DONE, MOSTLY, NOT_DONE, direction_for
from workbench.core.vocab import PLAIN_TEXT, STATUS_COLOURS
from workbench.ui.words import core_text, core_word

JUDGED = frozenset({DONE, MOSTLY, NOT_DONE})


class ReviewPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session = None
        self.table = None
        self.key: str | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("未选择行"))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        row = QGridLayout()
        self.buttons = QButtonGroup(self)
        buttons = [QRadioButton(core_word(status)) for status in REVIEW_STATUSES]
        # One row when the words are short (Chinese), two when they are not (English), so
        # the panel stays narrow enough for a laptop screen beside the grid.
        per_row = len(buttons) if sum(b.sizeHint().width() for b in buttons) <= 260 else 2
        for i, (status, button) in enumerate(zip(REVIEW_STATUSES, buttons, strict=True)):
            button.setProperty("status", status)  # the stored word, whatever the language
            self.buttons.addButton(button)
            row.addWidget(button, i // per_row, i % per_row)
        self.buttons.buttonClicked.connect(self._status_clicked)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("审核意见：")))
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)  # Tab moves on, as in every form; it types no tab
        self.comment.setPlaceholderText(self.tr("写下存疑或退回的理由…"))
        self.comment.setMaximumHeight(110)
        layout.addWidget(self.comment)
        self.save_comment = QPushButton(self.tr("保存意见"))
        self.save_comment.clicked.connect(self._save_comment)
        layout.addWidget(self.save_comment)
        self.details = QFormLayout()
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.details)
        layout.addStretch(1)
        self.setEnabled(False)

    def show_row(self, session, table, key: str | None) -> None:
        self.session, self.table, self.key = session, table, key
        from workbench.ui.archive_series import show_series

        show_series(self, table, key)  # the indicator's archived years, when there are any
        while self.details.rowCount():
            self.details.removeRow(0)
        if session is None or table is None or key is None or key not in table.rows:
            # nothing of the last row (or the last file) stays on show
            self.title.setText(self.tr("未选择行"))
            self.comment.clear()
            exclusive = self.buttons.exclusive()
            self.buttons.setExclusive(False)
            for button in self.buttons.buttons():
                button.setChecked(False)
            self.buttons.setExclusive(exclusive)
            self.setEnabled(False)
            return
        self.setEnabled(not session.read_only)
        row = table.rows[key]
        self.title.setText(str(row.get("name") or row.get("group") or key))
        mark = table.mark(key)
        for button in self.buttons.buttons():
            button.setChecked(button.property("status") == mark.status)
        self.comment.setPlainText(mark.comment)
        if table.kind is TableKind.INDICATORS:
            status = status_of(table, key, session.doc.policy)
            derived = status.derived.status
            if status.source != DERIVED and derived in JUDGED and derived != status.effective:
                # both, and marked: a stated verdict the figures no longer support
                both = self._label(
                    self.tr("{source}：{effective}；推算：{derived}（不一致）").format(
                        source=core_word(status.source),
                        effective=core_word(status.effective),
                        derived=core_word(derived),
                    )
                )
                both.setStyleSheet(f"color: {STATUS_COLOURS.get(derived, PLAIN_TEXT)};")
                self.details.addRow(self.tr("完成情况："), both)
            else:
                shown = self._label(
                    self.tr("{effective}（{source}）").format(
                        effective=core_word(status.effective) or "—",
                        source=core_word(status.source),
                    )
                )
                colour = STATUS_COLOURS.get(status.effective or "")
                if colour:
                    shown.setStyleSheet(f"color: {colour};")
                self.details.addRow(self.tr("完成情况："), shown)
            reason = self._label(core_text(status.derived.reason))
            self.details.addRow(self.tr("判定依据："), reason)
            self.details.addRow(self.tr("判定方向："), self._direction_box(row))
            self.details.addRow(self.tr("判定容差："), self._tolerance_edit(row))
        origins = sorted(
            {table.provenance_of(key, c) for c in table.columns if row.get(c) is not None}
        )
        self.details.addRow(
            self.tr("数据来源："),
            self._label(
                self.tr("、").join(map(core_word, origins)) or core_word(table.default_provenance)
            ),
        )
        empty = self.tr("（空）")
        for column in table.columns:
            revision = session.revisions.get(table.id, key, column)
            if revision is not None:
                label = core_word(next(f.label for f in table.fields if f.key == column))
                text = self._label(
                    f"{empty if revision.original is None else revision.original} → {revision.current}"
                )
                self.details.addRow(self.tr("{label}原值：").format(label=label), text)
        source_row = table.row_source.get(key)
        if source_row and table.source:
            self.details.addRow(
                self.tr("原表位置："),
                self._label(
                    self.tr("{file} · {sheet} · 第 {source_row} 行").format(
                        file=table.source.file, sheet=table.source.sheet, source_row=source_row
                    )
                ),
            )

    def _label(self, text: str) -> QLabel:
        """A value of the form, wrapped rather than widening the panel."""
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _direction_box(self, row) -> QComboBox:
        """How the target is judged for this row: inferred from the name, or set by the
        reviewer (an unemployment rate is better lower); a change re-derives the status."""
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        guessed = core_word(DIRECTION_LABELS[direction_for(row.get("name"), row.get("unit"))])
        box.addItem(self.tr("按名称推断（{guessed}）").format(guessed=guessed), None)
        for value, label in DIRECTION_LABELS.items():
            box.addItem(core_word(label), value)
        box.setCurrentIndex(max(0, box.findData(row.get("direction"))))
        box.currentIndexChanged.connect(lambda _: self._direction_chosen(box.currentData()))
        self.direction = box
        return box

    def _tolerance_edit(self, row) -> QLineEdit:
        """This row's own tolerance, in the unit of its target; empty means the plan's
        (计划属性 → 审核容差), which the placeholder states for this row."""
        edit = QLineEdit()  # read by core/numbers like every typed figure (no Qt validator,
        # whose idea of "1,5" follows the system locale)
        own = row.get("tolerance")
        edit.setText("" if own is None else format_number(own))
        rule = rule_for(row.get("target"))
        nominal = (rule.value if rule.value is not None else rule.high) if rule else None
        if rule is not None and nominal is not None:
            plan = self.session.doc.policy.tolerance(rule, nominal)
            edit.setPlaceholderText(
                self.tr("按计划容差（±{plan}）").format(plan=format_number(round(plan, 4)))
            )
        else:
            edit.setPlaceholderText(self.tr("按计划容差"))
        edit.setToolTip(
            self.tr("以目标的单位计，如百分比类目标填 1 表示 ±1 个百分点；留空则按计划容差")
        )
        # The row is bound now: the panel may already show another row when focus leaves.
        table, key = self.table, self.key
        edit.editingFinished.connect(lambda: self._tolerance_entered(table, key, edit.text()))
        self.tolerance = edit
        return edit

    def _tolerance_entered(self, table, key: str | None, text: str) -> None:
        if not (self.session and table is not None and key in table.rows):
            return
        parsed = parse_number(text)
        value = parsed.value
        problem = parsed.error or (
            self.tr("容差不能为负数或百分数") if parsed.percent or (value or 0) < 0 else None
        )
        if problem:
            name = table.rows[key].get("name") or key
            self.session.editRejected.emit(
                self.tr("“{name}”的容差：{problem}").format(name=name, problem=problem)
            )
            return
        if value != table.rows[key].get("tolerance"):
            change = CellChange(key, "tolerance", value)
            self.session.do(SetCells(table.id, (change,), "设定本行容差"))

    def _direction_chosen(self, value) -> None:
        if self.session and self.table and self.key:
            change = CellChange(self.key, "direction", value)
            self.session.do(SetCells(self.table.id, (change,), "设定判定方向"))

    def _status_clicked(self, button) -> None:
        if self.session and self.table and self.key:
            self.session.do(
                SetReview(
                    self.table.id,
                    self.key,
                    status=button.property("status"),
                    label=f"标记为{button.property('status')}",
                )
            )

    def _save_comment(self) -> None:
        if self.session and self.table and self.key:
            self.session.do(
                SetReview(
                    self.table.id,
                    self.key,
                    comment=self.comment.toPlainText(),
                    label="填写审核意见",
                )
            )
