"""Every path that adds up a group of project rows states the same figure.

The kept-current engine (summary tables, print layout), the one-shot sum (totals bar, checks,
write-back), the charts, the comparison's per-group summary and the roll-forward's rebuilt
summaries are driven with the same random tables: "其中" sub-items, blanks, and money that came
in 元, 万元 and 亿元 (converted to the table's 亿元 by core/units, as the readers do).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.charts.data import chart_data
from workbench.core.compare.align import compare_tables
from workbench.core.compare.groups import group_summaries
from workbench.core.document import PlanDocument
from workbench.core.group_sums import SUMMED, group_sums, sum_by, sum_rows
from workbench.core.metadata import TableMeta
from workbench.core.rollforward import roll_forward
from workbench.core.summaries import TOTAL_KEY, computed_groups
from workbench.core.table import Table
from workbench.core.units import to_yi

SECTORS = ("科技创新", "城市提升", "乡村振兴", None)
money = st.one_of(
    st.none(),
    st.tuples(
        st.integers(min_value=0, max_value=10**7), st.sampled_from(("元", "万元", "亿元"))
    ).map(lambda vu: to_yi(vu[0] / 100, vu[1])),
)
row = st.fixed_dictionaries(
    {
        "sector": st.sampled_from(SECTORS),
        "total_investment": money,
        "annual_plan": money,
        "completed": money,
        "sub_item": st.booleans(),
    }
)


def project_doc(rows: list[dict]) -> PlanDocument:
    doc = PlanDocument(exec_year=2021)
    table = Table(id="p", kind="projects", title="项目", year=2021, unit="亿元")
    parent = None
    sub_items: dict[str, str] = {}
    for i, r in enumerate(rows):
        values = {k: v for k, v in r.items() if k != "sub_item"}
        values.update(name=f"项目{i}", nature="续建")
        if r["sub_item"] and parent is not None:
            values["name"] = f"其中：项目{i}"
            values["sector"] = table.rows[parent]["sector"]  # a part sits in its parent's group
            key = table.append(values)
            sub_items[key] = parent
        else:
            parent = table.append(values)
    table.meta.sub_items = sub_items
    doc.add_table(table)
    summary = Table(id="s", kind="summary", title="按领域", meta=TableMeta(source="p", by="sector"))
    doc.add_table(summary)
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=25))
def test_every_path_states_the_same_group_figures(rows):
    doc = project_doc(rows)
    table = doc.tables["p"]
    expected = sum_by(table, "sector")
    whole = sum_rows(table)

    # the kept-current engine, and the summary table's computed figures built on it
    live = group_sums(doc, "p", "sector")
    summary = computed_groups(doc, doc.tables["s"])
    for group, figures in expected.items():
        assert live.figures(group) == figures
        stated = summary[group]
        assert stated.count == figures.count
        assert stated.annual_plan == figures.get("annual_plan")
        assert stated.completed == figures.get("completed")
        assert stated.total_investment == (figures.get("total_investment") or 0.0)
    assert live.figures(None) == whole
    assert summary[TOTAL_KEY].count == whole.count

    # the totals bar sums the keys a grid shows: all of them here
    assert sum_rows(table, list(table.keys)) == whole

    # the charts
    chart = chart_data(doc, "invest_by_sector", "p")
    plan = dict(zip(chart.categories, chart.series[0][1], strict=True))
    for group, figures in expected.items():
        assert plan[group] == round(figures.get("annual_plan") or 0.0, 4)

    # the comparison's per-group summary (the table against itself)
    for line in group_summaries(compare_tables(table, table)):
        figures = expected[line.group]
        assert (line.count_old, line.count_new) == (figures.count, figures.count)
        for column in SUMMED:
            assert line.sums_new[column] == figures.get(column)

    # the roll-forward's rebuilt summary of next year
    rolled = roll_forward(doc).document
    by_sector = {r["group"]: r for _, r in rolled.tables["summary_2022_sector"]}
    for group, figures in expected.items():
        assert by_sector[group]["count"] == figures.count
        assert by_sector[group]["total_investment"] == figures.get("total_investment")
    assert by_sector["合计"]["count"] == whole.count


def _compare_view_doc() -> PlanDocument:
    """The issue's case: 15.0 over 2 rows, one of which has a 其中 part of 4.0."""
    return project_doc(
        [
            {
                "sector": "城市提升",
                "total_investment": 10.0,
                "annual_plan": None,
                "completed": None,
                "sub_item": False,
            },
            {
                "sector": "城市提升",
                "total_investment": 4.0,
                "annual_plan": None,
                "completed": None,
                "sub_item": True,
            },
            {
                "sector": "城市提升",
                "total_investment": 5.0,
                "annual_plan": None,
                "completed": None,
                "sub_item": False,
            },
        ]
    )


def test_compare_view_counts_a_sub_item_once():
    doc = _compare_view_doc()
    table = doc.tables["p"]
    assert computed_groups(doc, doc.tables["s"])["城市提升"].total_investment == 15.0
    (line,) = group_summaries(compare_tables(table, table))
    assert (line.count_new, line.sums_new["total_investment"]) == (2, 15.0)


def test_roll_forward_keeps_sub_item_marks():
    doc = _compare_view_doc()
    rolled = roll_forward(doc).document
    projects = rolled.tables["projects_2022"]
    assert len(projects.meta.sub_items) == 1
    (child,) = projects.meta.sub_items
    assert projects.rows[child]["name"] == "其中：项目1"
    by_sector = {r["group"]: r for _, r in rolled.tables["summary_2022_sector"]}
    assert (by_sector["城市提升"]["count"], by_sector["城市提升"]["total_investment"]) == (2, 15.0)
    # and the rolled plan's own live summary says the same
    assert (
        computed_groups(rolled, rolled.tables["summary_2022_sector"])["城市提升"].total_investment
        == 15.0
    )
