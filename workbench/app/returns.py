"""Department returns: read the collection workbooks sent back, and accept what they change.

`read_returns` compares every returned workbook in a folder with the plan (io/reading); an
accepted return goes through the document's one edit path (`apply`: the window's
`Session.do`, or `PlanDocument.apply`), one undoable step per department, logged with the
department's file name.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from workbench.core.document import PlanDocument
from workbench.io.reading.returned_workbook import ReturnedWorkbook, ReturnSummary

REASON = "部门报送：{name}"  # the change log is a Chinese document: not translated


def read_returns(
    doc: PlanDocument, folder: str | os.PathLike, *, by: str | None = None
) -> ReturnSummary:
    """Who returned, who did not, and each department's changes."""
    from workbench.io.reading.returned_workbook import read_returns as read_folder

    return read_folder(folder, doc, by=by)


def accept_return(
    apply: Callable[..., object], item: ReturnedWorkbook, entries: list | None = None
) -> bool:
    """Apply one department's changes (`entries`, or all of them) as one edit through
    `apply(edit, reason=…)`; False when there was nothing to apply or the edit was refused."""
    edit = item.edit(entries)
    if edit is None:
        return False
    return bool(apply(edit, reason=REASON.format(name=item.name)))
