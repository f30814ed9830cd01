"""Read any spreadsheet into plain rows of cell values, safely and fast: the reading pipeline.

One straight line, each stage a module, each working on the bytes of one read:

    read once (limits.read_bounded) → sniff (what the bytes are) → limits (package checks)
    → one reader per engine (engines: calamine, openpyxl; text_reader; capped: the child)
    → cell facts (number_formats, error cells) → layout (layout_detection) → rows (row_reader)

This module runs the first four; the opener runs the rest. Nothing a file says reaches a
reading library before `limits.check_package` has inflated every part (CRC and size
verified) and bounded how far each sheet's cells reach; the readers then parse those same
bytes, and the file is never opened by its path again. Files the quick scan cannot bound, and
every .xls, .xlsb and .ods (binary records or repeat counts the readers expand), are read in
a capped child process (`capped.read_in_child`) that gets the bytes on its standard input and
returns JSON.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workbench import progress
from workbench.io.errors import FileProblem
from workbench.io.reading import limits
from workbench.io.reading.bounds import LARGE_CELLS, MAX_CELLS_IN_MEMORY, too_many_cells
from workbench.io.reading.engines import CalamineReader
from workbench.io.reading.raw import (  # noqa: F401 - the shapes callers import from here
    MAX_COLUMNS,
    MAX_ROWS,
    Merged,
    RawSheet,
    RawWorkbook,
    describe,
)
from workbench.io.reading.sniff import FileKind, sniff_data
from workbench.io.reading.text_reader import MAX_TEXT_FIELD, TextReader  # noqa: F401


def _sheets_in_child(
    data: bytes, path: Path, kind: str, reader: str = "calamine"
) -> tuple[list[RawSheet], str, list[str]]:
    from workbench.io.reading.capped import read_in_child

    payload, reader, notes = read_in_child(data, path, kind, reader)
    sheets = []
    for item in payload:
        try:
            sheets.append(
                RawSheet(
                    str(item["name"]),
                    [list(r) for r in item["rows"]],
                    [tuple(int(x) for x in m) for m in item.get("merged", [])],
                    bool(item.get("truncated")),
                    bool(item.get("hidden")),
                    *_cell_facts(item),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise FileProblem("文件无法读取（读取进程的结果不完整）", path) from None
    return sheets, f"{reader}（独立进程）", notes


def _cell_facts(item: dict) -> tuple[set | None, dict | None]:
    """The child's BIFF facts of one sheet (biff.py) as RawSheet fields."""
    if item.get("percent") is None and item.get("errors") is None:
        return None, None
    percent = {(int(r), int(c)) for r, c in item.get("percent") or []}
    errors = {(int(r), int(c)): str(text) for r, c, text in item.get("errors") or []}
    return percent, errors


def read_workbook(
    path: str | os.PathLike, on_checked: Callable[[limits.Scan], None] | None = None
) -> RawWorkbook:
    """All sheets of a spreadsheet or text table; FileProblem with a one-line reason if not.

    The file is read once; the limits come first for every format; then calamine reads in
    this process only what the scan could bound, and everything else goes to the capped
    child process. `on_checked` gets what the limits check found (sheet areas, error cells)
    once the package passed, before it is parsed. The returned workbook carries the checked
    package bytes (`package`) for the stages after it.
    """
    path = Path(path)
    progress.step(f"正在读取“{path.name}”")
    data = limits.read_bounded(path)
    kind = sniff_data(data, path).kind
    if kind is FileKind.TEXT:
        return RawWorkbook(path, FileKind.CSV, TextReader(data, path).sheets(), "csv")
    if kind is FileKind.XLS:
        sheets, reader, notes = _sheets_in_child(data, path, FileKind.XLS)
        return RawWorkbook(path, FileKind.XLS, sheets, reader, notes)

    scan = limits.check_package(data, path, kind)
    progress.check()
    if scan.cells > MAX_CELLS_IN_MEMORY:
        raise FileProblem(too_many_cells(scan.cells, len(data), MAX_CELLS_IN_MEMORY), path)
    if scan.cells > LARGE_CELLS:
        progress.step(
            f"“{path.name}”较大（约 {scan.cells / 10000:.0f} 万个单元格），读取需要一些时间"
        )
    if on_checked is not None:
        on_checked(scan)
    package = data if kind in (FileKind.XLSX, FileKind.ODS) else None
    if (
        kind is not FileKind.XLSX
        or not scan.regular
        or scan.shared_text_bound > limits.MAX_SHARED_TEXT_IN_PROCESS
    ):
        sheets, reader, notes = _sheets_in_child(data, path, kind)
        return RawWorkbook(path, kind, sheets, reader, notes, package)

    try:
        sheets = CalamineReader(data, path).sheets()
        return RawWorkbook(path, FileKind.XLSX, sheets, "calamine", [], package)
    except FileProblem:
        raise
    except BaseException as exc:  # PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if type(exc).__name__ == "PasswordError":
            raise FileProblem(describe(exc), path) from None
        first = describe(exc)
    # The compatible reader is slower and less frugal: it runs capped, out of process.
    try:
        sheets, reader, notes = _sheets_in_child(data, path, FileKind.XLSX, "openpyxl")
    except FileProblem:
        raise FileProblem(first, path) from None
    return RawWorkbook(
        path,
        FileKind.XLSX,
        sheets,
        reader,
        [f"快速读取失败（{first}），已改用兼容方式读取", *notes],
        package,
    )
