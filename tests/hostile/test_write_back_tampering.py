"""Write-back against a tampered document or a tampered original: a clear refusal before
anything is written, never an invalid workbook, never a member that climbs out of the
package."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.io import annex_fixtures as fx
from workbench.core.edits import CellChange, SetCells
from workbench.io.errors import FileProblem
from workbench.io.opener import open_document
from workbench.io.writing.write_back import write_back


def _corrected(tmp_path: Path):
    original = fx.project_list(tmp_path / "部门原表.xlsx")
    doc = open_document(original)
    table = next(iter(doc.tables.values()))
    key = table.keys[0]
    doc.apply(
        SetCells(table.id, (CellChange(key, "annual_plan", 7.5),)), user="审核", reason="更正"
    )
    return original, doc, table, key


@pytest.mark.parametrize(
    "where, value",
    [("row", -3), ("row", 5_000_000), ("column", 20_000), ("column", 0), ("header", -1)],
)
def test_a_tampered_layout_is_refused_before_write_back(tmp_path, where, value) -> None:
    original, doc, table, key = _corrected(tmp_path)
    if where == "row":
        table.row_source[key] = value
    elif where == "column":
        table.source.columns["annual_plan"] = value
    else:
        table.source.header_rows = (value,)
    out = tmp_path / "写回.xlsx"
    with pytest.raises(FileProblem, match="位置不对") as caught:
        write_back(doc, original, out)
    assert "部门原表.xlsx" in str(caught.value) and "\n" not in str(caught.value)
    assert not out.exists()


def test_the_untampered_layout_still_writes_back(tmp_path) -> None:
    original, doc, _table, _key = _corrected(tmp_path)
    report = write_back(doc, original, tmp_path / "写回.xlsx")
    assert report.written == 1


@pytest.mark.parametrize("member", ["../evil.txt", "/etc/evil", "xl/../../evil", "C:/evil"])
def test_member_names_that_climb_out_are_never_copied(tmp_path, member) -> None:
    original, doc, _table, _key = _corrected(tmp_path)
    with zipfile.ZipFile(original, "a") as archive:
        archive.writestr(zipfile.ZipInfo(member), b"planted")
    out = tmp_path / "写回.xlsx"
    with pytest.raises(FileProblem, match="不安全的部件名"):
        write_back(doc, original, out)
    assert not out.exists()
