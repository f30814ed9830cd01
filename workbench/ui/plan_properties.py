"""计划属性 → 审核容差: the plan's tolerances of status derivation, set by the reviewer.

A thin dialog: the work is one `SetPolicy` edit through `Session.do` (the one edit path), so
the change is undone with Ctrl+Z, logged as 审核容差, saved in the native file, and every
indicator grid re-derives its statuses from the event it sends.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from workbench.core.edits import SetPolicy
from workbench.core.status import StatusPolicy
from workbench.core.vocab import POLICY_LABELS
from workbench.ui.dialog_buttons import ok_cancel
from workbench.ui.words import core_word


class ToleranceDialog(QDialog):
    """Two numbers: percentage points for rate targets, a share of the target for levels."""

    def __init__(self, policy: StatusPolicy, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("计划属性：审核容差"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "“左右”类目标在容差内、以及略差于目标但在容差内的，判为“基本完成”。"
                "单行可在审核面板中另设本行容差。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.percent = QDoubleSpinBox()
        self.percent.setRange(0.0, 100.0)
        self.percent.setDecimals(2)
        self.percent.setSingleStep(0.1)
        self.percent.setSuffix(self.tr(" 个百分点"))
        self.percent.setValue(policy.percent_tolerance)
        form.addRow(core_word(POLICY_LABELS["percent_tolerance"]) + self.tr("："), self.percent)
        self.level = QDoubleSpinBox()
        self.level.setRange(0.0, 100.0)
        self.level.setDecimals(2)
        self.level.setSingleStep(0.5)
        self.level.setSuffix(" %")
        self.level.setValue(policy.level_tolerance_ratio * 100)
        form.addRow(core_word(POLICY_LABELS["level_tolerance_ratio"]) + self.tr("："), self.level)
        layout.addLayout(form)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.buttons = buttons

    def policy(self) -> StatusPolicy:
        """What the fields say; the level share is shown in percent, stored as a ratio."""
        return StatusPolicy(
            percent_tolerance=round(self.percent.value(), 4),
            level_tolerance_ratio=round(self.level.value() / 100, 6),
        )


def set_tolerances(window) -> bool:
    """Ask for the plan's tolerances and apply them as one edit; False if nothing changed."""
    session = window.session
    if session is None:
        window.show_message(QCoreApplication.translate("plan_properties", "请先打开一个计划"))
        return False
    dialog = ToleranceDialog(session.doc.policy, window)
    window.tolerance_dialog = dialog  # reachable while open (tests drive it as a user would)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen = dialog.policy()
    finally:
        window.tolerance_dialog = None
    if chosen == session.doc.policy:
        return False
    if session.do(SetPolicy(chosen)):
        window.show_message(
            QCoreApplication.translate(
                "plan_properties",
                "审核容差已设为：百分比类 ±{percent:g} 个百分点，总量类 ±{level:g}%",
            ).format(percent=chosen.percent_tolerance, level=chosen.level_tolerance_ratio * 100)
        )
        return True
    return False


def install(window, menu) -> None:
    """Put 计划属性：审核容差… into `menu`, enabled while a plan is open."""
    window.tolerance_dialog = None
    action = window._action(
        QCoreApplication.translate("plan_properties", "计划属性（审核容差）(&T)…"),
        lambda: set_tolerances(window),
        tip=QCoreApplication.translate(
            "plan_properties", "设定整个计划判定完成情况的容差（计划属性）"
        ),
    )
    menu.addAction(action)
    window.tolerance_action = action
