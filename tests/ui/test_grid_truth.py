"""Issue 23's grid items, driven with keys and clicks: the row a mark lands on is the row the
审核 panel shows (1), a jump to a finding keeps the frozen columns in place (5), nothing of
the last file or table lingers (6), sorting and filter lists in pinyin order (10), and editing
in a frozen column without Qt's commitData warning (13)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, qInstallMessageHandler

from tests.ui.test_editing import column_of, type_into
from workbench.core.edits import SetReview
from workbench.core.review import REVIEW_STATUSES


def _click(qtbot, grid, index):
    grid.scrollTo(index)
    rect = grid.visualRect(index)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _table(win):
    return win.session.doc.table(win.current_table_id())


# ---- 1: Ctrl+Home/End/Arrow carry the selection, so marks land on the row shown ------------
def test_ctrl_end_then_ctrl_4_marks_the_row_the_panel_shows(qtbot, window):
    grid = window.grid
    start = grid.model().index(4, 2)
    _click(qtbot, grid, start)
    start_key = grid.current_key()
    qtbot.keyClick(grid, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    end_key = grid.current_key()
    assert end_key != start_key
    assert window.review_panel.key == end_key  # the panel shows the row the cursor is on
    assert grid.selected_keys() == [end_key]  # … and so does the selection
    qtbot.keyClick(grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    table = _table(window)
    assert table.mark(end_key).status == REVIEW_STATUSES[3]
    assert table.mark(start_key).status == REVIEW_STATUSES[0]


def test_ctrl_home_and_ctrl_arrows_move_the_selection_too(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    _click(qtbot, grid, grid.model().index(10, 3))
    for key, row in ((Qt.Key.Key_Down, grid.model().rowCount() - 1), (Qt.Key.Key_Home, 0)):
        qtbot.keyClick(grid, key, Qt.KeyboardModifier.ControlModifier)
        assert grid.currentIndex().row() == row
        assert [i.row() for i in grid.selectedIndexes()] == [row]
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    selected = grid.selectedIndexes()
    assert [(i.row(), i.column()) for i in selected] == [
        (grid.currentIndex().row(), grid.currentIndex().column())
    ]
    # Ctrl+Shift+End still extends the selection from where it started, as in Excel
    qtbot.keyClick(
        grid,
        Qt.Key.Key_End,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len({i.row() for i in grid.selectedIndexes()}) == grid.model().rowCount()


# ---- 5: a jump to a finding far right and far down keeps the frozen columns in place -------
def test_jump_to_a_finding_keeps_the_frozen_columns(qtbot, window):
    window.show_table("indicators_2021")  # a short table first: the row numbers are narrow
    table = window.session.doc.table("projects_2022")
    key = table.keys[800]
    window.select_cell("projects_2022", key, "note")
    qtbot.wait(20)
    grid, frozen = window.grid, window.grid.frozen
    assert grid.current_key() == key
    assert grid.horizontalScrollBar().value() > 0
    assert frozen.isVisible()
    # the overlay starts where the row numbers end: no strip of the scrolled grid between
    assert frozen.geometry().left() == grid.verticalHeader().width() + grid.frameWidth()
    assert frozen.geometry().width() == grid.frozen_width() > 0
    review = column_of(window, "审核")
    assert not frozen.isColumnHidden(review) and frozen.columnWidth(review) > 0
    # the same rows, row for row, beside the grid's
    assert frozen.rowAt(0) == grid.rowAt(0) and frozen.rowAt(0) > 0
    current_row = grid.currentIndex().row()
    frozen_rect = frozen.visualRect(frozen.model().index(current_row, review))
    grid_rect = grid.visualRect(grid.currentIndex())
    assert frozen_rect.top() == grid_rect.top()
    # the cell itself is clear of the overlay
    assert grid_rect.left() >= frozen.geometry().width() - grid.verticalHeader().width()


# ---- 6: nothing of the last file or the last table lingers ---------------------------------
def test_opening_another_file_clears_the_review_panel(qtbot, window, tmp_path):
    from workbench.io.native.plan_file import save_plan

    other = save_plan(window.session.doc, tmp_path / "另一份.xlsx")  # no comments in it
    grid = window.grid
    _click(qtbot, grid, grid.model().index(2, 2))
    key = grid.current_key()
    window.session.do(SetReview(window.model.table.id, key, comment="上一份文件的意见"))
    assert window.review_panel.comment.toPlainText() == "上一份文件的意见"
    window.open_path(other)
    assert window.session.path == other
    panel = window.review_panel
    assert panel.comment.toPlainText() == ""
    assert panel.title.text() == "未选择行"
    assert not any(b.isChecked() for b in panel.buttons.buttons())


def test_switching_tables_starts_each_at_its_own_place(qtbot, window):
    grid = window.grid
    window.show_table("projects_2022")
    grid.scrollTo(grid.model().index(600, grid.model().columnCount() - 1))
    qtbot.wait(10)
    place = (grid.horizontalScrollBar().value(), grid.verticalScrollBar().value())
    assert place[0] > 0 and place[1] > 0
    window.show_table("projects_2021")  # another list: its top-left corner, not row 600
    assert grid.verticalScrollBar().value() == 0
    assert grid.horizontalScrollBar().value() == 0
    assert grid.rowAt(0) == 0
    window.show_table("projects_2022")  # back: where this list was left
    assert (grid.horizontalScrollBar().value(), grid.verticalScrollBar().value()) == place


# ---- 10: pinyin order in the sort and in the AutoFilter list --------------------------------
def test_sort_and_filter_list_in_pinyin_order(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    district = column_of(window, "区县")
    header = grid.horizontalHeader()
    x = header.sectionViewportPosition(district) + header.sectionSize(district) // 2
    grid.scrollTo(grid.model().index(0, district))
    x = header.sectionViewportPosition(district) + header.sectionSize(district) - 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    shown = [grid.model().index(r, district).data() for r in range(grid.model().rowCount())]
    shown = [s for s in shown if s]
    firsts = list(dict.fromkeys(shown))
    # 巴南区 (ba) before 北碚区 (bei) before 璧山区 (bi) … 垫江县 (dian) after 大足区 (da)
    for earlier, later in (("巴南区", "北碚区"), ("北碚区", "璧山区"), ("大足区", "垫江县")):
        if earlier in firsts and later in firsts:
            assert firsts.index(earlier) < firsts.index(later)
    assert firsts.index("巴南区") < firsts.index("渝北区")  # not code-point order (渝 < 巴)
    popup = grid.open_filter(district)
    listed = [i.data(Qt.ItemDataRole.UserRole) for i in popup.value_items()]
    assert [t for t in listed if t] == firsts
    popup.reject()


# ---- 13: editing a frozen column says nothing in the log ------------------------------------
def test_editing_in_a_frozen_column_leaves_no_commitdata_warning(qtbot, window):
    window.show_table("projects_2022")
    grid = window.grid
    name = column_of(window, "项目名称")
    grid.scrollTo(grid.model().index(0, grid.model().columnCount() - 1))
    assert grid.frozen.isVisible()
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        # F2 on a name while scrolled right: the grid edits its own cell (back at the left
        # edge); the overlay, sharing the model and selection, must not claim the editor
        for row, text in ((3, "改名后的项目"), (4, "又一个项目")):
            grid.scrollTo(grid.model().index(row, grid.model().columnCount() - 1))
            assert grid.frozen.isVisible()
            type_into(qtbot, window, grid.model().index(row, name), text)
            assert grid.model().index(row, name).data() == text
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "commitData" in m]
