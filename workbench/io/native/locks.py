"""Owner files beside an opened plan, like Office's "~$" files, so that two people on a shared
drive do not overwrite each other: the second is told who has it and opens it read-only.

The owner file appears with its content in one step (written to a private temporary name,
flushed, then hard-linked into place, which fails if a lock is already there), so a colleague
never sees an empty lock and takes it for a stale one. Where the share cannot hard-link, it is
created exclusively and written at once, and an unreadable lock younger than a minute is
still respected.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

STALE_AFTER_S = 12 * 3600  # a lock nobody refreshed for half a day belongs to a crash
UNREADABLE_GRACE_S = 60  # a lock still being written on a slow share


def lock_path(path: str | os.PathLike) -> Path:
    """The owner file beside the file itself: a symlink or another alias of a plan names
    the same lock as the plan (the path is resolved), so the alias cannot open it
    read-write while a colleague holds it."""
    path = Path(os.path.realpath(path))
    return path.with_name(f"~${path.name}.lock")


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: float
    started: float | None = None  # the process's start time, to tell a reused PID apart

    def describe(self) -> str:
        """Who and since when, as plain text: a user name is whatever the lock file says, so
        it is cut to one short line and cannot be taken for markup by a Qt label or dialog."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return f"{plain_text(self.user)}（{plain_text(self.host)}，{when} 起）"


def plain_text(text: str, limit: int = 64) -> str:
    """One line, at most `limit` characters, with every "<" followed by an invisible word
    joiner so that Qt's rich-text detection finds no tag; it displays exactly as written."""
    line = "".join(ch if ch.isprintable() else " " for ch in str(text))[:limit]
    return line.replace("<", "<\u2060")


class SaveRefused(OSError):
    """A save that would overwrite someone else's file or later save; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(16, message)  # EBUSY


def _me() -> LockOwner:
    from workbench.core.document import current_user

    pid = os.getpid()
    return LockOwner(current_user(), socket.gethostname(), pid, time.time(), process_started(pid))


# ---- is that process still running? ----------------------------------------------------------
def process_started(pid: int) -> float | None:
    """When the process started (seconds, any fixed origin), or None if unknown or gone.

    Stored beside a PID so that a later process given the same number is not mistaken for
    the one that wrote a lock or a recovery file."""
    if sys.platform.startswith("linux"):
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            return float(int(fields[19]))  # starttime, in clock ticks since boot
        except (OSError, IndexError, ValueError):
            return None
    if os.name == "nt":  # pragma: no cover - Windows
        return _windows_process(pid)[1]
    return None


def _windows_process(pid: int) -> tuple[bool, float | None]:  # pragma: no cover - Windows
    """(running, creation time) through OpenProcess; signal 0 means CTRL_C_EVENT there."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    STILL_ACTIVE = 259
    ERROR_ACCESS_DENIED = 5
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return ctypes.get_last_error() == ERROR_ACCESS_DENIED, None
    try:
        code = wintypes.DWORD()
        running = bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
            code.value == STILL_ACTIVE
        )
        created, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
        started = None
        if kernel32.GetProcessTimes(
            handle,
            ctypes.byref(created),
            ctypes.byref(exited),
            ctypes.byref(kernel),
            ctypes.byref(user),
        ):
            started = float((created.dwHighDateTime << 32) | created.dwLowDateTime)
        return running, started
    finally:
        kernel32.CloseHandle(handle)


def process_alive(pid: int, started: float | None = None) -> bool:
    """Whether the process that wrote a lock or recovery file on this machine still runs.

    POSIX asks with signal 0; Windows asks OpenProcess (os.kill(pid, 0) would send it a
    Ctrl+C). When the start time was recorded, a process with the same PID but another
    start time is a different program, and the writer is gone."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        running, now_started = _windows_process(pid)
    else:
        try:
            os.kill(pid, 0)
            running = True
        except ProcessLookupError:
            running = False
        except PermissionError:
            running = True
        except OSError:
            running = False
        now_started = process_started(pid) if running else None
    if running and started is not None and now_started is not None:
        return abs(now_started - started) < 1e-6 * max(abs(started), 1.0) + 1e-9
    return running


# ---- the owner file -------------------------------------------------------------------------
def read_owner(path: str | os.PathLike) -> LockOwner | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        started = data.get("started")
        return LockOwner(
            str(data["user"]),
            str(data["host"]),
            int(data["pid"]),
            float(data["since"]),
            float(started) if isinstance(started, (int, float)) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_stale(owner: LockOwner, lock_file: Path) -> bool:
    """Our own machine can ask whether the process still runs; elsewhere, go by age."""
    if owner.host == socket.gethostname():
        return not process_alive(owner.pid, owner.started)
    try:
        age = time.time() - lock_file.stat().st_mtime
    except OSError:
        return True
    return age > STALE_AFTER_S


def _age(file: Path) -> float:
    try:
        return time.time() - file.stat().st_mtime
    except OSError:
        return float("inf")


def _read_bytes(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:
        return None


def _publish(file: Path, content: bytes) -> bool:
    """Create `file` holding `content`, atomically; False if it already exists."""
    tmp = file.with_name(f"{file.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        tmp = None  # cannot write beside it: fall back to exclusive create below
    if tmp is not None:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(tmp, file)
                return True
            except FileExistsError:
                return False
            except (OSError, NotImplementedError, AttributeError):
                pass  # no hard links on this share
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # FileExistsError: held
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    return True


class FileLock:
    """Holds the owner file while a document is open; `owner` says who had it if we could not."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.held = False
        self.owner: LockOwner | None = None

    def acquire(self) -> bool:
        me = _me()
        content = json.dumps(asdict(me), ensure_ascii=False).encode("utf-8")
        for _ in range(3):
            try:
                created = _publish(self.file, content)
            except FileExistsError:
                created = False
            except OSError:
                return True  # a read-only folder: nothing to lock, nothing to overwrite
            if created:
                self.held = True
                return True
            seen = _read_bytes(self.file)
            owner = read_owner(self.path)
            if owner is None:
                if _age(self.file) < UNREADABLE_GRACE_S:
                    # Being written right now by someone whose share cannot link: theirs.
                    self.owner = LockOwner("（正在打开的同事）", "?", 0, time.time())
                    return False
                self._remove_stale(seen)
                continue
            if owner.host == me.host and owner.pid == me.pid:
                self.held = True  # reopened in this same process
                return True
            if is_stale(owner, self.file):
                self._remove_stale(seen)
                continue
            self.owner = owner
            return False
        return False

    def _remove_stale(self, seen: bytes | None) -> None:
        """Take the stale lock away without taking a fresh one a colleague has just made in
        its place: move it aside, and put it back if it is not the one judged stale."""
        aside = self.file.with_name(f"{self.file.name}.{uuid.uuid4().hex[:12]}.stale")
        try:
            os.replace(self.file, aside)
        except OSError:
            return
        if _read_bytes(aside) != seen:
            with contextlib.suppress(OSError):
                os.link(aside, self.file)  # fails if yet another lock appeared: theirs too
        with contextlib.suppress(OSError):
            aside.unlink()

    def refresh(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                os.utime(self.file)

    def release(self) -> None:
        if self.held:
            owner = read_owner(self.path)
            if owner is None or (owner.pid == os.getpid() and owner.host == socket.gethostname()):
                with contextlib.suppress(OSError):
                    self.file.unlink()
            self.held = False


def held_by_other(path: str | os.PathLike) -> LockOwner | None:
    """Who else holds `path` open right now, if anyone (stale locks do not count)."""
    file = lock_path(path)
    if not file.exists():
        return None
    owner = read_owner(path)
    if owner is None:
        if _age(file) < UNREADABLE_GRACE_S:
            return LockOwner("（正在打开的同事）", "?", 0, time.time())
        return None
    if owner.host == socket.gethostname() and owner.pid == os.getpid():
        return None
    if is_stale(owner, file):
        return None
    return owner
