"""Undo/redo over the document's one edit path, and the "modified since saved" flag."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.document import PlanDocument
from workbench.core.edits import Edit
from workbench.core.observers import Observers


@dataclass
class _Step:
    undo: Edit  # the inverse to apply to go back
    label: str
    reason: str = ""  # why the reviewer made the edit: a redo logs it again, not "重做"


class EditHistory:
    """Two stacks of inverses. `modified` compares the position with the last save, so
    undoing back to the saved state clears it, as users expect from Excel."""

    def __init__(self, doc: PlanDocument, limit: int = 1000) -> None:
        self.doc = doc
        self.limit = limit
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._position = 0  # number of steps applied since the document was loaded
        self._saved_at: int | None = 0
        self.on_change = Observers()  # called with no arguments after every step

    def do(self, edit: Edit, *, reason: str = "") -> None:
        def push(inverse: Edit) -> None:
            self._undo.append(_Step(inverse, edit.label, reason))
            if len(self._undo) > self.limit:
                self._undo.pop(0)  # the oldest step can no longer be undone; the log keeps it
            if self._saved_at is not None and self._saved_at > self._position:
                self._saved_at = None  # the saved state was on the redo branch we just dropped
            self._redo.clear()
            self._position += 1

        self.doc.apply(edit, reason=reason, before_notify=push)
        self._changed()

    def undo(self) -> bool:
        if not self._undo:
            return False
        step = self._undo.pop()

        def push(inverse: Edit) -> None:
            self._redo.append(_Step(inverse, step.label, step.reason))
            self._position -= 1

        try:
            self.doc.apply(step.undo, reason="撤销", before_notify=push)
        except Exception:
            self._undo.append(step)  # the inverse did not apply: the step is still undoable
            raise
        self._changed()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        step = self._redo.pop()

        def push(inverse: Edit) -> None:
            self._undo.append(_Step(inverse, step.label, step.reason))
            self._position += 1

        try:
            self.doc.apply(step.undo, reason=step.reason or "重做", before_notify=push)
        except Exception:
            self._redo.append(step)
            raise
        self._changed()
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    @property
    def modified(self) -> bool:
        return self._saved_at != self._position

    def mark_saved(self) -> None:
        self._saved_at = self._position
        self._changed()

    def mark_modified(self) -> None:
        """A document that never was saved as it stands (recovered, imported)."""
        self._saved_at = None
        self._changed()

    def _changed(self) -> None:
        self.on_change.emit()
