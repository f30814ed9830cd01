"""Decide whether a target was met, and say why in the words of a review ("8.3 ≥ 6，完成").

docs/review-rules.md §2: direction belongs to the indicator (unemployment "5.5%左右" is a ceiling, GDP
"5.5%左右" a floor); 左右 has a tolerance the reviewer can change; within the tolerance on the
wrong side is 基本完成; a reviewer's own verdict always wins and is kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from workbench.core.message import Message
from workbench.core.numbers import format_number, normalise_text
from workbench.core.targets import Relation, TargetOp, TargetRule
from workbench.core.units import convert
from workbench.core.vocab import NO_TARGET


class Direction(StrEnum):
    """Which way an indicator is better. The values are what saved files and JSON carry."""

    HIGHER = "higher"
    LOWER = "lower"
    BAND = "band"


DONE = "完成"
MOSTLY = "基本完成"
NOT_DONE = "未完成"
NO_DATA = "暂无数据"
JUDGE = "待人工判定"
# NO_TARGET ("无目标", vocab): a row of a statistics table, which states no targets.
UNJUDGED = frozenset({NO_DATA, JUDGE, NO_TARGET})  # statuses that are not a verdict

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


def direction_for(name: str | None, unit: str | None = None) -> Direction:
    """Default direction from the indicator's name; a reviewer can set it per row."""
    text = name or ""
    if any(word in text for word in _DECREASE_WORDS):
        return Direction.HIGHER
    if any(word in text for word in _LOWER_BETTER_WORDS):
        return Direction.LOWER
    return Direction.HIGHER


def names_a_decrease(name: str | None) -> bool:
    """ "能耗降低", "排放下降": the figure is the size of a cut."""
    return any(word in (name or "") for word in _DECREASE_WORDS)


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

    @property
    def problem(self) -> str:
        """Why these tolerances cannot be used ("" when they can): negative, not finite, or
        a share of the target above 100%."""
        for name, value in (
            ("percent_tolerance", self.percent_tolerance),
            ("level_tolerance_ratio", self.level_tolerance_ratio),
        ):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"容差“{name}”应为数值，而不是 {value!r}"
            if not math.isfinite(value) or value < 0:
                return f"容差“{name}”应为不小于 0 的数，而不是 {value}"
        if self.level_tolerance_ratio > 1:
            return f"总量类指标容差不能超过目标的 100%（{self.level_tolerance_ratio:g}）"
        return ""


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
        return StatusResult(
            DONE, Message("{actual} ≥ {target}，完成", actual=_n(actual), target=text), gap
        )
    if actual >= bound - tol:
        return StatusResult(
            MOSTLY,
            Message(
                "{actual} 略低于 {target}（差{gap}），基本完成",
                actual=_n(actual),
                target=text,
                gap=_n(-gap),
            ),
            gap,
        )
    return StatusResult(
        NOT_DONE,
        Message(
            "{actual} < {target}（差{gap}），未完成", actual=_n(actual), target=text, gap=_n(-gap)
        ),
        gap,
    )


def _ceiling(actual: float, bound: float, tol: float, text: str) -> StatusResult:
    gap = actual - bound
    if actual <= bound:
        return StatusResult(
            DONE, Message("{actual} ≤ {target}，完成", actual=_n(actual), target=text), gap
        )
    if actual <= bound + tol:
        return StatusResult(
            MOSTLY,
            Message(
                "{actual} 略高于 {target}（超{gap}），基本完成",
                actual=_n(actual),
                target=text,
                gap=_n(gap),
            ),
            gap,
        )
    return StatusResult(
        NOT_DONE,
        Message(
            "{actual} > {target}（超{gap}），未完成", actual=_n(actual), target=text, gap=_n(gap)
        ),
        gap,
    )


def _band(actual: float, low: float, high: float, tol: float, text: str) -> StatusResult:
    if low <= actual <= high:
        return StatusResult(
            DONE, Message("{actual} 在 {target} 内，完成", actual=_n(actual), target=text), 0.0
        )
    gap = actual - (low if actual < low else high)
    if low - tol <= actual <= high + tol:
        return StatusResult(
            MOSTLY,
            Message(
                "{actual} 接近 {target}（偏离{gap}），基本完成",
                actual=_n(actual),
                target=text,
                gap=_n(abs(gap)),
            ),
            gap,
        )
    return StatusResult(
        NOT_DONE,
        Message(
            "{actual} 超出 {target}（偏离{gap}），未完成",
            actual=_n(actual),
            target=text,
            gap=_n(abs(gap)),
        ),
        gap,
    )


def _approx(actual: float, nominal: float, tol: float, text: str, lower: bool) -> StatusResult:
    """ "X左右": met on the good side of X; on the wrong side (below a growth target, above a
    price or unemployment target) at best 基本完成 within the tolerance — never 完成."""
    gap = actual - nominal
    good = gap <= 0 if lower else gap >= 0
    if good:
        done = Message(
            "{actual} ≤ {target}，完成" if lower else "{actual} ≥ {target}，完成",
            actual=_n(actual),
            target=text,
        )
        return StatusResult(DONE, done, gap)
    words = dict(actual=_n(actual), target=text, gap=_n(abs(gap)), tol=_n(tol))
    if abs(gap) <= tol:
        within = Message(
            "{actual} 高于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成"
            if lower
            else "{actual} 低于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成",
            **words,
        )
        return StatusResult(MOSTLY, within, gap)
    beyond = Message(
        "{actual} 高于 {target}（差{gap}，超出容差±{tol}），未完成"
        if lower
        else "{actual} 低于 {target}（差{gap}，超出容差±{tol}），未完成",
        **words,
    )
    return StatusResult(NOT_DONE, beyond, gap)


_WORDS_NUMBER = re.compile(
    r"^(接近|近|约|大约|超过|超|逾|突破|达到|达)?\s*([+-]?\d+(?:\.\d+)?)\s*([^\d\s]*?)"
    r"\s*(左右|以上|多|余)?$"
)
_FLAT = ("基本持平", "持平")


def read_actual(text: str, rule: TargetRule) -> tuple[float | None, str]:
    """An actual written in words, read where it can be: ("接近6万亿元" → 6 in the target's
    unit, "约"), ("基本持平" → 0 for a growth rate). (None, why) when it cannot be read."""
    words = normalise_text(text).strip()
    match = _WORDS_NUMBER.match(words.replace(",", ""))
    if match:
        value, unit = float(match.group(2)), match.group(3)
        if unit and rule.unit and unit != rule.unit:
            converted = convert(value, unit, rule.unit)
            if converted is None:
                return None, Message(
                    "执行数“{words}”的单位与目标（{unit}）不同", words=words, unit=rule.unit
                )
            value = converted
        qualifier = (match.group(1) or "") + (match.group(4) or "")
        if qualifier in ("接近", "近"):
            return value, Message(
                "执行数写作“{words}”，按略低于{value}计", words=words, value=_n(value)
            )
        if qualifier in ("超过", "超", "逾", "突破", "以上", "多", "余"):
            return value, Message(
                "执行数写作“{words}”，按不低于{value}计", words=words, value=_n(value)
            )
        return value, Message(
            "执行数写作“{words}”，按{value}计", words=words, value=_n(value)
        ) if qualifier else ""
    if words in _FLAT and (rule.unit or "") in ("%", ""):
        return 0.0, Message("执行数写作“{words}”，按增长0计", words=words)
    return None, Message("执行数为文字“{words}”，需人工判定", words=words)


def _judge_words(rule: TargetRule, text: str, run: Callable[[float], StatusResult]) -> StatusResult:
    """Judge an actual written in words; a reading that leaves the verdict open goes to a person."""
    value, note = read_actual(text, rule)
    if value is None:
        return StatusResult(JUDGE, note)
    result = run(value)
    approach = "略低于" in note
    at_least = "不低于" in note
    near = result.gap is not None and abs(result.gap) <= 0.02 * abs(value) + 1e-9
    if result.status == DONE and approach and near:
        # "接近X" with X just at or above the floor: the figure may be under the floor.
        return StatusResult(
            JUDGE, Message("{note}，可能未达到目标，需人工判定", note=note), result.gap
        )
    if at_least and result.status != DONE:
        return StatusResult(JUDGE, Message("{note}，不足以判断，需人工判定", note=note), result.gap)
    return StatusResult(
        result.status,
        Message("{note}：{reason}", note=note, reason=result.reason) if note else result.reason,
        result.gap,
    )


def derive_status(
    rule: TargetRule | None,
    actual: float | str | None,
    direction: Direction | str = Direction.HIGHER,
    policy: StatusPolicy | None = None,
    reference: float | None = None,
    decrease: bool = False,
    statistics: bool = False,
    tolerance: float | None = None,
) -> StatusResult:
    """Status from the parsed target and the actual figure.

    `reference` is the actual of the figure a relative target points at (经济增长 → GDP
    growth); without it a relative target needs a person's judgement. `decrease` says the
    indicator's name states a cut ("能耗降低"): a cut written as a negative number (target
    −5, actual −6.04) is then compared as the cut it is, never with its sign flipped.
    `statistics` says the row belongs to an indicator-by-year table: without a target it has
    nothing to be judged against (无目标), which is neither missing data nor a puzzle.
    `tolerance` is a reviewer's own tolerance for this row, in the unit of its target; it
    replaces the plan's policy for the row.
    """
    policy = policy or StatusPolicy()
    own = None if tolerance is None else abs(tolerance)
    direction = Direction(direction)
    if rule is None and statistics:
        return StatusResult(
            NO_TARGET, Message("按年份排列的统计数据，没有目标可比，不判定完成情况")
        )
    if rule is None:
        if actual is None:
            return StatusResult(NO_DATA, Message("无目标、无执行数"))
        return StatusResult(JUDGE, Message("未设定目标，需人工判定"))
    if rule.uncertain:
        return StatusResult(JUDGE, Message("{why}，需人工判定", why=rule.uncertain))
    if rule.op == TargetOp.QUALITATIVE:
        return StatusResult(JUDGE, Message("定性目标“{target}”，需人工判定", target=rule.raw))
    if actual is None or (isinstance(actual, str) and not actual.strip()):
        return StatusResult(NO_DATA, Message("暂无执行数"))
    if isinstance(actual, str):
        return _judge_words(
            rule,
            actual,
            lambda value: derive_status(
                rule, value, direction, policy, reference, decrease, statistics, tolerance
            ),
        )
    signed = _signed_cut(rule, actual, direction, decrease)
    if isinstance(signed, StatusResult):
        return signed
    rule, actual, direction = signed

    if rule.op == TargetOp.RELATIVE:
        if reference is None:
            return StatusResult(
                JUDGE, Message("相对目标（参照{ref}），缺参照值，需人工判定", ref=rule.ref)
            )
        tol = policy.percent_tolerance if own is None else own
        ref_text = f"{rule.ref}{_n(reference)}"
        if rule.relation == Relation.SYNC:
            # "与经济增长基本同步": keeping pace is the floor for a higher-is-better figure
            # (income growing faster than GDP is met), the ceiling for a lower-is-better one.
            label = Message("{ref}（基本同步，容差±{tol}）", ref=ref_text, tol=_n(tol))
            if direction is Direction.LOWER:
                return _ceiling(actual, reference + tol, tol, label)
            if direction is Direction.BAND:
                return _band(actual, reference - tol, reference + tol, tol, label)
            return _floor(actual, reference - tol, tol, label)
        if rule.relation == Relation.OFFSET and rule.value is not None:
            target = reference + rule.value
            text = f"{rule.ref}{_n(reference)}{'+' if rule.value >= 0 else ''}{_n(rule.value)}"
            if rule.approx:
                return _floor(actual, target - tol, tol, Message("{target}（左右）", target=text))
            if rule.at_least:
                return _floor(actual, target, tol, Message("{target}（以上）", target=text))
            return _floor(actual, target, tol, text)
        if rule.relation == Relation.BELOW:
            return _ceiling(actual, reference, tol, ref_text)
        return _floor(actual, reference, tol, ref_text)

    unit = rule.unit or ""
    if rule.op == TargetOp.RANGE:
        assert rule.low is not None and rule.high is not None
        tol = policy.tolerance(rule, rule.high) if own is None else own
        text = f"{_n(rule.low)}–{_n(rule.high)}{unit}"
        if direction is Direction.HIGHER:
            return _floor(
                actual, rule.low, tol, Message("区间下限{low}", low=f"{_n(rule.low)}{unit}")
            )
        if direction is Direction.LOWER:
            return _ceiling(
                actual, rule.high, tol, Message("区间上限{high}", high=f"{_n(rule.high)}{unit}")
            )
        return _band(actual, rule.low, rule.high, tol, text)

    assert rule.value is not None
    nominal = rule.value
    tol = policy.tolerance(rule, nominal) if own is None else own
    text = f"{_n(nominal)}{unit}"
    if rule.op == TargetOp.AT_LEAST:
        return _floor(actual, nominal, tol, text)
    if rule.op == TargetOp.AT_MOST:
        return _ceiling(actual, nominal, tol, text)
    if rule.op == TargetOp.APPROX:
        if direction is Direction.BAND:
            label = Message("{target}左右（容差±{tol}）", target=text, tol=_n(tol))
            return _band(actual, nominal - tol, nominal + tol, tol, label)
        return _approx(
            actual, nominal, tol, Message("{target}左右", target=text), direction is Direction.LOWER
        )
    # equal: a bare number reads as a floor or a ceiling by direction.
    if direction is Direction.LOWER:
        return _ceiling(actual, nominal, tol, text)
    if direction is Direction.BAND:
        return _band(actual, nominal, nominal, tol, text)
    return _floor(actual, nominal, tol, text)


def _signed_cut(
    rule: TargetRule, actual: float, direction: Direction, decrease: bool
) -> tuple[TargetRule, float, Direction] | StatusResult:
    """A cut written with a minus sign. "能耗降低" with target −5 and actual −6.04 means a 5%
    cut planned and a 6.04% cut made: more negative is better, so the comparison runs on the
    signed figures with the direction turned. A cut target written as a positive size (5)
    against a signed actual (−6.04) compares the sizes. Mixed signs that could mean either a
    rise or a cut go to a person."""
    if rule.op not in (TargetOp.EQUAL, TargetOp.APPROX, TargetOp.AT_LEAST, TargetOp.AT_MOST):
        return rule, actual, direction
    value = rule.value
    if value is None or not decrease or direction is not Direction.HIGHER:
        return rule, actual, direction
    if value < 0 and actual <= 0:
        turned = {
            TargetOp.AT_LEAST: TargetOp.AT_MOST,
            TargetOp.AT_MOST: TargetOp.AT_LEAST,
        }.get(rule.op, rule.op)
        if turned is not rule.op:
            rule = TargetRule(
                op=turned,
                raw=rule.raw,
                value=value,
                low=value if turned is TargetOp.AT_LEAST else None,
                high=value if turned is TargetOp.AT_MOST else None,
                unit=rule.unit,
            )
        return rule, actual, Direction.LOWER
    if value > 0 and actual < 0:
        return rule, -actual, direction
    if value < 0 < actual:
        return StatusResult(
            JUDGE,
            Message(
                "降低类指标的目标写作负数（{target}），执行数为正数（{actual}），"
                "无法确定是降低还是上升，需人工判定",
                target=_n(value),
                actual=_n(actual),
            ),
        )
    return rule, actual, direction
