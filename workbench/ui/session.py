"""One open document with everything that keeps its work safe: edit history, file path, the
lock beside the file, autosave, and what the file looked like on disk when we last touched it.

Every edit from any view goes through `Session.do`, which is the core's one edit path plus
the bookkeeping the window needs (modified flag, autosave scheduling).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.core.document import PlanDocument
from workbench.core.edits import Edit, EditError
from workbench.core.history import EditHistory
from workbench.core.revisions import SessionRevisions
from workbench.io.native.locks import FileLock, LockOwner
from workbench.io.native.recovery import Autosaver, DiskState

AUTOSAVE_INTERVAL_MS = 30_000
IDLE_AUTOSAVE_MS = 5_000


class Session(QObject):
    changed = Signal()  # modified flag, undo/redo availability, read-only state
    editRejected = Signal(str)  # an edit the core refused, with its reason

    def __init__(
        self, doc: PlanDocument, path: Path | None = None, *, native: bool = True, parent=None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path if native else None
        self.source_path = path  # where it came from, native or an imported annex
        self.is_template = False  # the sample plan: saving always asks for a new file
        self.history = EditHistory(doc)
        self.history.on_change.append(self._history_changed)
        self.revisions = SessionRevisions(doc)
        self.lock: FileLock | None = None
        self.locked_by: LockOwner | None = None
        self.read_only = False
        self.disk_state = DiskState.of(path) if path else None
        self.autosaver = Autosaver(self.path, f"unsaved-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        self.autosaver.disk_state = self.disk_state
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_AUTOSAVE_MS)
        self._idle_timer.timeout.connect(self.autosave)
        if self.path is not None:
            self.take_lock()
        if doc.notices or not native:
            self.history.mark_modified()  # external edits found, or an import not yet saved

    # ---- editing ---------------------------------------------------------------------------
    def do(self, edit: Edit, reason: str = "") -> bool:
        if self.read_only:
            self.editRejected.emit(
                f"文件正由 {self.locked_by.describe() if self.locked_by else '他人'} 编辑，当前为只读"
            )
            return False
        try:
            self.history.do(edit, reason=reason)
        except EditError as exc:
            self.editRejected.emit(str(exc))
            return False
        return True

    def undo(self) -> bool:
        return not self.read_only and self.history.undo()

    def redo(self) -> bool:
        return not self.read_only and self.history.redo()

    @property
    def modified(self) -> bool:
        return self.history.modified

    def _history_changed(self) -> None:
        self._idle_timer.start()
        self.changed.emit()

    # ---- files --------------------------------------------------------------------------
    def take_lock(self) -> None:
        assert self.path is not None
        self.lock = FileLock(self.path)
        if not self.lock.acquire():
            self.locked_by = self.lock.owner
            self.read_only = True
            self.lock = None

    def changed_on_disk(self) -> bool:
        return (
            self.path is not None
            and self.disk_state is not None
            and self.disk_state.changed(self.path)
        )

    def save(self, path: Path | None = None) -> Path:
        from workbench.io.native.plan_file import save_plan

        target = Path(path or self.path)  # type: ignore[arg-type]
        self._check_own_file(target)
        save_plan(self.doc, target)
        if self.path is None or target.resolve() != Path(self.path).resolve():
            old_autosaver = self.autosaver
            self.release()
            self.path = target
            self.read_only = False
            self.locked_by = None
            self.take_lock()
            self.autosaver = Autosaver(self.path, "")
            old_autosaver.discard()
        self.disk_state = DiskState.of(target)
        self.autosaver.disk_state = self.disk_state
        self.history.mark_saved()
        self.revisions.rebase()
        self.autosaver.discard()
        self.changed.emit()
        return target

    def _check_own_file(self, target: Path) -> None:
        """Saving onto the document's own file still asks who holds it and whether someone
        saved it since it was opened (SaveRefused, an OSError, says which)."""
        from workbench.io.native.locks import SaveRefused

        if self.path is None or target.resolve() != Path(self.path).resolve():
            return
        if self.lock is None or not self.lock.held:
            probe = FileLock(target)
            if target.exists() and not probe.acquire():
                who = probe.owner.describe() if probe.owner else "他人"
                raise SaveRefused(f"文件正由 {who} 编辑，未覆盖；请“另存为”自己的副本")
            self.lock, self.read_only, self.locked_by = probe, False, None
        if self.changed_on_disk():
            raise SaveRefused("文件在打开后已被他人或其他程序保存，未覆盖；请“另存为”或重新打开")

    def accept_disk_state(self) -> None:
        """The user chose to overwrite what is on disk now."""
        if self.path is not None:
            self.disk_state = DiskState.of(self.path)
            self.autosaver.disk_state = self.disk_state

    def autosave(self) -> None:
        if self.modified and not self.read_only:
            try:
                self.autosaver.save(self.doc)
            except OSError:
                pass  # a full disk must not interrupt editing; the next tick tries again
        if self.lock is not None:
            self.lock.refresh()

    def release(self) -> None:
        """The document is being closed: give up the lock; keep recovery only if unsaved."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        self._autosave_timer.stop()
        self._idle_timer.stop()
        self.release()
        self.autosaver.discard()
