"""Long work in the window: a progress dialog after a short delay, a window that keeps
painting, and 取消 that leaves the document and the files as they were."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from workbench.io.opener import sample_plan_path
from workbench.ui import long_task

SECTORS = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]


@pytest.fixture(scope="module")
def big_annex(tmp_path_factory) -> Path:
    """A 100k-row project annex as a department might export it to CSV (reading it takes
    seconds: long enough for the dialog, the repaints and a 取消)."""
    rng = random.Random(3)
    lines = ["序号,项目名称,板块,总投资,年度计划投资,完成投资"]
    for n in range(1, 100_001):
        plan = rng.uniform(100, 50_000)
        sector = SECTORS[n % len(SECTORS)]
        lines.append(
            f"{n},{sector}示范项目{n}号,{sector},{plan * 3:.2f},{plan:.2f},{plan * 0.9:.2f}"
        )
    path = tmp_path_factory.mktemp("long") / "重大项目（十万行）.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def slow_drive(monkeypatch):
    """Reading as from a slow shared drive: each of the reader's safe points (every 4096 rows)
    also waits 40 ms in the worker. On an idle machine the 100k-row CSV is otherwise read in
    about half a second — as long as the dialog's delay — and the tests depended on load."""
    from workbench import progress

    check = progress.check

    def slow_check() -> None:
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.04)
        check()

    monkeypatch.setattr(progress, "check", slow_check)


class PaintCounter(QObject):
    """Counts the paint events a widget receives (what the user sees being redrawn)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.times: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.monotonic())
        return False


def progress_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def settle(seconds: float = 0.5) -> None:
    """Let the window finish what it has queued (the first chart draw of the sample) before
    the long work starts: run on the GUI thread while the reader holds the interpreter
    half the time, that draw could outlast the whole read, and no dialog was ever due."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class Watcher:
    """Polls while the window's own loop runs the long work (the test cannot: open_path
    does not return until the work is done) and records what the user sees."""

    def __init__(self, click_cancel: bool) -> None:
        settle()
        self.click_cancel = click_cancel
        self.seen_after: float | None = None
        self.last_seen: float | None = None
        self.labels: list[str] = []
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        dialog = progress_dialog()
        if dialog is None:
            return
        if self.seen_after is None:
            self.seen_after = time.monotonic() - self.started
        self.last_seen = time.monotonic()
        self.labels.append(dialog.labelText())
        if self.click_cancel:
            self.click_cancel = False
            button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
            button.click()

    def stop(self) -> None:
        self.timer.stop()


def test_cancelled_open_leaves_the_previous_document(qtbot, make_window, big_annex):
    window = make_window([sample_plan_path()])
    before = window.session.doc
    title, tables = window.windowTitle(), list(before.tables)
    watcher = Watcher(click_cancel=True)
    try:
        opened = window.open_path(big_annex, choose=False)
    finally:
        watcher.stop()
    assert opened is False
    assert watcher.seen_after is not None and watcher.seen_after >= long_task.DELAY * 0.9
    assert any("正在打开“重大项目（十万行）.csv”" in text for text in watcher.labels)
    assert window.session.doc is before and list(before.tables) == tables
    assert window.windowTitle() == title
    assert "已取消打开" in window.statusBar().currentMessage()
    assert progress_dialog() is None


def test_completed_open_replaces_the_document_and_the_window_repaints(
    qtbot, make_window, big_annex
):
    window = make_window([sample_plan_path()])
    before = window.session.doc
    paints = PaintCounter(window.grid.viewport())
    repaint = QTimer()
    repaint.setInterval(50)
    repaint.timeout.connect(window.grid.viewport().update)  # something asks for a redraw
    repaint.start()
    watcher = Watcher(click_cancel=False)
    try:
        assert window.open_path(big_annex, choose=False) is True
    finally:
        watcher.stop()
        repaint.stop()
    assert watcher.seen_after is not None, "no progress dialog during a long open"
    # While the file was read (the dialog up) the grid kept being painted: a redraw is asked
    # for every 50 ms; at least two a second arrive even on a loaded machine.
    first = watcher.started + watcher.seen_after
    reading = watcher.last_seen - first
    painted = [t for t in paints.times if first <= t <= watcher.last_seen]
    assert reading > 0.2 and len(painted) >= 2 * reading, (len(painted), reading)
    assert window.session.doc is not before
    table = next(iter(window.session.doc.tables.values()))
    assert len(table) == 100_000
    assert "重大项目（十万行）.csv" in window.windowTitle()
    assert progress_dialog() is None


def test_short_work_shows_no_dialog(qtbot, window):
    seen = []
    timer = QTimer()
    timer.timeout.connect(lambda: seen.append(progress_dialog()))
    timer.start(10)
    try:
        assert long_task.run_long(window, "很快", lambda: sum(range(1000))) == 499500
    finally:
        timer.stop()
    assert not any(seen)


def test_errors_of_the_work_reach_the_caller(qtbot, window):
    def broken():
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        long_task.run_long(window, "出错", broken)


def test_cancelled_export_writes_nothing(qtbot, make_window, big_annex, tmp_path, monkeypatch):
    """取消 during 导出附件: no target file and no temporary file left in the folder."""
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    assert window.open_path(big_annex, choose=False)
    target = tmp_path / "out" / "导出.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel 工作簿 (*.xlsx)")
    )
    watcher = Watcher(click_cancel=True)
    try:
        window.export_action.trigger()
    finally:
        watcher.stop()
    assert watcher.seen_after is not None
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert "已取消导出" in window.statusBar().currentMessage()


def test_escape_closes_nothing_until_the_work_stopped(qtbot, window):
    """Esc on the dialog counts as 取消; the work is told and stops at its next step."""
    from workbench import progress

    steps = []

    def slow():
        for n in range(200):
            progress.step(f"第 {n} 步")
            steps.append(n)
            time.sleep(0.02)
        return "done"

    def press_escape():
        dialog = progress_dialog()
        if dialog is None:
            QTimer.singleShot(20, press_escape)
            return
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(20, press_escape)
    with pytest.raises(long_task.Cancelled):
        long_task.run_long(window, "慢活", slow)
    assert 0 < len(steps) < 200


def test_cancelled_compare_opens_no_compare_view(qtbot, make_window, big_annex):
    """文件 → 比较… with a long file: 取消 leaves the window without a compare view."""
    window = make_window([sample_plan_path()])
    before = window.session.doc
    watcher = Watcher(click_cancel=True)
    try:
        view = window.compare_file(big_annex)
    finally:
        watcher.stop()
    assert watcher.seen_after is not None
    assert view is None and not getattr(window, "compare_views", [])
    assert window.session.doc is before
    assert "已取消比较" in window.statusBar().currentMessage()


def test_the_result_is_handed_over_not_kept(qtbot):
    """The caller's `del` frees what the work built (an opened annex with its sheets as read):
    run_long keeps no reference, even while its progress dialog awaits deletion."""
    import gc
    import weakref

    class Built:
        pass

    def work() -> Built:
        time.sleep(0.3)  # long enough for the progress dialog
        return Built()

    result = long_task.run_long(None, "读取", work, delay=0.05)
    gone = weakref.ref(result)
    del result
    gc.collect()
    assert gone() is None
