"""Extraction on real reports of many provinces and cities (tests/core/data/reports).

Per-report precision and recall of value+unit and of subject against the hand labels, and
properties that must hold on every collected report: no figure from a date or a period, every
figure keeps its line and sentence.
"""

from __future__ import annotations

import re

import pytest

from tests.core.report_scores import (
    REPORTS,
    all_scores,
    read_report,
    report_lines,
    report_names,
)
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract


def statements_of(text: str):
    return extract(join_lines(text.split("\n")))


def test_the_collection_covers_ten_places_and_three_years():
    """Each excerpt names its source address, date and place on its first line."""
    places, years = set(), set()
    for name in report_names():
        first = (REPORTS / name).read_text(encoding="utf-8").splitlines()[0]
        fields = [f.strip() for f in first.split("|")]
        assert fields[0].startswith("# 来源: http"), name
        years.add(re.search(r"(?:19|20)\d\d", fields[1]).group())
        places.add(fields[2])
    assert len(places) >= 10 and len(years) >= 3, (places, years)


@pytest.mark.parametrize("score", all_scores(), ids=lambda s: s.report)
def test_labelled_figures_are_found_with_their_subject(score):
    assert score.precision >= 0.97, score.extra
    assert score.recall >= 0.97, score.missed
    assert score.subject >= 0.90, score.wrong_subject


@pytest.mark.parametrize("name", report_names())
def test_no_figure_is_a_date_a_period_or_an_ordinal(name):
    lines = report_lines(name)
    for stmt in read_report(name):
        assert stmt.line >= 2 and stmt.raw in "".join(lines[stmt.line - 1].split()) + "".join(
            "".join(line.split()) for line in lines[stmt.line :]
        )
        assert stmt.unit not in ("月", "季度") and not stmt.raw.startswith("第")
        assert not (stmt.unit == "年" and stmt.value >= 100), stmt.raw
        assert not (stmt.unit == "个" and re.search(r"个月|个季度", stmt.text[stmt.start :]))
        assert stmt.text, stmt


def test_spaces_and_line_breaks_between_number_and_unit():
    found = statements_of("全省地区生产总值 2.9 万亿元，增长 6. 0%，粮食产量\n1.4万亿\n斤。")
    assert [(s.value, s.unit, s.subject) for s in found] == [
        (2.9, "万亿元", "地区生产总值"),
        (6.0, "%", "地区生产总值增长"),
        (1.4, "万亿斤", "粮食产量"),
    ]


def test_units_of_the_one_table():
    found = statements_of(
        "新增用户12万户，新增装机300万千瓦，推广新能源汽车5万辆，改造老旧小区600万平方米，"
        "治理水土流失1200平方公里，建成5G基站2万座，粮食产量700亿斤，高标准农田300万亩。"
    )
    assert [s.unit for s in found] == [
        "万户",
        "万千瓦",
        "万辆",
        "万平方米",
        "平方公里",
        "万座",
        "亿斤",
        "万亩",
    ]


def test_periods_are_not_counts():
    found = statements_of("前11个月，全市固定资产投资增长5.1%；1—10月完成投资629亿元。")
    assert [(s.value, s.unit) for s in found] == [(5.1, "%"), (629, "亿元")]
    assert found[0].subject == "全市固定资产投资增长".removeprefix("全市")


def test_wan_ren_figures_are_named_by_their_clause():
    found = statements_of("城镇新增就业70万人以上，常住人口增加37万人，转移输出农村劳动力185万人。")
    assert [s.subject for s in found] == ["城镇新增就业", "常住人口增加", "转移输出农村劳动力"]


def test_milestones_and_chinese_numerals():
    found = statements_of(
        "经济总量迈上3万亿元台阶，资阳、雅安经济总量突破千亿元大关，一般公共预算收入迈上万亿元台阶，"
        "进出口总额突破1千亿美元，全省一百八十三个县，新增两万亩，坚持“两个确立”，五年年均增长5.2%。"
    )
    got = [(s.value, s.unit) for s in found]
    assert got == [
        (3, "万亿元"),
        (1000, "亿元"),
        (1, "万亿元"),
        (1000, "亿美元"),
        (183, "个"),
        (2, "万亩"),
        (5.2, "%"),
    ]
    assert found[0].subject == "经济总量" and found[2].subject == "一般公共预算收入"


def test_lists_share_out_subjects_and_bounds():
    found = statements_of("城镇居民、农村居民人均可支配收入分别增长7%、8%左右。")
    assert [(s.subject, s.qualifier) for s in found] == [
        ("城镇居民人均可支配收入增长", "左右"),
        ("农村居民人均可支配收入增长", "左右"),
    ]
    found = statements_of("其中一、二、三产业增加值分别增长4.9%、7.5%、8.8%。")
    assert [s.subject for s in found] == [
        "一产业增加值增长",
        "二产业增加值增长",
        "三产业增加值增长",
    ]


def test_a_figure_in_brackets_is_about_what_stands_before_it():
    found = statements_of("规模以上工业增加值增长5.2%，低于年初目标（6.5%）1.3个百分点。")
    assert [(s.value, s.subject, s.measure) for s in found][:2] == [
        (5.2, "规模以上工业增加值增长", None),
        (6.5, "年初目标", "target"),
    ]
