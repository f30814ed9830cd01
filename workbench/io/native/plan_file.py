"""The native plan file: an ordinary .xlsx a colleague can open in Excel or WPS.

Visible sheets show each table in the annex layout with the review marked on it; a hidden
sheet holds the whole document (values, provenance, review state, change log) as versioned
JSON split over cells, so the workbench reopens exactly what it saved — and notices what was
changed in Excel since.
"""

from __future__ import annotations

import math
import os
import zipfile
from datetime import datetime
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.errors import FileProblem
from workbench.io.native import plan_json
from workbench.io.native.hidden_sheet import (
    META_SHEET,
    DocumentTooLarge,
    hidden_text,
    names_hidden_sheet,
)


def save_plan(
    doc: PlanDocument,
    path: str | os.PathLike,
    *,
    constant_memory: bool = True,
    created: datetime | None = None,
) -> Path:
    """Write the document atomically; the previous file survives any failure. `created`
    fixes the creation date (seeds/build_sample.py: a rebuild gives identical bytes)."""
    # The writer (and XlsxWriter) loads only when a plan is saved: every file opened asks
    # is_native first, and `workbench import` writes nothing.
    from workbench.io.writing.workbook_writer import write_workbook

    path = Path(path)
    write_workbook(doc, path, constant_memory=constant_memory, reviewable=True, created=created)
    return path


MAX_WORKBOOK_PART = 4 * 1024 * 1024  # the workbook part lists sheets; ours is a few KB


def is_native(path: str | os.PathLike) -> bool:
    """True when the file is an xlsx that carries our hidden document sheet.

    Only the start of the workbook part is read, and only if it declares a sane size: this
    runs before the limits, on every file opened."""
    from workbench.io.reading.package import check_file_directory

    try:
        check_file_directory(Path(path))  # millions of entries are refused before listing
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > MAX_WORKBOOK_PART:
                return False
            with archive.open(info) as handle:
                workbook_xml = handle.read(MAX_WORKBOOK_PART)
    except (
        OSError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        EOFError,
        NotImplementedError,
        FileProblem,
    ):
        return False
    return names_hidden_sheet(workbook_xml)


def _check_version(version: object, path: Path) -> None:
    """The format version in the hidden sheet's B1: a whole number this program knows.
    Anything else (text, inf, nan, 1e308) is a tampered or foreign file, said in one line."""
    if isinstance(version, bool) or not isinstance(version, (int, float)):
        if version in (None, ""):
            return  # files saved before the version cell existed
        raise FileProblem(
            f"文档数据表的格式版本不对（{str(version)[:40]}），文件可能已被改动",
            path,
            META_SHEET,
            "B1",
        )
    if not math.isfinite(version) or version != int(version) or not 1 <= version <= 1000:
        raise FileProblem(
            f"文档数据表的格式版本不对（{version}），文件可能已被改动", path, META_SHEET, "B1"
        )
    if version > plan_json.VERSION:
        raise FileProblem(
            f"此文件由更新版本的工作台保存（格式版本 {int(version)}，本程序支持到 {plan_json.VERSION}），请升级后再打开",
            path,
        )


def load_plan(path: str | os.PathLike, *, detect_external: bool = True) -> PlanDocument:
    """The document a native file holds, plus what was changed in Excel since.

    The file is read through the same limits and readers as any received workbook: a
    native file is as untrusted as the colleague who sent it. Anything wrong inside the
    hidden document is a FileProblem, never a traceback."""
    from workbench.io.reading.workbook_source import read_workbook

    return plan_from_book(read_workbook(Path(path)), detect_external=detect_external)


def is_native_book(book) -> bool:
    """Whether a workbook already read holds the hidden document sheet."""
    return any(sheet.name == META_SHEET for sheet in book.sheets)


def plan_from_book(book, *, detect_external: bool = True) -> PlanDocument:
    """The document of a native file already read (through the limits, once)."""
    path = Path(book.path)
    sheets = {sheet.name: sheet.rows for sheet in book.sheets}
    if META_SHEET not in sheets:
        raise FileProblem("不是计划审核工作台文档（缺少文档数据表）", path)
    try:
        marked, version, text = hidden_text(sheets[META_SHEET])
    except DocumentTooLarge as exc:
        raise FileProblem(str(exc), path, META_SHEET) from None
    if not marked:
        raise FileProblem("文档数据表的标记不对，文件可能已被改动", path, META_SHEET, "A1")
    _check_version(version, path)
    try:
        data = plan_json.decode(text)
        layout = data.pop("layout", None) or {}
        doc = plan_json.document_from_data(data)
    except plan_json.SchemaError as exc:
        raise FileProblem(str(exc), path, META_SHEET) from None
    except RecursionError:
        raise FileProblem("文档数据嵌套过深，文件已被改动或损坏", path, META_SHEET) from None
    except Exception as exc:  # a tampered document: wrong types anywhere inside
        raise FileProblem(
            f"文档数据不完整或类型不对（{type(exc).__name__}：{str(exc)[:80]}），文件可能已被改动",
            path,
            META_SHEET,
        ) from None
    if detect_external and layout:
        from workbench.io.native.external_edits import apply_external_edits

        try:
            report = apply_external_edits(doc, layout, sheets)
        except Exception as exc:
            raise FileProblem(
                f"文档数据中的版式记录不对（{type(exc).__name__}：{str(exc)[:80]}），文件可能已被改动",
                path,
                META_SHEET,
            ) from None
        doc.notices.extend(report.notices)
    return doc
