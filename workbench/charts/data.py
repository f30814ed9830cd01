"""What each chart shows, taken from the document's tables (no drawing here).

Every mark a chart draws belongs to a category, and every category knows the row keys it
stands for: that is what lets a selection in a grid light up marks, and a click on a mark
select rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from workbench.charts.kinds import PROJECT_CHARTS, ChartKind, ChartStyle
from workbench.core.document import PlanDocument
from workbench.core.group_sums import group_sums
from workbench.core.indicators import rule_for, status_of
from workbench.core.message import Message, rendered
from workbench.core.metadata import TableRole
from workbench.core.pairing import adjacent_year
from workbench.core.schema import TableKind
from workbench.core.summaries import rate
from workbench.core.vocab import STATUS_COLOURS

CHARTS: dict[ChartKind, str] = {
    ChartKind.INVEST_BY_SECTOR: "项目：按板块的计划与完成投资",
    ChartKind.INVEST_BY_FUNDING: "项目：按投资来源的计划与完成投资",
    ChartKind.RATE_DISTRIBUTION: "项目：完成率分布",
    ChartKind.INDICATOR_PERCENT: "指标：目标与执行（百分比指标）",
    ChartKind.INDICATOR_LEVEL: "指标：目标与执行（水平值指标）",
    ChartKind.YOY_SECTOR: "同比：各板块投资（上年与本年）",
    ChartKind.YOY_INDICATOR: "同比：指标（上年与本年）",
}
_PROJECT_ORDER = (
    ChartKind.INVEST_BY_SECTOR,
    ChartKind.INVEST_BY_FUNDING,
    ChartKind.RATE_DISTRIBUTION,
    ChartKind.YOY_SECTOR,
)
FOR_KIND = {
    TableKind.PROJECTS: _PROJECT_ORDER,
    TableKind.INDICATORS: (
        ChartKind.INDICATOR_PERCENT,
        ChartKind.INDICATOR_LEVEL,
        ChartKind.YOY_INDICATOR,
    ),
    TableKind.SUMMARY: _PROJECT_ORDER,
}


@dataclass
class ChartData:
    kind: ChartKind
    title: str
    table: str  # the table whose rows the marks stand for
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    keys: list[frozenset[str]]  # row keys per category
    style: ChartStyle = ChartStyle.BARS
    unit: str = ""
    line: tuple[str, list[float | None]] | None = None  # e.g. completion rate per category
    colours: list[str] = field(default_factory=list)  # per category (status colours)
    note: str = ""
    unit_label: str = ""  # the unit as the axis names it, in the window's language


def translated(data: ChartData, translate: Callable[[str], str]) -> ChartData:
    """The chart's own words (title, legend, note, unit) in the language `translate` speaks
    (core/message.py); the figures and the department's names stay as they are."""

    def say(text):
        return rendered(text, translate)

    return replace(
        data,
        title=say(data.title),
        categories=[say(c) for c in data.categories],
        series=[(say(label), values) for label, values in data.series],
        line=None if data.line is None else (say(data.line[0]), data.line[1]),
        note=say(data.note),
        unit_label=say(data.unit),
    )


def project_table_for(doc: PlanDocument, table_id: str) -> str | None:
    """The project table a chart of `table_id` draws (a summary draws its source)."""
    table = doc.tables.get(table_id)
    if table is None:
        return None
    if table.kind is TableKind.SUMMARY:
        return table.meta.source or None
    return table_id if table.kind is TableKind.PROJECTS else None


def _group(doc: PlanDocument, table_id: str, by: str, cache: dict | None = None) -> ChartData:
    table = doc.table(table_id)
    sums = group_sums(doc, table_id, by, cache)
    groups = sums.groups()
    plan = {g: sums.total("annual_plan", g) or 0.0 for g in groups}
    done = {g: sums.total("completed", g) for g in groups}
    has_done = {g: done[g] is not None for g in groups}
    done = {g: v or 0.0 for g, v in done.items()}
    series: list[tuple[str, list[float | None]]] = [
        (Message("年度计划投资"), [round(plan[g], 4) for g in groups])
    ]
    line = None
    if any(has_done.values()):
        series.append(
            (Message("完成投资"), [round(done[g], 4) if has_done[g] else None for g in groups])
        )
        line = (
            Message("完成率（%）"),
            [rate(done[g], plan[g]) if has_done[g] else None for g in groups],
        )
    kind = ChartKind.INVEST_BY_SECTOR if by == "sector" else ChartKind.INVEST_BY_FUNDING
    title = Message(
        "{year}年按板块的计划与完成投资"
        if by == "sector"
        else "{year}年按投资来源的计划与完成投资",
        year=table.year or "",
    )
    return ChartData(
        kind,
        title,
        table_id,
        groups,
        series,
        [sums.key_set(g) for g in groups],
        unit=Message("亿元"),
        line=line,
    )


def _rate_distribution(doc: PlanDocument, table_id: str) -> ChartData:
    table = doc.table(table_id)
    edges = list(range(0, 210, 10))
    labels = [f"{a}–{a + 10}" for a in edges[:-1]] + [Message("200以上")]
    buckets: list[list[str]] = [[] for _ in labels]
    missing = 0
    for key, row in table.rows.items():
        value = row.get("completion_rate")
        if value is None and row.get("completed") is not None:
            value = rate(row.get("completed"), row.get("annual_plan"))
        if value is None or math.isnan(value):
            missing += 1
            continue
        index = min(max(int(value // 10), 0), len(labels) - 1)
        buckets[index].append(key)
    note = Message("{n} 个项目无完成率", n=missing) if missing else ""
    return ChartData(
        ChartKind.RATE_DISTRIBUTION,
        Message("{year}年项目完成率分布", year=table.year or ""),
        table_id,
        labels,
        [(Message("项目个数"), [float(len(b)) for b in buckets])],
        [frozenset(b) for b in buckets],
        style=ChartStyle.HISTOGRAM,
        unit=Message("个"),
        note=note,
    )


def _is_percent(unit: str | None) -> bool:
    return (unit or "").strip() in ("%", "‰", "个百分点")


def _indicators(doc: PlanDocument, table_id: str, percent: bool) -> ChartData:
    table = doc.table(table_id)
    names, targets, actuals, colours, keys = [], [], [], [], []
    for key, row in table:
        if _is_percent(row.get("unit")) != percent:
            continue
        rule = rule_for(row.get("target"))
        nominal = (
            rule.value if rule is not None and rule.op not in ("qualitative", "relative") else None
        )
        actual = row.get("actual")
        if nominal is None and actual is None:
            continue
        status = status_of(table, key, doc.policy).shown or "暂无数据"
        names.append(str(row.get("name") or key))
        targets.append(nominal)
        actuals.append(actual)
        colours.append(STATUS_COLOURS.get(status, STATUS_COLOURS["待人工判定"]))
        keys.append(frozenset({key}))
    kind = ChartKind.INDICATOR_PERCENT if percent else ChartKind.INDICATOR_LEVEL
    return ChartData(
        kind,
        Message(
            "{year}年目标与执行（百分比指标）" if percent else "{year}年目标与执行（水平值指标）",
            year=table.year or "",
        ),
        table_id,
        names,
        [(Message("目标"), targets), (Message("执行"), actuals)],
        keys,
        style=ChartStyle.DOTS,
        unit="%" if percent else "",
        colours=colours,
        note=Message(
            "颜色表示完成情况；定性目标只画执行数" if percent else "各指标单位不同，仅看相对位置"
        ),
    )


def _yoy_sector(doc: PlanDocument, table_id: str) -> ChartData:
    """This year's planned investment against last year's completed, by sector name."""
    table = doc.table(table_id)
    year = table.year
    other = adjacent_year(table, doc.tables.values())
    current = _group(doc, table_id, "sector")
    if other is None:
        current.kind = "yoy_sector"
        current.note = Message("文档中没有相邻年份的项目表")
        return current
    earlier, later = (other, table) if (other.year or 0) < (year or 0) else (table, other)
    a = _group(doc, earlier.id, "sector")
    b = _group(doc, later.id, "sector")
    # Last year's sectors under this year's names through the crosswalk (产业提升 → 产业转型升级);
    # a sector with no successor (成渝地区双城经济圈) stays a group of its own.
    from workbench.core.compare.crosswalk import Crosswalk

    crosswalk = Crosswalk.of(doc)
    later_names = set(b.categories)

    def successor(name: str) -> str:
        new = name if name in later_names else crosswalk.map("sector", name)
        return new if new in later_names else name

    a_done: dict[str, float | None] = {}
    a_keys: dict[str, frozenset[str]] = {}
    renamed: list[str] = []
    for name, value, keys in zip(a.categories, a.series[-1][1], a.keys, strict=True):
        group = successor(name)
        if group != name:
            renamed.append(Message("{old}（今{new}）", old=name, new=group))
        if value is not None:
            a_done[group] = (a_done.get(group) or 0.0) + value
        else:
            a_done.setdefault(group, None)
        a_keys[group] = a_keys.get(group, frozenset()) | keys
    b_plan = dict(zip(b.categories, b.series[0][1], strict=True))
    b_keys = dict(zip(b.categories, b.keys, strict=True))
    names = list(dict.fromkeys([successor(n) for n in a.categories] + b.categories))
    own = a_keys if table is earlier else b_keys
    note = (
        Message("板块经对照表对应：{names}", names=Message("、").join(renamed))
        if renamed
        else Message("两年板块名称一致")
    )
    return ChartData(
        ChartKind.YOY_SECTOR,
        Message(
            "{earlier}年完成投资与{later}年计划投资（按板块对应）",
            earlier=earlier.year,
            later=later.year,
        ),
        table_id,
        names,
        [
            (
                Message("{year}年{series}", year=earlier.year, series=a.series[-1][0]),
                [a_done.get(n) for n in names],
            ),
            (Message("{year}年年度计划投资", year=later.year), [b_plan.get(n) for n in names]),
        ],
        [own.get(n, frozenset()) for n in names],
        unit=Message("亿元"),
        note=note,
    )


def _yoy_indicator(doc: PlanDocument, table_id: str) -> ChartData:
    table = doc.table(table_id)
    names, base, now, keys = [], [], [], []
    execution = table.meta.role is not TableRole.PLAN
    for key, row in table:
        if not _is_percent(row.get("unit")):
            continue
        rule = rule_for(row.get("target"))
        current = (
            row.get("actual")
            if execution
            else (rule.value if rule and rule.op not in ("qualitative", "relative") else None)
        )
        if row.get("base") is None and current is None:
            continue
        names.append(str(row.get("name") or key))
        base.append(row.get("base"))
        now.append(current)
        keys.append(frozenset({key}))
    year = table.year or 0
    label = Message("{year}年执行" if execution else "{year}年目标", year=year)
    return ChartData(
        ChartKind.YOY_INDICATOR,
        Message("百分比指标：{base_year}年实际与{label}", base_year=year - 1, label=label),
        table_id,
        names,
        [(Message("{year}年实际", year=year - 1), base), (label, now)],
        keys,
        style=ChartStyle.DOTS,
        unit="%",
    )


def chart_data(doc: PlanDocument, kind: str, table_id: str, cache: dict | None = None) -> ChartData:
    """The data of chart `kind` for the table the user is looking at."""
    kind = ChartKind(kind)
    if kind in PROJECT_CHARTS:
        projects = project_table_for(doc, table_id)
        if projects is None:
            raise ValueError(Message("此图需要项目表"))
        if kind is ChartKind.RATE_DISTRIBUTION:
            return _rate_distribution(doc, projects)
        if kind is ChartKind.YOY_SECTOR:
            return _yoy_sector(doc, projects)
        by = "sector" if kind is ChartKind.INVEST_BY_SECTOR else "funding"
        return _group(doc, projects, by, cache)
    table = doc.tables.get(table_id)
    if table is None or table.kind is not TableKind.INDICATORS:
        raise ValueError(Message("此图需要指标表"))
    if kind is ChartKind.YOY_INDICATOR:
        return _yoy_indicator(doc, table_id)
    return _indicators(doc, table_id, kind is ChartKind.INDICATOR_PERCENT)
