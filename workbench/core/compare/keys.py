"""Keys for matching rows across two tables: the one match key lives in core/keys (the
comparison, the crosswalk, the series and the readers share it); what is particular to the
comparison — the stem of a name without its numbers — is here.
"""

from __future__ import annotations

import re

_NUMERALS = re.compile(r"[0-9〇零一二三四五六七八九十百千万两]+")


def numbering_stem(key: str) -> str:
    """The key with its numbers taken out: "某路一期" and "某路二期" share a stem, and two
    names that differ only in their numbers are siblings (another phase, another lot), not
    a renamed row."""
    return _NUMERALS.sub("#", key)
