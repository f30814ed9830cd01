"""The one vocabulary of choice columns: which words mean 政府投资, 续建, 约束性 ….

An annex may write 民间投资, 财政资金 or 在建; a reviewer types 政府 or 新建. Before, the reader
knew 民间 and the grid editor did not, so a value that imported fine was refused when typed
into the same column. The words live in resources/vocab/choices.json and every path a choice
comes in by — the annex reader, a typed or pasted cell, a returned collection workbook — asks
`choose` here.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from functools import cache

from workbench.core.schema import fields_for
from workbench.shipped import shipped_file

Words = tuple[tuple[str, str], ...]


@cache
def _vocabulary() -> dict[str, Words]:
    path = shipped_file("workbench.resources", "resources", "vocab", "choices.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        field: tuple((word.lower(), choice) for word, choice in pairs)
        for field, pairs in data["fields"].items()
    }


def words(field: str) -> Words:
    """(word, choice) pairs of a choice column, in the order they are tried."""
    return _vocabulary().get(field, ())


def match_words(text: str, pairs: Words) -> str | None:
    """The choice of the first word found in `text` (compared NFKC, Latin in lower case)."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    for word, choice in pairs:
        if word in folded:
            return choice
    return None


@cache
def _choices_of(field: str) -> tuple[str, ...]:
    for kind in ("projects", "indicators", "summary"):
        for spec in fields_for(kind):
            if spec.key == field and spec.choices:
                return tuple(spec.choices)
    return ()


def choose(field: str, text: object, allowed: Sequence[str] | None = None) -> str | None:
    """The choice `text` stands for in the column `field`, or None when it names none of
    `allowed` (default: the column's choices in the schema)."""
    if not isinstance(text, str):
        return None
    allowed = tuple(allowed) if allowed is not None else _choices_of(field)
    value = unicodedata.normalize("NFKC", text).strip()
    if value in allowed:
        return value
    choice = match_words(value, words(field))
    return choice if choice is not None and (not allowed or choice in allowed) else None
