"""An indicator-by-year table keeps its yearly figures through a native save and reopen, and
a change to them goes through the one edit path (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.io.annex_fixtures import rows_workbook
from workbench.core.edits import CellChange, DeleteRows, EditError, SetCells
from workbench.io.native import plan_json
from workbench.io.native.plan_file import load_plan, save_plan
from workbench.io.opener import open_document

ROWS = [
    ["指标", "2019年", "2020年", "2021年", "2022年", "2023年"],
    ["地区生产总值(亿元)", 1975.6, 2010.3, 2150.1, 2230.4, None],
    ["常住人口(万人)", 310, 311, 312.5, None, None],
    ["城镇化率(%)", 60.1, 61.2, 62.0, 62.8, 63.5],
]


def _by_year(path: Path) -> Path:
    return rows_workbook(path, ROWS, "历年指标")


def _only(doc):
    (table,) = doc.tables.values()
    return table


def _yearly(table):
    return [
        (row["name"], row.get("series"), row.get("actual"), row.get("actual_year"))
        for _, row in table
    ]


def test_series_survive_a_native_save_and_reopen(tmp_path):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    read = _yearly(_only(doc))
    assert read[0][1] == {"2019": 1975.6, "2020": 2010.3, "2021": 2150.1, "2022": 2230.4}
    save_plan(doc, tmp_path / "plan.xlsx")
    again = load_plan(tmp_path / "plan.xlsx")
    assert _yearly(_only(again)) == read
    assert _only(again).meta.by_year == [2019, 2020, 2021, 2022, 2023]


def test_the_saved_json_lists_series_only_for_rows_that_have_them(tmp_path):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    table = _only(doc)
    first = table.keys[0]
    doc.apply(SetCells(table.id, (CellChange(first, "series", None),)))
    data = plan_json.document_to_data(doc)
    (saved,) = data["tables"]
    assert saved["extras"][first] == {"actual_year": 2022}
    assert set(saved["extras"]) == set(table.keys)
    # Rows themselves keep the old shape: a program that predates the extras reads them as before.
    assert len(saved["rows"][0]) == 1 + len(saved["columns"])
    assert "series" not in table.rows[first]
    doc.apply(SetCells(table.id, (CellChange(first, "actual_year", None),)))
    assert first not in plan_json.document_to_data(doc)["tables"][0]["extras"]


def test_an_older_file_without_extras_still_loads(tmp_path):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    data = plan_json.document_to_data(doc)
    for table in data["tables"]:
        table.pop("extras")
    older = plan_json.loads(json.dumps(data))
    assert all("series" not in row for _, row in _only(older))
    assert [row["actual"] for _, row in _only(older)] == [2230.4, 312.5, 63.5]


@pytest.mark.parametrize(
    ("extras", "says"),
    [
        ({"r1": {"series": {"2019": "很多"}}}, "2019年的值应为数值"),
        ({"r1": {"series": {"去年": 1.0}}}, "年份应为数字文本"),
        ({"r1": {"actual_year": "2022"}}, "应为整数年份"),
        ({"r1": {"colour": "red"}}, "未知的附加数据"),
        ({"r1": [1, 2]}, "附加数据已损坏"),
    ],
)
def test_damaged_extras_are_refused_with_a_reason(tmp_path, extras, says):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    data = plan_json.document_to_data(doc)
    data["tables"][0]["extras"] = extras
    with pytest.raises(plan_json.SchemaError, match=says):
        plan_json.loads(json.dumps(data))


def test_a_series_edit_is_undoable_and_saved(tmp_path):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    table = _only(doc)
    key = table.keys[2]
    before = dict(table.rows[key]["series"])
    corrected = {**before, "2023": 64.0}
    inverse = doc.apply(SetCells(table.id, (CellChange(key, "series", corrected),)))
    assert table.rows[key]["series"]["2023"] == 64.0
    save_plan(doc, tmp_path / "edited.xlsx")
    assert _only(load_plan(tmp_path / "edited.xlsx")).rows[key]["series"]["2023"] == 64.0
    doc.apply(inverse)
    assert table.rows[key]["series"] == before
    with pytest.raises(EditError, match="应为数值"):
        doc.apply(SetCells(table.id, (CellChange(key, "series", {"2023": "六十四"}),)))
    assert table.rows[key]["series"] == before


def test_deleting_a_row_and_undoing_brings_its_series_back(tmp_path):
    doc = open_document(_by_year(tmp_path / "years.xlsx"))
    table = _only(doc)
    key = table.keys[0]
    kept = dict(table.rows[key])
    inverse = doc.apply(DeleteRows(table.id, (key,)))
    assert key not in table.rows
    doc.apply(inverse)
    assert table.rows[key] == kept and table.rows[key]["actual_year"] == 2022
