"""Atomic saves: write beside the target, flush to disk, then replace in one rename.

A crash or a full disk mid-save leaves the previous file intact, which matters on the shared
drives our users save to. A killed process can still leave its temporary file behind; the
next write into the same folder sweeps such leftovers once they are old enough that no
running save can own them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from workbench import progress

LEFTOVER_AGE_S = 6 * 3600  # no save takes this long; a temp file this old was orphaned


def sweep_leftovers(folder: Path, target: Path | None = None) -> int:
    """Remove temporary files a killed save left in `folder` (ours only: ".~*.tmp")."""
    removed = 0
    pattern = f".~{target.stem}.*.tmp" if target is not None else ".~*.tmp"
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return 0
    now = time.time()
    for leftover in candidates:
        try:
            if now - leftover.stat().st_mtime > LEFTOVER_AGE_S and leftover.is_file():
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces the target.

    `private` keeps the owner-only mode the temporary file is created with (recovery files);
    otherwise the target keeps its mode, or gets what a normal save would give. A target
    that is a symlink is saved through: the file it points at is replaced, the link stays."""
    target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    sweep_leftovers(folder, target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".~{target.stem}.", suffix=target.suffix + ".tmp", dir=folder
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        progress.check()  # cancelled in the window: the target stays as it was
        with open(tmp, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            with contextlib.suppress(OSError):
                os.chmod(tmp, mode)  # mkstemp makes 0600; keep what a normal save would give
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MINE: list[Path] = []


def private_temp_dir() -> Path:
    """A temporary folder of this process alone, for XlsxWriter's row files in
    constant_memory mode (it reopens them by name, so nobody else may write there).

    It is made by `mkdtemp` (new, 0700, never an existing folder) inside the user's own
    folder in the system temp, which is used only if it is a real folder (no symlink), owned
    by this user and closed to everyone else; a folder another local user planted there is
    passed over for a fresh `mkdtemp` folder. Folders of processes that no longer run (a
    killed export) are removed from the user's folder here."""
    if _MINE and _is_private(_MINE[0]):
        return _MINE[0]
    _MINE.clear()
    base = Path(tempfile.gettempdir()) / f"plan-workbench-{_user_tag()}"
    with contextlib.suppress(FileExistsError):
        base.mkdir(mode=0o700)
    if _is_private(base):
        _sweep_dead(base)
        mine = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=base))
    else:
        mine = Path(tempfile.mkdtemp(prefix=f"plan-workbench-{os.getpid()}-"))
    _MINE.append(mine)
    return mine


def _is_private(folder: Path) -> bool:
    """A real folder (not a link), owned by this user, that nobody else may enter or write."""
    import stat

    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the temp folder is the user's own profile folder
        return True
    return info.st_uid == getuid() and not info.st_mode & 0o077


def _sweep_dead(base: Path) -> None:
    import shutil

    from workbench.io.native.locks import process_alive

    for old in base.glob("*"):
        pid = old.name.split("-")[0]
        if old.is_dir() and pid.isdigit() and int(pid) != os.getpid():
            if not process_alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    import getpass

    try:
        return "".join(ch for ch in getpass.getuser() if ch.isalnum())[:32] or "user"
    except Exception:
        return "user"
