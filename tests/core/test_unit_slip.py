"""Returned figures typed in the wrong unit are named, with the unit they were likely typed in;
ordinary revisions are not (issue 24)."""

from __future__ import annotations

from workbench.core.compare.align import compare_tables
from workbench.core.compare.unit_slip import likely_unit, unit_slips
from workbench.core.table import Table


def projects(*rows: dict) -> Table:
    table = Table(id="p", kind="projects", title="项目")
    for row in rows:
        table.append(row)
    return table


BASE = {"sector": "城市提升", "owner": "市城投", "total_investment": 5.0}


def test_wan_yuan_typed_where_yi_yuan_is_asked():
    old = projects({"name": "甲", **BASE, "annual_plan": 0.0668})
    new = projects({"name": "甲", **BASE, "annual_plan": 668.0})
    (slip,) = unit_slips(compare_tables(old, new))
    assert slip.field == "annual_plan" and "10000 倍" in slip.reason and "万元" in slip.reason


def test_yearly_figure_above_its_total_and_a_new_row():
    old = projects({"name": "甲", **BASE, "annual_plan": 1.0})
    new = projects(
        {"name": "甲", **BASE, "annual_plan": 6.5},  # 6.5 × the old: no power of ten
        {"name": "乙", **BASE, "completed": 30000.0},  # added, 6000 × its total
    )
    slips = {s.new_key: s.reason for s in unit_slips(compare_tables(old, new))}
    assert "大于本项目总投资" in slips["r1"]
    assert "大于本项目总投资" in slips["r2"]


def test_ordinary_revisions_are_not_flagged():
    old = projects({"name": "甲", **BASE, "annual_plan": 2.0, "completed": 1.0})
    new = projects({"name": "甲", **BASE, "annual_plan": 2.6, "completed": 1.8})
    assert unit_slips(compare_tables(old, new)) == []


def test_likely_unit_follows_the_unit_table():
    assert (likely_unit("亿元", 4), likely_unit("亿元", 8), likely_unit("万元", 4)) == (
        "万元",
        "元",
        "元",
    )
    assert likely_unit("亿元", 3) is None
