"""The comparison engine: alignment by normalised key, crosswalk, namesakes, suggested
renames, tolerances and units, per-group sums, and reconciling back into a document."""

from __future__ import annotations

import copy
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core import provenance as prov
from workbench.core.compare.align import compare_tables, name_similarity
from workbench.core.compare.crosswalk import Crosswalk, SetCrosswalk
from workbench.core.compare.crosswalk_profiles import crosswalk_profile
from workbench.core.compare.reconcile import LABEL, edit_for, items_of
from workbench.core.compare.result import MatchHow
from workbench.core.compare.tolerance import Tolerances
from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, DeleteRows, InsertRows, RowData, SetCells
from workbench.core.history import EditHistory
from workbench.core.keys import match_key, match_keys
from workbench.core.table import Table

DISTRICTS = ["渝中区", "江北区", "巴南区", "璧山区"]
SECTORS = ["科技创新", "产业提升", "城市提升", "生态能源"]
# Chongqing's 2021 板块 → 2022 领域, the profile a reviewer of these tables picks.
CHONGQING = crosswalk_profile("chongqing_2021_2022").crosswalk


def project_table(count: int, seed: int = 1, table_id: str = "p") -> Table:
    rng = random.Random(seed)
    table = Table(id=table_id, kind="projects", title="项目表")
    for n in range(count):
        table.append(
            {
                "name": f"{DISTRICTS[n % 4]}示范项目{n}号",
                "sector": SECTORS[n % 4],
                "funding": "政府投资" if n % 3 else "企业投资",
                "total_investment": round(rng.uniform(1, 100), 4),
                "annual_plan": round(rng.uniform(0.1, 10), 4),
                "completed": round(rng.uniform(0.1, 10), 4),
                "owner": f"业主单位{n % 7}",
            }
        )
    return table


def doc_with(table: Table) -> PlanDocument:
    doc = PlanDocument(title="测试")
    doc.add_table(table)
    return doc


# ---- the matching key ------------------------------------------------------------------------
def test_match_key_folds_width_spaces_and_punctuation_only():
    assert match_key("城市轨道交通18号线（一期）") == match_key("城市轨道交通 18号线(一期)")
    assert match_key("ＧＤＰ增长") == match_key("gdp 增长")
    assert match_key("某路一期") != match_key("某路二期")
    names = ["城市轨道交通18号线（一期）", "ＡＢＣ－１２", None, "a\nb", 5, "重庆、成都"]
    assert match_keys(names) == [match_key(n) for n in names]


def test_comparison_never_alters_names():
    old = project_table(5)
    new = copy.deepcopy(old)
    new.rows["r1"]["name"] = "渝中区示范项目0号 "  # retyped with a space: same key
    before = copy.deepcopy(new.rows)
    result = compare_tables(old, new)
    assert new.rows == before
    assert len(result.matched) == 5
    assert result.matched[0].change("name").new == "渝中区示范项目0号 "


# ---- the property the issue asks for: diff(a, apply(a, edits)) gives back the edits --------
NUMERIC = ("total_investment", "annual_plan", "completed")


@st.composite
def edit_scripts(draw):
    count = draw(st.integers(min_value=3, max_value=25))
    cells = draw(
        st.lists(
            st.tuples(
                st.integers(0, count - 1),
                st.sampled_from(NUMERIC + ("owner", "funding")),
                st.integers(1, 9999),
            ),
            max_size=12,
        )
    )
    deletes = draw(st.sets(st.integers(0, count - 1), max_size=max(0, count // 3)))
    inserts = draw(st.integers(0, 4))
    shuffle = draw(st.randoms())
    return count, cells, deletes, inserts, shuffle


def _apply_script(a: Table, cells, deletes, inserts):
    """b = a edited; returns the expected changes, inserted and deleted keys."""
    doc = doc_with(copy.deepcopy(a))
    b = doc.table(a.id)
    expected: dict[tuple[str, str], tuple] = {}
    for index, column, number in cells:
        key = a.keys[index]
        if column in NUMERIC:
            value = float(number) / 100
        elif column == "funding":
            value = "企业投资" if b.rows[key]["funding"] == "政府投资" else "政府投资"
        else:
            value = f"新业主{number}"
        old = a.rows[key][column]
        doc.apply(SetCells(b.id, (CellChange(key, column, value),)))
        if value != old:
            expected[key, column] = (old, value)
        else:
            expected.pop((key, column), None)
    deleted = {a.keys[i] for i in deletes}
    if deleted:
        doc.apply(DeleteRows(b.id, tuple(deleted)))
    inserted = set()
    for n in range(inserts):
        key = b.allocate_key()
        values = {"name": f"新建工程第{n}批", "sector": "城市提升", "annual_plan": 1.5 + n}
        doc.apply(InsertRows(b.id, ((n, RowData(key, values)),)))
        inserted.add(key)
    expected = {k: v for k, v in expected.items() if k[0] not in deleted}
    return doc, b, expected, inserted, deleted


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_scripts())
def test_diff_of_edited_copy_gives_back_exactly_the_edits(script):
    count, cells, deletes, inserts, shuffle = script
    a = project_table(count, seed=count)
    _, b, expected, inserted, deleted = _apply_script(a, cells, deletes, inserts)
    shuffle.shuffle(b.keys)  # a new row order is not a change
    b._positions = None
    result = compare_tables(a, b, crosswalk=CHONGQING)
    found = {(m.old_key, c.field): (c.old, c.new) for m in result.matched for c in m.changes}
    assert all(m.old_key == m.new_key for m in result.matched)
    assert found == expected
    assert set(result.added) == inserted
    assert set(result.removed) == deleted
    assert not result.suggestions


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_scripts())
def test_reconciling_every_difference_makes_the_old_table_equal_the_new(script):
    count, cells, deletes, inserts, _ = script
    a = project_table(count, seed=count + 1)
    _, b, _, _, _ = _apply_script(a, cells, deletes, inserts)
    plan = doc_with(a)
    history = EditHistory(plan)
    result = compare_tables(a, b)
    edit = edit_for(result, items_of(result))
    if edit is None:
        assert result.identical
        return
    history.do(edit, reason="部门修订稿.xlsx")
    again = compare_tables(a, b)
    assert again.identical
    assert [a.rows[k] for k in a.keys] == [b.rows[k] for k in b.keys]  # order follows too
    assert history.undo()  # one accept, one undo step
    assert compare_tables(a, b).counts() == result.counts()


def test_unit_resubmission_and_reorder_are_no_change():
    """A list resubmitted in 亿元 instead of 万元: read into 亿元 it differs by float noise."""
    old = project_table(200, seed=3)
    new = copy.deepcopy(old)
    for row in new.rows.values():
        for column in NUMERIC:
            row[column] = row[column] * 10000 * 1.0000001 / 10000 / 1.0000001  # 万元 → 亿元
    random.Random(5).shuffle(new.keys)
    new._positions = None
    assert any(new.rows[k]["annual_plan"] != old.rows[k]["annual_plan"] for k in old.keys)
    assert compare_tables(old, new).identical


def test_tolerance_per_field():
    old = project_table(3)
    new = copy.deepcopy(old)
    new.rows["r1"]["annual_plan"] += 0.004
    new.rows["r2"]["completed"] += 0.004
    strict = compare_tables(old, new)
    assert {(m.old_key, c.field) for m in strict.changed for c in m.changes} == {
        ("r1", "annual_plan"),
        ("r2", "completed"),
    }
    loose = compare_tables(old, new, tolerances=Tolerances().with_field("annual_plan", 0.01))
    assert [(m.old_key, [c.field for c in m.changes]) for m in loose.changed] == [
        ("r2", ["completed"])
    ]
    change = strict.changed[0].changes[0]
    assert change.delta == pytest.approx(0.004)
    assert change.delta_pct == pytest.approx(0.004 / old.rows["r1"]["annual_plan"] * 100)


def test_indicator_units_that_convert_compare_in_one_unit():
    old = Table(id="i", kind="indicators", title="指标")
    old.append({"name": "固定资产投资", "unit": "万元", "actual": 123450.0})
    old.append({"name": "常住人口", "unit": "万人", "actual": 3213.34})
    new = Table(id="i", kind="indicators", title="指标")
    new.append({"name": "固定资产投资", "unit": "亿元", "actual": 12.345})
    new.append({"name": "常住人口", "unit": "万人", "actual": 3213.34})
    assert compare_tables(old, new).identical
    new.rows["r1"]["actual"] = 13.0
    (match,) = compare_tables(old, new).changed
    assert [c.field for c in match.changes] == ["actual"]
    assert match.changes[0].delta == pytest.approx(13.0 - 12.345)


# ---- renames ---------------------------------------------------------------------------------
def test_renamed_row_is_matched_with_a_score_not_removed_and_added():
    old = project_table(6)
    new = copy.deepcopy(old)
    name = old.rows["r3"]["name"]
    new.rows["r3"]["name"] = name + "（一期）"
    result = compare_tables(old, new)
    (renamed,) = [m for m in result.matched if m.how is MatchHow.SUGGESTED]
    assert (renamed.old_key, renamed.new_key) == ("r3", "r3")
    assert renamed.score >= 0.85
    assert renamed.change("name").new == name + "（一期）"
    assert not result.added and not result.removed
    # proposed only, when the caller leaves the decision to the reviewer
    pending = compare_tables(old, new, accept_threshold=None)
    assert [(s.old_key, s.new_key) for s in pending.suggestions] == [("r3", "r3")]
    assert pending.removed == ["r3"] and pending.added == ["r3"]
    pending.accept_suggestion("r3", "r3")
    assert not pending.suggestions and not pending.added and not pending.removed


def test_numbered_siblings_and_other_places_are_not_renames():
    assert name_similarity(match_key("某路一期"), match_key("某路二期")) == 0
    assert name_similarity(match_key("示范项目3号"), match_key("示范项目4号")) == 0
    swapped = name_similarity(match_key("合川区轨道交通线项目"), match_key("永川区轨道交通线项目"))
    grown = name_similarity(match_key("轨道交通线项目"), match_key("轨道交通线项目（一期）"))
    assert swapped < 0.85 <= grown
    places = compare_tables(
        _namesakes([{"name": "合川区轨道交通线项目", "district": "合川区", "owner": "合川交投"}]),
        _namesakes([{"name": "永川区轨道交通线项目", "district": "永川区", "owner": "永川交投"}]),
    )
    assert places.removed == ["r1"] and places.added == ["r1"] and not places.suggestions
    old = project_table(4)
    new = copy.deepcopy(old)
    new.rows["r2"]["name"] = "江北区示范项目9号"  # was 江北区示范项目1号: another project
    result = compare_tables(old, new)
    assert result.removed == ["r2"] and result.added == ["r2"] and not result.suggestions


def test_a_short_name_extended_with_every_other_field_equal_is_the_same_project():
    """ "城市道路" → "城市道路（一期）": the name alone is 4/6 alike, but sector, owner,
    funding, total and annual plan all agree — matched by default, with its score shown."""
    fields = {
        "sector": "城市提升",
        "owner": "市城投",
        "funding": "政府投资",
        "district": "渝中区",
        "total_investment": 12.0,
        "annual_plan": 3.0,
    }
    old = _namesakes([{"name": "城市道路", **fields}, {"name": "污水处理厂", **fields}])
    new = _namesakes([{"name": "城市道路（一期）", **fields}, {"name": "污水处理厂", **fields}])
    result = compare_tables(old, new)
    (renamed,) = [m for m in result.matched if m.how is MatchHow.SUGGESTED]
    assert renamed.old_key == "r1" and 0.85 <= renamed.score < 1
    assert not result.added and not result.removed
    from workbench.core.compare.report import diff_payload, diff_text

    assert diff_payload(result)["matched"][0]["score"] == renamed.score
    assert f"更名（相似名称 {renamed.score:.2f}）" in diff_text(result, "旧", "新")
    # another owner: another project's name may extend this one; only proposed
    other = copy.deepcopy(new)
    other.rows["r1"]["owner"] = "某区交通局"
    other.rows["r1"]["district"] = "江北区"
    doubtful = compare_tables(old, other)
    assert doubtful.removed == ["r1"] and [s.old_key for s in doubtful.suggestions] == ["r1"]


# ---- crosswalk --------------------------------------------------------------------------------
def test_crosswalk_sector_renames_are_not_changes_and_groups_fold():
    old = project_table(8)
    new = copy.deepcopy(old)
    for row in new.rows.values():
        row["sector"] = {"产业提升": "产业转型升级", "生态能源": "生态环保"}.get(
            row["sector"], row["sector"]
        )
    assert compare_tables(old, new).changed  # without the crosswalk: sector changes
    result = compare_tables(old, new, crosswalk=CHONGQING)
    assert result.identical
    groups = {g.group: g for g in result.groups()}
    assert set(groups) == {"科技创新", "产业转型升级", "城市提升", "生态环保"}
    assert groups["产业转型升级"].old_names == ("产业提升",)
    plan = sum(r["annual_plan"] for r in old.rows.values() if r["sector"] == "产业提升")
    assert groups["产业转型升级"].sums_old["annual_plan"] == pytest.approx(plan)
    assert groups["产业转型升级"].sums_new["annual_plan"] == pytest.approx(plan)


def test_crosswalk_applies_only_where_the_new_table_dropped_the_old_name():
    old = project_table(8)
    result = compare_tables(old, copy.deepcopy(old), crosswalk=CHONGQING)
    assert {g.group for g in result.groups()} == set(SECTORS)  # 产业提升 still used: kept


def test_indicator_renamed_through_name_crosswalk_and_group_without_successor():
    old = Table(id="i", kind="indicators", title="2021")
    old.append(
        {"category": "经济发展", "name": "单位地区生产总值能耗降低", "unit": "%", "actual": 3.0}
    )
    old.append({"category": "经济发展", "name": "地区生产总值增长", "unit": "%", "actual": 8.3})
    new = Table(id="i", kind="indicators", title="2022")
    new.append({"category": "经济发展", "name": "地区生产总值增长", "unit": "%", "actual": 8.3})
    new.append({"category": "经济发展", "name": "单位GDP能耗降低", "unit": "%", "actual": 3.0})
    walk = Crosswalk(name={"单位地区生产总值能耗降低": "单位GDP能耗降低"})
    result = compare_tables(old, new, crosswalk=walk)
    (renamed,) = [m for m in result.matched if m.how is MatchHow.CROSSWALK]
    assert renamed.old_key == "r1" and renamed.new_key == "r2"
    assert [c.field for c in renamed.changes] == ["name"]
    summary = Table(id="s", kind="summary", title="按板块")
    summary.append({"group": "成渝地区双城经济圈", "completed": 290.0})
    summary.append({"group": "产业提升", "completed": 603.0})
    later = Table(id="s", kind="summary", title="按领域")
    later.append({"group": "产业转型升级", "completed": 603.0})
    result = compare_tables(summary, later, crosswalk=CHONGQING)
    assert [m.how for m in result.matched] == [MatchHow.CROSSWALK]
    assert result.no_successor == ["r1"] and result.removed == ["r1"]


def test_crosswalk_is_saved_with_the_document_and_edited_undoably():
    doc = doc_with(project_table(2))
    history = EditHistory(doc)
    assert not Crosswalk.of(doc)  # no region's renames unless picked
    assert Crosswalk.of(doc).map("sector", "产业提升") == "产业提升"
    history.do(SetCrosswalk("sector", "生态能源", "绿色低碳"))
    history.do(SetCrosswalk("name", "旧名称", "新名称"))
    assert Crosswalk.of(doc).map("sector", "生态能源") == "绿色低碳"
    assert doc.properties.crosswalk.name == {"旧名称": "新名称"}
    assert doc.change_log[-1].action == "对照表"
    history.undo()
    history.undo()
    assert doc.properties.crosswalk is None
    history.redo()
    assert Crosswalk.of(doc).map("sector", "生态能源") == "绿色低碳"
    stored = doc.properties.crosswalk.to_dict()
    assert Crosswalk.from_dict(stored).to_dict() == stored


def test_crosswalk_round_trips_through_the_native_file(tmp_path):
    from workbench.io.native.plan_file import load_plan, save_plan

    doc = doc_with(project_table(3))
    doc.apply(SetCrosswalk("sector", "成渝地区双城经济圈", None))
    doc.apply(SetCrosswalk("name", "X", "X（一期）"))
    save_plan(doc, tmp_path / "plan.xlsx")
    again = Crosswalk.of(load_plan(tmp_path / "plan.xlsx"))
    assert again.map("sector", "成渝地区双城经济圈") is None
    assert again.map("name", "X") == "X（一期）"
    assert again.map("sector", "产业提升") == "产业提升"  # only what was stored


def test_crosswalk_file_errors_are_clear():
    with pytest.raises(ValueError, match="JSON"):
        Crosswalk.from_json_text("{not json")
    with pytest.raises(ValueError, match="对照表条目"):
        Crosswalk.from_dict({"sector": {"a": 3}})
    flat = Crosswalk.from_dict({"产业提升": "产业转型升级"})
    assert flat.map("sector", "产业提升") == flat.map("name", "产业提升") == "产业转型升级"


# ---- namesakes --------------------------------------------------------------------------------
def _namesakes(rows):
    table = Table(id="p", kind="projects", title="项目")
    for values in rows:
        table.append(values)
    return table


def test_duplicate_names_pair_by_other_fields_not_by_order():
    old = _namesakes(
        [
            {"name": "污水处理厂", "district": "江北区", "owner": "江北水务", "annual_plan": 1.0},
            {"name": "污水处理厂", "district": "巴南区", "owner": "巴南水务", "annual_plan": 2.0},
            {"name": "污水处理厂", "district": "璧山区", "owner": "璧山水务", "annual_plan": 3.0},
        ]
    )
    new = _namesakes(
        [
            {"name": "污水处理厂", "district": "璧山区", "owner": "璧山水务", "annual_plan": 3.0},
            {"name": "污水处理厂", "district": "江北区", "owner": "江北水务", "annual_plan": 1.5},
            {"name": "污水处理厂", "district": "巴南区", "owner": "巴南水务", "annual_plan": 2.0},
        ]
    )
    result = compare_tables(old, new)
    pairs = {(m.old_key, m.new_key) for m in result.matched}
    assert pairs == {("r1", "r2"), ("r2", "r3"), ("r3", "r1")}
    assert all(m.how is MatchHow.DUPLICATE for m in result.matched)
    (changed,) = result.changed
    assert (changed.old_key, changed.changes[0].field) == ("r1", "annual_plan")


def test_identical_namesakes_pair_by_position_and_extra_one_is_added():
    same = {"name": "乡村道路", "sector": "乡村振兴", "annual_plan": 1.0}
    old = _namesakes([dict(same), dict(same)])
    new = _namesakes([dict(same), dict(same), dict(same)])
    result = compare_tables(old, new)
    assert [(m.old_key, m.new_key) for m in result.matched] == [("r1", "r1"), ("r2", "r2")]
    assert result.added == ["r3"] and not result.removed and not result.changed


# ---- reconcile ---------------------------------------------------------------------------------
def test_accepting_changes_goes_through_the_edit_path_with_provenance_and_label():
    plan = doc_with(project_table(6))
    table = plan.table("p")
    revised = copy.deepcopy(table)
    revised.rows["r2"]["annual_plan"] = 42.0
    del revised.rows["r5"]
    revised.keys.remove("r5")
    revised.append({"name": "新增项目甲", "sector": "城市提升", "annual_plan": 3.0}, key="x1")
    revised._positions = None
    history = EditHistory(plan)
    result = compare_tables(table, revised)
    (changed,) = [i for i in items_of(result) if i.kind == "changed"]
    history.do(edit_for(result, [changed]), reason="部门修订稿.xlsx")
    assert table.rows["r2"]["annual_plan"] == 42.0
    assert table.provenance_of("r2", "annual_plan") == prov.DEPARTMENT
    entry = plan.change_log[-1]
    assert (entry.label, entry.reason, entry.old, entry.new) == (
        LABEL,
        "部门修订稿.xlsx",
        result.matched[1].changes[0].old,
        42.0,
    )
    result = compare_tables(table, revised)
    history.do(edit_for(result, items_of(result)), reason="部门修订稿.xlsx")
    assert [table.rows[k]["name"] for k in table.keys][-1] == "新增项目甲"
    assert "r5" not in table.rows
    inserted = table.keys[-1]
    assert table.provenance_of(inserted, "name") == prov.DEPARTMENT
    assert history.undo_label == LABEL
    history.undo()
    assert "r5" in table.rows and len(table) == 6


def test_accepting_a_group_takes_only_its_rows():
    old = project_table(8)
    new = copy.deepcopy(old)
    for row in new.rows.values():
        row["annual_plan"] = row["annual_plan"] + 1
        if row["sector"] == "产业提升":
            row["sector"] = "产业转型升级"
    plan = doc_with(old)
    result = compare_tables(old, new, crosswalk=CHONGQING)
    items = items_of(result, "产业转型升级")
    assert {i.old_key for i in items} == {
        k for k, r in old.rows.items() if r["sector"] == "产业提升"
    }
    plan.apply(edit_for(result, items))
    after = compare_tables(old, new, crosswalk=CHONGQING)
    assert {g.group: g.changed for g in after.groups()}["产业转型升级"] == 0
    assert {g.group: g.changed for g in after.groups()}["科技创新"] == 2


# ---- year over year ----------------------------------------------------------------------------
def test_year_over_year_lines_and_the_cross_annex_check():
    from workbench.core.compare.yoy import target_value, year_over_year

    assert target_value("5.5%左右") == 5.5
    assert target_value("6%-6.5%") == pytest.approx(6.25)
    assert target_value("完成国家下达目标") is None
    execution = Table(id="e", kind="indicators", title="附件一")
    execution.append({"name": "地区生产总值增长", "unit": "%", "target": "6%以上", "actual": 8.3})
    execution.append({"name": "城镇调查失业率", "unit": "%", "target": "5.5%以内", "actual": 5.4})
    execution.append({"name": "单位地区生产总值能耗降低", "unit": "%", "actual": 3.0})
    plan = Table(id="p", kind="indicators", title="附件二")
    plan.append({"name": "城镇调查失业率", "unit": "%", "base": 5.5, "target": "5.5%以内"})
    plan.append({"name": "地区生产总值增长", "unit": "%", "base": 8.3, "target": "5.5%左右"})
    plan.append({"name": "数字经济增加值增长", "unit": "%", "target": "15%以上"})
    lines = {line.name: line for line in year_over_year(execution, plan)}
    gdp = lines["地区生产总值增长"]
    assert (gdp.last_target, gdp.actual, gdp.next_target) == ("6%以上", 8.3, "5.5%左右")
    assert gdp.step == pytest.approx(-2.8) and gdp.base_agrees is True
    assert lines["城镇调查失业率"].base_agrees is False  # 附件二 restates 5.5, 附件一 says 5.4
    assert lines["数字经济增加值增长"].kind == "added"
    assert lines["单位地区生产总值能耗降低"].kind == "removed"
    assert [line.name for line in year_over_year(execution, plan)][:2] == [
        "城镇调查失业率",
        "地区生产总值增长",
    ]
    with pytest.raises(ValueError, match="两个指标表"):
        year_over_year(project_table(2), project_table(2))


def test_several_years_as_series_flag_a_target_below_three_actuals():
    from workbench.core.compare.series import BELOW_ACTUALS, indicator_series

    def year(rows):
        table = Table(id="i", kind="indicators", title="指标")
        for values in rows:
            table.append(values)
        return table

    walk = Crosswalk(name={"单位地区生产总值能耗降低": "单位GDP能耗降低"})
    tables = [
        (
            2022,
            year(
                [
                    {"name": "单位GDP能耗降低", "unit": "%", "actual": 3.4, "target": "3%左右"},
                    {
                        "name": "城镇新增就业",
                        "unit": "万人",
                        "actual": 70.67,
                        "target": "60万人以上",
                    },
                ]
            ),
        ),
        (
            2020,
            year(
                [
                    {"name": "单位地区生产总值能耗降低", "unit": "%", "actual": 3.2},
                    {"name": "城镇新增就业", "unit": "万人", "actual": 64.0},
                ]
            ),
        ),
        (
            2021,
            year(
                [
                    {"name": "单位地区生产总值能耗降低", "unit": "%", "actual": 3.5},
                    {"name": "城镇新增就业", "unit": "万人", "actual": 75.0},
                ]
            ),
        ),
    ]
    series = indicator_series(tables, walk)
    assert list(series["name"]) == ["单位GDP能耗降低", "城镇新增就业"]
    energy = series.iloc[0]
    assert [energy[y] for y in (2020, 2021, 2022)] == [3.2, 3.5, 3.4]
    assert energy["next_target"] == 3.0 and energy["flag"] == BELOW_ACTUALS
    jobs = series.iloc[1]
    assert jobs["next_target"] == 60.0 and jobs["flag"] == BELOW_ACTUALS


def test_comparing_loads_neither_qt_nor_pandas():
    """pandas stays off the start-up path and off the 100k-row diff; Qt off the core."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from workbench.core.compare import align, crosswalk, groups, reconcile, report, series, yoy\n"
        "from workbench.seeds.build_sample import build\n"
        "d = build()\n"
        "c = align.compare_tables(d.table('projects_2021'), d.table('projects_2022'))\n"
        "report.diff_payload(c)\n"
        "print(sorted(m for m in ('pandas', 'PySide6') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("stored", [["not", "a", "mapping"], {"sector": {"a": 1}}, "text"])
def test_a_damaged_stored_crosswalk_is_dropped(stored):
    from workbench.core.properties import DocumentProperties

    doc = doc_with(project_table(2))
    doc.properties = DocumentProperties.from_data({"crosswalk": stored, "note": "留下"})
    assert doc.properties.crosswalk is None and doc.properties.extra == {"note": "留下"}
    assert not Crosswalk.of(doc)
    doc.apply(SetCrosswalk("name", "甲", "乙"))  # editing replaces it with a clean one
    assert doc.properties.crosswalk.to_dict() == {"sector": {}, "name": {"甲": "乙"}}
