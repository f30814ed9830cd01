"""One match key, one row alignment under the multi-year series, one table-pairing rule."""

from __future__ import annotations

import pytest

from workbench.core import keys
from workbench.core.compare import keys as compare_keys
from workbench.core.compare.align import compare_tables, unit_factor
from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.series import indicator_series
from workbench.core.pairing import adjacent_year, counterpart, table_of_year
from workbench.core.table import Table


def indicators(year, rows, title="主要指标", sheet=""):
    table = Table(id=f"i{year}", kind="indicators", title=title, sheet_name=sheet, year=year)
    for values in rows:
        table.append(values)
    return table


def test_one_match_key():
    # The readers' and the comparison's keys were two functions that disagreed on a dash.
    assert not hasattr(compare_keys, "match_key")
    assert keys.match_key("城市轨道交通18号线—一期") == keys.match_key("城市轨道交通18号线（一期）")
    assert keys.match_key("某路一期") != keys.match_key("某路二期")


def test_series_converts_an_earlier_years_unit_as_the_comparison_does():
    # 2020 stated revenue in 万元, 2021 and 2022 in 亿元: one series, in 亿元.
    years = [
        (
            2020,
            indicators(2020, [{"name": "一般公共预算收入", "unit": "万元", "actual": 20945000}]),
        ),
        (2021, indicators(2021, [{"name": "一般公共预算收入", "unit": "亿元", "actual": 2285.4}])),
        (
            2022,
            indicators(
                2022,
                [
                    {
                        "name": "一般公共预算收入",
                        "unit": "亿元",
                        "actual": 2103.4,
                        "target": "2300亿元",
                    }
                ],
            ),
        ),
    ]
    series = indicator_series(years)
    (row,) = [r for _, r in series.iterrows()]
    assert row["unit"] == "亿元"
    assert [row[y] for y in (2020, 2021, 2022)] == [2094.5, 2285.4, 2103.4]
    # the comparison of the same two years sees no change of the figure's scale either
    old, new = years[0][1], years[1][1]
    assert unit_factor("万元", "亿元") == pytest.approx(1e-4)
    (match,) = compare_tables(old, new).matched
    assert "unit" not in {c.field for c in match.changes}


def test_series_pairs_rows_as_the_comparison_does():
    # A rename in the crosswalk, a year in which the indicator is missing, two namesakes.
    walk = Crosswalk(name={"规模以上工业增加值增长": "规上工业增加值增长"})
    years = [
        (2019, indicators(2019, [{"name": "森林覆盖率", "unit": "%", "actual": 50.1}])),
        (2020, indicators(2020, [{"name": "规模以上工业增加值增长", "unit": "%", "actual": 5.8}])),
        (
            2021,
            indicators(
                2021,
                [
                    {"name": "规上工业增加值增长", "unit": "%", "actual": 10.7},
                    {"name": "森林覆盖率", "unit": "%", "actual": 54.5},
                ],
            ),
        ),
    ]
    series = indicator_series(years, walk).set_index("name")
    assert series.loc["规上工业增加值增长", 2020] == 5.8
    assert series.loc["森林覆盖率", 2019] == 50.1
    assert len(series) == 2
    # the comparison pairs the same rows
    (match,) = compare_tables(years[1][1], years[2][1], crosswalk=walk).matched
    assert years[2][1].rows[match.new_key]["name"] == "规上工业增加值增长"


def test_one_table_pairing_rule():
    old = indicators(2021, [], title="2021年主要指标执行情况", sheet="附件1")
    same_sheet = indicators(2022, [], title="2022年主要指标计划", sheet="附件1")
    other_year = indicators(2022, [], title="2022年指标", sheet="指标")
    projects = Table(id="p", kind="projects", title="项目", sheet_name="附件1", year=2022)
    assert counterpart(old, [projects, other_year, same_sheet]) is same_sheet
    assert counterpart(old, [projects, other_year]) is other_year
    assert counterpart(old, [projects, old]) is None
    assert table_of_year([projects, other_year], "indicators", 2022) is other_year
    assert adjacent_year(old, [other_year]) is other_year
