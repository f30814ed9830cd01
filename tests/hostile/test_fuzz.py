"""Property: whatever bytes arrive, reading ends in a table or in a FileProblem — never an
abort, a traceback or another exception. Mutations are made both to the raw bytes (mostly
caught by the zip checks) and to the XML inside a re-zipped, CRC-correct package, so the
readers themselves are exercised.

Each mutated file goes the whole way (sniff, limits, the reader, cell facts, layout, rows)
twice: once as it is, once swapped on disk for a hostile file right after the one read. Both
must give the same answer: the check-then-read of every stage is on the same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import hostile_files as hf
from tests.hostile.swap import outcome, swapped_after_read
from tests.io import annex_fixtures as fx
from workbench.io.opener import open_document
from workbench.io.reading.report_text import read_report

XLS = Path(__file__).parents[1] / "io" / "data" / "percent_and_errors.xls"

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_seeds: dict[str, bytes] = {}


def _seed(kind: str, folder: Path) -> bytes:
    if kind not in _seeds:
        path = folder / f"seed.{kind}"
        if kind == "xlsx":
            fx.project_list(path)
        elif kind == "ods":
            hf.ods_annex(path)
        elif kind == "xls":
            path.write_bytes(XLS.read_bytes())
        elif kind == "docx":
            import docx

            document = docx.Document()
            document.add_paragraph("2024年地区生产总值增长5.2%，固定资产投资增长4%。")
            document.add_table(rows=2, cols=2).cell(0, 0).text = "完成率 98%"
            document.save(str(path))
        else:
            path.write_text(fx.indicator_csv_text(), encoding="utf-8")
        _seeds[kind] = path.read_bytes()
    return _seeds[kind]


edits = st.lists(
    st.tuples(
        st.sampled_from(["replace", "insert", "delete", "digits", "truncate"]),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.binary(min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def _mutate(data: bytes, changes) -> bytes:
    out = bytearray(data)
    for how, where, blob in changes:
        at = int(where * max(len(out) - 1, 0))
        if how == "replace":
            out[at : at + len(blob)] = blob
        elif how == "insert":
            out[at:at] = blob
        elif how == "delete":
            del out[at : at + len(blob)]
        elif how == "digits":  # coordinates and repeat counts are where the danger was
            out[at:at] = b"9" * (len(blob) % 7 + 1)
        elif how == "truncate":
            del out[at:]
    return bytes(out)


def _mutate_inside(package: bytes, changes, member: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    names = source.namelist()
    target = names[member % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            data = source.read(name)
            archive.writestr(name, _mutate(data, changes) if name == target else data)
    return out.getvalue()


_SWAP = hf.far_cell.__name__


def _read(path: Path, data: bytes, read=open_document) -> None:
    path.write_bytes(data)
    expected = outcome(read, path)  # a document or a FileProblem; anything else fails here
    if expected[0] == "refused":
        assert expected[1].strip() and "\n" not in expected[1]
    with swapped_after_read(_swap_bytes(path.parent)) as swapped:
        path.write_bytes(data)
        assert outcome(read, path) == expected
    assert swapped == [path]


def _swap_bytes(folder: Path) -> bytes:
    if _SWAP not in _seeds:
        _seeds[_SWAP] = hf.far_cell(folder / "swap.xlsx").read_bytes()
    return _seeds[_SWAP]


@SETTINGS
@given(changes=edits, member=st.integers(min_value=0, max_value=20), inside=st.booleans())
def test_mutated_xlsx_never_crashes(tmp_path: Path, changes, member, inside) -> None:
    seed = _seed("xlsx", tmp_path)
    data = _mutate_inside(seed, changes, member) if inside else _mutate(seed, changes)
    _read(tmp_path / "fuzz.xlsx", data)


@settings(SETTINGS, max_examples=12)
@given(changes=edits, inside=st.booleans())
def test_mutated_ods_never_crashes(tmp_path: Path, changes, inside) -> None:
    seed = _seed("ods", tmp_path)
    data = _mutate_inside(seed, changes, 1) if inside else _mutate(seed, changes)
    _read(tmp_path / "fuzz.ods", data)


@SETTINGS
@given(changes=edits)
def test_mutated_csv_never_crashes(tmp_path: Path, changes) -> None:
    _read(tmp_path / "fuzz.csv", _mutate(_seed("csv", tmp_path), changes))


@settings(SETTINGS, max_examples=12)
@given(changes=edits)
def test_mutated_xls_never_crashes(tmp_path: Path, changes) -> None:
    _read(tmp_path / "fuzz.xls", _mutate(_seed("xls", tmp_path), changes))


@settings(SETTINGS, max_examples=12)
@given(changes=edits, member=st.integers(min_value=0, max_value=20), inside=st.booleans())
def test_mutated_docx_report_never_crashes(tmp_path: Path, changes, member, inside) -> None:
    seed = _seed("docx", tmp_path)
    data = _mutate_inside(seed, changes, member) if inside else _mutate(seed, changes)
    _read(tmp_path / "fuzz.docx", data, _report)


class _Report:
    """A report's lines in the shape `outcome` compares."""

    def __init__(self, lines: list[str]) -> None:
        self.tables = {"text": _Lines(lines)}
        self.warnings: list = []


class _Lines:
    sheet_name = "text"

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __iter__(self):
        return iter([(str(i), {"text": line}) for i, line in enumerate(self.lines)])


def _report(path: Path) -> _Report:
    return _Report(read_report(path).lines)
