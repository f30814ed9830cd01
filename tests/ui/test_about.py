"""帮助 → 关于: the version from the package metadata, and the licences (names and full texts)
of the shipped font and libraries, read from what is installed."""

from __future__ import annotations

import importlib.metadata as metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from workbench import licences
from workbench.ui.about import AboutDialog


def open_about(qtbot, window) -> AboutDialog:
    """As a user: Alt+H opens 帮助, A picks 关于."""
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助"))
    about = next(a for a in help_menu.actions() if a.text().startswith("关于"))
    about.trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))


def normal(name: str) -> str:
    return name.lower().replace("_", "-")


def row_of(dialog: AboutDialog, name: str) -> int:
    for row in range(dialog.table.rowCount()):
        if normal(dialog.table.item(row, 0).text()) == normal(name):
            return row
    raise AssertionError(f"{name} 不在许可证列表中")


def test_about_shows_the_installed_version(qtbot, window):
    dialog = open_about(qtbot, window)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"版本 {metadata.version('plan-workbench')}" in text
    assert "计划审核工作台" in dialog.windowTitle()


def test_licences_tab_lists_font_and_libraries_with_installed_versions(qtbot, window):
    dialog = open_about(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    # The font comes first and its full OFL text is shown.
    assert "OFL" in dialog.table.item(0, 2).text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.text.toPlainText()
    for name in ("pandas", "openpyxl", "matplotlib", "numpy", "orjson", "python-docx"):
        row = row_of(dialog, name)
        assert dialog.table.item(row, 1).text() == metadata.version(name), name
    # Qt: LGPL, with the GNU text (the PySide6 wheels carry none).
    qt = row_of(dialog, "Qt")
    assert "LGPL" in dialog.table.item(qt, 2).text()
    dialog.table.setCurrentCell(qt, 0)
    shown = dialog.text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown and "Version 3, 29 June 2007" in shown
    # A library's own licence file, read from its dist-info.
    dialog.table.setCurrentCell(row_of(dialog, "XlsxWriter"), 0)
    assert "John McNamara" in dialog.text.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_requirement_is_listed_transitively():
    names = {c.name.lower().replace("_", "-") for c in licences.components()}
    for direct in ("pyside6-essentials", "pandas", "python-calamine", "xlsxwriter", "defusedxml"):
        assert direct in names
    assert {"numpy", "lxml", "shiboken6"} <= names  # pulled in by pandas, python-docx, PySide6


def test_a_licence_pasted_whole_into_metadata_is_shortened():
    dist = metadata.distribution("matplotlib")
    short = licences.short_licence(dist)
    assert "\n" not in short and len(short) <= 60
