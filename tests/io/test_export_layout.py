"""The standard annex layout as a reviewer prints it (issue 13): grouping with computed sums,
text that fits, labels and punctuation as written, the workbench's own verdicts told apart,
net 修订记录, 审核意见 in Chinese, the clean copy, and the pages LibreOffice renders."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import zipfile

import openpyxl
import pytest

from tests.io import annex_fixtures as fx
from workbench.cli import main
from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.core.table import Table
from workbench.io.native.plan_file import load_plan, save_plan
from workbench.io.opener import open_document
from workbench.io.writing.print_layout import DERIVED_NOTE
from workbench.io.writing.text_fit import text_width
from workbench.io.writing.workbook_writer import write_workbook


def _texts(sheet, column=1):
    return [sheet.cell(r, column).value for r in range(1, sheet.max_row + 1)]


def _row_of(sheet, text, column=1):
    return next(
        r
        for r in range(1, sheet.max_row + 1)
        if str(sheet.cell(r, column).value or "").startswith(text)
    )


def _export(doc, path, **kw):
    write_workbook(doc, path, **kw)
    return openpyxl.load_workbook(path)


def test_project_list_prints_grouped_with_computed_and_stated_sums(tmp_path):
    source = fx.project_list(tmp_path / "项目表.xlsx")
    book = openpyxl.load_workbook(source)
    book["项目表"]["E7"] = 510000  # the department's 科技创新 total: 10 000 万元 too much
    book.save(source)
    doc = open_document(source)
    sheet = _export(doc, tmp_path / "out.xlsx")["项目表"]
    assert sheet["A1"].value == "附件3"  # the department's own label, as written
    unit = sheet["A3"].value
    assert unit.startswith("单位：亿元") and "万元" in unit  # never contradicts 万元 notes
    labels = [t for t in _texts(sheet) if isinstance(t, str)]
    total, first, stated, second = (
        _row_of(sheet, "合计"),
        _row_of(sheet, "一、科技创新"),
        _row_of(sheet, "一、科技创新（部门填报数"),
        _row_of(sheet, "二、城市提升"),
    )
    assert total < first < stated < second  # 合计 on top, where the department had it
    assert sheet.cell(total, 1).value == "合计（3个）"
    assert sheet.cell(first, 1).value == "一、科技创新（2个）"
    assert sheet.cell(first, 6).value == pytest.approx(50.0)  # computed from the rows
    assert sheet.cell(stated, 6).value == pytest.approx(51.0)  # the department's, marked
    assert sheet.cell(stated, 6).fill.fgColor.rgb.endswith("FDE2E1")  # the grid's colour too
    assert sheet.cell(stated, 7).value is None  # its plan figure agrees: not repeated
    assert sheet.cell(total, 6).value == pytest.approx(120.0)
    assert sheet.cell(total, 6).number_format == "#,##0.00" and sheet.cell(total, 6).font.b
    assert any(t.startswith("注：") for t in labels)
    # the printed copy reads back as the same projects: sums are not taken for projects
    clean = tmp_path / "clean.xlsx"
    write_workbook(doc, clean, clean=True)
    again = next(iter(open_document(clean).tables.values()))
    assert [r["name"] for _, r in again] == [r["name"] for _, r in next(iter(doc.tables.values()))]
    headers = [sheet.cell(4, c).value for c in range(1, sheet.max_column + 1)]
    assert "区县" not in headers and "备注" not in headers  # empty on every row: left out


def test_wrapped_text_sets_row_heights_and_widths(tmp_path, sample_doc):
    book = _export(sample_doc, tmp_path / "out.xlsx")
    sheet = book["附件一 2021年指标执行"]
    row = _row_of(sheet, "在“十四五”规划期内统筹考虑", column=6)
    assert sheet.row_dimensions[row].height >= 30  # two lines of 10.5 pt, not one
    single = _row_of(sheet, "地区生产总值增长", column=2)
    assert sheet.row_dimensions[single].height in (None, 15)  # one line: default height
    projects = book["2021年重大项目"]
    district = [projects.cell(4, c).value for c in range(1, 15)].index("区县") + 1
    letter = openpyxl.utils.get_column_letter(district)
    assert projects.column_dimensions[letter].width > 10  # 西部科学城重庆高新区 fits better
    long_row = _row_of(projects, "西部科学城重庆高新区", column=district)
    assert projects.row_dimensions[long_row].height >= 30


def test_labels_punctuation_derived_status_missing_and_decimals(tmp_path):
    source = fx.execution_annex(tmp_path / "附件一.xlsx")
    doc = open_document(source)
    table = next(iter(doc.tables.values()))
    sheet = _export(doc, tmp_path / "out.xlsx")["附件一"]
    assert sheet["A1"].value == "附件（一）"  # full-width, as the department wrote it
    notes = [t for t in _texts(sheet) if isinstance(t, str) and t.startswith("注")]
    assert notes and notes[0].startswith("注：")
    status_col = next(c for c in range(1, 12) if sheet.cell(4, c).value == "完成情况")
    if sheet.cell(3, status_col).value == "完成情况":
        pass
    written = sheet.cell(_row_of(sheet, "地区生产总值增长", 2), status_col)
    assert written.value == "完成" and not written.font.i  # the department's word
    derived_key = table.find("name", "一般公共预算收入增长")[0]
    assert not table.value(derived_key, "status")  # left blank by the department
    derived = sheet.cell(_row_of(sheet, "一般公共预算收入增长", 2), status_col)
    assert derived.value and derived.font.i and derived.font.color.rgb.endswith("7F7F7F")
    assert DERIVED_NOTE in _texts(sheet)
    actual_col = next(c for c in range(1, 12) if sheet.cell(4, c).value == "执行情况")
    assert sheet.cell(_row_of(sheet, "森林覆盖率", 2), actual_col).value == "—"
    jobless = sheet.cell(_row_of(sheet, "城镇调查失业率", 2), actual_col)
    assert jobless.value == 5.0 and jobless.number_format == "0.0"  # 5.0, not 5


def test_sub_items_and_overlong_notes(tmp_path):
    source = fx.execution_annex(tmp_path / "附件一.xlsx")
    doc = open_document(source)
    table = next(iter(doc.tables.values()))
    key = table.find("name", "森林覆盖率")[0]
    doc.apply(SetCells(table.id, (CellChange(key, "note", "长" * 40000),)))
    sheet = _export(doc, tmp_path / "out.xlsx")["附件一"]
    sub = _row_of(sheet, "税收收入增长", 2)  # 其中：… in the source: no 序号 of its own
    parent = _row_of(sheet, "一般公共预算收入增长", 2)
    assert sheet.cell(sub, 1).value is None
    assert sheet.cell(sub, 2).alignment.indent == sheet.cell(parent, 2).alignment.indent + 2
    assert [sheet.cell(r, 1).value for r in range(sub - 2, sub + 2) if r != sub] == [1, 2, 3]
    note_col = next(c for c in range(1, 12) if sheet.cell(3, c).value == "备注")
    note = sheet.cell(_row_of(sheet, "森林覆盖率", 2), note_col).value
    assert len(note) == 32767 and note.endswith("全文保存在工作台文档中）")


def test_labels_titles_and_notes_print_exactly_as_the_department_wrote_them(tmp_path, sample_doc):
    """Whatever punctuation a department used, full-width or not, goes out unchanged."""
    table = sample_doc.table("indicators_2021")
    table.meta.annex_label = "附件(一)"
    table.title = "2021年主要指标执行情况(预计)"
    table.notes = ["注:1.“执行情况”为预计数, 单位见各行。"]
    sheet = _export(sample_doc, tmp_path / "out.xlsx").worksheets[0]
    texts = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert {
        "附件(一)",
        "2021年主要指标执行情况(预计)",
        "注:1.“执行情况”为预计数, 单位见各行。",
    } <= texts


def test_change_log_lists_net_changes_with_rows_named(tmp_path, sample_doc):
    from workbench.core.history import EditHistory

    doc = sample_doc
    history = EditHistory(doc)
    projects = doc.table("projects_2021")
    first, second = projects.keys[:2]
    history.do(SetCells(projects.id, (CellChange(first, "completed", 50.0),)), reason="部门更正")
    history.undo()  # an edit and its undo: no change
    history.do(SetCells(projects.id, (CellChange(second, "completed", 7.0),)), reason="核实")
    history.undo()
    history.redo()  # "原因：重做" is not a reason: the edit's own is
    indicators = doc.table("indicators_2021")
    verdict = indicators.keys[0]
    printed = indicators.value(verdict, "status")
    history.do(SetCells(indicators.id, (CellChange(verdict, "status_override", "基本完成"),)))
    log = _export(doc, tmp_path / "out.xlsx")["修订记录"]
    rows = [[c.value for c in row] for row in log.iter_rows(min_row=3)]
    assert len(rows) == 2
    name = projects.value(second, "name")
    assert rows[0][2] == f"2. {name}" and rows[0][3] == "完成投资" and rows[0][9] == "核实"
    assert not any("r" + str(i) == rows[0][2] for i in range(5))
    assert rows[1][5] == printed and rows[1][6] == "基本完成"  # what was printed before
    assert "年" in rows[0][8] and "月" in rows[0][8] and "T" not in rows[0][8]
    assert log.print_title_rows == "$2:$2" and "&P" in log.oddFooter.center.text
    assert log.cell(3, 2).alignment.wrap_text


def _many_findings_doc(n: int = 40) -> PlanDocument:
    table = Table(id="p", kind="projects", title="2021年重大项目", sheet_name="项目")
    for i in range(n):
        table.append(
            {"name": f"项目{i}", "annual_plan": 10.0, "completed": 9.0, "completion_rate": 120.0}
        )
    table.subtotals.append({"label": "合计", "annual_plan": 500.0, "row": 5})
    doc = PlanDocument(title="测试")
    doc.add_table(table)
    doc.apply(SetReview("p", table.keys[3], "退回", "请补充可研批复文号"), user="李审核")
    return doc


def test_findings_speak_chinese_group_systematic_rules_and_keep_reviewer_words(tmp_path):
    sheet = _export(_many_findings_doc(), tmp_path / "out.xlsx")["审核意见"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == 3  # the reviewer's comment, 40 rates as one line, the 合计
    reviewer, rates, total = rows
    assert reviewer[1] == "审核" and reviewer[4] == "4. 项目3" and "可研批复" in reviewer[6]
    assert "同类问题 40 条" in rates[6] and rates[4].startswith("共 40 行")
    assert rates[5] == "完成率"
    assert total[4] == "原表第 5 行" and "年度计划投资" in total[6]
    assert not any("annual_plan" in str(v) for row in rows for v in row)


def test_clean_copy_has_no_fills_comments_or_review_sheets(tmp_path, capsys):
    source = fx.project_list(tmp_path / "项目表.xlsx")
    out = tmp_path / "打印稿.xlsx"
    assert main(["export", str(source), "-o", str(out), "--clean", "--json"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["项目表"]
    sheet = book["项目表"]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.comment is None
            assert cell.fill.fill_type in (None, "none")
    assert "图例" not in _texts(sheet)
    with zipfile.ZipFile(out) as z:
        assert not any("comments" in n for n in z.namelist())


def test_marked_copy_prints_a_legend(tmp_path, sample_doc):
    table = sample_doc.table("projects_2021")
    sample_doc.apply(SetCells(table.id, (CellChange(table.keys[0], "completed", 50.0),)))
    sheet = _export(sample_doc, tmp_path / "out.xlsx")["2021年重大项目"]
    row = _row_of(sheet, "图例")
    assert sheet.cell(row, 2).value.startswith("已修改")
    assert sheet.cell(row, 2).fill.fgColor.rgb.endswith("FFF2CC")


def test_unrecognised_sheets_are_carried_over(tmp_path):
    source = fx.project_list(tmp_path / "项目表.xlsx")
    book = openpyxl.load_workbook(source)
    notes = book.create_sheet("说明")
    notes["A1"] = "填报说明"
    notes["A2"] = "1.金额单位为万元；2.完成率保留一位小数。"
    notes.merge_cells("A1:D1")
    book.save(source)
    out = tmp_path / "out.xlsx"
    assert main(["export", str(source), "-o", str(out)]) == 0
    copied = openpyxl.load_workbook(out)["说明"]
    assert copied["A1"].value == "填报说明" and copied["A2"].value.startswith("1.金额单位")
    assert "A1:D1" in {str(r) for r in copied.merged_cells.ranges}


def test_creation_date_survives_a_save(tmp_path, sample_doc):
    sample_doc.properties.created = "2022-01-05T09:30:00"
    first = tmp_path / "a.xlsx"
    save_plan(sample_doc, first)
    again = load_plan(first)
    second = tmp_path / "b.xlsx"
    save_plan(again, second)
    for path in (first, second):
        created = openpyxl.load_workbook(path).properties.created
        assert (created.year, created.month, created.day, created.hour) == (2022, 1, 5, 9)


def test_numbers_resaved_with_15_digits_are_not_external_edits(tmp_path, sample_doc):
    path = tmp_path / "plan.xlsx"
    table = sample_doc.table("projects_2021")
    sample_doc.apply(  # a figure with 17 significant digits, as arithmetic leaves them
        SetCells(table.id, (CellChange(table.keys[0], "completed", 0.1 + 0.2 + 54.0),))
    )
    save_plan(sample_doc, path)
    book = openpyxl.load_workbook(path)
    resaved = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float):
                    cell.value = float(f"{cell.value:.15g}")  # what Excel/LibreOffice store
                    resaved += 1
    book.save(path)
    assert resaved > 1000
    doc = load_plan(path)
    assert [e for e in doc.change_log if e.user == "外部修改"] == []


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed",
)
def test_pages_render_through_libreoffice(tmp_path):
    source = fx.project_list(tmp_path / "项目表.xlsx")
    doc = open_document(source)
    table = next(iter(doc.tables.values()))
    doc.apply(SetCells(table.id, (CellChange(table.keys[0], "completed", 3.7),)), user="李审核")
    out = tmp_path / "annex.xlsx"
    write_workbook(doc, out)
    started = time.monotonic()
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    assert time.monotonic() - started < 240
    pdf = tmp_path / "annex.pdf"
    pages = []
    n = 1
    while True:
        result = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not result.stdout.strip():
            break
        pages.append(result.stdout)
        n += 1
    assert len(pages) == 3  # 项目表, 修订记录, 审核意见: one page each
    annex, log, findings = pages
    assert "附件3" in annex and "合计（3个）" in annex and "一、科技创新（2个）" in annex
    first_page = re.compile(r"第\s*1\s*页")
    assert first_page.search(annex) and "图例" in annex
    assert "修订记录" in log and first_page.search(log) and "1. 西部科学城科学中心项目" in log
    assert "审核意见" in findings and first_page.search(findings)


def test_an_indicator_keeps_its_decimals_across_annexes(tmp_path, sample_doc):
    book = _export(sample_doc, tmp_path / "out.xlsx")
    execution, plan = book["附件一 2021年指标执行"], book["附件二 2022年指标计划"]
    row = _row_of(execution, "服务业增加值增长", 2)
    assert execution.cell(row, 7).value == 9 and execution.cell(row, 7).number_format == "0.0"
    row = _row_of(plan, "服务业增加值增长", 2)
    assert plan.cell(row, 5).value == 9 and plan.cell(row, 5).number_format == "0.0"
    row = _row_of(plan, "高新技术企业数量", 2)
    assert plan.cell(row, 5).number_format == "General"  # 5108 firms: a count


def test_a_name_a_little_too_long_widens_its_column_instead_of_doubling_its_row(
    tmp_path, sample_doc_factory
):
    """附件一's longest name (全社会研发经费支出占地区生产总值比重, 18 characters) in a
    column of 17: the column takes it on one line; a name far longer still wraps."""
    doc = sample_doc_factory()
    table = doc.table("indicators_2021")
    (key,) = table.find("name", "服务业增加值增长")
    long_name = "服务业增加值增长（含批发零售、住宿餐饮、交通运输、金融、房地产等行业合计口径）"
    doc.apply(SetCells(table.id, (CellChange(key, "name", long_name),)))
    book = _export(doc, tmp_path / "out.xlsx")
    sheet = book["附件一 2021年指标执行"]
    name_col = openpyxl.utils.get_column_letter(2)
    longest = text_width("全社会研发经费支出占地区生产总值比重")
    # the long name wraps whatever the width: the column keeps its share of the page
    assert sheet.row_dimensions[_row_of(sheet, long_name[:8], 2)].height >= 30
    fresh = _export(sample_doc_factory(), tmp_path / "fresh.xlsx")["附件一 2021年指标执行"]
    assert fresh.column_dimensions[name_col].width >= longest + 2
    row = _row_of(fresh, "全社会研发经费支出占地区生产总值比重", 2)
    assert fresh.row_dimensions[row].height in (None, 15)


def test_ruled_cells_keep_their_text_off_the_rules(tmp_path, sample_doc):
    """完成率 (right-aligned) beside 责任单位 (left): each keeps a pad from the rule between
    them, so "117.6" and "铜梁区人民政府" never read as one string."""
    book = _export(sample_doc, tmp_path / "out.xlsx")
    projects = book["2021年重大项目"]
    headers = [projects.cell(4, c).value for c in range(1, 15)]
    rate = next(c for c, h in enumerate(headers, 1) if h and str(h).startswith("完成率"))
    owner = next(c for c, h in enumerate(headers, 1) if h and str(h).startswith("责任单位"))
    row = next(r for r in range(6, 40) if isinstance(projects.cell(r, rate).value, float))
    assert projects.cell(row, rate).alignment.horizontal == "right"
    assert projects.cell(row, rate).alignment.indent >= 1
    assert projects.cell(row, owner).alignment.horizontal == "left"
    assert projects.cell(row, owner).alignment.indent >= 1
