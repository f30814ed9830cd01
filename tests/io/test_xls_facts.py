"""Legacy .xls: percent formats and error cells, which calamine does not report, are read from
the BIFF8 records (io/reading/biff.py) in the reading child — as for xlsx and ods (issue 11).

`data/percent_and_errors.xls` was made by LibreOffice (`soffice --headless --convert-to xls`)
from an xlsx written with XlsxWriter: a project sheet whose 完成率 cells are formatted `0.0%`
and `0%` and hold 0.431…, with `=NA()`, `=1/0` and a #VALUE! formula; an indicator sheet with a
percent-formatted actual (0.651) and an `=NA()` actual. The expectations for the corpus files
below were checked against LibreOffice's own conversion of each file to xlsx, read by openpyxl
(every sheet matched cell for cell). The corpus files these tests need are kept in
tests/data/corpus/ with their licences (SOURCES.md there); two whose licence is unclear are
read from ../shared/corpus when it exists.
"""

from __future__ import annotations

import io
import random
import struct
import time
from pathlib import Path

import pytest

from workbench.io.opener import open_document
from workbench.io.reading import biff
from workbench.io.reading.workbook_source import read_workbook

DATA = Path(__file__).with_name("data") / "percent_and_errors.xls"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
KEPT = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _corpus(name: str) -> bytes:
    for path in (KEPT / name, CORPUS / name):
        if path.is_file():
            return path.read_bytes()
    pytest.skip(f"语料库文件不在 {CORPUS / name}（仅在 shared/ 存在时运行）")


def test_the_scanner_finds_percent_cells_and_error_codes():
    facts = biff.scan(DATA.read_bytes())
    projects, indicators = facts["项目"], facts["指标"]
    assert projects.percent == {(r, 4) for r in range(1, 30)}
    assert projects.errors == {(5, 5): "#N/A", (6, 3): "#DIV/0!", (7, 5): "#VALUE!"}
    assert indicators.percent == {(1, 4)} and indicators.errors == {(2, 4): "#N/A"}


def test_the_reading_child_hands_the_facts_over():
    book = read_workbook(DATA)
    assert book.format == "xls"
    sheet = next(s for s in book.sheets if s.name == "项目")
    assert sheet.rows[1][4] == pytest.approx(0.431)  # calamine's value, as stored
    assert sheet.rows[5][5] == ""  # calamine drops the error
    assert (1, 4) in sheet.percent and sheet.errors[(5, 5)] == "#N/A"


def test_an_xls_reads_percent_cells_as_shown_and_keeps_error_cells():
    doc = open_document(DATA)
    projects = next(t for t in doc.tables.values() if t.sheet_name == "项目")
    indicators = next(t for t in doc.tables.values() if t.sheet_name == "指标")
    rows = [row for _, row in projects]
    assert [r["completion_rate"] for r in rows[:3]] == pytest.approx([43.1, 43.2, 43.3])
    assert rows[4]["note"] == "#N/A"
    assert rows[5]["completed"] is None and "#DIV/0!" in rows[5]["note"]
    urban, research = (row for _, row in indicators)
    assert urban["actual"] == pytest.approx(65.1)
    assert research["actual"] is None and "#N/A" in research["note"]
    said = [str(w) for w in doc.warnings]
    assert any("D7" in w and "#DIV/0!" in w for w in said)
    assert any("E3" in w and "#N/A" in w for w in said)
    assert any("百分比" in w and "“完成率”" in w for w in said)


@pytest.mark.parametrize(
    ("name", "sheet", "percent", "errors"),
    [
        (
            "poi/angelo.edu_content_files_19555-nsse-2011-multiyear-benchmark.xls",
            "MYRCT",
            {(8, 4), (8, 7), (8, 8)},
            {},
        ),
        (
            "poi/angelo.edu_content_files_19555-nsse-2011-multiyear-benchmark.xls",
            "Intro",
            set(),
            {(48, 12): "#REF!"},
        ),
        ("xlrd/formula_test_sjmachin.xls", "Sheet1", set(), {(6, 1): "#DIV/0!"}),
        ("xlrd/invalid_formula.xls", "Sheet1", set(), {(0, 0): "#REF!"}),
        ("xlrd/profiles.xls", "PROFILELEVELS", {(1, 1), (2, 1), (3, 1)}, {}),
        ("easyexcel/dataformat.xls", "Sheet1", {(2, 4), (14, 4)}, {}),
    ],
)
def test_real_xls_files(name, sheet, percent, errors):
    facts = biff.scan(_corpus(name))[sheet]
    assert percent <= facts.percent
    assert all(facts.errors.get(cell) == text for cell, text in errors.items())
    if not errors:
        assert not facts.errors


def test_a_real_sheet_full_of_broken_references():
    facts = biff.scan(
        _corpus(
            "poi/at.gv.land-oberoesterreich.www_cps_rde_xbcr_SID-4A1B954F-5C07F98E_ooe_stat_download_bp10.xls"
        )
    )
    assert len(facts["WAHLEN"].errors) == 4266
    assert set(facts["WAHLEN"].errors.values()) == {"#REF!"}


def test_every_corpus_xls_is_scanned_without_error_and_quickly():
    """Damaged, looping, encrypted and BIFF2–5 files among them: the scanner returns facts or
    nothing, and never raises."""
    if not CORPUS.is_dir():
        pytest.skip(f"语料库不在 {CORPUS}（仅在 shared/ 存在时运行）")
    paths = [p for p in CORPUS.rglob("*") if p.suffix.lower() in (".xls", ".xlt")]
    assert len(paths) > 50
    for path in paths:
        started = time.process_time()
        facts = biff.scan(path.read_bytes())
        assert isinstance(facts, dict)
        assert time.process_time() - started < 5, path  # a loop would never end


def test_not_biff8_or_not_ole_gives_no_facts():
    assert biff.scan(b"") == {}
    assert biff.scan(b"PK\x03\x04" + b"\0" * 600) == {}
    assert biff.scan(_corpus("PhpSpreadsheet/maccentraleurope.biff5.xls")) == {}  # BIFF5
    assert biff.scan(_corpus("poi/password.xls")) == {}  # encrypted: FILEPASS


def _with_sector_loop(data: bytes) -> bytes:
    """The FAT entry of the directory's first sector points back at itself."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    size = 1 << shift
    first_fat = struct.unpack_from("<I", data, 0x4C)[0]
    directory = struct.unpack_from("<I", data, 0x30)[0]
    spot = (first_fat + 1) * size + directory * 4
    return data[:spot] + struct.pack("<I", directory) + data[spot + 4 :]


def test_a_chain_that_loops_ends_the_scan():
    assert biff.scan(_with_sector_loop(DATA.read_bytes())) == {}


def test_damaged_copies_never_raise():
    """Bytes overwritten at random: record lengths, sector numbers and counts become lies."""
    clean = DATA.read_bytes()
    chance = random.Random(11)
    for _ in range(300):
        data = bytearray(clean)
        for _ in range(chance.randint(1, 12)):
            data[chance.randrange(len(data))] = chance.randrange(256)
        facts = biff.scan(bytes(data))
        assert isinstance(facts, dict)
        assert sum(len(f.percent) + len(f.errors) for f in facts.values()) <= biff.MAX_FACTS


@pytest.mark.parametrize(
    "name",
    [
        None,
        "xlrd/formula_test_sjmachin.xls",
        "xlrd/invalid_formula.xls",
        "calamine/gh548_incorrect_sst_unique_count.xls",
        "poi/angelo.edu_content_files_19555-nsse-2011-multiyear-benchmark.xls",
        "poi/at.gv.land-oberoesterreich.www_cps_rde_xbcr_SID-4A1B954F-5C07F98E_ooe_stat_download_bp10.xls",
    ],
)
def test_the_byte_search_past_the_walk_finds_what_the_walk_finds(monkeypatch, name):
    """Long sheets are walked record by record only to PERCENT_ROWS; past it error cells are
    found by byte search. With the walk stopped at the first row, the search alone must find
    every error cell the full walk finds, and nothing else."""
    from python_calamine import CalamineWorkbook

    data = DATA.read_bytes() if name is None else _corpus(name)
    walked = biff.scan(data)
    assert any(f.errors for f in walked.values())
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows = {n: book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in walked}
    monkeypatch.setattr(biff, "PERCENT_ROWS", 0)
    searched = biff.scan(data, rows)
    assert {n: f.errors for n, f in searched.items()} == {n: f.errors for n, f in walked.items()}
    assert not any(f.percent for f in searched.values())
