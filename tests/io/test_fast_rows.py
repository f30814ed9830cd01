"""The fast path for ordinary project rows reads exactly what the row-by-row path reads, also
for names that start like a category, total, sub-item or footnote (九龙坡区…, 合川区…,
其他…, 注塑…) — and such names take the fast path, while the real row kinds do not."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from workbench.io.opener import open_document
from workbench.io.reading import row_fast_path
from workbench.io.reading.row_reader import RowReader

HEADER = ["序号", "项目名称", "板块", "建设性质", "年度计划投资（万元）", "完成投资（万元）"]
ORDINARY = [
    "九龙坡区西彭组团道路工程",
    "合川区污水处理厂提标改造",
    "其他基础设施配套工程",
    "全民健身中心",
    "小学改扩建工程",
    "数字经济产业园一期",
    "总部经济区综合管廊",
    "第二水厂扩建工程",
    "注塑产业园标准厂房",
    "资源循环利用基地",
    "项目管理中心",
    "附属设施改造",
    "十八梯片区更新",
    "来福士周边交通改善",
    "说唱文化街区",
    "备用水源工程",
]
SPECIAL = [
    ["", "一、城市提升（16个）", "", "", "", ""],
    ["", "九、社会民生", "", "", "", ""],
    ["", "其中：中央预算内投资项目", "", "", 10.0, 9.0],
    ["", "#配套道路", "城市提升", "续建", 5.0, 4.0],
    ["", "合计", "", "", 1000.0, 900.0],
    ["", "全市总计", "", "", 1000.0, 900.0],
    ["", "注：数据截至12月底。", "", "", "", ""],
]


def _workbook(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("重大项目")
    sheet.write_row(0, 0, ["2021年重大项目表"])
    sheet.write_row(1, 0, HEADER)
    rows = [SPECIAL[0]]
    for n, name in enumerate(ORDINARY, start=1):
        rows.append([n, name, "城市提升", "续建" if n % 2 else "新开工", 100.0 + n, 90.0 + n])
        if n == 8:
            rows += [SPECIAL[1], *SPECIAL[2:4]]
    rows += SPECIAL[4:]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
    book.close()
    return path


def _read(path: Path) -> tuple[object, object]:
    doc = open_document(path)
    table = next(iter(doc.tables.values()))
    return doc, table


def test_names_starting_like_a_row_kind_read_the_same_on_the_fast_path(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "projects.xlsx")
    fast_names: list[str] = []
    compile_converter = row_fast_path.compile_converter

    def counting(*args, **kwargs):
        convert = compile_converter(*args, **kwargs)

        def spy(row, group):
            record = convert(row, group)
            if record is not None:
                fast_names.append(record["name"])
            return record

        return spy

    monkeypatch.setattr(row_fast_path, "compile_converter", counting)
    doc, table = _read(path)
    assert sorted(fast_names) == sorted(ORDINARY)  # every ordinary name, no row kind

    monkeypatch.setattr(RowReader, "_fast_converter", lambda self: None)
    slow_doc, slow = _read(path)
    assert [row for _, row in table] == [row for _, row in slow]
    assert table.subtotals == slow.subtotals and table.notes == slow.notes
    assert table.meta.sub_items == slow.meta.sub_items
    assert [str(w) for w in doc.warnings] == [str(w) for w in slow_doc.warnings]
    names = [row["name"] for _, row in table]
    assert names[:8] == ORDINARY[:8] and "配套道路" in names
    assert table.notes == ["注：数据截至12月底。"]
    assert {row["sector"] for _, row in table if row["name"] in ORDINARY} == {"城市提升"}
    assert next(row for _, row in table if row["name"].startswith("中央"))["sector"] == "社会民生"
