"""The one unit table: conversions that plan reports need, exact where powers of ten meet."""

import pytest

from workbench.core import units


def test_money_converts_exactly_between_powers_of_ten():
    assert units.convert(113700, "万元", "亿元") == 11.37
    assert units.convert(2.9, "万亿元", "亿元") == 29000.0
    assert units.conversion("万元", "亿元") == ("/", 10000.0)
    assert units.to_yi(12500, "万元") == 1.25


def test_units_of_plan_reports_are_known():
    for name in (
        "万户",
        "万千瓦",
        "万辆",
        "万平方米",
        "平方公里",
        "亿斤",
        "万亩",
        "万亿元",
        "万座",
    ):
        assert units.unit(name) is not None, name


def test_grain_in_jin_and_tonnes_convert():
    # 1 斤 is half a kilogram: 1.4 万亿斤 of grain is 70,000 万吨.
    assert units.convert(1.4, "万亿斤", "万吨") == 70000.0


def test_units_of_different_things_do_not_convert():
    assert units.convert(5, "万人", "万户") is None
    assert units.convert(5, "%", "个百分点") is None
    assert units.convert(5, "亩", "不存在的单位") is None


def test_written_forms_are_normalised():
    assert units.unit("（％）").name == "%"
    assert units.unit(" 万元 ").name == "万元"


def test_longest_names_come_first():
    names = units.names_longest_first()
    assert names.index("万亿元") < names.index("亿元") < names.index("元")
    assert names.index("个百分点") < names.index("个")


# Bracketed text in annex headers and after indicator names, as published: 国家统计局 and
# provincial 国民经济和社会发展计划 annexes (e.g. "能源消费总量（万吨标准煤）", "森林覆盖率（%）",
# "港口集装箱吞吐量（万标箱）", "耕地保有量（千公顷）", "每千人口执业（助理）医师数（人）").
@pytest.mark.parametrize(
    "text",
    [
        "万元",
        "（%）",
        "万千瓦",
        "千公顷",
        "微克/立方米",
        "吨标准煤/万元",
        "元/人",
        "人/10万人",
        "万元，现价",
        "个百分点",
        "平方千米",
        "万标箱",
        "千克标准煤",
        "张/千人",
        "岁",
    ],
)
def test_bracketed_units_are_units(text):
    assert units.names_unit(text)


@pytest.mark.parametrize(
    "text", ["一期", "含地方", "助理", "含个体户", "试点", "口径调整", "2023", "续建", "现价", "万"]
)
def test_bracketed_qualifiers_are_not_units(text):
    assert not units.names_unit(text)
