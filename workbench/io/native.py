"""The native plan file: an ordinary .xlsx a colleague can open in Excel or WPS.

Visible sheets show each table in the annex layout; a hidden sheet holds the whole document
(values, provenance, review state, change log) as versioned JSON split over cells, so the
workbench reopens exactly what it saved.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io import plan_json
from workbench.io.annex_layout import Formats, write_table
from workbench.io.atomic import atomic_path
from workbench.io.errors import FileProblem

META_SHEET = "_workbench"
MARKER = "plan-workbench-document"
CHUNK = 32000  # Excel holds at most 32,767 characters in a cell


def save_plan(doc: PlanDocument, path: str | os.PathLike) -> Path:
    """Write the document atomically; the previous file survives any failure."""
    import xlsxwriter  # deferred: the window shows before heavy imports

    path = Path(path)
    text = plan_json.dumps(doc)
    with atomic_path(path) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False}
        )
        workbook.set_properties(
            {"title": doc.title, "subject": "计划审核工作台文档", "comments": MARKER}
        )
        formats = Formats(workbook)
        used = {META_SHEET.lower()}
        for table in doc.tables.values():
            label = table.meta.get("annex_label", "")
            write_table(workbook, formats, doc, table, label, used)
        if not doc.tables:  # Excel needs one visible sheet besides the hidden one
            workbook.add_worksheet("说明").write_string(0, 0, "此文档尚无数据表。")
        meta = workbook.add_worksheet(META_SHEET)
        meta.write_string(0, 0, MARKER)
        meta.write_number(0, 1, plan_json.VERSION)
        for i in range(0, len(text), CHUNK):
            meta.write_string(1 + i // CHUNK, 0, text[i : i + CHUNK])
        meta.hide()
        workbook.worksheets()[0].activate()
        workbook.close()
    return path


def is_native(path: str | os.PathLike) -> bool:
    """True when the file is an xlsx that carries our hidden document sheet."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook_xml = archive.read("xl/workbook.xml")
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    return f'name="{META_SHEET}"'.encode() in workbook_xml


def load_plan(path: str | os.PathLike) -> PlanDocument:
    from python_calamine import CalamineWorkbook

    path = Path(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise FileProblem(f"无法读取：{exc}", path) from None
    if META_SHEET not in workbook.sheet_names:
        raise FileProblem("不是计划审核工作台文档（缺少文档数据表）", path)
    try:
        cells = workbook.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
    except Exception as exc:
        raise FileProblem(f"文档数据表无法读取：{exc}", path, META_SHEET) from None
    if not cells or not cells[0] or cells[0][0] != MARKER:
        raise FileProblem("文档数据表的标记不对，文件可能已被改动", path, META_SHEET, "A1")
    version = cells[0][1] if len(cells[0]) > 1 else None
    if isinstance(version, (int, float)) and version > plan_json.VERSION:
        raise FileProblem(
            f"此文件由更新版本的工作台保存（格式版本 {int(version)}，本程序支持到 {plan_json.VERSION}），请升级后再打开",
            path,
        )
    text = "".join(str(row[0]) for row in cells[1:] if row and row[0] != "")
    try:
        doc = plan_json.loads(text)
    except plan_json.SchemaError as exc:
        raise FileProblem(str(exc), path, META_SHEET) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise FileProblem(f"文档数据不完整：{exc}", path, META_SHEET) from None
    return doc
