"""The button rows dialogs of the window end with, written once: 确定/取消 (or what the dialog
does, such as 打开所选) and a lone 关闭, in the window's language whether or not Qt's own
translations are installed, wired to accept/reject the dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel
_CLOSE = QDialogButtonBox.StandardButton.Close


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """A 确定/取消 box wired to `dialog`; `ok_text` (already translated) names the action."""
    buttons = QDialogButtonBox(_OK | _CANCEL, dialog)
    buttons.button(_OK).setText(ok_text or QCoreApplication.translate("dialog_buttons", "确定"))
    buttons.button(_CANCEL).setText(QCoreApplication.translate("dialog_buttons", "取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_only(dialog: QDialog) -> QDialogButtonBox:
    """A lone 关闭 for a dialog that only shows something."""
    buttons = QDialogButtonBox(_CLOSE, dialog)
    buttons.button(_CLOSE).setText(QCoreApplication.translate("dialog_buttons", "关闭"))
    buttons.rejected.connect(dialog.reject)
    return buttons
