"""Target phrasings from DOMAIN.md §1–2 (real) and variants of them."""

import pytest

from workbench.core.targets import TargetRule, parse_target

CASES = [
    # text, op, value, low, high, unit
    ("5.5%左右", "approx", 5.5, None, None, "%"),
    ("国内生产总值增长5.5%左右", "approx", 5.5, None, None, "%"),
    ("控制在3%以内", "at_most", 3, None, 3, "%"),
    ("城镇调查失业率全年控制在5.5%以内", "at_most", 5.5, None, 5.5, "%"),
    ("6%以上", "at_least", 6, 6, None, "%"),
    ("城镇新增就业1100万人以上", "at_least", 1100, 1100, None, "万人"),
    ("1,100万人以上", "at_least", 1100, 1100, None, "万人"),
    ("居民消费价格涨幅3%左右", "approx", 3, None, None, "%"),
    ("粮食产量保持在1.3万亿斤以上", "at_least", 1.3, 1.3, None, "万亿斤"),
    ("单位国内生产总值能耗降低3%左右", "approx", 3, None, None, "%"),
    ("地区生产总值增长5%以上", "at_least", 5, 5, None, "%"),
    ("一般公共预算收入增长4%", "equal", 4, None, None, "%"),
    ("城镇调查失业率控制在5%以内", "at_most", 5, None, 5, "%"),
    ("地区生产总值增长6.5%左右", "approx", 6.5, None, None, "%"),
    ("全社会固定资产投资增长8%", "equal", 8, None, None, "%"),
    ("力争增长7.5%左右", "approx", 7.5, None, None, "%"),
    ("增长8%以上", "at_least", 8, 8, None, "%"),
    ("控制在1.3%以内", "at_most", 1.3, None, 1.3, "%"),
    ("6%-6.5%", "range", 6.25, 6, 6.5, "%"),
    ("6%至7%", "range", 6.5, 6, 7, "%"),
    ("6—6.5%", "range", 6.25, 6, 6.5, "%"),
    ("6～7%", "range", 6.5, 6, 7, "%"),
    ("增长6%到7%", "range", 6.5, 6, 7, "%"),
    ("103.0左右", "approx", 103.0, None, None, None),
    ("103", "equal", 103, None, None, None),
    ("-5.5%", "equal", -5.5, None, None, "%"),
    ("-2", "equal", -2, None, None, None),
    ("６％以上", "at_least", 6, 6, None, "%"),  # full-width digits and percent
    ("５．５％左右", "approx", 5.5, None, None, "%"),
    ("不低于5%", "at_least", 5, 5, None, "%"),
    ("不超过1.5%", "at_most", 1.5, None, 1.5, "%"),
    ("≥95%", "at_least", 95, 95, None, "%"),
    ("≤0.03人", "at_most", 0.03, None, 0.03, "人"),
    ("突破1000公里", "at_least", 1000, 1000, None, "公里"),
    ("60万人以上", "at_least", 60, 60, None, "万人"),
    ("100亿美元以上", "at_least", 100, 100, None, "亿美元"),
    ("2500万吨标准煤以上", "at_least", 2500, 2500, None, "万吨标准煤"),
    ("努力实现8%以上的增长", "at_least", 8, 8, None, "%"),
    ("高标准农田500万亩", "equal", 500, None, None, "万亩"),
    ("19 278.1亿元", "equal", 19278.1, None, None, "亿元"),
    ("提高0.6个百分点", "equal", 0.6, None, None, "个百分点"),
    ("70.2%", "equal", 70.2, None, None, "%"),
]


@pytest.mark.parametrize("text,op,value,low,high,unit", CASES)
def test_numeric_targets(text, op, value, low, high, unit):
    rule = parse_target(text)
    assert rule is not None
    assert rule.op == op, rule
    assert rule.value == pytest.approx(value)
    assert rule.low == (pytest.approx(low) if low is not None else None)
    assert rule.high == (pytest.approx(high) if high is not None else None)
    assert rule.unit == unit
    assert rule.raw == text


QUALITATIVE = [
    "完成国家下达目标",
    "完成国家下达任务",
    "完成省定指标",
    "减排完成省定指标",
    "稳中提质",
    "进出口保稳提质",
    "居民收入稳步增长",
    "居民收入稳定增长",
    "主要污染物排放量继续下降",
    "国际收支基本平衡",
    "保持适度增长",
    "稳步提高",
    "能耗强度目标在“十四五”规划期内统筹考核",
    "在“十四五”规划期内统筹考虑",
    "生态环境质量、能源、水资源等指标按国家要求落实",
    "2022年完成国家下达目标",  # a year is not a target value
    "暂不执行",
]


@pytest.mark.parametrize("text", QUALITATIVE)
def test_qualitative_targets(text):
    rule = parse_target(text)
    assert rule is not None and rule.op == "qualitative", rule


RELATIVE = [
    ("与经济增长基本同步", "经济增长", "sync", None),
    ("居民收入增长与经济增长基本同步", "经济增长", "sync", None),
    ("居民人均可支配收入增长与经济增长同步", "经济增长", "sync", None),
    ("高于全国平均水平", "全国平均水平", "above", None),
    ("比全国高2个百分点左右", "全国", "offset", 2.0),
    ("增速均高于GDP增速", "GDP增速", "above", None),
    ("进出口总额增长高于经济增速", "经济增速", "above", None),
    ("比全省低1个百分点", "全省", "offset", -1.0),
]


@pytest.mark.parametrize("text,ref,relation,value", RELATIVE)
def test_relative_targets(text, ref, relation, value):
    rule = parse_target(text)
    assert rule.op == "relative"
    assert rule.ref == ref
    assert rule.relation == relation
    assert rule.value == value


@pytest.mark.parametrize("text", [None, "", "  ", "-", "—", "－", "/", "——"])
def test_no_target(text):
    assert parse_target(text) is None


def test_soft_flag_and_roundtrip_through_dict():
    rule = parse_target("力争增长7.5%左右")
    assert rule.soft
    assert TargetRule.from_dict(rule.to_dict()) == rule
    data = parse_target("5.5%以内").to_dict()
    assert data == {
        "op": "at_most",
        "raw": "5.5%以内",
        "value": 5.5,
        "high": 5.5,
        "unit": "%",
        "why": "“以内”：上限；目标值 5.5%",
    }
    # A rule saved before `why` existed still loads.
    old = {"op": "at_most", "raw": "5.5%以内", "value": 5.5, "high": 5.5, "unit": "%"}
    assert TargetRule.from_dict(old).op == "at_most"


def test_number_cell_is_an_equal_target():
    assert parse_target(10).op == "equal"
    assert parse_target(10.5).value == 10.5


def test_at_least_forty_phrasings_are_covered():
    assert len(CASES) + len(QUALITATIVE) + len(RELATIVE) >= 40
