"""The checks every command makes before it writes a file, made once for both front ends.

A colleague holding the output open (the lock file beside it), an output that is the input
itself, a folder that does not exist or cannot be written: each is refused before anything is
read or written, with one line naming the file (FileProblem), so that the window and the
command line refuse the same things with the same words.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from workbench.i18n import translate
from workbench.io.errors import FileProblem


def colleague_holding(target: str | os.PathLike, current: str | os.PathLike | None = None):
    """Who else holds `target` open right now (a LockOwner), or None. The document's own
    file (`current`, whose lock is ours) never counts."""
    from workbench.io.native.locks import held_by_other

    target = Path(target)
    if current is not None and _same_file(target, Path(current)):
        return None
    return held_by_other(target)


def refuse_if_held(target: str | os.PathLike, current: str | os.PathLike | None = None) -> None:
    """FileProblem naming the colleague when someone else holds `target` open."""
    owner = colleague_holding(target, current)
    if owner is not None:
        raise FileProblem(
            translate("cli", "输出文件正由 {v} 打开编辑，未覆盖；请另选文件名").format(
                v=owner.describe()
            ),
            target,
        )


def check_output(
    output: str | os.PathLike,
    *,
    source: str | os.PathLike | None = None,
    overwrite: bool = False,
) -> Path:
    """The output can be written and nobody else holds it open; refused before reading.

    `source` is the file the command read: writing over it needs `overwrite` (the window
    passes it once the person confirmed the replacement in the save dialog)."""
    output = Path(output)
    if (
        source is not None
        and not overwrite
        and output.exists()
        and Path(source).exists()
        and _same_file(output, Path(source))
    ):
        raise FileProblem(
            translate(
                "cli", "输出文件与输入文件相同；为避免覆盖原文件，请另选文件名，或加 --overwrite"
            ),
            output,
        )
    if output.is_dir():
        raise FileProblem(translate("cli", "输出路径是一个文件夹，请给出 .xlsx 文件名"), output)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise FileProblem(
            translate("cli", "输出文件夹不存在：{folder}").format(folder=folder), output
        )
    if not os.access(folder, os.W_OK):
        raise FileProblem(
            translate("cli", "没有写入输出文件夹的权限：{folder}").format(folder=folder), output
        )
    refuse_if_held(output)
    return output


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def os_error_line(exc: OSError) -> str:
    """One line for a file system error: which file, and what went wrong."""
    reasons = {
        errno.ENOSPC: translate("cli", "磁盘空间不足"),
        errno.EDQUOT: translate("cli", "磁盘配额已满"),
        errno.EACCES: translate("cli", "没有权限"),
        errno.EPERM: translate("cli", "没有权限"),
        errno.EROFS: translate("cli", "磁盘或文件夹是只读的"),
        errno.ENOENT: translate("cli", "文件或文件夹不存在"),
        errno.EISDIR: translate("cli", "这是一个文件夹"),
        errno.ENAMETOOLONG: translate("cli", "文件名过长"),
        errno.EFBIG: translate("cli", "文件超过系统允许的大小（或磁盘已满）"),
        errno.EBUSY: translate("cli", "文件正被占用"),
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or str(exc))
    name = exc.filename or ""
    where = translate("cli", "文件“{v}”：").format(v=os.path.basename(str(name))) if name else ""
    return translate("cli", "{where}{reason}，未能完成（原有文件未受影响）").format(
        where=where, reason=reason
    )


@contextlib.contextmanager
def writing(output: str | os.PathLike) -> Iterator[None]:
    """An OSError while writing the output becomes a FileProblem naming the output."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        exc.filename = None
        raise FileProblem(os_error_line(exc), output) from None
