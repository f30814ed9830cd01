"""The report's text against the sample plan's tables and against itself."""

from __future__ import annotations

import pytest

from tests.core.text_seed import load_seed_lines
from workbench.core.checks import Finding
from workbench.core.edits import CellChange, SetCells
from workbench.core.text.figures import match_all
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract
from workbench.core.text.review import text_findings


def statements_of(lines: list[str]):
    return extract(join_lines(lines))


def replace_on(lines: list[str], line: int, old: str, new: str) -> list[str]:
    """The seed with one figure changed on one (1-based) line."""
    assert old in lines[line - 1], (line, lines[line - 1])
    out = list(lines)
    out[line - 1] = out[line - 1].replace(old, new, 1)
    return out


@pytest.fixture(scope="module")
def seed():
    return load_seed_lines()


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_every_table_figure_the_seed_quotes_is_matched_and_agrees(seed, sample_doc):
    matches = match_all(sample_doc, statements_of(seed))
    # 7 + 3 indicator counts of 2021/2022, 4 rate targets and one count target ("高新技术
    # 企业5500家以上"), 2021: 4 totals + 7 sectors + 6 by funding; 2022: 3 totals + 12 by
    # sector + 4 by funding.
    assert len(matches) == 10 + 5 + 17 + 19
    assert [m for m in matches if not m.agrees] == []
    columns = {(m.figure.table, m.figure.column) for m in matches}
    assert ("summary_2021_funding", "completion_rate") in columns
    assert ("summary_2022_sector", "annual_plan") in columns
    assert ("indicators_2022", "target") in columns


def test_the_seed_disagrees_with_itself_only_on_the_implied_plan(seed, sample_doc):
    findings = text_findings(sample_doc, statements_of(seed))
    assert [f.rule for f in findings] == ["text_implied_base"]
    (finding,) = findings
    values = finding.values
    # 4093 ÷ 115.8% against 1349 ÷ 110.1% + 2744 ÷ 117.1%
    assert values["whole_base"] == pytest.approx(4093 / 1.158, abs=0.01)
    assert values["part_bases"] == {
        "政府投资": pytest.approx(1349 / 1.101, abs=0.01),
        "企业投资": pytest.approx(2744 / 1.171, abs=0.01),
    }
    assert values["rate_from_parts"] == pytest.approx(
        4093 / (1349 / 1.101 + 2744 / 1.171) * 100, abs=0.01
    )
    assert round(values["rate_from_parts"], 1) == 114.7
    assert values["lines"] == [60, 65]
    assert "114.7%" in finding.message and "115.8%" in finding.message
    # it points at the stated whole rate in the tables
    assert finding.column == "completion_rate"
    assert sample_doc.tables[finding.table].rows[finding.row]["group"] == "合计"


def test_a_figure_the_tables_do_not_hold_is_found_with_both_places(seed, sample_doc):
    changed = replace_on(seed, 62, "370亿元", "380亿元")
    findings = text_findings(sample_doc, statements_of(changed))
    (table,) = by_rule(findings, "text_table")
    assert table.values["line"] == 62 and table.values["text"] == "380亿元"
    assert table.table == "summary_2021_sector" and table.column == "completed"
    assert sample_doc.tables[table.table].rows[table.row]["group"] == "科技创新"
    assert table.values["difference"] == pytest.approx(10)
    # and the sectors no longer add up to the whole
    (parts,) = by_rule(findings, "text_parts")
    assert parts.values["parts"] == pytest.approx(4103) and parts.values["whole"] == 4093


def test_wan_yi_total_against_yi_cell(seed, sample_doc):
    assert not by_rule(text_findings(sample_doc, statements_of(seed)), "text_table")
    changed = replace_on(seed, 59, "2.6万亿元", "2.8万亿元")
    (finding,) = by_rule(text_findings(sample_doc, statements_of(changed)), "text_table")
    assert finding.column == "total_investment" and finding.values["table_value"] == 26000
    assert finding.values["difference"] == pytest.approx(2000)


def test_indicator_counts_by_attribute(seed, sample_doc):
    changed = replace_on(seed, 50, "7项约束性", "8项约束性")
    findings = text_findings(sample_doc, statements_of(changed))
    (table,) = by_rule(findings, "text_table")
    assert table.table == "indicators_2021" and table.values["table_value"] == 7
    (parts,) = by_rule(findings, "text_indicator_parts")
    assert parts.values == {"line": 48, "whole": 36, "parts": 37}


def test_a_binding_indicator_not_met_contradicts_the_rest_were_met(seed, sample_doc):
    table = sample_doc.tables["indicators_2021"]
    key = next(k for k, r in table if r["name"] == "森林覆盖率")
    sample_doc.apply(SetCells(table.id, (CellChange(key, "status", "未完成"),)))
    findings = text_findings(sample_doc, statements_of(seed))
    status = by_rule(findings, "text_indicator_status")
    assert [(f.row, f.column) for f in status] == [(key, "status")]
    assert "森林覆盖率" in status[0].message and "其余" in status[0].message


def test_an_expected_indicator_the_report_does_not_name(seed, sample_doc):
    table = sample_doc.tables["indicators_2021"]
    named = next(k for k, r in table if r["name"] == "民营经济增加值占地区生产总值的比重")
    other = next(k for k, r in table if r["name"] == "城镇新增就业")
    sample_doc.apply(
        SetCells(
            table.id,
            (CellChange(named, "status", "完成"), CellChange(other, "status", "未完成")),
        )
    )
    status = by_rule(text_findings(sample_doc, statements_of(seed)), "text_indicator_status")
    assert {f.row for f in status} == {named, other}
    assert all(f.values["line"] == 53 for f in status)


def test_funding_counts_that_do_not_add_up(seed, sample_doc):
    changed = replace_on(seed, 63, "592个", "582个")
    findings = text_findings(None, statements_of(changed))
    (parts,) = by_rule(findings, "text_parts")
    assert parts.values["parts"] == 851 and parts.values["whole"] == 861
    assert parts.severity == "warning"  # fewer: the list may not be complete


@pytest.mark.parametrize(
    "rate, found", [("114.7%", 0), ("114.8%", 0), ("115.0%", 1), ("115.8%", 1)]
)
def test_implied_bases_allow_the_rounding_of_the_rates(rate, found):
    lines = [
        f"2021年，实施市级重大建设项目861个，全年完成投资4093亿元，占年度计划的{rate}。",
        "从投资来源看，269个政府投资项目和592个企业投资项目，分别完成投资",
        "1349亿元、2744亿元，占年度计划的110.1%、117.1%。",
    ]
    findings = by_rule(text_findings(None, statements_of(lines)), "text_implied_base")
    assert len(findings) == found


def test_a_table_of_figures_by_year_is_not_the_indicator_annex(seed):
    from workbench.core.document import PlanDocument
    from workbench.core.table import Table

    doc = PlanDocument(exec_year=2021, plan_year=2022)
    series = Table(id="indicators_1", kind="indicators", title="固定资产投资增速", year=2022)
    for name in ("北京", "天津", "河北"):
        series.append({"name": name, "unit": "%", "actual": 5.0})
    doc.add_table(series)
    statements = statements_of(seed)
    assert [m for m in match_all(doc, statements) if m.statement.measure == "indicator_count"] == []
    assert by_rule(text_findings(doc, statements), "text_table") == []


def test_a_target_the_annex_states_otherwise(seed, sample_doc):
    changed = replace_on(seed, 132, "5.5%左右", "6%左右")
    (finding,) = by_rule(text_findings(sample_doc, statements_of(changed)), "text_table")
    assert finding.table == "indicators_2022" and finding.column == "target"
    assert sample_doc.tables[finding.table].rows[finding.row]["name"] == "地区生产总值增长"
    assert finding.values["table_value"] == "5.5%左右" and finding.values["line"] == 132
    changed = replace_on(seed, 132, "5.5%以内", "5.5%左右")  # 失业率: 以内 → 左右
    (finding,) = by_rule(text_findings(sample_doc, statements_of(changed)), "text_table")
    assert sample_doc.tables[finding.table].rows[finding.row]["name"] == "城镇调查失业率"
