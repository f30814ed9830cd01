"""The vocabularies code branches on, and the labels, colours and tolerances every layer shares.

One place per word: the grid, the charts, the checks and the writers all read from here, so a
status colour or a rounding tolerance cannot drift apart between them. Values of the enums are
what files and JSON carry; labels are what people read.
"""

from __future__ import annotations

from enum import StrEnum


class ColumnStyle(StrEnum):
    """How a column's values are aligned and formatted, in the grid and in print."""

    TEXT = "text"
    CENTER = "center"
    NUMBER = "number"
    MONEY = "money"
    RATE = "rate"
    INTEGER = "integer"


NUMERIC_STYLES = frozenset(
    {ColumnStyle.NUMBER, ColumnStyle.MONEY, ColumnStyle.RATE, ColumnStyle.INTEGER}
)
