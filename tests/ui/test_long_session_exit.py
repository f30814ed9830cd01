"""A long session ends cleanly: every table opened against every other with the cursor on the
last cell, a chart opened, the window closed — the process exits 0.

PySide6 6.12 on Python 3.11 loses references to None while a Python model serves the views;
after such a session the interpreter aborted at exit ("none_dealloc"). The version bound in
pyproject.toml keeps that release out; this test is what notices if one comes back.
"""

import os
import subprocess
import sys
import textwrap

SESSION = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from workbench.ui.app import install_chinese, open_initial
    from workbench.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    install_chinese(app)
    win = MainWindow()
    win.show()
    open_initial(win, [], offer_recovery=False)
    ids = list(win.session.doc.tables)
    for a in ids:
        for b in ids:
            win.show_table(a)
            app.processEvents()
            QTest.keyClick(win.grid, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            app.processEvents()
            win.show_table(b)
            app.processEvents()
    win.add_chart(show=True)
    for _ in range(20):
        app.processEvents()
    QTimer.singleShot(0, win.close)
    QTimer.singleShot(50, app.quit)
    sys.exit(app.exec())
    """
)


def test_every_table_pair_then_quit_exits_zero(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert "Fatal Python error" not in result.stderr and "refcount" not in result.stderr
