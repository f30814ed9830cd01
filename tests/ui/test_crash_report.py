"""An unexpected error in the window: a log file in the user data folder and a Chinese dialog
naming it — never a silent exit."""

import stat
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from workbench.ui import crash_report

pytestmark = pytest.mark.qt_no_exception_capture  # the hooks under test do the capturing


@pytest.fixture
def dialogs(monkeypatch):
    """Every crash dialog shown: its title, text and details, as the user would read them."""
    shown = []

    def capture(how):
        def show(box):
            shown.append(
                {
                    "how": how,
                    "title": box.windowTitle(),
                    "text": box.text(),
                    "details": box.detailedText(),
                }
            )
            box.done(QMessageBox.StandardButton.Ok)  # the user presses 确定

        return show

    monkeypatch.setattr(QMessageBox, "open", capture("open"))  # inside the event loop
    monkeypatch.setattr(QMessageBox, "exec", capture("exec"))  # before or after it
    return shown


@pytest.fixture
def hooks(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    crash_report.uninstall()


def crash_logs(data_dir):
    return sorted((data_dir / "crash").glob("crash-*.log"))


def test_an_error_in_a_slot_writes_the_log_and_shows_its_path(
    qtbot, data_dir, dialogs, hooks, capsys
):
    saved = []
    crash_report.install(on_crash=lambda: saved.append("autosave"))
    button = QPushButton("导出")
    qtbot.addWidget(button)

    def broken_slot():
        raise ZeroDivisionError("计划完成率的分母为零")

    button.clicked.connect(broken_slot)
    button.show()
    # clicked while the event loop runs, as in the app
    QTimer.singleShot(0, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=3000)

    (log,) = crash_logs(data_dir)
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: 计划完成率的分母为零" in text
    assert "broken_slot" in text and "workbench 0." in text
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    (dialog,) = dialogs
    assert dialog["title"] == "程序出错" and dialog["how"] == "open"
    assert "程序遇到了意外错误" in dialog["text"] and "计划完成率的分母为零" in dialog["text"]
    assert str(log) in dialog["text"]
    assert "Traceback" in dialog["details"]
    assert saved == ["autosave"]
    assert button.isVisible(), "the program keeps running after the report"
    assert "ZeroDivisionError" in capsys.readouterr().err  # a console user still sees it


def test_the_same_fault_repeating_does_not_stack_dialogs(qtbot, data_dir, hooks, monkeypatch):
    opened = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: opened.append(box))  # left up
    reporter = crash_report.install()
    for _ in range(3):  # a paint handler failing on every repaint
        try:
            raise ValueError("重绘失败")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    assert len(opened) == 1 and len(crash_logs(data_dir)) == 1
    opened[0].done(QMessageBox.StandardButton.Ok)
    assert reporter.box is None
    try:
        raise KeyError("另一个错误")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert len(opened) == 2 and len(crash_logs(data_dir)) == 2


def test_an_error_in_a_worker_thread_reaches_the_window(qtbot, data_dir, dialogs, hooks):
    crash_report.install()

    def work():
        raise RuntimeError("后台读取失败")

    worker = threading.Thread(target=work, name="读取线程")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=3000)
    (log,) = crash_logs(data_dir)
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: 后台读取失败" in text and "线程：读取线程" in text
    assert str(log) in dialogs[0]["text"]


def test_the_app_installs_the_report_for_its_window(qtbot, data_dir, dialogs, hooks, monkeypatch):
    """app.run wires the hooks to the main window: a fault in one of its menu actions is
    reported with the dialog parented to the window."""
    from PySide6.QtWidgets import QApplication

    from workbench.ui import app as app_module

    started = {}

    def fake_exec():
        started["window"] = next(
            w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app_module.run([]) == 0
    window = started["window"]
    qtbot.addWidget(window)
    assert sys.excepthook.__self__ is crash_report._installed
    assert crash_report._installed.parent_widget() is window
    try:
        raise OSError("磁盘已满")
    except OSError:
        sys.excepthook(*sys.exc_info())
    assert len(dialogs) == 1 and "磁盘已满" in dialogs[0]["text"]
    assert dialogs[0]["how"] == "exec", "with no event loop running the dialog must wait"


def test_a_view_failing_during_an_edit_is_logged_and_the_edit_stays_undoable(
    qtbot, data_dir, dialogs, hooks
):
    from workbench.core.document import PlanDocument
    from workbench.core.edits import CellChange, SetCells
    from workbench.core.history import EditHistory
    from workbench.core.table import Table

    crash_report.install()
    doc = PlanDocument()
    table = Table(id="p", kind="projects", title="项目")
    key = table.append({"name": "轨道交通", "annual_plan": 5.0})
    doc.add_table(table)

    def broken_view(event):
        raise KeyError("视图找不到这一行")

    doc.subscribe(broken_view)
    history = EditHistory(doc)
    history.do(SetCells("p", (CellChange(key, "annual_plan", 7.0),)))  # does not raise

    (log,) = crash_logs(data_dir)
    assert "视图找不到这一行" in log.read_text(encoding="utf-8")
    assert len(dialogs) == 1 and "视图找不到这一行" in dialogs[0]["text"]
    assert history.undo()
    assert table.rows[key]["annual_plan"] == 5.0
