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


def test_exporting_a_status_the_figures_contradict_says_so(
    qtbot, make_window, tmp_path, monkeypatch
):
    """GDP typed down to 5.2 against 6%以上: the annex prints 未完成, and the window names
    the row instead of letting the changed verdict go out unsaid (issue 23, item 2)."""
    from PySide6.QtWidgets import QMessageBox

    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "5.2")
    target = tmp_path / "附件.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a, **k: told.append(text)
    )
    win.export_action.trigger()
    assert len(told) == 1 and "地区生产总值增长" in told[0] and "未完成" in told[0]
    row = next(
        r
        for r in openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)
        if "地区生产总值增长" in r
    )
    assert "未完成" in row and "完成" not in row
    win.session.history.mark_saved()
