"""Roll-forward of the shipped sample: the 2022 skeleton with the 2021 figures as reference."""

from __future__ import annotations

from collections import Counter

import pytest

from workbench.core import provenance as prov
from workbench.core.keys import match_key
from workbench.core.metadata import TableMeta
from workbench.core.rollforward import roll_forward, source_year
from workbench.core.schema import TableKind
from workbench.io.native.plan_file import load_plan, save_plan
from workbench.io.opener import sample_plan_path


@pytest.fixture(scope="module")
def sample():
    return load_plan(sample_plan_path())


@pytest.fixture(scope="module")
def rolled(sample):
    return roll_forward(sample)


def test_rolls_2021_into_2022(sample, rolled):
    assert source_year(sample) == 2021
    assert (rolled.from_year, rolled.to_year) == (2021, 2022)
    doc = rolled.document
    assert doc.plan_year == 2022 and doc.exec_year == 2021
    assert all(t.year == 2022 for t in doc.tables.values())
    assert {t.kind for t in doc.tables.values()} == set(TableKind)


def test_indicators_carry_targets_and_actuals_as_reference(sample, rolled):
    old = sample.tables["indicators_2021"]
    new = rolled.document.tables["indicators_2022"]
    assert len(new) == len(old) == rolled.indicators
    for (_, before), (key, after) in zip(old, new, strict=True):
        for kept in ("category", "name", "unit", "attribute", "direction"):
            assert after[kept] == before[kept]
        assert after["target"] is None and after["actual"] is None and after["status"] is None
        assert after["base"] == before["actual"]
        if before["target"]:
            assert f"2021年目标：{before['target']}" in after["note"]
        assert new.meta.reference[key] == {
            "last_target": before["target"],
            "last_actual": before["actual"],
        }
        assert new.provenance_of(key, "base") == prov.CARRIED
    # binding indicators stay binding
    assert Counter(r["attribute"] for _, r in new) == Counter(r["attribute"] for _, r in old)


def test_projects_continue_and_completed_ones_leave(sample, rolled):
    old = sample.tables["projects_2021"]
    new = rolled.document.tables["projects_2022"]
    finished = [r["name"] for _, r in old if r["nature"] == "竣工"]
    assert finished and rolled.completed == finished
    assert len(new) == len(old) - len(finished) == rolled.carried
    assert any("竣工项目" in n and finished[0] in n for n in new.notes)
    by_name = {r["name"]: r for _, r in old if r["nature"] != "竣工"}
    for key, row in new:
        before = by_name[row["name"]]
        assert row["total_investment"] == before["total_investment"]
        assert row["owner"] == before["owner"] and row["funding"] == before["funding"]
        assert row["annual_plan"] is None and row["completed"] is None
        assert row["nature"] == ("续建" if before["nature"] in ("新开工", "续建") else "前期")
        assert new.meta.reference[key]["last_completed"] == before["completed"]
        assert new.provenance_of(key, "total_investment") == prov.CARRIED
    # sectors under the 2022 names through the crosswalk
    sectors = {r["sector"] for _, r in new}
    assert "产业转型升级" in sectors and "产业提升" not in sectors
    assert "生态环保" in sectors and "生态能源" not in sectors
    assert rolled.no_successor == {
        "成渝地区双城经济圈": sum(
            1 for _, r in old if r["sector"] == "成渝地区双城经济圈" and r["nature"] != "竣工"
        )
    }
    # the source document is untouched
    assert len(sample.tables["projects_2021"]) == len(old)
    assert any(r["sector"] == "产业提升" for _, r in sample.tables["projects_2021"])


def test_summaries_rebuilt_from_rows(rolled):
    doc = rolled.document
    projects = doc.tables["projects_2022"]
    for by in ("sector", "funding"):
        summary = doc.tables[f"summary_2022_{by}"]
        assert summary.meta == TableMeta(source=projects.id, by=by, partition=True)
        rows = {r["group"]: r for _, r in summary}
        total = rows.pop("合计")
        assert total["count"] == len(projects)
        assert sum(r["count"] for r in rows.values()) == len(projects)
        for group, row in rows.items():
            members = [r for _, r in projects if r[by] == group]
            assert row["count"] == len(members)
            assert row["total_investment"] == pytest.approx(
                sum(r["total_investment"] for r in members)
            )
    sector_groups = {match_key(r["group"]) for _, r in doc.tables["summary_2022_sector"]}
    assert match_key("产业转型升级") in sector_groups


def test_rolled_plan_saves_and_opens(rolled, tmp_path):
    path = save_plan(rolled.document, tmp_path / "2022.xlsx")
    again = load_plan(path)
    table = again.tables["projects_2022"]
    assert len(table) == rolled.carried
    assert table.provenance_of(table.keys[0], "total_investment") == prov.CARRIED
    assert again.tables["indicators_2022"].rows[table.keys[0]]["target"] is None


def test_nothing_to_roll_is_a_clear_error(sample):
    with pytest.raises(ValueError, match="没有 1999 年"):
        roll_forward(sample, 1999)
