"""The Chinese user guide: its screenshots come from resources/build/screenshots.py and stay
small; its card of keyboard shortcuts names every shortcut the window has."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "使用指南.md"
sys.path.insert(0, str(ROOT / "resources" / "build"))
import screenshots  # noqa: E402


def guide_images() -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    return re.findall(r"!\[([^\]]*)\]\(images/([^)]+)\)", text)


def test_every_screenshot_in_the_guide_is_made_by_the_script_and_small():
    shown = guide_images()
    made = {name: caption for name, caption, _ in screenshots.SHOTS}
    assert [name for _, name in shown] == list(made), "guide and script list other images"
    assert len(made) <= 6
    for caption, name in shown:
        assert caption == made[name], f"caption of {name} differs from the script's"
        image = ROOT / "docs" / "images" / name
        assert image.is_file(), f"{image} missing: run resources/build/screenshots.py"
        assert image.stat().st_size <= screenshots.MAX_BYTES
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_script_makes_a_screenshot_from_the_real_app(qapp, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "mine"))
    ((path, size),) = screenshots.make(tmp_path, ["审核检查.png"])
    assert path == tmp_path / "审核检查.png" and 10_000 < size <= screenshots.MAX_BYTES
    image = QImage(str(path))
    assert image.width() >= 800 and image.height() >= 450
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 300, 7)}
    assert len(colours) > 20, "a blank grab"
    import os

    assert os.environ["WORKBENCH_DATA_DIR"] == str(tmp_path / "mine"), "the script restores it"


@pytest.fixture
def window_shortcuts(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction, QKeySequence

    from workbench.ui.main_window import MainWindow

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    keys = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                keys[text] = action.text().replace("&", "")
    return keys


def test_the_shortcut_card_names_every_shortcut_of_the_window(window_shortcuts):
    card = GUIDE.read_text(encoding="utf-8").split("## 快捷键一览", 1)[1]
    assert len(window_shortcuts) >= 15
    missing = {}
    for key, action in window_shortcuts.items():
        spelled = key.replace("Del", "Delete") if key == "Del" else key
        digits = re.fullmatch(r"Ctrl\+([1-4])", key)
        if digits:  # the card writes Ctrl+1 / 2 / 3 / 4 on one line
            found = "Ctrl+1 / 2 / 3 / 4" in card
        else:
            found = re.search(rf"(?<![\w+]){re.escape(spelled)}(?![\w+=-])", card) is not None
        if not found:
            missing[key] = action
    assert not missing, f"快捷键一览缺少：{missing}"


def test_f1_opens_the_guide_with_its_screenshots(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow
    from workbench.ui.user_guide import UserGuide, guide_path

    assert guide_path() == GUIDE
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(isinstance(w, UserGuide) for w in QApplication.topLevelWidgets()))
    (guide,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide)]
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert guide.windowTitle() == "使用指南"
    assert "计划审核工作台 使用指南" in text and "快捷键一览" in text
    document = guide.browser.document()
    for _, name in guide_images():  # each screenshot resolves to a real image
        image = document.resource(QTextDocument.ResourceType.ImageResource, f"images/{name}")
        assert image is not None and not image.isNull(), name


def test_a_missing_guide_says_where_it_should_be(qtbot, tmp_path):
    from workbench.ui.user_guide import UserGuide

    missing = tmp_path / "使用指南.md"
    guide = UserGuide(None, missing)
    qtbot.addWidget(guide)
    assert str(missing) in guide.browser.toPlainText()
