"""Roll a plan forward: next year's skeleton from this year's execution.

Every year staff start next year's 附件二 from this year's indicators and carry the project
list over by hand. Here the year whose execution is known (附件一, the project list with its
completions) becomes next year's plan:

- indicators keep category, name, unit, attribute (约束性/预期性) and direction; last year's
  actual becomes the base (上年实际) and last year's target and actual are written in the
  note as reference; the new target is left empty for the department to fill;
- projects that continue (续建, 新开工 last year → 续建 now, 前期 stays 前期) keep their
  total investment, owner and district, with last year's completion in the note; the year's
  figures are left empty; 竣工 projects are left out and listed in the table's note;
- sectors take the new year's names through the crosswalk (产业提升 → 产业转型升级); a
  sector with no successor keeps its name and is named in a note for regrouping;
- summaries by sector and by source of funds are rebuilt from the carried rows.

Carried figures have the provenance 上年结转. The result is a new document; nothing in the
source document changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbench.core import provenance as prov
from workbench.core.compare.crosswalk import Crosswalk, Dimension
from workbench.core.document import PlanDocument
from workbench.core.group_sums import sum_by, sum_rows
from workbench.core.metadata import TableMeta, TableRole
from workbench.core.pairing import table_of_year
from workbench.core.properties import DocumentProperties, RolledFrom
from workbench.core.schema import TableKind
from workbench.core.table import Table

COMPLETED_NATURE = "竣工"
# Last year's nature → this year's: a project started last year continues this year.
NEXT_NATURE = {"新开工": "续建", "续建": "续建", "前期": "前期"}
TOTAL_LABEL = "合计"


@dataclass
class RollForward:
    """The new document and what the roll-forward did, for the message the user reads."""

    document: PlanDocument
    from_year: int
    to_year: int
    indicators: int = 0
    carried: int = 0
    completed: list[str] = field(default_factory=list)  # names of projects left out
    no_successor: dict[str, int] = field(default_factory=dict)  # sector → projects kept in it

    def summary(self) -> str:
        parts = [
            f"已生成 {self.to_year} 年计划框架：指标 {self.indicators} 项（目标待填）",
            f"结转项目 {self.carried} 个",
        ]
        if self.completed:
            parts.append(f"{self.from_year} 年竣工项目 {len(self.completed)} 个未结转")
        for sector, count in self.no_successor.items():
            parts.append(
                f"板块“{sector}”在 {self.to_year} 年没有对应领域（{count} 个项目待重新归类）"
            )
        return "；".join(parts)


def source_year(doc: PlanDocument) -> int:
    """The year whose execution is known: the document's exec_year, else the latest year of
    a project or indicator table."""
    if doc.exec_year is not None:
        return doc.exec_year
    years = [
        t.year
        for t in doc.tables.values()
        if t.year is not None and t.kind is not TableKind.SUMMARY
    ]
    if not years:
        raise ValueError("计划中没有注明年度的指标表或项目表，无法结转到下一年")
    return max(years)


def _figure(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    return str(value)


def _join_note(reference: str, note: Any) -> str:
    return f"{reference}；{note}" if note not in (None, "") else reference


def _rolled_table(old: Table, to_year: int, title: str, sheet: str) -> Table:
    """Next year's empty table of the same kind, made from `old`, carried figures marked."""
    return Table(
        id=f"{old.kind}_{to_year}",
        kind=old.kind,
        title=f"{title}（由{old.year}年结转）",
        sheet_name=sheet,
        year=to_year,
        unit=old.unit,
        default_provenance=prov.CARRIED,
        meta=TableMeta(role=TableRole.PLAN, rolled_from=old.id),
    )


def roll_indicators(old: Table, to_year: int) -> Table:
    """Next year's indicator table: targets empty, last year's figures as reference."""
    new = _rolled_table(old, to_year, f"{to_year}年主要指标计划", f"{to_year}年指标计划")
    reference: dict[str, dict[str, Any]] = {}
    for _, row in old:
        target, actual = row.get("target"), row.get("actual")
        bits = []
        if target not in (None, ""):
            bits.append(f"{old.year}年目标：{target}")
        if actual is not None:
            bits.append(f"{old.year}年实际：{_figure(actual)}")
        values = {
            "category": row.get("category"),
            "name": row.get("name"),
            "unit": row.get("unit"),
            "attribute": row.get("attribute"),
            "base": actual,
            "target": None,
            "actual": None,
            "direction": row.get("direction"),
            "note": _join_note("；".join(bits), row.get("note")) if bits else row.get("note"),
        }
        key = new.append(values)
        reference[key] = {"last_target": target, "last_actual": actual}
    new.meta.reference = reference
    new.notes.append(
        f"注：由{old.year}年指标执行情况结转；“基期/上年实际”为{old.year}年执行数，"
        f"{to_year}年目标待填报。"
    )
    return new


def roll_projects(old: Table, to_year: int, crosswalk: Crosswalk, result: RollForward) -> Table:
    """Next year's project list: continuing projects with their totals, 竣工 ones out."""
    new = _rolled_table(old, to_year, f"{to_year}年重大建设项目计划", f"{to_year}年重大项目")
    no_successor: Counter[str] = Counter()
    reference: dict[str, dict[str, Any]] = {}
    carried: dict[str, str] = {}  # old key → new key, to carry the "其中" marks over
    for old_key, row in old:
        nature = row.get("nature")
        if nature == COMPLETED_NATURE:
            result.completed.append(str(row.get("name") or ""))
            continue
        sector = row.get("sector")
        if isinstance(sector, str) and crosswalk.has(Dimension.SECTOR, sector):
            mapped = crosswalk.map(Dimension.SECTOR, sector)
            if mapped is None:
                no_successor[sector] += 1
            else:
                sector = mapped
        completed = row.get("completed")
        reference_note = (
            f"{old.year}年完成投资 {_figure(completed)} {old.unit or '亿元'}"
            if completed is not None
            else ""
        )
        values = {
            "name": row.get("name"),
            "sector": sector,
            "funding": row.get("funding"),
            "nature": NEXT_NATURE.get(nature, nature) if nature else None,
            "total_investment": row.get("total_investment"),
            "annual_plan": None,
            "completed": None,
            "completion_rate": None,
            "owner": row.get("owner"),
            "district": row.get("district"),
            "note": _join_note(reference_note, row.get("note"))
            if reference_note
            else row.get("note"),
        }
        key = new.append(values)
        carried[old_key] = key
        reference[key] = {"last_completed": completed, "last_nature": nature}
    new.meta.reference = reference
    # A sub-item stays a part of its parent next year, or next year's sums count it twice;
    # one whose parent was completed and left out now stands on its own.
    new.meta.sub_items = {
        carried[child]: carried[parent]
        for child, parent in old.meta.sub_items.items()
        if child in carried and parent in carried
    }
    result.carried = len(new)
    result.no_successor = dict(no_successor)
    new.notes.append(
        f"注：由{old.year}年项目执行情况结转，年度计划投资待填报；备注中为{old.year}年完成投资。"
    )
    if result.completed:
        new.notes.append(
            f"注：{old.year}年竣工项目 {len(result.completed)} 个未结转："
            + "、".join(result.completed)
        )
    for sector, count in no_successor.items():
        new.notes.append(
            f"注：“{sector}”在{to_year}年没有对应领域，{count} 个项目暂保留原名称，请重新归类。"
        )
    return new


def summary_of(projects: Table, by: str, to_year: int) -> Table:
    """A summary table rebuilt from the rows: count and total investment per group, in the
    order groups first appear, then 合计. Annual figures stay empty until filled."""
    word = {"sector": "领域", "funding": "投资来源"}[by]
    summary = Table(
        id=f"summary_{to_year}_{by}",
        kind=TableKind.SUMMARY,
        title=f"{to_year}年重大建设项目（按{word}，由上年结转）",
        sheet_name=f"{to_year}年项目按{word[:2]}",
        year=to_year,
        unit=projects.unit,
        default_provenance=prov.CARRIED,
        meta=TableMeta(source=projects.id, by=by, partition=True),
    )
    for name, figures in sum_by(projects, by, ("total_investment",)).items():
        summary.append(
            {
                "group": name,
                "count": figures.count,
                "total_investment": figures.get("total_investment"),
            }
        )
    every = sum_rows(projects, columns=("total_investment",))
    summary.append(
        {
            "group": TOTAL_LABEL,
            "count": every.count,
            "total_investment": every.get("total_investment"),
        }
    )
    return summary


def roll_forward(doc: PlanDocument, from_year: int | None = None) -> RollForward:
    """Next year's plan document from `doc` (which is left unchanged)."""
    year = from_year if from_year is not None else source_year(doc)
    indicators = table_of_year(doc.tables.values(), TableKind.INDICATORS, year)
    projects = table_of_year(doc.tables.values(), TableKind.PROJECTS, year)
    if indicators is None and projects is None:
        raise ValueError(f"计划中没有 {year} 年的指标表或项目表，无法结转到 {year + 1} 年")
    to_year = year + 1
    crosswalk = Crosswalk.of(doc)
    new_doc = PlanDocument(
        region=doc.region,
        exec_year=year,
        plan_year=to_year,
        title=f"{doc.region}{to_year}年国民经济和社会发展计划（草案框架，由{year}年结转）",
        properties=DocumentProperties(
            crosswalk=Crosswalk.from_dict(crosswalk.to_dict()),
            rolled_from=RolledFrom(year, doc.title),
        ),
    )
    result = RollForward(new_doc, year, to_year)
    if indicators is not None:
        new_doc.add_table(roll_indicators(indicators, to_year))
        result.indicators = len(indicators)
    if projects is not None:
        carried = new_doc.add_table(roll_projects(projects, to_year, crosswalk, result))
        new_doc.add_table(summary_of(carried, "sector", to_year))
        new_doc.add_table(summary_of(carried, "funding", to_year))
    return result
