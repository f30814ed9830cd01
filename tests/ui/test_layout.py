"""The window on a laptop screen: enough grid rows, the name columns kept in view while
scrolling right, and a 合计 row under project lists."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_editing import column_of


def rows_on_screen(grid) -> int:
    return grid.viewport().height() // grid.verticalHeader().defaultSectionSize()


def test_a_laptop_screen_shows_at_least_25_rows(qtbot, window):
    window.setGeometry(0, 0, 1366, 768)
    qtbot.wait(50)
    assert rows_on_screen(window.grid) >= 25
    window.show_table("projects_2021")
    qtbot.wait(50)
    assert window.totals_bar.isVisible()
    assert rows_on_screen(window.grid) >= 25
    # the chart does not take half the height: it shares the side with the review panel
    _, dock = window.charts[0]
    assert window.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea or (
        dock.height() < window.height() / 2
    )
    navigator_width = window.navigator.viewport().width()
    widest = max(
        window.navigator.fontMetrics().horizontalAdvance(i.text(0))
        for i in window.navigator.table_items()
    )
    assert navigator_width >= widest  # table names readable, not cut


def test_name_columns_stay_while_scrolling_right(qtbot, window):
    window.setGeometry(0, 0, 1366, 768)
    window.show_table("projects_2021")
    grid = window.grid
    assert not grid.frozen.isVisible()  # at the left edge the grid itself shows them
    bar = grid.horizontalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    frozen = grid.frozen
    assert frozen.isVisible()
    shown = [c for c in range(grid.model().columnCount()) if not frozen.isColumnHidden(c)]
    titles = [grid.model().headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert titles == ["审核", "项目名称"]
    assert frozen.width() == grid.frozen_width()
    # the frozen part scrolls down with the grid and shares its selection
    grid.verticalScrollBar().setValue(300)
    assert frozen.verticalScrollBar().value() == 300
    assert frozen.selectionModel() is grid.selectionModel()
    # moving to a figure right of the frozen columns keeps that cell clear of them
    target = grid.model().index(5, column_of(window, "总投资（亿元）"))
    grid.setCurrentIndex(target)
    grid.scrollTo(target)
    if frozen.isVisible():
        assert grid.columnViewportPosition(target.column()) >= grid.frozen_width()
    # Ctrl+Left back to the name: the grid returns to its left edge, so typing there opens
    # the editor in view rather than under the overlay
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert grid.currentIndex().column() == 0
    assert bar.value() == 0 and not frozen.isVisible()


def test_project_lists_have_a_computed_total_row_that_follows_filters(qtbot, window):
    window.show_table("projects_2021")
    totals = window.totals_bar
    assert totals.isVisible()
    table = window.session.doc.table("projects_2021")
    plan = sum(r["annual_plan"] for _, r in table if r.get("annual_plan") is not None)
    texts = totals.totals.texts
    assert texts[column_of(window, "年度计划（亿元）")] == f"{plan:,.2f}"
    assert texts[column_of(window, "项目名称")] == f"共 {len(table)} 项"
    window.search.setText("渝北")
    qtbot.waitUntil(lambda: totals.totals.texts[1] != f"共 {len(table)} 项", timeout=10_000)
    shown = window.grid.model().rowCount()
    assert totals.totals.texts[column_of(window, "项目名称")] == f"共 {shown} 项"
    # indicator tables have no 合计 row
    window.show_table("indicators_2021")
    assert not totals.isVisible()


def test_the_total_row_header_stays_as_wide_as_the_row_numbers(qtbot, window):
    """The 合计 label under the grid lines up with the row numbers above it: measured when
    the shown rows' count changes its digits (a filter), kept through an edit."""
    from tests.ui.test_editing import type_into

    window.show_table("projects_2021")
    grid, totals = window.grid, window.totals_bar
    header = grid.verticalHeader()

    def aligned() -> bool:
        return (
            totals.verticalHeader().width() == header.width()
            and header.width() >= header.sizeHint().width()
        )

    assert aligned()
    measured = []
    original = header.sizeHint
    header.sizeHint = lambda: (measured.append(1), original())[1]
    plan = column_of(window, "年度计划（亿元）")
    before = totals.totals.texts[plan]
    type_into(qtbot, window, window.grid.model().index(0, plan), "7.5")
    qtbot.waitUntil(lambda: totals.totals.texts[plan] != before, timeout=10_000)
    assert measured == []  # an edit leaves the count, and the width, as they were
    header.sizeHint = original
    window.search.setText("渝北")
    qtbot.waitUntil(lambda: window.grid.model().rowCount() < 100, timeout=10_000)  # 2 digits
    qtbot.wait(50)
    assert aligned()
