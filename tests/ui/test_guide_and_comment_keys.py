"""The user guide's pictures fit its window, and Tab in the comment box moves on (issue 23, 9)."""

from PySide6.QtCore import Qt

from workbench.ui.user_guide import UserGuide, guide_path


def _picture_widths(guide):
    widths = []
    block = guide.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            it += 1
        block = block.next()
    return widths


def test_the_guides_pictures_shrink_to_a_narrow_window(qtbot):
    guide = UserGuide(path=guide_path())
    qtbot.addWidget(guide)
    guide.resize(520, 600)
    guide.show()
    qtbot.waitExposed(guide)
    widths = _picture_widths(guide)
    assert widths, "the guide shows its screenshots"
    room = guide.browser.viewport().width()
    assert all(0 < w <= room for w in widths)
    guide.resize(1600, 900)
    qtbot.waitUntil(lambda: guide.browser.viewport().width() > 1000)
    guide.fit_pictures()
    assert max(_picture_widths(guide)) > max(widths)  # a wide window shows them larger again


def test_tab_in_the_comment_box_moves_on_and_types_no_tab(window, qtbot):
    panel = window.review_panel
    window.grid.setCurrentIndex(window.grid.model().index(0, 2))  # a row to comment on
    qtbot.waitUntil(panel.isEnabled)
    panel.comment.setFocus()
    qtbot.keyClicks(panel.comment, "abc")
    qtbot.keyClick(panel.comment, Qt.Key.Key_Tab)
    assert panel.comment.toPlainText() == "abc"  # no tab typed
    assert not panel.comment.hasFocus()
