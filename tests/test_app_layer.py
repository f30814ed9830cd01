"""The app layer (workbench/app): the commands both front ends run, Qt-free, with the checks
before writing made there once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.app import outputs
from workbench.io.errors import FileProblem
from workbench.io.native.locks import lock_path
from workbench.io.opener import sample_plan_path

MODULES = (
    "checking",
    "comparing",
    "exporting",
    "opening",
    "outputs",
    "returns",
    "rolling",
    "sample",
    "saving",
    "templates",
    "writing_back",
)


def _held(path: Path, user: str = "王五") -> None:
    lock_path(path).write_text(
        json.dumps({"user": user, "host": "另一台电脑", "pid": 4242, "since": time.time()}),
        encoding="utf-8",
    )


def test_the_app_layer_imports_no_qt_and_no_window():
    probe = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module('workbench.app.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'workbench.ui')))\n"
        "print(bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_check_output_refuses_before_anything_is_written(tmp_path):
    source = tmp_path / "计划.xlsx"
    source.write_bytes(b"plan")
    with pytest.raises(FileProblem, match="输出文件与输入文件相同"):
        outputs.check_output(source, source=source)
    assert outputs.check_output(source, source=source, overwrite=True) == source
    with pytest.raises(FileProblem, match="输出文件夹不存在"):
        outputs.check_output(tmp_path / "没有" / "a.xlsx")
    with pytest.raises(FileProblem, match="文件夹"):
        outputs.check_output(tmp_path)
    _held(source)
    with pytest.raises(FileProblem) as refused:
        outputs.check_output(source, source=source, overwrite=True)
    assert "王五" in str(refused.value) and "计划.xlsx" in str(refused.value)


def test_the_documents_own_file_is_not_held_by_a_colleague(tmp_path):
    plan = tmp_path / "计划.xlsx"
    _held(plan)
    assert outputs.colleague_holding(plan, current=plan) is None
    assert outputs.colleague_holding(plan).user == "王五"


def test_templates_refuse_a_workbook_a_colleague_holds_and_write_none(tmp_path):
    from workbench.app.opening import open_path
    from workbench.app.templates import write_templates

    doc = open_path(sample_plan_path()).doc
    first = write_templates(doc, tmp_path / "一")
    assert first.workbooks
    folder = tmp_path / "二"
    folder.mkdir()
    held = folder / first.workbooks[-1].path.name
    _held(held)
    with pytest.raises(FileProblem, match="王五"):
        write_templates(doc, folder)
    assert [p.name for p in folder.iterdir()] == [lock_path(held).name]


def test_roll_forward_and_sample_go_through_the_same_output_check(tmp_path):
    from workbench.app.rolling import roll_forward_file
    from workbench.app.sample import copy_sample

    target = tmp_path / "下年.xlsx"
    _held(target)
    with pytest.raises(FileProblem, match="王五"):
        roll_forward_file(sample_plan_path(), target)
    with pytest.raises(FileProblem, match="王五"):
        copy_sample(target)
    assert not target.exists()
    done = roll_forward_file(sample_plan_path(), tmp_path / "2023.xlsx")
    assert done.output.exists() and done.rolled.to_year == done.rolled.from_year + 1
