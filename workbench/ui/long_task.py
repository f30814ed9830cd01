"""Long work in the window — opening a 100k-row annex, exporting, writing back, comparing,
checking — with a progress dialog and 取消.

The work runs in a worker thread and builds plain objects only (documents, findings, files
through the atomic writers); the document on screen is replaced by the caller, on the GUI
thread, once the work has returned. Meanwhile the GUI thread keeps painting: for the first
DELAY seconds without taking input (short work behaves as before and nothing flashes), then
with an application-modal progress dialog whose 取消 asks the work to stop at its next safe
point (`workbench.progress.step/check`, the same hooks that feed the command line's progress
line) and kills a capped reader child process at once. A cancelled write never replaces its
target (the atomic writer checks before the rename), and a cancelled read is dropped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from workbench import progress
from workbench.progress import Cancelled

T = TypeVar("T")

DELAY = 0.5  # seconds of work before the dialog appears
REFRESH_MS = 100  # how often the dialog's text is brought up to date

__all__ = ["Cancelled", "run_long"]


class _Outcome:
    def __init__(self) -> None:
        self.result = None
        self.error: BaseException | None = None
        self.done = threading.Event()


def run_long(
    parent: QWidget | None,
    label: str,
    work: Callable[[], T],
    *,
    commits: bool = False,
    delay: float | None = None,
) -> T:
    """Run `work()` off the GUI thread and return its result; its exception is raised here.

    Raises Cancelled when the person pressed 取消 before the work was done. `commits`: the
    work changes files, so once it has finished its result stands even if 取消 came too late
    to stop it; read-only work that finishes after a 取消 is dropped."""
    task = progress.Task(label)
    outcome = _Outcome()

    def body() -> None:
        with progress.running(task):
            try:
                outcome.result = work()
            except BaseException as exc:  # handed to the GUI thread, raised there
                outcome.error = exc
            finally:
                outcome.done.set()

    worker = threading.Thread(target=body, name=f"workbench: {label}", daemon=True)
    worker.start()
    app = QApplication.instance()
    deadline = time.monotonic() + (DELAY if delay is None else delay)
    # First the quiet phase: paint (the window does not look hung), take no input.
    while not outcome.done.wait(0.02) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
    if not outcome.done.is_set():
        _wait_with_dialog(parent, task, outcome)
    worker.join()
    if outcome.error is not None:
        if task.cancelled and not isinstance(outcome.error, Cancelled):
            # stopped by the cancel (e.g. a killed reader reported as a broken file)
            raise Cancelled(label) from outcome.error
        raise outcome.error
    if task.cancelled and not commits:
        raise Cancelled(label)
    # Handed over, not kept: the progress dialog's slots hold `outcome` until Qt deletes the
    # dialog, and a kept result (an opened annex with its sheets as read, 100 MB for 100k
    # rows) would outlive the caller's own `del` and sit beside the grid being built.
    result, outcome.result = outcome.result, None
    return result  # type: ignore[return-value]


def _wait_with_dialog(parent: QWidget | None, task: progress.Task, outcome: _Outcome) -> None:
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("long_task", "请稍候"))
    dialog.setLabelText(f"{task.label}…")
    dialog.setCancelButtonText(QCoreApplication.translate("long_task", "取消"))
    dialog.setRange(0, 0)  # how much is left is unknown: a busy bar
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(360)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()

    def cancel() -> None:
        if not task.cancelled:
            task.cancel()
        dialog.setLabelText(
            QCoreApplication.translate("long_task", "正在取消：{label}…").format(label=task.label)
        )
        for button in dialog.findChildren(QPushButton):
            button.setEnabled(False)  # one 取消 is enough; the work stops at its next step
        if not outcome.done.is_set():
            QTimer.singleShot(0, dialog.show)  # closed by Esc or ×: stay up until stopped

    def refresh() -> None:
        if outcome.done.is_set():
            loop.quit()
            return
        if task.cancelled:
            return
        seconds = time.monotonic() - task.started
        detail = f"\n{task.detail}" if task.detail else ""
        dialog.setLabelText(
            QCoreApplication.translate(
                "long_task", "{label}…{detail}\n已用 {seconds:.0f} 秒"
            ).format(label=task.label, detail=detail, seconds=seconds)
        )

    dialog.canceled.connect(cancel)
    dialog.rejected.connect(cancel)  # Esc hides a QProgressDialog without "canceled"
    timer = QTimer(dialog)
    timer.setInterval(REFRESH_MS)
    timer.timeout.connect(refresh)
    timer.start()
    dialog.show()
    refresh()
    if not outcome.done.is_set():
        loop.exec()
    timer.stop()
    dialog.canceled.disconnect(cancel)
    dialog.rejected.disconnect(cancel)
    dialog.hide()
    dialog.deleteLater()
