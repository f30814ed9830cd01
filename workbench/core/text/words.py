"""The words of report prose, as data (resources/vocab/report_words.json).

A province whose reports say "全州" rather than "全市", or "跨上" rather than "迈上", needs a
word added to the file, not a change to the code; and no word in it may come from one report
only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from workbench.shipped import shipped_file


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class ReportWords:
    noun_ends: tuple[str, ...]
    leading: tuple[str, ...]
    trailing: tuple[str, ...]
    measure_words: tuple[str, ...]
    total_words: tuple[str, ...]
    target_leads: tuple[str, ...]
    target_verbs: tuple[str, ...]
    estimate_words: tuple[str, ...]
    milestone_verbs: tuple[str, ...]
    qualifiers_before: tuple[str, ...]
    qualifiers_after: tuple[str, ...]
    period_units: tuple[str, ...]
    never_fast: tuple[str, ...]
    list_suffixes: tuple[str, ...]
    level_words: tuple[str, ...]


@cache
def report_words() -> ReportWords:
    path = shipped_file("workbench.resources", "resources", "vocab", "report_words.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return ReportWords(
        **{name: _longest_first(data[name]) for name in ReportWords.__dataclass_fields__}
    )
