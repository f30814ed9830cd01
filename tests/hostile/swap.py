"""A file swapped on disk right after the reader's one read of it: any stage that opened the
path again would read the swapped file instead of the bytes the limits checked."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from workbench.io.reading import limits


@contextlib.contextmanager
def swapped_after_read(replacement: bytes) -> Iterator[list[Path]]:
    """While active, every bounded read of a file replaces that file with `replacement` once
    it has been read; yields the paths so swapped."""
    real = limits.read_bounded
    swapped: list[Path] = []

    def read_then_swap(path: Path, limit: int = limits.MAX_FILE_BYTES) -> bytes:
        data = real(path, limit)
        Path(path).write_bytes(replacement)
        swapped.append(Path(path))
        return data

    limits.read_bounded = read_then_swap
    try:
        yield swapped
    finally:
        limits.read_bounded = real


def outcome(read, path: Path):
    """What reading gives, as something comparable: the tables' rows, or the one-line
    refusal."""
    from workbench.io.errors import FileProblem

    try:
        doc = read(path)
    except FileProblem as exc:
        return ("refused", exc.message)
    return (
        "read",
        [
            (t.sheet_name, [repr(sorted(row.items())) for _key, row in t], len(doc.warnings))
            for t in doc.tables.values()
        ],
    )
