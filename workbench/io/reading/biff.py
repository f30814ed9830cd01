"""What calamine does not tell us about legacy .xls cells: percent formats and error values.

python-calamine hands over a BIFF8 cell formatted `0.0%` holding 0.43 as 0.43 and an error
cell (`#N/A`, `#DIV/0!`) as an empty cell, exactly as for xlsx (see number_formats.py). The
two facts sit in the file's records: the workbook globals list the number FORMATs and the
cell styles (XF, each naming a format); every cell record (NUMBER, RK, MULRK, FORMULA,
BOOLERR) carries its XF index, and BOOLERR and FORMULA records carry an error code.

This module reads them itself, in the capped child that reads the .xls (xls_worker), from an
untrusted file: no length is trusted, every sector chain is bounded by the file's size and
checked for loops, every loop advances, counts are capped. Anything malformed ends the scan
with what was found so far (calamine decides whether the file is readable at all). Only BIFF8
(Excel 97–2003) is scanned; older BIFF versions give no facts.

Cells are addressed 0-based (row, column), like the rows calamine returns.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench.io.reading.number_formats import _is_percent_code

# The child holds calamine's rows, the file and its Workbook stream under a 448 MB cap; a
# legacy .xls (65,536 rows by 256 columns at most) larger than this gets no extra facts.
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_FACTS = 1_000_000  # percent cells or error cells per workbook; a sheet has at most 16M
MAX_SHEETS = 4096
# Percent formats matter for the rows annex_reader probes (PROBE_ALL_ROWS: a whole sheet up to
# 5,000 rows; PROBE_DATA_ROWS: beyond, the first 30 rows under the header): the record walk
# stops past them. A header sits within the first few dozen rows of every annex seen.
PERCENT_ROWS = 5200
LONG_SHEET_ROWS = 5000
LONG_SHEET_PERCENT_ROWS = 400

_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_STREAM = 2
_ROOT = 5

# BIFF8 record types.
_BOF, _EOF, _FILEPASS = 0x0809, 0x000A, 0x002F
_FORMAT, _XF, _BOUNDSHEET = 0x041E, 0x00E0, 0x0085
_NUMBER, _RK, _MULRK, _FORMULA, _BOOLERR = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205
_BIFF8 = 0x0600
# Built-in number formats that show a percent sign: 9 "0%", 10 "0.00%".
_BUILTIN_PERCENT = {9, 10}
ERROR_TEXT = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}

_U16 = struct.Struct("<H")
_HEAD = struct.Struct("<HH")
_CELL = struct.Struct("<HHH")


class _Malformed(Exception):
    """The compound file or a record does not hold together; stop with what was found."""


@dataclass
class SheetFacts:
    percent: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


# ---- the OLE2 compound file -------------------------------------------------------------------
def _u32s(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


class _Compound:
    """Just enough of [MS-CFB] to read one stream, never trusting a count or a chain."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(_SIGNATURE):
            raise _Malformed("不是 OLE2 复合文件")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise _Malformed("扇区大小无效")
        self.size = 1 << shift
        self.sectors = max(0, (len(data) - self.size) // self.size)  # sectors after the header
        (
            fat_count,
            self.dir_start,
            _,
            self.cutoff,
            self.minifat_start,
            _minifat_count,
            difat_start,
            difat_count,
        ) = struct.unpack_from("<IIIIIIII", data, 0x2C)
        if fat_count > self.sectors + 1:
            raise _Malformed("FAT 扇区数超出文件")
        difat = [s for s in _u32s(data[0x4C:0x200]) if s < self.sectors]
        per_sector = self.size // 4 - 1
        sector, seen = difat_start, set()
        while sector < self.sectors and len(seen) <= min(difat_count, self.sectors):
            if sector in seen:
                raise _Malformed("DIFAT 链成环")
            seen.add(sector)
            entries = _u32s(self._sector(sector))
            difat.extend(s for s in entries[:per_sector] if s < self.sectors)
            sector = entries[per_sector]
        fat_sectors = difat[: min(fat_count, len(difat))]
        self.fat = _u32s(b"".join(self._sector(s) for s in fat_sectors))
        self.minifat: tuple[int, ...] = ()
        self.ministream = b""

    def _sector(self, index: int) -> bytes:
        start = (index + 1) * self.size
        chunk = self.data[start : start + self.size]
        if len(chunk) != self.size:
            raise _Malformed("扇区超出文件")
        return chunk

    def _chain(self, start: int, table: tuple[int, ...], limit: int) -> list[int]:
        """The sectors of a chain; a loop or a chain longer than `limit` is malformed."""
        chain: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(table) or sector in seen or len(chain) >= limit:
                raise _Malformed("扇区链无效")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def _read(self, start: int, size: int) -> bytes:
        """A stream's bytes; runs of consecutive sectors (the usual layout) are sliced in one
        piece rather than sector by sector."""
        chain = self._chain(start, self.fat, self.sectors)
        parts: list[bytes] = []
        run_start = 0
        for i in range(1, len(chain) + 1):
            if i == len(chain) or chain[i] != chain[i - 1] + 1:
                first, count = chain[run_start], i - run_start
                chunk = self.data[(first + 1) * self.size : (first + 1 + count) * self.size]
                if len(chunk) != count * self.size:
                    raise _Malformed("扇区超出文件")
                parts.append(chunk)
                run_start = i
        return b"".join(parts)[:size]

    def stream(self, names: tuple[str, ...]) -> bytes:
        """The first stream of the root storage with one of `names` (case-insensitive)."""
        directory = self._read(self.dir_start, len(self.data))
        wanted = {n.lower() for n in names}
        root = None
        found = None
        for offset in range(0, len(directory) - 127, 128):
            entry = directory[offset : offset + 128]
            length = min(_U16.unpack_from(entry, 0x40)[0], 64)
            kind = entry[0x42]
            start, size = struct.unpack_from("<II", entry, 0x74)
            if kind == _ROOT and root is None:
                root = (start, size)
            elif kind == _STREAM and found is None:
                name = entry[: max(0, length - 2)].decode("utf-16-le", "replace")
                if name.lower() in wanted:
                    found = (start, size)
        if found is None:
            raise _Malformed("没有 Workbook 流")
        start, size = found
        if size > len(self.data):
            raise _Malformed("流的长度超出文件")
        if size >= self.cutoff or root is None:
            return self._read(start, size)
        # A small stream lives in the mini stream, addressed by 64-byte mini sectors.
        self.ministream = self._read(root[0], min(root[1], len(self.data)))
        minifat_chain = self._chain(self.minifat_start, self.fat, self.sectors)
        self.minifat = _u32s(b"".join(self._sector(s) for s in minifat_chain))
        chain = self._chain(start, self.minifat, len(self.ministream) // 64 + 1)
        parts = [self.ministream[s * 64 : s * 64 + 64] for s in chain]
        return b"".join(parts)[:size]


# ---- the BIFF8 records ---------------------------------------------------------------------
def _records(stream: bytes, offset: int):
    """(type, start of data, length) of each record from `offset`; a record whose length runs
    past the stream ends the walk. Every step advances by at least four bytes."""
    end = len(stream)
    unpack = _HEAD.unpack_from
    while offset + 4 <= end:
        kind, length = unpack(stream, offset)
        start = offset + 4
        if start + length > end:
            return
        yield kind, start, length
        offset = start + length


def _unicode(data: bytes, offset: int, count: int) -> str:
    """An XLUnicodeString body: a flags byte, then `count` characters of one or two bytes."""
    if offset >= len(data):
        return ""
    wide = data[offset] & 1
    body = data[offset + 1 : offset + 1 + count * (2 if wide else 1)]
    return body.decode("utf-16-le" if wide else "latin-1", "replace")


def _globals(stream: bytes) -> tuple[set[int], list[tuple[str, int]]]:
    """(XF indexes whose format shows a percent, [(sheet name, offset of its BOF)])."""
    percent_formats = set(_BUILTIN_PERCENT)
    xf_formats: list[int] = []
    sheets: list[tuple[str, int]] = []
    first = True
    for kind, start, length in _records(stream, 0):
        if first:
            if kind != _BOF or length < 2 or _U16.unpack_from(stream, start)[0] != _BIFF8:
                raise _Malformed("不是 BIFF8 工作簿")
            first = False
            continue
        if kind == _EOF:
            break
        if kind == _FILEPASS:
            raise _Malformed("工作簿已加密")
        if kind == _FORMAT and length >= 5:
            number, count = struct.unpack_from("<HH", stream, start)
            code = _unicode(stream[start : start + length], 4, count)
            if _is_percent_code(code):
                percent_formats.add(number)
        elif kind == _XF and length >= 4:
            xf_formats.append(_U16.unpack_from(stream, start + 2)[0])
        elif kind == _BOUNDSHEET and length >= 8 and len(sheets) < MAX_SHEETS:
            position = struct.unpack_from("<I", stream, start)[0]
            sheet_type, count = stream[start + 5], stream[start + 6]
            name = _unicode(stream[start : start + length], 7, count)
            if sheet_type == 0:  # a worksheet (not a chart, macro or VB module sheet)
                sheets.append((name, position))
    percent_xf = {i for i, number in enumerate(xf_formats) if number in percent_formats}
    return percent_xf, sheets


def _sheet(
    stream: bytes, offset: int, percent_xf: set[int], facts: SheetFacts, room: int, limit: int
) -> int | None:
    """Walk one worksheet substream record by record for its percent-formatted number cells
    and error cells, up to row `limit`. Returns where the walk stopped early (cells below
    it remain, searched for errors only by _errors_after), or None at the end."""
    if offset + 4 > len(stream) or _HEAD.unpack_from(stream, offset)[0] != _BOF:
        return None
    cell = _CELL.unpack_from
    percent, errors = facts.percent, facts.errors
    for kind, start, length in _records(stream, offset):
        if kind == _EOF:
            return None
        if kind in (_NUMBER, _RK):
            if length >= 6:
                row, col, xf = cell(stream, start)
                if row >= limit:
                    return start - 4
                if xf in percent_xf:
                    percent.add((row, col))
        elif kind == _MULRK:
            if length >= 12:
                row, first = _HEAD.unpack_from(stream, start)
                if row >= limit:
                    return start - 4
                for i in range((length - 6) // 6):
                    if _U16.unpack_from(stream, start + 4 + 6 * i)[0] in percent_xf:
                        percent.add((row, first + i))
        elif kind == _FORMULA:
            if length >= 14:
                row, col, xf = cell(stream, start)
                if row >= limit:
                    return start - 4
                result = stream[start + 6 : start + 14]
                if result[6:8] != b"\xff\xff":  # a number
                    if xf in percent_xf:
                        percent.add((row, col))
                elif result[0] == 2:
                    errors[(row, col)] = ERROR_TEXT.get(result[2], "#N/A")
        elif kind == _BOOLERR:
            if length >= 8 and stream[start + 7] == 1:
                row, col, _ = cell(stream, start)
                errors[(row, col)] = ERROR_TEXT.get(stream[start + 6], "#N/A")
        if len(percent) + len(errors) >= room:
            return None
    return None


# An error result in a FORMULA record (type, length, row, column, XF, then the 8-byte result
# whose last two bytes are FF FF and whose first byte 2 marks an error), and a BOOLERR record
# (length 8) whose last byte 1 marks an error.
_CODES = b"[" + b"".join(re.escape(bytes([c])) for c in ERROR_TEXT) + b"]"
_FORMULA_ERROR = re.compile(b"\x06\x00..(..)(..)..\x02.(" + _CODES + b")...\xff\xff", re.S)
_BOOLERR_ERROR = re.compile(b"\x05\x02\x08\x00(..)(..)..(" + _CODES + b")\x01", re.S)
_MAX_RECORD = 8224  # BIFF8 record data never exceeds this


def _errors_after(
    stream: bytes,
    start: int,
    end: int,
    facts: SheetFacts,
    room: int,
    blank: Callable[[int, int], bool],
) -> None:
    """Error cells of a long sheet beyond the record walk, found by byte search (a walk over
    a 65,536-row sheet in Python costs more than calamine's whole read). A match counts only
    where its length is one a record can have, the next record header follows it, and
    calamine read that cell as blank (it turns error cells into blanks), so data bytes that
    happen to look like a record are not taken for one."""
    found = facts.errors
    for pattern, formula in ((_FORMULA_ERROR, True), (_BOOLERR_ERROR, False)):
        for match in pattern.finditer(stream, start, end):
            if len(found) >= room:
                return
            at = match.start()
            length = _U16.unpack_from(stream, at + 2)[0]
            if formula and not 20 <= length <= _MAX_RECORD:  # BOOLERR's 8 is in its pattern
                continue
            following = at + 4 + length
            if following + 4 > end or _HEAD.unpack_from(stream, following)[1] > _MAX_RECORD:
                continue
            row = _U16.unpack_from(match.group(1))[0]
            col = _U16.unpack_from(match.group(2))[0]
            if not blank(row, col):
                continue
            found[(row, col)] = ERROR_TEXT[match.group(match.lastindex)[0]]


def scan(data: bytes, rows: dict[str, list[list[Any]]] | None = None) -> dict[str, SheetFacts]:
    """Sheet name → its percent cells (the rows annex_reader probes) and error cells; {} for
    anything that is not a readable BIFF8 workbook. Never raises on bad input. `rows` are the
    cells calamine read, by sheet: error cells past the record walk are found only where
    calamine read a blank (without them, only within the walk)."""
    if len(data) > MAX_FILE_BYTES:
        return {}
    try:
        stream = _Compound(data).stream(("Workbook", "Book"))
        percent_xf, sheets = _globals(stream)
        found: dict[str, SheetFacts] = {}
        room = MAX_FACTS
        starts = sorted({p for _, p in sheets if p < len(stream)} | {len(stream)})
        for name, position in sheets:
            facts = found.setdefault(name, SheetFacts())
            sheet_rows = (rows or {}).get(name)
            limit = PERCENT_ROWS
            if sheet_rows is not None and len(sheet_rows) > LONG_SHEET_ROWS:
                limit = min(PERCENT_ROWS, LONG_SHEET_PERCENT_ROWS)
            stopped = _sheet(stream, position, percent_xf, facts, room, limit)
            if stopped is not None and sheet_rows is not None:
                end = next((p for p in starts if p > position), len(stream))
                _errors_after(stream, stopped, end, facts, room, _blank_in(sheet_rows))
            room = MAX_FACTS - sum(len(f.percent) + len(f.errors) for f in found.values())
            if room <= 0:
                break
        return found
    except (_Malformed, struct.error, IndexError, ValueError, MemoryError):
        return {}


def _blank_in(rows: list[list[Any]]) -> Callable[[int, int], bool]:
    def blank(row: int, col: int) -> bool:
        return row < len(rows) and col < len(rows[row]) and rows[row][col] in ("", None)

    return blank


def is_encrypted(data: bytes) -> bool:
    """Whether a BIFF8 workbook is password-protected (a FILEPASS record in its globals):
    calamine, handed the bytes rather than a path, cannot tell it from an unknown format."""
    try:
        _globals(_Compound(data).stream(("Workbook", "Book")))
    except _Malformed as exc:
        return "加密" in str(exc)
    except (struct.error, IndexError, ValueError, MemoryError):
        return False
    return False
