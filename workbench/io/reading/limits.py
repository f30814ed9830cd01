"""One set of limits for every untrusted workbook, applied before any reading library sees it.

python-calamine builds each sheet as one dense block from its first to its last used cell, so
a 6 KB file naming a single cell at XFD1048576 asks it for 512 GiB and the process aborts
(a Rust allocation failure cannot be caught). An .ods row repeated a million times grows the
same way, and a zip member's CRC is not checked by the readers. So every part of the package
is inflated here once, with its CRC verified and its size counted, and every part goes
through the same scan (part_scan) whatever its size or contents: the area calamine would
allocate, the longest shared string, the cell formats and any XML entities are known before
calamine runs. Whatever cannot be bounded by the quick scan (cells without coordinates,
prefixed element names) is reported as irregular and read in a capped child process instead.

Every check applies on every path: a sheet with error cells is bounded like any other, a
large part like a small one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.io.errors import FileProblem
from workbench.io.reading import package
from workbench.io.reading.bounds import (  # noqa: F401 - the limits, read from here by callers
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    MAX_CELL_FORMATS,
    MAX_FILE_BYTES,
    MAX_INFLATED_BYTES,
    MAX_MEMBERS,
    MAX_MERGED_RANGES,
    MAX_PART_BYTES,
    MAX_SHARED_TEXT_IN_PROCESS,
    MAX_SHEET_CELLS,
    MAX_SHEET_ROWS,
    MAX_TOTAL_CELLS,
)
from workbench.io.reading.error_cells import error_cells  # noqa: F401 - part of the check
from workbench.io.reading.file_kinds import FileKind
from workbench.io.reading.ods_bounds import scan_ods_content
from workbench.io.reading.package import check_directory, read_member  # noqa: F401
from workbench.io.reading.part_scan import (  # noqa: F401
    STREAM_CHUNK,
    STREAM_FROM_BYTES,
    PartFacts,
    facts_of_member,
)
from workbench.io.reading.sheet_reach import check_area, column_index, column_name  # noqa: F401


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


def _sheet_label(archive, part: str) -> str:
    """“工作表“名称””for a worksheet part; the part's own name if that cannot be worked out."""
    try:
        for name, found in package.sheet_parts(archive).items():
            if found == part:
                return f"工作表“{name}”"
    except Exception:  # noqa: S110 - a damaged workbook part: name the part instead
        pass
    return f"部件“{part}”"


def _take_xlsx_part(scan: Scan, archive, info, path: Path) -> None:
    """One part of an xlsx package through every check; the scan records what it holds."""
    facts: PartFacts = facts_of_member(archive, info, path)
    scan.inflated += facts.size
    _count_inflated(scan, path)
    if facts.entities:
        raise FileProblem(
            f"文件的“{info.filename}”含有 XML 实体或文档类型定义（疑似 XML 炸弹），拒绝打开",
            path,
        )
    if facts.formats > MAX_CELL_FORMATS:
        raise FileProblem(
            f"样式部件“{info.filename}”中有 {facts.formats} 个单元格格式，超过 {MAX_CELL_FORMATS} 个的上限"
            "（Excel 最多 64000 个），疑似恶意或损坏的文件，拒绝打开",
            path,
        )
    scan.longest_shared = max(scan.longest_shared, facts.longest_shared)
    if not facts.regular:
        if facts.bare_rows > MAX_SHEET_ROWS:
            raise FileProblem(
                f"{_sheet_label(archive, info.filename)}有 {facts.bare_rows} 行没有行号的数据，"
                f"超过 {MAX_SHEET_ROWS // 10000} 万行的上限，疑似恶意或损坏的文件，拒绝打开",
                path,
            )
        scan.regular = False
        scan.errors = None
        return
    if facts.rows:
        if facts.rows > MAX_SHEET_ROWS or facts.rows * facts.columns > MAX_SHEET_CELLS:
            check_area(path, _sheet_label(archive, info.filename), facts.rows, facts.columns)
        scan.areas[info.filename] = (facts.rows, facts.columns)
        scan.sheet_bytes += facts.size
    if scan.errors is not None and facts.errors:
        scan.errors[info.filename] = facts.errors


# ---- the one entry point --------------------------------------------------------------------
def check_package(data: bytes, path: Path, kind: FileKind | str) -> Scan:
    """Inflate every part once (CRC and size verified), bound every sheet; FileProblem if any
    limit is passed. `kind` is what sniff found: xlsx, xlsb or ods."""
    kind = FileKind(kind)
    archive = package.open_package(data, path)
    scan = Scan()
    if kind is not FileKind.XLSX:
        scan.errors = None
    for info in archive.infolist():
        if info.is_dir():
            continue
        if kind is FileKind.XLSX:
            _take_xlsx_part(scan, archive, info, path)
            continue
        part = read_member(archive, info, path)
        scan.inflated += len(part)
        _count_inflated(scan, path)
        if kind is FileKind.ODS and info.filename == "content.xml":
            scan.areas.update(scan_ods_content(part, path, len(data)))
        elif kind is FileKind.XLSB:
            scan.regular = False  # binary records: bounded by the capped child process
        del part
    if scan.cells > MAX_TOTAL_CELLS:
        raise FileProblem(
            f"各工作表合计约 {scan.cells / 10000:.0f} 万个单元格，超过上限 {MAX_TOTAL_CELLS // 10000} 万，拒绝打开",
            path,
        )
    return scan


def _count_inflated(scan: Scan, path: Path) -> None:
    if scan.inflated > MAX_INFLATED_BYTES:
        raise FileProblem(f"解压后总大小超过上限 {MAX_INFLATED_BYTES // 2**20} MB，拒绝打开", path)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole file, or FileProblem if it is larger than the limit (checked as read). This
    is the one read of a received file: every later stage works on these bytes."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileProblem("文件不存在", path) from None
    except IsADirectoryError:
        raise FileProblem("这是一个文件夹，不是文件", path) from None
    except PermissionError:
        raise FileProblem("没有读取权限", path) from None
    except OSError as exc:
        raise FileProblem(f"无法读取（{exc.strerror or exc}）", path) from None
    if len(data) > limit:
        raise FileProblem(f"文件过大，超过 {limit // 2**20} MB 上限", path)
    return data
