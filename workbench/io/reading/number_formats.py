"""What the fast reader does not tell us about xlsx cells: percent formats and error values.

python-calamine hands over 43% as 0.43 (the format `0.0%` is lost) and an error cell
(`#N/A`, `#DIV/0!`) as an empty cell. Both matter to a reviewer: a completion-rate column read
as 0.43 fails every rate check, and a vanished `#N/A` hides a broken formula. This module reads
the two facts from the workbook's XML itself, by byte search over the decompressed stream, with
bounded memory:

- percent formats only for the first rows after the header (a column's format is the same down
  the sheet in every annex seen; indicator tables, a few hundred rows, are probed whole);
- error cells over the whole sheet, in a background thread that runs while the rows are
  converted (zlib inflates without holding the interpreter lock), joined before they are used.

Cells are addressed 0-based (row, column), like the rows calamine returns.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from workbench.io.errors import FileProblem
from workbench.io.reading.error_cells import error_cells
from workbench.io.reading.file_kinds import FileKind
from workbench.io.reading.limits import read_bounded
from workbench.io.reading.package import read_member, sheet_parts
from workbench.io.reading.sheet_reach import column_index

CHUNK = 1 << 22
MAX_XML_BYTES = 2 << 30  # never inflate more than this, whatever the archive claims
_CELL = re.compile(rb"<c\b([^>]*?)(/?)>")
_ROW = re.compile(rb"<row\b([^>]*?)(/?)>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
# Built-in number formats that show a percent sign (ECMA-376 §18.8.30).
_BUILTIN_PERCENT = {9, 10}
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _is_percent_code(code: str) -> bool:
    """A format code shows a percent when a % stands outside quotes and escapes."""
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return "%" in plain


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes into cellXfs whose number format shows a percent sign."""
    try:
        info = archive.getinfo("xl/styles.xml")
    except KeyError:
        return set()
    # The limits refused more cell formats than Excel keeps; the part is read bounded.
    styles = ElementTree.fromstring(read_member(archive, info, Path("xl/styles.xml")))
    percent_ids = set(_BUILTIN_PERCENT)
    for fmt in styles.iter(f"{_NS_MAIN}numFmt"):
        if _is_percent_code(fmt.get("formatCode") or ""):
            percent_ids.add(int(fmt.get("numFmtId") or -1))
    found: set[int] = set()
    xfs = styles.find(f"{_NS_MAIN}cellXfs")
    if xfs is None:
        return found
    for index, xf in enumerate(xfs.findall(f"{_NS_MAIN}xf")):
        if int(xf.get("numFmtId") or 0) in percent_ids:
            found.add(index)
    return found


@dataclass
class CellFacts:
    """Percent-formatted cells of the probed rows, and every error cell of the sheet."""

    percent: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    complete: bool = True  # False when the scan stopped early (size cap, damaged XML)


class _Scanner:
    """One pass over the sheet XML: styles of the first rows, error cells everywhere."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        part: str,
        percent_styles: set[int],
        cancel: threading.Event | None = None,
    ) -> None:
        self.archive = archive
        self.part = part
        self.cancel = cancel
        self.percent_styles = {str(i).encode() for i in percent_styles}
        self.facts = CellFacts()

    def _cells(self, data: bytes, probe_rows: int, row: int) -> int:
        """Styles of cells in rows below `probe_rows`; returns the last row number seen."""
        column = -1
        position = 0
        while True:
            row_match = _ROW.search(data, position)
            cell_match = _CELL.search(data, position)
            if cell_match is None and row_match is None:
                return row
            if row_match is not None and (
                cell_match is None or row_match.start() < cell_match.start()
            ):
                attrs = dict(_ATTR.findall(row_match.group(1)))
                row = int(attrs[b"r"]) - 1 if b"r" in attrs else row + 1
                column = -1
                position = row_match.end()
                if row >= probe_rows:
                    return row
                continue
            assert cell_match is not None
            attrs = dict(_ATTR.findall(cell_match.group(1)))
            ref = _REF.match(attrs.get(b"r", b""))
            column = column_index(ref.group(1)) - 1 if ref else column + 1
            style = attrs.get(b"s")
            if style is not None and style in self.percent_styles:
                self.facts.percent.add((row, column))
            position = cell_match.end()

    def scan(self, probe_rows: int, errors: bool) -> None:
        seen = 0
        tail = b""
        row = -1
        probing = probe_rows > 0
        try:
            with self.archive.open(self.part) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    seen += len(chunk)
                    if seen > MAX_XML_BYTES or (self.cancel is not None and self.cancel.is_set()):
                        self.facts.complete = False
                        break
                    data = tail + chunk
                    # Keep the unfinished last element for the next round.
                    cut = data.rfind(b"</c>")
                    cut = len(data) if cut < 0 else cut + 4
                    whole, tail = data[:cut], data[cut:]
                    if probing:
                        row = self._cells(whole, probe_rows, row)
                        if row >= probe_rows:
                            probing = False
                            if not errors:
                                return
                    if errors:
                        error_cells(whole, 0, len(whole), self.facts.errors)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
            self.facts.complete = False


_NS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_NS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODS_CELLS = (f"{_NS_TABLE}table-cell", f"{_NS_TABLE}covered-table-cell")


def ods_percent_cells(archive: zipfile.ZipFile, sheet_name: str, probe_rows: int) -> set:
    """Cells of an ODS sheet stored as percentages (office:value-type="percentage"), among
    its first `probe_rows` rows. ODS keeps the value type on the cell itself."""
    found: set[tuple[int, int]] = set()
    inside = False
    row = -1
    column = 0
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{_NS_TABLE}table":
                if event == "start":
                    inside = element.get(f"{_NS_TABLE}name") == sheet_name
                elif inside:
                    break
                continue
            if not inside:
                if event == "end":
                    element.clear()
                continue
            if tag == f"{_NS_TABLE}table-row":
                if event == "start":
                    row += 1
                    column = 0
                    if row >= probe_rows:
                        break
                else:
                    repeat = int(element.get(f"{_NS_TABLE}number-rows-repeated") or 1)
                    row += min(repeat, probe_rows) - 1
                    element.clear()
            elif tag in _ODS_CELLS and event == "start":
                repeat = int(element.get(f"{_NS_TABLE}number-columns-repeated") or 1)
                repeat = min(repeat, 1024)
                if element.get(f"{_NS_OFFICE}value-type") == "percentage":
                    found.update((row, column + i) for i in range(repeat))
                column += repeat
    return found


def workbook_format(data: bytes) -> FileKind | None:
    """xlsx or ods by content (a mislabelled file is judged by what it holds), else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        return None
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    if "content.xml" in names:
        return FileKind.ODS
    return None


class WorkbookFacts:
    """Percent formats and error cells of a workbook's sheets.

    The error cells usually come from the limits check, which inflated every part anyway
    (`known_errors`: worksheet part → its error cells). Without them, the facts are made
    before the workbook is parsed and scan every worksheet in a background thread while
    calamine parses (its parser releases the interpreter lock). `close()` stops that early.

    The facts are read from `data`, the package bytes the limits checked (`RawWorkbook.package`),
    never from the path again: a file swapped on disk after the check is not read."""

    def __init__(
        self,
        data: bytes | None,
        book_format: str | None,
        known_errors: dict[str, dict[tuple[int, int], str]] | None = None,
    ) -> None:
        self.data = data or b""
        self.format = book_format if data else None
        book_format = self.format
        self._parts: dict[str, str] = {}
        self._percent_styles: set[int] = set()
        self._errors: dict[str, dict[tuple[int, int], str]] = {}
        self._done: dict[str, threading.Event] = {}
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        if book_format != FileKind.XLSX:
            return
        try:
            with self._open() as archive:
                self._parts = sheet_parts(archive)
                self._percent_styles = _percent_styles(archive)
        except Exception:  # a workbook we cannot read ourselves: no extra facts
            self._parts = {}
            return
        self._done = {name: threading.Event() for name in self._parts}
        if known_errors is not None:
            for name, part in self._parts.items():
                self._errors[name] = known_errors.get(part, {})
                self._done[name].set()
            return
        self._thread = threading.Thread(target=self._scan_all, name="error-cells", daemon=True)
        self._thread.start()

    @classmethod
    def start(
        cls,
        path: Path,
        known_errors: dict[str, dict[tuple[int, int], str]] | None = None,
        data: bytes | None = None,
    ) -> WorkbookFacts:
        """The facts of the workbook `data` (read from `path` once, bounded, when not given);
        `known_errors` as the limits check found them (then no second pass over the
        sheets), or None to scan for them."""
        if data is None:
            try:
                data = read_bounded(Path(path))
            except FileProblem:
                data = b""
        book_format = workbook_format(data)
        return cls(data, book_format, known_errors if book_format is FileKind.XLSX else None)

    def _open(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.data))

    def _scan_all(self) -> None:
        try:
            with self._open() as archive:
                for name, part in self._parts.items():
                    if self._cancel.is_set():
                        break
                    scanner = _Scanner(archive, part, set(), self._cancel)
                    scanner.scan(0, errors=True)
                    self._errors[name] = scanner.facts.errors
                    self._done[name].set()
        except Exception:  # noqa: S110 - whatever stops the scan, the read goes on without it
            pass
        finally:
            for done in self._done.values():
                done.set()

    def percent_cells(self, sheet_name: str, probe_rows: int) -> set[tuple[int, int]]:
        """Percent-formatted cells among the sheet's rows 0 … probe_rows-1."""
        if self.format not in (FileKind.XLSX, FileKind.ODS):
            return set()
        try:
            with self._open() as archive:
                if self.format == FileKind.ODS:
                    return ods_percent_cells(archive, sheet_name, probe_rows)
                part = self._parts.get(sheet_name)
                if part is None:
                    return set()
                scanner = _Scanner(archive, part, self._percent_styles, self._cancel)
                scanner.scan(probe_rows, errors=False)
                return scanner.facts.percent
        except Exception:  # read by calamine, not by us: no extra facts
            return set()

    def error_cells(self, sheet_name: str) -> dict[tuple[int, int], str]:
        """Every error cell of the sheet, by (row, column); waits for its scan."""
        done = self._done.get(sheet_name)
        if done is None:
            return {}
        done.wait()
        return self._errors.get(sheet_name, {})

    def close(self) -> None:
        self._cancel.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
