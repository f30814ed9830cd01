"""Annex workbooks in the layouts of DOMAIN.md §1, made here so tests own their fixtures."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def _sheet(rows, merges=(), title="Sheet1"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    for merge in merges:
        sheet.merge_cells(merge)
    return book


def rows_workbook(path: Path, rows, title: str = "Sheet1") -> Path:
    """One sheet holding `rows` (None leaves a cell empty), saved at `path`."""
    _sheet(rows, title=title).save(path)
    return path


def execution_annex(path: Path) -> Path:
    """附件（一）: label, merged title, two-row header with a year group, category rows with
    counts, numbers as text with %, full-width digits, "—", a 其中 row, footnotes."""
    rows = [
        ["附件（一）"],
        ["重庆市2021年国民经济和社会发展计划主要指标执行情况"],
        ["序号", "指 标 名 称", "单位", "属性", "2021年", None, "完成情况", "备注"],
        [None, None, None, None, "计划目标", "执行情况", None, None],
        ["一、经济发展（3个）"],
        [1, "地区生产总值增长", "%", "预期性", "6%以上", "8.3%", "完成", None],
        [2, "一般公共预算收入\n增长", "%", "预期性", "4%左右", "９．１", None, None],
        [None, "其中：税收收入增长", "%", "预期性", None, 7.2, None, None],
        [3, "城镇调查失业率", "%", "预期性", "5.5%左右", "5.0", "完成", None],
        ["二、绿色生态"],
        [
            4,
            "单位地区生产总值能源消耗降低",
            "%",
            "约束性",
            "完成国家下达目标",
            "暂无数据",
            None,
            "统计局年底发布",
        ],
        [5, "森林覆盖率", "%", "约束性指标", "54%", "—", None, None],
        ["注：1.“执行情况”为预计数。"],
        ["2.增长速度按可比价格计算。"],
    ]
    merges = [
        "A1:H1",
        "A2:H2",
        "A3:A4",
        "B3:B4",
        "C3:C4",
        "D3:D4",
        "E3:F3",
        "G3:G4",
        "H3:H4",
        "A5:H5",
        "A10:H10",
        "A13:H13",
        "A14:H14",
    ]
    book = _sheet(rows, merges, "附件一")
    book.save(path)
    return path


def yangling_plan(path: Path) -> Path:
    """杨凌 2022 计划指标: spaced header, 绝对值/增长% under two years, "-" for no value and
    "-2" for a negative growth, a vertically merged 责任部门 column."""
    rows = [
        ["杨凌示范区2022年国民经济和社会发展计划指标"],
        ["指 标 名 称", "单位", "2021年完成", None, "2022年计划", None, "责任(牵头)部门"],
        [None, None, "绝对值", "增长%", "绝对值", "增长%", None],
        ["一、创新驱动"],
        ["研发经费投入增长", "%", "-", "-", "-", 10, "示范区科技创新局"],
        ["各类科技研发及转化平台总数", "项", 95, "-", 100, "-", None],
        ["二、开放合作"],
        ["进出口贸易总额", "亿元", 8.71, "-2", 10.2, 15, "示范区自贸办"],
    ]
    merges = ["A1:G1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3", "A4:G4", "G5:G6", "A7:G7"]
    book = _sheet(rows, merges, "计划指标")
    book.save(path)
    return path


def project_list(path: Path) -> Path:
    """重大建设项目: unit line in 万元, a group header over the money columns, a total row at
    the top, sector rows carrying sums and counts, "19 278.1" spacing, 115.8% as text."""
    rows = [
        ["附件3"],
        ["2021年市级重大建设项目完成情况表"],
        [None, None, None, None, None, None, "单位：万元"],
        ["序号", "项目名称", "投资来源", "建设性质", "投资", None, None, "完成率", "业主单位"],
        [None, None, None, None, "总投资", "年度计划投资", "完成投资", None, None],
        ["合计", None, None, None, 1200000, 150000, 173700, "115.8%", None],
        ["一、科技创新（2个）", None, None, None, 500000, 50000, 60000, None, None],
        [
            1,
            "西部科学城科学中心项目",
            "政府投资",
            "续建",
            300000,
            "30 000",
            36000,
            "120%",
            "市科技局",
        ],
        [
            2,
            "两江新区中试熟化平台项目",
            "企业投资",
            "新开工",
            200000,
            20000,
            24000,
            "120%",
            "某科技公司",
        ],
        ["二、城市提升（1个）", None, None, None, 700000, 100000, 113700, None, None],
        [3, "轨道交通线项目", "政府", "续建", 700000, 100000, 113700, 113.7, "市交通局"],
        ["注：完成率=完成投资/年度计划投资。"],
    ]
    merges = [
        "A1:I1",
        "A2:I2",
        "G3:I3",
        "A4:A5",
        "B4:B5",
        "C4:C5",
        "D4:D5",
        "E4:G4",
        "H4:H5",
        "I4:I5",
        "A12:I12",
    ]
    book = _sheet(rows, merges, "项目表")
    book.save(path)
    return path


def project_list_with_sector_column(path: Path) -> Path:
    """A flat list: sector in its own column, units in the headers, no unit line."""
    rows = [
        ["项目名称", "所属板块", "总投资(亿元)", "2022年计划投资（万元）", "建设性质", "区县"],
        ["渝西水资源配置工程", "生态环保", 159.5, 250000, "续建", "江津区"],
        ["成渝中线高铁", "城市提升", 693, "1,200,000", "新开工", "九龙坡区"],
        ["某医院新建项目", "社会民生", "12.5", 30000, "收尾", "万州区"],
    ]
    book = _sheet(rows, (), "项目清单")
    book.save(path)
    return path


def five_year_table(path: Path) -> Path:
    """越城 十三五 table: the unit inside the name, estimates as the actual."""
    rows = [
        ["表1 “十三五”规划主要指标完成情况"],
        ["序号", "指标名称", "2020年目标值", "2020年预计值", "完成情况"],
        [1, "全区生产总值(亿元)", 1000, 1008.5, "完成"],
        [2, "人均生产总值(元)", 130000, 130913, "完成"],
        [3, "公共财政预算收入(亿元)", 72.69, 72.69, "完成"],
    ]
    book = _sheet(rows, ["A1:E1"], "Sheet1")
    book.save(path)
    return path


def indicator_csv_text() -> str:
    return "指标名称,单位,属性,2022年目标\n地区生产总值增长,%,预期性,5.5%左右\n城镇调查失业率,%,预期性,5.5%以内\n"


def bad_values_annex(path: Path) -> Path:
    rows = [
        ["项目名称", "总投资（亿元）", "年度计划投资（亿元）", "完成投资（亿元）", "投资来源"],
        ["甲项目", "很多", 10, 9, "政府投资"],
        ["乙项目", 20, 10, "12.5", "外资"],
    ]
    book = _sheet(rows, (), "Sheet1")
    book.save(path)
    return path
