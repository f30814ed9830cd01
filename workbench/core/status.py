"""Decide whether a target was met, and say why in the words of a review ("8.3 ≥ 6，完成").

DOMAIN.md §3.2: direction belongs to the indicator (unemployment "5.5%左右" is a ceiling, GDP
"5.5%左右" a floor); 左右 has a tolerance the reviewer can change; within the tolerance on the
wrong side is 基本完成; a reviewer's own verdict always wins and is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.numbers import format_number
from workbench.core.targets import TargetRule

DONE = "完成"
MOSTLY = "基本完成"
NOT_DONE = "未完成"
NO_DATA = "暂无数据"
JUDGE = "待人工判定"

# Indicator names whose value is better when lower. Names that say the value is a decrease
# ("能耗降低", "排放下降") measure the size of the cut, so a higher figure is better there.
_LOWER_BETTER_WORDS = (
    "失业率",
    "消费价格",
    "价格涨幅",
    "CPI",
    "能源消费总量",
    "能源消耗总量",
    "用水总量",
    "死亡率",
    "事故",
    "债务率",
    "浓度",
    "不良率",
    "恩格尔",
    "基尼",
)
_DECREASE_WORDS = ("降低", "下降", "减少", "削减")


def direction_for(name: str | None, unit: str | None = None) -> str:
    """Default direction from the indicator's name; a reviewer can set it per row."""
    text = name or ""
    if any(word in text for word in _DECREASE_WORDS):
        return "higher"
    if any(word in text for word in _LOWER_BETTER_WORDS):
        return "lower"
    return "higher"


@dataclass(frozen=True)
class StatusPolicy:
    """Tolerances: percentage points for % targets, a share of the target for levels."""

    percent_tolerance: float = 0.5
    level_tolerance_ratio: float = 0.02

    def tolerance(self, rule: TargetRule, nominal: float) -> float:
        unit = rule.unit or ""
        if unit in ("%", "个百分点", "百分点", "‰") or unit == "":
            if unit == "" and abs(nominal) > 50:  # an index like 103 or a plain level
                return abs(nominal) * self.level_tolerance_ratio
            return self.percent_tolerance
        return abs(nominal) * self.level_tolerance_ratio


@dataclass(frozen=True)
class StatusResult:
    status: str
    reason: str
    gap: float | None = None  # actual minus the nominal target, in the target's unit


def _n(value: float) -> str:
    return format_number(round(value, 4))


def _floor(actual: float, bound: float, tol: float, text: str) -> StatusResult:
    gap = actual - bound
    if actual >= bound:
        return StatusResult(DONE, f"{_n(actual)} ≥ {text}，完成", gap)
    if actual >= bound - tol:
        return StatusResult(MOSTLY, f"{_n(actual)} 略低于 {text}（差{_n(-gap)}），基本完成", gap)
    return StatusResult(NOT_DONE, f"{_n(actual)} < {text}（差{_n(-gap)}），未完成", gap)


def _ceiling(actual: float, bound: float, tol: float, text: str) -> StatusResult:
    gap = actual - bound
    if actual <= bound:
        return StatusResult(DONE, f"{_n(actual)} ≤ {text}，完成", gap)
    if actual <= bound + tol:
        return StatusResult(MOSTLY, f"{_n(actual)} 略高于 {text}（超{_n(gap)}），基本完成", gap)
    return StatusResult(NOT_DONE, f"{_n(actual)} > {text}（超{_n(gap)}），未完成", gap)


def _band(actual: float, low: float, high: float, tol: float, text: str) -> StatusResult:
    if low <= actual <= high:
        return StatusResult(DONE, f"{_n(actual)} 在 {text} 内，完成", 0.0)
    gap = actual - (low if actual < low else high)
    if low - tol <= actual <= high + tol:
        return StatusResult(
            MOSTLY, f"{_n(actual)} 接近 {text}（偏离{_n(abs(gap))}），基本完成", gap
        )
    return StatusResult(NOT_DONE, f"{_n(actual)} 超出 {text}（偏离{_n(abs(gap))}），未完成", gap)


def derive_status(
    rule: TargetRule | None,
    actual: float | None,
    direction: str = "higher",
    policy: StatusPolicy | None = None,
    reference: float | None = None,
    actual_text: str | None = None,
) -> StatusResult:
    """Status from the parsed target and the actual figure.

    `reference` is the actual of the figure a relative target points at (经济增长 → GDP
    growth); without it a relative target needs a person's judgement.
    """
    policy = policy or StatusPolicy()
    if rule is None:
        if actual is None:
            return StatusResult(NO_DATA, "无目标、无执行数")
        return StatusResult(JUDGE, "未设定目标，需人工判定")
    if rule.op == "qualitative":
        return StatusResult(JUDGE, f"定性目标“{rule.raw}”，需人工判定")
    if actual is None:
        said = f"（{actual_text}）" if actual_text else ""
        return StatusResult(NO_DATA, f"暂无执行数{said}")

    if rule.op == "relative":
        if reference is None:
            return StatusResult(JUDGE, f"相对目标（参照{rule.ref}），缺参照值，需人工判定")
        tol = policy.percent_tolerance
        ref_text = f"{rule.ref}{_n(reference)}"
        if rule.relation == "sync":
            # "与经济增长基本同步": keeping pace is the floor for a higher-is-better figure
            # (income growing faster than GDP is met), the ceiling for a lower-is-better one.
            label = f"{ref_text}（基本同步，容差±{_n(tol)}）"
            if direction == "lower":
                return _ceiling(actual, reference + tol, tol, label)
            if direction == "band":
                return _band(actual, reference - tol, reference + tol, tol, label)
            return _floor(actual, reference - tol, tol, label)
        if rule.relation == "offset" and rule.value is not None:
            target = reference + rule.value
            text = f"{rule.ref}{_n(reference)}{'+' if rule.value >= 0 else ''}{_n(rule.value)}"
            if rule.approx:
                return _floor(actual, target - tol, tol, f"{text}（左右）")
            return _floor(actual, target, tol, text)
        if rule.relation == "below":
            return _ceiling(actual, reference, tol, ref_text)
        return _floor(actual, reference, tol, ref_text)

    unit = rule.unit or ""
    if rule.op == "range":
        assert rule.low is not None and rule.high is not None
        tol = policy.tolerance(rule, rule.high)
        text = f"{_n(rule.low)}–{_n(rule.high)}{unit}"
        if direction == "higher":
            return _floor(actual, rule.low, tol, f"区间下限{_n(rule.low)}{unit}")
        if direction == "lower":
            return _ceiling(actual, rule.high, tol, f"区间上限{_n(rule.high)}{unit}")
        return _band(actual, rule.low, rule.high, tol, text)

    assert rule.value is not None
    nominal = rule.value
    tol = policy.tolerance(rule, nominal)
    text = f"{_n(nominal)}{unit}"
    if rule.op == "at_least":
        return _floor(actual, nominal, tol, text)
    if rule.op == "at_most":
        return _ceiling(actual, nominal, tol, text)
    if rule.op == "approx":
        label = f"{text}左右（容差±{_n(tol)}）"
        if direction == "lower":
            return _ceiling(actual, nominal + tol, tol, label)
        if direction == "band":
            return _band(actual, nominal - tol, nominal + tol, tol, label)
        return _floor(actual, nominal - tol, tol, label)
    # equal: a bare number reads as a floor or a ceiling by direction.
    if direction == "lower":
        return _ceiling(actual, nominal, tol, text)
    if direction == "band":
        return _band(actual, nominal, nominal, tol, text)
    return _floor(actual, nominal, tol, text)
