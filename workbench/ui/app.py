"""Start the app: show the window first, then load the document (and heavy libraries)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

UI_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]


def run(files: Sequence[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("计划审核工作台")
    app.setOrganizationName("PlanWorkbench")
    font = QFont(app.font())
    font.setFamilies(UI_FAMILIES + font.families())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    window = MainWindow()
    from workbench.ui import crash_report  # an unexpected error: a log file and a dialog

    crash_report.install(lambda: window, lambda: window.session and window.session.autosave())
    window.show()
    if os.environ.get("WORKBENCH_REPORT_STARTUP"):
        # For bench/bench_startup.py: the wall-clock moment the window is on screen; the
        # benchmark subtracts its own launch time, so interpreter start-up is included.
        def report() -> None:
            print(f"window-shown {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
        return app.exec()
    QTimer.singleShot(0, lambda: open_initial(window, files))
    return app.exec()


def open_initial(window, files: Sequence[str], *, offer_recovery: bool = True) -> None:
    """Offer what a crash left behind, then open the files named on the command line, or the
    sample plan when there are none."""
    if offer_recovery and offer_recover(window):
        return
    if not files:
        window.open_sample()
        return
    window.open_path(Path(files[0]))  # one document per window


def offer_recover(window) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from workbench.io.native.recovery import leftovers, recover

    items = leftovers()
    if not items:
        return False
    newest = max(items, key=lambda i: i.saved_at)
    answer = QMessageBox.question(
        window,
        "恢复未保存的工作",
        f"上次退出时有未保存的修改：\n{newest.describe()}\n\n是否恢复？（选“否”将丢弃这些修改）",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        for item in items:
            item.file.unlink(missing_ok=True)
        return False
    doc = recover(newest)
    original = Path(newest.original) if newest.original else None
    window.set_document(doc, original, native=original is not None)
    window.session.history.mark_modified()
    newest.file.unlink(missing_ok=True)
    window.session.autosave()  # keep a recovery copy until the user saves
    window.show_message("已恢复上次未保存的修改，请及时保存")
    return True
