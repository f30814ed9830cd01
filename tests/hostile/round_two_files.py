"""Hostile files of the second round (issue 25): each attacks a check that held on one path or
one stage but not on every one. Made from scratch, as small as the attack allows."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from tests.hostile import hostile_files as hf

ERROR_CELL = '<row r="3"><c r="A3" t="inlineStr"><is><t>坏项目</t></is></c><c r="B3" t="e"><v>#N/A</v></c></row>'


def error_and_far_cell(path: Path, far: str = "XFD1048576") -> Path:
    """One error cell and one cell far away: the error-cell branch used to skip the area and
    row checks (calamine then asked for 512 GiB and aborted the process)."""
    row = "".join(ch for ch in far if ch.isdigit())
    return hf.xlsx(
        path, {"项目": hf.HEADER + ERROR_CELL + f'<row r="{row}"><c r="{far}"><v>1</v></c></row>'}
    )


def large_part_error_and_far_cell(path: Path) -> Path:
    """The same in a worksheet part of more than 8 MB (the streamed branch)."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>项目{r}</t></is></c>'
        f'<c r="B{r}"><v>{r}.5</v></c><c r="C{r}"><v>{r}</v></c></row>'
        for r in range(4, 90_000)
    )
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return hf.xlsx(path, {"项目": hf.HEADER + ERROR_CELL + rows + far})


def large_shared_string(path: Path) -> Path:
    """A 9 MB shared string named by 1,000 cells: the shared-strings part is large enough to
    take the streamed branch, which used to skip the shared-text bound."""
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(3, 1003))
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{hf.SHEET_NS}" count="1000" '
        f'uniqueCount="1"><si><t>{"长" * (3 * 1024 * 1024)}</t></si></sst>'
    )
    return hf.xlsx(path, {"项目": hf.HEADER + cells}, {"xl/sharedStrings.xml": strings.encode()})


def large_part_with_entities(path: Path) -> Path:
    """A DOCTYPE with an entity at the top of a part of more than 8 MB."""
    body = "<!-- " + "x" * (9 * 1024 * 1024) + " -->"
    strings = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>'
        f'<sst xmlns="{hf.SHEET_NS}">{body}<si><t>&a;</t></si></sst>'
    )
    return hf.xlsx(path, {"项目": hf.HEADER}, {"xl/sharedStrings.xml": strings.encode()})


def many_entries(path: Path, entries: int = 1_000_000, claim: int | None = None) -> Path:
    """A zip whose central directory lists a million entries (47 MB): a zip reader builds an
    object for each before anything can count them. `claim` makes the end record lie about
    how many there are (the directory's size still tells)."""
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"a"
    entry = (
        struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
        + b"a"
    )
    directory = entry * entries
    count = min(claim if claim is not None else entries, 0xFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(local), 0)
    path.write_bytes(local + directory + end)
    return path


def styles_of_many_formats(path: Path, formats: int = 2_600_000) -> Path:
    """A styles part with 2.6 M cell formats (Excel keeps at most 64,000)."""
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{hf.SHEET_NS}">'
        f'<cellXfs count="{formats}">' + '<xf numFmtId="0"/>' * formats + "</cellXfs></styleSheet>"
    )
    return hf.xlsx(path, {"项目": hf.HEADER}, {"xl/styles.xml": styles.encode()})


def rows_without_coordinates(path: Path, rows: int = 1_000_000) -> Path:
    """A million rows without r=, each one cell without coordinates."""
    return hf.xlsx(path, {"项目": "<row><c><v>1</v></c></row>" * rows})


def duplicate_member(path: Path) -> Path:
    """sheet1.xml twice: the first copy honest, the second with other figures."""
    hf.xlsx(path, {"项目": hf.HEADER})
    with zipfile.ZipFile(path) as archive:
        part = archive.read("xl/worksheets/sheet1.xml")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: the attack
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("xl/worksheets/sheet1.xml", part.replace(b"<v>30</v>", b"<v>99</v>"))
    return path


def native_with_version(path: Path, doc, version: str) -> Path:
    """A native plan whose hidden sheet's version cell (B1) reads `version`."""
    import re

    from workbench.io.native.plan_file import save_plan
    from workbench.io.reading.package import sheet_parts

    save_plan(doc, path)
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive)["_workbench"]
        xml = archive.read(part)
    changed = re.sub(
        rb'(<c r="B1"[^>]*>)<v>[^<]*</v>', rb"\g<1><v>" + version.encode() + b"</v>", xml
    )
    assert changed != xml
    return hf._replace_part(path, part, changed)


def docx_of_paragraphs(path: Path, paragraphs: int = 3_000_000) -> Path:
    """A .docx of a few tens of KB holding three million empty paragraphs."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
        + "<w:p/>" * paragraphs
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document)
    return path


def csv_classic_mac(path: Path) -> Path:
    """A text table with classic-Mac line ends (CR alone)."""
    path.write_bytes("项目名称,总投资\r示范项目,30\r另一项目,12\r".encode())
    return path


def native_with_huge_document(path: Path, chunks: int = 1800) -> Path:
    """A file naming the hidden document sheet, whose document runs to 57 M characters."""
    import xlsxwriter

    from workbench.io.native.hidden_sheet import CHUNK, MARKER, META_SHEET

    book = xlsxwriter.Workbook(str(path))  # one shared string, named by every chunk cell
    book.add_worksheet("项目").write_row(0, 0, ["项目名称", "总投资"])
    meta = book.add_worksheet(META_SHEET)
    meta.write_string(0, 0, MARKER)
    meta.write_number(0, 1, 1)
    text = ('{"x":"' + "文" * CHUNK)[:CHUNK]
    for row in range(1, chunks + 1):
        meta.write_string(row, 0, text)
    meta.hide()
    book.close()
    return path
