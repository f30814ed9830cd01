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


def test_year_over_year_matches_renamed_sectors_through_the_crosswalk():
    """2021's 产业提升 is 2022's 产业转型升级 (DOMAIN.md): one pair of bars, not two groups."""
    data = chart_data(DOC, "yoy_sector", "projects_2022")
    assert "产业提升" not in data.categories and "产业转型升级" in data.categories
    done_2021, plan_2022 = (dict(zip(data.categories, s, strict=True)) for _, s in data.series)
    assert done_2021["产业转型升级"] == 603.0 and plan_2022["产业转型升级"] == 781.0
    assert "成渝地区双城经济圈" in data.categories  # no successor: its own group
    assert plan_2022["成渝地区双城经济圈"] is None
    assert "产业提升（今产业转型升级）" in data.note
