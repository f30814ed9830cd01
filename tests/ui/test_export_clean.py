"""A clean print copy is one option away in the window (issue 13)."""

import openpyxl
from PySide6.QtWidgets import QFileDialog

from tests.ui.test_editing import cell, type_into


def test_file_menu_exports_a_clean_print_copy(qtbot, make_window, tmp_path, monkeypatch):
    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "8.6")  # a change: marked copies fill it
    target = tmp_path / "打印稿.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu_texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    assert win.export_clean_action.text() in menu_texts
    win.export_clean_action.trigger()
    book = openpyxl.load_workbook(target)
    assert "修订记录" not in book.sheetnames and "_workbench" not in book.sheetnames
    sheet = book.worksheets[0]
    assert sheet["G6"].value == 8.6  # the corrected figure, printed plainly
    assert sheet["G6"].fill.fill_type in (None, "none") and sheet["G6"].comment is None
    assert (
        "打印稿" in win.statusBar().currentMessage() or "已导出" in win.statusBar().currentMessage()
    )
    win.session.history.mark_saved()
