"""6: every stage reads the bytes the limits checked, never the path again. The file is
swapped for a hostile one right after the reader's one read; the result must be what the
honest file gives (a stage that reopened the path would read the swap, or be refused)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.hostile import hostile_files as hf
from tests.hostile.swap import outcome, swapped_after_read
from tests.io import annex_fixtures as fx
from workbench.io.opener import open_document

XLS = Path(__file__).parents[1] / "io" / "data" / "percent_and_errors.xls"


def _styles_bomb(tmp_path: Path) -> bytes:
    """What the file becomes: a far cell and a styles part the limits refuse (599 MB in the
    attack; any refusal shows that a stage read the swapped file)."""
    path = hf.far_cell(tmp_path / "swap.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/styles.xml", b"<styleSheet>" + b"<xf/>" * 300_000 + b"</styleSheet>")
    return path.read_bytes()


def _percent_and_error_xlsx(path: Path) -> Path:
    """A project list with a percent-formatted rate and an error cell: the number-format
    reader and the error cells both come into play."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("项目")
    percent = book.add_format({"num_format": "0.0%"})
    sheet.write_row(0, 0, ["项目名称", "总投资", "完成率"])
    sheet.write_row(1, 0, ["示范项目", 30])
    sheet.write_number(1, 2, 0.431, percent)
    sheet.write_row(2, 0, ["另一项目", 12])
    sheet.write_formula(2, 2, "=NA()", percent, "#N/A")
    book.close()
    return path


MAKERS = {
    "regular.xlsx": _percent_and_error_xlsx,
    "irregular.xlsx": hf.no_coordinates,
    "annex.ods": hf.ods_annex,
    "projects.xlsx": fx.project_list,
    "table.csv": lambda p: p.write_text(fx.indicator_csv_text(), encoding="utf-8") and p,
    "legacy.xls": lambda p: p.write_bytes(XLS.read_bytes()) and p,
}


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_file_swapped_after_the_check_is_never_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    MAKERS[name](path)
    honest = path.read_bytes()
    expected = outcome(open_document, path)
    bomb = _styles_bomb(tmp_path)
    with swapped_after_read(bomb) as swapped:
        path.write_bytes(honest)
        got = outcome(open_document, path)
    assert swapped == [path]  # read once, swapped once
    assert got == expected
    assert path.read_bytes() == bomb


def test_a_native_plan_swapped_after_the_check_is_never_read(tmp_path: Path, sample_doc) -> None:
    from workbench.io.native.plan_file import save_plan

    path = save_plan(sample_doc, tmp_path / "plan.xlsx")
    honest = path.read_bytes()
    expected = outcome(open_document, path)
    with swapped_after_read(_styles_bomb(tmp_path)) as swapped:
        path.write_bytes(honest)
        got = outcome(open_document, path)
    assert swapped == [path] and got == expected and expected[0] == "read"
