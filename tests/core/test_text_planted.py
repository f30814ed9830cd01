"""Errors planted in copies of real reports are caught; the real reports raise nothing.

Each case changes one figure (or adds one clause) of a collected report the way a drafting
or copying slip would, and expects the check a reviewer would make by hand to name both
places and the arithmetic.
"""

from __future__ import annotations

import pytest

from tests.core.report_scores import report_lines, report_names
from workbench.core.text.consistency import check_text
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract


def problems(lines: list[str]):
    return check_text(extract(join_lines(lines)))


def planted(name: str, line: int, old: str, new: str) -> list[str]:
    lines = report_lines(name)
    assert old in lines[line - 1], (name, line, old)
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return lines


@pytest.mark.parametrize("name", report_names())
def test_no_false_alarm_on_a_real_report(name):
    assert problems(report_lines(name)) == []


PLANTED = [
    # a part larger than its whole (其中 list of the county's key projects)
    ("minhou_2023_projects.txt", 2, "在建项目185项", "在建项目285项", "text_parts"),
    ("minhou_2023_projects.txt", 2, "总投资1330.5亿元", "总投资2330.5亿元", "text_parts"),
    # one sector's completed investment raised: the sectors exceed the whole (sentence by sentence)
    ("chongqing_2023_projects.txt", 3, "完成投资2926.9亿元", "完成投资3926.9亿元", "text_parts"),
    # a completion rate that is not completed ÷ plan
    (
        "minhou_2023_projects.txt",
        2,
        "占年计划投资的64.49%",
        "占年计划投资的46.49%",
        "text_completion_rate",
    ),
    (
        "jiangmen_projects.txt",
        2,
        "占年度投资计划的97.2%",
        "占年度投资计划的92.7%",
        "text_completion_rate",
    ),
    # a growth rate that is not the increase over the base
    ("jiangmen_projects.txt", 3, "同比增长95.66%", "同比增长59.66%", "text_growth_levels"),
    # a gap to the share of the year gone by
    (
        "jiangmen_projects.txt",
        3,
        "超过时间进度5.90个百分点",
        "超过时间进度9.50个百分点",
        "text_point_gap",
    ),
    # a lost decimal point
    ("fujian_2021_plan.txt", 3, "增长8.0%", "增长80%", "text_implausible"),
    ("zhejiang_2022_stats.txt", 2, "比上年增长3.1%", "比上年增长310%", "text_implausible"),
]


@pytest.mark.parametrize(("name", "line", "old", "new", "rule"), PLANTED)
def test_a_planted_error_is_caught(name, line, old, new, rule):
    found = [p for p in problems(planted(name, line, old, new)) if p.rule == rule]
    assert found, [p.message for p in problems(planted(name, line, old, new))]
    assert str(line) in found[0].message


def test_a_point_gap_against_the_target_in_brackets():
    # fujian_2021: the GDP growth (8.0%) with the year's target written beside it
    right = planted(
        "fujian_2021_plan.txt", 3, "增长8.0%，", "增长8.0%，高于年初目标（6.5%）1.5个百分点，"
    )
    assert problems(right) == []
    wrong = planted(
        "fujian_2021_plan.txt", 3, "增长8.0%，", "增长8.0%，高于年初目标（6.5%）2.5个百分点，"
    )
    (found,) = [p for p in problems(wrong) if p.rule == "text_point_gap"]
    assert "8−6.5" in found.message and "1.5个百分点" in found.message


def test_the_same_target_stated_twice():
    lines = report_lines("hubei_2025_gwr.txt")
    assert problems([*lines, "全年城镇新增就业70万人以上。"]) == []
    changed = [*lines, "2025年，城镇调查失业率控制在5%左右。"]
    (found,) = [p for p in problems(changed) if p.rule == "text_stated_twice"]
    assert "城镇调查失业率" in found.message and found.values["lines"] == [3, 4]
