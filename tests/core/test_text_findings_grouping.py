"""A rule failing on thousands of rows is one finding with a count and examples."""

from __future__ import annotations

from workbench.core.checks import Finding
from workbench.core.findings_grouping import group_findings


def finding(
    rule: str, row: int, table: str = "projects", column: str = "completion_rate"
) -> Finding:
    return Finding("error", rule, f"第{row}行有误", table, f"r{row}", column, {"n": row})


def test_thousands_of_one_rule_become_one_with_count_and_examples():
    many = [finding("completion_rate", i) for i in range(1, 3001)]
    lone = finding("plan_exceeds_total", 7, column="annual_plan")
    out = group_findings([many[0], lone, *many[1:]])
    assert len(out) == 2
    grouped, kept = out
    assert kept == lone
    assert grouped.rule == "completion_rate" and grouped.values["count"] == 3000
    assert [e["row"] for e in grouped.values["examples"]] == ["r1", "r2", "r3"]
    assert len(grouped.values["rows"]) == 3000
    assert "3000" in grouped.message and "第1行有误" in grouped.message


def test_few_findings_and_other_tables_stay_apart():
    few = [finding("completion_rate", i) for i in range(5)]
    other = [finding("completion_rate", i, table="other") for i in range(30)]
    out = group_findings(few + other, threshold=20)
    assert out[:5] == few
    assert len(out) == 6 and out[5].values["count"] == 30 and out[5].table == "other"
