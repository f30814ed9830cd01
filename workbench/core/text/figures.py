"""Where the tables hold the figure a statement quotes.

A statement about "2021年…政府投资项目完成投资1349亿元" is matched to the 政府投资 row of the
2021 summary table by source of funds (the cell the reviewer would look at), or, when no
summary table states it, to what the project rows add up to. Indicator counts are counted
from the indicator annex of the year; targets are the target cell of the named indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from workbench.core.document import PlanDocument
from workbench.core.indicators import rule_for, status_of
from workbench.core.schema import TableKind
from workbench.core.summaries import figures, is_total
from workbench.core.table import Table
from workbench.core.targets import parse_target, same_target
from workbench.core.text.quantities import Statement

PROJECT_MEASURES = ("count", "total_investment", "annual_plan", "completed", "completion_rate")
COLUMN_LABELS = {
    "count": "项目个数",
    "total_investment": "总投资",
    "annual_plan": "年度计划投资",
    "completed": "完成投资",
    "completion_rate": "完成率",
    "indicator_count": "指标个数",
    "target": "目标",
}
# Status words a report uses for a binding indicator, and what the annex writes for them.
_STATUS_WORDS = ("暂不执行", "统筹考虑", "未下达", "暂无", "未完成", "基本完成", "完成")


@dataclass(frozen=True)
class Figure:
    """A figure in the tables: the cell (row/column) or the rows it is computed from."""

    table: str
    row: str | None
    column: str | None
    value: float | None
    where: str  # for messages: "“2021年项目按来源”合计行完成率"
    computed: bool = False  # added up or counted from rows rather than read from one cell
    keys: tuple[str, ...] = ()  # the rows it stands for (to select them)
    text: str | None = None  # a target as written
    extra: dict[str, Any] = field(default_factory=dict)


def tables_of(doc: PlanDocument, kind: TableKind, year: int | None) -> list[Table]:
    return [t for t in doc.tables.values() if t.kind is kind and (year is None or t.year == year)]


def effective_status(table: Table, key: str, doc: PlanDocument) -> str:
    return status_of(table, key, doc.policy).effective or ""


def _status_word(text: str) -> str | None:
    return next((w for w in _STATUS_WORDS if w in text), None)


def rows_with_status(
    table: Table, doc: PlanDocument, attribute: str | None, status: str
) -> list[str]:
    word = _status_word(status)
    out = []
    for key, row in table:
        if attribute and row.get("attribute") != attribute:
            continue
        shown = effective_status(table, key, doc)
        if (
            word
            and word in shown
            and not (word == "完成" and ("未完成" in shown or "基本" in shown))
        ):
            out.append(key)
    return out


def _project_figure(doc: PlanDocument, stmt: Statement, memo: dict | None) -> Figure | None:
    column = cast(str, stmt.measure)  # figure_for calls this for a project measure only
    for summary in tables_of(doc, TableKind.SUMMARY, stmt.year):
        for key, row in summary:
            label = row.get("group") or ""
            whole = stmt.is_table_whole
            if (whole and is_total(label)) or (not whole and label == stmt.group):
                if row.get(column) is not None:
                    return Figure(
                        summary.id,
                        key,
                        column,
                        float(row[column]),
                        f"“{summary.sheet_name}”{label}行{COLUMN_LABELS[column]}",
                    )
    for projects in tables_of(doc, TableKind.PROJECTS, stmt.year):
        group = None if stmt.is_table_whole else stmt.group
        cached = memo.get((projects.id, group)) if memo is not None else None
        if cached is None:
            keys = [
                k
                for k, r in projects
                if group is None or group in (r.get("sector"), r.get("funding"))
            ]
            sub = set(projects.meta.sub_items)
            cached = (keys, figures([projects.rows[k] for k in keys if k not in sub]))
            if memo is not None:
                memo[(projects.id, group)] = cached
        keys, fig = cached
        if not keys:
            continue
        value = fig.get(column)
        if value is None:
            continue
        what = "全部项目" if stmt.is_table_whole else f"“{stmt.group}”项目"
        return Figure(
            projects.id,
            None,
            column,
            float(value),
            f"“{projects.sheet_name}”{what}{COLUMN_LABELS[column]}（按明细计算）",
            computed=True,
            keys=tuple(keys),
        )
    return None


def _indicator_count(doc: PlanDocument, stmt: Statement) -> Figure | None:
    # The plan's indicator annex says which indicators are binding: a table of figures by
    # year (an indicator series) is not what "36项指标" counts.
    tables = [
        t
        for t in tables_of(doc, TableKind.INDICATORS, stmt.year)
        if any(r.get("attribute") for _, r in t)
    ]
    if not tables:
        return None
    table = tables[0]
    if stmt.status:
        keys = rows_with_status(table, doc, stmt.attribute, stmt.status)
        what = f"{stmt.attribute or ''}指标中“{_status_word(stmt.status) or stmt.status}”"
        column: str | None = "status"
    else:
        keys = [k for k, r in table if not stmt.attribute or r.get("attribute") == stmt.attribute]
        what = f"{stmt.attribute or ''}指标"
        column = "attribute" if stmt.attribute else None
    return Figure(
        table.id,
        keys[0] if len(keys) == 1 else None,
        column,
        float(len(keys)),
        f"“{table.sheet_name}”{what}个数",
        computed=True,
        keys=tuple(keys),
    )


def _common_run(a: str, b: str) -> int:
    """Length of the longest common substring (names are short)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def find_indicator(table: Table, subject: str) -> str | None:
    """The indicator a subject names: most characters in common, then the closest length."""
    best, best_score = None, (0, 0.0)
    for key, row in table:
        name = row.get("name") or ""
        run = _common_run(subject, name)
        score = (run, run / max(len(name), 1))
        if run >= 4 and score > best_score:
            best, best_score = key, score
    return best


def _target_figure(doc: PlanDocument, stmt: Statement) -> Figure | None:
    """The annex target of the indicator the statement names: of the year the text is about,
    or, when no table of that year names it ("今年发展主要预期目标是…"), of the plan year."""
    years = [stmt.year] + ([doc.plan_year] if doc.plan_year is not None else [])
    for year in dict.fromkeys(years):
        found = _target_in(doc, stmt, year)
        if found is not None:
            return found
    return None


def _target_in(doc: PlanDocument, stmt: Statement, year: int | None) -> Figure | None:
    for table in tables_of(doc, TableKind.INDICATORS, year):
        key = find_indicator(table, stmt.subject)
        if key is None:
            continue
        target = table.rows[key].get("target")
        rule = parse_target(target)
        return Figure(
            table.id,
            key,
            "target",
            rule.value if rule else None,
            f"“{table.sheet_name}”“{table.rows[key].get('name')}”目标",
            text=target,
            extra={"op": rule.op if rule else None},
        )
    return None


def figure_for(doc: PlanDocument, stmt: Statement, memo: dict | None = None) -> Figure | None:
    """The table figure a statement quotes, or None when the tables do not hold it. Pass
    one `memo` dict for many statements: sums of project rows are then added up once per
    group rather than once per statement (100k-row tables)."""
    if stmt.measure in PROJECT_MEASURES and (stmt.is_table_whole or stmt.group):
        return _project_figure(doc, stmt, memo)
    if stmt.measure == "indicator_count":
        return _indicator_count(doc, stmt)
    if stmt.measure == "target":
        if memo is None:
            return _target_figure(doc, stmt)
        key = ("target", stmt.subject, stmt.year)
        if key not in memo:
            memo[key] = _target_figure(doc, stmt)
        return memo[key]
    return None


def why_unmatched(doc: PlanDocument, stmt: Statement) -> str:
    """Why a statement has no figure in the tables, in a reviewer's words."""
    if stmt.measure is None:
        return "不是表中所列的项目个数、投资、完成率、指标个数或目标"
    if stmt.measure == "target":
        tables = tables_of(doc, TableKind.INDICATORS, stmt.year) + tables_of(
            doc, TableKind.INDICATORS, doc.plan_year
        )
        if not tables:
            return "没有可对照的指标表"
        return f"指标表中没有与“{stmt.subject}”名称相近的指标"
    if stmt.measure == "indicator_count":
        return f"没有{stmt.year or ''}年标明约束性/预期性的指标表"
    if stmt.measure in PROJECT_MEASURES and not (stmt.is_table_whole or stmt.group):
        return f"“{stmt.entity or stmt.subject}”既非全部重点项目，也不是表中的某一分项"
    year = f"{stmt.year}年" if stmt.year else ""
    return f"表中没有{year}“{stmt.group or '全部项目'}”的{COLUMN_LABELS[stmt.measure]}"


@dataclass(frozen=True)
class Match:
    statement: Statement
    figure: Figure
    agrees: bool
    difference: float | None


def compare(stmt: Statement, figure: Figure) -> Match:
    if stmt.measure == "target":
        same = same_target(rule_for(stmt.target_text), rule_for(figure.text))
        diff = None if figure.value is None else float(stmt.value) - figure.value
        return Match(stmt, figure, same, diff)
    if figure.value is None:
        return Match(stmt, figure, False, None)
    diff = stmt.comparable - figure.value
    return Match(stmt, figure, abs(diff) <= stmt.tolerance + 1e-9, diff)


def match_all(doc: PlanDocument, statements: list[Statement]) -> list[Match]:
    out = []
    memo: dict = {}
    for stmt in statements:
        figure = figure_for(doc, stmt, memo)
        if figure is not None:
            out.append(compare(stmt, figure))
    return out
