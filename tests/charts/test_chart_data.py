"""Chart data without Qt: incremental group sums always equal a fresh computation."""

from hypothesis import given, settings
from hypothesis import strategies as st
from workbench.seeds.build_sample import build

from workbench.charts.data import CHARTS, chart_data
from workbench.core.edits import CellChange, DeleteRows, SetCells

DOC = build()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["completed", "annual_plan", "sector", "delete"]),
            st.integers(0, 10_000),
            st.one_of(st.none(), st.floats(0, 500)),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_incremental_sums_match_a_fresh_pass(script):
    doc = build()
    cache: dict = {}
    chart_data(doc, "invest_by_sector", "projects_2021", cache)
    table = doc.table("projects_2021")
    for column, n, value in script:
        key = table.keys[n % len(table.keys)]
        if column == "delete":
            doc.apply(DeleteRows(table.id, (key,)))
        elif column == "sector":
            doc.apply(SetCells(table.id, (CellChange(key, "sector", "城市提升"),)))
        else:
            doc.apply(SetCells(table.id, (CellChange(key, column, value),)))
        kept = chart_data(doc, "invest_by_sector", "projects_2021", cache)
        fresh = chart_data(doc, "invest_by_sector", "projects_2021")
        assert kept.categories == fresh.categories
        for (_, a), (_, b) in zip(kept.series, fresh.series, strict=True):
            assert [round(x or 0, 6) for x in a] == [round(x or 0, 6) for x in b]
        assert kept.keys == fresh.keys


def test_every_chart_has_data_for_the_sample():
    for kind in CHARTS:
        table = "indicators_2021" if "indicator" in kind else "projects_2021"
        data = chart_data(DOC, kind, table)
        assert data.categories and all(
            len(values) == len(data.categories) for _, values in data.series
        )
        assert len(data.keys) == len(data.categories)
    sectors = chart_data(DOC, "invest_by_sector", "projects_2021")
    completed = dict(zip(sectors.categories, sectors.series[1][1], strict=True))
    assert completed["城市提升"] == 2132.0 and round(sum(completed.values()), 4) == 4093.0
    # a summary table charts its source projects
    assert chart_data(DOC, "invest_by_funding", "summary_2022_funding").table == "projects_2022"
