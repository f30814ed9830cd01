"""Canonical table schemas (docs/json-contract.md): English keys in code and JSON, Chinese labels on screen.

Readers map whatever a sheet calls its columns onto these keys; writers and grids take their
labels and types from here, so a field is described in exactly one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workbench.core.status import DONE, JUDGE, MOSTLY, NO_DATA, NOT_DONE
from workbench.core.vocab import NO_TARGET


class FieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    INTEGER = "integer"


class TableKind(StrEnum):
    INDICATORS = "indicators"
    PROJECTS = "projects"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: FieldType = FieldType.TEXT
    choices: tuple[str, ...] = ()
    unit: str | None = None  # fixed unit for money columns (亿元) and rates (%)
    derived: bool = False  # computed by the core, never stored in a row


ATTRIBUTES = ("约束性", "预期性")
FUNDING = ("政府投资", "企业投资")
NATURES = ("新开工", "续建", "竣工", "前期")
STATUSES = (DONE, MOSTLY, NOT_DONE, NO_DATA, JUDGE, NO_TARGET)
DIRECTIONS = ("higher", "lower", "band")
DIRECTION_LABELS = {"higher": "越高越好", "lower": "越低越好", "band": "区间"}

INDICATOR_FIELDS: tuple[Field, ...] = (
    Field("category", "类别"),
    Field("name", "指标名称"),
    Field("unit", "单位"),
    Field("attribute", "属性", FieldType.CHOICE, ATTRIBUTES),
    Field("base", "基期/上年实际", FieldType.NUMBER),
    Field("target", "目标"),
    Field("target_rule", "目标解析", derived=True),
    Field("actual", "执行/完成", FieldType.NUMBER),
    Field("status", "完成情况", FieldType.TEXT),
    Field("note", "备注"),
    # Extensions beyond the first contract's fields: how to judge the target, and the reviewer's verdict.
    Field("direction", "方向", FieldType.CHOICE, DIRECTIONS),
    Field("tolerance", "判定容差", FieldType.NUMBER),  # in the target's unit; None: the plan's
    Field("status_override", "审核判定", FieldType.CHOICE, STATUSES),
)

PROJECT_FIELDS: tuple[Field, ...] = (
    Field("name", "项目名称"),
    Field("sector", "板块/领域"),
    Field("funding", "投资来源", FieldType.CHOICE, FUNDING),
    Field("nature", "建设性质", FieldType.CHOICE, NATURES),
    Field("total_investment", "总投资", FieldType.NUMBER, unit="亿元"),
    Field("annual_plan", "年度计划投资", FieldType.NUMBER, unit="亿元"),
    Field("completed", "完成投资", FieldType.NUMBER, unit="亿元"),
    Field("completion_rate", "完成率", FieldType.NUMBER, unit="%"),
    Field("owner", "责任单位/业主"),
    Field("district", "区县"),
    Field("note", "备注"),
)

# A summary row holds figures *as a report states them*; what the project rows add up to is
# computed next to them (core.summaries), never stored.
SUMMARY_FIELDS: tuple[Field, ...] = (
    Field("group", "分组"),
    Field("count", "项目个数", FieldType.INTEGER, unit="个"),
    Field("total_investment", "总投资", FieldType.NUMBER, unit="亿元"),
    Field("annual_plan", "年度计划投资", FieldType.NUMBER, unit="亿元"),
    Field("completed", "完成投资", FieldType.NUMBER, unit="亿元"),
    Field("completion_rate", "完成率", FieldType.NUMBER, unit="%"),
    Field("note", "备注"),
)

FIELDS_BY_KIND: dict[TableKind, tuple[Field, ...]] = {
    TableKind.INDICATORS: INDICATOR_FIELDS,
    TableKind.PROJECTS: PROJECT_FIELDS,
    TableKind.SUMMARY: SUMMARY_FIELDS,
}


def fields_for(kind: TableKind | str) -> tuple[Field, ...]:
    return FIELDS_BY_KIND[TableKind(kind)]


def stored_keys(kind: TableKind | str) -> tuple[str, ...]:
    """Keys a row actually stores (derived fields are computed on demand)."""
    return tuple(f.key for f in fields_for(kind) if not f.derived)


# Optional row members beyond the fields: present only where a reader found them, never shown
# as grid columns. An indicator-by-year table keeps each indicator's yearly figures
# (`series`, {"2019": 1975.6, …}) and the year its `actual` was taken from (`actual_year`).
ROW_EXTRAS: dict[TableKind, tuple[str, ...]] = {
    TableKind.INDICATORS: ("series", "actual_year"),
    TableKind.PROJECTS: (),
    TableKind.SUMMARY: (),
}


def row_extras(kind: TableKind | str) -> tuple[str, ...]:
    return ROW_EXTRAS[TableKind(kind)]


def check_extra(key: str, value: Any) -> Any:
    """A row extra in its one valid shape, or ValueError with a Chinese reason: a damaged
    file or a script must not put a text into a yearly series that charts and checks add up."""
    if value is None:
        return None
    if key == "actual_year":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"“执行数年份”应为整数年份，而不是 {value!r}")
        return value
    if key == "series":
        if not isinstance(value, dict):
            raise ValueError(f"“历年数据”应为 年份→数值 的对照，而不是 {value!r}")
        series: dict[str, float] = {}
        for year, figure in value.items():
            if not isinstance(year, str) or not year.isdigit():
                raise ValueError(f"“历年数据”的年份应为数字文本，而不是 {year!r}")
            if (
                isinstance(figure, bool)
                or not isinstance(figure, (int, float))
                or not math.isfinite(figure)
            ):
                raise ValueError(f"“历年数据”{year}年的值应为数值，而不是 {figure!r}")
            series[year] = figure
        return series
    raise ValueError(f"未知的行附加数据 {key!r}")


def field(kind: TableKind | str, key: str) -> Field:
    for f in fields_for(kind):
        if f.key == key:
            return f
    raise KeyError(f"{kind} 表没有字段 {key!r}")


def label(kind: TableKind | str, key: str) -> str:
    return field(kind, key).label
