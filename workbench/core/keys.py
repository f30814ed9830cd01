"""Text as written, and the separate keys used to match it.

A reviewer signs off on what a department wrote, so cell text is kept exactly as written
(docs/json-contract.md, canonical fields): the only change is the line-break rule below. Everything that compares
texts — header words, total rows, names across two files — compares `match_key`s instead, and
never stores them.
"""

from __future__ import annotations

import re
import unicodedata

# CJK ideographs (basic, extension A, compatibility, extensions B+): "Chinese characters" in
# the line-break rule.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_BREAK_BETWEEN_HAN = re.compile(f"(?<=[{_HAN}])(?:\r\n|\r|\n)+(?=[{_HAN}])")
_BREAK = re.compile(r"(?:\r\n|\r|\n)+")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[\s\u200b\ufeff·•]+")


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


def match_key(text: object) -> str:
    """The key two texts are matched by, never shown or stored as the text itself.

    NFKC (full-width letters, digits and brackets → half-width, "²" → "2"), every kind of
    whitespace and zero-width space removed, Latin letters lower-cased, the minus sign and
    dashes unified. "老旧小区改造（片区一）" and "老旧小区改造 (片区一)" share a key.
    """
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = _KEY_DROP.sub("", value)
    return value.replace("\u2212", "-").replace("—", "-").replace("–", "-").lower()


def collapse_spaces(text: str) -> str:
    """One space for every run of whitespace: only for messages quoting a cell, never data."""
    return _SPACES.sub(" ", text).strip()
