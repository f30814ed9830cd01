"""Write-back patches the corrected cells inside the department's own package and nothing else.

The department's workbook here is built with XlsxWriter the way such annexes are made:
formulas for the 小计/合计 rows (with cached values, as Excel saves them), number formats,
borders and fills, a data validation, a conditional format and a chart. After write-back every
zip part except the patched sheet, the workbook (new sheet, recalculation flag), its rels, the
content types and the styles (two styles appended) is identical, and every cell of every
original sheet is identical except the corrected one and the totals that depend on it.
"""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
import xlsxwriter

from workbench.core.edits import CellChange, SetCells
from workbench.io.opener import open_document
from workbench.io.writing.write_back import write_back

# 万元, as departments report; a 小计 row per sector and a 合计 row, all formulas.
PROJECTS = [
    (
        "科技创新",
        [
            ("西部科学城科学中心项目", "政府投资", 300000, 30000, 36000),
            ("中试熟化平台项目", "企业投资", 200000, 20000, 24000),
        ],
    ),
    (
        "城市提升",
        [
            ("轨道交通线项目", "政府投资", 700000, 100000, 113700),
            ("城市更新示范项目", "政府投资", 52000, 5700, 5700),
        ],
    ),
]


def department_workbook(path, *, static_subtotals: bool = False, ratio_total: bool = False):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("项目表")
    other = book.add_worksheet("说明")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True})
    text = book.add_format({"border": 1})
    money = book.add_format({"border": 1, "num_format": "#,##0"})
    bold_money = book.add_format({"border": 1, "num_format": "#,##0", "bold": True})
    sheet.merge_range("A1:G1", "2021年市级重大建设项目完成情况表", title)
    sheet.write("G2", "单位：万元")
    for c, label in enumerate(
        ["序号", "项目名称", "投资来源", "总投资", "年度计划投资", "完成投资", "完成率"]
    ):
        sheet.write_string(2, c, label, head)
    row = 3
    total_rows = []
    seq = 0
    grand = [0.0, 0.0, 0.0]
    for n, (sector, projects) in enumerate(PROJECTS, start=1):
        sub_row = row
        sheet.write_string(row, 0, f"{'一二'[n - 1]}、{sector}（{len(projects)}个）", text)
        first, last = row + 2, row + 1 + len(projects)
        sums = [sum(p[k] for p in projects) for k in (2, 3, 4)]
        for k, col in enumerate("DEF"):
            if static_subtotals:
                sheet.write_number(row, 3 + k, sums[k], bold_money)
            else:
                sheet.write_formula(
                    row, 3 + k, f"=SUM({col}{first}:{col}{last})", bold_money, sums[k]
                )
            grand[k] += sums[k]
        total_rows.append(sub_row + 1)
        row += 1
        for name, funding, total, plan, done in projects:
            seq += 1
            sheet.write_number(row, 0, seq, text)
            sheet.write_string(row, 1, name, text)
            sheet.write_string(row, 2, funding, text)
            sheet.write_number(row, 3, total, money)
            sheet.write_number(row, 4, plan, money)
            sheet.write_number(row, 5, done, money)
            sheet.write_formula(
                row,
                6,
                f"=F{row + 1}/E{row + 1}",
                book.add_format({"num_format": "0.0%", "border": 1}),
                done / plan,
            )
            row += 1
    sheet.write_string(row, 1, "合计", text)
    for k, col in enumerate("DEF"):
        refs = ",".join(f"{col}{r}" for r in total_rows)
        sheet.write_formula(row, 3 + k, f"=SUM({refs})", bold_money, grand[k])
    if ratio_total:
        sheet.write_formula(row, 6, f"=ROUND(F{row + 1}/E{row + 1},3)", text, grand[2] / grand[1])
    total_row = row + 1
    sheet.write_string(row + 1, 0, "注：完成率=完成投资/年度计划投资。")
    sheet.data_validation("C5:C20", {"validate": "list", "source": ["政府投资", "企业投资"]})
    sheet.conditional_format(
        "G4:G20",
        {
            "type": "cell",
            "criteria": ">",
            "value": 1.1,
            "format": book.add_format({"font_color": "#C00000"}),
        },
    )
    chart = book.add_chart({"type": "column"})
    chart.add_series(
        {"name": "完成投资", "categories": "=项目表!$B$5:$B$6", "values": "=项目表!$F$5:$F$6"}
    )
    sheet.insert_chart("I3", chart)
    sheet.set_column("B:B", 30)
    other.write("A1", "说明：本表由市发展改革委汇总。")
    other.write_formula("A2", "=项目表!F12", None, grand[2])
    book.close()
    return path, total_row


def _parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _cells(path):
    book = openpyxl.load_workbook(path)
    out = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None or cell.has_style:
                    out[(sheet.title, cell.coordinate)] = (
                        cell.value,
                        _style(cell),
                        cell.number_format,
                    )
    return out


def _style(cell):
    return (
        cell.font.b,
        cell.font.sz,
        cell.fill.fgColor.rgb,
        cell.border.left.style,
        cell.alignment.wrap_text,
        cell.alignment.horizontal,
    )


def _cached(path):
    book = openpyxl.load_workbook(path, data_only=True)
    return {
        (s.title, c.coordinate): c.value
        for s in book.worksheets
        for r in s.iter_rows()
        for c in r
        if c.value is not None
    }


def _correct(doc, name, column, value):
    table = next(iter(doc.tables.values()))
    key = table.find("name", name)[0]
    doc.apply(
        SetCells(table.id, (CellChange(key, column, value),)), user="李审核", reason="部门更正"
    )
    return table, key


def test_only_the_corrected_cell_and_its_totals_change(tmp_path):
    original, total_row = department_workbook(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    table, key = _correct(doc, "轨道交通线项目", "completed", 11.5)  # 亿元 → 115000 万元
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.written == 1 and report.skipped == []
    assert report.sheets == ["项目表", "修订记录"]

    before, after = _parts(original), _parts(out)
    changed = {n for n in after if before.get(n) != after[n]}
    assert changed == {
        "xl/worksheets/sheet1.xml",  # the corrected sheet
        "xl/workbook.xml",  # the 修订记录 sheet registered, recalculation asked for
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",  # two styles appended for 修订记录; existing ones untouched
        "xl/worksheets/sheet3.xml",  # the new 修订记录 sheet
    }
    assert b"fullCalcOnLoad" in after["xl/workbook.xml"]  # 说明!A2 refers to the corrected sheet
    styles_before = before["xl/styles.xml"].decode()
    styles_after = after["xl/styles.xml"].decode()
    cell_xfs = styles_before[styles_before.index("<cellXfs") : styles_before.index("</cellXfs>")]
    assert cell_xfs.split(">", 1)[1] in styles_after  # every existing style kept in place

    cells_before, cells_after = _cells(original), _cells(out)
    rail = f"F{table.row_source[key]}"
    differing = {k for k in cells_before if cells_after.get(k) != cells_before[k]}
    assert differing == {("项目表", rail)}
    assert cells_after[("项目表", rail)] == (115000, cells_before[("项目表", rail)][1], "#,##0")
    # Cached values: the sector subtotal and the total are recomputed, nothing else moved.
    cached_before, cached_after = _cached(original), _cached(out)
    moved = {k for k in cached_before if cached_after.get(k) != cached_before[k]}
    assert moved == {
        ("项目表", rail),
        ("项目表", "F7"),
        ("项目表", f"F{total_row}"),
        ("项目表", "G8"),
    }
    assert (
        cached_after[("项目表", "F7")] == 120700
        and cached_after[("项目表", f"F{total_row}")] == 180700
    )
    assert cached_after[("项目表", "G8")] == pytest.approx(1.15)
    assert all(cached_after[k] is not None for k in cached_before)  # no formula lost its value
    log = openpyxl.load_workbook(out)["修订记录"]
    lines = [[c.value for c in row] for row in log.iter_rows(min_row=3)]
    assert lines[0][1:7] == ["项目表", rail, "3. 轨道交通线项目", "完成投资", "113,700", "115,000"]
    assert "年" in lines[0][8] and lines[0][9] == "部门更正"
    recomputed = {line[2]: line for line in lines[1:]}
    assert {"F7", f"F{total_row}", "G8", "A2"} <= set(recomputed)
    assert "打开时重算" in recomputed["A2"] and "已重算" in recomputed["F7"][9]
    assert sorted(report.recomputed) == sorted(["项目表!F7", f"项目表!F{total_row}", "项目表!G8"])
    assert report.recalculate == ["说明!A2"]
    again = next(iter(open_document(out).tables.values()))  # re-importing finds the totals
    stated = {r["label"]: r.get("completed") for r in again.subtotals}
    assert stated["合计"] == pytest.approx(18.07) and len(stated) == 3


def test_float_noise_is_rounded_to_the_source_precision(tmp_path):
    original, _ = department_workbook(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    _correct(doc, "城市更新示范项目", "annual_plan", 0.57)  # 0.57 × 10000 = 5699.999999999999
    _correct(doc, "中试熟化平台项目", "annual_plan", 0.07 * 1.0 + 1.93)  # 2.0000000000000004
    out = tmp_path / "写回.xlsx"
    write_back(doc, original, out)
    xml = _parts(out)["xl/worksheets/sheet1.xml"].decode()
    assert "5699.99" not in xml and "20000.000" not in xml
    sheet = openpyxl.load_workbook(out)["项目表"]
    values = {sheet.cell(r, 2).value: sheet.cell(r, 5).value for r in range(4, 12)}
    assert values["城市更新示范项目"] == 5700 and values["中试熟化平台项目"] == 20000


def test_static_subtotals_that_no_longer_add_up_are_flagged(tmp_path):
    original, _ = department_workbook(tmp_path / "部门原表.xlsx", static_subtotals=True)
    doc = open_document(original)
    _correct(doc, "轨道交通线项目", "completed", 11.5)
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.subtotals == ["项目表!F7"]
    log = openpyxl.load_workbook(out)["修订记录"]
    texts = [" ".join(str(c.value or "") for c in row) for row in log.iter_rows(min_row=3)]
    flagged = [t for t in texts if "F7" in t]
    assert flagged and "更正前相符" in flagged[0] and "120,700" in flagged[0]
    assert (
        openpyxl.load_workbook(out)["项目表"]["F7"].value == 119400
    )  # the department's figure stays


def test_a_formula_that_is_not_a_plain_sum_is_recalculated_on_open(tmp_path):
    original, total_row = department_workbook(tmp_path / "部门原表.xlsx", ratio_total=True)
    doc = open_document(original)
    _correct(doc, "轨道交通线项目", "completed", 11.5)
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert f"项目表!G{total_row}" in report.recalculate
    assert b'fullCalcOnLoad="1"' in _parts(out)["xl/workbook.xml"]


def test_a_corrected_formula_cell_is_left_alone(tmp_path):
    original, total_row = department_workbook(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    table = next(iter(doc.tables.values()))
    total = next(r for r in table.subtotals if r["label"].startswith("一"))
    assert total["row"] == 4
    _correct(doc, "轨道交通线项目", "completion_rate", 120.0)  # the cell holds =F8/E8
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.written == 0 and any("是公式" in s for s in report.skipped)
    assert _cells(out)[("项目表", "G8")] == _cells(original)[("项目表", "G8")]


def test_an_edited_note_goes_to_the_column_it_came_from(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目表"
    sheet.append(["项目名称", "总投资（亿元）", "完成投资（亿元）", "联系人"])
    sheet.append(["甲项目", 10, 5, "张三"])
    sheet.append(["乙项目", 20, 7, None])
    original = tmp_path / "原表.xlsx"
    book.save(original)
    doc = open_document(original)
    table = next(iter(doc.tables.values()))
    first = table.keys[0]
    assert table.value(first, "note") == "联系人：张三"
    doc.apply(SetCells(table.id, (CellChange(first, "note", "联系人：李四"),)), user="李审核")
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.skipped == [] and report.written == 1
    assert openpyxl.load_workbook(out)["项目表"]["D2"].value == "李四"


def test_patching_a_prefixed_sheet_without_cell_references(tmp_path):
    """Some producers (the .NET Open XML SDK) write `x:`-prefixed elements and omit `r` on
    cells; the patch finds cells by position and writes in the same prefix."""
    import re

    from workbench.io.writing.package_patch import Package, patch_package

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表"
    for row in [["名称", "金额", "合计"], ["甲", 10, None], ["乙", 20, None]]:
        sheet.append(row)
    sheet["C2"] = "=SUM(B2:B3)"
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(prefixed, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r"<(/?)(?!\?)([A-Za-z]+)", r"<\1x:\2", text)
                text = text.replace('xmlns="', 'xmlns:x="', 1)
                text = re.sub(r'(<x:c) r="[A-Z]+\d+"', r"\1", text)
                data = text.encode()
            dst.writestr(info, data)
    package = Package(prefixed)
    out = tmp_path / "out.xlsx"
    result = patch_package(package, out, {"表": {(3, 2): 25, (4, 1): "丙"}})
    package.close()
    assert result.old_values[("表", 3, 2)] == 20
    assert [r.ref for r in result.recomputed] == ["C2"] and result.recomputed[0].new == 35
    patched = openpyxl.load_workbook(out)["表"]
    assert patched["B3"].value == 25 and patched["A4"].value == "丙"
    assert patched["A2"].value == "甲" and patched["C2"].value == "=SUM(B2:B3)"
    cached = openpyxl.load_workbook(out, data_only=True)["表"]
    assert cached["C2"].value == 35


def test_cli_write_back_reports_recomputed_totals(tmp_path, capsys):
    import json

    from workbench.cli import main
    from workbench.io.native.plan_file import save_plan

    original, total_row = department_workbook(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    _correct(doc, "轨道交通线项目", "completed", 11.5)
    plan = tmp_path / "审核中.xlsx"
    save_plan(doc, plan)
    out = tmp_path / "写回.xlsx"
    args = ["export", str(plan), "-o", str(out), "--write-back", "--original", str(original)]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["written"] == 1 and f"项目表!F{total_row}" in data["recomputed"]
    assert data["recalculate_on_open"] == ["说明!A2"] and data["subtotals_disagree"] == []


@pytest.mark.skipif(
    not (__import__("shutil").which("soffice") and __import__("shutil").which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed",
)
def test_written_back_workbook_renders_in_libreoffice(tmp_path):
    import subprocess

    original, total_row = department_workbook(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    _correct(doc, "轨道交通线项目", "completed", 11.5)
    out = tmp_path / "写回.xlsx"
    write_back(doc, original, out)
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
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "写回.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "115,000" in text and "180,700" in text  # the correction and its new total
    assert "写回修订记录" in text and "3. 轨道交通线项目" in text and "部门更正" in text


def test_a_reviewer_verdict_goes_into_the_status_column(tmp_path):
    from tests.io import annex_fixtures as fx

    original = fx.execution_annex(tmp_path / "附件一.xlsx")
    doc = open_document(original)
    table = next(iter(doc.tables.values()))
    key = table.find("name", "一般公共预算收入增长")[0]  # 完成情况 left blank
    doc.apply(SetCells(table.id, (CellChange(key, "status_override", "基本完成"),)), user="李审核")
    out = tmp_path / "写回.xlsx"
    report = write_back(doc, original, out)
    assert report.written == 1 and report.skipped == []
    book = openpyxl.load_workbook(out)
    assert book["附件一"][f"G{table.row_source[key]}"].value == "基本完成"
    line = [c.value for c in book["修订记录"][3]]
    assert line[4] == "完成情况（审核判定）" and line[5] == "完成" and line[6] == "基本完成"
