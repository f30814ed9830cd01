"""Issue 25, degraded items: a legal workbook or text table too large to hold is refused
before any reader runs (a text table as soon as its cells pass the bound), and an .ods
content part with more cell elements than that is refused by a byte count before the walk
that calls back for every element. Each message names the file, its size and the bound."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from tests.hostile.hostile_files import ods
from workbench.io.errors import FileProblem
from workbench.io.reading import bounds, engines, ods_bounds, text_reader
from workbench.io.reading.workbook_source import read_workbook


def _refused(path: Path) -> str:
    with pytest.raises(FileProblem) as caught:
        read_workbook(path)
    text = str(caught.value)
    assert path.name in text and "个单元格" in text and "MB" in text and "拒绝打开" in text
    return text


def test_a_workbook_larger_than_memory_allows_is_refused_before_calamine(tmp_path, monkeypatch):
    path = tmp_path / "大表.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("项目")
    sheet.write_number(0, 0, 1)
    sheet.write_number(199_999, 25, 2)  # A1:Z200000, 520 万 cells: within the sheet limits
    book.close()
    monkeypatch.setattr(engines.CalamineReader, "sheets", lambda self: pytest.fail("calamine ran"))
    text = _refused(path)
    assert "约 520 万个单元格" in text and "400 万" in text


def test_a_text_table_stops_at_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_CELLS_IN_MEMORY", 3000)
    path = tmp_path / "明细.csv"
    path.write_text("".join(f"项目{i},{i},{i * 2}\n" for i in range(5000)), encoding="utf-8")
    held = []
    real = text_reader._parse_text

    def parse(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        except FileProblem:
            held.append(True)
            raise

    monkeypatch.setattr(text_reader, "_parse_text", parse)
    text = _refused(path)
    assert held  # refused while parsing, not after holding every row
    assert "约 2 万个单元格" in text and "3000 个单元格的上限" in text  # 15,000, estimated


def test_an_ods_with_too_many_cell_elements_is_refused_before_the_walk(tmp_path, monkeypatch):
    monkeypatch.setattr(ods_bounds, "MAX_CELLS_IN_MEMORY", 1000)
    monkeypatch.setattr(
        ods_bounds.expat, "ParserCreate", lambda *a, **k: pytest.fail("content.xml was walked")
    )
    cell = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
    row = "<table:table-row>" + cell * 10 + "</table:table-row>"
    path = ods(tmp_path / "大表.ods", f'<table:table table:name="项目">{row * 150}</table:table>')
    text = _refused(path)
    assert "1500 个单元格" in text and "1000 个单元格的上限" in text


def test_cell_elements_counts_every_prefix_and_self_closed_cells():
    # never more than the elements there are (2 here), whatever the prefix; at least half
    assert ods_bounds.cell_elements(b"<t:table-cell/><t:table-cell>x</t:table-cell>") == 1
    assert ods_bounds.cell_elements(b"<table:covered-table-cell/>" * 4) == 2
    assert ods_bounds.cell_elements(b"<table:table-cell>1</table:table-cell>" * 4) == 4
    assert bounds.MAX_CELLS_IN_MEMORY * bounds.BYTES_PER_CELL_READ <= 530 * 2**20
