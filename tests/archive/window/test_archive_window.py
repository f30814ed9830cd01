"""文件 → 计划库… driven as a reviewer would: save the open plan as versions, see them by
year, mark one 审定, open it (read-only), compare two versions in the compare view."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox


def _menu_action(win, text: str):
    menu = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in menu.actions() if a.text() == text)


def _save_version(qtbot, win, label: str, note: str) -> None:
    def fill() -> None:
        form = QApplication.activeModalWidget()
        form.label.setCurrentText(label)
        form.note.setText(note)
        qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)

    QTimer.singleShot(0, fill)
    _menu_action(win, "保存到计划库(&V)…").trigger()


def test_versions_are_saved_listed_approved_opened_and_compared(
    qtbot, make_window, db_url, monkeypatch
):
    window = make_window()
    window.settings.setValue("archive/db", db_url)
    _save_version(qtbot, window, "报送稿", "部门报送")
    assert "已存入计划库：版本 1（2022年 报送稿）" in window.statusBar().currentMessage()
    _save_version(qtbot, window, "修订稿", "")

    _menu_action(window, "计划库(&K)…").trigger()
    dialog = window.archive_dialog
    year = dialog.tree.topLevelItem(0)
    assert year.text(0) == "2022年" and year.childCount() == 2
    assert [year.child(i).text(1) for i in range(2)] == ["修订稿", "报送稿"]
    assert year.child(1).text(6) == "部门报送"

    dialog.select(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.approve_button, Qt.LeftButton)
    assert dialog.tree.topLevelItem(0).child(1).text(5) == "审定"

    dialog.select(1, 2)
    assert not dialog.open_button.isEnabled() and dialog.compare_button.isEnabled()
    qtbot.mouseClick(dialog.compare_button, Qt.LeftButton)
    view = window.compare_views[-1]
    assert view.isVisible() and "版本 2（2022年 修订稿）" in view.windowTitle()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=20000)
    assert not view.comparison.changed  # the two saves hold the same figures

    dialog.select(1)
    qtbot.mouseClick(dialog.open_button, Qt.LeftButton)
    assert window.session.read_only and "[只读]" in window.windowTitle()
    assert "已审定，只读" in window.statusBar().currentMessage()


def test_an_unusable_archive_is_named_in_the_dialog(qtbot, make_window, tmp_path):
    window = make_window()
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello", encoding="utf-8")
    window.settings.setValue("archive/db", str(foreign))
    _menu_action(window, "计划库(&K)…").trigger()
    dialog = window.archive_dialog
    assert "notes.txt" in dialog.where.text() and "不是计划库文件" in dialog.where.text()
    assert dialog.tree.topLevelItemCount() == 0 and not dialog.open_button.isEnabled()


def test_the_review_panel_charts_an_indicator_s_archived_years(qtbot, make_window, db_url):
    window = make_window()
    window.settings.setValue("archive/db", db_url)
    grid, panel = window.grid, window.review_panel

    def select(name: str) -> None:
        model = grid.model()
        row = next(
            r
            for r in range(model.rowCount())
            if name in str(model.index(r, 1).data()) or name in str(model.index(r, 2).data())
        )
        grid.setCurrentIndex(model.index(row, 2))

    window.show_table("indicators_2021")
    select("地区生产总值增长")
    qtbot.wait(400)  # the chart waits for the selection to rest
    chart = getattr(panel, "archive_series", None)
    assert chart is None or not chart.isVisible()  # nothing archived yet: no chart

    _save_version(qtbot, window, "报送稿", "")
    select("城镇调查失业率")
    select("地区生产总值增长")
    chart = panel.archive_series
    qtbot.waitUntil(chart.isVisible, timeout=5000)
    assert [(p.year, p.actual) for p in chart.points][0] == (2021, 8.3)
    assert [p.year for p in chart.points] == [2021, 2022]
    assert "计划库中 2 个年度（%）" in chart.caption.text()

    window.show_table("projects_2021")
    grid.setCurrentIndex(grid.model().index(0, 2))
    qtbot.waitUntil(lambda: not chart.isVisible(), timeout=5000)


def _open_version(qtbot, window, version_id: int) -> None:
    _menu_action(window, "计划库(&K)…").trigger()
    dialog = window.archive_dialog
    dialog.select(version_id)
    qtbot.mouseClick(dialog.open_button, Qt.LeftButton)


def _actual_index(window):
    """The first indicator's 执行情况 (actual) cell as the grid shows it."""
    model = window.grid.model()
    column = next(
        c
        for c in range(model.columnCount())
        if str(model.headerData(c, Qt.Orientation.Horizontal)).endswith("执行情况")
    )
    return model.index(0, column)


def _type_into_actual(qtbot, window, text: str, answer=None) -> None:
    """Type `text` into the first indicator's actual; `answer` handles the box it opens."""
    window.activateWindow()  # back from the modal boxes, as a click on the window would
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_table("indicators_2021")
    grid = window.grid
    grid.setCurrentIndex(_actual_index(window))
    grid.setFocus()
    if answer is not None:
        QTimer.singleShot(0, answer)
    qtbot.keyClicks(grid, text)


def test_an_approved_version_says_it_is_approved_and_offers_a_new_version(
    qtbot, make_window, db_url
):
    from workbench.app import archive

    window = make_window()
    window.settings.setValue("archive/db", db_url)
    _save_version(qtbot, window, "审定稿", "")
    approved = archive.approve(db_url, 1)
    _open_version(qtbot, window, 1)
    assert window.session.read_only
    assert window.mode_label.text() == "只读：已审定版本"  # not "being edited by someone else"
    when = approved.approved_at.replace("T", " ")[:16]

    seen: dict[str, str] = {}

    def fill_new_version() -> None:
        form = QApplication.activeModalWidget()
        form.label.setCurrentText("修订稿")
        qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)

    def answer_offer() -> None:
        box = QApplication.activeModalWidget()
        seen["text"] = box.text()
        seen["status"] = window.statusBar().currentMessage()
        seen["buttons"] = [b.text() for b in box.buttons()]
        button = next(b for b in box.buttons() if b.text() == "保存到计划库(&V)…")
        QTimer.singleShot(0, fill_new_version)
        qtbot.mouseClick(button, Qt.LeftButton)

    _type_into_actual(qtbot, window, "9", answer_offer)
    # who approved: the archive's record (on a server, the connecting role, set by the server)
    assert approved.approved_by and approved.approved_by in seen["text"]
    assert "已审定" in seen["text"] and when in seen["text"]
    assert "正在编辑" not in seen["text"] and "正由" not in seen["text"]
    assert "已审定" in seen["status"] and "正由" not in seen["status"]
    assert "另存为(&A)…" in seen["buttons"] and "保存到计划库(&V)…" in seen["buttons"]

    assert [(v.id, v.label, v.approved) for v in archive.list_versions(db_url)] == [
        (2, "修订稿", False),
        (1, "审定稿", True),
    ]
    assert not window.session.read_only and "[只读]" not in window.windowTitle()
    assert window.mode_label.text() == ""
    _type_into_actual(qtbot, window, "")  # the new version's content takes edits
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    editor = next(e for e in window.grid.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.modified, timeout=5000)  # the commit is queued
    assert _actual_index(window).data() in ("9", "9.0", 9)


def test_an_approved_version_refuses_edits_once_asked(qtbot, make_window, db_url):
    """Cancelling the offer leaves the version read-only; later refusals only say why."""
    from workbench.app import archive

    window = make_window()
    window.settings.setValue("archive/db", db_url)
    _save_version(qtbot, window, "审定稿", "")
    archive.approve(db_url, 1)
    _open_version(qtbot, window, 1)
    offers: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        offers.append(box.text())
        box.reject()

    _type_into_actual(qtbot, window, "9", cancel)
    assert len(offers) == 1 and window.session.read_only
    _type_into_actual(qtbot, window, "8")
    assert len(offers) == 1  # asked once
    assert "已审定" in window.statusBar().currentMessage()
    assert not window.session.modified
