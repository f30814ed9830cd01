"""What a grid column shows: the annex's columns plus the reviewer's, and how a figure reads
(money with two decimals and separators, rates with one) — shared by the table model, its row
index and the totals bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.core.columns import Column, columns_for
from workbench.core.indicators import status_of
from workbench.core.metadata import TableRole
from workbench.core.numbers import format_number
from workbench.core.schema import TableKind
from workbench.core.table import Table
from workbench.core.vocab import RATE_CHECK_TOLERANCE


def _reason(doc, table, key, row):
    return status_of(table, key, doc.policy).derived.reason


def _review(doc, table, key, row):
    return table.mark(key).status


def grid_columns(table: Table, doc) -> list[Column]:
    """The annex columns (same labels as the printed annex) plus what a reviewer needs."""
    columns = [c for c in columns_for(table, doc) if c.key != "_seq"]
    columns.insert(
        0,
        Column("_review", QCoreApplication.translate("table_model", "审核"), 6, "center", _review),
    )
    if table.kind is TableKind.INDICATORS:
        columns.insert(1, Column("category", QCoreApplication.translate("table_model", "类别"), 10))
        if table.meta.role is not TableRole.PLAN:
            columns.append(
                Column(
                    "_reason",
                    QCoreApplication.translate("table_model", "判定依据"),
                    30,
                    getter=_reason,
                )
            )
    return columns


def _grouped(value: float, decimals: int | None = None) -> str:
    """Thousands separators as Excel shows them (2,132.00); `decimals` None keeps the figure's
    own precision (an indicator's 8.3 stays 8.3, 27894 becomes 27,894)."""
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    text = format_number(value)
    head, dot, tail = text.partition(".")
    if not head.lstrip("-").isdigit() or len(head.lstrip("-")) <= 3:
        return text
    return f"{int(head):,}" + dot + tail if head != "-0" else text


def format_value(value: Any, style: str) -> str:
    """The text a grid cell shows: money with two decimals and separators, rates with one,
    counts as whole numbers, other figures at their own precision with separators."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if style == "money":
            return _grouped(value, 2)
        if style == "rate":
            return _grouped(value, 1)
        if style == "integer":
            return _grouped(value, 0)
        return _grouped(value)
    return str(value)


def computed_rate(row: dict[str, Any]) -> float | None:
    """completed / annual plan × 100, the rate a project row's own figures give."""
    plan, done = row.get("annual_plan"), row.get("completed")
    if not isinstance(plan, (int, float)) or not isinstance(done, (int, float)) or plan == 0:
        return None
    return done / plan * 100


def rate_agrees(stated: Any, computed: float | None) -> bool:
    """Within the rounding the review checks allow a stated rate (one decimal of each operand)."""
    return stated is None or computed is None or abs(stated - computed) <= RATE_CHECK_TOLERANCE
