"""Summary sentences written from the current tables, worded the way plan reports word them.

The reviewer compares them with the draft and copies them into it: how many indicators, how
many binding and expected, which did not meet their target; how many major projects, what
they cost, what was completed and at what rate, by sector and by source of funds. Every
figure is computed from the rows as they are now, so the sentences follow each edit.
"""

from __future__ import annotations

from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.indicators import status_of
from workbench.core.metadata import TableRole
from workbench.core.schema import TableKind
from workbench.core.status import DONE, NO_DATA, NOT_DONE
from workbench.core.summaries import figures, summable_rows
from workbench.core.table import Table
from workbench.core.vocab import NO_TARGET

_KEY_TARGETS = ("地区生产总值增长", "城镇调查失业率", "居民消费价格涨幅", "居民人均可支配收入增长")


def money(value: float | None) -> str:
    """亿元 as reports write them: whole numbers when whole, else one decimal; 万亿元 above."""
    if value is None:
        return "—"
    if abs(value) >= 10000:
        return f"{value / 10000:.2f}".rstrip("0").rstrip(".") + "万亿元"
    if abs(value - round(value)) < 0.05:
        return f"{round(value):d}亿元"
    return f"{value:.1f}亿元"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _year(table: Table) -> str:
    return f"{table.year}年" if table.year else ""


def _status(doc: PlanDocument, table: Table, key: str) -> str:
    return status_of(table, key, doc.policy).effective or ""


def _is_execution(table: Table) -> bool:
    if table.meta.role is not None:
        return table.meta.role is TableRole.EXECUTION
    return any(row.get("actual") is not None or row.get("status") for _, row in table)


def indicator_sentences(doc: PlanDocument, table: Table) -> list[str]:
    rows = [(k, r) for k, r in table]
    if table.meta.by_year:
        return _statistics_sentences(doc, table, rows)
    binding = [(k, r) for k, r in rows if r.get("attribute") == "约束性"]
    expected = [(k, r) for k, r in rows if r.get("attribute") == "预期性"]
    year = _year(table)
    if not _is_execution(table):
        out = [
            f"{year}计划安排主要指标{len(rows)}项。分属性看，约束性指标{len(binding)}项，预期性指标{len(expected)}项。"
        ]
        targets = []
        for name in _KEY_TARGETS:
            for _, row in rows:
                if name in (row.get("name") or "") and row.get("target"):
                    targets.append(f"{row['name']}{row['target']}")
                    break
        if targets:
            out.append("主要预期目标为：" + "，".join(targets) + "。")
        return out
    out = [
        f"{year}计划确定的主要指标共{len(rows)}项。分属性看，约束性指标{len(binding)}项，预期性指标{len(expected)}项。"
    ]
    for label, members in (("约束性", binding), ("预期性", expected)):
        if not members:
            continue
        tally: dict[str, list[str]] = {}
        for key, row in members:
            tally.setdefault(_status(doc, table, key) or NO_DATA, []).append(row.get("name") or "")
        done = len(tally.pop(DONE, []))
        if not tally:
            out.append(f"{len(members)}项{label}指标全部完成。")
            continue
        parts = [f"{done}项指标已完成"] if done else []
        for status, names in tally.items():
            which = "（" + "、".join(names) + "）" if status == NOT_DONE else ""
            parts.append(f"{len(names)}项指标{status}{which}")
        out.append(f"在{len(members)}项{label}指标中，" + "，".join(parts) + "。")
    return out


def _statistics_sentences(
    doc: PlanDocument, table: Table, rows: list[tuple[str, dict[str, Any]]]
) -> list[str]:
    """An indicator-by-year table states figures, not targets: say how many indicators and
    years it holds, how many have no target to judge against, and tally any that do."""
    years = table.meta.by_year
    span = f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{years[0]}年"
    out = [f"按年份列示的统计指标共{len(rows)}项（{span}）。"]
    tally: dict[str, int] = {}
    for key, _ in rows:
        status = _status(doc, table, key) or NO_DATA
        tally[status] = tally.get(status, 0) + 1
    without = tally.pop(NO_TARGET, 0)
    if without:
        out.append(f"其中{without}项{NO_TARGET}，不判定完成情况。")
    if tally:
        out.append("有目标的指标中，" + "，".join(f"{n}项{s}" for s, n in tally.items()) + "。")
    return out


def _groups(rows: list[dict[str, Any]], field: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get(field):
            out.setdefault(row[field], []).append(row)
    return out


def project_sentences(table: Table) -> list[str]:
    rows = summable_rows(table)
    if not rows:
        return []
    whole = figures(rows)
    year = _year(table)
    executed = whole.completed is not None
    if executed:
        first = (
            f"{year}共实施市级重大建设项目{whole.count}个，总投资{money(whole.total_investment)}，"
            f"全年完成投资{money(whole.completed)}"
        )
        if whole.completion_rate is not None:
            first += f"，完成年度计划的{percent(whole.completion_rate)}"
    else:
        first = (
            f"{year}拟安排市级重大建设项目{whole.count}个，总投资{money(whole.total_investment)}，"
            f"年度计划投资{money(whole.annual_plan)}"
        )
    out = [first + "。"]
    for field, lead in (("sector", "按领域分"), ("funding", "按投资来源分")):
        groups = _groups(rows, field)
        if len(groups) < 2:
            continue
        parts = []
        for name, members in groups.items():
            fig = figures(members)
            text = f"{name}项目{fig.count}个，"
            if executed:
                text += f"完成投资{money(fig.completed)}"
                if fig.completion_rate is not None:
                    text += f"，完成年度计划的{percent(fig.completion_rate)}"
            else:
                text += f"年度计划投资{money(fig.annual_plan)}"
            parts.append(text)
        out.append(f"{lead}，" + "；".join(parts) + "。")
    return out


def summary_paragraphs(doc: PlanDocument) -> list[str]:
    """One paragraph per indicator or project table, in the document's order."""
    out = []
    for table in doc.tables.values():
        if table.kind is TableKind.INDICATORS:
            sentences = indicator_sentences(doc, table)
        elif table.kind is TableKind.PROJECTS:
            sentences = project_sentences(table)
        else:
            continue
        if sentences:
            out.append("".join(sentences))
    return out
