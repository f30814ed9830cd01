"""Turn the ways annexes write numbers into floats, and tell "no value" from a number.

Annexes write 8.3% as text, use full-width digits, "12,500" or "19 278.1" (space as thousands
separator), and mark a missing value with "-", "—", "/" or words; a lone "-" is no value while
"-2" is minus two. One function decides this for every path text becomes a number by: typed in
the grid, pasted, read from an annex, read from a returned workbook, typed in the review panel.

Thousands separators: a comma (or a space) between digits is read as one only where it groups
by three from the decimal point ("12,500", "1,234,567.5", "19 278.1"). Anything else ("1,5",
"12,50", "1234,5") is refused with a message saying why: "1,5" is 1.5 to a European and 15 to
a careless reader, and a wrong figure silently taken is worse than one the user retypes. The
full-width "，" becomes "," first (NFKC), so "1，5" is refused alike.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

NO_VALUE_MARKS = frozenset({"", "-", "—", "–", "－", "/", "／", "--", "——", "…", "\\", "×", "x"})
NO_VALUE_WORDS = (
    "暂无数据",
    "暂无",
    "尚无统计数据",
    "无数据",
    "年度统计",
    "不适用",
    "未统计",
    "N/A",
    "n/a",
    "NA",
)

_NUMBER = re.compile(r"^([+-]?)(\d+(?:\.\d+)?|\.\d+)(%|‰)?$")
_SEPARATOR = re.compile(r"\d(?:,|\s+)\d|\d,|,\d")  # a comma, or a space between digits
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:(,|\s)\d{3})(?:\1\d{3})*(?![\d,])")


def _ungroup(text: str) -> str | None:
    """`text` without its thousands separators and spaces, or None when a comma (or a
    space between digits) is not a separator grouping by three."""
    if not _SEPARATOR.search(text):
        return text.replace(" ", "")
    grouped = _GROUPED.sub(lambda m: re.sub(r"[,\s]", "", m.group(0)), text)
    if "," in grouped or re.search(r"\d\s+\d", grouped):
        return None
    return grouped.replace(" ", "")


def normalise_text(text: str) -> str:
    """NFKC (full-width → half-width), unify minus signs, drop zero-width spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2212", "-").replace("\u200b", "").replace("\ufeff", "")
    return text.strip()


@dataclass(frozen=True)
class Parsed:
    """Result of reading one cell: a number, or no value with the words that said so."""

    value: float | None
    percent: bool = False  # the text carried a % sign (or ‰: the number is kept as written)
    no_value_text: str | None = None  # "暂无数据", "—" … kept so the status can show it
    error: str | None = None  # text that is neither a number nor a recognised no-value mark


def parse_number(raw: object) -> Parsed:
    if raw is None:
        return Parsed(None)
    if isinstance(raw, bool):
        return Parsed(None, error=f"{raw!r} 不是数值")
    if isinstance(raw, (int, float)):
        value = float(raw)
        if math.isnan(value):
            return Parsed(None)
        if math.isinf(value):
            return Parsed(None, error="数值为无穷大")
        return Parsed(value)
    text = normalise_text(str(raw))
    if text in NO_VALUE_MARKS:
        return Parsed(None, no_value_text=text or None)
    for word in NO_VALUE_WORDS:
        if text == word:
            return Parsed(None, no_value_text=text)
    compact = _ungroup(text)
    if compact is None:
        if not _NUMBER.match(re.sub(r"[,\s]", "", text).replace("％", "%")):
            return Parsed(None, error=f"“{text}”不是数值")
        return Parsed(
            None,
            error=f"“{text}”中的逗号或空格不是每三位一组的千位分隔符，"
            "无法判断是千位分隔还是小数点，请改写（小数点用“.”）",
        )
    compact = compact.replace("％", "%")
    match = _NUMBER.match(compact)
    if not match:
        return Parsed(None, error=f"“{text}”不是数值")
    sign, digits, pct = match.groups()
    value = float(digits)
    if sign == "-":
        value = -value
    # "6.37‰" is 6.37 in a ‰ row, as a target "7.2‰以内" is 7.2: never rescaled.
    return Parsed(value, percent=bool(pct))


_APPROXIMATE = re.compile(
    r"^(约|大约|近|接近)?([+-]?\d+(?:\.\d+)?)(%|‰)?(左右|上下|以上|以下|多)?$"
)


def parse_approximate(raw: object) -> tuple[float, str] | None:
    """An actual written with a qualifier ("9%左右", "约9%", "8%以上"): the number it states,
    and the qualifier, so that a reader keeps the number and notes the words. None when the
    text is not such a figure."""
    if not isinstance(raw, str):
        return None
    text = _ungroup(normalise_text(raw))
    if text is None:
        return None
    text = text.replace("％", "%")
    match = _APPROXIMATE.match(text)
    if not match or not (match.group(1) or match.group(4)):
        return None
    return float(match.group(2)), (match.group(1) or "") + (match.group(4) or "")


def format_number(value: float | None, decimals: int | None = None) -> str:
    """Annex style: no thousands separator, trailing zeros trimmed unless decimals is given."""
    if value is None:
        return ""
    if decimals is not None:
        return f"{value:.{decimals}f}"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")
