"""The key two names are matched by. It exists only for matching: a displayed or stored name
is never replaced by its key.

Departments retype names between versions: full-width brackets become half-width, a space
slips in, a 、 becomes a comma. None of that makes a different project, so the key folds
width (NFKC), drops whitespace and punctuation, and lower-cases Latin letters. Digits,
Chinese numerals and letters stay: "一期" and "二期" are different projects.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


_FAST = re.compile(r"[\w]+")  # \w: letters, digits, CJK ideographs and underscore


def match_key(text: object) -> str:
    """Normalised matching key of a name: width-folded, no whitespace or punctuation."""
    if text is None:
        return ""
    value = str(text)
    if not value.isascii() or not value.isalnum():
        value = unicodedata.normalize("NFKC", value).translate(_drop_table())
    return value.replace("_", "").lower()


def match_keys(texts: list[object]) -> list[str]:
    """Keys of many names; the same as `[match_key(t) for t in texts]`, faster on 100k rows
    because a name that is already plain (no punctuation, no full-width) skips NFKC."""
    drop = _drop_table()
    out: list[str] = []
    append = out.append
    normalize = unicodedata.normalize
    fullmatch = _FAST.fullmatch
    for text in texts:
        if text is None:
            append("")
            continue
        value = text if isinstance(text, str) else str(text)
        if fullmatch(value) is None or not unicodedata.is_normalized("NFKC", value):
            value = normalize("NFKC", value).translate(drop)
        append(value.replace("_", "").lower())
    return out


_NUMERALS = re.compile(r"[0-9〇零一二三四五六七八九十百千万两]+")


def numbering_stem(key: str) -> str:
    """The key with its numbers taken out: "某路一期" and "某路二期" share a stem, and two
    names that differ only in their numbers are siblings (another phase, another lot), not
    a renamed row."""
    return _NUMERALS.sub("#", key)
