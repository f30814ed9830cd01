"""A copy of the shipped sample plan, wherever the person asks.

Someone who installed the app with pip has no checkout to find seeds/sample_plan.xlsx in, yet
the README's examples and a first try of import/check/export all want a plan to work on; this
writes the one the app opens, byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from workbench.i18n import translate


def copy_sample(output: str | os.PathLike, *, overwrite: bool = False) -> Path:
    """Copy the sample plan to `output` through a temporary file in the same folder, so that
    an interrupted copy never leaves a half-written workbook under the asked-for name."""
    from workbench.app.outputs import refuse_if_held
    from workbench.io.errors import FileProblem
    from workbench.io.native.atomic import atomic_path
    from workbench.io.opener import sample_plan_path

    target = Path(output)
    full = os.path.abspath(target)
    source = sample_plan_path()
    if not source.is_file():
        raise FileProblem(
            translate("cli", "安装不完整，找不到示例计划（完整路径：{source}）").format(
                source=source
            ),
            source,
        )
    if target.is_dir():
        raise FileProblem(
            translate("cli", "这是一个文件夹，请给出文件名（完整路径：{full}）").format(full=full),
            target,
        )
    if target.exists() and not overwrite:
        raise FileProblem(
            translate("cli", "文件已存在；要覆盖请加 --overwrite（完整路径：{full}）").format(
                full=full
            ),
            target,
        )
    if not target.parent.resolve().is_dir():
        raise FileProblem(
            translate("cli", "所在文件夹不存在（完整路径：{full}）").format(full=full), target
        )
    refuse_if_held(target)
    try:
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
    except OSError as exc:
        raise FileProblem(
            translate("cli", "无法写入：{v}（完整路径：{full}）").format(
                v=exc.strerror or exc, full=full
            ),
            target,
        ) from None
    return target
