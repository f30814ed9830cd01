"""A progress line on stderr for long command-line runs — only when stderr is a terminal.

Reading a 100k-row annex or checking a whole plan can take seconds; a silent terminal looks
hung. `command("import")` shows "正在读取… 2.4 秒" (and whatever `step()` says) on one line
that is rewritten in place and wiped before anything else is printed, so the command's own
output and error lines are never mixed with it. Scripts, pipes and CI (stderr not a tty) get
no progress output at all, and a run shorter than DELAY seconds shows nothing either.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from typing import IO, Any

DELAY = 0.5  # seconds before the line appears: quick runs stay quiet
INTERVAL = 0.2  # seconds between redraws

LABELS = {
    "import": "正在读取",
    "export": "正在导出",
    "check": "正在检查",
    "diff": "正在比较",
    "extract": "正在提取",
    "template": "正在生成",
    "rollforward": "正在结转",
    "returns": "正在读取",
}


def enabled(stream: IO[str] | None = None) -> bool:
    """Progress only for a person watching: a terminal, not `dumb`, not switched off."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("WORKBENCH_NO_PROGRESS") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def display_width(text: str) -> int:
    """Columns a terminal gives the text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class ProgressLine:
    """One line on `stream`, redrawn by a daemon thread until `close()`."""

    def __init__(self, label: str, stream: IO[str], delay: float, interval: float) -> None:
        self.label = label
        self.detail = ""
        self.stream = stream
        self.delay = delay
        self.interval = interval
        self.started = time.monotonic()
        self.shown_width = 0
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="进度", daemon=True)
        self.thread.start()

    def set_detail(self, text: str) -> None:
        with self.lock:
            self.detail = text

    def _run(self) -> None:
        if self.stopped.wait(self.delay):
            return
        while not self.stopped.is_set():
            self.draw()
            self.stopped.wait(self.interval)

    def draw(self) -> None:
        with self.lock:
            if self.stopped.is_set():
                return
            seconds = time.monotonic() - self.started
            detail = f" {self.detail}" if self.detail else ""
            text = f"{self.label}{detail}… {seconds:.1f} 秒"
            pad = max(0, self.shown_width - display_width(text))
            with contextlib.suppress(OSError, ValueError):
                self.stream.write("\r" + text + " " * pad)
                self.stream.flush()
                self.shown_width = display_width(text)

    def close(self) -> None:
        """Stop redrawing and wipe the line (spaces, not escape codes: old Windows consoles)."""
        with self.lock:
            if self.stopped.is_set():
                return
            self.stopped.set()
            if self.shown_width:
                with contextlib.suppress(OSError, ValueError):
                    self.stream.write("\r" + " " * self.shown_width + "\r")
                    self.stream.flush()
                self.shown_width = 0


class _WipeFirst:
    """Stands in for stdout while the line is up: the first use of the real stream (a
    print, or `.buffer` for JSON) wipes the progress line first."""

    def __init__(self, stream: IO[str], line: ProgressLine) -> None:
        self._stream = stream
        self._line = line

    def write(self, text: str) -> int:
        self._line.close()
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        if name not in ("isatty", "encoding", "errors", "fileno"):
            self._line.close()
        return getattr(self._stream, name)


_current: ProgressLine | None = None


def step(text: str) -> None:
    """Say what the running work is doing now (e.g. the file being read): shown on the
    command line's progress line and in the window's progress dialog; no-op when neither is
    up. In a cancelled task it raises Cancelled instead, so every step is a place to stop."""
    line = _current
    if line is not None:
        line.set_detail(text)
    task = current_task()
    if task is not None:
        task.check()
        task.set_detail(text)


# ---- cancellable work (the window runs long work in a worker thread) ----------------------
class Cancelled(Exception):
    """The person cancelled the work; whatever it made so far is to be dropped."""


class Task:
    """One piece of long work that may be cancelled from another thread.

    The work (in its own thread) calls `step()` / `check()` at safe points; a cancel makes the
    next of them raise Cancelled. Child processes the work waits for are registered with
    `stops()`, so that a cancel kills them at once instead of waiting for them to finish."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.detail = ""
        self.started = time.monotonic()
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._stoppers: list = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def set_detail(self, text: str) -> None:
        with self._lock:
            self.detail = text

    def cancel(self) -> None:
        """Ask the work to stop (any thread); kills the child processes it waits for."""
        with self._lock:
            self._cancelled.set()
            stoppers = list(self._stoppers)
        for stop in stoppers:
            with contextlib.suppress(OSError, ValueError):
                stop()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled(self.label)

    @contextlib.contextmanager
    def stops(self, stop) -> Iterator[None]:
        with self._lock:
            already = self._cancelled.is_set()
            self._stoppers.append(stop)
        try:
            if already:
                with contextlib.suppress(OSError, ValueError):
                    stop()
            yield
        finally:
            with self._lock:
                self._stoppers.remove(stop)


_local = threading.local()  # the task of the thread doing the work, never another thread's


def current_task() -> Task | None:
    return getattr(_local, "task", None)


@contextlib.contextmanager
def running(task: Task) -> Iterator[Task]:
    """Make `task` the current one of this thread while the block runs."""
    previous = current_task()
    _local.task = task
    try:
        yield task
    finally:
        _local.task = previous


def check() -> None:
    """A safe point to stop: raises Cancelled when this thread's task was cancelled."""
    task = current_task()
    if task is not None:
        task.check()


@contextlib.contextmanager
def stops(stop) -> Iterator[None]:
    """While the block runs, a cancel of this thread's task calls `stop` (e.g. a child
    process's kill) from the cancelling thread; without a task, nothing happens."""
    task = current_task()
    if task is None:
        yield
        return
    with task.stops(stop):
        yield


@contextlib.contextmanager
def command(name: str, stream: IO[str] | None = None) -> Iterator[ProgressLine | None]:
    """Show a progress line for the subcommand `name` while the block runs."""
    global _current
    stream = sys.stderr if stream is None else stream
    if not enabled(stream) or name not in LABELS:
        yield None
        return
    # The line's own carriage returns go to the terminal itself, past the escaping of
    # control characters that guards what the command prints (terminal_text).
    line = ProgressLine(LABELS[name], getattr(stream, "terminal", stream), DELAY, INTERVAL)
    saved = sys.stdout, sys.stderr
    # Whatever else the command prints on the terminal (its output, a warning, the one-line
    # error) wipes the progress line first; the line itself writes to the real stream.
    wrap_stdout = _is_tty(sys.stdout)
    if wrap_stdout:
        sys.stdout = _WipeFirst(sys.stdout, line)  # type: ignore[assignment]
    if sys.stderr is stream:
        sys.stderr = _WipeFirst(sys.stderr, line)  # type: ignore[assignment]
    _current = line
    try:
        yield line
    finally:
        _current = None
        line.close()
        if isinstance(sys.stdout, _WipeFirst):
            sys.stdout = saved[0]
        if isinstance(sys.stderr, _WipeFirst):
            sys.stderr = saved[1]


def _is_tty(out: IO[str]) -> bool:
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError):
        return False
