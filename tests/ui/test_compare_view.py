"""The compare view driven as a reviewer drives it: 文件 → 比较…, click a line, Ctrl+Enter to
accept, the main window's Ctrl+Z to undo, reject, accept a group, filter, side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.core.test_compare_cli import ROWS, annex, revised_rows
from workbench.core import provenance as prov
from workbench.core.compare.reconcile import LABEL


@pytest.fixture
def compared(make_window, tmp_path, qtbot, monkeypatch):
    plan = annex(tmp_path / "计划.xlsx", ROWS)
    revised = annex(tmp_path / "部门修订稿.xlsx", revised_rows())
    win = make_window([str(plan)])
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(revised), ""))
    menu = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("文件"))
    compare = next(a for a in menu.actions() if a.text().startswith("比较"))
    compare.trigger()  # 文件 → 比较…
    (view,) = win.compare_views
    qtbot.waitExposed(view)
    pick_profile(view, qtbot, "chongqing_2021_2022")  # the rows follow Chongqing's renames
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    return win, view


def pick_profile(view, qtbot, name: str) -> None:
    """对照表… → 地区方案 → 套用地区方案, as a reviewer of that region's plan does once."""
    qtbot.mouseClick(view.crosswalk_button, Qt.MouseButton.LeftButton)
    editor = view.crosswalk_editor
    qtbot.waitExposed(editor)
    editor.profile_combo.setCurrentIndex(editor.profile_combo.findData(name))
    qtbot.mouseClick(editor.profile_button, Qt.MouseButton.LeftButton)
    editor.close()


def click_line(qtbot, grid, row: int, column: int = 1) -> None:
    index = grid.model().index(row, column)
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def line_of(view, status: str) -> int:
    model = view.merged_model
    for row in range(model.rowCount()):
        if model.text(row, 0).startswith(status):
            return row
    raise AssertionError(f"没有“{status}”行")


def test_compare_opens_beside_the_current_document(compared):
    win, view = compared
    assert win.session.doc.title  # the current document was not replaced
    assert len(win.session.doc.table(win.current_table_id())) == len(ROWS)
    assert view.counts_label.text().startswith("未变 2　修改 1　新增 2　删除 2　建议配对 1")
    model = view.merged_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "年度计划投资（旧）" in headers and "年度计划投资 Δ%" in headers
    changed = line_of(view, "修改")
    plan = headers.index("年度计划投资（旧）")
    assert [model.text(changed, plan + i) for i in range(4)] == ["1.5", "1.8", "+0.3", "+20%"]
    removed = line_of(view, "删除")
    font = model.data(model.index(removed, 1), Qt.ItemDataRole.FontRole)
    assert font.strikeOut()
    added = line_of(view, "新增")
    brush = model.data(model.index(added, 1), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == "#d9f2d9"
    suggested = line_of(view, "建议配对")
    assert "→" in model.text(suggested, 1)


def test_accept_with_keys_then_undo_in_the_main_window(compared, qtbot):
    win, view = compared
    table = win.session.doc.table(win.current_table_id())
    key = table.keys[0]
    assert table.rows[key]["annual_plan"] == 1.5
    click_line(qtbot, view.merged_grid, line_of(view, "修改"))
    qtbot.keyClick(view.merged_grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.counts_label.text().startswith("未变 3　修改 0"))
    assert table.rows[key]["annual_plan"] == 1.8
    assert table.provenance_of(key, "annual_plan") == prov.DEPARTMENT
    entry = win.session.doc.change_log[-1]
    assert (entry.label, entry.reason, entry.old, entry.new) == (LABEL, "部门修订稿.xlsx", 1.5, 1.8)
    # one accept is one undo step, taken back from the main window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.keyClick(win.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert table.rows[key]["annual_plan"] == 1.5
    qtbot.waitUntil(lambda: view.counts_label.text().startswith("未变 2　修改 1"))


def test_reject_keeps_a_row_and_accept_all_takes_the_rest(compared, qtbot):
    win, view = compared
    table = win.session.doc.table(win.current_table_id())
    click_line(qtbot, view.merged_grid, line_of(view, "删除"))
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert "已拒绝" in view.merged_model.text(line_of(view, "删除"), 0)
    qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "修改 0" in view.counts_label.text())
    names = [table.rows[k]["name"] for k in table.keys]
    assert "璧山区污水处理厂" in names  # rejected: kept
    assert "两江新区智能网联汽车测试场" in names  # accepted: inserted
    assert view.counts_label.text().startswith("未变 4　修改 0　新增 1　删除 2　建议配对 1")
    assert win.session.history.undo_label == LABEL
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # all of it: one step
    assert len(table) == len(ROWS) and "两江新区智能网联汽车测试场" not in [
        table.rows[k]["name"] for k in table.keys
    ]


def test_accepting_a_suggested_pair_records_it_in_the_crosswalk(compared, qtbot):
    win, view = compared
    click_line(qtbot, view.merged_grid, line_of(view, "建议配对"))
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "建议配对 0" in view.counts_label.text())
    walk = win.session.doc.properties.crosswalk.name
    assert walk == {"江北区城市轨道交通18号线": view.comparison.new.rows["r2"]["name"]}
    # now the same project: its new name is an ordinary change to accept
    assert view.counts_label.text().startswith("未变 2　修改 2　新增 1　删除 1")


def test_accept_a_group(compared, qtbot):
    win, view = compared
    table = win.session.doc.table(win.current_table_id())
    items = [view.groups.topLevelItem(i) for i in range(view.groups.topLevelItemCount())]
    (science,) = [i for i in items if i.text(0) == "科技创新"]
    assert [science.text(c) for c in (1, 2, 3, 4, 5, 7)] == ["1→2", "1.5", "2.7", "+1.2", "1", "1"]
    view.groups.setCurrentItem(science)
    qtbot.mouseClick(view.accept_group_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "修改 0" in view.counts_label.text())
    assert len(table) == len(ROWS) + 1  # the group's added row, and nothing of other groups
    assert "璧山区污水处理厂" in [table.rows[k]["name"] for k in table.keys]


def test_filter_and_side_by_side(compared, qtbot):
    _, view = compared
    total = view.merged_model.rowCount()
    qtbot.mouseClick(view.only_changes, Qt.MouseButton.LeftButton)
    assert view.merged_model.rowCount() == total - 2  # the two unchanged lines hidden
    qtbot.mouseClick(view.side_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentIndex() == 1
    old, new = view.old_model, view.new_model
    assert old.rowCount() == new.rowCount() == view.merged_model.rowCount()
    added = [r for r in range(new.rowCount()) if new.line(r).kind == "added"]
    assert added and old.text(added[0], 0) == "" and new.text(added[0], 0)
    click_line(qtbot, view.old_grid, 2, 0)
    assert view.new_grid.currentIndex().row() == 2  # one selected line on both sides
    view.old_grid.verticalScrollBar().setValue(1)
    assert view.new_grid.verticalScrollBar().value() == view.old_grid.verticalScrollBar().value()


def test_year_over_year_within_the_sample(window, qtbot):
    view = window.compare_years()
    qtbot.waitExposed(view)
    assert view.windowTitle().startswith("年度对比")
    assert not view.accept_button.isEnabled()  # other years are not revisions to accept
    assert "删除 1" in view.counts_label.text()
    qtbot.mouseClick(view.year_button, Qt.MouseButton.LeftButton)  # 附件一 beside 附件二
    model = view.year_model
    rows = {model.text(r, 2): r for r in range(model.rowCount())}
    gdp = rows["地区生产总值增长"]
    assert [model.text(gdp, c) for c in (4, 5, 6, 7, 8, 9)] == [
        "6%以上",
        "8.3",
        "5.5%左右",
        "-2.8个百分点",
        "8.3",
        "一致",
    ]
    dropped = [r for r in range(model.rowCount()) if model.text(r, 0) == "不再列入"]
    assert [model.text(r, 2) for r in dropped] == ["能源消费总量"]


def test_year_over_year_sectors_through_the_crosswalk(window, qtbot):
    """2021 completed investment beside the 2022 plan, by sector, with 产业提升 counted as
    产业转型升级 (the report's figures: 603 completed, 781 planned)."""
    view = window.compare_years()
    view.old_combo.setCurrentIndex(view.old_combo.findData("projects_2021"))
    view.new_combo.setCurrentIndex(view.new_combo.findData("projects_2022"))
    assert not view.year_button.isEnabled()
    header = view.groups.headerItem()
    assert (header.text(2), header.text(3)) == ("完成投资（旧）", "年度计划投资（新）")
    items = {
        view.groups.topLevelItem(i).text(0): view.groups.topLevelItem(i)
        for i in range(view.groups.topLevelItemCount())
    }
    industry = items["产业转型升级（含原“产业提升”）"]
    assert (industry.text(2), industry.text(3), industry.text(4)) == ("603", "781", "+178")
    assert items["成渝地区双城经济圈"].text(1) == "35→0"
    axes = view.canvas.figure.axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert "产业转型升级" in labels and "产业提升" not in labels


def test_compare_screenshots(compared, qtbot, tmp_path):
    """Both views render (the images go to a temporary folder, not the repository)."""
    _, view = compared
    view.resize(1400, 600)
    merged = view.grab()
    qtbot.mouseClick(view.side_button, Qt.MouseButton.LeftButton)
    side = view.grab()
    assert not merged.isNull() and not side.isNull()
    assert merged.save(str(Path(tmp_path) / "merged.png"))


def test_a_regions_profile_is_picked_in_the_crosswalk_editor(make_window, tmp_path, qtbot):
    plan = annex(tmp_path / "计划.xlsx", ROWS)
    revised = annex(tmp_path / "部门修订稿.xlsx", revised_rows())
    win = make_window([str(plan)])
    view = win.compare_file(revised)
    qtbot.waitExposed(view)

    def groups():
        return {view.groups.topLevelItem(i).text(0) for i in range(view.groups.topLevelItemCount())}

    assert "产业转型升级（含原“产业提升”）" not in groups()  # no region's renames by default
    assert win.session.doc.properties.crosswalk is None
    pick_profile(view, qtbot, "chongqing_2021_2022")
    qtbot.waitUntil(lambda: "产业转型升级（含原“产业提升”）" in groups())
    editor = view.crosswalk_editor
    assert editor.table.rowCount() == 3
    assert "重庆日报" in editor.profile_combo.itemData(
        editor.profile_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole
    )
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # one step undoes it all
    qtbot.waitUntil(lambda: "产业转型升级（含原“产业提升”）" not in groups())
    assert win.session.doc.properties.crosswalk is None and editor.table.rowCount() == 0


def test_crosswalk_edited_in_its_table_regroups_and_undoes(window, qtbot):
    view = window.compare_years()
    view.old_combo.setCurrentIndex(view.old_combo.findData("projects_2021"))
    view.new_combo.setCurrentIndex(view.new_combo.findData("projects_2022"))
    qtbot.mouseClick(view.crosswalk_button, Qt.MouseButton.LeftButton)
    editor = view.crosswalk_editor
    qtbot.waitExposed(editor)
    shown = {(editor.table.item(r, 1).text(), editor.table.item(r, 2).text()) for r in range(3)}
    assert ("产业提升", "产业转型升级") in shown and ("成渝地区双城经济圈", "") in shown
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("sector"))
    # Chinese arrives through the input method, not key by key: set the text, then Enter
    editor.old_edit.setText("成渝地区双城经济圈")
    editor.new_edit.setText("城市提升")
    editor.new_edit.setFocus()
    qtbot.keyClick(editor.new_edit, Qt.Key.Key_Return)

    def groups():
        return {view.groups.topLevelItem(i).text(0) for i in range(view.groups.topLevelItemCount())}

    qtbot.waitUntil(lambda: "城市提升（含原“成渝地区双城经济圈”）" in groups())
    crosswalk = window.session.doc.properties.crosswalk
    assert crosswalk.sector["成渝地区双城经济圈"] == "城市提升"
    assert window.session.doc.change_log[-1].action == "对照表"
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # crosswalk edits undo too
    qtbot.waitUntil(lambda: "成渝地区双城经济圈" in groups())
    assert editor.table.rowCount() == 3


def test_accept_one_cell_of_a_line_with_two_changes(make_window, tmp_path, qtbot):
    rows = [list(r) for r in ROWS]
    rows[0][4] = 18000  # 年度计划投资
    rows[0][6] = "渝中区发展改革委"  # 业主
    plan = annex(tmp_path / "计划.xlsx", ROWS)
    revised = annex(tmp_path / "修订.xlsx", [tuple(r) for r in rows])
    win = make_window([str(plan)])
    view = win.compare_file(revised)
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    model = view.merged_model
    row = line_of(view, "修改")
    owner = next(c for c in range(model.columnCount()) if model.field_at(c) == "owner")
    assert model.text(row, owner) == "渝中区政府 → 渝中区发展改革委"
    click_line(qtbot, view.merged_grid, row, owner)
    qtbot.keyClick(
        view.merged_grid,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    table = win.session.doc.table(win.current_table_id())
    key = table.keys[0]
    assert table.rows[key]["owner"] == "渝中区发展改革委"
    assert table.rows[key]["annual_plan"] == 1.5  # the other change of the line still pending
    qtbot.waitUntil(lambda: model.text(line_of(view, "修改"), owner) == "渝中区发展改革委")


def test_several_years_show_each_indicator_as_a_series(window, qtbot, tmp_path):
    from workbench.core.document import PlanDocument
    from workbench.core.table import Table
    from workbench.io.native.plan_file import save_plan

    earlier = PlanDocument(title="往年")
    for year, gdp in ((2019, 6.3), (2020, 3.9)):
        table = Table(id=f"indicators_{year}", kind="indicators", title=f"{year}年指标", year=year)
        table.append({"name": "地区生产总值增长", "unit": "%", "actual": gdp})
        table.append({"name": "城镇新增就业", "unit": "万人", "actual": 70.0})
        earlier.add_table(table)
    save_plan(earlier, tmp_path / "往年.xlsx")
    view = window.compare_years()
    series = view.open_series([tmp_path / "往年.xlsx"])
    qtbot.waitExposed(series)
    model = series.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:6] == ["2019年", "2020年", "2021年", "2022年"]
    rows = {model.text(r, 0): r for r in range(model.rowCount())}
    gdp = rows["地区生产总值增长"]
    assert [model.text(gdp, c) for c in range(2, 8)] == [
        "6.3",
        "3.9",
        "8.3",
        "",
        "5.5",
        "",  # 5.5 is above 3.9: not below each of the last three actuals
    ]
    assert model.series(gdp) == ([6.3, 3.9, 8.3, None], 5.5)
    assert "项下年目标在近三年实际之外" in series.summary.text()
    assert not series.grab().isNull()  # the sparkline delegate paints


def test_a_native_file_edited_structurally_compares_to_exactly_those_edits(
    make_window, tmp_path, qtbot
):
    """文件 → 比较… on our own file after a department deleted, added and renamed rows in
    Excel: the window shows those edits, not "no change"; it fits a 1366×768 screen with
    every button on it even when the status is long."""
    from tests.io.external_edit_files import (
        ADDED,
        CHANGED,
        DELETED,
        RENAMED,
        edit_in_openpyxl,
        native_plan,
    )

    plan = native_plan(tmp_path / "计划.xlsx")
    edited = edit_in_openpyxl(plan, tmp_path / "部门修改.xlsx")
    win = make_window([str(plan)])
    view = win.compare_file(edited)
    qtbot.waitExposed(view)
    counts = view.counts_label.text()
    # the rename is proposed (its two rows count as added and removed until accepted)
    assert counts.startswith(f"未变 4　修改 {len(CHANGED)}　新增 2　删除 2　建议配对 1"), counts
    model = view.merged_model
    texts = {model.text(r, 1) for r in range(model.rowCount())}
    assert ADDED[0] in texts and DELETED in texts
    assert any(RENAMED[1] in t for t in texts)
    view._status("很长的提示" * 200)
    view.resize(1366, 700)
    qtbot.wait(50)
    assert view.width() <= 1366 and view.minimumSizeHint().width() <= 1366
    for button in (view.accept_group_button, view.accept_all_button, view.undo_button):
        right = button.mapTo(view, button.rect().topRight()).x()
        assert button.isVisible() and right <= view.width()


def test_reject_a_group_or_everything_and_take_it_back(compared, qtbot):
    win, view = compared
    table = win.session.doc.table(win.current_table_id())
    logged = len(win.session.doc.change_log)  # the crosswalk profile picked is already there
    qtbot.mouseClick(view.reject_all_button, Qt.MouseButton.LeftButton)
    assert "已拒绝" in view.counts_label.text()
    model = view.merged_model
    rejected = [r for r in range(model.rowCount()) if "已拒绝" in model.text(r, 0)]
    assert rejected and model.data(model.index(rejected[0], 1), Qt.ItemDataRole.FontRole).italic()
    qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    assert len(table) == len(ROWS) and len(win.session.doc.change_log) == logged  # nothing taken
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)  # the rejection itself
    assert "已拒绝" not in view.counts_label.text()
    science = next(
        view.groups.topLevelItem(i)
        for i in range(view.groups.topLevelItemCount())
        if view.groups.topLevelItem(i).text(0) == "科技创新"
    )
    view.groups.setCurrentItem(science)
    qtbot.mouseClick(view.reject_group_button, Qt.MouseButton.LeftButton)
    texts = [model.text(r, 0) for r in range(model.rowCount())]
    assert any("已拒绝" in t for t in texts) and not all("已拒绝" in t for t in texts)


def test_the_other_table_follows_and_decisions_stay_with_their_table(
    make_window, tmp_path, qtbot, sample_doc
):
    """Choosing another table of the current document picks its counterpart; a rejection
    made on one pair of tables is not counted on the next; 方向 reads as words."""
    import openpyxl

    from workbench.io.native.plan_file import save_plan

    plan = save_plan(sample_doc, tmp_path / "计划.xlsx")
    book = openpyxl.load_workbook(plan)
    book["2021年重大项目"]["G7"] = 50.0
    book.save(tmp_path / "修订.xlsx")
    win = make_window([str(plan)])
    view = win.compare_file(tmp_path / "修订.xlsx")
    qtbot.waitExposed(view)
    view.old_combo.setCurrentIndex(view.old_combo.findData("projects_2021"))
    assert view.new_combo.currentData() == "projects_2021"
    click_line(qtbot, view.merged_grid, line_of(view, "修改"))
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert "已拒绝 1" in view.counts_label.text()
    view.old_combo.setCurrentIndex(view.old_combo.findData("indicators_2021"))
    assert view.new_combo.currentData() == "indicators_2021"
    assert "已拒绝" not in view.counts_label.text()
    view.only_changes.setChecked(False)
    model = view.merged_model
    direction = [c for c in range(model.columnCount()) if model.field_at(c) == "direction"]
    shown = {model.text(r, c) for r in range(model.rowCount()) for c in direction}
    assert "lower" not in shown and "higher" not in shown


def test_the_name_stays_in_view_when_the_figures_scroll(compared, qtbot):
    _win, view = compared
    grid = view.merged_grid
    grid.resize(500, 300)
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    qtbot.waitUntil(grid.frozen.isVisible, timeout=2000)
    assert [grid.frozen.isColumnHidden(c) for c in range(3)] == [False, False, True]
    name = grid.frozen.model().headerData(1, Qt.Orientation.Horizontal)
    assert name == "项目名称"
    grid.horizontalScrollBar().setValue(0)
    assert not grid.frozen.isVisible()
