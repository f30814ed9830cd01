"""Verdicts on real (target, actual) pairs that must never flip.

Pairs from the collected reports (tests/core/data/reports): the national targets of 2022
(national_2022_gwr.txt) against the 2022 results reported a year later
(national_2023_gwr_review.txt), and the cut written with a minus sign of issue 22.
"""

from __future__ import annotations

import pytest

from workbench.core.status import (
    DONE,
    JUDGE,
    MOSTLY,
    NOT_DONE,
    derive_status,
    direction_for,
    names_a_decrease,
    read_actual,
)
from workbench.core.targets import parse_target


def judge(name: str, target: str, actual):
    return derive_status(
        parse_target(target), actual, direction_for(name), decrease=names_a_decrease(name)
    )


@pytest.mark.parametrize(
    ("name", "target", "actual", "expected"),
    [
        ("国内生产总值增长", "5.5%左右", 3.0, NOT_DONE),
        ("城镇新增就业", "1100万人以上", 1206, DONE),
        ("城镇调查失业率", "控制在5.5%以内", 5.5, DONE),
        ("居民消费价格涨幅", "3%左右", 2.0, DONE),
        ("粮食产量", "1.3万亿斤以上", 1.37, DONE),
        ("居民收入增长", "居民收入增长与经济增长基本同步", 2.9, JUDGE),
        ("单位地区生产总值能耗降低率", "-5", -6.04, DONE),
        ("单位地区生产总值能耗降低率", "-5", -4.2, NOT_DONE),
    ],
)
def test_real_pairs(name, target, actual, expected):
    result = judge(name, target, actual)
    assert result.status == expected, result


@pytest.mark.parametrize("cut", [3.0, 4.6, 4.9, 5.0, 5.3, 6.04])
@pytest.mark.parametrize("target", ["5", "5左右", "5以上"])
def test_a_cut_is_judged_the_same_however_its_sign_is_written(cut, target):
    name = "单位地区生产总值能耗降低"
    sizes = judge(name, target, cut).status
    assert judge(name, f"-{target}", -cut).status == sizes
    assert judge(name, target, -cut).status == sizes


def test_the_wrong_side_of_about_is_never_done_and_says_why():
    for actual in (5.01, 5.3, 5.49):
        result = judge("地区生产总值增长", "5.5%左右", actual)
        assert result.status == MOSTLY and "不利一侧" in result.reason
    price = judge("居民消费价格涨幅", "3%左右", 3.2)
    assert price.status == MOSTLY and "高于" in price.reason


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("接近6万亿元", "5.5万亿元以上", 6.0),  # 河南 2021: 生产总值接近6万亿元
        ("超过1200万人", "1100万人以上", 1200.0),
        ("基本持平", "6%左右", 0.0),
        ("1.37万亿斤", "13000亿斤以上", 13700.0),
    ],
)
def test_actuals_in_words_are_read_where_they_can_be(text, target, value):
    read, note = read_actual(text, parse_target(target))
    assert read == pytest.approx(value) and (text in note or not note)


def test_actuals_that_words_cannot_settle_go_to_a_person_with_the_words():
    result = judge("粮食产量", "1.3万亿斤以上", "创历史新高")  # national 2022
    assert result.status == JUDGE and "创历史新高" in result.reason
    close = judge("地区生产总值", "6万亿元以上", "接近6万亿元")
    assert close.status == JUDGE and "接近6万亿元" in close.reason
    assert judge("地区生产总值", "5.5万亿元以上", "接近6万亿元").status == DONE
