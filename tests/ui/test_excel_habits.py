"""What a reviewer used to Excel and WPS expects from the grid, driven with keys and clicks;
and derived figures that follow the figures they come from."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from tests.ui.test_editing import cell, column_of, type_into
from workbench.core.edits import CellChange, SetCells, SetReview

KEY = Qt.ItemDataRole.UserRole + 2


def table(win):
    return win.session.doc.table(win.current_table_id())


# ---- moving -----------------------------------------------------------------------------------
def test_ctrl_arrows_jump_to_the_edge_of_the_data(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    note = column_of(window, "备注")
    grid.setCurrentIndex(grid.model().index(0, 1))
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert grid.currentIndex().row() == grid.model().rowCount() - 1  # names run to the end
    qtbot.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert grid.currentIndex().row() == 0
    # a blank column: Ctrl+Down from its top skips the blanks to the last row
    empty = [r for r in range(40) if not grid.model().index(r, note).data()]
    assert empty, "sample notes are mostly blank"
    grid.setCurrentIndex(grid.model().index(empty[0], note))
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    landed = grid.currentIndex()
    assert landed.row() > empty[0]
    assert landed.data() or landed.row() == grid.model().rowCount() - 1
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert grid.currentIndex().column() == grid.model().columnCount() - 1
    qtbot.keyClick(grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    end = grid.currentIndex()
    assert (end.row(), end.column()) == (849, grid.model().columnCount() - 1)


# ---- the status bar -----------------------------------------------------------------------------
def test_selection_sum_average_and_count_in_the_status_bar(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    column = column_of(window, "年度计划（亿元）")
    top = grid.model().index(0, column)
    grid.setCurrentIndex(top)
    grid.setFocus()
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    t = table(window)
    values = [t.rows[k]["annual_plan"] for k in t.keys[:4]]
    qtbot.waitUntil(lambda: "求和" in window.stats_label.text(), timeout=2000)
    text = window.stats_label.text()
    total = sum(values)
    assert f"求和：{total:,.4f}".rstrip("0").rstrip(".") in text
    assert "计数：4" in text
    average = f"{total / 4:,.4f}".rstrip("0").rstrip(".")
    assert f"平均值：{average}" in text
    # text cells are counted, not summed
    name = grid.model().index(0, 1)
    grid.scrollTo(name)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(name).center())
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.stats_label.text() == "计数：2", timeout=2000)


# ---- AutoFilter --------------------------------------------------------------------------------
def test_autofilter_dropdown_lists_values_and_filters_rows(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    header = grid.horizontalHeader()
    column = column_of(window, "投资来源")
    rect = header.button_rect(column)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    popup = grid.filter_popup
    assert popup.isVisible()
    labels = [i.text() for i in popup.value_items()]
    assert any(label.startswith("政府投资") for label in labels)
    assert any(label.startswith("企业投资") for label in labels)
    t = table(window)
    enterprise = sum(1 for _, row in t if row.get("funding") == "企业投资")
    # untick everything, tick 企业投资, 确定
    popup.all_item.setCheckState(Qt.CheckState.Unchecked)
    item = next(i for i in popup.value_items() if i.text().startswith("企业投资"))
    assert f"({enterprise})" in item.text()  # the count beside each value
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(
        popup.buttons.button(popup.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert grid.model().rowCount() == enterprise
    assert f"筛选后显示 {enterprise} 行" in window.table_label.text()
    # the header shows the column is filtered (a funnel instead of the arrow)
    funnel = grid.model().headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole
    )
    arrow = grid.model().headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole)
    assert funnel.cacheKey() != arrow.cacheKey()
    assert column in grid.plan_model.column_values
    # clearing shows every row again
    window.clear_filter_action.trigger()
    assert grid.model().rowCount() == 850
    assert "筛选后" not in window.table_label.text()


# ---- figures as people read them ---------------------------------------------------------------
def test_money_has_thousands_separators_and_two_decimals(window):
    window.show_table("summary_2021_funding")
    model = window.model
    column = column_of(window, "报告所列·总投资")
    texts = [model.index(r, column).data() for r in range(model.rowCount())]
    values = [r.get("total_investment") for _, r in table(window)]
    for text, value in zip(texts, values, strict=True):
        if value is None:
            continue
        assert text == f"{value:,.2f}"  # 2,132.00 and 781.00 alike: same decimals, separators
    assert any("," in t for t in texts)


def test_typing_into_a_derived_column_says_why(qtbot, window):
    grid = window.grid
    reason = column_of(window, "判定依据")
    grid.setCurrentIndex(grid.model().index(0, reason))
    grid.setFocus()
    before = grid.model().index(0, reason).data()
    qtbot.keyClicks(grid, "9")
    assert "判定依据" in window.statusBar().currentMessage()
    assert "不能直接修改" in window.statusBar().currentMessage()
    assert grid.model().index(0, reason).data() == before


def test_a_comment_puts_a_corner_mark_with_the_text_on_hover(qtbot, window):
    grid = window.grid
    review = column_of(window, "审核")
    index = grid.model().index(2, review)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    key = index.data(KEY)
    window.session.do(SetReview("indicators_2021", key, comment="请核对统计口径\n附说明"))
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "请核对统计口径" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_comment_dialog_is_multiline_and_chinese(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton

    from workbench.ui.grid import CommentDialog

    grid = window.grid
    grid.setCurrentIndex(grid.model().index(1, 2))
    seen = {}

    def fill(dialog):
        seen["title"] = dialog.windowTitle()
        seen["buttons"] = {b.text() for b in dialog.findChildren(QPushButton)}
        assert isinstance(dialog.edit, QPlainTextEdit)
        dialog.edit.setFocus()
        qtbot.keyClicks(dialog.edit, "first")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.edit, "second")
        return 1

    monkeypatch.setattr(CommentDialog, "exec", fill)
    grid.ask_comment()
    key = grid.model().index(1, 0).data(KEY)
    assert window.session.doc.table("indicators_2021").mark(key).comment == "first\nsecond"
    assert seen["title"] == "审核意见"
    assert {"确定", "取消"} <= seen["buttons"]


# ---- derived figures stay live ----------------------------------------------------------------
def test_editing_an_actual_rederives_its_status_at_once(qtbot, window):
    status = column_of(window, "完成情况")
    reason = column_of(window, "判定依据")
    type_into(qtbot, window, cell(window, 0, "执行情况"), "3")
    shown = window.model.index(0, status).data()
    assert "未完成" in shown
    assert "3 < 6%" in window.model.index(0, reason).data()
    type_into(qtbot, window, cell(window, 0, "执行情况"), "7")
    assert "未完成" not in window.model.index(0, status).data()


def test_a_stated_status_the_figures_contradict_shows_both(qtbot, window):
    t = table(window)
    status = column_of(window, "完成情况")
    key = t.keys[0]
    # the department wrote 完成 in its sheet; the figure now misses the 6% target
    window.session.doc.apply(SetCells(t.id, (CellChange(key, "status", "完成"),)))
    type_into(qtbot, window, cell(window, 0, "执行情况"), "4")
    index = window.model.index(window.model.row_of(key), status)
    text = index.data()
    assert text == "原表完成／推算未完成"
    foreground = index.data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert foreground == "#c62828"  # red, never the green of 完成
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "原表填报“完成”" in index.data(Qt.ItemDataRole.ToolTipRole)
    # the review panel says the same, both ways
    window.grid.setCurrentIndex(window.grid.model().index(0, 2))
    panel_text = " ".join(
        label.text() for label in window.review_panel.findChildren(type(window.review_panel.title))
    )
    assert "原表：完成" in panel_text and "推算：未完成" in panel_text


def test_editing_completed_or_plan_recomputes_the_completion_rate(qtbot, window):
    window.show_table("projects_2021")
    t = table(window)
    rate = column_of(window, "完成率（%）")
    key = t.keys[0]
    row = t.rows[key]
    plan = row["annual_plan"]
    type_into(qtbot, window, cell(window, 0, "完成投资（亿元）"), f"{plan / 2:.4f}")
    assert abs(t.rows[key]["completion_rate"] - 50.0) < 0.06
    assert window.model.index(0, rate).data() == f"{t.rows[key]['completion_rate']:.1f}"
    # one undo takes back the figure and the rate together
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert t.rows[key]["completion_rate"] == row["completion_rate"]


def test_a_stated_rate_that_disagrees_is_shown_beside_the_computed_one(qtbot, window):
    window.show_table("projects_2021")
    t = table(window)
    rate = column_of(window, "完成率（%）")
    key = t.keys[1]
    window.session.do(SetCells(t.id, (CellChange(key, "completion_rate", 12.3),)))
    index = window.model.index(window.model.row_of(key), rate)
    computed = t.rows[key]["completed"] / t.rows[key]["annual_plan"] * 100
    assert index.data() == f"12.3／算{computed:.1f}"
    assert "按完成投资÷年度计划应为" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_rows_below_an_insert_keep_their_content(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    grid.selectionModel().select(
        grid.model().index(20, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    key = grid.model().index(20, 0).data(KEY)
    grid.setCurrentIndex(grid.model().index(5, 1))
    grid.insert_row()
    assert grid.model().index(21, 0).data(KEY) == key  # rows below moved down by one
    assert grid.currentIndex().row() == 5 and grid.currentIndex().column() == 1
