"""Driving the team dialogs as a person would: the connect dialog is modal, so each time it
comes up the next step (fill in and press 连接, or read what it says and cancel) is done to
it from a timer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workbench.ui.team_connect import ConnectDialog


def file_action(win, text: str):
    menu = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in menu.actions() if a.text() == text)


def _drive(steps):
    """Each time the connect dialog comes up, hand it to the next step (a person at it)."""
    pending = list(steps)
    seen: list[ConnectDialog] = []
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog) or not dialog.isVisible():
            if seen:
                seen.clear()  # closed: the next showing is a new one
            return
        if seen or not pending:
            return
        seen.append(dialog)
        pending.pop(0)(dialog)
        if not dialog.isVisible():  # answered: the next showing (after a failure) is new
            seen.clear()

    timer.timeout.connect(tick)
    timer.start()
    return timer, pending


def connect(qtbot, window, *steps):
    timer, pending = _drive(steps)
    file_action(window, "连接计划库服务器(&N)…").trigger()
    timer.stop()
    assert not pending, "the connect dialog was shown fewer times than expected"


def fill_step(qtbot, host: str, port: int, database: str, user: str, password: str, remember: bool):
    def step(dialog: ConnectDialog) -> None:
        for edit, text in (
            (dialog.host, host),
            (dialog.database, database),
            (dialog.user, user),
            (dialog.password, password),
        ):
            edit.selectAll()
            edit.del_()
            if text.isascii():
                qtbot.keyClicks(edit, text)
            else:  # typed through the input method: Qt's test keys are ASCII only
                edit.insert(text)
        dialog.port.setValue(port)
        if dialog.remember.isChecked() != remember:
            qtbot.mouseClick(dialog.remember, Qt.LeftButton)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)

    return step


def cancel_step(seen: list):
    def step(dialog: ConnectDialog) -> None:
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append(
            (dialog.host.text(), dialog.database.text(), dialog.user.text(), dialog.password.text())
        )
        seen.append(dialog.remember.isChecked())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    return step
