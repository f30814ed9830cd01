"""How far the cells of an xlsx worksheet part reach from A1, by byte search.

python-calamine builds each sheet as one dense block from A1 to its farthest cell, so a
single value at XFD1048576 asks it for 512 GiB. The farthest cell is found here without
parsing: only cells that are not the common kind (a one-letter column and a row number below
what the last row tag suggests) are collected, and the suggestion is never trusted.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    MAX_SHEET_CELLS,
    MAX_SHEET_ROWS,
)

# Element names with a namespace prefix: legal XML, but the quick scan does not follow them.
PREFIXED = re.compile(rb":(?:row|c)[\s/>]")
_LAST_ROW = re.compile(rb'<row\s+r="(\d{1,9})"')


def column_index(letters: bytes | str) -> int:
    """1-based column number of "A", "AB", "XFD"."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + (ord(ch) - 64)
    return n


def column_name(index: int) -> str:
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _below(threshold: int) -> bytes:
    """A pattern for the row numbers below `threshold`, which is 10**k or a two-digit number
    times a power of ten (all a row hint is rounded to)."""
    text = str(threshold)
    k = len(text)
    options = [rb"[1-9]\d{0,%d}" % (k - 2)] if k > 1 else []
    if text.strip("0") == "1":  # a power of ten: all shorter numbers, nothing else
        return b"|".join(options)
    d1, d2 = int(text[0]), int(text[1])
    if d1 > 1:
        options.append(rb"[1-%d]\d{%d}" % (d1 - 1, k - 1))
    if d2 > 0:
        options.append(rb"%d[0-%d]\d{%d}" % (d1, d2 - 1, k - 2))
    return b"|".join(options)


def thresholds(hint: int) -> list[int]:
    """Row numbers to skip, from the largest the hint allows down to none: the hint rounded
    down to two digits, then each power of ten below it."""
    if hint < 10:
        return [1]
    k = len(str(hint))
    first = int(str(hint)[:2]) * 10 ** (k - 2)
    return [first, *(10**j for j in range(k - 1, -1, -1) if 10**j < first)]


_PATTERNS: dict[int, re.Pattern[bytes]] = {}


def below_threshold(threshold: int) -> re.Pattern[bytes]:
    """Every cell except the common one: coordinates first, a one-letter column and a row
    number below `threshold`. Wide cells, far rows and cells without coordinates (whose
    place the reader would count for itself) are what is left, and are few. A match without
    captured coordinates is a cell the quick scan cannot place."""
    if threshold not in _PATTERNS:
        below = _below(threshold) if threshold > 1 else b""
        common = rb'|\sr="[A-Z](?:' + below + rb')"' if below else b""
        _PATTERNS[threshold] = re.compile(
            rb"<c(?![^\s/>]" + common + rb')(?:\s+r="([A-Z]{1,4})([1-9]\d{0,9})")?'
        )
    return _PATTERNS[threshold]


def sheet_reach(data: bytes) -> tuple[bool, int, int]:
    """(regular, rows, columns): how far the cells of an xlsx worksheet part reach, from A1.

    Only cells count (Excel writes empty formatted rows down to 1048576). The row tag nearest
    the end only suggests how long the largest row number is; cells with numbers at least
    that large are collected and give the exact reach, and if there are none the threshold
    is lowered. A lying or unordered file is therefore still bounded exactly.
    """
    if b"<c" not in data and b":c" not in data:
        return True, 0, 0
    if PREFIXED.search(data):
        return False, 0, 0
    last = data.rfind(b"<row ")
    hint = _LAST_ROW.match(data, last) if last >= 0 else None
    return reach(data, int(hint.group(1)) if hint else 1)


def reach(data: bytes, hint: int) -> tuple[bool, int, int]:
    """Cells at or beyond the hint's threshold give the exact reach; if there are none, the
    threshold is lowered (the hint only saves work, it is never trusted)."""
    for threshold in thresholds(hint):
        max_row, max_col = 0, 26
        for letters, number in below_threshold(threshold).findall(data):
            if not letters:
                return False, 0, 0
            max_col = max(max_col, column_index(letters))
            max_row = max(max_row, int(number))
        if max_row >= threshold or threshold == 1:
            return True, max_row, max_col
    return True, 0, 26  # unreachable: the last threshold is 1


def check_area(path: Path, where: str, rows: int, columns: int) -> None:
    """FileProblem when a sheet reaches past the row limit or its area past the cell limit."""
    if rows > MAX_SHEET_ROWS:
        raise FileProblem(
            f"{where}的数据延伸到第 {rows} 行，超过 {MAX_SHEET_ROWS // 10000} 万行的上限，"
            "疑似恶意或损坏的文件，拒绝打开",
            path,
        )
    if rows * columns > MAX_SHEET_CELLS:
        area = rows * columns
        raise FileProblem(
            f"{where}的数据区域过大（A1:{column_name(min(columns, EXCEL_COLUMNS))}{min(rows, EXCEL_ROWS)}，"
            f"约 {area / 10000:.0f} 万个单元格，上限 {MAX_SHEET_CELLS // 10000} 万），疑似恶意或损坏的文件，拒绝打开",
            path,
        )
