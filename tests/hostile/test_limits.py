"""The bounds scan itself, on large worksheet parts (inflated and scanned in step): exact
reach, and every trick that would make the reader allocate more than the scan said."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.hostile import hostile_files as hf
from workbench.io.errors import FileProblem
from workbench.io.reading import limits


def _rows(n: int, start: int = 1) -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>项目{r}</t></is></c>'
        f'<c r="B{r}"><v>{r * 1.5}</v></c><c r="C{r}"><v>{r}</v></c></row>'
        for r in range(start, start + n)
    )


BODY = _rows(90_000)  # about 10 MB of sheet XML: the streamed path


def _package(tmp_path: Path, sheet_data: str, dimension: str = "A1:C90000") -> bytes:
    """Stored, not deflated: the scan sees the same inflated bytes, and the test stays fast."""
    path = hf.xlsx(tmp_path / "small.xlsx", {"表": ""})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<sheetData></sheetData>",
        f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData>'.encode(),
    )
    return _stored(parts)


def _stored(parts: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return raw.getvalue()


def _check(data: bytes) -> limits.Scan:
    assert (
        max(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
        >= limits.STREAM_FROM_BYTES
    )
    return limits.check_package(data, Path("big.xlsx"), "xlsx")


def test_large_regular_sheet_has_its_exact_reach(tmp_path: Path) -> None:
    scan = _check(_package(tmp_path, BODY))
    assert scan.regular and scan.areas == {"xl/worksheets/sheet1.xml": (90_000, 26)}


def test_a_lying_dimension_does_not_hide_or_invent_reach(tmp_path: Path) -> None:
    scan = _check(_package(tmp_path, BODY, "A1:C9999999"))
    assert scan.areas == {"xl/worksheets/sheet1.xml": (90_000, 26)}
    scan = _check(_package(tmp_path, BODY, "A1:C5"))
    assert scan.areas == {"xl/worksheets/sheet1.xml": (90_000, 26)}


@pytest.mark.parametrize(
    "planted, outcome",
    [
        ('<c r="A1048576"><v>1</v></c>', "refused"),  # a far row inside an ordinary row
        ('<c r="XFD7"><v>1</v></c>', "refused"),  # a far column
        ("<c><v>1</v></c>", "irregular"),  # no coordinates: the reader counts for itself
        ('<c s="1" r="A7"><v>1</v></c>', "irregular"),  # coordinates not first
        ('<x:c r="A1048576"><v>1</v></x:c>', "irregular"),  # a prefixed element name
    ],
)
def test_tricks_in_the_middle_of_a_large_sheet(tmp_path: Path, planted: str, outcome) -> None:
    middle = BODY.index('<row r="45000">')
    at = BODY.index("</row>", middle)
    data = _package(tmp_path, BODY[:at] + planted + BODY[at:])
    if outcome == "refused":
        with pytest.raises(FileProblem, match="拒绝打开"):
            _check(data)
    else:
        assert not _check(data).regular


def test_a_trick_cut_by_a_chunk_boundary_is_still_seen(tmp_path: Path) -> None:
    """The far cell straddles the first boundary between inflated chunks, at every offset."""
    with zipfile.ZipFile(io.BytesIO(_package(tmp_path, BODY))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    part = parts["xl/worksheets/sheet1.xml"]
    planted = b'<c r="A1048576"><v>1</v></c>'
    boundary = limits.STREAM_CHUNK
    starts = [at for at in range(boundary - 80, boundary + 2) if part[at : at + 1] == b"<"]
    assert len(starts) >= 4
    for at in starts:  # before each tag near the boundary, so the XML stays whole
        parts["xl/worksheets/sheet1.xml"] = part[:at] + planted + part[at:]
        assert (
            any(boundary - len(planted) < at + k < boundary for k in range(len(planted)))
            or at <= boundary
        )
        with pytest.raises(FileProblem, match="拒绝打开"):
            _check(_stored(parts))


def test_a_changed_byte_in_a_large_part_fails_its_crc(tmp_path: Path) -> None:
    data = _package(tmp_path, BODY).replace(b"<v>45000</v>", b"<v>95000</v>", 1)
    with pytest.raises(FileProblem, match="校验"):
        _check(data)
