"""Open any file the workbench understands and get a plan document back."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.document import PlanDocument, ReadWarning
from workbench.core.properties import ImportOrigin
from workbench.io.errors import FileProblem
from workbench.io.native.plan_file import is_native_book, plan_from_book
from workbench.io.reading.sniff import FileKind


def check_openable(path: str | os.PathLike) -> Path:
    """The path, if it names a file at all; FileProblem in one line if not."""
    path = Path(path)
    if not path.exists():
        raise FileProblem("文件不存在", path)
    if path.is_dir():
        raise FileProblem("这是一个文件夹，不是文件", path)
    return path


def open_document(path: str | os.PathLike, kind: str | None = None) -> PlanDocument:
    """A native plan file as saved, or an annex workbook read into canonical tables."""
    return open_read(path, kind)[0]


def open_read(path: str | os.PathLike, kind: str | None = None):
    """(document, the workbook as read, whether it is a native plan): the file is read once,
    through the limits, and the same sheets make either kind of document."""
    from workbench.io.reading.workbook_source import read_workbook

    path = check_openable(path)
    errors: list = []
    book = read_workbook(path, on_checked=lambda scan: errors.append(scan.errors))
    if is_native_book(book):
        return plan_from_book(book), book, True
    doc = import_annex(path, kind, book=book, known_errors=errors[0] if errors else None)
    return doc, book, False


_SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb", ".ods")


def import_annex(
    path: str | os.PathLike, kind: str | None = None, *, book=None, known_errors=None
) -> PlanDocument:
    """Every recognisable table of an annex workbook as a document.

    Sheets without a table are listed in `properties.origin.skipped_sheets` with the reason and
    reported as warnings; a file with no table at all is a FileProblem. `book` is the
    workbook already read from `path` (read again as another kind without a second read),
    `known_errors` the error cells its limits check found.
    """
    from workbench.io.reading.number_formats import WorkbookFacts
    from workbench.io.reading.workbook_source import read_workbook

    path = Path(path)
    # The limits check finds the error cells as it inflates the sheets; only if it could not
    # (an irregular package) are they scanned for, and only once the package passed. Every
    # stage reads the package bytes the limits checked (book.package), never the path.
    started: list[WorkbookFacts] = []
    errors: list = [] if known_errors is None else [known_errors]
    try:
        if book is None:
            book = read_workbook(path, on_checked=lambda scan: errors.append(scan.errors))
        started.append(
            WorkbookFacts.start(path, errors[0] if errors else None, data=book.package or b"")
        )
        return _document(path, kind, book, started[0])
    finally:
        for facts in started:
            facts.close()


def _document(path: Path, kind: str | None, book, facts) -> PlanDocument:
    """The tables of a workbook already read, as a document."""
    from workbench.io.reading.annex_reader import NoTable, read_table

    doc = PlanDocument(title=path.stem)
    if book.format == FileKind.CSV and path.suffix.lower() in _SPREADSHEET_SUFFIXES:
        doc.warnings.append(
            ReadWarning(f"文件扩展名是 {path.suffix}，但内容是纯文本表格，已按文本读取", path.name)
        )
    for note in book.notes:
        doc.warnings.append(ReadWarning(note, path.name))
    skipped: dict[str, str] = {}
    for raw in book.sheets:
        try:
            table, warnings = read_table(raw, path.name, kind, facts=facts)
        except NoTable as exc:
            skipped[raw.name] = str(exc)
            continue
        table.id = f"{table.kind}_{sum(t.kind == table.kind for t in doc.tables.values()) + 1}"
        for warning in warnings:
            doc.warnings.append(
                ReadWarning(warning.message, warning.file, warning.sheet, warning.cell, table.id)
            )
        doc.add_table(table)
    doc.properties.origin = ImportOrigin(
        str(path.resolve()), str(book.format), skipped, tuple(s.name for s in book.sheets)
    )
    if not doc.tables:
        if not book.sheets:
            raise FileProblem("工作簿中没有工作表", path)
        if book.format == FileKind.CSV and path.suffix.lower() in _SPREADSHEET_SUFFIXES:
            raise FileProblem(
                f"文件扩展名是 {path.suffix}，但内容是纯文本，不是 Excel/WPS 表格文件", path
            )
        reasons = "；".join(f"工作表“{n}”：{r}" for n, r in list(skipped.items())[:3])
        raise FileProblem(f"没有找到指标表或项目表（{reasons}）", path)
    for name, reason in skipped.items():
        doc.warnings.append(ReadWarning(f"未包含可识别的表格（{reason}）", path.name, name))
    years = sorted({t.year for t in doc.tables.values() if t.year})
    if years:
        doc.exec_year = years[0]
        doc.plan_year = years[-1] if len(years) > 1 else None
    first = next(iter(doc.tables.values()))
    doc.title = first.title or path.stem
    return doc


def select_table(doc: PlanDocument, path: str | os.PathLike, sheet: str | None, kind: str | None):
    """The table `--sheet`/`--kind` ask for, or the first; FileProblem naming what is there."""
    if sheet:
        table = doc.find_table(sheet)
        if table is not None:
            return table
        origin = doc.properties.origin
        skipped = origin.skipped_sheets if origin else {}
        if sheet in skipped:
            raise FileProblem(f"没有找到指标表或项目表：{skipped[sheet]}", path, sheet)
        names = "、".join(t.sheet_name for t in doc.tables.values())
        raise FileProblem(f"没有这个工作表或表；可选：{names}", path, sheet)
    for table in doc.tables.values():
        if not kind or table.kind == kind:
            return table
    raise FileProblem(f"没有{'指标' if kind == 'indicators' else '项目'}表", path)


def sample_plan_path() -> Path:
    """The sample plan shipped with the package (or beside it in a checkout)."""
    from workbench.shipped import shipped_file

    return shipped_file("workbench.seeds", "seeds", "sample_plan.xlsx")
