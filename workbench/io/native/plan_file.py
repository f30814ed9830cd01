"""The native plan file: an ordinary .xlsx a colleague can open in Excel or WPS.

Visible sheets show each table in the annex layout with the review marked on it; a hidden
sheet holds the whole document (values, provenance, review state, change log) as versioned
JSON split over cells, so the workbench reopens exactly what it saved — and notices what was
changed in Excel since.
"""

from __future__ import annotations

import os
import zipfile
from datetime import datetime
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.errors import FileProblem
from workbench.io.native import plan_json
from workbench.io.native.hidden_sheet import META_SHEET, hidden_text, names_hidden_sheet
from workbench.io.writing.workbook_writer import write_workbook


def save_plan(
    doc: PlanDocument,
    path: str | os.PathLike,
    *,
    constant_memory: bool = True,
    created: datetime | None = None,
) -> Path:
    """Write the document atomically; the previous file survives any failure. `created`
    fixes the creation date (seeds/build_sample.py: a rebuild gives identical bytes)."""
    path = Path(path)
    write_workbook(doc, path, constant_memory=constant_memory, created=created)
    return path


def is_native(path: str | os.PathLike) -> bool:
    """True when the file is an xlsx that carries our hidden document sheet."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook_xml = archive.read("xl/workbook.xml")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError, NotImplementedError):
        return False
    return names_hidden_sheet(workbook_xml)


def load_plan(path: str | os.PathLike, *, detect_external: bool = True) -> PlanDocument:
    from python_calamine import CalamineWorkbook

    path = Path(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # calamine raises its own error types, some BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise FileProblem(f"无法读取：{exc}", path) from None
    if META_SHEET not in workbook.sheet_names:
        raise FileProblem("不是计划审核工作台文档（缺少文档数据表）", path)
    try:
        cells = workbook.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
    except Exception as exc:
        raise FileProblem(f"文档数据表无法读取：{exc}", path, META_SHEET) from None
    marked, version, text = hidden_text(cells)
    if not marked:
        raise FileProblem("文档数据表的标记不对，文件可能已被改动", path, META_SHEET, "A1")
    if isinstance(version, (int, float)) and version > plan_json.VERSION:
        raise FileProblem(
            f"此文件由更新版本的工作台保存（格式版本 {int(version)}，本程序支持到 {plan_json.VERSION}），请升级后再打开",
            path,
        )
    try:
        data = plan_json.decode(text)
        layout = data.pop("layout", None) or {}
        doc = plan_json.document_from_data(data)
    except plan_json.SchemaError as exc:
        raise FileProblem(str(exc), path, META_SHEET) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise FileProblem(f"文档数据不完整：{exc}", path, META_SHEET) from None
    if detect_external and layout:
        from workbench.io.native.external_edits import apply_external_edits

        sheets = {}
        for name in {m["sheet"] for m in layout.values()}:
            if name in workbook.sheet_names:
                sheets[name] = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        report = apply_external_edits(doc, layout, sheets)
        doc.notices.extend(report.notices)
    return doc
