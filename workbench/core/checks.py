"""Review checks: figures that disagree with their parts, their bases or their targets.

Each finding names the table, row and column it is about so that a view can jump to the cell
and a workbook can list it (审核意见). Severity: error (cannot both be right), warning (likely
wrong, needs a look), info (worth knowing).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.yoy import year_over_year
from workbench.core.document import PlanDocument
from workbench.core.group_sums import total_of
from workbench.core.indicators import status_of
from workbench.core.message import Message, word
from workbench.core.pairing import table_of_year
from workbench.core.schema import TableKind
from workbench.core.summaries import compare, parts_vs_total, subtotal_members
from workbench.core.table import Table
from workbench.core.vocab import RATE_CHECK_TOLERANCE, Severity, money_tolerance

RULE_LABELS = {
    "summary": "汇总与明细",
    "parts_total": "分组与合计",
    "completion_rate": "完成率",
    "completed_exceeds_total": "完成超总投资",
    "plan_exceeds_total": "计划超总投资",
    "subtotal": "小计与明细",
    "subtotal_count": "个数与明细",
    "status": "完成情况",
    "base_vs_actual": "上年实际与执行",
}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    rule: str
    message: str
    table: str
    row: str | None = None
    column: str | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMN_LABELS = {
    "count": "项目个数",
    "total_investment": "总投资",
    "annual_plan": "年度计划投资",
    "completed": "完成投资",
    "completion_rate": "完成率",
}


def _fmt(column: str, value: float | None) -> str:
    if value is None:
        return "—"
    if column == "completion_rate":
        return f"{value:.1f}%"
    if column == "count":
        return Message("{n}个", n=f"{value:g}")
    return Message("{n}亿元", n=f"{value:.2f}")


def _label(table, key: str) -> str:
    return str(table.rows[key].get("name") or table.rows[key].get("group") or key)


def _column(column: str) -> str:
    """A column's title where core has one (a Message, so the window translates it)."""
    label = _COLUMN_LABELS.get(column)
    return word(label) if label else column


def check_projects(doc: PlanDocument, table) -> list[Finding]:
    out: list[Finding] = []
    for key, row in table:
        plan, done, total, rate = (
            row.get(c) for c in ("annual_plan", "completed", "total_investment", "completion_rate")
        )
        if rate is not None and plan and done is not None:
            expected = done / plan * 100
            if abs(expected - rate) > RATE_CHECK_TOLERANCE:
                out.append(
                    Finding(
                        Severity.ERROR,
                        "completion_rate",
                        Message(
                            "“{name}”完成率 {rate}% 与 完成投资/年度计划 = {expected}% 不符",
                            name=_label(table, key),
                            rate=f"{rate:g}",
                            expected=f"{expected:.1f}",
                        ),
                        table.id,
                        key,
                        "completion_rate",
                        {"stated": rate, "computed": round(expected, 2)},
                    )
                )
        if total is not None and done is not None and done > total + 1e-9:
            out.append(
                Finding(
                    Severity.ERROR,
                    "completed_exceeds_total",
                    Message(
                        "“{name}”完成投资 {done} 亿元超过总投资 {total} 亿元",
                        name=_label(table, key),
                        done=f"{done:g}",
                        total=f"{total:g}",
                    ),
                    table.id,
                    key,
                    "completed",
                    {"completed": done, "total_investment": total},
                )
            )
        if total is not None and plan is not None and plan > total + 1e-9:
            out.append(
                Finding(
                    Severity.ERROR,
                    "plan_exceeds_total",
                    Message(
                        "“{name}”年度计划投资 {plan} 亿元超过总投资 {total} 亿元",
                        name=_label(table, key),
                        plan=f"{plan:g}",
                        total=f"{total:g}",
                    ),
                    table.id,
                    key,
                    "annual_plan",
                    {"annual_plan": plan, "total_investment": total},
                )
            )
    out.extend(_subtotal_findings(table))
    return out


def _subtotal_findings(table) -> list[Finding]:
    """Subtotal rows read from a sheet against the rows they stand for."""
    out: list[Finding] = []
    for record in table.subtotals:
        label = str(record.get("label", ""))
        members = subtotal_members(table, label)
        if members is None:
            continue
        for column in ("total_investment", "annual_plan", "completed"):
            stated = record.get(column)
            computed = total_of(r.get(column) for r in members)
            if stated is None or computed is None:
                continue
            if abs(computed - stated) > money_tolerance(stated):
                out.append(
                    Finding(
                        Severity.ERROR,
                        "subtotal",
                        Message(
                            "“{label}”{column} 为 {stated}，明细合计为 {computed}",
                            label=label,
                            column=column,
                            stated=f"{stated:g}",
                            computed=f"{computed:g}",
                        ),
                        table.id,
                        None,
                        column,
                        {"stated": stated, "computed": computed, "row": record.get("row")},
                    )
                )
        if "count" in record and record["count"] != len(members):
            out.append(
                Finding(
                    Severity.ERROR,
                    "subtotal_count",
                    Message(
                        "“{label}”注明 {stated} 个，明细有 {computed} 个",
                        label=label,
                        stated=record["count"],
                        computed=len(members),
                    ),
                    table.id,
                    None,
                    None,
                    {"stated": record["count"], "computed": len(members)},
                )
            )
    return out


def check_indicators(doc: PlanDocument, table) -> list[Finding]:
    out: list[Finding] = []
    for key, row in table:
        status = status_of(table, key, doc.policy)
        derived = status.derived
        stated = row.get("status")
        if status.contradicted:
            out.append(
                Finding(
                    Severity.WARNING,
                    "status",
                    Message(
                        "“{name}”填报为“{stated}”，按目标推算为“{derived}”（{reason}）",
                        name=_label(table, key),
                        stated=word(stated),
                        derived=word(derived.status),
                        reason=derived.reason,
                    ),
                    table.id,
                    key,
                    "status",
                    {"stated": stated, "derived": derived.status},
                )
            )
    return out


def check_summary(doc: PlanDocument, table) -> list[Finding]:
    out: list[Finding] = []
    keys = {row.get("group"): key for key, row in table}
    for item in compare(doc, table):
        if not item.agrees:
            out.append(
                Finding(
                    Severity.WARNING,
                    "summary",
                    Message(
                        "“{group}”{column}：报告为 {stated}，按项目明细为 {computed}",
                        group=item.group,
                        column=_column(item.column),
                        stated=_fmt(item.column, item.stated),
                        computed=_fmt(item.column, item.computed),
                    ),
                    table.id,
                    keys.get(item.group),
                    item.column,
                    {"stated": item.stated, "computed": item.computed},
                )
            )
    for whole in parts_vs_total(table):
        if not whole.agrees:
            out.append(
                Finding(
                    Severity.ERROR,
                    "parts_total",
                    Message(
                        "各分组 {column} 之和 {parts} 与合计 {total} 不符",
                        column=whole.column,
                        parts=f"{whole.parts:g}",
                        total=f"{whole.total:g}",
                    ),
                    table.id,
                    None,
                    whole.column,
                    {"parts": whole.parts, "total": whole.total},
                )
            )
    return out


def year_pairs(doc: PlanDocument) -> list[tuple[Table, Table]]:
    """Indicator tables that state the same figures: one year's execution (its actuals) and
    the next year's plan (its 上年实际 base), in one document (core/pairing's year rule)."""
    tables = [t for t in doc.tables.values() if t.kind is TableKind.INDICATORS]
    pairs = []
    for earlier in tables:
        if earlier.year is None or earlier.meta.by_year:
            continue
        later = table_of_year(tables, TableKind.INDICATORS, earlier.year + 1, exclude=earlier)
        if later is not None:
            pairs.append((earlier, later))
    return pairs


def check_year_pairs(doc: PlanDocument) -> list[Finding]:
    """A next-year plan restates last year's actual as its base: after an edit to either, the
    two must still agree, or the reviewer is told where (F9 as well as 年度对比)."""
    out: list[Finding] = []
    for earlier, later in year_pairs(doc):
        for line in year_over_year(earlier, later, Crosswalk.of(doc)):
            if line.base_agrees is not False or line.key is None:
                continue
            out.append(
                Finding(
                    Severity.WARNING,
                    "base_vs_actual",
                    Message(
                        "“{name}”{later}年表的{base_label} {base} 与{earlier}年表的执行 {actual} 不一致",
                        name=line.name,
                        later=later.year,
                        base_label=later.meta.base_label
                        or Message("{year}年实际", year=earlier.year),
                        base=f"{line.base:g}",
                        earlier=earlier.year,
                        actual=f"{line.actual:g}",
                    ),
                    later.id,
                    line.key,
                    "base",
                    {"base": line.base, "actual": line.actual, "table": earlier.id},
                )
            )
    return out


def run_checks(doc: PlanDocument) -> list[Finding]:
    findings: list[Finding] = check_year_pairs(doc)
    for table in doc.tables.values():
        if table.kind is TableKind.PROJECTS:
            findings += check_projects(doc, table)
        elif table.kind is TableKind.INDICATORS:
            findings += check_indicators(doc, table)
        else:
            findings += check_summary(doc, table)
    return findings
