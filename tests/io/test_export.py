"""Reviewed annex workbooks: print layout, review marks, change log, Excel edits, write-back."""

import json

import openpyxl
import pytest

from tests.io import annex_fixtures as fx
from workbench.cli import main
from workbench.core.edits import CellChange, InsertRows, RowData, SetCells, SetReview
from workbench.io.errors import FileProblem
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import open_document
from workbench.io.writing.workbook_writer import write_workbook
from workbench.io.writing.write_back import write_back


@pytest.fixture
def reviewed(sample_doc):
    doc = sample_doc
    table = doc.table("projects_2022")
    key = table.keys[0]
    doc.apply(
        SetCells("projects_2022", (CellChange(key, "annual_plan", 12.34),)),
        user="李审核",
        reason="部门更正",
    )
    doc.apply(
        SetReview("projects_2022", table.keys[1], "存疑", "总投资与可研批复不一致"), user="李审核"
    )
    new = table.allocate_key()
    doc.apply(
        InsertRows(
            "projects_2022",
            ((2, RowData(new, {"name": "=新增项目", "sector": "城市提升", "annual_plan": 1.0})),),
        )
    )
    indicators = doc.table("indicators_2021")
    doc.apply(
        SetCells("indicators_2021", (CellChange(indicators.keys[0], "actual", 8.4),)), user="李审核"
    )
    return doc


def _row_of(sheet, name, column=2):
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value == name)


def test_print_layout(tmp_path, reviewed):
    path = tmp_path / "附件.xlsx"
    write_workbook(reviewed, path)
    book = openpyxl.load_workbook(path)
    sheet = book["附件一 2021年指标执行"]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"
    assert (
        sheet.sheet_properties.pageSetUpPr.fitToPage
        and sheet.page_setup.fitToWidth in (None, 1)
        and sheet.page_setup.fitToHeight == 0
    )
    assert sheet.print_title_rows == "$3:$4"  # both header rows repeat on every page
    assert "第 &P 页" in sheet.oddFooter.center.text
    # each sheet counts its own pages from 1 (firstPageNumber defaults to 1)
    assert sheet.page_setup.useFirstPageNumber and sheet.page_setup.firstPageNumber in (None, 1)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A2:H2" in merged  # the title, over the columns that have values (备注 is empty)
    assert "F3:H3" in merged  # "2021年" over 目标 / 执行情况 / 完成情况
    assert "B3:B4" in merged  # 指标名称 spans both header rows
    assert (
        sheet["A1"].value == "附件（一）"
        and sheet["E3"].value == "2020年"
        and sheet["E4"].value == "实际"
    )
    assert sheet["F3"].value == "2021年" and sheet["F4"].value == "目标"
    assert sheet["A5"].value == "一、经济发展"  # category row
    projects = book["2022年重大项目"]
    assert projects["A1"].value == "附件（四）"  # every data sheet carries a label
    assert projects["A3"].value == "单位：亿元"
    assert projects["A6"].value.startswith("一、") and projects["A6"].font.b  # sector row
    first = projects["F7"]  # first project: total investment
    assert first.number_format == "#,##0.00" and isinstance(first.value, float)
    assert projects["B7"].font.name == "宋体" and projects["G5"].font.name == "黑体"
    done = book["2021年重大项目"]
    assert done["I7"].number_format == "0.0"


def test_review_marks_change_log_and_findings(tmp_path, reviewed):
    path = tmp_path / "附件.xlsx"
    write_workbook(reviewed, path)
    book = openpyxl.load_workbook(path)
    projects = book["2022年重大项目"]
    table = reviewed.table("projects_2022")
    row = _row_of(projects, table.value(table.keys[0], "name"))
    changed = projects.cell(row, 7)  # annual plan of the first project
    assert changed.value == 12.34
    assert changed.fill.fgColor.rgb.endswith("FFF2CC")
    assert (
        "原值：" in changed.comment.text
        and "李审核" in changed.comment.text
        and "部门更正" in changed.comment.text
    )
    doubtful = projects.cell(_row_of(projects, table.value(table.keys[1], "name")), 2)
    assert (
        doubtful.fill.fgColor.rgb.endswith("DDEBF7")
        and "总投资与可研批复不一致" in doubtful.comment.text
    )
    added = projects.cell(_row_of(projects, "=新增项目"), 2)
    assert added.data_type == "s"  # formula-looking text stays text
    log = book["修订记录"]
    assert log["A1"].value.endswith("修订记录")
    actions = {log.cell(r, 5).value for r in range(3, log.max_row + 1)}
    assert {"修改", "审核状态", "批注", "插入行"} <= actions
    findings = book["审核意见"]
    texts = [findings.cell(r, 7).value for r in range(3, findings.max_row + 1)]
    assert any("115.8%" in t for t in texts)
    assert any("总投资与可研批复不一致" in t for t in texts)  # the reviewer's own words


def test_reopening_restores_the_full_review_state(tmp_path, reviewed):
    path = tmp_path / "附件.xlsx"
    write_workbook(reviewed, path)
    again = load_plan(path)
    from workbench.io.native.plan_json import document_to_data

    assert document_to_data(again) == document_to_data(reviewed)
    assert again.notices == []  # nothing was changed outside the workbench


def test_edits_made_in_excel_come_back_as_changes(tmp_path, sample_doc):
    path = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, path)
    book = openpyxl.load_workbook(path)
    sheet = book["2021年重大项目"]
    original = sheet["H7"].value
    sheet["H7"] = 99.5  # completed investment of the first project (row 6: its sector)
    sheet["B8"] = "改名后的项目"
    book["附件一 2021年指标执行"]["H6"] = "基本完成"  # the reviewer's verdict, typed in Excel
    book.save(path)
    doc = load_plan(path)
    table = doc.table("projects_2021")
    assert table.value(table.keys[0], "completed") == 99.5
    assert table.value(table.keys[1], "name") == "改名后的项目"
    assert (
        doc.table("indicators_2021").value(doc.table("indicators_2021").keys[0], "status_override")
        == "基本完成"
    )
    external = [e for e in doc.change_log if e.user == "外部修改"]
    assert {(e.column, e.old) for e in external} >= {("completed", original)}
    assert doc.notices and "3 处" in doc.notices[0]


def test_rows_inserted_in_excel_are_reported_not_misread(tmp_path, sample_doc):
    path = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, path)
    book = openpyxl.load_workbook(path)
    book["2021年重大项目"].insert_rows(5, amount=1)
    book.save(path)
    doc = load_plan(path)
    assert any("插入或删除了行" in n for n in doc.notices)
    assert not [e for e in doc.change_log if e.user == "外部修改"]


def test_write_back_changes_only_corrected_cells(tmp_path):
    original = fx.project_list(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    table = next(iter(doc.tables.values()))
    rail = table.find("name", "轨道交通线项目")[0]
    doc.apply(SetCells(table.id, (CellChange(rail, "completed", 11.5),)), user="李审核")
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.written == 1 and report.skipped == []
    assert report.sheets == ["项目表", "修订记录"]
    before = openpyxl.load_workbook(original)["项目表"]
    after_book = openpyxl.load_workbook(out)
    after = after_book["项目表"]
    assert after["G11"].value == 115000  # back in the sheet's own unit, 万元
    assert after["G11"].comment is None  # only the value changes; 修订记录 keeps the original
    assert {str(r) for r in after.merged_cells.ranges} == {
        str(r) for r in before.merged_cells.ranges
    }
    for row in range(1, before.max_row + 1):
        for col in range(1, before.max_column + 1):
            if (row, col) != (11, 7):
                assert after.cell(row, col).value == before.cell(row, col).value
    log = after_book["修订记录"]
    assert (
        log["C3"].value == "G11" and log["F3"].value == "113,700" and log["G3"].value == "115,000"
    )
    with pytest.raises(FileProblem, match="覆盖"):
        write_back(doc, original, original)


def test_cli_export_and_check(tmp_path, capsys, sample_doc_factory):
    from workbench.io.opener import sample_plan_path

    out = tmp_path / "附件.xlsx"
    assert main(["export", str(sample_plan_path()), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["output"] == str(out) and "修订记录" in data["sheets"] and "审核意见" in data["sheets"]
    )
    assert main(["export", str(out), "-o", str(out)]) == 1
    assert "覆盖" in capsys.readouterr().err
    assert main(["check", str(out), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["rule"] for f in findings} == {"summary"}
    assert all(f["table_title"] and f["file"] == str(out) for f in findings)


def test_check_finds_rate_and_total_errors(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["项目名称", "总投资（亿元）", "年度计划投资（亿元）", "完成投资（亿元）", "完成率"],
        ["合计", 30, 12, 15, None],
        ["甲项目", 10, 5, 6, "150%"],
        ["乙项目", 20, 7, 25, None],
    ]:
        sheet.append(row)
    path = tmp_path / "有错.xlsx"
    book.save(path)
    assert main(["check", str(path), "--json"]) == 0
    rules = sorted(f["rule"] for f in json.loads(capsys.readouterr().out)["findings"])
    assert rules == ["completed_exceeds_total", "completion_rate", "subtotal"]


def test_fonts_are_configurable(tmp_path, capsys):
    from workbench.io.opener import sample_plan_path

    out = tmp_path / "字体.xlsx"
    assert (
        main(
            [
                "export",
                str(sample_plan_path()),
                "-o",
                str(out),
                "--title-font",
                "方正小标宋简体",
                "--body-font",
                "仿宋_GB2312",
            ]
        )
        == 0
    )
    sheet = openpyxl.load_workbook(out)["附件一 2021年指标执行"]
    assert sheet["A2"].font.name == "方正小标宋简体" and sheet["B6"].font.name == "仿宋_GB2312"
