"""Editing as a user does it: type, undo, paste from Excel, sort and filter, review marks."""

import re

import shiboken6
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from workbench.ui.table_model import KEY_ROLE


def column_of(win, label):
    """The column titled `label`, or `label` under a year band ("2021年执行情况")."""
    model = win.grid.model()
    for c in range(model.columnCount()):
        header = model.headerData(c, Qt.Orientation.Horizontal)
        if header == label or re.fullmatch(r"\d{4}年" + re.escape(label), header or ""):
            return c
    raise KeyError(label)


def cell(win, row, label):
    return win.grid.model().index(row, column_of(win, label))


def enter_text(qtbot, widget, text):
    """ASCII as key presses; Chinese as an input method delivers it (a commit string)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def type_into(qtbot, win, index, text, *, refused=False):
    """F2 on the cell, type into the editor that opens, Enter — as a user would. A refused
    entry stays in its editor: then return the editor still open."""
    win.grid.setCurrentIndex(index)
    win.grid.setFocus()
    qtbot.keyClick(win.grid, Qt.Key.Key_F2)
    editor = next((e for e in win.grid.viewport().findChildren(QLineEdit) if e.isVisible()), None)
    assert editor is not None
    editor.selectAll()
    enter_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    if refused:
        qtbot.wait(50)
        return editor
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(editor) or not editor.isVisible(), timeout=2000
    )  # Qt commits on the next loop turn
    return None


def test_type_a_value_and_see_it_marked(qtbot, window):
    index = cell(window, 0, "执行情况")
    assert index.data() == "8.3"
    type_into(qtbot, window, index, "8.9")
    assert index.data() == "8.9"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # the change mark
    assert "原值：8.3" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.windowTitle().startswith("*")
    table = window.session.doc.table("indicators_2021")
    assert table.value(table.keys[0], "actual") == 8.9


def test_invalid_input_is_refused_with_a_visible_reason(qtbot, window, message_boxes):
    index = cell(window, 0, "执行情况")
    editor = type_into(qtbot, window, index, "很多", refused=True)
    assert index.data() == "8.3"
    assert "不是数值" in window.statusBar().currentMessage()
    assert message_boxes == []  # never a modal box from inside the model
    # the refused text stays in the editor, marked, to be corrected rather than retyped
    assert editor.isVisible() and editor.text() == "很多"
    assert "不是数值" in editor.toolTip()
    editor.setText("8.7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "8.7", timeout=2000)
    assert window.grid.state() != window.grid.State.EditingState


def test_escape_abandons_a_refused_entry(qtbot, window):
    index = cell(window, 0, "执行情况")
    editor = type_into(qtbot, window, index, "很多", refused=True)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.grid.state() != window.grid.State.EditingState, timeout=2000)
    assert index.data() == "8.3"
    type_into(qtbot, window, cell(window, 1, "执行情况"), "11")  # the grid edits normally again
    assert cell(window, 1, "执行情况").data() == "11"


def test_undo_and_redo_with_the_keyboard(qtbot, window):
    index = cell(window, 1, "执行情况")
    type_into(qtbot, window, index, "11")
    assert window.undo_action.text().startswith("撤销 修改单元格")
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert index.data() == "10.7"
    assert not window.windowTitle().startswith("*")
    qtbot.keyClick(window.grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert index.data() == "11"


def test_paste_a_block_copied_from_excel_as_one_step(qtbot, window):
    start = cell(window, 0, "执行情况")
    window.grid.setCurrentIndex(start)
    QApplication.clipboard().setText("8.5\t完成\r\n10.1\t基本完成\r\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (
        cell(window, 0, "执行情况").data() == "8.5"
        and cell(window, 1, "完成情况").data() == "基本完成"
    )
    table = window.session.doc.table("indicators_2021")
    assert table.value(table.keys[1], "status_override") == "基本完成"
    window.undo()  # one step undoes the whole block
    assert (
        cell(window, 0, "执行情况").data() == "8.3" and cell(window, 1, "完成情况").data() == "完成"
    )


def test_paste_html_from_wps(qtbot, window):
    window.grid.setCurrentIndex(cell(window, 2, "执行情况"))
    mime = QMimeData()
    mime.setHtml("<table><tr><td>９.５</td></tr><tr><td>6.3%</td></tr></table>")
    QApplication.clipboard().setMimeData(mime)
    window.grid.paste()
    assert (
        cell(window, 2, "执行情况").data() == "9.5" and cell(window, 3, "执行情况").data() == "6.3"
    )


def test_pasting_past_the_end_asks_before_adding_rows(qtbot, window, monkeypatch):
    window.show_table("summary_2022_funding")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    window.grid.setCurrentIndex(cell(window, 2, "分组"))
    assert window.grid.paste_block([["合计"], ["另计项目"], ["第二个"]])
    assert asked and window.grid.model().rowCount() == 5
    assert cell(window, 4, "分组").data() == "第二个"
    window.undo()
    assert window.grid.model().rowCount() == 3


def test_sort_then_edit_goes_to_the_right_row(qtbot, window):
    window.show_table("projects_2022")
    header = window.grid.horizontalHeader()
    column = column_of(window, "年度计划（亿元）")
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft()
        + header.rect()
        .center()
        .__class__(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 5),
    )
    first = cell(window, 0, "年度计划（亿元）")
    key = first.data(KEY_ROLE)
    table = window.session.doc.table("projects_2022")
    assert key != table.keys[0]  # sorting moved rows
    type_into(qtbot, window, first, "0.5")
    assert table.value(key, "annual_plan") == 0.5


def test_filter_then_edit_goes_to_the_right_row(qtbot, window):
    window.show_table("projects_2021")
    window.focus_search()
    enter_text(qtbot, window.search, "社会民生")
    proxy = window.grid.model()
    assert 0 < proxy.rowCount() < 861
    assert "筛选后显示" in window.table_label.text()
    index = cell(window, 0, "项目名称")
    key = index.data(KEY_ROLE)
    type_into(qtbot, window, index, "改名的民生项目")
    assert window.session.doc.table("projects_2021").value(key, "name") == "改名的民生项目"


def test_row_status_and_comment_from_the_side_panel(qtbot, window):
    window.grid.setCurrentIndex(cell(window, 9, "指标名称"))
    panel = window.review_panel
    doubtful = next(b for b in panel.buttons.buttons() if b.text() == "存疑")
    qtbot.mouseClick(doubtful, Qt.MouseButton.LeftButton)
    panel.comment.setPlainText("民营经济占比口径待核")
    qtbot.mouseClick(panel.save_comment, Qt.MouseButton.LeftButton)
    table = window.session.doc.table("indicators_2021")
    mark = table.mark(table.keys[9])
    assert (mark.status, mark.comment) == ("存疑", "民营经济占比口径待核")
    assert cell(window, 9, "审核").data() == "存疑"
    assert cell(window, 9, "指标名称").data(Qt.ItemDataRole.BackgroundRole) is not None


def test_review_status_by_shortcut_on_several_rows(qtbot, window):
    grid = window.grid
    grid.selectRow(0)
    grid.selectionModel().select(
        window.grid.model().index(1, 0),
        grid.selectionModel().SelectionFlag.Select | grid.selectionModel().SelectionFlag.Rows,
    )
    qtbot.keyClick(grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert cell(window, 0, "审核").data() == "已审" and cell(window, 1, "审核").data() == "已审"


def test_fill_down_insert_and_delete_rows(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    column = column_of(window, "区县")
    grid.setCurrentIndex(grid.model().index(0, column))
    for r in range(3):
        grid.selectionModel().select(
            grid.model().index(r, column), grid.selectionModel().SelectionFlag.Select
        )
    qtbot.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    first = cell(window, 0, "区县").data()
    assert cell(window, 1, "区县").data() == first and cell(window, 2, "区县").data() == first
    grid.setCurrentIndex(cell(window, 0, "项目名称"))
    grid.insert_row()
    assert grid.model().rowCount() == 851 and cell(window, 0, "项目名称").data() == ""
    grid.selectRow(0)
    grid.delete_rows()
    assert grid.model().rowCount() == 850


def test_copy_puts_tsv_and_html_on_the_clipboard(qtbot, window):
    grid = window.grid
    grid.setCurrentIndex(cell(window, 0, "指标名称"))
    grid.selectionModel().select(
        cell(window, 1, "单位"), grid.selectionModel().SelectionFlag.Select
    )
    grid.selectionModel().select(
        cell(window, 0, "单位"), grid.selectionModel().SelectionFlag.Select
    )
    grid.selectionModel().select(
        cell(window, 1, "指标名称"), grid.selectionModel().SelectionFlag.Select
    )
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == "地区生产总值增长\t%\r\n规模以上工业增加值增长\t%\r\n"
    assert "<td>地区生产总值增长</td>" in mime.html()


def test_summary_follows_project_edits(qtbot, window):
    window.show_table("projects_2021")
    table = window.session.doc.table("projects_2021")
    key = table.keys[0]
    old = table.value(key, "completed")
    type_into(qtbot, window, cell(window, 0, "完成投资（亿元）"), f"{old + 1:.4f}")
    window.show_table("summary_2021_sector")
    computed = cell(window, 0, "按项目明细汇总·完成投资").data()
    assert computed == f"{370 + 1:.2f}"
    assert (
        cell(window, 0, "按项目明细汇总·完成投资").data(Qt.ItemDataRole.BackgroundRole) is not None
    )


def test_enter_moves_down_like_excel(qtbot, window):
    index = cell(window, 0, "执行情况")
    type_into(qtbot, window, index, "8.8")
    assert window.grid.currentIndex().row() == 1
    assert window.grid.currentIndex().column() == index.column()


def test_a_paste_with_one_bad_cell_changes_nothing(qtbot, window):
    window.grid.setCurrentIndex(cell(window, 0, "执行情况"))
    assert not window.grid.paste_block([["8.6"], ["很多"]])
    assert cell(window, 0, "执行情况").data() == "8.3"
    assert "不是数值" in window.statusBar().currentMessage()
    assert not window.session.history.can_undo
