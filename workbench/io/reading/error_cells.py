"""Error cells (#N/A, #DIV/0!) of an xlsx worksheet part, found by byte search.

calamine hands over an error cell as an empty one; the reader puts the text back. They are
found in the limits check, in the pass that inflates every part anyway (part_scan).
"""

from __future__ import annotations

import re

from workbench.io.reading.sheet_reach import column_index

ERROR_MARK = b't="e"'
_ERROR_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d{1,9})"')
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")
LONGEST_ERROR_CELL = 64 * 1024  # an unfinished error cell is carried over at most this far


def error_cells(
    data: bytes, begin: int, end: int, found: dict[tuple[int, int], str], final: bool = True
) -> int:
    """Error cells of an xlsx worksheet whose t="e" mark starts in data[begin:end], into
    `found` as (row, column) → the text as written ("#错误" when the cell holds none).

    Returns where the next search must start again: `end`, or (unless `final`) the start of
    an error cell whose element does not end within `data` yet, so that a streaming caller
    carries it over to the next chunk. A cell without coordinates is skipped (such a sheet is
    read by the capped child)."""
    at = data.find(ERROR_MARK, begin, end + len(ERROR_MARK) - 1)
    while at >= 0:
        start = data.rfind(b"<c", 0, at)
        head_end = data.find(b">", at)
        if start >= 0 and data.find(b">", start, at) < 0:  # the mark is inside a cell's tag
            if head_end < 0:
                closed = -1
            elif data[head_end - 1 : head_end] == b"/":
                closed = head_end + 1
            else:
                closed = data.find(b"</c>", head_end)
            if closed < 0 and not final and len(data) - start <= LONGEST_ERROR_CELL:
                return start
            ref = _ERROR_REF.search(data, start, head_end if head_end >= 0 else len(data))
            if ref is not None:
                value = _ERROR_VALUE.search(data, head_end, closed) if closed > head_end else None
                text = value.group(1).decode("utf-8", "replace") if value else "#错误"
                found[(int(ref.group(2)) - 1, column_index(ref.group(1)) - 1)] = text
        at = data.find(ERROR_MARK, at + len(ERROR_MARK), end + len(ERROR_MARK) - 1)
    return end
