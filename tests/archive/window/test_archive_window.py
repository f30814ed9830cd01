"""文件 → 计划库… driven as a reviewer would: save the open plan as versions, see them by
year, mark one 审定, open it (read-only), compare two versions in the compare view."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox


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
