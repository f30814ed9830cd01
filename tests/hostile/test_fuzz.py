"""Property: whatever bytes arrive, reading ends in a table or in a FileProblem — never an
abort, a traceback or another exception. Mutations are made both to the raw bytes (mostly
caught by the zip checks) and to the XML inside a re-zipped, CRC-correct package, so the
readers themselves are exercised."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import hostile_files as hf
from tests.io import annex_fixtures as fx
from workbench.io.errors import FileProblem
from workbench.io.reading.workbook_source import read_workbook

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


def _read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        read_workbook(path)
    except FileProblem as exc:
        assert str(exc).strip() and "\n" not in str(exc)


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
