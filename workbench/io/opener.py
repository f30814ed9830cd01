"""Open any file the workbench understands and get a plan document back."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.errors import FileProblem
from workbench.io.native import is_native, load_plan


def open_document(path: str | os.PathLike) -> PlanDocument:
    path = Path(path)
    if not path.exists():
        raise FileProblem("文件不存在", path)
    if path.is_dir():
        raise FileProblem("这是一个文件夹，不是文件", path)
    if is_native(path):
        return load_plan(path)
    raise FileProblem(
        "不是计划审核工作台文档；读取各地附件表格（xlsx/xls/ods/csv）的功能尚在开发中", path
    )


def sample_plan_path() -> Path:
    """The sample plan shipped with the package (or beside it in a checkout)."""
    from importlib import resources

    try:
        candidate = Path(str(resources.files("workbench.seeds").joinpath("sample_plan.xlsx")))
        if candidate.exists():
            return candidate
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    return Path(__file__).resolve().parents[2] / "seeds" / "sample_plan.xlsx"
