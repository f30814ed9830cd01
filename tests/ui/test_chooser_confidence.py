"""The table chooser says how sure the reader is of each table (高/中/低 and why), lists the
sheets that held no plan table, and opens any sheet as a plain read-only table to look at
and copy from (issue 11)."""

from __future__ import annotations

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

PLAN = [
    ["指标名称", "单位", "属性", "2021年目标", "2021年执行情况"],
    ["地区生产总值增长", "%", "预期性", "6%以上", 8.3],
    ["城镇调查失业率", "%", "预期性", "5.5%左右", 5.0],
]
CASES = [
    ["用例编号", "名称", "步骤", "预期结果"],
    ["TC-1", "登录", "输入密码", "登录成功"],
    ["TC-2", "退出", "点击退出", "回到首页"],
]
NOTES = [["填报说明"], ["请于每月5日前报送上月数据。"]]


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "三张工作表.xlsx"
    book = xlsxwriter.Workbook(str(path))
    for name, rows in (("指标", PLAN), ("测试用例", CASES), ("说明", NOTES)):
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row)
    book.close()
    return path


@pytest.fixture
def chooser(qtbot, workbook):
    from workbench.io.document_controller import open_file
    from workbench.ui.open_dialog import TableChooser

    opened = open_file(workbook)
    dialog = TableChooser(opened.doc, workbook.name, book=opened.book)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _texts(dialog):
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_each_table_shows_how_sure_the_reader_is(qtbot, chooser):
    plan, cases, notes = _texts(chooser)
    assert plan.startswith("指标（指标表") and plan.endswith("把握：高")
    assert cases.startswith("测试用例") and cases.endswith("把握：低")
    assert notes == "说明（未识别为计划表）"
    assert "属性" in chooser.list.item(0).toolTip()
    assert chooser.list.item(1).toolTip().startswith("识别把握：低——")
    assert chooser.confidence.text().startswith("识别把握：高")
    chooser.list.setFocus()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    assert chooser.list.currentRow() == 1
    assert chooser.confidence.text().startswith("识别把握：低")
    assert "普通表格" in chooser.confidence.text()
    assert chooser.list.item(1).foreground().color().name() == "#c62828"


def test_a_sheet_without_a_table_is_listed_and_previewed_as_written(qtbot, chooser):
    chooser.list.setFocus()
    qtbot.keyClick(chooser.list, Qt.Key.Key_End)
    assert chooser.list.currentRow() == 2
    assert chooser.preview.item(1, 0).text() == "请于每月5日前报送上月数据。"
    assert chooser.preview.horizontalHeaderItem(0).text() == "A"
    assert chooser.confidence.text().startswith("未识别为计划表")
    assert not chooser.kind.isEnabled()
    assert chooser.kind_override() is None
    assert set(chooser.chosen()) == {"indicators_1", "indicators_2"}


def test_any_sheet_opens_as_a_plain_read_only_table_and_copies(qtbot, chooser):
    chooser.list.setCurrentRow(1)
    qtbot.mouseClick(chooser.plain, Qt.MouseButton.LeftButton)
    viewer = chooser.viewer
    qtbot.waitExposed(viewer)
    assert "测试用例" in viewer.windowTitle() and "只读" in viewer.windowTitle()
    model = viewer.view.model()
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "D"
    assert model.index(2, 3).data() == "回到首页"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    viewer.view.setFocus()
    viewer.view.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(viewer.view, Qt.Key.Key_F2)  # no editor opens
    assert viewer.view.state() != viewer.view.State.EditingState
    qtbot.keyClick(viewer.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].split("\t") == CASES[0]
    assert copied[2].split("\t") == CASES[2]
    viewer.close()
    chooser.list.setCurrentRow(2)
    qtbot.mouseClick(chooser.plain, Qt.MouseButton.LeftButton)
    assert chooser.viewer.view.model().index(0, 0).data() == "填报说明"


def test_unticking_the_low_table_opens_only_the_plan(qtbot, make_window, workbook, monkeypatch):
    from workbench.ui import open_dialog

    seen = []

    def untick_the_unsure(dialog):
        seen.append(_texts(dialog))
        for i in range(dialog.list.count()):
            if dialog.list.item(i).text().endswith("把握：低"):
                dialog.list.item(i).setCheckState(Qt.CheckState.Unchecked)
        return 1

    monkeypatch.setattr(open_dialog.TableChooser, "exec", untick_the_unsure)
    win = make_window([workbook])
    assert len(seen[0]) == 3
    assert [t.sheet_name for t in win.session.doc.tables.values()] == ["指标"]


def test_a_lone_sheet_the_reader_doubts_is_not_opened_silently(
    qtbot, make_window, tmp_path, monkeypatch
):
    from workbench.ui import open_dialog

    path = tmp_path / "用例.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("测试用例")
    for r, row in enumerate(CASES):
        sheet.write_row(r, 0, row)
    book.close()
    seen = []

    def look_then_cancel(dialog):
        seen.append((_texts(dialog), dialog.confidence.text()))
        return 0

    monkeypatch.setattr(open_dialog.TableChooser, "exec", look_then_cancel)
    win = make_window([path])
    ((texts, why),) = seen
    assert texts == ["测试用例（指标表，2 行）　把握：低"]
    assert why.startswith("识别把握：低")
    assert win.session is None or "测试用例" not in [
        t.sheet_name for t in win.session.doc.tables.values()
    ]
