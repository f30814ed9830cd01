"""What the department wrote is what the workbench holds (issue 11): text as written, error
cells kept, percent formats honoured, header words kept, indicator-by-year tables read."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from workbench.core.keys import as_written, match_key
from workbench.io.errors import FileProblem
from workbench.io.opener import open_document


def _table(path: Path):
    doc = open_document(path)
    assert len(doc.tables) == 1
    return doc, next(iter(doc.tables.values()))


def _rows(table):
    return [row for _, row in table]


# ---- the rule itself -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("老旧小区改造（片区一）", "老旧小区改造（片区一）"),
        ("A001-00 粉盒 底成品", "A001-00 粉盒 底成品"),
        ("两个  空格", "两个  空格"),
        ("单位：万元", "单位：万元"),
        ("截面 mm²", "截面 mm²"),
        ("卡片1\n3、", "卡片1 3、"),
        ("一般公共预算收入\n增长", "一般公共预算收入增长"),
        ("一般公共预算收入\r\n增长", "一般公共预算收入增长"),
        ("GDP\n增长", "GDP 增长"),
        ("  前后空白\u3000", "前后空白"),
        ("城镇\n\n调查", "城镇调查"),
    ],
)
def test_text_rule_keeps_everything_but_line_breaks(raw, kept):
    assert as_written(raw) == kept


def test_match_key_folds_what_text_keeps():
    assert match_key("老旧小区改造（片区一）") == match_key("老旧小区改造 (片区一)")
    assert match_key("截面 mm²") == match_key("截面mm2")
    assert match_key("Ａ００１") == "a001"
    assert match_key("城镇调查失业率") != match_key("城镇登记失业率")


# ---- a workbook with every class of text -----------------------------------------------------
def _write(path: Path, rows, formats=None, merges=()) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("指标")
    made = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            fmt = None
            if formats and (r, c) in formats:
                code = formats[(r, c)]
                fmt = made.setdefault(code, book.add_format({"num_format": code}))
            if value is None:
                continue
            if isinstance(value, str) and value.startswith("="):
                formula, result = value.split("|")
                sheet.write_formula(r, c, formula, fmt, result)
            elif isinstance(value, str):
                sheet.write_string(r, c, value, fmt)
            else:
                sheet.write_number(r, c, value, fmt)
    for r0, c0, r1, c1, text in merges:
        sheet.merge_range(r0, c0, r1, c1, text)
    book.close()
    return path


def test_names_notes_titles_and_labels_are_kept_as_written(tmp_path):
    path = _write(
        tmp_path / "附件.xlsx",
        [
            ["附件（二）"],
            ["2021年某市重点项目计划表（单位：万元）"],
            ["序号", "项目名称", "总投资", "年度计划投资", "业主单位", "备注"],
            ["一、城市提升（2个）"],
            [1, "老旧小区改造（片区一）", 100, 50, "市住建委：二处", "A001-00 粉盒 底成品"],
            [2, "卡片1\n3、更换", 200, 80, "区  城投", "截面 mm²"],
            ["注：单位为万元；括号（）照原样。"],
        ],
    )
    doc, table = _table(path)
    first, second = _rows(table)
    assert first["name"] == "老旧小区改造（片区一）"
    assert first["owner"] == "市住建委：二处"
    assert first["note"] == "A001-00 粉盒 底成品"
    assert second["name"] == "卡片1 3、更换"
    assert second["owner"] == "区  城投"
    assert second["note"] == "截面 mm²"
    assert first["sector"] == "城市提升"  # category: ordinal and count removed, nothing else
    assert table.meta.annex_label == "附件（二）"
    assert table.notes == ["注：单位为万元；括号（）照原样。"]
    assert table.subtotals == [] or all("（" in s["label"] for s in table.subtotals)


# ---- error cells -------------------------------------------------------------------------------
def test_error_cells_are_kept_with_a_warning_naming_the_cell(tmp_path):
    path = _write(
        tmp_path / "errors.xlsx",
        [
            ["指标名称", "单位", "目标", "执行情况", "备注"],
            ["地区生产总值增长", "%", "6%以上", "=NA()|#N/A", None],
            ["森林覆盖率", "%", "=1/0|#DIV/0!", 54.2, None],
            ["一般公共预算收入", "亿元", "4%左右", 9.1, "=A1+#REF!|#REF!"],
        ],
    )
    doc, table = _table(path)
    gdp, forest, revenue = _rows(table)
    assert gdp["actual"] is None and gdp["note"] == "执行情况：#N/A"
    assert forest["target"] == "#DIV/0!"
    assert revenue["note"] == "#REF!"
    cells = {w.cell for w in doc.warnings if "错误值" in w.message}
    assert cells == {"D2", "C3", "E4"}
    assert all(w.sheet == "指标" for w in doc.warnings if "错误值" in w.message)


# ---- percent formats ---------------------------------------------------------------------------
def test_percent_formatted_rate_column_reads_as_the_percent_shown(tmp_path):
    rows = [["项目名称", "年度计划投资（万元）", "完成投资（万元）", "完成率"]]
    formats = {}
    for i in range(40):
        rows.append([f"项目{i}", 100.0, 43.0, 0.43])
        formats[(i + 1, 3)] = "0.0%"
    doc, table = _table(_write(tmp_path / "rate.xlsx", rows, formats))
    assert {row["completion_rate"] for row in _rows(table)} == {43.0}
    assert any("百分比" in w.message and w.cell == "D1" for w in doc.warnings)


def test_percent_formatted_indicator_cells_read_per_cell(tmp_path):
    rows = [
        ["指标名称", "单位", "目标", "执行情况"],
        ["城镇调查失业率", "%", "5.5%左右", 0.052],
        ["地区生产总值", "亿元", "3000", 3100.5],
    ]
    _, table = _table(_write(tmp_path / "ind.xlsx", rows, {(1, 3): "0.0%"}))
    unemployment, gdp = _rows(table)
    assert unemployment["actual"] == pytest.approx(5.2)
    assert gdp["actual"] == 3100.5


def test_plain_number_in_rate_column_is_not_scaled(tmp_path):
    rows = [["项目名称", "年度计划投资", "完成投资", "完成率（%）"], ["项目", 100.0, 43.0, 43.0]]
    _, table = _table(_write(tmp_path / "plain.xlsx", rows, {(1, 3): "0.0"}))
    assert _rows(table)[0]["completion_rate"] == 43.0


# ---- header words ------------------------------------------------------------------------------
def test_base_header_word_is_kept(tmp_path):
    rows = [
        ["指标名称", "单位", "2021年预计", "2022年目标"],
        ["地区生产总值增长", "%", 6.1, "6%左右"],
    ]
    doc, table = _table(_write(tmp_path / "plan.xlsx", rows))
    assert table.meta.base_label == "2021年预计"
    assert _rows(table)[0]["base"] == 6.1
    assert not any("实际" in w.message for w in doc.warnings)


# ---- indicator-by-year tables ------------------------------------------------------------------
def test_indicators_by_year_in_columns(tmp_path):
    rows = [
        ["指标", "2019年", "2020年", "2021年", "2022年", "2023年"],
        ["地区生产总值(亿元)", 1975.6, 2010.3, 2150.1, 2230.4, None],
        ["常住人口(万人)", 310, 311, 312.5, None, None],
        ["城镇化率(%)", 60.1, 61.2, 62.0, 62.8, 63.5],
    ]
    doc, table = _table(_write(tmp_path / "years.xlsx", rows))
    gdp, people, urban = _rows(table)
    assert gdp["name"] == "地区生产总值" and gdp["unit"] == "亿元"
    assert gdp["series"] == {"2019": 1975.6, "2020": 2010.3, "2021": 2150.1, "2022": 2230.4}
    assert (gdp["actual"], gdp["actual_year"]) == (2230.4, 2022)
    assert (people["actual"], people["actual_year"]) == (312.5, 2021)
    assert (urban["actual"], urban["actual_year"]) == (63.5, 2023)
    assert gdp["note"] is None and gdp["status"] is None


def test_indicators_by_year_with_years_as_numbers_and_in_rows(tmp_path):
    rows = [
        ["年份", "地区生产总值（亿元）", "常住人口（万人）"],
        [2019, 1975.6, 310],
        [2020, 2010.3, 311],
        [2021, 2150.1, None],
    ]
    _, table = _table(_write(tmp_path / "turned.xlsx", rows))
    gdp, people = _rows(table)
    assert gdp["name"] == "地区生产总值" and gdp["unit"] == "亿元"
    assert gdp["series"] == {"2019": 1975.6, "2020": 2010.3, "2021": 2150.1}
    assert (people["actual"], people["actual_year"]) == (311, 2020)


def test_year_columns_as_numbers(tmp_path):
    rows = [["指标", 2021, 2022], ["粮食产量（万吨）", 52.1, 53.4]]
    _, table = _table(_write(tmp_path / "num_years.xlsx", rows))
    (row,) = _rows(table)
    assert row["series"] == {"2021": 52.1, "2022": 53.4} and row["actual_year"] == 2022


# ---- refusals ------------------------------------------------------------------------------------
def test_text_named_xlsx_says_it_is_not_excel(tmp_path):
    path = tmp_path / "报表.xlsx"
    path.write_text("这不是表格，只是一段说明文字。\n第二行。\n", encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        open_document(path)
    assert "不是 Excel" in str(caught.value) and "报表.xlsx" in str(caught.value)


def test_actual_written_with_about_is_a_number_with_its_words_noted(tmp_path):
    rows = [
        ["指标名称", "单位", "目标", "执行情况"],
        ["一般公共预算收入增长", "%", "8%左右", "9%左右"],
        ["人口自然增长率", "‰", "控制在7.2‰以内", "6.37‰"],
    ]
    doc, table = _table(_write(tmp_path / "about.xlsx", rows))
    revenue, population = _rows(table)
    assert revenue["actual"] == 9.0 and revenue["note"] == "执行情况原文：9%左右"
    assert any(w.cell == "D2" and "左右" in w.message for w in doc.warnings)
    assert population["actual"] == 6.37  # ‰ kept on the target's scale
    from workbench.core.indicators import status_of

    keys = table.keys
    assert status_of(table, keys[0]).effective == "完成"
    assert status_of(table, keys[1]).effective == "完成"


def test_grid_and_print_columns_show_the_base_word_as_written(tmp_path):
    from workbench.core.columns import columns_for

    rows = [
        ["指标名称", "单位", "2021年预计", "2022年目标"],
        ["地区生产总值增长", "%", 6.1, "6%左右"],
    ]
    doc, table = _table(_write(tmp_path / "plan_cols.xlsx", rows))
    base = next(c for c in columns_for(table, doc) if c.key == "base")
    assert (base.group, base.label) == ("2021年", "预计")


def _ods(path: Path, rows) -> Path:
    """A minimal OpenDocument spreadsheet; ("pct", 0.43) cells are stored as percentages."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value):
        if isinstance(value, tuple):
            return (
                '<table:table-cell office:value-type="percentage" '
                f'office:value="{value[1]}"><text:p>{value[1] * 100:g}%</text:p>'
                "</table:table-cell>"
            )
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="项目">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def test_ods_percentage_cells_read_as_the_percent_shown(tmp_path):
    rows = [["项目名称", "年度计划投资", "完成投资", "完成率"]]
    rows += [[f"项目{i}", 100.0, 43.0, ("pct", 0.43)] for i in range(5)]
    _, table = _table(_ods(tmp_path / "rate.ods", rows))
    assert {row["completion_rate"] for row in _rows(table)} == {43.0}


def test_how_sure_the_reader_is_and_why(tmp_path):
    plan = _write(
        tmp_path / "plan_table.xlsx",
        [
            ["指标名称", "单位", "属性", "2021年目标", "2021年执行情况"],
            ["地区生产总值增长", "%", "预期性", "6%以上", 8.3],
            ["城镇调查失业率", "%", "预期性", "5.5%左右", 5.0],
        ],
    )
    _, table = _table(plan)
    assert table.meta.confidence.level == "高"
    assert "属性" in table.meta.confidence.why
    cases = _write(
        tmp_path / "cases.xlsx",
        [
            ["用例编号", "名称", "步骤", "预期结果"],
            ["TC-1", "登录", "输入密码", "登录成功"],
            ["TC-2", "退出", "点击退出", "回到首页"],
        ],
    )
    doc, table = _table(cases)
    assert table.meta.confidence.level == "低"
    assert any("不太像计划表" in w.message for w in doc.warnings)


def test_a_list_by_year_is_not_turned_into_a_series(tmp_path):
    rows = [["年份", "类别", "金额"], [2005, "书", 1.0], [2005, "电器", 2.0], [2006, "书", 3.0]]
    path = _write(tmp_path / "long.xlsx", rows)
    try:
        doc = open_document(path)
    except FileProblem:
        return  # refused with a reason: fine, it is not a plan table
    for table in doc.tables.values():
        assert not table.meta.by_year


def test_fast_project_payload_equals_the_row_by_row_payload(tmp_path):
    from workbench.io.contract_json import _plain_rows, row_payload

    rows = [["项目名称", "总投资（万元）", "完成率"]] + [
        [f"项目{i}", 100.0 + i, 50.0] for i in range(5)
    ]
    doc, table = _table(_write(tmp_path / "payload.xlsx", rows))
    assert _plain_rows(table) == [row_payload(doc, table, key) for key in table.keys]
