"""Crash reports: an unexpected error in the window writes a log and says so in Chinese.

Without this, an exception inside a slot is printed to a console the Windows user never sees
(the frozen app has none) and the work seems to stop for no reason; an exception before the
event loop ends the program silently. `install()` routes both `sys.excepthook` and
`threading.excepthook` here: the traceback goes to a log file in the user's data folder
(owner-only), the open document is autosaved when it can be, and a dialog names the log's
path so the user can send it on. The program keeps running where Qt lets it.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench import __version__
from workbench.core import observers

KEEP_LOGS = 30  # older crash logs are removed, so a recurring fault cannot fill the disk
TITLE = QT_TRANSLATE_NOOP("crash_report", "程序出错")


def crash_dir() -> Path:
    """`crash/` in the user data folder, readable by its owner only."""
    from workbench.io.native.recovery import private_data_dir

    return private_data_dir("crash")


def _report_text(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    thread_name: str | None,
) -> str:
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover - PySide6 is imported above
        pyside_version = "?"
    lines = [
        "计划审核工作台 崩溃报告",
        f"时间：{time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"版本：workbench {__version__}；Python {platform.python_version()}；PySide6 {pyside_version}",
        f"系统：{platform.platform()}",
        f"程序：{sys.executable}{'（打包版）' if getattr(sys, 'frozen', False) else ''}",
        f"命令行：{' '.join(sys.argv)}",
        f"线程：{thread_name or threading.current_thread().name}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    return "\n".join(lines)


def write_crash_log(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    *,
    thread_name: str | None = None,
    folder: Path | None = None,
) -> Path:
    """Write one log file (mode 0600, never over another) and return its path."""
    folder = folder or crash_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = _report_text(exc_type, exc, tb, thread_name)
    for attempt in range(100):
        path = folder / f"crash-{stamp}-{os.getpid()}{f'-{attempt}' if attempt else ''}.log"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        _prune(folder)
        return path
    raise OSError(
        QCoreApplication.translate("crash_report", "无法在 {folder} 新建日志文件").format(
            folder=folder
        )
    )


def _prune(folder: Path) -> None:
    logs = sorted(folder.glob("crash-*.log"), key=lambda p: p.stat().st_mtime)
    for old in logs[:-KEEP_LOGS]:
        with contextlib.suppress(OSError):
            old.unlink()


def dialog_text(exc: BaseException | None, exc_type: type[BaseException], log: Path | None) -> str:
    what = f"{exc_type.__name__}：{exc}" if exc is not None and str(exc) else exc_type.__name__
    where = (
        QCoreApplication.translate(
            "crash_report", "详细信息已写入日志文件：\n{log}\n\n请把这个文件发给技术支持。"
        ).format(log=log)
        if log is not None
        else QCoreApplication.translate("crash_report", "日志文件无法写入（见下方详细信息）。")
    )
    return QCoreApplication.translate(
        "crash_report",
        "程序遇到了意外错误：\n{what}\n\n{where}\n打开的文档已尽量自动保存，下次启动时可恢复。",
    ).format(what=what, where=where)


class _Reporter(QObject):
    """Lives in the GUI thread; errors from other threads reach it through a queued signal."""

    fromThread = Signal(object, object, object, str)

    def __init__(self, parent_widget: Callable[[], QWidget | None] | None) -> None:
        super().__init__()
        self.parent_widget = parent_widget or (lambda: None)
        self.previous_excepthook = sys.excepthook
        self.previous_threading_hook = threading.excepthook
        self.on_crash: list[Callable[[], object]] = []
        self.box: QMessageBox | None = None
        self.last_signature: tuple | None = None
        self.logs: list[Path] = []
        self.fromThread.connect(self.report)

    # -- hooks ---------------------------------------------------------------------------
    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_excepthook(exc_type, exc, tb)
            return
        if QThread.currentThread() is not self.thread():
            self.fromThread.emit(exc_type, exc, tb, threading.current_thread().name)
            return
        self.report(exc_type, exc, tb, "")

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else ""
        self.fromThread.emit(args.exc_type, args.exc_value, args.exc_traceback, name)

    def listener_failed(self, exc: BaseException, _callback: Callable[..., object]) -> None:
        """A view that failed while hearing an edit: the core isolated it and the edit stands
        (undoable); the fault still gets its log and dialog like any other."""
        self.report(type(exc), exc, exc.__traceback__, "")

    # -- the report ----------------------------------------------------------------------
    def report(self, exc_type, exc, tb, thread_name: str) -> None:
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        frames = traceback.extract_tb(tb)
        signature = (exc_type, str(exc), tuple((f.filename, f.lineno) for f in frames[-3:]))
        repeated = signature == self.last_signature and self.box is not None
        self.last_signature = signature
        if repeated:  # the same fault again while its dialog is still up (a paint loop)
            return
        log: Path | None = None
        problem = ""
        try:
            log = write_crash_log(exc_type, exc, tb, thread_name=thread_name or None)
            self.logs.append(log)
        except OSError as error:
            problem = self.tr("日志无法写入：{error}\n\n").format(error=error)
        for callback in self.on_crash:
            with contextlib.suppress(Exception):
                callback()
        self.show(
            exc_type, exc, log, problem + "".join(traceback.format_exception(exc_type, exc, tb))
        )

    def show(self, exc_type, exc, log: Path | None, details: str) -> None:
        if QApplication.instance() is None:  # no window to speak in: stderr has it all
            print(dialog_text(exc, exc_type, log), file=sys.stderr)
            return
        if self.box is not None:  # one dialog at a time; the log of each error is written
            self.box.setInformativeText(self.tr("之后又发生了错误，日志：{log}").format(log=log))
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("crash_report", TITLE),
            dialog_text(exc, exc_type, log),
        )
        parent = self.parent_widget()
        if parent is not None:
            box.setParent(parent, box.windowFlags())
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.box = box
        box.finished.connect(self._closed)
        if QThread.currentThread().loopLevel() == 0:
            box.exec()  # no event loop (start-up or shutdown): wait until the user has read it
        else:
            box.open()

    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None


_installed: _Reporter | None = None


def install(
    parent_widget: Callable[[], QWidget | None] | None = None,
    on_crash: Callable[[], object] | None = None,
) -> _Reporter:
    """Route uncaught exceptions (main thread and others) to a log file and a dialog.
    Call once the QApplication exists; `on_crash` runs after the log is written (the app
    autosaves the open document there)."""
    global _installed
    if _installed is None:
        _installed = _Reporter(parent_widget)
    elif parent_widget is not None:
        _installed.parent_widget = parent_widget
    if on_crash is not None:
        _installed.on_crash.append(on_crash)
    sys.excepthook = _installed.excepthook
    threading.excepthook = _installed.threading_hook
    observers.report_failures_to(_installed.listener_failed)
    return _installed


def uninstall() -> None:
    """Give back the hooks that were there before (tests)."""
    global _installed
    if _installed is not None:
        sys.excepthook = _installed.previous_excepthook
        threading.excepthook = _installed.previous_threading_hook
        observers.stop_reporting_to(_installed.listener_failed)
        if _installed.box is not None:
            _installed.box.close()
        _installed.deleteLater()
        _installed = None
