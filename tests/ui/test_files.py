"""Work is never lost: save and reopen, changes on disk, crash recovery, locks, closing."""

import json
import subprocess
import sys
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.io import annex_fixtures as fx
from tests.ui.test_editing import cell, type_into
from workbench.core.edits import SetReview


def test_save_and_reopen_restores_everything(qtbot, make_window, tmp_path):
    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "8.6")
    key = win.session.doc.table("indicators_2021").keys[3]
    win.session.do(SetReview("indicators_2021", key, "退回", "请统计局复核"))
    path = tmp_path / "审核稿.xlsx"
    assert win._save_to(path)
    assert not win.windowTitle().startswith("*") and "审核稿.xlsx" in win.windowTitle()
    log_size = len(win.session.doc.change_log)
    win.close()

    again = make_window([path])
    table = again.session.doc.table("indicators_2021")
    assert table.value(table.keys[0], "actual") == 8.6
    assert (table.mark(key).status, table.mark(key).comment) == ("退回", "请统计局复核")
    assert len(again.session.doc.change_log) == log_size
    assert cell(again, 3, "审核").data() == "退回"
    # and Ctrl+S saves in place from now on
    type_into(qtbot, again, cell(again, 1, "执行情况"), "10.8")
    qtbot.keyClick(again.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not again.session.modified


def test_saving_over_a_file_changed_on_disk_asks_first(
    qtbot, make_window, tmp_path, message_boxes, monkeypatch
):
    win = make_window()
    path = tmp_path / "plan.xlsx"
    assert win._save_to(path)
    type_into(qtbot, win, cell(win, 0, "执行情况"), "8.1")
    time.sleep(0.01)
    path.write_bytes(path.read_bytes() + b"")  # someone else saved it meanwhile
    other = tmp_path / "someone.xlsx"
    import shutil

    shutil.copy(path, other)
    shutil.copy(other, path)
    copy = tmp_path / "我的副本.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert win.save()  # "No" to overwriting → Save As
    assert any("已被他人或其他程序修改" in text for _, text in message_boxes)
    assert copy.exists() and win.session.path == copy


def test_recovery_after_a_crash(qtbot, make_window, data_dir, monkeypatch):
    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "7.7")
    win.session.autosave()
    (recovery,) = list((data_dir / "recovery").glob("*.json"))
    data = json.loads(recovery.read_text(encoding="utf-8"))
    data["pid"] = 2**22 + 12345  # the process that wrote it is gone: a crash
    recovery.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    win.session.history.mark_saved()  # this test window must not prompt on close
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    again = make_window(recover=True)
    table = again.session.doc.table("indicators_2021")
    assert table.value(table.keys[0], "actual") == 7.7
    assert again.session.modified
    assert "恢复" in again.statusBar().currentMessage()


def test_a_second_instance_sees_the_lock_and_opens_read_only(
    qtbot, make_window, tmp_path, message_boxes
):
    first = make_window()
    path = tmp_path / "shared.xlsx"
    assert first._save_to(path)
    first.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time\nfrom workbench.io.native.locks import FileLock\n"
            "lock=FileLock(sys.argv[1]); assert lock.acquire(); print('locked', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        win = make_window([path])
        assert win.session.read_only and win.windowTitle().startswith("[只读]")
        assert any("已以只读方式打开" in text for _, text in message_boxes)
        before = cell(win, 0, "执行情况").data()
        win.grid.setCurrentIndex(cell(win, 0, "执行情况"))
        assert not (cell(win, 0, "执行情况").flags() & Qt.ItemFlag.ItemIsEditable)
        assert not win.save_action.isEnabled()
        assert cell(win, 0, "执行情况").data() == before
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    # the holder died without cleaning up: its lock is stale and is taken over
    again = make_window([path])
    assert not again.session.read_only


def test_closing_with_unsaved_changes_asks(qtbot, make_window, monkeypatch):
    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "9.9")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel,
    )
    assert not win.close()
    assert asked and "未保存" in asked[0] and win.isVisible()
    win.session.history.mark_saved()


def test_a_workbook_with_several_tables_offers_a_choice(qtbot, make_window, tmp_path, monkeypatch):
    import openpyxl

    from workbench.ui import open_dialog

    book = openpyxl.load_workbook(fx.execution_annex(tmp_path / "a.xlsx"))
    other = openpyxl.load_workbook(fx.project_list_with_sector_column(tmp_path / "b.xlsx")).active
    sheet = book.create_sheet("项目清单")
    for row in other.iter_rows(values_only=True):
        sheet.append(row)
    path = tmp_path / "两张表.xlsx"
    book.save(path)
    seen = []

    def accept_first_only(dialog):
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
        return 1

    monkeypatch.setattr(open_dialog.TableChooser, "exec", accept_first_only)
    win = make_window([path])
    assert len(seen[0]) == 2 and "项目清单" in seen[0][1]
    assert list(win.session.doc.tables) == ["indicators_1"]
    # a plain import nobody edited is not "modified": closing asks nothing
    assert not win.session.modified
    assert "导入，未保存" in win.windowTitle()


def test_drop_a_file_onto_the_window(qtbot, make_window, tmp_path):
    win = make_window()
    path = fx.project_list(tmp_path / "拖入.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    qtbot.waitUntil(lambda: win.current_table_id() == "projects_1", timeout=3000)
    assert win.grid.model().rowCount() == 3
