"""Open: a file becomes a document, with what the reader found as part of the result.

Both front ends open through here: the window keeps the sheets as read (`keep_book`), so that
its table chooser can have the workbook read as another kind without touching the disk again;
the command line does not need them. The reader's problems come back typed: a file that cannot
be used at all raises FileProblem (one line naming file, sheet and cell); what it could read
with reservations is in `warnings` (ReadWarning) and `notices` (edits made in Excel since the
last save, a hidden document disagreeing with the visible cells).
"""

from __future__ import annotations

import os

from workbench.io.opened import Opened


def open_path(
    path: str | os.PathLike, kind: str | None = None, *, keep_book: bool = False
) -> Opened:
    """Read a plan file or an annex workbook (as `kind`, if given)."""
    from workbench.io.native.plan_file import is_native, load_plan
    from workbench.io.opener import check_openable, import_annex

    if keep_book and kind is None:
        from workbench.io.document_controller import open_file

        return open_file(path)
    path = check_openable(path)
    if is_native(path):
        return Opened(path, load_plan(path), True)
    return Opened(path, import_annex(path, kind), False)


def open_both(old: str | os.PathLike, new: str | os.PathLike) -> tuple[Opened, Opened]:
    """Both files, the new one read in a second thread while this one reads the old.

    Why: the user waits for both reads, and most of a read (calamine's parse, zlib's inflate)
    runs without the interpreter lock, so on two cores the two reads overlap. The old file's
    problem is reported first, as when they were read one after the other; a missing file is
    named before either read starts.
    """
    from concurrent.futures import ThreadPoolExecutor

    from workbench.io.opener import check_openable

    check_openable(old)
    check_openable(new)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-new") as pool:
        later = pool.submit(open_path, new)
        try:
            first = open_path(old)
        finally:
            if not later.running():
                later.cancel()
        return first, later.result()


def open_sample() -> Opened:
    """The shipped sample plan (the window opens it like a template)."""
    from workbench.io.document_controller import open_sample as sample

    return sample()
