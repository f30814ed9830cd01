"""Columns of each table kind: labels, widths, styles, two-row header groups, computed getters.

The grid and the workbook writers both lay tables out from these specs, so they live here,
knowing neither Qt nor XlsxWriter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.indicators import status_of
from workbench.core.metadata import TableRole
from workbench.core.schema import TableKind
from workbench.core.summaries import computed_groups, group_figures
from workbench.core.table import Table
from workbench.core.vocab import ColumnStyle

CHINESE_ORDINALS = "一二三四五六七八九十"


def ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (category rows rarely pass twenty)."""
    if n <= 10:
        return CHINESE_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_ORDINALS[tens - 1]
    return head + "十" + (CHINESE_ORDINALS[ones - 1] if ones else "")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float  # Excel character units
    style: ColumnStyle = ColumnStyle.TEXT
    getter: Callable[[PlanDocument, Table, str, dict[str, Any]], Any] | None = None
    group: str | None = None  # a merged header cell above (two-row header)


def _status(doc: PlanDocument, table: Table, key: str, row: dict[str, Any]) -> Any:
    return status_of(table, key, doc.policy).effective


def columns_for(table: Table, doc: PlanDocument) -> list[Column]:
    year = table.year
    if table.kind is TableKind.INDICATORS:
        plan_label = f"{year}年" if year else "本年"
        base_label = f"{year - 1}年" if year else "上年"
        base_word = "实际"
        written = table.meta.base_label
        if written:  # the source's own header word (预计/快报/实际) and year, as written
            split = re.match(r"\s*((?:19|20)\d{2}\s*年)\s*(.*)$", written)
            if split:
                base_label, base_word = split.group(1), split.group(2) or base_word
            else:
                base_label, base_word = "", written
        is_plan = table.meta.role is TableRole.PLAN
        columns = [
            Column("_seq", "序号", 6, ColumnStyle.CENTER),
            Column("name", "指标名称", 34),
            Column("unit", "单位", 9, ColumnStyle.CENTER),
            Column("attribute", "属性", 9, ColumnStyle.CENTER),
            Column("base", base_word, 12, ColumnStyle.NUMBER, group=base_label or None),
            Column("target", "目标", 20, ColumnStyle.CENTER, group=plan_label),
            Column(
                "actual",
                "预计" if is_plan else "执行情况",
                12,
                ColumnStyle.NUMBER,
                group=plan_label,
            ),
            Column("status", "完成情况", 12, ColumnStyle.CENTER, _status, group=plan_label),
            Column("note", "备注", 22),
        ]
        if is_plan:  # next year's targets have no execution to judge yet
            columns = [c for c in columns if c.key != "status"]
        return columns
    if table.kind is TableKind.PROJECTS:
        return [
            Column("_seq", "序号", 6, ColumnStyle.CENTER),
            Column("name", "项目名称", 36),
            Column("sector", "板块/领域", 14, ColumnStyle.CENTER),
            Column("funding", "投资来源", 10, ColumnStyle.CENTER),
            Column("nature", "建设性质", 9, ColumnStyle.CENTER),
            Column("total_investment", "总投资", 12, ColumnStyle.MONEY, group="投资（亿元）"),
            Column("annual_plan", "年度计划", 12, ColumnStyle.MONEY, group="投资（亿元）"),
            Column("completed", "完成投资", 12, ColumnStyle.MONEY, group="投资（亿元）"),
            Column("completion_rate", "完成率（%）", 11, ColumnStyle.RATE),
            Column("owner", "责任单位/业主", 22),
            Column("district", "区县", 10, ColumnStyle.CENTER),
            Column("note", "备注", 18),
        ]

    def calc(column: str):
        def get(doc, table, key, row):
            label = row.get("group") or ""
            figs = group_figures(computed_groups(doc, table), label)
            return figs.get(column) if figs else None

        return get

    return [
        Column("group", "分组", 22),
        Column("count", "项目个数", 10, ColumnStyle.INTEGER, group="报告所列"),
        Column("total_investment", "总投资", 12, ColumnStyle.MONEY, group="报告所列"),
        Column("annual_plan", "年度计划投资", 13, ColumnStyle.MONEY, group="报告所列"),
        Column("completed", "完成投资", 12, ColumnStyle.MONEY, group="报告所列"),
        Column("completion_rate", "完成率（%）", 11, ColumnStyle.RATE, group="报告所列"),
        Column(
            "_count", "项目个数", 10, ColumnStyle.INTEGER, calc("count"), group="按项目明细汇总"
        ),
        Column(
            "_plan",
            "年度计划投资",
            13,
            ColumnStyle.MONEY,
            calc("annual_plan"),
            group="按项目明细汇总",
        ),
        Column(
            "_completed",
            "完成投资",
            12,
            ColumnStyle.MONEY,
            calc("completed"),
            group="按项目明细汇总",
        ),
        Column(
            "_rate",
            "完成率（%）",
            11,
            ColumnStyle.RATE,
            calc("completion_rate"),
            group="按项目明细汇总",
        ),
        Column("note", "备注", 24),
    ]


# Indicator figures keep the precision they were given (8.3, 4222, 0.025): General.
# Computed summary columns and the stated figure each one is checked against.
STATED_FOR = {
    "_count": "count",
    "_plan": "annual_plan",
    "_completed": "completed",
    "_rate": "completion_rate",
}


_YEAR_BAND = re.compile(r"^\d{4}年$")


def under_year_band(column: Column) -> bool:
    """The column sits under a year in a two-row header (2020年 / 实际): a one-row header must
    then carry the year in the title, or the base year's 实际 reads as this year's."""
    return bool(column.group and _YEAR_BAND.match(column.group))
