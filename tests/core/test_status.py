"""Status derivation, including the real judgements quoted in DOMAIN.md."""

import pytest

from workbench.core.status import (
    DONE,
    JUDGE,
    MOSTLY,
    NO_DATA,
    NOT_DONE,
    StatusPolicy,
    derive_status,
    direction_for,
)
from workbench.core.targets import parse_target


def status(target, actual, direction="higher", **kw):
    return derive_status(parse_target(target), actual, direction, **kw).status


@pytest.mark.parametrize(
    "target,actual,direction,expected",
    [
        ("6%以上", 8.3, "higher", DONE),  # Chongqing 2021 GDP: 高于预期目标2.3个百分点
        ("6%以上", 5.8, "higher", MOSTLY),
        ("6%以上", 5.0, "higher", NOT_DONE),
        ("5.5%以内", 5.4, "lower", DONE),
        ("5.5%以内", 5.8, "lower", MOSTLY),
        ("5.5%以内", 6.5, "lower", NOT_DONE),
        # Sichuan 2019 called CPI 3.2 "符合3%左右"; above X where less is better is the wrong
        # side of 左右: at best 基本完成 within the tolerance, never 完成 (issue 22).
        ("3%左右", 3.2, "lower", MOSTLY),
        (
            "6%左右",
            5.6,
            "lower",
            DONE,
        ),  # national 2020 unemployment 5.6 vs "around 6": outperforming
        ("3.5%左右", 2.5, "lower", DONE),  # national 2020 CPI
        ("5.5%左右", 5.6, "higher", DONE),
        ("5.5%左右", 5.2, "higher", MOSTLY),  # below a growth target: never 完成
        ("5.5%左右", 4.8, "higher", NOT_DONE),  # beyond the 0.5 tolerance
        ("5.5%左右", 3.0, "higher", NOT_DONE),
        ("5.5%左右", 5.5, "band", DONE),
        ("5.5%左右", 7.0, "band", NOT_DONE),
        ("6%-6.5%", 6.2, "band", DONE),
        ("6%-6.5%", 7.5, "higher", DONE),
        ("6%-6.5%", 5.8, "higher", MOSTLY),
        ("增长8%", 8.0, "higher", DONE),
        ("增长8%", 3.0, "higher", NOT_DONE),
        ("60万人以上", 70.67, "higher", DONE),
        ("60万人以上", 59.5, "higher", MOSTLY),  # 2% of 60 = 1.2万人
        ("60万人以上", 50.0, "higher", NOT_DONE),
        ("103.0左右", 102.1, "lower", DONE),  # NDRC CPI index 102.1 vs 103.0 approx
        ("完成国家下达目标", 1.0, "higher", JUDGE),
        ("稳中提质", 12.5, "higher", JUDGE),
        ("6%以上", None, "higher", NO_DATA),
    ],
)
def test_status(target, actual, direction, expected):
    assert status(target, actual, direction) == expected


def test_reason_reads_like_a_review():
    result = derive_status(parse_target("6%以上"), 8.3)
    assert result.reason == "8.3 ≥ 6%，完成"
    assert result.gap == pytest.approx(2.3)


def test_tolerance_is_configurable():
    # NDRC 2018: 9.0 against "10.0 approx." was called "as projected" — a wider tolerance
    # makes it 基本完成; the wrong side of 左右 is never 完成, and the reason says so.
    rule = parse_target("10%左右")
    assert derive_status(rule, 9.0).status == NOT_DONE
    wide = derive_status(rule, 9.0, policy=StatusPolicy(percent_tolerance=1.0))
    assert wide.status == MOSTLY and "不利一侧" in wide.reason


def test_relative_targets_need_the_reference():
    rule = parse_target("与经济增长基本同步")
    assert derive_status(rule, 9.7).status == JUDGE
    assert derive_status(rule, 9.7, reference=8.3).status == DONE
    assert derive_status(rule, 7.0, reference=8.3).status == NOT_DONE
    offset = parse_target("比全国高2个百分点")
    assert derive_status(offset, 8.5, reference=6.0).status == DONE
    assert derive_status(offset, 7.9, reference=6.0).status == MOSTLY


def test_no_actual_is_no_data():
    # The source's own words ("尚无统计数据") are kept as the row's status by the reader.
    result = derive_status(parse_target("6%以上"), None)
    assert result.status == NO_DATA and result.reason == "暂无执行数"


@pytest.mark.parametrize(
    "name,direction",
    [
        ("城镇调查失业率", "lower"),
        ("居民消费价格涨幅", "lower"),
        ("单位地区生产总值能源消耗降低", "higher"),
        ("地区生产总值增长", "higher"),
        ("能源消费总量", "lower"),
        ("亿元地区生产总值生产安全事故死亡率", "lower"),
    ],
)
def test_default_direction_from_name(name, direction):
    assert direction_for(name) == direction
