"""导出附件 and 写回原表 in the window go through the app layer (issue 25, item 5): a plan a
colleague holds open is refused with a message naming them and the file, and left as it
was; the command line refuses the same file with the same words, from the same function."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import xlsxwriter
from PySide6.QtWidgets import QFileDialog

from workbench.io.native.locks import lock_path

COLLEAGUE = "李四"


def _annex(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("重大项目")
    sheet.write_row(0, 0, ["项目名称", "板块", "年度计划投资（万元）", "完成投资（万元）"])
    sheet.write_row(1, 0, ["学校", "社会民生", 100, 90])
    sheet.write_row(2, 0, ["医院", "社会民生", 50, 5])
    book.close()
    return path


def _held_by_colleague(path: Path) -> bytes:
    """`path` as a plan a colleague has open on another computer: the file and its lock."""
    path.write_bytes(b"PK\x03\x04 the colleague's plan, not to be overwritten")
    lock_path(path).write_text(
        json.dumps({"user": COLLEAGUE, "host": "另一台电脑", "pid": 4242, "since": time.time()}),
        encoding="utf-8",
    )
    return path.read_bytes()


@pytest.fixture
def annex_window(make_window, tmp_path):
    win = make_window([str(_annex(tmp_path / "部门原表.xlsx"))])
    assert win.session is not None and win.session.path is None  # an import, not saved
    return win


@pytest.mark.parametrize("action", ["export_action", "export_clean_action", "write_back_action"])
def test_the_window_refuses_an_output_a_colleague_holds(
    annex_window, tmp_path, monkeypatch, message_boxes, action
):
    target = tmp_path / "计划（审核）.xlsx"
    before = _held_by_colleague(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    message_boxes.clear()
    menu_action = getattr(annex_window, action)
    assert menu_action.isEnabled()
    menu_action.trigger()
    assert len(message_boxes) == 1
    title, text = message_boxes[0]
    assert title in ("导出失败", "写回失败")
    assert COLLEAGUE in text and target.name in text and "未覆盖" in text
    assert target.read_bytes() == before
    shown = annex_window.statusBar().currentMessage()
    assert "已导出" not in shown and "已按原表" not in shown


def test_the_window_and_the_command_line_say_the_same_refusal(
    annex_window, tmp_path, monkeypatch, message_boxes, capsys
):
    """Both front ends reach app.outputs.refuse_if_held, and print its one line."""
    from workbench.app import outputs
    from workbench.cli import main

    target = tmp_path / "输出.xlsx"
    _held_by_colleague(target)
    calls: list[Path] = []
    real = outputs.refuse_if_held
    monkeypatch.setattr(
        outputs,
        "refuse_if_held",
        lambda path, *a, **k: calls.append(Path(path)) or real(path, *a, **k),
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    message_boxes.clear()
    annex_window.export_action.trigger()
    ((_, window_text),) = message_boxes
    assert main(["export", str(tmp_path / "部门原表.xlsx"), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"workbench：{window_text}\n"
    assert calls == [target, target]  # once per front end, the same function


def test_saving_onto_a_plan_a_colleague_holds_is_refused_too(
    annex_window, tmp_path, monkeypatch, message_boxes
):
    target = tmp_path / "同事的计划.xlsx"
    before = _held_by_colleague(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    message_boxes.clear()
    assert annex_window.save_as() is False
    ((title, text),) = message_boxes
    assert title == "无法保存" and COLLEAGUE in text and target.name in text
    assert target.read_bytes() == before


def test_an_output_nobody_holds_is_written(annex_window, tmp_path, monkeypatch, message_boxes):
    target = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    message_boxes.clear()
    annex_window.export_action.trigger()
    assert message_boxes == [] and target.stat().st_size > 0
    assert "已导出" in annex_window.statusBar().currentMessage()
