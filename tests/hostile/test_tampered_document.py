"""A native file whose hidden document was edited by hand or by an attacker: every command
ends in one line (exit 1) or works (exit 0), never in a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from workbench.cli import main
from workbench.io.errors import FileProblem
from workbench.io.native.hidden_sheet import CHUNK, MARKER, META_SHEET, hidden_text
from workbench.io.native.plan_file import load_plan, save_plan


def _first_table(data):
    return data["tables"][0]


VARIANTS = {
    "deep_nesting": lambda d: "DEEP",
    "string_for_number": lambda d: _first_table(d).__setitem__("next_key", "很多"),
    "string_in_number_cell": lambda d: _first_table(d)["rows"][0].__setitem__(
        _first_table(d)["columns"].index("unit") + 1 if "unit" in _first_table(d)["columns"] else 1,
        {"not": "text"},
    ),
    "integer_row_key": lambda d: _first_table(d)["rows"][0].__setitem__(0, 5),
    "missing_layout": lambda d: d.pop("layout"),
    "tables_not_a_list": lambda d: d.__setitem__("tables", "表"),
    "tables_items_not_objects": lambda d: d.__setitem__("tables", [1, 2]),
    "policy_wrong_type": lambda d: d["document"].__setitem__("policy", "宽松"),
    "layout_wrong_type": lambda d: d.__setitem__("layout", [1, 2, 3]),
    "layout_far_rows": lambda d: [
        m.__setitem__("rows", {k: 10**12 for k in m["rows"]}) for m in d["layout"].values()
    ],
    "layout_rows_not_a_map": lambda d: [m.__setitem__("rows", 7) for m in d["layout"].values()],
    "warnings_wrong": lambda d: d.__setitem__("warnings", [1]),
    "change_log_wrong": lambda d: d.__setitem__("change_log", [{"seq": "一"}]),
    "review_wrong": lambda d: _first_table(d).__setitem__("review", {"x": 5}),
    "rows_ragged": lambda d: _first_table(d)["rows"].append(["k999"]),
    "long_sheet_name": lambda d: _first_table(d).__setitem__("sheet_name", "表[1]:*?/\\" * 10),
    "document_not_object": lambda d: d.__setitem__("document", []),
}


def _tamper(source: Path, target: Path, change) -> Path:
    book = openpyxl.load_workbook(source)
    sheet = book[META_SHEET]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    _, _, text = hidden_text(rows)
    data = json.loads(text)
    if change(data) == "DEEP":  # too deep for json.dumps itself: written as text
        text = '{"format":"plan-workbench","version":1,"x":' + "[" * 100_000 + "]" * 100_000 + "}"
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 1).value = None
    sheet.cell(1, 1).value = MARKER
    for i in range(0, len(text), CHUNK):
        sheet.cell(2 + i // CHUNK, 1).value = text[i : i + CHUNK]
    book.save(target)
    return target


@pytest.fixture(scope="module")
def saved_plan(tmp_path_factory) -> Path:
    from tests.io import annex_fixtures as fx
    from workbench.io.opener import open_document

    folder = tmp_path_factory.mktemp("plan")
    path = folder / "计划.xlsx"
    save_plan(open_document(fx.project_list(folder / "部门原表.xlsx")), path)
    return path


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_tampered_hidden_document_is_one_line(tmp_path, saved_plan, variant, capsys) -> None:
    path = _tamper(saved_plan, tmp_path / f"{variant}.xlsx", VARIANTS[variant])
    try:
        load_plan(path)
    except FileProblem as exc:
        assert path.name in str(exc)
    for args in (
        ["import", str(path)],
        ["check", str(path)],
        ["export", str(path), "-o", str(tmp_path / "out.xlsx")],
    ):
        code = main(args)
        err = capsys.readouterr().err
        assert code in (0, 1), (args, err)
        if code == 1:
            lines = [line for line in err.splitlines() if not line.startswith("workbench：提示")]
            assert len(lines) == 1 and path.name in lines[0], err
            assert "处理时出错" not in lines[0], err  # a named reason, not the last resort


def test_hidden_document_disagreeing_with_the_cells_is_reported_by_import_and_check(
    tmp_path, saved_plan, capsys
) -> None:
    path = tmp_path / "改过.xlsx"
    book = openpyxl.load_workbook(saved_plan)
    sheet = book["项目表"]
    assert sheet["F5"].value == "总投资"
    # the first project row (the print layout may put a group row with its sums above it)
    row = next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, 6).value == 30)
    sheet.cell(row, 6).value = 90  # the visible total investment no longer matches the document
    book.save(path)
    for command in ("import", "check"):
        assert main([command, str(path)]) == 0
        err = capsys.readouterr().err
        assert "提示" in err and path.name in err and "外部修改" in err, err


def test_a_full_disk_in_the_writer_is_an_os_error_the_window_shows(tmp_path, monkeypatch):
    """XlsxWriter reports a failed write as FileCreateError, which is not an OSError: the
    window's save and export handlers would miss it."""
    import errno

    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    from tests.io import annex_fixtures as fx
    from workbench.io.opener import open_document
    from workbench.io.writing.workbook_writer import write_workbook

    doc = open_document(fx.project_list(tmp_path / "部门原表.xlsx"))

    def full(self):
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full)
    with pytest.raises(OSError) as raised:
        write_workbook(doc, tmp_path / "out.xlsx")
    assert raised.value.errno == errno.ENOSPC
    assert not (tmp_path / "out.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]
