"""Two tables that state the same figure are checked against each other by F9, not only in
年度对比 (issue 23, item 8): next year's 上年实际 is this year's 执行."""

from workbench.core.checks import check_year_pairs, run_checks
from workbench.core.edits import CellChange, SetCells


def _row(table, name):
    return next(k for k, r in table if r.get("name") == name)


def test_the_sample_agrees_with_itself(sample_doc):
    assert check_year_pairs(sample_doc) == []


def test_editing_an_actual_flags_the_next_years_base(sample_doc):
    execution, plan = sample_doc.table("indicators_2021"), sample_doc.table("indicators_2022")
    key = _row(execution, "地区生产总值增长")
    base = plan.row(_row(plan, "地区生产总值增长")).get("base")
    assert base == execution.row(key)["actual"]
    sample_doc.apply(SetCells(execution.id, (CellChange(key, "actual", 5.2),)))

    found = [f for f in run_checks(sample_doc) if f.rule == "base_vs_actual"]
    assert len(found) == 1
    finding = found[0]
    assert finding.table == plan.id and finding.column == "base"
    assert plan.row(finding.row)["name"] == "地区生产总值增长"
    assert finding.values == {"base": base, "actual": 5.2, "table": execution.id}
    assert "5.2" in finding.message
