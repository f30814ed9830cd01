"""Hostile workbooks made from scratch, each as small as the attack allows.

Each maker writes the file and returns its path. The xlsx packages are assembled by hand (a
few XML parts zipped), because the attacks are exactly what normal writers never produce.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(path: Path, sheets: dict[str, str], extra: dict[str, bytes] | None = None) -> Path:
    """A package whose sheets hold the given <sheetData> contents, in order."""
    names = list(sheets)
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" xmlns:r="{REL_NS}"><sheets>'
        + "".join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names)
        )
        + "</sheets></workbook>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(names))
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, name in enumerate(names):
            archive.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">'
                f"<sheetData>{sheets[name]}</sheetData></worksheet>",
            )
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = (
    '<row r="1">'
    + _text("A1", "项目名称")
    + _text("B1", "总投资")
    + "</row>"
    + '<row r="2">'
    + _text("A2", "示范项目")
    + '<c r="B2"><v>30</v></c></row>'
)


def far_cell(path: Path) -> Path:
    """6 KB of package, one value at XFD1048576: calamine would build 512 GiB."""
    return xlsx(path, {"项目": HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'})


def near_last_row(path: Path) -> Path:
    """A table and one value near row 1048576 (468 MB of rows once read)."""
    return xlsx(path, {"项目": HEADER + '<row r="1048000"><c r="A1048000"><v>1</v></c></row>'})


def cell_row_beyond_its_row(path: Path) -> Path:
    """A cell naming a far row inside an ordinary row tag."""
    return xlsx(path, {"项目": HEADER + '<row r="3"><c r="Z1048576"><v>1</v></c></row>'})


def no_coordinates(path: Path) -> Path:
    """Cells without coordinates: the reader counts their places itself (20,001 wide)."""
    row = '<row r="1">' + "<c/>" * 20000 + "<c><v>1</v></c></row>"
    return xlsx(path, {"项目": row + '<row r="30000"><c><v>1</v></c></row>'})


def prefixed_far_cell(path: Path) -> Path:
    """Namespace-prefixed element names around a far cell."""
    data = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{SHEET_NS}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    xlsx(path, {"项目": ""})
    return _replace_part(path, "xl/worksheets/sheet1.xml", data.encode())


def many_sheets_each_under(path: Path) -> Path:
    """Five sheets, each just under the one-sheet limits; together far over the total."""
    sheet = HEADER + '<row r="230000"><c r="Z230000"><v>1</v></c></row>'
    return xlsx(path, {f"表{i}": sheet for i in range(1, 6)})


def many_merges(path: Path) -> Path:
    """200,000 merged ranges, each over the whole sheet."""
    merges = "".join('<mergeCell ref="A1:XFD1048576"/>' for _ in range(200_000))
    xlsx(path, {"项目": HEADER})
    with zipfile.ZipFile(path) as archive:
        part = archive.read("xl/worksheets/sheet1.xml").decode()
    part = part.replace(
        "</sheetData>", f'</sheetData><mergeCells count="200000">{merges}</mergeCells>'
    )
    return _replace_part(path, "xl/worksheets/sheet1.xml", part.encode())


def hidden_sheet_name_bomb(path: Path) -> Path:
    """Names the native hidden sheet, and carries a part that inflates to 200 MB of zeros."""
    xlsx(path, {"_workbench": HEADER})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as handle:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(200 // 16):
                handle.write(chunk)
    return path


def huge_workbook_part(path: Path) -> Path:
    """A native-looking file whose workbook part inflates to 300 MB of blanks after naming
    the hidden sheet (the native check used to read it whole, before any limit)."""
    xlsx(path, {"项目": HEADER})
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml")
    head, tail = book.split(b"</sheets>")
    raw = io.BytesIO()
    with (
        zipfile.ZipFile(path) as src,
        zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            if info.filename != "xl/workbook.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("xl/workbook.xml", "w", force_zip64=True) as handle:
            handle.write(head + b'<sheet name="_workbench" sheetId="9" r:id="rId9"/>')
            blanks = b" " * (16 * 1024 * 1024)
            for _ in range(300 // 16):
                handle.write(blanks)
            handle.write(b"</sheets>" + tail)
    path.write_bytes(raw.getvalue())
    return path


def crc_tampered(path: Path) -> Path:
    """An honest annex stored without compression, one digit changed after the CRC was taken:
    30 becomes 90 unless the reader checks."""
    xlsx(path, {"项目": HEADER})
    raw = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    data = raw.getvalue()
    changed = data.replace(b"<v>30</v>", b"<v>90</v>", 1)
    assert changed != data
    path.write_bytes(changed)
    return path


def shared_strings_bomb(path: Path) -> Path:
    """One 1 MB shared string in 12,000 ordinary cells: the reader copies it into each,
    12 GB (and passing each cell's text on separately would be 12 GB of output too)."""
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in "ABC") + "</row>"
        for r in range(1, 4001)
    )
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SHEET_NS}" count="1" uniqueCount="1">'
        f"<si><t>{'x' * (1024 * 1024)}</t></si></sst>"
    )
    return xlsx(path, {"项目": rows}, {"xl/sharedStrings.xml": strings.encode()})


def xlsb_garbage(path: Path) -> Path:
    """An xlsb whose workbook and sheet records are noise (the reader used to panic)."""
    rng = __import__("random").Random(12)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS.replace("workbook.xml", "workbook.bin"))
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00" + noise)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            ROOT_RELS.replace("rId1", "rId1").replace("xl/workbook.xml", "worksheets/sheet1.bin"),
        )
        archive.writestr("xl/worksheets/sheet1.bin", noise * 4)
    return path


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def ods(path: Path, tables: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", ODS_HEAD + tables + ODS_TAIL)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return path


def _ods_cell(text: str, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{rep}><text:p>{text}</text:p></table:table-cell>'


def ods_repeat_bomb(path: Path) -> Path:
    """Under a kilobyte: one value repeated over 40 columns and a million rows."""
    row = (
        '<table:table-row table:number-rows-repeated="1000000">'
        + _ods_cell("1", 40)
        + "</table:table-row>"
    )
    return ods(path, f'<table:table table:name="项目">{row}</table:table>')


def ods_annex(path: Path) -> Path:
    """A small honest project table, with LibreOffice's empty repeated rows at the end."""
    rows = "".join(
        "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
        for row in (("项目名称", "总投资"), ("示范项目", "30"), ("另一项目", "12"))
    )
    trailer = (
        '<table:table-row table:number-rows-repeated="1048573">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    return ods(path, f'<table:table table:name="项目">{rows}{trailer}</table:table>')


def csv_huge_field(path: Path) -> Path:
    path.write_text(
        "项目名称,总投资\n示范项目," + "x" * (50 * 1024 * 1024) + "\n", encoding="utf-8"
    )
    return path


def csv_unclosed_quote(path: Path) -> Path:
    path.write_text('项目名称,总投资\n示范项目,30\n"另一项目,12\n第三项目,5\n', encoding="utf-8")
    return path


def _replace_part(path: Path, name: str, data: bytes) -> Path:
    raw = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
    path.write_bytes(raw.getvalue())
    return path


def native_with_far_cell(path: Path, doc) -> Path:
    """A native plan file (hidden document and all) with a far cell added to a visible sheet."""
    from workbench.io.native.plan_file import save_plan

    save_plan(doc, path)
    with zipfile.ZipFile(path) as archive:
        part = archive.read("xl/worksheets/sheet1.xml")
    part = re.sub(
        rb"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
        part,
        count=1,
    )
    return _replace_part(path, "xl/worksheets/sheet1.xml", part)


# ---- running the command line as a user would, measured -------------------------------------
@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    cpu_s: float
    wall_s: float
    peak_mb: float

    def row(self, attack: str) -> str:
        return f"{attack} | exit {self.code} | {self.wall_s:.2f} s | {self.cpu_s:.2f} s CPU | {self.peak_mb:.0f} MB"


_LAUNCHER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
try:
    code = subprocess.run(sys.argv[2:], timeout=float(sys.argv[1])).returncode
except subprocess.TimeoutExpired:
    code = -9
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write("\\n@@" + json.dumps([code, usage.ru_utime + usage.ru_stime,
    time.perf_counter() - start, usage.ru_maxrss / 1024]))
"""


def run_cli(args: list[str], cwd: Path, timeout: float = 60, env: dict | None = None) -> Outcome:
    """`workbench ARGS` in a child process (isolated interpreter, so the test's own folder is
    not on its path). A small launcher starts it and reports the CPU time and peak memory of
    everything below it, the reader process included; measuring from here would count the
    test process's own memory, which a forked child shares until it starts the program."""
    command = [sys.executable, "-I", "-m", "workbench", *args]
    result = subprocess.run(
        [sys.executable, "-I", "-c", _LAUNCHER, str(timeout), *command],
        cwd=cwd,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=timeout + 30,
    )
    stderr = result.stderr.decode("utf-8", errors="replace")
    stderr, _, report = stderr.rpartition("\n@@")
    code, cpu, wall, peak = json.loads(report)
    return Outcome(code, result.stdout.decode("utf-8", errors="replace"), stderr, cpu, wall, peak)
