"""A native plan file edited in Excel (openpyxl) or re-saved by LibreOffice: what is on the
visible sheet is what is opened and compared, rows added and deleted included (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from tests.io.external_edit_files import (
    ADDED,
    CHANGED,
    DELETED,
    RENAMED,
    SHEET,
    edit_in_openpyxl,
    native_plan,
)
from workbench.cli import main
from workbench.io.native.external_edits import EXTERNAL_USER
from workbench.io.native.plan_file import load_plan

LIBREOFFICE_COPY = (
    Path(__file__).parent / "data" / "external_edits" / "部门修改_LibreOffice另存.xlsx"
)


def assert_exactly_the_edits(payload: dict) -> None:
    changed = {
        (c["old_name"], c["field"]): (c["old"], c["new"])
        for c in payload["changed"]
        if c["field"] != "name"
    }
    assert changed == CHANGED
    renamed = [(m["old"], m["new"]) for m in payload["matched"] if m["old"] != m["new"]]
    assert renamed == [RENAMED]
    assert [r["name"] for r in payload["added"]] == [ADDED[0]]
    assert [r["name"] for r in payload["removed"]] == [DELETED]
    assert payload["suggested"] == []


def diff_json(capsys, old: Path, new: Path) -> dict:
    assert main(["diff", str(old), str(new), "--sheet", SHEET, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_structural_edits_in_openpyxl_become_external_edits(tmp_path):
    edited = edit_in_openpyxl(native_plan(tmp_path / "计划.xlsx"), tmp_path / "部门修改.xlsx")
    doc = load_plan(edited)
    table = next(iter(doc.tables.values()))
    names = [table.value(k, "name") for k in table.keys]
    assert DELETED not in names and RENAMED[1] in names and RENAMED[0] not in names
    assert names[-1] == ADDED[0]
    new = table.find("name", ADDED[0])[0]
    assert table.value(new, "total_investment") == ADDED[4]
    assert any("删除了 1 行、新增了 1 行" in n and SHEET in n for n in doc.notices)
    assert {e.user for e in doc.change_log} == {EXTERNAL_USER}


def test_structural_edits_in_openpyxl_diff_to_exactly_those_edits(tmp_path, capsys):
    plan = native_plan(tmp_path / "计划.xlsx")
    edited = edit_in_openpyxl(plan, tmp_path / "部门修改.xlsx")
    payload = diff_json(capsys, plan, edited)
    assert_exactly_the_edits(payload)
    assert any("删除了 1 行、新增了 1 行" in n for n in payload["new_file"]["notices"])


def test_a_libreoffice_resave_diffs_to_exactly_the_edits(tmp_path, capsys):
    """The committed copy: the openpyxl edits, then opened and saved by LibreOffice Calc 7.4
    (`python -m tests.io.external_edit_files tests/io/data/external_edits`)."""
    plan = native_plan(tmp_path / "计划.xlsx")
    assert_exactly_the_edits(diff_json(capsys, plan, LIBREOFFICE_COPY))


def test_an_unedited_file_reports_nothing(tmp_path, capsys):
    plan = native_plan(tmp_path / "计划.xlsx")
    assert load_plan(plan).notices == []
    payload = diff_json(capsys, plan, plan)
    assert (payload["changed"], payload["added"], payload["removed"]) == ([], [], [])


def test_a_sorted_sheet_is_paired_by_name_not_by_position(tmp_path):
    plan = native_plan(tmp_path / "计划.xlsx")
    book = openpyxl.load_workbook(plan)
    sheet = book[SHEET]
    rows = [r for r in range(1, sheet.max_row + 1) if isinstance(sheet.cell(r, 1).value, int)]
    first, last = rows[0], rows[-1]
    a = [sheet.cell(first, c).value for c in range(1, 10)]
    b = [sheet.cell(last, c).value for c in range(1, 10)]
    for c in range(1, 10):  # swap the first and the last project, as a sort would
        sheet.cell(first, c).value, sheet.cell(last, c).value = b[c - 1], a[c - 1]
    book.save(plan)
    doc = load_plan(plan)
    assert not [e for e in doc.change_log if e.user == EXTERNAL_USER]
    assert any("按名称逐行核对" in n for n in doc.notices)
