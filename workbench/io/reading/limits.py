"""One set of limits for every untrusted workbook, applied before any reading library sees it.

python-calamine builds each sheet as one dense block from its first to its last used cell, so
a 6 KB file naming a single cell at XFD1048576 asks it for 512 GiB and the process aborts
(a Rust allocation failure cannot be caught). An .ods row repeated a million times grows the
same way, and a zip member's CRC is not checked by the readers. So every part of the package
is inflated here once, with its CRC verified and its size counted, and each part that can be a
sheet is scanned for how far its cells reach: the area calamine would allocate is known before
calamine runs. Whatever cannot be bounded by the quick scan (cells without coordinates,
prefixed element names) is reported as irregular and read in a capped child process instead.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from workbench.io.errors import FileProblem
from workbench.io.reading.file_kinds import FileKind

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PART_BYTES = 192 * 1024 * 1024  # one inflated part; a 100k-row, 10-column sheet is 42 MB
MAX_INFLATED_BYTES = 448 * 1024 * 1024  # all parts together
MAX_MEMBERS = 20000
MAX_MEMBER_RATIO = 200  # inflated / compressed, for members over MIN_RATIO_BYTES
MIN_RATIO_BYTES = 16 * 1024 * 1024
# The area (rows x columns from A1 to the farthest cell) a reader would build. An annex of
# 100k projects in 10 columns is 1M cells; the limits leave room for wide tables and several.
MAX_SHEET_CELLS = 6_000_000
MAX_TOTAL_CELLS = 12_000_000
# Rows cost more than cells once read (a list each, then a pass of the table reader): a
# single value near row 1048576 made a 468 MB import. Annexes have thousands of rows.
MAX_SHEET_ROWS = 300_000
MAX_MERGED_RANGES = 100_000
# Above this, the shared strings could multiply into more text than a reader should copy in
# this process; such files are read by the capped child (which refuses the real bombs).
MAX_SHARED_TEXT_IN_PROCESS = 1024 * 1024 * 1024
_SHARED_ITEM = re.compile(rb"<(?:[\w.-]+:)?si[\s>/]")
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384


@dataclass
class Scan:
    """What the checks found: the sheet areas, and whether the quick scan could bound them."""

    regular: bool = True
    areas: dict[str, tuple[int, int]] = field(default_factory=dict)  # part -> (rows, columns)
    inflated: int = 0
    sheet_bytes: int = 0  # inflated size of the parts holding cells
    longest_shared: int = 0  # bytes of the longest shared string
    # Error cells (#N/A, #DIV/0!) of each worksheet part, by 0-based (row, column), found in
    # the same pass that bounds the part; None when some part could not be scanned for them.
    errors: dict[str, dict[tuple[int, int], str]] | None = field(default_factory=dict)

    @property
    def shared_text_bound(self) -> int:
        """How much text the reader could copy out of shared strings: it copies a shared
        string into every cell that names it, so one 1 MB string in 12,000 cells is 12 GB.
        Every cell takes at least 20 bytes of sheet XML."""
        return self.sheet_bytes // 20 * self.longest_shared

    @property
    def cells(self) -> int:
        return sum(r * c for r, c in self.areas.values())


def column_index(letters: bytes | str) -> int:
    """1-based column number of "A", "AB", "XFD"."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + (ord(ch) - 64)
    return n


def column_name(index: int) -> str:
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _check_area(path: Path, where: str, rows: int, columns: int) -> None:
    if rows > MAX_SHEET_ROWS:
        raise FileProblem(
            f"{where}的数据延伸到第 {rows} 行，超过 {MAX_SHEET_ROWS // 10000} 万行的上限，"
            "疑似恶意或损坏的文件，拒绝打开",
            path,
        )
    if rows * columns > MAX_SHEET_CELLS:
        raise _too_large(path, where, rows, columns)


def _too_large(path: Path, where: str, rows: int, columns: int) -> FileProblem:
    area = rows * columns
    return FileProblem(
        f"{where}的数据区域过大（A1:{column_name(min(columns, EXCEL_COLUMNS))}{min(rows, EXCEL_ROWS)}，"
        f"约 {area / 10000:.0f} 万个单元格，上限 {MAX_SHEET_CELLS // 10000} 万），疑似恶意或损坏的文件，拒绝打开",
        path,
    )


def check_directory(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """The declared sizes in the zip directory, checked before anything is inflated."""
    if len(infos) > MAX_MEMBERS:
        raise FileProblem(f"压缩包内文件过多（{len(infos)} 个），拒绝打开", path)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise FileProblem(
                f"压缩包中的“{info.filename}”解压后 {info.file_size // 2**20} MB，超过单个部件 "
                f"{MAX_PART_BYTES // 2**20} MB 的上限，拒绝打开",
                path,
            )
        if info.file_size > MIN_RATIO_BYTES and info.file_size > MAX_MEMBER_RATIO * max(
            info.compress_size, 1
        ):
            raise FileProblem(
                f"疑似压缩炸弹：{info.filename} 声明解压后 {info.file_size // 2**20} MB，"
                f"压缩比超过 {MAX_MEMBER_RATIO}:1，拒绝打开",
                path,
            )
    if total > MAX_INFLATED_BYTES:
        raise FileProblem(
            f"解压后总大小 {total // 2**20} MB 超过上限 {MAX_INFLATED_BYTES // 2**20} MB，拒绝打开",
            path,
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """One part, inflated and checked against its CRC and declared size."""
    if info.file_size > MAX_PART_BYTES:
        check_directory([info], path)
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        _member_error(exc, info, path)
    if len(data) != info.file_size:
        raise FileProblem(
            f"文件已损坏：压缩包中的“{info.filename}”实际大小与声明不符，拒绝读取", path
        )
    return data


# ---- xlsx sheets ----------------------------------------------------------------------------
# Element names with a namespace prefix: legal XML, but the quick scan does not follow them.
_PREFIXED = re.compile(rb":(?:row|c)[\s/>]")
_LAST_ROW = re.compile(rb'<row\s+r="(\d{1,9})"')


def _below(threshold: int) -> bytes:
    """A pattern for the row numbers below `threshold`, which is 10**k or a two-digit number
    times a power of ten (all a row hint is rounded to)."""
    text = str(threshold)
    k = len(text)
    options = [rb"[1-9]\d{0,%d}" % (k - 2)] if k > 1 else []
    if text.strip("0") == "1":  # a power of ten: all shorter numbers, nothing else
        return b"|".join(options)
    d1, d2 = int(text[0]), int(text[1])
    if d1 > 1:
        options.append(rb"[1-%d]\d{%d}" % (d1 - 1, k - 1))
    if d2 > 0:
        options.append(rb"%d[0-%d]\d{%d}" % (d1, d2 - 1, k - 2))
    return b"|".join(options)


def _thresholds(hint: int) -> list[int]:
    """Row numbers to skip, from the largest the hint allows down to none: the hint rounded
    down to two digits, then each power of ten below it."""
    if hint < 10:
        return [1]
    k = len(str(hint))
    first = int(str(hint)[:2]) * 10 ** (k - 2)
    return [first, *(10**j for j in range(k - 1, -1, -1) if 10**j < first)]


def _unusual_cells(threshold: int) -> re.Pattern[bytes]:
    """Every cell except the common one: coordinates first, a one-letter column and a row
    number below `threshold`. Wide cells, far rows and cells without coordinates (whose
    place the reader would count for itself) are what is left, and are few. A match without
    captured coordinates is a cell the quick scan cannot place."""
    below = _below(threshold) if threshold > 1 else b""
    common = rb'|\sr="[A-Z](?:' + below + rb')"' if below else b""
    return _compiled(rb"<c(?![^\s/>]" + common + rb')(?:\s+r="([A-Z]{1,4})([1-9]\d{0,9})")?')


_PATTERNS: dict[bytes, re.Pattern[bytes]] = {}


def _compiled(pattern: bytes) -> re.Pattern[bytes]:
    if pattern not in _PATTERNS:
        _PATTERNS[pattern] = re.compile(pattern)
    return _PATTERNS[pattern]


def scan_sheet_xml(data: bytes) -> tuple[bool, int, int]:
    """(regular, rows, columns): how far the cells of an xlsx worksheet part reach, from A1.

    Only cells count (Excel writes empty formatted rows down to 1048576). The row tag nearest
    the end only suggests how long the largest row number is; cells with numbers at least
    that large are collected and give the exact reach, and if there are none the threshold
    is lowered. A lying or unordered file is therefore still bounded exactly.
    """
    if b"<c" not in data and b":c" not in data:
        return True, 0, 0
    if _PREFIXED.search(data):
        return False, 0, 0
    last = data.rfind(b"<row ")
    hint = _LAST_ROW.match(data, last) if last >= 0 else None
    return _reach(data, int(hint.group(1)) if hint else 1)


def _reach(data: bytes, hint: int) -> tuple[bool, int, int]:
    """Cells at or beyond the hint's threshold give the exact reach; if there are none, the
    threshold is lowered (the hint only saves work, it is never trusted)."""
    for threshold in _thresholds(hint):
        max_row, max_col = 0, 26
        for letters, number in _unusual_cells(threshold).findall(data):
            if not letters:
                return False, 0, 0
            max_col = max(max_col, column_index(letters))
            max_row = max(max_row, int(number))
        if max_row >= threshold or threshold == 1:
            return True, max_row, max_col
    return True, 0, 26  # unreachable: the last threshold is 1


# ---- error cells --------------------------------------------------------------------------
# calamine hands over an error cell as an empty one; the reader puts the text back (see
# number_formats). They are found here, in the pass that inflates every part anyway.
_ERROR_MARK = b't="e"'
_ERROR_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d{1,9})"')
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")
LONGEST_ERROR_CELL = 64 * 1024  # an unfinished error cell is carried over at most this far


def error_cells(
    data: bytes, begin: int, end: int, found: dict[tuple[int, int], str], final: bool = True
) -> int:
    """Error cells of an xlsx worksheet whose t="e" mark starts in data[begin:end], into
    `found` as (row, column) → the text as written ("#错误" when the cell holds none).

    Returns where the next search must start again: `end`, or (unless `final`) the start of
    an error cell whose element does not end within `data` yet, so that a streaming caller
    carries it over to the next chunk. A cell without coordinates is skipped (such a sheet is
    read by the capped child)."""
    at = data.find(_ERROR_MARK, begin, end + len(_ERROR_MARK) - 1)
    while at >= 0:
        start = data.rfind(b"<c", 0, at)
        head_end = data.find(b">", at)
        if start >= 0 and data.find(b">", start, at) < 0:  # the mark is inside a cell's tag
            if head_end < 0:
                closed = -1
            elif data[head_end - 1 : head_end] == b"/":
                closed = head_end + 1
            else:
                closed = data.find(b"</c>", head_end)
            if closed < 0 and not final and len(data) - start <= LONGEST_ERROR_CELL:
                return start
            ref = _ERROR_REF.search(data, start, head_end if head_end >= 0 else len(data))
            if ref is not None:
                value = _ERROR_VALUE.search(data, head_end, closed) if closed > head_end else None
                text = value.group(1).decode("utf-8", "replace") if value else "#错误"
                found[(int(ref.group(2)) - 1, column_index(ref.group(1)) - 1)] = text
        at = data.find(_ERROR_MARK, at + len(_ERROR_MARK), end + len(_ERROR_MARK) - 1)
    return end


_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]{0,4}\d{0,9}:?[A-Z]{0,4}(\d{1,9})"')
STREAM_FROM_BYTES = 8 * 1024 * 1024  # parts this large are inflated and scanned in step
STREAM_CHUNK = 2 * 1024 * 1024
_CARRY = 256  # longer than the part of a tag the patterns look at


def _scan_large_sheet(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    path: Path,
    errors: dict[tuple[int, int], str] | None = None,
) -> tuple[bool, int, int, int]:
    """(regular, rows, columns, size) of a large worksheet part, inflated by a second thread
    while this one scans what has arrived; its error cells go into `errors` on the way. zlib
    and the CRC run without the interpreter lock, so on a machine with two cores the check
    costs about what inflating does. The
    <dimension> at the top only suggests how long row numbers are; if it promised more than
    the cells reach, the part is scanned again as a whole (scan_sheet_xml)."""
    import queue
    import threading

    chunks: queue.Queue = queue.Queue(maxsize=8)

    def inflate() -> None:
        try:
            with archive.open(info) as handle:
                total = 0
                while total <= MAX_PART_BYTES:
                    block = handle.read(STREAM_CHUNK)
                    if not block:
                        break
                    total += len(block)
                    chunks.put(block)
            chunks.put(None)
        except BaseException as exc:  # handed over to the scanning side, which reports it
            chunks.put(exc)

    worker = threading.Thread(target=inflate, name="inflate-check", daemon=True)
    worker.start()
    size = 0
    carry = b""
    scanned_to = 0  # in `carry`: where the cells not yet bounded begin
    pattern = None
    threshold = 1
    regular, max_row, max_col = True, 0, 26
    while True:
        block = chunks.get()
        if isinstance(block, BaseException):
            worker.join()
            _member_error(block, info, path)
        final = block is None
        if not final:
            size += len(block)
        buffer = carry + (block or b"")
        if pattern is None:
            found = _DIMENSION.search(buffer, 0, 8192)
            threshold = _thresholds(int(found.group(1)) if found else 1)[0]
            pattern = _unusual_cells(threshold)
        cut = len(buffer) if final else max(len(buffer) - _CARRY, 0)
        if regular and _PREFIXED.search(buffer):
            regular = False
        if regular:
            for match in pattern.finditer(buffer, scanned_to):
                if match.start() >= cut:
                    break
                letters, number = match.group(1), match.group(2)
                if not letters:
                    regular = False
                    break
                max_col = max(max_col, column_index(letters))
                max_row = max(max_row, int(number))
        keep = cut
        if regular and errors is not None:
            keep = min(cut, error_cells(buffer, 0, cut, errors, final))
        carry = buffer[keep:]
        scanned_to = cut - keep
        if final:
            break
    worker.join()
    if size != info.file_size:
        raise FileProblem(
            f"文件已损坏：压缩包中的“{info.filename}”实际大小与声明不符，拒绝读取", path
        )
    if not regular:
        return False, 0, 0, size
    if max_row < threshold:  # the dimension promised more than the cells reach: once more,
        data = read_member(archive, info, path)  # as a whole, with lower thresholds
        return (*_reach(data, max(threshold - 1, 1)), size)
    return True, max_row, max_col, size


def _member_error(exc: BaseException, info: zipfile.ZipInfo, path: Path) -> None:
    """The one-line reason for what went wrong inflating a part (always raises)."""
    if isinstance(exc, zipfile.BadZipFile):
        if "CRC" in str(exc):
            raise FileProblem(
                f"文件已损坏：压缩包中的“{info.filename}”校验失败（内容与校验值不符），拒绝读取",
                path,
            ) from None
        raise FileProblem(f"文件已损坏（压缩包中的“{info.filename}”：{exc}）", path) from None
    if isinstance(exc, NotImplementedError):
        raise FileProblem(
            f"压缩包中的“{info.filename}”使用了不支持的压缩方式，请在 Excel/WPS 中另存为 xlsx 后再打开",
            path,
        ) from None
    if isinstance(exc, (zlib.error, EOFError, OSError, ValueError)):
        raise FileProblem(
            f"文件已损坏（压缩包中的“{info.filename}”无法解压：{exc}）", path
        ) from None
    raise exc


# ---- ods content ----------------------------------------------------------------------------
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class _OdsBounds:
    """Follows repeated rows and cells the way the readers expand them: empty repeats at the
    end cost nothing, anything with a value in it (or after it) counts in full."""

    def __init__(self) -> None:
        self.areas: dict[str, tuple[int, int]] = {}
        self.table = ""
        self.row = 0
        self.max_row = 0
        self.max_col = 0
        self.row_repeat = 1
        self.col = 0
        self.row_max_col = 0
        self.cell_repeat = 0
        self.cell_filled = False
        self.depth_in_cell = 0

    @staticmethod
    def _repeat(attrs: dict[str, str], name: str) -> int:
        text = attrs.get(f"{_TABLE_NS} {name}", "1")
        try:
            return max(1, min(int(text), EXCEL_ROWS * 16))
        except ValueError:
            return 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.depth_in_cell:
            self.depth_in_cell += 1
            self.cell_filled = True
            return
        if name == f"{_TABLE_NS} table":
            self.table = attrs.get(f"{_TABLE_NS} name", "") or f"表{len(self.areas) + 1}"
            self.row = self.max_row = self.max_col = 0
        elif name == f"{_TABLE_NS} table-row":
            self.row_repeat = self._repeat(attrs, "number-rows-repeated")
            self.col = self.row_max_col = 0
        elif name in (f"{_TABLE_NS} table-cell", f"{_TABLE_NS} covered-table-cell"):
            self.cell_repeat = self._repeat(attrs, "number-columns-repeated")
            self.cell_filled = f"{_OFFICE_NS} value-type" in attrs
            self.depth_in_cell = 1

    def end(self, name: str) -> None:
        if self.depth_in_cell > 1:
            self.depth_in_cell -= 1
            return
        if self.depth_in_cell == 1:
            self.depth_in_cell = 0
            self.col += self.cell_repeat
            if self.cell_filled:
                self.row_max_col = self.col
            return
        if name == f"{_TABLE_NS} table-row":
            self.row += self.row_repeat
            if self.row_max_col:
                self.max_row = self.row
                self.max_col = max(self.max_col, self.row_max_col)
        elif name == f"{_TABLE_NS} table":
            self.areas[self.table] = (self.max_row, self.max_col)


def scan_ods_content(data: bytes, path: Path) -> dict[str, tuple[int, int]]:
    """The area each table of an .ods content part would take once its repeats are expanded."""
    bounds = _OdsBounds()
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse_dtd(*_args) -> None:
        raise FileProblem("文件含有 XML 实体或文档类型定义（疑似 XML 炸弹），拒绝打开", path)

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = bounds.start
    parser.EndElementHandler = bounds.end
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, LookupError, ValueError, UnicodeError) as exc:
        raise FileProblem(f"文件内部的 XML 已损坏（content.xml：{exc}）", path) from None
    total = 0
    for name, (rows, cols) in bounds.areas.items():
        _check_area(path, f"工作表“{name}”", rows, cols)
        total += rows * cols
    if total > MAX_TOTAL_CELLS:
        raise FileProblem(
            f"各工作表合计约 {total / 10000:.0f} 万个单元格，超过上限 {MAX_TOTAL_CELLS // 10000} 万，拒绝打开",
            path,
        )
    return bounds.areas


_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _sheet_label(archive: zipfile.ZipFile, part: str) -> str:
    """“工作表“名称””for a worksheet part, from the (small) workbook part and its relations;
    the part's own name if that cannot be worked out."""
    try:
        rels = _small_part(archive, "xl/_rels/workbook.xml.rels")
        book = _small_part(archive, "xl/workbook.xml")
        targets = {}
        for tag in _REL_TAG.findall(rels):
            attrs = dict(_ATTR.findall(tag))
            target = attrs.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
            targets[attrs.get(b"Id", b"")] = target if target.startswith("xl/") else f"xl/{target}"
        for tag in _SHEET_TAG.findall(book):
            attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(tag)}
            if targets.get(attrs.get(b"id", b"")) == part:
                name = attrs.get(b"name", b"").decode("utf-8", "replace")
                return f"工作表“{html.unescape(name)}”"
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, zlib.error):
        pass
    return f"部件“{part}”"


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as handle:
        return handle.read(4 * 1024 * 1024)


# ---- the one entry point --------------------------------------------------------------------
def check_package(data: bytes, path: Path, kind: FileKind | str) -> Scan:
    """Inflate every part once (CRC and size verified), bound every sheet; FileProblem if any
    limit is passed. `kind` is what sniff found: xlsx, xlsb or ods."""
    kind = FileKind(kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise FileProblem(f"文件已损坏，不是完整的压缩包（{exc}）", path) from None
    infos = archive.infolist()
    check_directory(infos, path)
    scan = Scan()
    for info in infos:
        if info.is_dir():
            continue
        if kind is FileKind.XLSX and info.file_size >= STREAM_FROM_BYTES:
            found: dict[tuple[int, int], str] = {}
            regular, rows, cols, size = _scan_large_sheet(archive, info, path, found)
            scan.inflated += size
            _count_inflated(scan, path)
            if not regular:
                scan.regular = False
                scan.errors = None
            elif scan.errors is not None and found:
                scan.errors[info.filename] = found
            elif rows:
                _check_area(path, _sheet_label(archive, info.filename), rows, cols)
                scan.areas[info.filename] = (rows, cols)
                scan.sheet_bytes += size
            continue
        part = read_member(archive, info, path)
        scan.inflated += len(part)
        _count_inflated(scan, path)
        if kind is FileKind.XLSX and _declares_entities(part):
            raise FileProblem(
                f"文件的“{info.filename}”含有 XML 实体或文档类型定义（疑似 XML 炸弹），拒绝打开",
                path,
            )
        if kind is FileKind.XLSX:
            regular, rows, cols = scan_sheet_xml(part)
            if not regular:
                scan.regular = False
                scan.errors = None
            elif scan.errors is not None and _ERROR_MARK in part:
                found = {}
                error_cells(part, 0, len(part), found)
                if found:
                    scan.errors[info.filename] = found
            elif rows:
                _check_area(path, _sheet_label(archive, info.filename), rows, cols)
                scan.areas[info.filename] = (rows, cols)
                scan.sheet_bytes += len(part)
            if b"si" in part:
                scan.longest_shared = max(scan.longest_shared, _longest_item(part))
        elif kind is FileKind.ODS and info.filename == "content.xml":
            scan.areas.update(scan_ods_content(part, path))
        elif kind is FileKind.XLSB:
            scan.regular = False  # binary records: bounded by the capped child process
        if kind != "xlsx":
            scan.errors = None
        del part
    if scan.cells > MAX_TOTAL_CELLS:
        raise FileProblem(
            f"各工作表合计约 {scan.cells / 10000:.0f} 万个单元格，超过上限 {MAX_TOTAL_CELLS // 10000} 万，拒绝打开",
            path,
        )
    return scan


def _declares_entities(part: bytes) -> bool:
    """Office never writes a DOCTYPE into an OOXML part; one in the prolog is a way to define
    entities (billion laughs, external files), never data."""
    head = part[:4096]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _longest_item(part: bytes) -> int:
    """Bytes of the longest <si> item of a shared-strings part (0 if it has none)."""
    plain = part.count(b"<si>")
    if plain and plain == part.count(b"<si") and b":si" not in part:
        # Every item starts with a bare <si> (what Excel, WPS and XlsxWriter write): split
        # in C instead of collecting 100k match positions. Same measure: from one item's
        # start to the next, the last one to the end of the part.
        return max(map(len, part.split(b"<si>")[1:])) + len(b"<si>")
    starts = [m.start() for m in _SHARED_ITEM.finditer(part)]
    if not starts:
        return 0
    starts.append(len(part))
    return max(b - a for a, b in zip(starts, starts[1:], strict=False))


def _count_inflated(scan: Scan, path: Path) -> None:
    if scan.inflated > MAX_INFLATED_BYTES:
        raise FileProblem(f"解压后总大小超过上限 {MAX_INFLATED_BYTES // 2**20} MB，拒绝打开", path)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole file, or FileProblem if it is larger than the limit (checked as read)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileProblem(f"无法读取（{exc.strerror or exc}）", path) from None
    if len(data) > limit:
        raise FileProblem(f"文件过大，超过 {limit // 2**20} MB 上限", path)
    return data
