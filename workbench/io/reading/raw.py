"""The one shape every reading engine hands over: sheets of plain rows and merged ranges.

Values are str, float, int, bool, date/datetime or "" for empty. The caps here apply to what
any engine returns, so no engine can hand over more than the limits allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import MAX_MERGED_RANGES, MAX_SHEET_CELLS
from workbench.io.reading.file_kinds import FileKind

MAX_ROWS = 1_048_576  # Excel's own limit; nothing a file declares makes us scan more
MAX_COLUMNS = 512  # annexes have a dozen; a sheet declaring XFD columns is cut here

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
    # The package bytes the limits checked (xlsx and ods), for the stages that read the
    # package's own XML afterwards (number_formats): never the path again.
    package: bytes | None = field(default=None, repr=False)


def cap_rows(rows: list[list[Any]]) -> tuple[list[list[Any]], bool]:
    truncated = len(rows) > MAX_ROWS
    rows = rows[:MAX_ROWS]
    if rows and len(rows[0]) > MAX_COLUMNS:
        rows = [r[:MAX_COLUMNS] for r in rows]
        truncated = True
    return rows, truncated


# A merged range reaching past the last value (a title merged across empty columns) is kept
# as written, so a sheet carried over keeps its shape; only a range this large is cut.
_MERGE_KEPT_AS_WRITTEN = 10_000


def clip_merged(merged: list[Merged], rows: list[list[Any]], path: Path, name: str) -> list[Merged]:
    """Merged ranges bounded by the cells that exist: a range naming XFD1048576 must not make
    the reader fill a million rows, nor a million ranges make it loop."""
    if len(merged) > MAX_MERGED_RANGES:
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
    if covered > MAX_SHEET_CELLS:
        raise FileProblem(
            "合并单元格覆盖的范围过大（相互重叠），疑似恶意或损坏的文件，拒绝打开", path, name
        )
    return clipped


def describe(exc: BaseException) -> str:
    """A reading library's exception as one Chinese line."""
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
