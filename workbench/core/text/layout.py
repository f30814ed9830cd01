"""Undo a newspaper's column layout: join lines broken mid-phrase and mid-number.

A printed report breaks lines wherever the column ends ("2.5万" on one line, "亿元" on the
next, sometimes with a blank line between). Reading sentences needs the lines joined, and a
finding needs the original line number back, so the joined text keeps a map from each
character to the line it came from.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass

SENTENCE_END = "。！？!?"
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))"
)
_BLANKS = " \t\u3000\ufeff\r"


@dataclass(frozen=True)
class JoinedText:
    """Paragraphs separated by "\\n"; `line_at(offset)` gives the 1-based source line."""

    text: str
    starts: tuple[int, ...]  # offset where each joined piece begins
    lines: tuple[int, ...]  # the source line of each piece

    def line_at(self, offset: int) -> int:
        if not self.starts:
            return 1
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(i, 0)]

    def paragraphs(self) -> list[tuple[int, str]]:
        """(offset, text) of each paragraph."""
        out, pos = [], 0
        for part in self.text.split("\n"):
            out.append((pos, part))
            pos += len(part) + 1
        return out


def join_lines(lines: Sequence[str], breaks: Collection[int] = ()) -> JoinedText:
    """Join layout-broken lines into paragraphs.

    A line continues the previous one unless the previous one ended a sentence, was much
    shorter than a full column line (a heading or a paragraph's last line), or this one starts
    with a heading ordinal. Blank lines alone do not end a paragraph: the layout puts them in
    the middle of sentences too. `breaks` (1-based line numbers) always start a paragraph:
    the cells of a Word table, say.
    """
    stripped = [line.strip(_BLANKS) for line in lines]
    lengths = [len(s) for s in stripped if s]
    full = statistics.median(lengths) if lengths else 0
    pieces: list[str] = []
    starts: list[int] = []
    line_numbers: list[int] = []
    pos = 0
    previous = ""
    for number, text in enumerate(stripped, start=1):
        if not text:
            continue
        if previous:
            new_paragraph = (
                previous[-1] in SENTENCE_END
                or len(previous) < 0.7 * full
                or bool(_HEADING.match(text))
                or number in breaks
            )
            if new_paragraph:
                pieces.append("\n")
                pos += 1
        starts.append(pos)
        line_numbers.append(number)
        pieces.append(text)
        pos += len(text)
        previous = text
    return JoinedText("".join(pieces), tuple(starts), tuple(line_numbers))
