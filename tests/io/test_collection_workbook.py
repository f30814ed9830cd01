"""Collection workbooks round trip: generate one per unit of the sample plan, fill them as
departments do (openpyxl edits, a sorted sheet, an inserted row, a deleted row, a changed
unit, a LibreOffice re-save), read the folder back and find every change and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from workbench import cli
from workbench.core import provenance as prov
from workbench.core.compare.result import RowKind
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import sample_plan_path
from workbench.io.reading.returned_workbook import read_returned, read_returns
from workbench.io.writing.collection_workbook import (
    COLUMNS,
    DATA_SHEET,
    GUIDE_SHEET,
    HEADER_ROW,
    META_SHEET,
    group_rows,
    write_collection_workbooks,
)

# 1-based sheet columns: 序号, the fields in order, then the hidden key.
COL = {name: i + 2 for i, name in enumerate(COLUMNS)}
KEY_COL = len(COLUMNS) + 2
FIRST = HEADER_ROW + 2  # first data row, 1-based
TABLE = "projects_2022"


@pytest.fixture(scope="module")
def plan():
    return load_plan(sample_plan_path())


@pytest.fixture(scope="module")
def sent(plan, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sent")
    written = write_collection_workbooks(plan, folder, by="owner", deadline=date(2022, 1, 15))
    return folder, written


def data_rows(ws) -> list[int]:
    return [r for r in range(FIRST, ws.max_row + 1) if ws.cell(r, KEY_COL).value]


def row_of(ws, key: str) -> int:
    for r in range(FIRST, ws.max_row + 1):
        if ws.cell(r, KEY_COL).value == f"{TABLE}|{key}":
            return r
    raise AssertionError(f"row {key} not in sheet")


def test_one_workbook_per_unit_with_only_its_rows(plan, sent):
    folder, written = sent
    table = plan.tables[TABLE]
    groups = group_rows(table, "owner")
    assert len(written) == len(groups) > 40
    assert sum(w.rows for w in written) == len(table)
    assert len({w.path.name for w in written}) == len(written)
    for item in written[:6]:
        wb = openpyxl.load_workbook(item.path)
        ws = wb[DATA_SHEET]
        keys = [ws.cell(r, KEY_COL).value.split("|")[1] for r in data_rows(ws)]
        assert keys == groups[item.unit]
        for r, key in zip(data_rows(ws), keys, strict=True):
            row = table.rows[key]
            assert ws.cell(r, COL["name"]).value == row["name"]
            assert ws.cell(r, COL["owner"]).value == item.unit
            assert ws.cell(r, COL["total_investment"]).value == row["total_investment"]
        guide = "\n".join(
            str(v) for row in wb[GUIDE_SHEET].iter_rows(values_only=True) for v in row if v
        )
        assert "2022-01-15" in guide and "亿元" in guide and "年度计划投资" in guide
        assert "填报要求" in guide and "行标识" in guide
        assert wb[META_SHEET].sheet_state == "hidden"


def test_template_is_typed_and_protected(sent):
    _, written = sent
    wb = openpyxl.load_workbook(written[0].path)
    ws = wb[DATA_SHEET]
    protection = ws.protection
    # openpyxl's flags: True means the action is refused while the sheet is protected
    assert protection.sheet is True
    assert protection.insertColumns is True and protection.deleteColumns is True
    assert protection.insertRows is False and protection.deleteRows is False
    assert protection.sort is False
    r = data_rows(ws)[0]
    assert ws.cell(HEADER_ROW + 1, COL["name"]).protection.locked is True
    assert ws.cell(r, KEY_COL).protection.locked is True
    assert ws.cell(r, COL["owner"]).protection.locked is True
    assert ws.cell(r, COL["annual_plan"]).protection.locked is False
    assert ws.cell(r, COL["name"]).protection.locked is False
    key_letter = openpyxl.utils.get_column_letter(KEY_COL)
    assert ws.column_dimensions[key_letter].hidden is True
    validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert validations["decimal"].operator == "greaterThanOrEqual"
    lists = sorted(dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert lists == ['"政府投资,企业投资"', '"新开工,续建,竣工,前期"']


def _soffice_resave(path: Path, work: Path) -> None:
    out = work / "lo"
    out.mkdir()
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.move(out / path.name, path)


def test_round_trip_finds_every_change_and_nothing_else(plan, sent, tmp_path):
    folder, written = sent
    table = plan.tables[TABLE]
    back = tmp_path / "returned"
    shutil.copytree(folder, back)
    by_unit = {w.unit: back / w.path.name for w in written}
    big = sorted(written, key=lambda w: -w.rows)
    edited_units = [w.unit for w in big[:5]]
    expected: set[tuple[str, str, str, object]] = set()
    added: set[tuple[str, str]] = set()
    removed: set[tuple[str, str]] = set()

    # A: figures typed over, a name corrected, a nature chosen
    unit = edited_units[0]
    wb = openpyxl.load_workbook(by_unit[unit])
    ws = wb[DATA_SHEET]
    keys = group_rows(table, "owner")[unit]
    ws.cell(row_of(ws, keys[0]), COL["annual_plan"]).value = 12.5
    expected.add((unit, keys[0], "annual_plan", 12.5))
    ws.cell(row_of(ws, keys[1]), COL["name"]).value = table.rows[keys[1]]["name"] + "（一期）"
    expected.add((unit, keys[1], "name", table.rows[keys[1]]["name"] + "（一期）"))
    other = "续建" if table.rows[keys[2]]["nature"] != "续建" else "新开工"
    ws.cell(row_of(ws, keys[2]), COL["nature"]).value = other
    expected.add((unit, keys[2], "nature", other))
    wb.save(by_unit[unit])

    # B: the sheet sorted by name descending, then one figure changed
    unit = edited_units[1]
    wb = openpyxl.load_workbook(by_unit[unit])
    ws = wb[DATA_SHEET]
    rows = data_rows(ws)
    values = [[ws.cell(r, c).value for c in range(1, KEY_COL + 1)] for r in rows]
    values.sort(key=lambda v: v[COL["name"] - 1], reverse=True)
    assert [v[KEY_COL - 1] for v in values] != [ws.cell(r, KEY_COL).value for r in rows]
    for r, row_values in zip(rows, values, strict=True):
        for c, value in enumerate(row_values, start=1):
            ws.cell(r, c).value = value
    key = group_rows(table, "owner")[unit][-1]
    ws.cell(row_of(ws, key), COL["total_investment"]).value = 99.0
    expected.add((unit, key, "total_investment", 99.0))
    wb.save(by_unit[unit])

    # C: a row inserted in the middle for a new project, another row deleted
    unit = edited_units[2]
    wb = openpyxl.load_workbook(by_unit[unit])
    ws = wb[DATA_SHEET]
    keys = group_rows(table, "owner")[unit]
    ws.delete_rows(row_of(ws, keys[3]))
    removed.add((unit, keys[3]))
    ws.insert_rows(FIRST + 2)
    new_row = {
        "name": "新增示范项目（部门补报）",
        "sector": "城市提升",
        "funding": "企业投资",
        "nature": "新开工",
        "total_investment": 8.5,
        "annual_plan": 1.25,
        "district": "渝中区",
    }
    for name, value in new_row.items():
        ws.cell(FIRST + 2, COL[name]).value = value
    added.add((unit, new_row["name"]))
    wb.save(by_unit[unit])

    # D: the money unit changed to 万元 (sheet unprotected) with figures converted, one
    # figure typed as text that is not a number
    unit = edited_units[3]
    wb = openpyxl.load_workbook(by_unit[unit])
    ws = wb[DATA_SHEET]
    ws.protection.sheet = False
    ws.cell(HEADER_ROW + 1, COL["total_investment"]).value = "总投资（万元）"
    for r in data_rows(ws):
        cell = ws.cell(r, COL["total_investment"])
        if cell.value is not None:
            cell.value = round(cell.value * 10000, 4)
    keys = group_rows(table, "owner")[unit]
    ws.cell(row_of(ws, keys[0]), COL["annual_plan"]).value = "约50"
    wb.save(by_unit[unit])

    # E: edited in openpyxl, then re-saved by LibreOffice when it is installed
    unit = edited_units[4]
    wb = openpyxl.load_workbook(by_unit[unit])
    ws = wb[DATA_SHEET]
    keys = group_rows(table, "owner")[unit]
    ws.cell(row_of(ws, keys[0]), COL["note"]).value = "已完成用地审批"
    expected.add((unit, keys[0], "note", "已完成用地审批"))
    wb.save(by_unit[unit])
    if shutil.which("soffice"):
        _soffice_resave(by_unit[unit], tmp_path)

    # two units do not answer; a stray file sits in the folder
    silent = [w.unit for w in big[-2:]]
    for unit in silent:
        by_unit[unit].unlink()
    (back / "报送函.xlsx").write_bytes(b"not a workbook")

    summary = read_returns(back, plan)
    assert sorted(summary.missing) == sorted(silent)
    assert len(summary.unreadable) == 1 and "报送函.xlsx" in summary.unreadable[0]
    assert len(summary.returned) == len(written) - 2
    found: set[tuple[str, str, str, object]] = set()
    found_added: set[tuple[str, str]] = set()
    found_removed: set[tuple[str, str]] = set()
    for item in summary.returned:
        comparison = item.comparison
        for match in comparison.changed:
            assert match.old_key == match.new_key
            for change in match.changes:
                found.add((item.unit, match.old_key, change.field, change.new))
        found_added |= {(item.unit, comparison.new.rows[k]["name"]) for k in comparison.added}
        found_removed |= {(item.unit, k) for k in comparison.removed}
        assert not comparison.suggestions
    assert found == expected
    assert found_added == added
    assert found_removed == removed

    returned = {r.unit: r for r in summary.returned}
    d = returned[edited_units[3]]
    assert d.counts()["changed"] == 0
    assert any("万元" in line for line in d.unit_changes)
    assert any("约50" in p and "G" in p for p in d.problems)
    c = returned[edited_units[2]]
    new_key = c.comparison.added[0]
    assert c.comparison.new.rows[new_key]["owner"] == edited_units[2]
    text = "\n".join(summary.lines())
    assert f"{edited_units[0]}（" in text and "修改 3 行" in text and "未返回：" in text


def test_accepting_a_return_goes_through_the_edit_path(sent, tmp_path):
    plan = load_plan(sample_plan_path())
    folder, written = sent
    item = max(written, key=lambda w: w.rows)
    path = tmp_path / item.path.name
    shutil.copy(item.path, path)
    key = group_rows(plan.tables[TABLE], "owner")[item.unit][0]
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.cell(row_of(ws, key), COL["annual_plan"]).value = 3.25
    wb.save(path)
    result = read_returned(path, plan)
    assert [i.kind for i in result.items()] == [RowKind.CHANGED]
    before = plan.tables[TABLE].rows[key]["annual_plan"]
    inverse = result.accept(plan)
    table = plan.tables[TABLE]
    assert table.rows[key]["annual_plan"] == 3.25
    assert table.provenance_of(key, "annual_plan") == prov.DEPARTMENT
    assert path.name in plan.change_log[-1].reason
    plan.apply(inverse)
    assert table.rows[key]["annual_plan"] == before


def test_not_a_collection_workbook_is_named(plan, tmp_path):
    other = tmp_path / "其他.xlsx"
    openpyxl.Workbook().save(other)
    from workbench.io.errors import FileProblem

    with pytest.raises(FileProblem, match="不是本工作台生成的部门填报表") as info:
        read_returned(other, plan)
    assert "其他.xlsx" in str(info.value)


def test_template_command(tmp_path, capsys):
    out = tmp_path / "按领域"
    code = cli.main(
        [
            "template",
            str(sample_plan_path()),
            "--by",
            "sector",
            "-o",
            str(out),
            "--deadline",
            "2022-01-15",
            "--json",
        ]
    )
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["output"] == str(out)
    plan = load_plan(sample_plan_path())
    sectors = group_rows(plan.tables[TABLE], "sector")
    assert {w["unit"]: w["rows"] for w in payload["workbooks"]} == {
        s: len(k) for s, k in sectors.items()
    }
    assert all(Path(w["path"]).is_file() for w in payload["workbooks"])
    assert cli.main(["template", str(sample_plan_path()), "-o", str(out), "--deadline", "x"]) == 2
    assert cli.main(["returns", str(sample_plan_path()), str(out), "--json"]) == 0
    back = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert back["missing"] == [] and len(back["returned"]) == len(sectors)
    assert all(r["counts"]["changed"] == 0 for r in back["returned"])


def test_next_years_skeleton_goes_out_empty_and_comes_back_filled(plan, tmp_path):
    from workbench.core.rollforward import roll_forward

    rolled = roll_forward(plan).document
    written = write_collection_workbooks(rolled, tmp_path, by="sector")
    item = min(written, key=lambda w: w.rows)
    untouched = read_returned(item.path, rolled)
    assert len(untouched.unfilled) == item.rows  # the new year's figures are still empty
    wb = openpyxl.load_workbook(item.path)
    ws = wb[DATA_SHEET]
    rows = data_rows(ws)
    for n, r in enumerate(rows):
        ws.cell(r, COL["annual_plan"]).value = 1.0 + n
    copied = ws.max_row + 1  # a department copies a row, hidden key and all, for a new project
    for c in range(1, KEY_COL + 1):
        ws.cell(copied, c).value = ws.cell(rows[0], c).value
    ws.cell(copied, COL["name"]).value = "复制行新增项目"
    wb.save(item.path)
    back = read_returned(item.path, rolled)
    assert back.unfilled == []
    assert back.counts() == {"changed": item.rows, "added": 1, "removed": 0, "suggested": 0}
    assert [back.comparison.new.rows[k]["name"] for k in back.comparison.added] == [
        "复制行新增项目"
    ]
    assert any("重复" in p for p in back.problems)
    inverse = back.accept(rolled)
    table = rolled.tables[back.table_id]
    assert sum(1 for _, r in table if r["annual_plan"] is not None) == item.rows + 1
    rolled.apply(inverse)
    assert all(r["annual_plan"] is None for _, r in table)


def test_a_revision_made_after_sending_is_not_undone_by_the_return(sent, tmp_path):
    from workbench.core.edits import CellChange, SetCells

    plan = load_plan(sample_plan_path())
    _, written = sent
    item = max(written, key=lambda w: w.rows)
    path = tmp_path / item.path.name
    shutil.copy(item.path, path)
    first, second = group_rows(plan.tables[TABLE], "owner")[item.unit][:2]
    # the reviewer revises two rows after the workbook went out
    plan.apply(
        SetCells(
            TABLE,
            (CellChange(first, "annual_plan", 7.75), CellChange(second, "note", "审核调整")),
        )
    )
    assert read_returned(path, plan).changes == 0  # an untouched return undoes nothing
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.cell(row_of(ws, first), COL["district"]).value = "两江新区"
    ws.cell(row_of(ws, second), COL["note"]).value = "部门说明"
    wb.save(path)
    back = read_returned(path, plan)
    found = {(m.old_key, c.field, c.old, c.new) for m in back.comparison.changed for c in m.changes}
    district = plan.tables[TABLE].rows[first]["district"]
    assert found == {
        (first, "district", district, "两江新区"),
        (second, "note", "审核调整", "部门说明"),
    }


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) 未安装")
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_a_return_saved_as_ods_or_xls_reads_alike(plan, sent, tmp_path, fmt):
    _, written = sent
    item = max(written, key=lambda w: w.rows)
    path = tmp_path / item.path.name
    shutil.copy(item.path, path)
    key = group_rows(plan.tables[TABLE], "owner")[item.unit][1]
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.cell(row_of(ws, key), COL["completed"]).value = 0.875
    ws.insert_rows(FIRST)
    ws.cell(FIRST, COL["name"]).value = "LibreOffice 新增项目"
    ws.cell(FIRST, COL["annual_plan"]).value = 2
    wb.save(path)
    out = tmp_path / "converted"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    back = read_returned(out / f"{path.stem}.{fmt}", plan)
    assert back.counts() == {"changed": 1, "added": 1, "removed": 0, "suggested": 0}
    (match,) = back.comparison.changed
    assert match.old_key == key
    assert [(c.field, c.new) for c in match.changes] == [("completed", 0.875)]
    (added,) = back.comparison.added
    assert back.comparison.new.rows[added]["name"] == "LibreOffice 新增项目"
    assert back.comparison.new.rows[added]["owner"] == item.unit
    assert back.problems == [] and back.unit_changes == []
