"""The window meets hostile files: a one-line message, the window and its document intact."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.hostile import hostile_files as hf

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from workbench.ui.app import open_initial
    from workbench.ui.main_window import MainWindow

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    open_initial(win, [], offer_recovery=False)  # the sample plan, as at first start
    return win


def _messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda parent, title, text, *a, **k: (
                shown.append((title, text)) or QMessageBox.StandardButton.Ok
            ),
        )
    return shown


@pytest.mark.parametrize(
    "name, make",
    [
        ("far.xlsx", hf.far_cell),
        ("bomb.ods", hf.ods_repeat_bomb),
        ("garbage.xlsb", hf.xlsb_garbage),
        ("unclosed.csv", hf.csv_unclosed_quote),
    ],
)
def test_hostile_file_leaves_the_window_and_its_document(
    window, tmp_path: Path, monkeypatch, name, make
) -> None:
    shown = _messages(monkeypatch)
    before = window.session.doc
    make(tmp_path / name)
    assert window.open_path(tmp_path / name) is False
    assert window.isVisible() and window.session.doc is before
    assert len(shown) == 1 and shown[0][0] == "无法打开"
    assert name in shown[0][1] and "\n" not in shown[0][1]


def test_a_lock_holders_name_is_shown_as_plain_text(window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import Qt

    from workbench.io.native.locks import lock_path
    from workbench.io.native.plan_file import save_plan

    plan = tmp_path / "计划.xlsx"
    save_plan(window.session.doc, plan)
    lock_path(plan).write_text(
        json.dumps(
            {
                "user": '<img src="file:///etc/passwd"><a href="x">点我</a>',
                "host": "另一台电脑",
                "pid": 4242,
                "since": time.time(),
            }
        ),
        encoding="utf-8",
    )
    shown = _messages(monkeypatch)
    assert window.open_path(plan)
    assert window.session.read_only
    (title, text) = next(m for m in shown if m[0] == "文件已被占用")
    assert not Qt.mightBeRichText(text)
    assert "点我" in text and "<a href" in text.replace("\u2060", "")
