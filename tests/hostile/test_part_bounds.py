"""The part checks of the limits on packages stored without compression, so that the ratio
bound does not refuse them first: every check applies to every part, large or small."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.hostile import round_two_files as r2
from tests.hostile.test_limits import _stored
from workbench.io.errors import FileProblem
from workbench.io.reading import limits
from workbench.io.reading.part_scan import STREAM_FROM_BYTES


def _stored_copy(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return _stored({name: archive.read(name) for name in archive.namelist()})


def _largest(data: bytes) -> int:
    return max(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())


def test_a_styles_part_of_millions_of_formats_is_refused_before_any_parse(tmp_path):
    data = _stored_copy(r2.styles_of_many_formats(tmp_path / "s.xlsx"))
    assert _largest(data) >= STREAM_FROM_BYTES  # the streamed branch counts them too
    with pytest.raises(FileProblem, match="单元格格式"):
        limits.check_package(data, Path("s.xlsx"), "xlsx")


def test_excel_sized_styles_pass(tmp_path):
    data = _stored_copy(r2.styles_of_many_formats(tmp_path / "s.xlsx", 64_000))
    assert limits.check_package(data, Path("s.xlsx"), "xlsx").regular


@pytest.mark.parametrize("rows", [400_000, 1_000_000])  # small part, streamed part
def test_a_million_rows_without_coordinates_are_refused(tmp_path, rows):
    data = _stored_copy(r2.rows_without_coordinates(tmp_path / "r.xlsx", rows))
    with pytest.raises(FileProblem, match="没有行号"):
        limits.check_package(data, Path("r.xlsx"), "xlsx")


def test_rows_without_coordinates_under_the_bound_go_to_the_child(tmp_path):
    data = _stored_copy(r2.rows_without_coordinates(tmp_path / "r.xlsx", 1000))
    assert not limits.check_package(data, Path("r.xlsx"), "xlsx").regular


def test_a_large_shared_strings_part_is_measured_like_a_small_one(tmp_path):
    data = _stored_copy(r2.large_shared_string(tmp_path / "s.xlsx"))
    assert _largest(data) >= STREAM_FROM_BYTES
    scan = limits.check_package(data, Path("s.xlsx"), "xlsx")
    assert scan.longest_shared >= 9 * 1024 * 1024
    assert scan.shared_text_bound > limits.MAX_SHARED_TEXT_IN_PROCESS  # read by the child


@pytest.mark.parametrize("far", ["XFD1048576", "J1048576", "J300001"])
def test_error_cells_never_skip_the_area_checks(tmp_path, far):
    data = _stored_copy(r2.error_and_far_cell(tmp_path / "e.xlsx", far))
    with pytest.raises(FileProblem, match="行的上限|数据区域过大"):
        limits.check_package(data, Path("e.xlsx"), "xlsx")


def test_error_cells_of_a_sheet_within_the_limits_are_still_found(tmp_path):
    data = _stored_copy(r2.error_and_far_cell(tmp_path / "e.xlsx", "B200000"))
    scan = limits.check_package(data, Path("e.xlsx"), "xlsx")
    assert scan.areas == {"xl/worksheets/sheet1.xml": (200_000, 26)}
    assert scan.errors == {"xl/worksheets/sheet1.xml": {(2, 1): "#N/A"}}
