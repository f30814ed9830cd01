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


class ChangeKind(StrEnum):
    """What one change did; the change log keeps it beside the words people read."""

    CELL = "cell"
    ROW_INSERTED = "row_inserted"
    ROW_DELETED = "row_deleted"
    REVIEW_STATUS = "review_status"
    COMMENT = "comment"
    CROSSWALK = "crosswalk"  # a rename or regrouping entry of the comparison crosswalk
    POLICY = "policy"  # a plan-level tolerance of status derivation (审核容差)


CHANGE_LABELS: dict[ChangeKind, str] = {
    ChangeKind.CELL: "修改",
    ChangeKind.ROW_INSERTED: "插入行",
    ChangeKind.ROW_DELETED: "删除行",
    ChangeKind.REVIEW_STATUS: "审核状态",
    ChangeKind.COMMENT: "批注",
    ChangeKind.CROSSWALK: "对照表",
    ChangeKind.POLICY: "审核容差",
}
ROW_CHANGES = frozenset({ChangeKind.ROW_INSERTED, ChangeKind.ROW_DELETED})


class Severity(StrEnum):
    """How sure a finding is: error (cannot both be right), warning (likely wrong), info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.INFO: "提示",
}

# ---- tolerances -----------------------------------------------------------------------------
# Money in 亿元 is published to two decimals, and a report rounds its sums: a difference within
# half a hundredth of a 亿 per figure is rounding, not an error.
MONEY_TOLERANCE = 0.05
# Large stated totals ("约2.5万亿") are rounded more coarsely: a share of the total.
MONEY_RELATIVE_TOLERANCE = 0.0005
# Rates (percent) stated to one decimal: 0.05 is rounding; a recomputed rate against a stated
# one allows the rounding of both operands.
RATE_TOLERANCE = 0.05
RATE_CHECK_TOLERANCE = 0.15
FIELD_TOLERANCES: dict[str, float] = {
    "count": 0.0,
    "total_investment": MONEY_TOLERANCE,
    "annual_plan": MONEY_TOLERANCE,
    "completed": MONEY_TOLERANCE,
    "completion_rate": RATE_TOLERANCE,
}


def money_tolerance(stated: float | None) -> float:
    """The rounding allowed between a stated money figure and what its parts add up to."""
    return max(MONEY_TOLERANCE, abs(stated or 0.0) * MONEY_RELATIVE_TOLERANCE)


# ---- words of totals and of "no value" -------------------------------------------------------
# A summary or subtotal row whose label starts with one of these stands for all rows.
TOTAL_WORDS = ("合计", "总计", "全部", "总体", "全市")
SUBTOTAL_WORDS = ("小计",)
# How a cell says "no value": a lone dash of any width, a slash, an ellipsis.
NO_VALUE_MARKS = frozenset({"", "-", "—", "–", "－", "/", "／", "--", "——", "…", "\\", "×", "x"})
UNGROUPED = "（未分组）"


# ---- colours shared by the grid, the charts and the writers ---------------------------------
# One hex value per meaning, so a "完成" is the same green in the grid, a chart and an export.
# Keys are the words the document stores (derived statuses, review statuses).
STATUS_COLOURS = {
    "完成": "#2e7d32",
    "基本完成": "#b26a00",
    "未完成": "#c62828",
    "暂无数据": "#9e9e9e",
    "待人工判定": "#5c6bc0",
}
REVIEW_COLOURS = {"已审": "#1b7f3b", "存疑": "#b26a00", "退回": "#c62828", "待审": "#6b6b6b"}
# Fills of review marks, in the grid and in exported workbooks alike.
CHANGED_FILL = "#FFF2CC"  # a cell changed since the document was read
ADDED_FILL = "#E2EFDA"  # a row inserted in review
REVIEW_ROW_FILLS = {
    "存疑": "#DDEBF7",
    "退回": "#F8CBAD",
}  # doubted: blue, sent back: salmon — told apart at a glance, on paper too
DISAGREE_FILL = "#FDE2E1"  # a stated figure that disagrees with its parts or its rule
PROVENANCE_COLOURS = {"报告原文": "#0b3d91", "示例": "#6b6b6b"}
SEVERITY_COLOURS = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#b26a00",
    Severity.INFO: "#0b3d91",
}
SERIES_COLOURS = ("#5b8ff9", "#f6903d", "#5ad8a6", "#945fb9")  # a chart's series in order
HIGHLIGHT_EDGE = "#d62728"  # the edge of a chart mark whose rows are selected


# ---- a row with no target to judge against (issue 11: indicator-by-year tables) ---------------
# A statistics table (指标 by 2019年…2023年) states yearly figures and no targets. Its rows are
# neither 待人工判定 (a target a person must read) nor 暂无数据 (a target still without an
# actual): there is nothing to judge them against, and the status says so.
NO_TARGET = "无目标"
STATUS_COLOURS[NO_TARGET] = "#607d8b"
# ---- plan-level review settings (审核容差) --------------------------------------------------
# The tolerances of status derivation a reviewer can set for the whole plan (StatusPolicy's
# fields), as the properties dialog and the printed 修订记录 name them.
POLICY_LABELS: dict[str, str] = {
    "percent_tolerance": "百分比类指标容差（百分点）",
    "level_tolerance_ratio": "总量类指标容差（占目标的比例）",
}


# ---- colours of the views: panels, grid marks, the compare view and its charts -------------
# Every hex colour the UI and the charts draw with is named here (tests/test_layers.py fails
# on a hex literal elsewhere in ui/ or charts/), so a meaning keeps one colour everywhere.
PLAIN_TEXT = "#000000"
MUTED_TEXT = "#6b6b6b"  # hints, read warnings in the findings list
NOTE_TEXT = "#666666"  # a chart's note or message
COMPUTED_TEXT = "#555555"  # figures the workbench computed, not read
TOTALS_BACKGROUND = "#eef3f9"  # the totals bar under the grid
FROZEN_EDGE = "#8a8a8a"  # the line right of frozen columns
NOTE_MARK = "#d0342c"  # Excel's red triangle of a cell with a note
INVALID_EDGE = "#c62828"  # an editor holding a value the column refuses
LOW_CONFIDENCE = "#c62828"  # a table the reader doubts is a plan table (table chooser)
FILTER_ON = "#2f6db0"  # a header's filter button with a filter set
FILTER_OFF = "#9a9a9a"
FILTER_OFF_FILL = "#f7f7f7"
# Report text against the tables (报告正文 panel): agrees, disagrees, states itself.
REPORT_AGREES = "#1b7f3b"
REPORT_DISAGREES = "#b3261e"
REPORT_SELF = "#a15c00"
# The compare view: row fills and text by what happened to the row.
COMPARE_ADDED_FILL = "#D9F2D9"
COMPARE_REMOVED_FILL = "#F4F4F4"
COMPARE_REMOVED_TEXT = "#B03A2E"
COMPARE_CHANGED_FILL = CHANGED_FILL  # the same yellow as a changed cell in the grid
COMPARE_SUGGESTED_FILL = "#E3ECFA"
COMPARE_REJECTED_TEXT = "#9A9A9A"
COMPARE_MISMATCH_FILL = DISAGREE_FILL
# A team session's state in the status bar, and a problem said inside a dialog.
TEAM_ONLINE = "#1b7f3b"
TEAM_OFFLINE = "#8a6d00"
TEAM_CONFLICT = "#c62828"
PROBLEM_TEXT = "#c62828"  # why a dialog could not do what was asked (connect dialog …)
OLD_SERIES = "#9DB9D8"  # the older year in a before/after chart
NEW_SERIES = "#2E6DB4"  # the newer year, and a sparkline
TARGET_MARK = "#C62828"  # a target point on a sparkline
RATE_LINE = "#d62728"  # a chart's rate line on its second axis
GUIDE_LINE = "#bbbbbb"  # a chart's thin guide between points

# ---- what a table is, in words (keys are TableKind's values; the enum looks them up too) ----
TABLE_KIND_LABELS: dict[str, str] = {
    "indicators": "指标表",
    "projects": "项目表",
    "summary": "汇总表",
}


# ---- colours of the written workbooks (the printed annex and the collection workbooks) ------
HEADER_FILL = "#F2F2F2"  # a header row, and cells a department may not change
PRINT_DERIVED_TEXT = "#7F7F7F"  # a figure the workbench computed, in the printed annex
