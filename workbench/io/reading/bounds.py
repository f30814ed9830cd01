"""The numbers every untrusted file is held to, in one place (limits, package, readers).

python-calamine builds each sheet as one dense block from A1 to its last used cell, and the
zip, XML and text readers all grow with what a file declares; these bounds are what the
checks compare a file's claims and contents against before any reading library runs.
"""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PART_BYTES = 192 * 1024 * 1024  # one inflated part; a 100k-row, 10-column sheet is 42 MB
MAX_INFLATED_BYTES = 448 * 1024 * 1024  # all parts together
MAX_MEMBERS = 20000
# The central directory a zip reader parses into one object per entry: 20,000 members with
# names of a few hundred bytes fit in 8 MB; a directory larger than that is refused unread.
MAX_DIRECTORY_BYTES = 8 * 1024 * 1024
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
# Excel itself keeps at most 64,000 cell formats in a workbook; a styles part with more
# <xf> records than that is not one Excel or WPS wrote, and parsing it costs gigabytes.
MAX_CELL_FORMATS = 65_000
# Above this, the shared strings could multiply into more text than a reader should copy in
# this process; such files are read by the capped child (which refuses the real bombs).
MAX_SHARED_TEXT_IN_PROCESS = 1024 * 1024 * 1024
# What one read may hold: every cell read becomes Python objects (its text or number, a slot
# in its row list), 80-130 bytes a cell once read (a legal 2 × 4.6M-cell workbook took 774 MB,
# a 12M-cell CSV 1.6 GB). Four million cells keep a read under 500 MB; a larger workbook is
# refused before any reader runs, and a text table as soon as its cells pass the bound, with
# a message naming the file, its size and the bound (too_many_cells).
MAX_CELLS_IN_MEMORY = 4_000_000
BYTES_PER_CELL_READ = 130
# Above this many cells a legal workbook or text table takes seconds to read: the reader
# says so before it starts, so the user sees why and may cancel.
LARGE_CELLS = 2_000_000
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384


def too_many_cells(cells: int, file_bytes: int, bound: int = MAX_CELLS_IN_MEMORY) -> str:
    """The one message for a file whose cells would not fit the memory bound."""
    need = cells * BYTES_PER_CELL_READ / 2**20
    return (
        f"文件 {file_bytes / 2**20:.1f} MB，{_cells(cells)}单元格，读入约需 {need:.0f} MB 内存，"
        f"超过一次读入 {_cells(bound, about=False)}单元格的上限，拒绝打开；"
        "请在 Excel/WPS 中删去不需要的工作表或行列、拆分后再打开"
    )


def _cells(n: int, about: bool = True) -> str:
    if n < 10000:
        return f"{n} 个"
    return f"{'约 ' if about else ''}{n / 10000:.0f} 万个"
