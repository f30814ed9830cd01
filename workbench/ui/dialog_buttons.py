"""The OK/取消 row every dialog of the window ends with, written once: the buttons say 确定 and
取消 (or what the dialog does, such as 打开所选) in the window's language whether or not Qt's
own translations are installed, and accept/reject the dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """A 确定/取消 box wired to `dialog`; `ok_text` (already translated) names the action."""
    buttons = QDialogButtonBox(_OK | _CANCEL, dialog)
    buttons.button(_OK).setText(ok_text or QCoreApplication.translate("dialog_buttons", "确定"))
    buttons.button(_CANCEL).setText(QCoreApplication.translate("dialog_buttons", "取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
