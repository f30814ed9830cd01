"""A stated status its figures now contradict never goes out as if true (issue 23, item 2 and 7):
the chart colours, the printed annex and the export's list all judge by the same status."""

import openpyxl

from workbench.charts.data import chart_data
from workbench.charts.kinds import ChartKind
from workbench.core.edits import CellChange, SetCells
from workbench.core.indicators import contradicted_statuses, status_of
from workbench.core.status import DONE, NOT_DONE
from workbench.core.vocab import STATUS_COLOURS
from workbench.io.writing.workbook_writer import write_workbook


def _gdp(doc):
    table = doc.table("indicators_2021")
    key = next(k for k, r in table if r.get("name") == "地区生产总值增长")
    return table, key


def _edit_gdp_to(doc, value):
    table, key = _gdp(doc)
    doc.apply(SetCells(table.id, (CellChange(key, "actual", value),)), user="审核人")
    return table, key


def test_an_actual_below_an_at_least_target_contradicts_a_stated_done(sample_doc):
    table, key = _gdp(sample_doc)
    before = status_of(table, key, sample_doc.policy)
    assert before.effective == DONE and not before.contradicted

    _edit_gdp_to(sample_doc, 5.2)
    after = status_of(table, key, sample_doc.policy)
    assert after.effective == DONE  # the annex's word is kept as written …
    assert after.contradicted and after.shown == NOT_DONE  # … but nothing judges by it
    listed = [(c.table_id, c.key, c.stated, c.derived) for c in contradicted_statuses(sample_doc)]
    assert (table.id, key, DONE, NOT_DONE) in listed


def test_the_chart_colours_the_dot_by_the_figures(sample_doc):
    table, key = _edit_gdp_to(sample_doc, 5.2)
    data = chart_data(sample_doc, ChartKind.INDICATOR_PERCENT, table.id)
    at = data.categories.index("地区生产总值增长")
    assert data.colours[at] == STATUS_COLOURS[NOT_DONE]


def test_the_printed_annex_prints_the_status_the_figures_give(sample_doc, tmp_path):
    _edit_gdp_to(sample_doc, 5.2)
    path = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, path)
    sheet = openpyxl.load_workbook(path)["附件一 2021年指标执行"]
    row = next(r for r in sheet.iter_rows(values_only=True) if "地区生产总值增长" in r)
    assert 5.2 in row
    assert NOT_DONE in row and DONE not in row


def test_a_native_file_keeps_the_stated_word_though_its_sheet_prints_the_derived(
    sample_doc, tmp_path
):
    from workbench.io.native.plan_file import load_plan, save_plan

    table, key = _edit_gdp_to(sample_doc, 5.2)
    path = tmp_path / "plan.xlsx"
    save_plan(sample_doc, path)
    again = load_plan(path)
    assert again.table(table.id).row(key)["status"] == DONE  # not taken for an Excel edit
    assert not [e for e in again.change_log if e.user == "外部修改"]


def test_the_export_names_every_status_it_printed_from_the_figures(sample_doc, tmp_path):
    from workbench.app.exporting import export_annex

    table, key = _edit_gdp_to(sample_doc, 5.2)
    result = export_annex(sample_doc, tmp_path / "附件.xlsx")
    assert [(c.table_id, c.key, c.stated, c.derived) for c in result.restated] == [
        (table.id, key, DONE, NOT_DONE)
    ]
    assert result.to_dict()["restated_statuses"] == [
        {"table": table.id, "name": "地区生产总值增长", "stated": DONE, "printed": NOT_DONE}
    ]
    assert "地区生产总值增长" in result.restated_lines()[0]


def test_the_command_line_says_which_statuses_it_printed_from_the_figures(
    sample_doc, tmp_path, capsys
):
    from workbench.cli import main
    from workbench.io.native.plan_file import save_plan

    _edit_gdp_to(sample_doc, 5.2)
    plan = save_plan(sample_doc, tmp_path / "计划.xlsx")
    assert main(["export", str(plan), "-o", str(tmp_path / "附件.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "已按推算结果印出的 1 个指标" in out and "地区生产总值增长" in out
