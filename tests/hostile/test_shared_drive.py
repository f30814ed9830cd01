"""Two colleagues on one shared folder: locks, liveness, recovery files, leftovers."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.io.native import locks
from workbench.io.native.atomic import LEFTOVER_AGE_S, atomic_path, sweep_leftovers
from workbench.io.native.locks import FileLock, lock_path, process_alive, process_started

RACE = r"""
import sys, time
from workbench.io.native.locks import FileLock
target, go = sys.argv[1], float(sys.argv[2])
while time.time() < go:
    pass
lock = FileLock(target)
got = lock.acquire()
print("held" if got else "refused", flush=True)
time.sleep(1.5)  # keep it while the other process decides
lock.release()
"""


@pytest.mark.parametrize("round_", range(5))
def test_two_processes_racing_for_one_file_get_one_lock(tmp_path: Path, round_: int) -> None:
    target = tmp_path / "计划.xlsx"
    target.write_bytes(b"x")
    go = time.time() + 1.0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(target), str(go)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = sorted(p.communicate(timeout=30)[0].strip() for p in procs)
    assert results == ["held", "refused"]
    assert not lock_path(target).exists()  # the holder cleaned up


def test_lock_file_never_exists_without_its_content(tmp_path: Path) -> None:
    target = tmp_path / "计划.xlsx"
    lock = FileLock(target)
    assert lock.acquire()
    data = json.loads(lock_path(target).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["user"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    lock.release()


def test_an_empty_lock_being_written_is_respected_not_taken(tmp_path: Path) -> None:
    """A colleague's share that cannot hard-link writes after creating: while the file is
    still empty and young, it is theirs."""
    target = tmp_path / "计划.xlsx"
    lock_path(target).write_bytes(b"")
    lock = FileLock(target)
    assert not lock.acquire()
    assert lock_path(target).read_bytes() == b""
    old = time.time() - 3600
    os.utime(lock_path(target), (old, old))
    assert lock.acquire()  # an hour-old empty lock is debris


def test_a_dead_writer_lock_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "计划.xlsx"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    me = locks._me()
    lock_path(target).write_text(
        json.dumps({**me.__dict__, "pid": pid, "started": None}), encoding="utf-8"
    )
    lock = FileLock(target)
    assert lock.acquire()
    assert locks.read_owner(target).pid == os.getpid() != pid  # the lock is ours now
    lock.release()


def test_a_reused_pid_does_not_keep_a_stale_lock(tmp_path: Path) -> None:
    """The lock names a running PID, but the process with that number started at another
    time: it is not the writer."""
    me = locks._me()
    assert me.started is not None or not sys.platform.startswith("linux")
    if me.started is None:
        pytest.skip("process start times are only read on Linux and Windows")
    assert process_alive(os.getpid(), me.started)
    assert not process_alive(os.getpid(), me.started - 1000)
    target = tmp_path / "计划.xlsx"
    lock_path(target).write_text(
        json.dumps({**me.__dict__, "pid": os.getppid(), "started": 1.0}), encoding="utf-8"
    )
    lock = FileLock(target)
    assert lock.acquire()


def test_liveness_never_signals_a_process() -> None:
    """os.kill(pid, 0) is a Ctrl+C on Windows; there the check goes through OpenProcess."""
    assert process_alive(os.getpid())
    assert not process_alive(0) and not process_alive(-1)
    assert process_started(os.getpid()) == process_started(os.getpid())


def test_user_name_in_a_lock_shows_as_plain_text(tmp_path: Path) -> None:
    from PySide6.QtGui import Qt  # Qt's own rich-text detection, as labels and dialogs use it

    owner = locks.LockOwner('<img src="x"><b>张三</b>\n伪造一行', "host", 1, time.time())
    text = owner.describe()
    assert not Qt.mightBeRichText(text)
    assert "张三" in text and "\n" not in text
    assert text.replace("\u2060", "").startswith('<img src="x"><b>张三</b> 伪造一行')


def test_recovery_files_are_owner_only(tmp_path: Path, monkeypatch, sample_doc) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    from workbench.io.native.recovery import Autosaver, recovery_dir

    saver = Autosaver(tmp_path / "计划.xlsx", "s")
    file = saver.save(sample_doc)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(recovery_dir().stat().st_mode) == 0o700


def test_recovery_remembers_the_file_as_it_was_opened(tmp_path: Path, monkeypatch, sample_doc):
    """A crash, then a colleague saves the file, then the recovered document is saved: the
    colleague's save must be noticed. The recovery file carries the disk state from opening."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    from workbench.io.native.recovery import Autosaver, DiskState, leftovers

    original = tmp_path / "计划.xlsx"
    original.write_bytes(b"as opened")
    crashed = r"""
import sys
from workbench.io.native.recovery import Autosaver, DiskState
from workbench.seeds.build_sample import build
saver = Autosaver(sys.argv[1], "s")
saver.disk_state = DiskState.of(sys.argv[1])
saver.save(build())
"""
    subprocess.run([sys.executable, "-c", crashed, str(original)], check=True, env=os.environ)
    time.sleep(0.01)
    original.write_bytes(b"a colleague's later save")  # after the crash
    (item,) = leftovers()
    assert item.original == str(original)
    assert item.disk_state is not None and item.disk_state.changed(original)
    assert DiskState.of(original) != item.disk_state
    Autosaver(original, "s").discard()


def test_killed_save_leftovers_are_swept_on_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "附件.xlsx"
    old = tmp_path / ".~附件.abc123.xlsx.tmp"
    young = tmp_path / ".~附件.def456.xlsx.tmp"  # someone's save in progress
    other = tmp_path / "同事的文件.tmp"
    for file in (old, young, other):
        file.write_bytes(b"x" * 100)
    then = time.time() - LEFTOVER_AGE_S - 60
    os.utime(old, (then, then))
    os.utime(other, (then, then))
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert not old.exists() and young.exists() and other.exists()
    assert sweep_leftovers(tmp_path) == 0


def test_xlsxwriter_row_files_of_a_killed_export_are_removed(tmp_path: Path, monkeypatch):
    import tempfile

    from workbench.io.native import atomic

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(atomic, "_MINE", [])
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    base = tmp_path / f"plan-workbench-{os.getuid()}"
    base.mkdir(mode=0o700)
    orphan = base / f"{dead.stdout.strip()}-abc"
    orphan.mkdir()
    (orphan / "xlsx_row_file").write_bytes(b"x" * 1000)
    mine = atomic.private_temp_dir()
    assert mine.parent == base and atomic.private_temp_dir() == mine
    assert not orphan.exists() and mine.exists()


@pytest.mark.parametrize("planted", ["open to all", "another owner", "a symlink"])
def test_a_temp_folder_planted_by_another_user_is_never_used(
    tmp_path: Path, monkeypatch, planted: str
) -> None:
    """Another local user pre-creates the user's temp folder (open to all, their own, or a
    link to theirs): XlsxWriter's row files, reopened by name, must never go there."""
    import tempfile

    from workbench.io.native import atomic

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(atomic, "_MINE", [])
    base = tmp_path / f"plan-workbench-{os.getuid()}"
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o777)
    os.chmod(theirs, 0o777)
    if planted == "a symlink":
        base.symlink_to(theirs, target_is_directory=True)
    else:
        base.mkdir()
        os.chmod(base, 0o777 if planted == "open to all" else 0o700)
        if planted == "another owner":
            os.chown(base, 65534, 65534)
    mine = atomic.private_temp_dir()
    info = mine.lstat()
    assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    assert info.st_mode & 0o777 == 0o700
    assert base not in mine.parents and theirs not in mine.resolve().parents
    assert not any(theirs.iterdir())
