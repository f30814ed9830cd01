"""Reading annex layouts (DOMAIN.md §1) into canonical tables, with honest warnings."""

import json

import pytest

from tests.io import annex_fixtures as fx
from workbench.cli import main
from workbench.core.summaries import summable_rows
from workbench.io.errors import FileProblem
from workbench.io.opener import open_document


def only_table(path, kind=None):
    doc = open_document(path, kind)
    assert len(doc.tables) == 1
    return doc, next(iter(doc.tables.values()))


def rows(table):
    return [row for _, row in table]


def test_execution_annex_two_row_header_categories_and_text_numbers(tmp_path):
    doc, table = only_table(fx.execution_annex(tmp_path / "附件一.xlsx"))
    assert table.kind == "indicators"
    assert table.title == "重庆市2021年国民经济和社会发展计划主要指标执行情况"
    assert table.meta.annex_label == "附件（一）" and table.meta.role == "execution"
    assert table.year == 2021
    assert table.source.header_rows == (3, 4)
    names = [r["name"] for r in rows(table)]
    assert names == [
        "地区生产总值增长",
        "一般公共预算收入增长",
        "税收收入增长",
        "城镇调查失业率",
        "单位地区生产总值能源消耗降低",
        "森林覆盖率",
    ]
    gdp, revenue, tax, _, energy, forest = rows(table)
    assert (gdp["category"], gdp["target"], gdp["actual"], gdp["status"]) == (
        "经济发展",
        "6%以上",
        8.3,
        "完成",
    )
    assert revenue["actual"] == 9.1  # full-width "９．１", and a line break inside the name
    assert (
        energy["category"] == "绿色生态"
        and energy["actual"] is None
        and energy["status"] == "暂无数据"
    )
    assert forest["attribute"] == "约束性" and forest["actual"] is None  # "约束性指标", "—"
    # "其中" is a sub-item of the row above and is not summed
    (tax_key,) = table.find("name", "税收收入增长")
    assert table.meta.sub_items[tax_key] == table.keys[1]
    assert tax not in summable_rows(table)
    assert table.notes == ["注：1.“执行情况”为预计数。", "2.增长速度按可比价格计算。"]
    assert table.row_source[table.keys[0]] == 6  # links back to the sheet row


def test_yangling_spaced_header_dash_and_negative(tmp_path):
    doc, table = only_table(fx.yangling_plan(tmp_path / "yl.xlsx"))
    assert table.kind == "indicators" and table.meta.role == "plan" and table.year == 2022
    rd, platforms, trade = rows(table)
    assert rd["base"] is None and rd["target"] == "10"  # "-" is no value
    assert platforms["base"] == 95 and platforms["target"] == "100"
    assert (
        trade["base"] == 8.71 and "2021年完成 增长%：-2" in trade["note"]
    )  # "-2" is a number, kept
    # vertically merged 责任部门 fills down
    assert "示范区科技创新局" in platforms["note"]
    assert [r["category"] for r in rows(table)] == ["创新驱动", "创新驱动", "开放合作"]
    messages = [w.message for w in doc.warnings]
    assert any("多列对应同一字段" in m for m in messages)
    assert any(w.cell == "G3" and "未对应" in w.message for w in doc.warnings)


def test_project_list_in_wan_yuan_with_sector_rows_and_totals(tmp_path):
    doc, table = only_table(fx.project_list(tmp_path / "项目.xlsx"))
    assert table.kind == "projects" and table.unit == "亿元" and table.year == 2021
    first, second, rail = rows(table)
    assert (
        first["sector"],
        first["total_investment"],
        first["annual_plan"],
        first["completed"],
    ) == ("科技创新", 30.0, 3.0, 3.6)
    assert first["completion_rate"] == 120.0 and rail["completion_rate"] == 113.7
    assert rail["completed"] == 11.37  # 113700万元, exactly
    assert rail["funding"] == "政府投资" and second["funding"] == "企业投资"
    labels = [s["label"] for s in table.subtotals]
    assert labels == ["合计", "一、科技创新（2个）", "二、城市提升（1个）"]
    total = table.subtotals[0]
    assert total["completed"] == 17.37 and total["completion_rate"] == 115.8
    assert table.subtotals[1]["count"] == 2
    assert table.notes == ["注：完成率=完成投资/年度计划投资。"]


def test_units_in_headers_and_sector_column(tmp_path):
    _, table = only_table(fx.project_list_with_sector_column(tmp_path / "清单.xlsx"))
    water, rail, hospital = rows(table)
    assert water["total_investment"] == 159.5 and water["annual_plan"] == 25.0  # 万元 → 亿元
    assert rail["annual_plan"] == 120.0  # "1,200,000"万元
    assert hospital["total_investment"] == 12.5 and hospital["nature"] == "竣工"  # "收尾"
    assert [r["sector"] for r in rows(table)] == ["生态环保", "城市提升", "社会民生"]


def test_unit_inside_the_name(tmp_path):
    _, table = only_table(fx.five_year_table(tmp_path / "十三五.xlsx"))
    first = rows(table)[0]
    assert (first["name"], first["unit"], first["target"], first["actual"]) == (
        "全区生产总值",
        "亿元",
        "1000",
        1008.5,
    )


def test_text_where_a_number_belongs_is_reported_with_its_cell(tmp_path):
    doc, table = only_table(fx.bad_values_annex(tmp_path / "bad.xlsx"))
    first, second = rows(table)
    assert first["total_investment"] is None and "很多" in first["note"]
    assert second["funding"] is None and "外资" in second["note"]
    cells = {(w.sheet, w.cell) for w in doc.warnings}
    assert ("Sheet1", "B2") in cells and ("Sheet1", "E3") in cells


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_csv_in_the_encodings_chinese_offices_use(tmp_path, encoding):
    path = tmp_path / "指标.csv"
    path.write_bytes(fx.indicator_csv_text().encode(encoding))
    _, table = only_table(path)
    assert [r["name"] for r in rows(table)] == ["地区生产总值增长", "城镇调查失业率"]
    assert rows(table)[1]["target"] == "5.5%以内"


def test_tab_separated_text(tmp_path):
    path = tmp_path / "指标.tsv"
    path.write_text(fx.indicator_csv_text().replace(",", "\t"), encoding="utf-8")
    _, table = only_table(path)
    assert len(table) == 2


def test_kind_override(tmp_path):
    path = fx.project_list_with_sector_column(tmp_path / "p.xlsx")
    _, table = only_table(path, "projects")
    assert table.kind == "projects"


def test_sheet_without_a_table_is_a_clear_refusal(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active["A1"] = "本文件仅供参考"
    path = tmp_path / "空.xlsx"
    book.save(path)
    with pytest.raises(FileProblem, match="没有找到指标表或项目表") as info:
        open_document(path)
    assert "空.xlsx" in str(info.value) and "说明" in str(info.value)


def test_cli_import_of_an_annex(tmp_path, capsys):
    path = fx.project_list(tmp_path / "项目.xlsx")
    assert main(["import", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "projects" and data["sheet"] == "项目表" and data["sheets"] == ["项目表"]
    assert data["unit"] == "亿元" and len(data["rows"]) == 3 and len(data["subtotals"]) == 3
    assert data["rows"][0]["provenance"] == "部门报送"
    assert main(["import", str(path), "--sheet", "没有", "--json"]) == 1
    assert "没有" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "空的"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 600
            + "EncryptedPackage".encode("utf-16-le"),
            "已加密",
        ),
        (b"%PDF-1.4 ...", "PDF"),
        (b"PK\x03\x04garbage", "损坏"),
    ],
)
def test_unusable_files_get_one_line_reasons(tmp_path, content, message):
    path = tmp_path / "附件.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=message) as info:
        open_document(path)
    assert "附件.xlsx" in str(info.value) and "\n" not in str(info.value)


def test_zip_bomb_is_refused_from_its_directory(tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (40 * 1024 * 1024))  # 40 MB of zeros
    with pytest.raises(FileProblem, match="压缩炸弹"):
        open_document(path)


def test_extension_that_lies_is_read_by_content(tmp_path):
    real = fx.project_list_with_sector_column(tmp_path / "real.xlsx")
    liar = tmp_path / "项目.xls"  # an xlsx saved with an .xls name
    liar.write_bytes(real.read_bytes())
    _, table = only_table(liar)
    assert len(table) == 3


def test_damaged_legacy_xls_is_refused_from_a_child_process(tmp_path):
    path = tmp_path / "旧表.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with pytest.raises(FileProblem) as info:
        open_document(path)
    assert "旧表.xls" in str(info.value) and "\n" not in str(info.value)


def test_owner_lock_file_is_named_as_such(tmp_path):
    path = tmp_path / "~$附件.xlsx"
    path.write_bytes(b"\x08Zhang San" + b"\x00" * 100)
    with pytest.raises(FileProblem, match="锁定文件"):
        open_document(path)


def test_a_kind_the_vocabulary_cannot_tell_is_flagged(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    for row in [["名称", "单位", "计划"], ["甲", "个", 3], ["乙", "个", 4]]:
        book.active.append(row)
    path = tmp_path / "不明.xlsx"
    book.save(path)
    doc, table = only_table(path)
    assert table.meta.kind_uncertain is True
    assert any("既像指标表也像项目表" in w.message for w in doc.warnings)
    _, clear = only_table(fx.project_list(tmp_path / "p.xlsx"))
    assert clear.meta.kind_uncertain is False
