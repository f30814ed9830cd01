"""On a workstation without any Chinese system font, the window's menus, grid and dialogs
still draw Chinese — with the font the application ships (resources/fonts).

Simulated in a child process whose fontconfig sees only a Latin font folder (matplotlib's
DejaVu fonts): the glyphs Qt lays out for Chinese text in each widget's font must come from
the shipped family and be real glyphs, not the empty box of a font that lacks them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="fontconfig 只在 Linux/Unix 上决定 Qt 的字体"
)

CHILD = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox

app = QApplication(sys.argv[:1])
if sys.argv[2] == "install":
    from workbench.ui.app import install_chinese
    install_chinese(app)
from workbench.ui.main_window import MainWindow

window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
window.open_sample()
window.show_table(next(iter(window.session.doc.tables)))
app.processEvents()
box = QMessageBox(QMessageBox.Icon.Question, "计划审核工作台", "当前文档有未保存的修改。是否保存？")
file_menu = window.menuBar().actions()[0].menu()
index = window.grid.model().index(0, 2)

def glyphs(font, text):
    layout = QTextLayout(text, font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    runs = layout.glyphRuns()
    return {
        "families": sorted({run.rawFont().familyName() for run in runs}),
        "missing": sum(1 for run in runs for g in run.glyphIndexes() if g == 0),
    }

print(json.dumps({
    "chinese_families": [
        family for family in QFontDatabase.families()
        if QRawFont.fromFont(QFont(family)).supportsCharacter(ord("审"))
    ],
    "menu": glyphs(file_menu.font(), file_menu.actions()[0].text()),
    "menubar": glyphs(window.menuBar().font(), "文件编辑视图审核帮助"),
    "grid": glyphs(window.grid.font(), str(index.data())),
    "dialog": glyphs(box.font(), box.text()),
    "status": glyphs(window.table_label.font(), window.table_label.text()),
}, ensure_ascii=False))
"""


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig setup that knows one folder of Latin fonts and nothing else."""
    import matplotlib

    latin = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{latin}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def run_child(tmp_path: Path, mode: str) -> dict:
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(latin_only_fontconfig(tmp_path)),
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "settings.ini"), mode],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_without_chinese_system_fonts_the_window_draws_chinese_with_the_shipped_font(tmp_path):
    from workbench.ui.app import SHIPPED_FAMILY

    seen = run_child(tmp_path, "install")
    # The simulation holds: the only font that can write Chinese is the one we ship.
    assert seen["chinese_families"] == [SHIPPED_FAMILY], seen["chinese_families"]
    for place in ("menu", "menubar", "grid", "dialog", "status"):
        assert seen[place]["missing"] == 0, (place, seen[place])
        assert SHIPPED_FAMILY in seen[place]["families"], (place, seen[place])


def test_the_check_sees_missing_glyphs_when_the_font_is_not_installed(tmp_path):
    """Without install_chinese the same widgets have no Chinese glyphs: the test above would
    catch a fallback that stopped working."""
    seen = run_child(tmp_path, "bare")
    assert seen["chinese_families"] == []
    assert seen["menubar"]["missing"] > 0
