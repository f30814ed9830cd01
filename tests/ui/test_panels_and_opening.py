"""The findings panel, Chinese throughout, history that survives saving, and opening a file
the way a person does (read once, no needless questions, nothing dropped)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.io import annex_fixtures as fx
from tests.ui.test_editing import cell, type_into
from workbench.ui.findings_panel import HINT


# ---- findings ----------------------------------------------------------------------------------
def test_findings_panel_hints_then_lists_checks_by_severity(qtbot, window):
    panel = window.findings
    assert window.findings_dock.windowTitle() == "检查结果"  # not the review comment's name
    assert panel.stack.currentWidget() is panel.hint and panel.hint.text() == HINT
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert panel.stack.currentWidget() is panel.tree
    items = panel.items()
    assert items
    counts = {s: panel.count(s) for s in ("error", "warning", "info")}
    assert sum(counts.values()) == len(items)
    for severity, button in panel.buttons.items():
        assert button.text().endswith(f" {panel.count(severity)}")
    # colours by severity
    warning = next((i for i in items if i.text(0) == "警告"), None) or items[0]
    assert warning.foreground(0).color().name() in ("#b26a00", "#c62828", "#0b3d91")
    # filter by severity and by text
    biggest = max(counts, key=counts.get)
    panel.buttons[biggest].click()
    assert all(i.text(0) != panel.buttons[biggest].text().split()[0] for i in panel.visible_items())
    panel.buttons[biggest].click()
    word = items[0].text(1)[:4]
    panel.filter.setText(word)
    assert panel.visible_items() and all(
        any(word in i.text(c) for c in range(4)) for i in panel.visible_items()
    )
    panel.filter.clear()
    # sorting by severity puts 错误 first
    panel.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ranks = [i.data(0, Qt.ItemDataRole.UserRole + 1) for i in panel.items()]
    assert ranks == sorted(ranks)


def test_activating_a_finding_shows_its_cell(qtbot, window):
    window.run_checks()
    panel = window.findings
    item = next(i for i in panel.items() if i.data(0, Qt.ItemDataRole.UserRole) and i.text(3))
    table_id, key, _ = item.data(0, Qt.ItemDataRole.UserRole)
    panel.tree.itemActivated.emit(item, 0)
    assert window.current_table_id() == table_id
    assert window.grid.current_key() == key


# ---- Chinese -----------------------------------------------------------------------------------
def test_qt_speaks_chinese_and_the_shipped_font_is_registered(qapp):
    from PySide6.QtGui import QFontDatabase, QFontMetrics
    from PySide6.QtWidgets import QDialogButtonBox

    from workbench.ui.app import SHIPPED_FAMILY, install_chinese

    families = install_chinese(qapp)
    assert SHIPPED_FAMILY in QFontDatabase.families()
    assert SHIPPED_FAMILY in families and SHIPPED_FAMILY in qapp.font().families()
    from PySide6.QtGui import QFont

    metrics = QFontMetrics(QFont(SHIPPED_FAMILY))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "计划审核工作台文件编辑")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Discard
        | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert any("保存" in t for t in texts) and any("取消" in t for t in texts), texts


def test_chart_toolbar_speaks_chinese(qtbot, window):
    panel = window.charts[0][0]
    toolbar = panel.toolbar
    tips = [a.toolTip() for a in toolbar.actions() if a.toolTip()]
    assert tips and all(any("\u4e00" <= ch <= "\u9fff" for ch in tip) for tip in tips), tips
    assert panel.coordinates_text(1.5, 2.25).startswith("x=")
    assert "，" in panel.coordinates_text(1.5, 2.25)


# ---- history stays visible ----------------------------------------------------------------------
def test_changed_cells_keep_marks_and_originals_after_save_and_reopen(qtbot, make_window, tmp_path):
    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "8.6")
    path = tmp_path / "审核稿.xlsx"
    assert win._save_to(path)
    index = cell(win, 0, "执行情况")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # still marked after save
    win.close()
    again = make_window([path])
    index = cell(again, 0, "执行情况")
    assert index.data() == "8.6"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "原值：8.3" in index.data(Qt.ItemDataRole.ToolTipRole)
    again.grid.setCurrentIndex(index)
    texts = " ".join(
        w.text() for w in again.review_panel.findChildren(type(again.review_panel.title))
    )
    assert "8.3 → 8.6" in texts


# ---- opening ---------------------------------------------------------------------------------------
def test_a_workbook_is_read_once_through_the_table_chooser(
    qtbot, make_window, tmp_path, monkeypatch, message_boxes
):
    import openpyxl

    from workbench.io.reading import workbook_source
    from workbench.ui import open_dialog

    book = openpyxl.load_workbook(fx.execution_annex(tmp_path / "a.xlsx"))
    other = openpyxl.load_workbook(fx.project_list_with_sector_column(tmp_path / "b.xlsx")).active
    sheet = book.create_sheet("项目清单")
    for row in other.iter_rows(values_only=True):
        sheet.append(row)
    path = tmp_path / "两张表.xlsx"
    book.save(path)
    reads = []
    real = workbook_source.read_workbook
    monkeypatch.setattr(
        workbook_source, "read_workbook", lambda p, **kw: (reads.append(p), real(p, **kw))[1]
    )
    monkeypatch.setattr(open_dialog.TableChooser, "exec", lambda dialog: 1)
    win = make_window([path])
    assert len(reads) == 1
    assert len(win.session.doc.tables) == 2
    # nothing was edited: closing asks nothing
    win.close()
    assert not any("未保存" in text for _, text in message_boxes)


def _crash_leftover(win, data_dir) -> None:
    """Autosave, then pretend the process that wrote it has gone."""
    import json

    win.session.autosave()
    for recovery in (data_dir / "recovery").glob("*.json"):
        data = json.loads(recovery.read_text(encoding="utf-8"))
        data["pid"] = 2**22 + 12345
        recovery.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    win.session.history.mark_saved()  # this test window must not prompt on close


def test_recovery_keeps_the_file_named_on_the_command_line(
    qtbot, make_window, tmp_path, message_boxes, data_dir
):
    from workbench.io.native.plan_file import save_plan
    from workbench.io.native.recovery import leftovers

    first = make_window()
    plan = tmp_path / "另一份.xlsx"
    save_plan(first.session.doc, plan)
    type_into(qtbot, first, cell(first, 1, "执行情况"), "11")
    _crash_leftover(first, data_dir)  # unsaved sample edits, then the machine "crashes"
    assert len(leftovers()) == 1
    # starting on a named file opens that file; the other document's work is kept for later
    other = make_window([plan], recover=True)
    assert other.session.path == plan
    assert not any("恢复" in title for title, _ in message_boxes)
    assert len(leftovers()) == 1


def test_edits_made_in_excel_since_show_as_marked_changes(qtbot, make_window, tmp_path):
    import openpyxl

    win = make_window()
    path = tmp_path / "附件.xlsx"
    assert win._save_to(path)
    table = win.session.doc.table("projects_2021")
    original = table.value(table.keys[0], "completed")
    win.close()
    name = table.value(table.keys[0], "name")
    book = openpyxl.load_workbook(path)
    sheet = book["2021年重大项目"]
    cells = [c for row in sheet.iter_rows() for c in row]
    header = next(c for c in cells if c.value == "完成投资")
    named = next(c for c in cells if c.value == name)
    sheet.cell(named.row, header.column).value = 99.5  # the first project's completed, in Excel
    book.save(path)
    again = make_window([path])
    again.show_table("projects_2021")
    index = cell(again, 0, "完成投资（亿元）")
    assert index.data() == "99.50"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert f"原值：{original:,.2f}" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "外部修改" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_recovered_work_keeps_its_change_marks(qtbot, make_window, data_dir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    win = make_window()
    type_into(qtbot, win, cell(win, 0, "执行情况"), "7.7")
    _crash_leftover(win, data_dir)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = make_window(recover=True)
    index = cell(again, 0, "执行情况")
    assert index.data() == "7.7"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "原值：8.3" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_reviewer_sets_the_direction_of_an_indicator_and_its_status_follows(qtbot, window):
    from tests.ui.test_excel_habits import column_of

    grid = window.grid
    t = window.session.doc.table("indicators_2021")
    row = next(
        i for i, k in enumerate(t.keys) if "失业率" in (t.rows[k].get("name") or "")
    )  # 城镇调查失业率 5.4 against "5.5%左右": lower is better, so 完成
    grid.setCurrentIndex(grid.model().index(row, 2))
    panel = window.review_panel
    box = panel.direction
    key = t.keys[row]
    stored = t.rows[key].get("direction")
    assert box.currentData() == stored
    assert box.currentText() == "越低越好" or "越低越好" in box.itemText(0)
    reason = column_of(window, "判定依据")
    before = grid.model().index(row, reason).data()
    box.setCurrentIndex(box.findData("higher"))  # the reviewer says: higher is better here
    assert t.rows[key]["direction"] == "higher"
    after = grid.model().index(row, reason).data()
    assert after != before
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert t.rows[key].get("direction") == stored
