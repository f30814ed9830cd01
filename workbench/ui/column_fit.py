"""Column widths that let a reviewer read a row without scrolling sideways: each column fitted
to its title and the rows on screen, then — when the columns up to the row's verdict
(完成情况, 完成率) do not fit the grid — the widest text columns narrowed, widest first, down to
a floor that still reads (a name keeps more than a note). Cut text keeps its tooltip."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.vocab import NUMERIC_STYLES

VERDICT_KEYS = ("status", "completion_rate")  # the column a reviewer reads a row for
TEXT_CAP = 380  # no fitted column wider than this (a long name must not push the figures off)


def last_key_column(keys: Sequence[str]) -> int:
    """Index of the last column that must be on screen: the verdict, else every column."""
    found = [i for i, key in enumerate(keys) if key in VERDICT_KEYS]
    return found[-1] if found else len(keys) - 1


def floors(
    natural: Sequence[int],
    styles: Sequence[str],
    keys: Sequence[str],
    char: int,
    titles: Sequence[int],
) -> list[int]:
    """How narrow each column may go: review marks never shrink; figures down to their
    widest figure with the title on three lines; a verdict down to six characters (基本完成
    and its margin; a longer "原表…／推算…" keeps its tooltip), other text to seven, a name
    to nine — never under the title's `titles` width."""
    out = []
    for width, style, key, title in zip(natural, styles, keys, titles, strict=True):
        if key == "_review":
            out.append(width)
        elif style in NUMERIC_STYLES:
            out.append(min(width, title))
        else:
            chars = 6 if key in VERDICT_KEYS else 9 if key == "name" else 7
            out.append(min(width, max(title, char * chars)))
    return out


def fit_to_view(natural: Sequence[int], floor: Sequence[int], last: int, room: int) -> list[int]:
    """`natural` with the widest shrinkable columns lowered to one level, so columns 0..last
    fit in `room` pixels where the floors allow (as close as they allow otherwise)."""
    widths = list(natural)
    need = sum(widths[: last + 1]) - room
    if need <= 0:
        return widths

    def removed(level: int) -> int:
        return sum(
            w - max(f, min(w, level)) for w, f in zip(natural[: last + 1], floor, strict=False)
        )

    low, high = 0, max(natural[: last + 1])
    while low < high:  # the highest level that frees enough room
        middle = (low + high + 1) // 2
        if removed(middle) >= need:
            low = middle
        else:
            high = middle - 1
    for i in range(last + 1):
        widths[i] = max(floor[i], min(natural[i], low))
    return widths
