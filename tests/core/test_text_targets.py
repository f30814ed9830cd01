"""Targets stated in a report's text, however written, read by the annex's own parser and
compared with the annex's target for the same indicator."""

from __future__ import annotations

from workbench.core.targets import TargetOp, parse_target, same_target
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract
from workbench.core.text.review import text_findings

# Worded as the lists of main targets in the collected reports (national 2022, 湖北 2025,
# 福建 2023, 安徽 2023, tests/core/data/reports).
TARGETS = (
    "2022年经济社会发展的主要预期目标是：地区生产总值增长6%，城镇新增就业80万人以上，"
    "城镇调查失业率控制在5.5%左右，单位地区生产总值能耗下降3%，粮食产量1080万吨以上，"
    "城镇、农村常住居民人均可支配收入分别增长7%、8%左右，出口增长4.5%-5%。"
)


def statements_of(text: str):
    return extract(join_lines(text.split("\n")))


def targets_of(text: str):
    return [s for s in statements_of(text) if s.measure == "target"]


def test_every_target_of_a_list_is_read_however_written():
    found = targets_of(TARGETS)
    rules = [(s.subject, parse_target(s.target_text)) for s in found]
    got = [(subject, r.op, r.value, r.unit) for subject, r in rules]
    assert got == [
        ("地区生产总值增长", TargetOp.EQUAL, 6.0, "%"),
        ("城镇新增就业", TargetOp.AT_LEAST, 80.0, "万人"),
        ("城镇调查失业率", TargetOp.APPROX, 5.5, "%"),  # 控制在…左右 keeps 左右
        ("单位地区生产总值能耗下降", TargetOp.EQUAL, 3.0, "%"),
        ("粮食产量", TargetOp.AT_LEAST, 1080.0, "万吨"),
        ("城镇常住居民人均可支配收入增长", TargetOp.APPROX, 7.0, "%"),
        ("农村常住居民人均可支配收入增长", TargetOp.APPROX, 8.0, "%"),
        ("出口增长", TargetOp.RANGE, 4.75, "%"),
    ]
    assert found[2].target_text == "控制在5.5%左右"


def test_estimates_and_results_are_not_targets():
    text = "初步预计，2022年地区生产总值增长3.5%左右，城镇新增就业75.4万人。"
    assert targets_of(text) == []


def test_same_target_converts_units_and_reads_bare_numbers():
    assert same_target(parse_target("1100万人以上"), parse_target("11000000人以上"))
    assert same_target(parse_target("6%"), parse_target("6%左右"))
    assert not same_target(parse_target("6%以上"), parse_target("6%左右"))
    assert not same_target(parse_target("6%"), parse_target("5.5%左右"))
    assert not same_target(parse_target("60万人以上"), parse_target("80万人以上"))


def test_text_targets_against_the_annex(sample_doc):
    # the sample's 2022 annex: 地区生产总值增长 5.5%左右, 城镇新增就业 60万人以上
    agree = "2022年主要预期目标是：地区生产总值增长5.5%，城镇新增就业60万人以上。"
    assert [
        f for f in text_findings(sample_doc, statements_of(agree)) if f.rule == "text_table"
    ] == []
    differ = "2022年主要预期目标是：地区生产总值增长6%，城镇新增就业80万人以上。"
    found = [f for f in text_findings(sample_doc, statements_of(differ)) if f.rule == "text_table"]
    names = [sample_doc.tables[f.table].rows[f.row]["name"] for f in found]
    assert names == ["地区生产总值增长", "城镇新增就业"]
    assert found[0].values["table_value"] == "5.5%左右" and "6%" in found[0].message
