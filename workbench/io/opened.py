"""A file as read: the document, whether it is our own plan file, and what the reader found.

Kept light (no locks, no recovery) so that the command line's open imports nothing it does
not use; the window's document controller and the app's open both hand this back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.document import PlanDocument


@dataclass
class Opened:
    """A file as read: the document, whether it is our own plan file, and (for an annex
    workbook) the sheets as read, so a second reading costs no disk access."""

    path: Path
    doc: PlanDocument
    native: bool
    book: Any = field(default=None, repr=False)
    reads: int = 1  # how many times the file itself was read (the chooser keeps this at 1)

    @property
    def warnings(self) -> list:
        """What the reader read with reservations (ReadWarning: file, sheet, cell)."""
        return self.doc.warnings

    @property
    def notices(self) -> list[str]:
        """What opening found: edits made in Excel since the last save, a hidden document
        disagreeing with the visible cells."""
        return list(getattr(self.doc, "notices", []))

    @property
    def needs_choice(self) -> bool:
        """Several tables, sheets that held none, a kind the reader had to guess, or a table
        the reader doubts is a plan table at all (低): the person picks what to open."""
        if self.native:
            return False
        doc = self.doc
        unclear = any(
            t.meta.kind_uncertain or (t.meta.confidence is not None and t.meta.confidence.low)
            for t in doc.tables.values()
        )
        return len(doc.tables) > 1 or bool(doc.properties.skipped_sheets) or unclear
