"""Where a sentence states a figure: a number, its unit, and the words that qualify it.

A figure is a number followed by a unit of the one unit table (core/units). The number may be
written in Arabic digits, with the spaces and broken decimals of a PDF copy ("60132. 9 亿元",
"6. 0%"), with a magnitude ("1千亿美元"), or in Chinese numerals ("一百八十三个", "两万亩"),
and a milestone may leave the number out ("突破千亿元" is 1000亿元, "迈上万亿元台阶" is
1万亿元). Dates and periods are not figures: years ("2021年"), months ("1-10月", "前11个月"),
ordinals ("第6代"), codes ("T3B", "5G", "PM2.5").

Chinese numerals are read here. cn2an was measured on the collected reports before adopting
it: their four Chinese-numeral figures are all bare magnitudes after a milestone verb
("突破千亿元", "迈上万亿元台阶"), none of which cn2an reads; it also costs 0.27 s to import and
brings YAML configuration files a frozen build would have to ship.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from workbench.core import units as unit_table
from workbench.core.text.words import report_words
from workbench.core.units import UnitKind

FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.[ \t]?\d+)?")
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_NOT_BEFORE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-/第")
_CN_NOT_BEFORE = set("第周星礼初")
_RANGE_SEP = "-—–~～至到"
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}
# A single character after which "方" is a word, not the unit (三方面, 两方案).
_NOT_FANG = set("面案式向法位针舱")
_QUOTES = '“”"「」'


@dataclass
class Figure:
    """A figure as found: offsets in the sentence, the number and unit, its qualifiers."""

    start: int  # with the qualifier written before it ("约")
    number_start: int
    end: int  # after the unit and any qualifier after it
    value: float | int
    unit: str
    decimals: int
    before: str = ""  # 约 / 近 / 接近 / 逾 / 超
    after: str = ""  # 左右 / 以内 / 以上 / 以下 / 多 …
    high: float | None = None  # the upper end of a range ("4.5%-5%")
    number_text: str = ""  # the digits as written, spaces removed


@cache
def _units_by_first() -> dict[str, tuple[str, ...]]:
    """Unit names by their first character, longest first: a lookup per figure, not a scan."""
    out: dict[str, list[str]] = {}
    for name in unit_table.names_longest_first():
        out.setdefault(name[0], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _time_units() -> frozenset[str]:
    return unit_table.names_of(UnitKind.TIME)


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    return pos


def unit_at(text: str, pos: int) -> str | None:
    """The longest unit the text starts with at pos, unless it starts a period or a word."""
    for name in _units_by_first().get(text[pos : pos + 1], ()):
        if text.startswith(name, pos):
            rest = text[pos + len(name) : pos + len(name) + 2]
            if name == "个" and rest.startswith(report_words().period_units):
                return None
            if name == "方" and rest[:1] in _NOT_FANG:
                return None
            return name
    return None


def _number(text: str) -> tuple[float | int, int]:
    digits = text.replace(",", "").replace(" ", "").replace("\t", "")
    if "." in digits:
        return float(digits), len(digits.split(".")[1])
    return int(digits), 0


@cache
def _qualifiers() -> tuple[re.Pattern, re.Pattern]:
    words = report_words()
    before = "|".join(re.escape(q) for q in words.qualifiers_before)
    after = "|".join(re.escape(q) for q in words.qualifiers_after)
    return re.compile(f"(?:{before})$"), re.compile(after)


def _qualifier_before(text: str, start: int) -> str:
    found = _qualifiers()[0].search(text, max(0, start - 4), start)
    return found.group() if found else ""


def _qualifier_after(text: str, pos: int) -> str:
    found = _qualifiers()[1].match(text, pos)
    return found.group() if found else ""


def _is_year(value: float | int, unit: str, text: str, end: int) -> bool:
    if unit != "年":
        return False
    return isinstance(value, float) or value >= 100 or text.startswith("度", end)


def _arabic(norm: str, taken: list[tuple[int, int]]) -> list[Figure]:
    out: list[Figure] = []
    for m in _NUMBER.finditer(norm):
        s, e = m.span()
        if any(a <= s < b for a, b in taken):
            continue
        if e - s > 18 or (s > 0 and norm[s - 1] in _NOT_BEFORE):
            continue
        if e < len(norm) and norm[e].isascii() and norm[e].isalpha():
            continue
        value, decimals = _number(m.group())
        pos = _skip_blanks(norm, e)
        qual_mid = ""
        if norm.startswith(("多", "余"), pos):  # "1270多万人"
            qual_mid, pos = norm[pos], pos + 1
        unit = unit_at(norm, pos)
        if unit is None and norm[pos : pos + 1] in _MAGNITUDE:  # "1千亿美元"
            unit = unit_at(norm, pos + 1)
            if unit is not None:
                value = value * _MAGNITUDE[norm[pos]]
                pos += 1
        high = None
        if unit is None:  # "6-6.5%": the unit comes after the second number
            rng = re.match(r"\s*[" + _RANGE_SEP + r"]\s*(\d+(?:\.\d+)?)\s*", norm[pos:])
            if rng and (u := unit_at(norm, pos + rng.end())):
                high, unit, pos = float(rng.group(1)), u, pos + rng.end()
        if norm.startswith(("万以上人口", "万以下人口", "万人口"), pos):
            unit, end = "万人", pos + 1  # "20万以上人口城市"
        elif unit is None:
            continue
        else:
            end = pos + len(unit)
        if _is_year(value, unit, norm, end) or (unit == "年" and len(m.group()) == 4):
            continue
        if high is None:  # "4.5%-5%"
            rng = re.match(r"\s*[" + _RANGE_SEP + r"]\s*(\d+(?:\.\d+)?)\s*", norm[end:])
            if rng and norm.startswith(unit, end + rng.end()):
                high = float(rng.group(1))
                end = end + rng.end() + len(unit)
        after = qual_mid or _qualifier_after(norm, end)
        if not qual_mid:
            end += len(after)
        before = _qualifier_before(norm, s)
        out.append(
            Figure(s - len(before), s, end, value, unit, decimals, before, after, high, m.group())
        )
    return out


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def _cn_value(numeral: str) -> float | None:
    """A number in Chinese numerals ("一百八十三", "两万", "三千五百", "十二"); None when the
    characters do not make one ("十十")."""
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # "一二": two digits in a row are a list, not a number
            digit = _CN_DIGITS[ch]
        elif ch in _MAGNITUDE:
            if digit is None and section:
                return None
            section += (1 if digit is None else digit) * _MAGNITUDE[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            if section == 0:
                return None
            total += section * _CN_BIG[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def _in_quotes(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _chinese(norm: str) -> list[Figure]:
    """Figures written in Chinese numerals, and bare magnitudes after a milestone verb."""
    words = report_words()
    out: list[Figure] = []
    for m in _CN_NUMERAL.finditer(norm):
        s, run = m.start(), m.group()
        if s > 0 and (norm[s - 1] in _CN_NOT_BEFORE or norm[s - 1].isdigit()):
            continue
        if _in_quotes(norm, s):
            continue
        milestone = norm.endswith(words.milestone_verbs, 0, s)
        best: tuple[int, str] | None = None
        for k in range(len(run), -1, -1):
            if k == 0 and not milestone:
                break
            unit = unit_at(norm, s + k)
            if unit is None or (k < len(run) and not unit.startswith(run[k:])):
                continue
            numeral = run[:k]
            if unit in _time_units() or len(run) == 1:
                continue  # "五年", "两个确立": words, not figures
            if numeral in _MAGNITUDE and not milestone:
                continue  # "千亿元级": a size class unless a verb says it was reached
            if best is None or len(unit) > len(best[1]):
                best = (k, unit)
        if best is None:
            continue
        k, unit = best
        numeral = run[:k]
        value = 1.0 if not numeral else _cn_value(numeral)
        if value is None:
            continue
        end = s + k + len(unit)
        after = _qualifier_after(norm, end)
        number = int(value) if float(value).is_integer() else value
        out.append(Figure(s, s, end + len(after), number, unit, 0, "", after, None, run[:k]))
    return out


def find_figures(sentence: str) -> list[Figure]:
    """Every figure of a sentence, in order of position."""
    norm = sentence.translate(FULLWIDTH)
    chinese = _chinese(norm) if _CN_NUMERAL.search(norm) else []
    found = _arabic(norm, [(f.start, f.end) for f in chinese]) + chinese
    return sorted(found, key=lambda f: f.start)


__all__ = ["FULLWIDTH", "Figure", "find_figures", "unit_at"]
