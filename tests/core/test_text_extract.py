"""Quantities read out of report prose: joining broken lines, units, subjects, lines."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.core.text_seed import GOLD, load_seed_lines
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract


def statements_of(text: str):
    return extract(join_lines(text.split("\n")))


@pytest.fixture(scope="module")
def seed_statements():
    return extract(join_lines(load_seed_lines()))


def test_lines_broken_mid_number_are_joined_and_keep_their_line():
    text = "2022年，计划实施市级重大建设项目850个，总投资约2.5万\n\n亿元，年度计划投资约3570亿元。"
    found = statements_of(text)
    money = next(s for s in found if s.unit == "万亿元")
    assert (money.value, money.raw, money.line) == (2.5, "约2.5万\n\n亿元".replace("\n", ""), 1)
    assert money.amount_yi == 25000
    plan = next(s for s in found if s.value == 3570)
    assert plan.line == 3 and plan.measure == "annual_plan" and plan.year == 2022


def test_a_short_line_or_a_sentence_end_starts_a_paragraph():
    joined = join_lines(
        [
            "（四）重大项目安排",
            "2022年，计划实施市级重大建设项目850个，总投资约2.5万",
            "亿元，年度计划投资约3570亿元（暂列）。重点投向领域包括：科技",
            "创新项目15个，年度计划投资14亿元。",
        ]
    )
    assert joined.text.split("\n")[0] == "（四）重大项目安排"
    assert "科技创新项目15个" in joined.text
    assert joined.line_at(joined.text.index("创新项目")) == 4


def test_years_codes_and_ordinals_are_not_quantities():
    found = statements_of(
        "2021年计划草案明确，加快江北机场T3B航站楼建设，推进5G网络，量产第6代面板，"
        "研究市域铁路C7线，构建“8611”体系，创建5A级景区，实施1250项改造项目。"
    )
    assert [(s.value, s.unit) for s in found] == [(1250, "项")]


def test_full_width_digits_and_qualifiers():
    found = statements_of("城镇调查失业率控制在５．５％以内，居民收入增长7%左右。")
    assert [(s.value, s.unit, s.qualifier) for s in found] == [(5.5, "%", "以内"), (7, "%", "左右")]
    assert found[0].subject == "城镇调查失业率" and found[0].measure == "target"


def test_wan_yi_and_yi_compare():
    a, b = statements_of("项目总投资2.6万亿元，另一口径总投资26000亿元。")
    assert a.comparable == b.comparable == 26000
    assert a.tolerance == pytest.approx(500)  # "2.6" is rounded to 0.1万亿元
    assert b.tolerance == pytest.approx(0.5)


def test_lists_shared_out_by_fenbie():
    found = statements_of(
        "从投资来源看，269个政府投资项目和592个企业投资项目，分别完成投资1349亿元、2744亿元，"
        "占年度计划的110.1%、117.1%。"
    )
    got = [(s.value, s.group, s.measure) for s in found]
    assert got == [
        (269, "政府投资", "count"),
        (592, "企业投资", "count"),
        (1349, "政府投资", "completed"),
        (2744, "企业投资", "completed"),
        (110.1, "政府投资", "completion_rate"),
        (117.1, "企业投资", "completion_rate"),
    ]


def test_every_quantity_of_the_seed_with_unit_subject_and_line(seed_statements):
    got = [(s.line, s.raw, s.unit, s.subject) for s in seed_statements]
    assert len(got) == len(GOLD), [g[:2] for g in got]
    for (line, raw, unit, subject), (g_line, g_raw, g_unit, words) in zip(got, GOLD, strict=True):
        assert (line, raw, unit) == (g_line, g_raw, g_unit)
        for word in words:
            assert word in subject, (line, raw, subject, word)


def test_seed_indicator_counts_carry_attribute_status_and_year(seed_statements):
    counts = [s for s in seed_statements if s.measure == "indicator_count"]
    assert [(s.year, s.value, s.attribute, s.status is not None) for s in counts] == [
        (2021, 36, None, False),
        (2021, 7, "约束性", False),
        (2021, 1, "约束性", True),
        (2021, 1, "约束性", True),
        (2021, 1, "约束性", True),
        (2021, 1, "约束性", True),
        (2021, 29, "预期性", False),
        (2022, 35, None, False),
        (2022, 6, "约束性", False),
        (2022, 29, "预期性", False),
    ]


def test_seed_sector_list_groups_and_years(seed_statements):
    by_line = [s for s in seed_statements if s.line in (62, 63) and s.unit == "亿元"]
    assert [s.group for s in by_line] == [
        "科技创新",
        "成渝地区双城经济圈",
        "产业提升",
        "乡村振兴",
        "城市提升",
        "生态能源",
        "社会民生",
    ]
    assert {s.year for s in by_line} == {2021}
    assert all(s.measure == "completed" for s in by_line)


ALPHABET = "0123456789.％%个项家亿万元公里年度约左右以内上分别、，。；：（）\n 项目指标约束性预期性完成投资占年度计划的其中和"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
@example(
    "实施市级重大建设项目861个，全年完成投资4093亿元，为年度计划的0%。从投资来源看，269个政府投资"
    "项目和592个企业投资项目，分别完成投资1亿元、0亿元，为年度计划的0%、0.0%。"
)
@example("编号" + "9" * 5000 + "个项目")
def test_any_text_is_read_without_error(text):
    """Whatever the prose, reading it and checking it against itself never raises, and every
    statement points at a line of the text."""
    lines = text.split("\n")
    found = extract(join_lines(lines))
    for stmt in found:
        assert 1 <= stmt.line <= len(lines)
        assert stmt.unit and stmt.raw
    from workbench.core.text.review import text_findings

    text_findings(None, found)


def test_a_progress_bulletin_with_ascii_punctuation_and_asides():
    """Worded like a city's monthly bulletin on its key projects (structure modelled on
    https://456150.com.cn/bmpd/jmsfzhggj/zwgk/tjfx/zdxmxxtj/content/post_1584634.html):
    half-width punctuation, a count in brackets, month ranges, percentage points."""
    found = statements_of(
        "今年全市安排重点建设项目444项(打包项目拆分后共569项),项目总投资5141亿元,年度投资计划"
        "647.4亿元。1-10月项目累计完成投资629.0亿元,占年度投资计划的97.2%,超过时间进度13.8个百分点。"
    )
    got = [(s.raw, s.unit, s.measure) for s in found]
    assert got == [
        ("444项", "项", "count"),
        ("569项", "项", "count"),
        ("5141亿元", "亿元", "total_investment"),
        ("647.4亿元", "亿元", "annual_plan"),
        ("629.0亿元", "亿元", "completed"),
        ("97.2%", "%", "completion_rate"),
        ("13.8个百分点", "个百分点", None),
    ]
    assert found[2].subject == "重点建设项目总投资" and found[2].is_whole
    assert found[1].in_brackets and found[3].decimals == 1
