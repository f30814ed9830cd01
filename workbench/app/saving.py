"""Save: the open document to its plan file, or to a new one (另存为).

The document's file (io/document_controller.DocumentFile) keeps the lock and the autosave; the
check made first is the one every output gets: a file a colleague holds open is refused,
naming them. The document's own file is ours (its lock is ours) and is checked by the file
itself against a save made by someone else since it was opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.app.outputs import refuse_if_held
from workbench.core.document import PlanDocument
from workbench.io.document_controller import DocumentFile


def save_document(
    file: DocumentFile, doc: PlanDocument, path: str | os.PathLike | None = None
) -> Path:
    """Write `doc` atomically to `path` (default: its own file); FileProblem when a colleague
    holds the target, SaveRefused (an OSError) when its own file changed on disk."""
    target = Path(path) if path is not None else file.path
    if target is None:
        raise ValueError("a document read from an annex is saved under a new name")
    refuse_if_held(target, current=file.path)
    return file.save(doc, target)
