"""Start the app: show the window first, then load the document (and heavy libraries)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run(files: Sequence[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("计划审核工作台")
    app.setOrganizationName("PlanWorkbench")
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, lambda: open_initial(window, files))
    return app.exec()


def open_initial(window, files: Sequence[str]) -> None:
    """Open the files named on the command line, or the sample plan when there are none."""
    from workbench.io.opener import sample_plan_path

    paths = [Path(f) for f in files] or [sample_plan_path()]
    for path in paths:
        window.open_path(path)
