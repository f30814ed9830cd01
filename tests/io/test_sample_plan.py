"""The sample plan: the report's figures, exactly; sample data that adds up to them."""

import math
import re
from collections import Counter, defaultdict

import pytest
from workbench.seeds.build_sample import REPORT_FIGURES as F

from workbench.core import provenance as prov
from workbench.core.indicators import status_of
from workbench.core.summaries import compare
from workbench.io.native import plan_json
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import sample_plan_path


def sums(table, by, column):
    out = defaultdict(list)
    for _, row in table:
        out[row[by]].append(row[column])
    return {k: round(math.fsum(v), 4) for k, v in out.items()}


def test_build_is_reproducible_and_the_committed_file_is_current(sample_doc_factory):
    first = plan_json.document_to_data(sample_doc_factory())
    assert first == plan_json.document_to_data(sample_doc_factory())
    shipped = plan_json.document_to_data(load_plan(sample_plan_path()))
    assert shipped == first, "seeds/sample_plan.xlsx is stale: run python seeds/build_sample.py"


def test_indicator_counts_and_statuses_follow_the_report(sample_doc):
    execution = sample_doc.table("indicators_2021")
    attributes = Counter(row["attribute"] for _, row in execution)
    assert len(execution) == F["indicators_2021"] == 36
    assert attributes == {"约束性": F["binding_2021"], "预期性": F["expected_2021"]}
    binding = Counter(row["status"] for _, row in execution if row["attribute"] == "约束性")
    assert binding == {
        "完成": 3,
        "暂不执行": 1,
        "“十四五”期间统筹考虑": 1,
        "国家暂未下达目标值": 1,
        "暂无统计数据": 1,
    }
    unmet = [
        row["name"]
        for _, row in execution
        if row["attribute"] == "预期性" and row["status"] != "完成"
    ]
    assert unmet == ["民营经济增加值占地区生产总值的比重"]
    # sample values were chosen so that the rules agree with the reported statuses
    for key, row in execution:
        derived = status_of(execution, key).derived.status
        if derived != "待人工判定":
            assert derived == row["status"], (row["name"], derived)

    plan = sample_doc.table("indicators_2022")
    assert len(plan) == F["indicators_2022"] == 35
    assert Counter(row["attribute"] for _, row in plan) == {"约束性": 6, "预期性": 29}
    for name, target in F["targets_2022"].items():
        (key,) = plan.find("name", name)
        assert plan.value(key, "target") == target
        assert plan.provenance_of(key, "target") == prov.REPORT
    assert plan.provenance_of(plan.keys[1], "target") == prov.SAMPLE


def test_2021_projects_add_up_to_the_report(sample_doc):
    projects = sample_doc.table("projects_2021")
    assert len(projects) == F["projects_2021"] == 861
    assert sums(projects, "sector", "completed") == F["completed_by_sector_2021"]
    assert round(math.fsum(r["completed"] for _, r in projects), 4) == F["completed_2021"] == 4093
    assert (
        round(math.fsum(r["total_investment"] for _, r in projects), 4)
        == F["total_investment_2021"]
    )
    counts = Counter(r["funding"] for _, r in projects)
    completed = sums(projects, "funding", "completed")
    plan = sums(projects, "funding", "annual_plan")
    for funding, (count, money, share) in F["funding_2021"].items():
        assert counts[funding] == count
        assert completed[funding] == money
        assert round(completed[funding] / plan[funding] * 100, 1) == share


def test_2022_projects_add_up_to_the_report(sample_doc):
    projects = sample_doc.table("projects_2022")
    assert len(projects) == 850
    counts = Counter(r["sector"] for _, r in projects)
    plan = sums(projects, "sector", "annual_plan")
    for sector, (count, money) in F["by_sector_2022"].items():
        assert counts[sector] == count and plan[sector] == money
    by_funding = Counter(r["funding"] for _, r in projects)
    plan_funding = sums(projects, "funding", "annual_plan")
    for funding, (count, money) in F["funding_2022"].items():
        assert by_funding[funding] == count and plan_funding[funding] == money
    assert round(math.fsum(r["annual_plan"] for _, r in projects), 4) == 3570
    assert round(math.fsum(r["total_investment"] for _, r in projects), 4) == 25000
    assert all(r["completed"] is None for _, r in projects)


@pytest.mark.parametrize("table_id", ["projects_2021", "projects_2022"])
def test_sample_projects_are_plausible(sample_doc, table_id):
    projects = sample_doc.table(table_id)
    names = [r["name"] for _, r in projects]
    assert len(set(names)) == len(names)
    for key, row in projects:
        assert row["annual_plan"] > 0 and row["total_investment"] >= row["annual_plan"]
        if row["completed"] is not None:
            assert 0 < row["completed"] <= row["total_investment"]
            assert row["completion_rate"] == round(row["completed"] / row["annual_plan"] * 100, 1)
        assert projects.provenance_of(key, "completed") == prov.SAMPLE


def test_summaries_state_the_report_and_agree_with_the_rows(sample_doc):
    findings = []
    for table in sample_doc.tables.values():
        if table.kind == "summary":
            assert table.default_provenance == prov.REPORT
            findings += [
                (table.id, c.group, c.column) for c in compare(sample_doc, table) if not c.agrees
            ]
    # The only disagreement is real: the report's 115.8% was measured against the plan at the
    # start of the year, while the per-funding shares (110.1%, 117.1%) imply a larger plan.
    assert findings == [
        ("summary_2021_sector", "合计", "completion_rate"),
        ("summary_2021_funding", "合计", "completion_rate"),
    ]


def _numbers(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _numbers(v)
    elif isinstance(value, (int, float)):
        yield value
    elif isinstance(value, str):
        yield from (float(n) for n in re.findall(r"\d+(?:\.\d+)?", value))


def test_every_report_figure_is_in_the_report(seed_text):
    quoted = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", seed_text)}
    for key, value in F.items():
        for number in _numbers(value):
            as_quoted = {number, number / 10000}  # 26000亿 is written 2.6万亿
            assert as_quoted & quoted, f"{key}: {number} not in the report"
    for name in ("民营经济增加值占地区生产总值的比重", "城镇调查失业率", "居民消费价格涨幅"):
        assert name in seed_text
