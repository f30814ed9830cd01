"""Saving in the window onto a file a colleague holds, or saved since it was opened."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.io.native.locks import SaveRefused, lock_path
from workbench.io.native.plan_file import load_plan, save_plan

HOLD = r"""
import sys, time
from workbench.io.native.locks import FileLock
lock = FileLock(sys.argv[1])
assert lock.acquire()
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.fixture
def plan(tmp_path: Path, sample_doc) -> Path:
    path = tmp_path / "计划.xlsx"
    save_plan(sample_doc, path)
    return path


def test_read_only_copy_cannot_save_over_the_holders_file(qtbot, plan: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(plan.parent / "data"))
    from workbench.ui.session import Session

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(plan)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        before = plan.read_bytes()
        session = Session(load_plan(plan), plan)
        assert session.read_only
        with pytest.raises(SaveRefused) as refused:
            session.save(plan)  # Ctrl+S, or 另存为 onto the same name
        assert "编辑" in str(refused.value.strerror)
        assert plan.read_bytes() == before
        session.close()
    finally:
        holder.communicate("\n", timeout=30)
    assert not lock_path(plan).exists()


def test_save_notices_a_save_made_since_opening(qtbot, plan: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(plan.parent / "data"))
    from workbench.ui.session import Session

    session = Session(load_plan(plan), plan)
    assert not session.read_only
    time.sleep(0.01)
    colleague = load_plan(plan)
    colleague.title = "同事保存的版本"
    save_plan(colleague, plan)  # e.g. after our crash and their edit
    with pytest.raises(SaveRefused):
        session.save(plan)
    assert load_plan(plan).title == "同事保存的版本"
    session.accept_disk_state()  # the user answered "overwrite"
    session.save(plan)
    assert load_plan(plan).title != "同事保存的版本"
    session.close()


def test_a_symlink_alias_of_a_held_plan_is_the_same_plan(qtbot, plan: Path, monkeypatch) -> None:
    """Opening the plan through a link while a colleague holds it: read-only, like the plan
    itself (the lock is by the resolved path), and no save through the alias."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(plan.parent / "data"))
    from workbench.ui.session import Session

    alias = plan.parent / "别名.xlsx"
    alias.symlink_to(plan)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(plan)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        before = plan.read_bytes()
        session = Session(load_plan(alias), alias)
        assert session.read_only
        with pytest.raises(SaveRefused):
            session.save(alias)
        assert plan.read_bytes() == before and alias.is_symlink()
        session.close()
    finally:
        holder.communicate("\n", timeout=30)


def test_saving_through_a_symlink_keeps_the_link(qtbot, plan: Path, monkeypatch) -> None:
    """The save writes the file the link points at; the link stays a link."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(plan.parent / "data"))
    from workbench.ui.session import Session

    alias = plan.parent / "别名.xlsx"
    alias.symlink_to(plan)
    session = Session(load_plan(alias), alias)
    assert not session.read_only
    session.doc.title = "经由链接保存"
    session.save(alias)
    session.close()
    assert alias.is_symlink() and alias.resolve() == plan.resolve()
    assert load_plan(plan).title == "经由链接保存"
    assert not lock_path(plan).exists()
