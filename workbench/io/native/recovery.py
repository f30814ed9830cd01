"""Autosave and crash recovery: unsaved work goes to the user's data folder every half minute
and when the user pauses; a clean save or close removes it; the next start offers what is left.

Recovery files hold unpublished plan figures: the folder is the user's alone (0700) and each
file is 0600. Each remembers what the original looked like on disk when it was opened, so a
recovered document still notices a colleague's later save.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.native import plan_json
from workbench.io.native.atomic import atomic_path
from workbench.io.native.locks import process_alive, process_started


def private_data_dir(name: str) -> Path:
    """A folder of the user data folder (WORKBENCH_DATA_DIR overrides it) readable by its
    owner only: autosaves hold unpublished figures, crash logs file names and figures."""
    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        base = Path(override)
    else:
        from platformdirs import user_data_dir

        base = Path(user_data_dir("PlanWorkbench", appauthor=False))
    folder = base / name
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass
    return folder


def recovery_dir() -> Path:
    return private_data_dir("recovery")


@dataclass(frozen=True)
class Recoverable:
    file: Path
    original: str | None  # the document's own path, if it had one
    title: str
    saved_at: float
    pid: int
    started: float | None = None
    disk_state: DiskState | None = None  # the original on disk when it was opened

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        return f"{self.title or '未命名'}（{self.original or '未保存的文档'}，自动保存于 {when}）"


class Autosaver:
    """One recovery file per open document, named after its path (or the session)."""

    def __init__(self, original: str | os.PathLike | None, session: str) -> None:
        self.original = str(original) if original else None
        key = hashlib.sha1((self.original or session).encode("utf-8")).hexdigest()[:16]
        self.file = recovery_dir() / f"{key}.json"
        self.disk_state: DiskState | None = None  # set by the session that opened the file

    def save(self, doc: PlanDocument) -> Path:
        payload = {
            "original": self.original,
            "title": doc.title,
            "saved_at": time.time(),
            "pid": os.getpid(),
            "started": process_started(os.getpid()),
            "disk_state": [self.disk_state.mtime_ns, self.disk_state.size]
            if self.disk_state
            else None,
            "document": plan_json.document_to_data(doc),
        }
        with atomic_path(self.file, private=True) as tmp:
            tmp.write_text(plan_json.encode(payload), encoding="utf-8")
        return self.file

    def discard(self) -> None:
        try:
            self.file.unlink()
        except OSError:
            pass


def leftovers() -> list[Recoverable]:
    """Recovery files whose writer is no longer running: what a crash left behind."""
    found = []
    for file in sorted(recovery_dir().glob("*.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            state = data.get("disk_state")
            started = data.get("started")
            original = data.get("original")
            item = Recoverable(
                file,
                str(original) if original else None,
                str(data.get("title", "")),
                float(data["saved_at"]),
                int(data["pid"]),
                float(started) if isinstance(started, (int, float)) else None,
                DiskState(int(state[0]), int(state[1])) if state else None,
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            continue
        if not process_alive(item.pid, item.started):
            found.append(item)
    return found


def recover(item: Recoverable) -> PlanDocument:
    """The document a recovery file holds; FileProblem if it cannot be used."""
    from workbench.io.errors import FileProblem

    where = f"恢复文件“{item.file.name}”"
    try:
        data = plan_json.decode(item.file.read_text(encoding="utf-8"), where)
        return plan_json.document_from_data(data["document"], where)
    except plan_json.SchemaError as exc:
        raise FileProblem(str(exc), item.file) from None
    except OSError as exc:
        raise FileProblem(f"无法读取（{exc.strerror or exc}）", item.file) from None
    except RecursionError:
        raise FileProblem("恢复文件嵌套过深，已损坏", item.file) from None
    except Exception as exc:  # wrong types anywhere inside
        raise FileProblem(f"恢复文件不完整或类型不对（{type(exc).__name__}）", item.file) from None


@dataclass(frozen=True)
class DiskState:
    """What a file looked like when opened or last saved, to notice someone else's save."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: str | os.PathLike) -> DiskState | None:
        try:
            stat = Path(path).stat()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size)

    def changed(self, path: str | os.PathLike) -> bool:
        return DiskState.of(path) != self
