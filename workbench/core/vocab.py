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


# ---- UI colours shared by the grid, the charts and the writers (grid branch) --------------
# One hex value per meaning, so a "完成" is the same green in the grid, a chart and an export.
# Keys are the words the document stores (derived statuses, review statuses).

STATUS_COLOURS = {
    "完成": "#2e7d32",
    "基本完成": "#b26a00",
    "未完成": "#c62828",
    "暂无数据": "#9e9e9e",
    "待人工判定": "#5c6bc0",
}
"""Text colour of a completion status (derived or stated)."""

REVIEW_COLOURS = {"已审": "#1b7f3b", "存疑": "#b26a00", "退回": "#c62828", "待审": "#6b6b6b"}
"""Text colour of a reviewer's status word."""

REVIEW_ROW_FILLS = {"存疑": "#FCE4D6", "退回": "#F8CBAD"}

ADDED_FILL = "#E2EFDA"
"""Fill of a row inserted since the document was read."""
"""Row fill of a row a reviewer doubted or sent back."""

CHANGED_FILL = "#FFF2CC"
"""Fill of a cell changed since the document was read (the export uses the same yellow)."""

DISAGREE_FILL = "#FDE2E1"
"""Fill of a stated figure that disagrees with what its parts or its rule give."""

PROVENANCE_COLOURS = {"报告原文": "#0b3d91", "示例": "#6b6b6b"}
"""Text colour of figures by where they came from (report text in blue, sample in grey)."""

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#0b3d91"}
"""Text colour of a finding by severity."""

SEVERITY_LABELS_UI = {"error": "错误", "warning": "警告", "info": "提示"}
"""What a person reads for a finding's severity."""

VARIANT_FILLS = ("#5b8ff9", "#f6903d", "#5ad8a6", "#945fb9")
"""Fills of a chart's series in order (plan, completed, …)."""

HIGHLIGHT_EDGE = "#d62728"
"""Edge of a chart mark whose rows are selected in the grid."""

STATED_TOLERANCE = 0.05
"""How far a stated figure (亿元 or %) may sit from the computed one before it is marked."""
