"""Text as written, and the separate keys used to match it.

A reviewer signs off on what a department wrote, so cell text is kept exactly as written
(docs/json-contract.md, canonical field `name`): the only change is the line-break rule below. Everything that compares
texts — names across two files or two years, crosswalk entries, sector labels — compares
`match_key`s instead, and never stores them.

The one match key: departments retype names between versions — full-width brackets become
half-width, a space slips in, a 、 becomes a comma. None of that makes a different project, so
the key folds width (NFKC), drops whitespace and punctuation (every P*, S*, Z*, C* code point:
dashes and the minus sign too), and lower-cases Latin letters. Digits, Chinese numerals and
letters stay: "一期" and "二期" are different projects.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK ideographs (basic, extension A, compatibility, extensions B+): "Chinese characters" in
# the line-break rule.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_BREAK_BETWEEN_HAN = re.compile(f"(?<=[{_HAN}])(?:\r\n|\r|\n)+(?=[{_HAN}])")
_BREAK = re.compile(r"(?:\r\n|\r|\n)+")
_SPACES = re.compile(r"\s+")


def as_written(text: object) -> str:
    """Cell text as kept (docs/json-contract.md): outer whitespace trimmed; a line break between two
    Chinese characters (a wrap in a narrow cell) is dropped, any other becomes one space.

    A run of consecutive line breaks counts as one. Nothing else changes: full-width
    brackets, colons, inner spaces, superscripts and symbols stay as the source wrote them.
    """
    if text is None:
        return ""
    value = text if type(text) is str else str(text)
    if "\n" in value or "\r" in value:
        value = _BREAK_BETWEEN_HAN.sub("", value)
        value = _BREAK.sub(" ", value)
    return value.strip()


# Every BMP code point whose category is punctuation (P*), symbol (S*), separator/space (Z*)
# or control/format (C*), mapped to None for str.translate; built on first use.
_DROP_CATEGORIES = ("P", "S", "Z", "C")


@lru_cache(maxsize=1)
def _drop_table() -> dict[int, None]:
    table: dict[int, None] = {}
    for code in range(0x10000):
        if unicodedata.category(chr(code))[0] in _DROP_CATEGORIES:
            table[code] = None
    return table


def match_key(text: object) -> str:
    """Normalised matching key of a name: width-folded, no whitespace or punctuation."""
    if text is None:
        return ""
    value = str(text)
    if not value.isascii() or not value.isalnum():
        value = unicodedata.normalize("NFKC", value).translate(_drop_table())
    return value.replace("_", "").lower()


def match_keys(texts: list[object]) -> list[str]:
    """Keys of many names; the same as `[match_key(t) for t in texts]`, faster on 100k rows:
    the names are folded as one string joined by line breaks (NFKC and the punctuation
    pattern work within a name, a line break is a boundary for both), one by one when a
    name itself holds a line break."""
    values = ["" if t is None else t if isinstance(t, str) else str(t) for t in texts]
    joined = "\n".join(values)
    if joined.count("\n") == len(values) - 1:
        if not unicodedata.is_normalized("NFKC", joined):
            joined = unicodedata.normalize("NFKC", joined)
        keys = _drop_pattern().sub("", joined).lower().split("\n")
        if len(keys) == len(values):
            return keys
    return [match_key(v) for v in values]


@lru_cache(maxsize=1)
def _drop_pattern() -> re.Pattern[str]:
    """The dropped characters (and "_") as one character class, the line break excepted."""
    codes = sorted(c for c in _drop_table() if c != ord("\n")) + [ord("_")]
    codes.sort()
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    ]
    return re.compile("[" + "".join(parts) + "]+")


def collapse_spaces(text: str) -> str:
    """One space for every run of whitespace: only for messages quoting a cell, never data."""
    return _SPACES.sub(" ", text).strip()
