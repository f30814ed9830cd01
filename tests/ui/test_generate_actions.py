"""文件 → 生成部门填报表 / 读取部门返回 / 生成下年计划, driven as a reviewer drives them."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from workbench.core import provenance as prov
from workbench.io.writing.collection_workbook import COLUMNS, DATA_SHEET, HEADER_ROW


def file_action(win, prefix: str):
    menu = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in menu.actions() if a.text().startswith(prefix))


@pytest.fixture
def generated(window, tmp_path, monkeypatch):
    folder = tmp_path / "填报表"
    folder.mkdir()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("按领域", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2022-01-15", True))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    file_action(window, "生成部门填报表").trigger()
    return window, folder


def test_generate_then_accept_a_returned_change_and_undo(generated, qtbot):
    win, folder = generated
    table = win.session.doc.tables["projects_2022"]
    sectors = {r["sector"] for _, r in table}
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == len(sectors)
    assert "已生成" in win.statusBar().currentMessage()

    path = next(f for f in files if f.name.startswith("科技创新"))
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    first = HEADER_ROW + 2
    key = ws.cell(first, len(COLUMNS) + 2).value.split("|")[1]
    ws.cell(first, COLUMNS.index("annual_plan") + 2).value = 4.5
    wb.save(path)

    file_action(win, "读取部门返回").trigger()
    (view,) = win.return_views
    qtbot.waitExposed(view)
    assert view.head.text().startswith(f"已返回 {len(sectors)} 个单位")
    top = next(
        view.tree.topLevelItem(i)
        for i in range(view.tree.topLevelItemCount())
        if view.tree.topLevelItem(i).text(0).startswith("科技创新")
    )
    assert top.text(1) == "修改 1，新增 0，删除 0"
    line = top.child(0)
    assert line.text(1) == "修改 年度计划投资" and line.text(3) == "4.5"
    rect = view.tree.visualItemRect(line)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert table.rows[key]["annual_plan"] == 4.5
    assert table.provenance_of(key, "annual_plan") == prov.DEPARTMENT
    assert path.name in win.session.doc.change_log[-1].reason
    tops = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    again = next(t for t in tops if t.text(0).startswith("科技创新"))
    assert again.childCount() == 0  # decided lines are no longer offered
    win.undo_action.trigger()
    assert table.rows[key]["annual_plan"] != 4.5


def test_roll_forward_opens_next_years_plan(window):
    file_action(window, "生成下年计划").trigger()
    doc = window.session.doc
    assert doc.plan_year == 2022 and "projects_2022" in doc.tables
    assert doc.tables["indicators_2022"].rows["r1"]["target"] is None
    assert window.session.modified
    names = [
        window.navigator.topLevelItem(i).child(j).text(0)
        for i in range(window.navigator.topLevelItemCount())
        for j in range(window.navigator.topLevelItem(i).childCount())
    ]
    assert "2022年重大项目" in names
    assert "结转项目" in window.statusBar().currentMessage()


def test_a_unit_slip_is_flagged_and_not_taken_by_accept_all_without_confirming(
    generated, qtbot, monkeypatch
):
    """万元 typed where 亿元 is asked: 10,000 times the last version, flagged with the likely
    unit; 全部采纳 asks first and takes nothing when the reviewer says no."""
    from PySide6.QtWidgets import QMessageBox

    win, folder = generated
    table = win.session.doc.tables["projects_2022"]
    path = next(f for f in sorted(folder.glob("*.xlsx")) if f.name.startswith("科技创新"))
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    first = HEADER_ROW + 2
    key = ws.cell(first, len(COLUMNS) + 2).value.split("|")[1]
    before = table.rows[key]["annual_plan"]
    ws.cell(first, COLUMNS.index("annual_plan") + 2).value = before * 10_000
    wb.save(path)

    file_action(win, "读取部门返回").trigger()
    (view,) = win.return_views
    qtbot.waitExposed(view)
    top = next(
        view.tree.topLevelItem(i)
        for i in range(view.tree.topLevelItemCount())
        if view.tree.topLevelItem(i).text(0).startswith("科技创新")
    )
    assert top.text(4).startswith("⚠ 疑似单位错误 1")
    line = top.child(0)
    assert "10000 倍" in line.text(4) and "疑似按万元填写" in line.text(4)
    asked: list[str] = []

    def answer(choice):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return choice

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "万元" in asked[0]
    assert table.rows[key]["annual_plan"] == before  # nothing taken
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    assert table.rows[key]["annual_plan"] == before * 10_000  # the reviewer insisted
    win.undo_action.trigger()
    assert table.rows[key]["annual_plan"] == before
