"""Error cells (#N/A, #DIV/0!) are found by the limits check, in the one pass that inflates
and bounds every worksheet part — on small parts and on large ones streamed in chunks,
where a cell may be cut at any byte — so no second pass over the sheets is needed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.hostile.test_limits import _check, _package, _stored
from workbench.io.reading import limits, part_scan
from workbench.io.reading.number_formats import WorkbookFacts

ERRORS = ("#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")


def _rows_with_errors(n: int, every: int) -> tuple[str, dict[tuple[int, int], str]]:
    """Rows like the bounds tests', with an error cell in every `every`-th row (column B,
    or a self-closing one without a value in column C) and the truth to compare with."""
    parts, truth = [], {}
    for r in range(1, n + 1):
        b = f'<c r="B{r}"><v>{r * 1.5}</v></c>'
        c = f'<c r="C{r}"><v>{r}</v></c>'
        if r % every == 0:
            text = ERRORS[r % len(ERRORS)]
            if r % (every * 5) == 0:
                c = f'<c r="C{r}" s="2" t="e"/>'
                truth[(r - 1, 2)] = "#错误"
            else:
                formula = "A1+" * (r % 150) + "1/0"  # up to 450 bytes: longer than a carry
                b = f'<c r="B{r}" t="e"><f>{formula}</f><v>{text}</v></c>'
                truth[(r - 1, 1)] = text
        parts.append(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>项目{r}</t></is></c>{b}{c}</row>'
        )
    return "".join(parts), truth


def test_streamed_large_part_yields_every_error_cell_wherever_the_chunks_cut(tmp_path):
    body, truth = _rows_with_errors(90_000, 37)  # ~10 MB: the streamed path, 2 MB chunks
    scan = _check(_package(tmp_path, body))
    assert scan.regular
    assert scan.errors == {"xl/worksheets/sheet1.xml": truth}
    assert len(truth) > 2000


def test_streamed_part_of_error_cells_only_loses_none_at_the_chunk_ends(tmp_path):
    body, truth = _rows_with_errors(90_000, 1)  # every cut lands in or next to an error cell
    scan = _check(_package(tmp_path, body))
    assert scan.errors == {"xl/worksheets/sheet1.xml": truth}


def test_small_part_error_cells_and_the_same_from_the_background_scan(tmp_path):
    body, truth = _rows_with_errors(300, 7)
    data = _package(tmp_path, body, "A1:C300")
    scan = limits.check_package(data, Path("small.xlsx"), "xlsx")
    assert scan.errors == {"xl/worksheets/sheet1.xml": truth}
    path = tmp_path / "errors.xlsx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/"))
        assert sheet == "xl/worksheets/sheet1.xml"
    scanned = WorkbookFacts.start(path)  # no known errors: the thread scans the part itself
    given = WorkbookFacts.start(path, scan.errors)
    try:
        assert scanned.error_cells("表") == truth == given.error_cells("表")
    finally:
        scanned.close()
        given.close()


def test_an_error_cell_cut_by_the_chunk_end_is_carried_over():
    found: dict[tuple[int, int], str] = {}
    data = b'<row r="4"><c r="B4" s="1"><v>2</v></c><c r="AB4" t="e"><f>NA()</f><v>#N'
    resume = limits.error_cells(data, 0, len(data), found, final=False)
    assert found == {} and data[resume:].startswith(b'<c r="AB4"')
    rest = data[resume:] + b"/A</v></c></row>"
    assert limits.error_cells(rest, 0, len(rest), found) == len(rest)
    assert found == {(3, 27): "#N/A"}


def test_text_that_only_looks_like_the_mark_is_not_an_error_cell():
    found: dict[tuple[int, int], str] = {}
    data = b'<row r="1"><c r="A1" t="inlineStr"><is><t>t="e"</t></is></c></row>'
    limits.error_cells(data, 0, len(data), found)
    assert found == {}


def test_irregular_package_leaves_the_error_cells_to_the_background_scan(tmp_path):
    body = '<x:row r="1"><x:c r="A1" t="e"><x:v>#N/A</x:v></x:c></x:row>'
    scan = limits.check_package(_package(tmp_path, body, "A1"), Path("p.xlsx"), "xlsx")
    assert not scan.regular and scan.errors is None


def test_ods_and_xlsb_have_no_error_cells_from_the_check(tmp_path):
    parts = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<a/>"}
    scan = limits.check_package(_stored(parts), Path("x.ods"), "ods")
    assert scan.errors is None


def _longest_by_positions(part: bytes) -> int:
    starts = [m.start() for m in part_scan.SHARED_ITEM.finditer(part)]
    starts.append(len(part))
    return max((b - a for a, b in zip(starts, starts[1:], strict=False)), default=0)


def test_longest_shared_string_measured_alike_by_split_and_by_positions():
    long_item = "长" * 5000
    parts = [
        f"<sst>{''.join(f'<si><t>项目{i}</t></si>' for i in range(1000))}</sst>".encode(),
        f"<sst><si><t>a</t></si><si><t>{long_item}</t></si><si/></sst>".encode(),
        b'<sst><si><t>a</t></si><x:si><t>bbbbbbbbbbbb</t></x:si><si r="1"><t>c</t></si></sst>',
        b"<sst></sst>",
    ]
    for part in parts:
        assert part_scan.longest_item(part) == _longest_by_positions(part)
    assert part_scan.longest_item(parts[1]) > 15000


def test_tags_found_by_their_name_are_the_tags_the_pattern_finds():
    """tag_starts (search for the name, then back to its "<") against the one pattern, on
    parts mixing plain, prefixed, empty and false tags, from every start and to every end."""
    part = (
        b'<?xml version="1.0"?><sst><si><t>basis </t></si><x:si>a</x:si><sis/><si/>'
        b"<a-b.c:si\n/><asi ><:si ><x:y:si ><si>si </si></sst>"
    )
    for begin in range(0, len(part), 3):
        for end in range(begin, len(part) + 1, 5):
            want = [m.start() for m in part_scan.SHARED_ITEM.finditer(part, begin)]
            got = list(part_scan.tag_starts(part_scan._SHARED_TAIL, part, begin, end))
            assert got == [at for at in want if at < end]
    assert len(list(part_scan.tag_starts(part_scan._SHARED_TAIL, part))) == 5
