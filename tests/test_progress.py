"""The progress line of long command-line runs: on a terminal only, wiped before any output."""

import io
import json
import sys
import time

import pytest

from workbench import progress
from workbench.cli import main
from workbench.io.opener import sample_plan_path

SAMPLE = str(sample_plan_path())


class FakeTerminal(io.StringIO):
    """What a console looks like to the program: a stream that says it is a tty."""

    def isatty(self) -> bool:
        return True


def screen(raw: str) -> list[str]:
    """What stays visible on a terminal: each \\r returns to the start of the line and the
    text after it overwrites what was there."""
    lines = []
    for physical in raw.split("\n"):
        shown = ""
        for part in physical.split("\r"):
            shown = part + shown[len(part) :]
        lines.append(shown.rstrip())
    return lines


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.delenv("WORKBENCH_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.02)
    err = FakeTerminal()

    def use():  # inside the test: pytest's own capture resets sys.stderr between phases
        monkeypatch.setattr(sys, "stderr", err)
        return err

    return use


def test_a_long_run_shows_a_line_that_counts_seconds_then_wipes_it(terminal):
    terminal = terminal()
    with progress.command("import"):
        progress.step("部门报送.xlsx")
        time.sleep(0.15)
    raw = terminal.getvalue()
    assert "\r正在读取 部门报送.xlsx… 0." in raw
    assert raw.count("\r正在读取") >= 2, "the line is redrawn as time passes"
    assert "\n" not in raw
    assert screen(raw) == [""], "nothing is left on the terminal"


def test_nothing_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)  # inside the test: see `terminal`
    with progress.command("check") as line:
        time.sleep(0.05)
    assert line is None and err.getvalue() == ""


def test_a_short_run_shows_nothing(monkeypatch, terminal):
    terminal = terminal()
    monkeypatch.setattr(progress, "DELAY", 5.0)
    with progress.command("check"):
        pass
    assert terminal.getvalue() == ""


def test_switched_off_for_dumb_terminals_and_by_the_environment(monkeypatch, terminal):
    terminal = terminal()
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.enabled(terminal)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("WORKBENCH_NO_PROGRESS", "1")
    assert not progress.enabled(terminal)


def test_output_on_the_same_terminal_wipes_the_line_first(monkeypatch, terminal):
    terminal = terminal()
    out = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", out)
    with progress.command("check"):
        time.sleep(0.1)
        print("共 3 条审核意见")
        print("警告：示例", file=sys.stderr)
        time.sleep(0.1)  # no redraw once output has started
    assert out.getvalue() == "共 3 条审核意见\n"
    assert screen(terminal.getvalue()) == ["警告：示例", ""]
    assert sys.stdout is out and sys.stderr is terminal


def test_wide_characters_are_wiped_by_their_width():
    assert progress.display_width("正在读取… 1.0 秒") == 8 + 1 + 1 + 4 + 2
    assert progress.display_width("abc") == 3


def test_the_commands_show_it_and_their_output_stays_clean(monkeypatch, terminal, capsys):
    """import and check through the real command line, stderr a terminal, stdout a pipe."""
    terminal = terminal()
    monkeypatch.setattr(progress, "LABELS", dict(progress.LABELS))
    slow = progress.ProgressLine.__init__

    def observed(self, *args):
        slow(self, *args)
        seen.append(self.label)

    seen = []
    monkeypatch.setattr(progress.ProgressLine, "__init__", observed)
    assert main(["import", SAMPLE, "--json"]) == 0
    assert main(["check", SAMPLE]) == 0
    assert seen == ["正在读取", "正在检查"]
    out = capsys.readouterr().out
    first, rest = out.split("\n", 1)
    assert json.loads(first)["kind"] == "indicators"
    assert "\r" not in out and "审核意见" in rest
    assert screen(terminal.getvalue()) == [""]


def test_an_error_leaves_one_clean_line(terminal):
    terminal = terminal()
    missing = "没有这个文件.xlsx"
    assert main(["import", missing]) == 1
    lines = [line for line in screen(terminal.getvalue()) if line]
    assert len(lines) == 1 and lines[0].startswith("workbench：") and missing in lines[0]


# ---- cancellable work (the window's 取消) -------------------------------------------------
def test_step_in_a_cancelled_task_stops_the_work_and_says_what_it_did():
    task = progress.Task("读取")
    with progress.running(task):
        progress.step("工作表“重大项目”")
        assert task.detail == "工作表“重大项目”"
        task.cancel()
        with pytest.raises(progress.Cancelled):
            progress.step("下一张表")
        with pytest.raises(progress.Cancelled):
            progress.check()
    progress.check()  # another thread's (or no) task: nothing to stop


def test_a_cancel_only_stops_the_thread_that_runs_the_task():
    import threading

    task = progress.Task("导出")
    task.cancel()
    seen = []

    def other_thread():
        progress.check()  # e.g. an autosave on the GUI thread: not cancelled
        seen.append("ok")

    with progress.running(task):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen == ["ok"]


def test_cancel_kills_the_capped_reader_child(tmp_path, monkeypatch):
    """A file read in the capped child process: 取消 ends the child at once, not after its
    time limit."""
    import threading

    from workbench.io.reading import capped

    path = tmp_path / "慢.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    monkeypatch.setattr(
        capped,
        "worker_command",
        lambda *a: [sys.executable, "-c", "import time; time.sleep(60)"],
    )
    task = progress.Task("读取")
    outcome = []

    def work():
        with progress.running(task):
            try:
                capped.read_in_child(path.read_bytes(), path, "xls")
            except progress.Cancelled:
                outcome.append("cancelled")

    thread = threading.Thread(target=work)
    started = time.monotonic()
    thread.start()
    time.sleep(0.5)
    task.cancel()
    thread.join(timeout=10)
    assert outcome == ["cancelled"]
    assert time.monotonic() - started < 10
