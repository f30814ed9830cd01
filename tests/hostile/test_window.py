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


# ---- the second round (issue 25): a message, never a crash dialog -------------------------
from tests.hostile import round_two_files as r2  # noqa: E402


@pytest.mark.parametrize(
    "name, make",
    [
        ("error_far.xlsx", r2.error_and_far_cell),
        ("error_j.xlsx", lambda p: r2.error_and_far_cell(p, "J1048576")),
        ("shared.xlsx", r2.large_shared_string),
        ("entries.xlsx", r2.many_entries),
        ("formats.xlsx", r2.styles_of_many_formats),
        ("duplicate.xlsx", r2.duplicate_member),
    ],
)
def test_second_round_file_is_a_message_in_the_window(
    window, tmp_path: Path, monkeypatch, name, make
) -> None:
    shown = _messages(monkeypatch)
    before = window.session.doc
    make(tmp_path / name)
    assert window.open_path(tmp_path / name) is False
    assert window.isVisible() and window.session.doc is before
    assert len(shown) == 1 and shown[0][0] == "无法打开"
    assert name in shown[0][1] and "\n" not in shown[0][1]


@pytest.mark.parametrize("version", ["inf", "nan"])
def test_native_file_of_an_impossible_version_is_a_message(
    window, tmp_path: Path, monkeypatch, sample_doc, version
) -> None:
    """4: the version cell `inf` made the crash dialog with a traceback log."""
    import sys

    crashes: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: crashes.append(exc))
    shown = _messages(monkeypatch)
    r2.native_with_version(tmp_path / "plan.xlsx", sample_doc, version)
    assert window.open_path(tmp_path / "plan.xlsx") is False
    assert not crashes and window.isVisible()
    assert len(shown) == 1 and "plan.xlsx" in shown[0][1] and "格式版本" in shown[0][1]


def test_docx_of_millions_of_paragraphs_is_a_line_in_the_report_panel(
    window, tmp_path: Path
) -> None:
    """8: the report panel reads .docx reports through the same limits."""
    r2.docx_of_paragraphs(tmp_path / "报告.docx")
    window.open_report(tmp_path / "报告.docx")
    panel = window.report_panel_widget
    assert panel.path is None
    assert "报告.docx" in panel.title.text() and "拒绝" in panel.title.text()
