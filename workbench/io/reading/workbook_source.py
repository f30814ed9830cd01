"""Read any spreadsheet into plain rows of cell values, safely and fast.

One shape for every format: a list of sheets, each a list of rows (values are str, float,
int, bool, date/datetime or "" for empty) plus its merged ranges. python-calamine reads
everything fast; openpyxl (normal mode, never read-only, which trusts a wrong <dimension>)
rescues the files calamine rejects.

Nothing a file says reaches a reading library before `limits.check_package` has inflated
every part (CRC and size verified) and bounded how far each sheet's cells reach; calamine
then reads those same verified bytes. Files the quick scan cannot bound, and every .xls,
.xlsb and .ods (binary records or repeat counts the readers expand), are read in a capped
child process (`capped.read_in_child`) that returns JSON.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench import progress
from workbench.io.errors import FileProblem
from workbench.io.reading import limits
from workbench.io.reading.sniff import FileKind, Sniffed, sniff

MAX_ROWS = 1_048_576  # Excel's own limit; nothing a file declares makes us scan more
MAX_COLUMNS = 512  # annexes have a dozen; a sheet declaring XFD columns is cut here
MAX_TEXT_FIELD = 1024 * 1024  # characters in one CSV field (Excel holds 32,767 in a cell)

Merged = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]
    merged: list[Merged] = field(default_factory=list)
    truncated: bool = False  # rows or columns beyond the caps were not read
    hidden: bool = False
    # Legacy .xls only (io/reading/biff.py, found in the reading child): percent-formatted
    # number cells and error cells by 0-based (row, column); None where not scanned.
    percent: set[tuple[int, int]] | None = None
    errors: dict[tuple[int, int], str] | None = None


@dataclass
class RawWorkbook:
    path: Path
    format: FileKind  # xlsx / xlsb / ods / xls / csv
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


# A merged range reaching past the last value (a title merged across empty columns) is kept
# as written, so a sheet carried over keeps its shape; only a range this large is cut.
_MERGE_KEPT_AS_WRITTEN = 10_000


def _clip_merged(
    merged: list[Merged], rows: list[list[Any]], path: Path, name: str
) -> list[Merged]:
    """Merged ranges bounded by the cells that exist: a range naming XFD1048576 must not make
    the reader fill a million rows, nor a million ranges make it loop."""
    if len(merged) > limits.MAX_MERGED_RANGES:
        raise FileProblem(
            f"合并单元格区域过多（{len(merged)} 个），疑似恶意或损坏的文件，拒绝打开", path, name
        )
    height = len(rows)
    width = max((len(r) for r in rows), default=0)
    clipped = []
    covered = 0
    for r0, c0, r1, c1 in merged:
        if r0 < 0 or c0 < 0 or r0 >= height or c0 >= width or r1 < r0 or c1 < c0:
            continue
        if (r1 - r0 + 1) * (c1 - c0 + 1) > _MERGE_KEPT_AS_WRITTEN:
            r1, c1 = min(r1, height - 1), min(c1, width - 1)
        covered += (r1 - r0 + 1) * (c1 - c0 + 1)
        clipped.append((r0, c0, r1, c1))
    if covered > limits.MAX_SHEET_CELLS:
        raise FileProblem(
            "合并单元格覆盖的范围过大（相互重叠），疑似恶意或损坏的文件，拒绝打开", path, name
        )
    return clipped


# ---- calamine ---------------------------------------------------------------------------
_EXTENSIONS = {
    FileKind.XLSX: (".xlsx", ".xlsm", ".xltx", ".xltm"),
    FileKind.XLSB: (".xlsb",),
    FileKind.ODS: (".ods",),
    FileKind.XLS: (".xls", ".xlt"),
}


def _calamine_sheets(
    path: str | Path, kind: str | None = None, data: bytes | None = None
) -> list[RawSheet]:
    """calamine picks its parser by extension; a mislabelled file is handed over as a
    stream so that it decides by content instead. With `data`, those (already verified)
    bytes are read, never the path again."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    if data is not None:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    elif kind is None or path.suffix.lower() in _EXTENSIONS.get(kind, ()):
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
        progress.step(f"工作表“{name}”")
        sheet = workbook.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
        rows, truncated = _cap_rows(rows)
        merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
        merged = _clip_merged(merged, rows, path, name)
        sheets.append(RawSheet(name, rows, merged, truncated, name in hidden))
    return sheets


# ---- openpyxl fallback --------------------------------------------------------------------
def _openpyxl_sheets(path: str | Path) -> list[RawSheet]:
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
        if (ws.max_row or 0) * max(max_col, 1) > limits.MAX_SHEET_CELLS:
            raise FileProblem(
                f"数据区域过大（约 {(ws.max_row or 0) * max_col / 10000:.0f} 万个单元格），疑似恶意或损坏的文件，拒绝打开",
                path,
                ws.title,
            )
        for n, row in enumerate(ws.iter_rows(max_col=max_col, values_only=True)):
            if n >= MAX_ROWS:
                truncated = True
                break
            rows.append(["" if v is None else v for v in row])
        merged = [
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
            for m in ws.merged_cells.ranges
        ]
        merged = _clip_merged(merged, rows, Path(path), ws.title)
        sheets.append(RawSheet(ws.title, rows, merged, truncated, ws.sheet_state != "visible"))
    return sheets


# ---- in a capped child process --------------------------------------------------------------
def _sheets_in_child(
    path: Path, kind: str, reader: str = "calamine"
) -> tuple[list[RawSheet], str, list[str]]:
    from workbench.io.reading.capped import read_in_child

    payload, reader, notes = read_in_child(path, kind, reader)
    sheets = []
    for item in payload:
        try:
            sheets.append(
                RawSheet(
                    str(item["name"]),
                    [list(r) for r in item["rows"]],
                    [tuple(int(x) for x in m) for m in item.get("merged", [])],
                    bool(item.get("truncated")),
                    bool(item.get("hidden")),
                    *_cell_facts(item),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise FileProblem("文件无法读取（读取进程的结果不完整）", path) from None
    return sheets, f"{reader}（独立进程）", notes


def _cell_facts(item: dict) -> tuple[set | None, dict | None]:
    """The child's BIFF facts of one sheet (biff.py) as RawSheet fields."""
    if item.get("percent") is None and item.get("errors") is None:
        return None, None
    percent = {(int(r), int(c)) for r, c in item.get("percent") or []}
    errors = {(int(r), int(c)): str(text) for r, c, text in item.get("errors") or []}
    return percent, errors


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


def _lines(text: str):
    """The text's lines with their endings, sliced one at a time (io.StringIO would first
    copy the whole text at four bytes a character)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _parse_text(text: str, delimiter: str, strict: bool, path: Path):
    """(rows, truncated, error, line where the failing row starts)."""
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=strict)
    rows: list[list[Any]] = []
    truncated = False
    cells = 0
    start = 1
    try:
        for n, row in enumerate(reader):
            if n >= MAX_ROWS:
                truncated = True
                break
            if not n % 4096:
                progress.check()
            if len(row) > MAX_COLUMNS:
                row = row[:MAX_COLUMNS]
                truncated = True
            cells += len(row)
            if cells > limits.MAX_TOTAL_CELLS:
                raise FileProblem(
                    f"文本表格超过 {limits.MAX_TOTAL_CELLS // 10000} 万个单元格的上限，拒绝读取",
                    path,
                )
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        return rows, truncated, exc, start
    return rows, truncated, None, start


def _text_sheets(path: Path) -> list[RawSheet]:
    data = limits.read_bounded(path, limits.MAX_INFLATED_BYTES)
    text = _decode(data, path)
    del data
    sample = text[:20000]
    first_lines = sample.splitlines()[:20]
    delimiter = max(("\t", ",", ";", "|"), key=lambda d: sum(line.count(d) for line in first_lines))
    if not any(delimiter in line for line in first_lines):
        delimiter = ","
    # Strict first, so that a quote left open is noticed instead of swallowing the rest of
    # the file into one cell; a stray quote inside a field (which Excel accepts) is read
    # leniently as before.
    rows, truncated, error, line = _parse_text(text, delimiter, True, path)
    if error is not None and "unexpected end of data" not in str(error):
        if "field larger" not in str(error):
            rows, truncated, error, line = _parse_text(text, delimiter, False, path)
    if error is not None:
        if "field larger" in str(error):
            raise FileProblem(
                f"从第 {line} 行起有一个单元格超过 {csv.field_size_limit()} 个字符（可能是引号没有闭合），拒绝读取",
                path,
            )
        if "unexpected end of data" in str(error):
            raise FileProblem(
                f"第 {line} 行开始的引号直到文件末尾都没有闭合，文件可能被截断或已损坏", path
            )
        raise FileProblem(f"第 {line} 行无法解析（{error}）", path)
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


def read_workbook(
    path: str | os.PathLike, on_checked: Callable[[limits.Scan], None] | None = None
) -> RawWorkbook:
    """All sheets of a spreadsheet or text table; FileProblem with a one-line reason if not.

    The limits come first for every format; then calamine reads in this process only what
    the scan could bound, and everything else goes to the capped child process.
    `on_checked` gets what the limits check found (sheet areas, error cells) once the package
    passed, before it is parsed: work that reads the package itself may start there, never
    earlier.
    """
    progress.step(f"正在读取“{Path(path).name}”")
    sniffed: Sniffed = sniff(path)
    path = sniffed.path
    if sniffed.kind is FileKind.TEXT:
        return RawWorkbook(path, FileKind.CSV, _text_sheets(path), "csv")
    if sniffed.kind is FileKind.XLS:
        sheets, reader, notes = _sheets_in_child(path, FileKind.XLS)
        return RawWorkbook(path, FileKind.XLS, sheets, reader, notes)

    data = limits.read_bounded(path)
    scan = limits.check_package(data, path, sniffed.kind)
    progress.check()
    if on_checked is not None:
        on_checked(scan)
    if (
        sniffed.kind is not FileKind.XLSX
        or not scan.regular
        or scan.shared_text_bound > limits.MAX_SHARED_TEXT_IN_PROCESS
    ):
        del data
        sheets, reader, notes = _sheets_in_child(path, sniffed.kind)
        return RawWorkbook(path, sniffed.kind, sheets, reader, notes)

    try:
        sheets = _calamine_sheets(path, FileKind.XLSX, data)
        return RawWorkbook(path, FileKind.XLSX, sheets, "calamine")
    except FileProblem:
        raise
    except BaseException as exc:  # PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if type(exc).__name__ == "PasswordError":
            raise FileProblem(_describe(exc), path) from None
        first = _describe(exc)
    del data
    # The compatible reader is slower and less frugal: it runs capped, out of process.
    try:
        sheets, reader, notes = _sheets_in_child(path, FileKind.XLSX, "openpyxl")
    except FileProblem:
        raise FileProblem(first, path) from None
    return RawWorkbook(
        path,
        FileKind.XLSX,
        sheets,
        reader,
        [f"快速读取失败（{first}），已改用兼容方式读取", *notes],
    )
