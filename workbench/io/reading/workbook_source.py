"""Read any spreadsheet into plain rows of cell values, safely and fast.

One shape for every format: a list of sheets, each a list of rows (values are str, float,
int, bool, date/datetime or "" for empty) plus its merged ranges. python-calamine reads
everything fast; openpyxl (normal mode, never read-only, which trusts a wrong <dimension>)
rescues the files calamine rejects. Legacy .xls goes to a child process with a memory cap,
because calamine can abort the whole process on some of those.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.io.errors import FileProblem
from workbench.io.reading.sniff import Sniffed, sniff

MAX_ROWS = 1_048_576  # Excel's own limit; nothing a file declares makes us scan more
MAX_COLUMNS = 512  # annexes have a dozen; a sheet declaring XFD columns is cut here
CHILD_TIMEOUT_S = 60
CHILD_MEMORY_BYTES = 2 * 1024**3

Merged = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]
    merged: list[Merged] = field(default_factory=list)
    truncated: bool = False  # rows or columns beyond the caps were not read
    hidden: bool = False


@dataclass
class RawWorkbook:
    path: Path
    format: str  # xlsx / xlsb / ods / xls / csv
    sheets: list[RawSheet]
    reader: str  # which library read it
    notes: list[str] = field(default_factory=list)  # what the reader had to work around


def _cap_rows(rows: list[list[Any]]) -> tuple[list[list[Any]], bool]:
    truncated = len(rows) > MAX_ROWS
    rows = rows[:MAX_ROWS]
    if rows and len(rows[0]) > MAX_COLUMNS:
        rows = [r[:MAX_COLUMNS] for r in rows]
        truncated = True
    return rows, truncated


# ---- calamine ---------------------------------------------------------------------------
_EXTENSIONS = {
    "xlsx": (".xlsx", ".xlsm", ".xltx", ".xltm"),
    "xlsb": (".xlsb",),
    "ods": (".ods",),
    "xls": (".xls", ".xlt"),
}


def _calamine_sheets(path: str | Path, kind: str | None = None) -> list[RawSheet]:
    """calamine picks its parser by extension; a mislabelled file is handed over as a
    stream so that it decides by content instead."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    if kind is None or path.suffix.lower() in _EXTENSIONS.get(kind, ()):
        workbook = CalamineWorkbook.from_path(str(path))
    else:
        with open(path, "rb") as handle:
            workbook = CalamineWorkbook.from_filelike(handle)
    sheets = []
    hidden = {m.name for m in workbook.sheets_metadata if "Visible" not in str(m.visible)}
    kinds = {m.name: str(m.typ) for m in workbook.sheets_metadata}
    for name in workbook.sheet_names:
        if "WorkSheet" not in kinds.get(name, "WorkSheet"):
            continue  # chart sheets, dialog and macro sheets hold no table
        sheet = workbook.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
        rows, truncated = _cap_rows(rows)
        merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
        sheets.append(RawSheet(name, rows, merged, truncated, name in hidden))
    return sheets


# ---- openpyxl fallback --------------------------------------------------------------------
def _openpyxl_sheets(path: Path) -> list[RawSheet]:
    import warnings

    import openpyxl  # uses defusedxml when it is installed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=False, keep_links=False)
    sheets = []
    for ws in workbook.worksheets:
        rows: list[list[Any]] = []
        max_col = min(ws.max_column or 0, MAX_COLUMNS)
        truncated = (ws.max_column or 0) > MAX_COLUMNS
        for n, row in enumerate(ws.iter_rows(max_col=max_col, values_only=True)):
            if n >= MAX_ROWS:
                truncated = True
                break
            rows.append(["" if v is None else v for v in row])
        merged = [
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
            for m in ws.merged_cells.ranges
        ]
        sheets.append(RawSheet(ws.title, rows, merged, truncated, ws.sheet_state != "visible"))
    return sheets


# ---- legacy .xls in a child process -------------------------------------------------------
def _limit_child() -> None:  # pragma: no cover - runs in the child
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass


def _xls_in_child(path: Path) -> list[RawSheet]:
    command = [sys.executable, "-m", "workbench.io.reading.xls_worker", str(path), "xls"]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            timeout=CHILD_TIMEOUT_S,
            preexec_fn=_limit_child if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        raise FileProblem(
            f"读取超过 {CHILD_TIMEOUT_S} 秒仍未完成，文件可能已损坏，已停止", path
        ) from None
    if result.returncode != 0:
        if result.returncode < 0 or result.returncode in (134, 137):
            raise FileProblem("旧版 xls 文件已损坏，读取时耗尽内存或异常终止，已拒绝", path)
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FileProblem(message[-1] if message else "旧版 xls 文件无法读取", path)
    try:
        payload = pickle.loads(result.stdout)
    except Exception:
        raise FileProblem("旧版 xls 文件无法读取（读取进程输出不完整）", path) from None
    return [RawSheet(**s) for s in payload]


# ---- text tables ---------------------------------------------------------------------------
def _decode(data: bytes, path: Path) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem("文本编码无法识别（不是 UTF-8、GB18030/GBK 或 UTF-16）", path)


def _text_sheets(path: Path) -> list[RawSheet]:
    data = path.read_bytes()
    text = _decode(data, path)
    sample = text[:20000]
    first_lines = sample.splitlines()[:20]
    delimiter = max(("\t", ",", ";", "|"), key=lambda d: sum(line.count(d) for line in first_lines))
    if not any(delimiter in line for line in first_lines):
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    truncated = False
    for n, row in enumerate(reader):
        if n >= MAX_ROWS:
            truncated = True
            break
        if len(row) > MAX_COLUMNS:
            row = row[:MAX_COLUMNS]
            truncated = True
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    return [RawSheet(path.stem[:31] or "Sheet1", rows, [], truncated)]


# ---- the one entry point ------------------------------------------------------------------
def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if name == "PasswordError":
        return "文件已加密（设有打开密码），请在 Excel/WPS 中取消密码后再打开"
    if name in ("ZipError", "BadZipFile"):
        return f"文件已损坏（压缩包结构错误：{text}）"
    if name in ("XmlError", "ParseError", "ExpatError"):
        if "entity" in text or "DTD" in text or "amplification" in text:
            return "文件含有不安全的 XML 实体定义（疑似 XML 炸弹），拒绝打开"
        return f"文件内部的 XML 已损坏（{text}）"
    if name == "PanicException":
        return f"文件已损坏，读取库无法解析（{text}）"
    return f"无法读取（{text or name}）"


def read_workbook(path: str | os.PathLike) -> RawWorkbook:
    """All sheets of a spreadsheet or text table; FileProblem with a one-line reason if not."""
    sniffed: Sniffed = sniff(path)
    path = sniffed.path
    if sniffed.kind == "text":
        return RawWorkbook(path, "csv", _text_sheets(path), "csv")
    if sniffed.kind == "xls":
        return RawWorkbook(path, "xls", _xls_in_child(path), "calamine（独立进程）")

    errors: list[str] = []
    try:
        return RawWorkbook(path, sniffed.kind, _calamine_sheets(path, sniffed.kind), "calamine")
    except BaseException as exc:  # PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if type(exc).__name__ == "PasswordError":
            raise FileProblem(_describe(exc), path) from None
        errors.append(_describe(exc))
    if sniffed.kind == "xlsx":
        try:
            sheets = _openpyxl_sheets(path)
            return RawWorkbook(
                path,
                "xlsx",
                sheets,
                "openpyxl",
                [f"快速读取失败（{errors[0]}），已改用兼容方式读取"],
            )
        except MemoryError:
            errors.append("读取时内存不足")
        except Exception as exc:
            errors.append(_describe(exc))
    raise FileProblem(errors[-1] if len(errors) == 1 or "加密" in errors[0] else errors[0], path)
