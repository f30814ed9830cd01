"""The navigator shows the table on screen, whoever opened it."""

from workbench.ui.navigator import _ID


def test_a_table_opened_from_elsewhere_is_selected_in_the_navigator(qtbot, make_window):
    win = make_window()
    win.show_table("summary_2021_sector")  # as a chart click or a finding would
    assert win.navigator.currentItem().data(0, _ID) == "summary_2021_sector"
    assert win.model.table.id == "summary_2021_sector"
    win.show_table("projects_2022")
    assert win.navigator.currentItem().data(0, _ID) == "projects_2022"
