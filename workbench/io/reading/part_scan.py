"""What one part of an xlsx package holds that a reader would grow with, found by byte search.

Every part goes through the same scan, whatever its size: how far its cells reach (the area
calamine would allocate), its error cells (calamine hands them over empty), the longest
shared string (copied into every cell that names it), its cell formats (parsed one object
each) and whether it declares XML entities. Parts of 8 MB or more are inflated by a second
thread and scanned in step, chunk by chunk; smaller ones whole. The two give the same facts.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import MAX_PART_BYTES
from workbench.io.reading.error_cells import ERROR_MARK, error_cells
from workbench.io.reading.package import member_error, read_member
from workbench.io.reading.sheet_reach import (
    PREFIXED,
    below_threshold,
    column_index,
    reach,
    sheet_reach,
    thresholds,
)

STREAM_FROM_BYTES = 8 * 1024 * 1024  # parts this large are inflated and scanned in step
STREAM_CHUNK = 2 * 1024 * 1024
_CARRY = 256  # longer than the part of a tag the patterns look at
_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]{0,4}\d{0,9}:?[A-Z]{0,4}(\d{1,9})"')
SHARED_ITEM = re.compile(rb"<(?:[\w.-]+:)?si[\s>/]")  # what tag_starts finds, as one pattern
# The ends of the two tag names the scan counts: searched for as such (a literal start the
# regex engine skips to), then checked backwards for the "<" and an optional prefix. A
# pattern that starts with "<" tries a match at every tag of a part (4 million in a
# 100k-row sheet, whose "version" holds "si"), which cost more than the rest of the scan.
_SHARED_TAIL = re.compile(rb"si[\s>/]")
_FORMAT_TAIL = re.compile(rb"xf[\s>/]")
_PREFIX = re.compile(rb"(?:[\w.-]+:)?")
# A row without coordinates that holds something: each is one more row to a reader.
_BARE_ROW = re.compile(rb"<(?:[\w.-]+:)?row(?![^>]*\sr=)(?:\s[^>]*[^/])?>")


@dataclass
class PartFacts:
    size: int = 0
    regular: bool = True  # False: cells the quick scan cannot place
    rows: int = 0
    columns: int = 0
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    longest_shared: int = 0
    formats: int = 0  # <xf> records (cell formats)
    bare_rows: int = 0  # rows without coordinates that are not empty tags
    entities: bool = False


def declares_entities(head: bytes) -> bool:
    """Office never writes a DOCTYPE into an OOXML part; one in the prolog is a way to define
    entities (billion laughs, external files), never data."""
    head = head[:4096]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def tag_starts(tail: re.Pattern[bytes], data: bytes, begin: int = 0, end: int | None = None):
    """Offsets of the "<" of each tag `<NAME` or `<prefix:NAME` (NAME and what follows it
    matched by `tail`) that starts in data[begin:end]: the matches of SHARED_ITEM and its
    like, ascending."""
    end = len(data) if end is None else end
    for found in tail.finditer(data, begin):
        at = found.start()
        start = data.rfind(b"<", begin, at)
        if start < 0:
            continue
        if start >= end:
            return
        if _PREFIX.fullmatch(data, start + 1, at):
            yield start


def longest_item(part: bytes) -> int:
    """Bytes of the longest <si> item of a shared-strings part (0 if it has none)."""
    plain = part.count(b"<si>")
    if plain and plain == part.count(b"<si") and b":si" not in part:
        # Every item starts with a bare <si> (what Excel, WPS and XlsxWriter write): split
        # in C instead of collecting 100k match positions. Same measure: from one item's
        # start to the next, the last one to the end of the part.
        return max(map(len, part.split(b"<si>")[1:])) + len(b"<si>")
    starts = list(tag_starts(_SHARED_TAIL, part))
    if not starts:
        return 0
    starts.append(len(part))
    return max(b - a for a, b in zip(starts, starts[1:], strict=False))


def scan_part(data: bytes) -> PartFacts:
    """The facts of a part held whole."""
    facts = PartFacts(size=len(data), entities=declares_entities(data))
    facts.regular, facts.rows, facts.columns = sheet_reach(data)
    if not facts.regular:
        facts.bare_rows = len(_BARE_ROW.findall(data)) if b"<row" in data else 0
    elif ERROR_MARK in data:
        error_cells(data, 0, len(data), facts.errors)
    if b"si" in data:
        facts.longest_shared = longest_item(data)
    if b"xf" in data:
        facts.formats = sum(1 for _ in tag_starts(_FORMAT_TAIL, data))
    return facts


def facts_of_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> PartFacts:
    """The facts of one member: whole when small, streamed when large."""
    if info.file_size < STREAM_FROM_BYTES:
        return scan_part(read_member(archive, info, path))
    return _scan_streamed(archive, info, path)


class _Stream:
    """The facts gathered chunk by chunk; patterns only count matches that start before the
    cut (what follows it comes again with the next chunk).

    _one_byte_first: a chunk is searched for one byte of a mark (i, x, e) before the mark
    itself. A one-byte search runs at memory speed, a two-byte one at a tenth of it, and the
    cells of a sheet (<c r="B7" s="5" t="s"><v>14</v></c>) hold none of the three, so most
    chunks of a large sheet are cleared at once; the answer is the same either way."""

    def __init__(self) -> None:
        self.facts = PartFacts()
        self.pattern: re.Pattern[bytes] | None = None
        self.threshold = 1
        self.max_row, self.max_col = 0, 26
        self.item_start = -1  # absolute offset of the last <si> seen
        self.base = 0  # absolute offset of the current buffer's first byte

    def take(self, buffer: bytes, scanned_to: int, cut: int, final: bool) -> int:
        """Scan buffer[scanned_to:cut]; returns how much of the buffer may be dropped."""
        facts = self.facts
        if self.pattern is None:
            facts.entities = declares_entities(buffer)
            found = _DIMENSION.search(buffer, 0, 8192)
            self.threshold = thresholds(int(found.group(1)) if found else 1)[0]
            self.pattern = below_threshold(self.threshold)
        if facts.regular and PREFIXED.search(buffer):
            facts.regular = False
        if facts.regular:
            for match in self.pattern.finditer(buffer, scanned_to):
                if match.start() >= cut:
                    break
                letters, number = match.group(1), match.group(2)
                if not letters:
                    facts.regular = False
                    break
                self.max_col = max(self.max_col, column_index(letters))
                self.max_row = max(self.max_row, int(number))
        if not facts.regular:
            facts.bare_rows += _count(_BARE_ROW, buffer, scanned_to, cut)
        holds_si = b"i" in buffer and b"si" in buffer  # see _one_byte_first
        items = tag_starts(_SHARED_TAIL, buffer, scanned_to, cut) if holds_si else ()
        for start in items:
            at = self.base + start
            if self.item_start >= 0:
                facts.longest_shared = max(facts.longest_shared, at - self.item_start)
            self.item_start = at
        if b"x" in buffer and b"xf" in buffer:
            facts.formats += sum(1 for _ in tag_starts(_FORMAT_TAIL, buffer, scanned_to, cut))
        keep = cut
        if facts.regular and b"e" in buffer:
            keep = min(cut, error_cells(buffer, 0, cut, facts.errors, final))
        return keep

    def finish(self, size: int) -> None:
        if self.item_start >= 0:
            self.facts.longest_shared = max(self.facts.longest_shared, size - self.item_start)
        self.facts.size = size


def _count(pattern: re.Pattern[bytes], buffer: bytes, begin: int, cut: int) -> int:
    """Matches of `pattern` that start in buffer[begin:cut]."""
    return sum(1 for m in pattern.finditer(buffer, begin) if m.start() < cut)


def _scan_streamed(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> PartFacts:
    """The facts of a large part, inflated by a second thread while this one scans what has
    arrived. zlib and the CRC run without the interpreter lock, so on a machine with two
    cores the check costs about what inflating does. The <dimension> at the top only
    suggests how long row numbers are; if it promised more than the cells reach, the part
    is scanned again as a whole."""
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
    stream = _Stream()
    size = 0
    carry = b""
    scanned_to = 0  # in `carry`: where the bytes not yet scanned begin
    while True:
        block = chunks.get()
        if isinstance(block, BaseException):
            worker.join()
            member_error(block, info, path)
        final = block is None
        if not final:
            size += len(block)
        buffer = carry + (block or b"")
        cut = len(buffer) if final else max(len(buffer) - _CARRY, 0)
        keep = stream.take(buffer, scanned_to, cut, final)
        stream.base += keep
        carry = buffer[keep:]
        scanned_to = cut - keep
        if final:
            break
    worker.join()
    if size != info.file_size:
        raise FileProblem(
            f"文件已损坏：压缩包中的“{info.filename}”实际大小与声明不符，拒绝读取", path
        )
    stream.finish(size)
    facts = stream.facts
    if facts.regular:
        facts.rows, facts.columns = stream.max_row, stream.max_col
        if stream.max_row < stream.threshold:  # the dimension promised more than the cells
            data = read_member(archive, info, path)  # reach: once more, as a whole, with
            facts.regular, facts.rows, facts.columns = reach(  # lower thresholds
                data, max(stream.threshold - 1, 1)
            )
    else:
        facts.errors = {}
    return facts
