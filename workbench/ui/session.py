"""One open document with everything that keeps its work safe: edit history, file path, the
lock beside the file, autosave, and what the file looked like on disk when we last touched it.

Every edit from any view goes through `Session.do`, which is the core's one edit path plus
the bookkeeping the window needs (modified flag, autosave scheduling).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.core.document import PlanDocument
from workbench.core.edits import Edit, EditError
from workbench.core.history import EditHistory
from workbench.core.revisions import SessionRevisions
from workbench.io.document_controller import DocumentFile

AUTOSAVE_INTERVAL_MS = 30_000
IDLE_AUTOSAVE_MS = 5_000


def approval_time(stamp: str | None) -> str:
    """When a version was marked 审定, to the minute ("2026-12-06 13:05")."""
    if not stamp:
        return ""
    return stamp.replace("T", " ")[:16]


class Session(QObject):
    changed = Signal()  # modified flag, undo/redo availability, read-only state
    editRejected = Signal(str)  # an edit the core refused, with its reason
    readOnlyRefused = Signal()  # an edit refused because the document is read-only

    def __init__(
        self, doc: PlanDocument, path: Path | None = None, *, native: bool = True, parent=None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.file = DocumentFile(path, native=native)
        self.history = EditHistory(doc)
        self.history.on_change.subscribe(self._history_changed)
        # Marks and originals cover the whole review in the change log — also what was
        # changed before the last save, before a crash, or in Excel since (外部修改).
        self.revisions = SessionRevisions(doc, since=0)
        # an archived version marked 审定 (its VersionInfo): read-only until it is saved as
        # a file of one's own or as a new version
        self.approved = None
        self.approval_offered = False  # the window offered a new version once already
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_AUTOSAVE_MS)
        self._idle_timer.timeout.connect(self.autosave)
        # Checks an edit must pass before it applies (a team session refuses what it cannot
        # share): each returns the reason to refuse, or None.
        self.gates: list[Callable[[Edit], str | None]] = []
        if doc.notices:
            self.history.mark_modified()  # external edits were taken in: not yet saved

    # ---- the file, as the window reads it ----------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.file.path

    @property
    def source_path(self) -> Path | None:
        return self.file.source_path

    @source_path.setter
    def source_path(self, value: Path | None) -> None:
        self.file.source_path = value

    @property
    def is_template(self) -> bool:
        return self.file.is_template

    @is_template.setter
    def is_template(self, value: bool) -> None:
        self.file.is_template = value

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def locked_by(self):
        return self.file.locked_by

    @property
    def autosaver(self):
        return self.file.autosaver

    def changed_on_disk(self) -> bool:
        return self.file.changed_on_disk()

    def hold_approved(self, info) -> None:
        """The document is an archived version marked 审定 (`info`): read-only."""
        self.approved = info
        self.file.read_only = True
        self.changed.emit()

    def release_approved(self) -> None:
        """Saved as a new version: what the window holds is no longer the 审定 one."""
        if self.approved is None:
            return
        self.approved = None
        self.file.read_only = self.file.locked_by is not None
        self.changed.emit()

    def read_only_reason(self) -> str:
        """Why nothing can be changed: the version is 审定 (who approved it, when), or a
        colleague holds the file."""
        info = self.approved
        if info is not None:
            return self.tr(
                "版本 {id}（{year}年 {label}）已审定（{who}，{when}），只读；"
                "可“另存为”文件或“保存到计划库”成为新版本后修改"
            ).format(
                id=info.id,
                year=info.year,
                label=info.label,
                who=info.approved_by or self.tr("审定人未记录"),
                when=approval_time(info.approved_at) or self.tr("时间未记录"),
            )
        return self.tr("文件正由 {v} 编辑，当前为只读").format(
            v=self.locked_by.describe() if self.locked_by else self.tr("他人")
        )

    # ---- editing ---------------------------------------------------------------------------
    def do(self, edit: Edit, reason: str = "") -> bool:
        if self.read_only:
            self.editRejected.emit(self.read_only_reason())
            self.readOnlyRefused.emit()
            return False
        for gate in self.gates:
            refusal = gate(edit)
            if refusal:
                self.editRejected.emit(refusal)
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
    def save(self, path: Path | None = None) -> Path:
        """Through the app's save command: a target a colleague holds is refused
        (FileProblem naming them) before anything is written."""
        from workbench.app.saving import save_document

        target = save_document(self.file, self.doc, path)
        self.approved = None  # a file of one's own now, no longer the 审定 version
        self.history.mark_saved()
        self.changed.emit()
        return target

    def accept_disk_state(self) -> None:
        """The user chose to overwrite what is on disk now."""
        self.file.accept_disk_state()

    def remember_disk_state(self, state) -> None:
        """After recovery: compare later saves with the file as it was when first opened."""
        self.file.disk_state = state
        self.file.autosaver.disk_state = state

    def autosave(self) -> None:
        self.file.autosave(self.doc, self.modified)

    def release(self) -> None:
        self.file.release()

    def close(self) -> None:
        self._autosave_timer.stop()
        self._idle_timer.stop()
        self.file.close()
