"""The report beside the tables: statements, their figures, both ways; the summary follows edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.core.text_seed import load_seed_lines
from workbench.core.edits import CellChange, SetCells


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(load_seed_lines()), encoding="gb18030")
    return path


def click(qtbot, view, item):
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def item_with(panel, *words):
    for i in range(panel.list.count()):
        item = panel.list.item(i)
        if all(w in item.text() for w in words):
            return item
    raise AssertionError(f"no statement with {words}")


def test_the_report_opens_beside_the_tables_with_its_findings(window, report):
    panel = window.open_report(report)
    assert window.report_dock.isVisible()
    assert "79 个数字" in panel.title.text() and "0 个与表不一致" in panel.title.text()
    assert panel.list.item(0).text() == "核对意见（1）"
    first = panel.list.item(1).text()
    assert first.startswith("⚠") and "114.7%" in first  # the report against itself
    assert item_with(panel, "第64行", "1349亿元").text().startswith("✓")
    summary = panel.summary.toPlainText()
    assert "2021年共实施市级重大建设项目861个" in summary and "完成年度计划的114.7%" in summary


def test_clicking_a_statement_selects_its_cell(window, report, qtbot):
    panel = window.open_report(report)
    click(qtbot, panel.list, item_with(panel, "第64行", "1349亿元"))
    assert window.current_table_id() == "summary_2021_funding"
    table = window.model.table
    assert table.rows[window.grid.current_key()]["group"] == "政府投资"
    column = window.model.columns[window.grid.currentIndex().column()].key
    assert column == "completed"


def test_clicking_a_count_selects_the_rows_it_counts(window, report, qtbot):
    panel = window.open_report(report)
    click(qtbot, panel.list, item_with(panel, "第50行", "7项"))
    assert window.current_table_id() == "indicators_2021"
    qtbot.waitUntil(lambda: len(window.grid.selected_keys()) == 7)
    table = window.model.table
    assert {table.rows[k]["attribute"] for k in window.grid.selected_keys()} == {"约束性"}


def test_selecting_a_row_highlights_the_statements_quoting_it(window, report, qtbot):
    panel = window.open_report(report)
    click(qtbot, panel.list, item_with(panel, "第64行", "1349亿元"))
    grid = window.grid
    index = grid.currentIndex()
    other = grid.model().index(1, index.column())  # the 企业投资 row
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(other).center()
    )

    def texts():
        return [i.text() for i in panel.list.selectedItems()]

    qtbot.waitUntil(lambda: any("2744亿元" in t for t in texts()), timeout=3000)
    texts = texts()
    assert any("2744亿元" in t for t in texts) and any("592个" in t for t in texts)
    assert not any("1349亿元" in t for t in texts)


def test_an_edit_updates_the_statements_and_the_summary(window, report, qtbot):
    panel = window.open_report(report)
    doc = window.session.doc
    table = doc.tables["summary_2021_funding"]
    key = next(k for k, r in table if r["group"] == "政府投资")
    window.session.do(SetCells(table.id, (CellChange(key, "completed", 1359.0),)))
    qtbot.waitUntil(lambda: item_with(panel, "第64行", "1349亿元").text().startswith("✗"))
    assert "1 个与表不一致" in panel.title.text()
    projects = doc.tables["projects_2021"]
    row = next(k for k, r in projects if r["sector"] == "科技创新")
    old = projects.rows[row]["completed"]
    window.session.do(SetCells(projects.id, (CellChange(row, "completed", old + 100),)))
    qtbot.waitUntil(lambda: "科技创新项目40个，完成投资470亿元" in panel.summary.toPlainText())


def test_a_bad_report_is_a_message_not_a_crash(window, tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    panel = window.open_report(bad)
    assert "无法打开报告" in panel.title.text() and "坏.docx" in panel.title.text()


def test_every_figure_target_and_check_jumps_to_its_line_and_cell(window, report, qtbot):
    panel = window.open_report(report)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "文中目标与附表（8）" in texts and "文中数字（71）" in texts
    # a figure the tables do not hold says why
    unmatched = item_with(panel, "第6行", "177个")
    assert "未对应：" in unmatched.text()
    # a target against the annex: its line in the text, its cell in the grid
    click(qtbot, panel.list, item_with(panel, "第132行", "5.5%以内"))
    assert panel.current_line() == 132 and "5.5%以内" in panel.text.textCursor().block().text()
    assert window.current_table_id() == "indicators_2022"
    assert window.model.columns[window.grid.currentIndex().column()].key == "target"
    # a check of the text jumps to the line it names
    click(qtbot, panel.list, panel.list.item(1))
    assert panel.current_line() == 60


def test_a_wrong_sector_total_is_flagged(window, tmp_path, qtbot):
    lines = load_seed_lines()
    lines[61] = lines[61].replace("370亿元", "380亿元", 1)
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    panel = window.open_report(path)
    item = item_with(panel, "第62行", "380亿元")
    assert item.text().startswith("✗") and "科技创新" in item.text()
    assert "1 个与表不一致" in panel.title.text()
