"""Opening, saving and locking a plan document, without Qt.

The window asks; this module does the file work: it reads a file once (a native plan file,
or an annex workbook kept in memory so that the table chooser can have it read as another
kind without touching the disk again), takes the lock beside a plan file, notices a save made
by someone else, writes atomically, and keeps the autosave copy for crash recovery.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.native.locks import FileLock, LockOwner
from workbench.io.native.recovery import Autosaver, DiskState, Recoverable, leftovers
from workbench.io.opened import Opened


def open_file(path: str | os.PathLike) -> Opened:
    """Read a plan file or an annex workbook; FileProblem with a one-line reason if not."""
    from workbench.io.opener import check_openable, open_read

    path = check_openable(path)
    doc, book, native = open_read(path)  # one read of the file, whichever kind it is
    return Opened(path, doc, native, None if native else book)


def choose_tables(
    opened: Opened, table_ids: list[str], kind: str | None = None
) -> PlanDocument | None:
    """Keep the chosen tables; with `kind`, read the workbook again as that kind — from the
    sheets already in memory. None when nothing was chosen."""
    from workbench.io.opener import import_annex

    doc = opened.doc
    sheets = {doc.table(t).sheet_name for t in table_ids if t in doc.tables}
    if kind:  # ids change with the kind, sheet names do not
        doc = import_annex(opened.path, kind, book=opened.book)
    for table_id in list(doc.tables):
        if doc.tables[table_id].sheet_name not in sheets:
            del doc.tables[table_id]
    return doc if doc.tables else None


def open_sample() -> Opened:
    from workbench.io.native.plan_file import load_plan
    from workbench.io.opener import sample_plan_path

    path = sample_plan_path()
    return Opened(path, load_plan(path), True)


def recoverable_for(named: str | os.PathLike | None) -> list[Recoverable]:
    """What a crash left behind that may be offered now: with a file named on the command
    line, only that file's own unsaved work (other leftovers wait for a start without one)."""
    items = leftovers()
    if named is None:
        return items
    wanted = Path(named).resolve()
    return [i for i in items if i.original and Path(i.original).resolve() == wanted]


class DocumentFile:
    """Where one open document lives and what keeps it safe: its path (none for an import
    not yet saved), the lock beside it, its state on disk, and the autosave copy."""

    def __init__(self, path: Path | None, *, native: bool = True) -> None:
        self.path = Path(path) if path is not None and native else None
        self.source_path = Path(path) if path is not None else None  # native or imported
        self.is_template = False  # the sample plan: saving always asks for a new file
        self.lock: FileLock | None = None
        self.locked_by: LockOwner | None = None
        self.read_only = False
        self.disk_state = DiskState.of(self.path) if self.path else None
        self.autosaver = Autosaver(self.path, f"unsaved-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        self.autosaver.disk_state = self.disk_state  # recovery remembers what was opened
        if self.path is not None:
            self.take_lock()

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

    def save(self, doc: PlanDocument, path: Path | None = None) -> Path:
        """Write atomically; a save under a new name moves the lock and the autosave there."""
        from workbench.io.native.plan_file import save_plan

        target = Path(path or self.path)  # type: ignore[arg-type]
        self._check_own_file(target)
        save_plan(doc, target)
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
        self.autosaver.discard()
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

    def autosave(self, doc: PlanDocument, modified: bool) -> None:
        if modified and not self.read_only:
            try:
                self.autosaver.save(doc)
            except OSError:
                pass  # a full disk must not interrupt editing; the next tick tries again
        if self.lock is not None:
            self.lock.refresh()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        """The document is being closed: give up the lock and the recovery copy."""
        self.release()
        self.autosaver.discard()
