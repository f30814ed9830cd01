"""The window in English and in Chinese, and the 语言 / Language menu that chooses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workbench.i18n import CHINESE, ENGLISH


@pytest.fixture
def english(qapp, monkeypatch, tmp_path):
    """The app as it starts with LANG=en_US.UTF-8 and no setting; Chinese again afterwards."""
    from workbench.ui.app import install_language

    monkeypatch.delenv("WORKBENCH_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no stored choice
    install_language(qapp)
    yield qapp
    install_language(qapp, CHINESE)


@pytest.fixture
def chinese(qapp):
    from workbench.ui.app import install_language

    install_language(qapp)  # conftest pins WORKBENCH_LANG=zh_CN
    return qapp


def _menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def _answer_dialog(qtbot, seen: list) -> None:
    """Read the modal dialog that is about to open (title, button texts), then cancel it."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, answer)
            return
        box = dialog.findChild(QDialogButtonBox)
        seen.append((dialog.windowTitle(), [b.text().replace("&", "") for b in box.buttons()]))
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_english_window_shows_english_menus_and_dialog_buttons(
    english, make_window, qtbot, message_boxes
):
    assert english.property("workbench_language") == ENGLISH
    window = make_window()
    assert _menu_titles(window) == ["File", "Edit", "View", "Review", "Language / 语言", "Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert "Save as…" in [a.text().replace("&", "") for a in file_menu.actions()]
    assert window.windowTitle().endswith("Plan Workbench")
    # A review status set from the keyboard, then closing: the question and its buttons are
    # English (ours through workbench_en.qm, Qt's own standard buttons untranslated).
    window.grid.setFocus()
    window.grid.selectRow(0)
    qtbot.keyClick(window.grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    model = window.grid.model()
    assert model.index(0, 0).data() == "Approved"  # the review column, in English
    seen: list = []
    _answer_dialog(qtbot, seen)
    qtbot.keyClick(window.grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen[0] == ("Review comment", ["OK", "Cancel"])
    standard = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    assert {b.text().replace("&", "") for b in standard.buttons()} == {"Save", "Cancel"}
    window.close()  # modified: the question is asked, in English
    assert message_boxes[-1] == (
        "Plan Workbench",
        "The current document has unsaved changes. Save them?",
    )


def test_chinese_window_shows_chinese_menus(chinese, make_window):
    assert chinese.property("workbench_language") == CHINESE
    window = make_window()
    assert _menu_titles(window) == [
        "文件(F)",
        "编辑(E)",
        "视图(V)",
        "审核(R)",
        "语言 / Language",
        "帮助(H)",
    ]
    assert window.windowTitle().endswith("计划审核工作台")
    assert window.grid.model().index(0, 0).data() == "待审"


def test_choosing_english_stores_it_and_says_when_in_both_languages(
    chinese, qtbot, tmp_path, monkeypatch, message_boxes
):
    from workbench import i18n
    from workbench.ui.main_window import MainWindow

    # The window's own settings file, where the command line also looks (Linux layout).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBENCH_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    path = tmp_path / "PlanWorkbench" / "workbench.conf"
    window = MainWindow(QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.language_actions[CHINESE].isChecked()
    window.language_actions[ENGLISH].trigger()
    title, text = message_boxes[-1]
    assert title == "语言 / Language"
    assert "下次启动" in text and "next time you start" in text
    assert window.language_actions[ENGLISH].isChecked()
    assert i18n.stored_language() == ENGLISH  # read without Qt, as the command line does
    assert i18n.current_language() == ENGLISH
