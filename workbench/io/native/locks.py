"""Owner files beside an opened plan, like Office's "~$" files, so that two people on a shared
drive do not overwrite each other: the second is told who has it and opens it read-only."""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER_S = 12 * 3600  # a lock nobody refreshed for half a day belongs to a crash


def lock_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(f"~${path.name}.lock")


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return f"{self.user}（{self.host}，{when} 起）"


def _me() -> LockOwner:
    from workbench.core.document import current_user

    return LockOwner(current_user(), socket.gethostname(), os.getpid(), time.time())


def process_alive(pid: int) -> bool:
    """Whether a process of this machine still runs (a crash leaves lock and recovery files)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def read_owner(path: str | os.PathLike) -> LockOwner | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockOwner(
            str(data["user"]), str(data["host"]), int(data["pid"]), float(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(owner: LockOwner, lock_file: Path) -> bool:
    """Our own machine can ask whether the process still runs; elsewhere, go by age."""
    if owner.host == socket.gethostname():
        return not process_alive(owner.pid)
    try:
        age = time.time() - lock_file.stat().st_mtime
    except OSError:
        return True
    return age > STALE_AFTER_S


class FileLock:
    """Holds the owner file while a document is open; `owner` says who had it if we could not."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.held = False
        self.owner: LockOwner | None = None
        self.replaced_stale: LockOwner | None = None

    def acquire(self) -> bool:
        me = _me()
        for _ in range(2):
            try:
                fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                owner = read_owner(self.path)
                if owner is None or is_stale(owner, self.file):
                    self.replaced_stale = owner
                    try:
                        self.file.unlink()
                    except OSError:
                        pass
                    continue
                if owner.host == me.host and owner.pid == me.pid:
                    self.held = True  # reopened in this same process
                    return True
                self.owner = owner
                return False
            except OSError:
                return True  # a read-only folder: nothing to lock, nothing to overwrite
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me.__dict__, handle, ensure_ascii=False)
            self.held = True
            return True
        return False

    def refresh(self) -> None:
        if self.held:
            try:
                os.utime(self.file)
            except OSError:
                pass

    def release(self) -> None:
        if self.held:
            owner = read_owner(self.path)
            if owner is None or (owner.pid == os.getpid() and owner.host == socket.gethostname()):
                try:
                    self.file.unlink()
                except OSError:
                    pass
            self.held = False
