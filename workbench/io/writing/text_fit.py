"""Row heights and column widths that fit wrapped text, with CJK characters counted double.

Neither XlsxWriter nor LibreOffice grows a row for wrapped text written by a program: a
target such as "在“十四五”规划期内统筹考虑" in a 20-character column prints over the next row
unless the row height says how many lines it takes. Excel's column width is in the width of
one digit; a Chinese character takes two.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def text_width(text: str) -> float:
    """Width in Excel character units: wide (CJK, full-width) characters count 2."""
    width = 0.0
    for ch in text:
        if ch.isascii():
            width += 1.0
        else:
            width += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1.0
    return width


def lines_needed(text: str, column_width: float) -> int:
    """How many lines `text` wraps to in a column `column_width` characters wide."""
    # A column of width w holds w digits plus a few pixels of padding; a 10.5 pt CJK
    # character is two digits wide, so 17 of them just fit in a 34-wide column.
    usable = max(column_width, 1.0)
    total = 0
    for line in str(text).split("\n"):
        total += max(1, math.ceil(text_width(line) / usable))
    return total


def line_height(font_size: float) -> float:
    """Points per printed line for a font size (宋体/黑体 leading included)."""
    return round(font_size * 1.35 + 0.5, 2)


def row_height(texts_and_widths, font_size: float = 10.5, minimum: float = 18.0) -> float:
    """Height in points for a row whose cells are [(text, column width)…]."""
    lines = 1
    for text, width in texts_and_widths:
        if text:
            lines = max(lines, lines_needed(text, width))
    return max(minimum, lines * line_height(font_size) + 4.0)


def fit_width(texts, minimum: float, maximum: float) -> float:
    """A column width that shows the widest text on one line, within [minimum, maximum]."""
    widest = max((text_width(str(t)) for t in texts if t not in (None, "")), default=0.0)
    return max(minimum, min(maximum, widest + 2.0))
