"""One number rule on every path text becomes a figure by: typed in the grid, pasted from
Excel, read from an annex, read back from a returned collection workbook. "1,5" used to be 15
in a returned workbook, 1.5 in the review panel and refused in the grid; now a comma (or a
space) is a thousands separator only where it groups by three, and anything else is refused
with a message saying why (the review panel's path is driven in tests/ui/test_plan_properties)."""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl
import pytest

from tests.io import annex_fixtures as fx
from workbench.core.cell_input import parse_cell
from workbench.core.schema import fields_for
from workbench.io.clipboard_formats import parse_html_table, parse_tsv
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import import_annex, sample_plan_path
from workbench.io.reading.returned_workbook import read_returned
from workbench.io.writing.collection_workbook import (
    COLUMNS,
    DATA_SHEET,
    HEADER_ROW,
    group_rows,
    write_collection_workbooks,
)

AMBIGUOUS = "千位分隔符"
# text → the figure every path reads, or AMBIGUOUS / "不是数值" for a refusal
CASES = {
    "1,5": AMBIGUOUS,
    "12,50": AMBIGUOUS,
    "1234,5": AMBIGUOUS,
    "1，5": AMBIGUOUS,  # full-width comma
    "12,500": 12500.0,
    "１２，５００": 12500.0,
    "1,234,567.5": 1234567.5,
    "19 278.1": 19278.1,
    "0.75": 0.75,
    "三十": "不是数值",
}
PLAN = next(f for f in fields_for("projects") if f.key == "annual_plan")


def typed(text: str):
    parsed = parse_cell(PLAN, text)
    return parsed.value if parsed.ok else parsed.error


def pasted(text: str):
    (cells,) = parse_tsv(f"{text}\r\n")  # as Excel puts one cell on the clipboard
    (html_cells,) = parse_html_table(f"<table><tr><td>{text}</td></tr></table>")
    assert html_cells == cells
    return typed(cells[0])


def agrees(answer, expected) -> bool:
    if isinstance(expected, float):
        return answer == pytest.approx(expected)
    return isinstance(answer, str) and expected in answer


@pytest.mark.parametrize("text", CASES)
def test_typed_and_pasted(text):
    assert agrees(typed(text), CASES[text])
    assert agrees(pasted(text), CASES[text])


def test_imported_from_an_annex(tmp_path):
    header = ["项目名称", "所属板块", "年度计划投资（亿元）", "建设性质"]
    rows = [header] + [[f"项目{i}", "城市提升", t, "续建"] for i, t in enumerate(CASES)]
    doc = import_annex(fx.rows_workbook(tmp_path / "清单.xlsx", rows, "项目清单"))
    (table,) = doc.tables.values()
    by_name = {row["name"]: row for _, row in table}
    warnings = [str(w) for w in doc.warnings]
    for i, (text, expected) in enumerate(CASES.items()):
        value = by_name[f"项目{i}"]["annual_plan"]
        if isinstance(expected, float):
            assert value == pytest.approx(expected), text
        else:
            assert value is None, text
            assert any(expected in w and f"C{i + 2}" in w for w in warnings), (text, warnings)


def test_read_back_from_a_returned_workbook(tmp_path):
    plan = load_plan(sample_plan_path())
    written = write_collection_workbooks(
        plan, tmp_path / "sent", by="owner", deadline=date(2022, 1, 15)
    )
    item = max(written, key=lambda w: w.rows)
    table = plan.tables["projects_2022"]
    keys = group_rows(table, "owner")[item.unit]
    assert len(keys) >= len(CASES)
    path = tmp_path / item.path.name
    shutil.copy(item.path, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    key_col = len(COLUMNS) + 2
    plan_col = COLUMNS.index("annual_plan") + 2
    row_of = {
        ws.cell(r, key_col).value: r
        for r in range(HEADER_ROW + 2, ws.max_row + 1)
        if ws.cell(r, key_col).value
    }
    cells = {}
    for key, text in zip(keys, CASES, strict=False):
        r = row_of[f"projects_2022|{key}"]
        ws.cell(r, plan_col).value = text
        cells[key] = f"{openpyxl.utils.get_column_letter(plan_col)}{r}"
    wb.save(path)
    result = read_returned(path, plan)
    new = {m.old_key: result.comparison.new.rows[m.new_key] for m in result.comparison.matched}
    for key, text in zip(keys, CASES, strict=False):
        expected = CASES[text]
        if isinstance(expected, float):
            assert new[key]["annual_plan"] == pytest.approx(expected), text
        else:
            assert new[key]["annual_plan"] == table.rows[key]["annual_plan"], text  # kept
            assert any(cells[key] in p and expected in p for p in result.problems), (
                text,
                result.problems,
            )
