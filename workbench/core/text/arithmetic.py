"""The sums a reviewer redoes by hand on a report's own figures.

- a growth rate against the level and the increase it comes from ("完成投资313.64亿元，较去年
  同期增长153.34亿元，同比增长95.66%": 153.34 ÷ (313.64 − 153.34) = 95.66%);
- a gap in percentage points against the two rates it is between ("增长5.2%，比年初目标
  （6.5%）低1.3个百分点"), and against the share of the year gone by ("1-3月…为年度投资计划
  的30.90%，超过时间进度5.90个百分点": 30.90 − 3/12);
- a completion rate against the completed amount and the plan it divides ("年度计划投资
  561.86亿元，…完成投资362.32亿元，占年计划投资的64.49%");
- the same target or figure stated twice with different values;
- a growth rate no indicator of its kind reaches (地区生产总值增长65%: a lost decimal point?).

Every figure is as rounded as it is written, so each check allows the rounding of the digits
shown: a finding means no figures that round to what is written could all be true.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import product

from workbench.core.indicators import rule_for
from workbench.core.targets import same_target
from workbench.core.text.consistency import TextProblem
from workbench.core.text.quantities import Statement, factor_between, unit_of
from workbench.core.text.words import report_words
from workbench.core.vocab import Severity

_UP = ("增长", "增加", "上涨", "上升", "提高", "增产")
_DOWN = ("下降", "减少", "降低", "回落", "减产")
_PERIOD = re.compile(r"(?:1\s*[-—–至~～]\s*|前)(\d{1,2})\s*(?:个)?月")
# Slack for "时间进度": the share of the year gone by counted in days rather than months.
_DAYS_SLACK = 0.4


def _n(value: float) -> str:
    return f"{round(value, 4):g}"


def _place(stmt: Statement) -> str:
    return f"第{stmt.line}行“{stmt.raw}”"


def _problem(rule: str, message: str, stmts: tuple[Statement, ...], **values) -> TextProblem:
    lines = sorted({s.line for s in stmts})
    return TextProblem(
        rule, Severity.ERROR, message, stmts, {"line": stmts[0].line, "lines": lines, **values}
    )


def _direction(words: str) -> int:
    if any(w in words for w in _DOWN) or "低" in words or "慢" in words or "落后" in words:
        return -1
    if any(w in words for w in _UP) or any(w in words for w in ("高", "快", "超")):
        return 1
    return 0


def _bounds(stmt: Statement) -> tuple[float, float]:
    value = float(stmt.value)
    half = 0.5 * 10 ** (-stmt.decimals)
    return value - half, value + half


def _by_sentence(statements: list[Statement]) -> dict[int, list[Statement]]:
    out: dict[int, list[Statement]] = defaultdict(list)
    for stmt in statements:
        out[stmt.sentence].append(stmt)
    return out


def _same_group(a: Statement, b: Statement) -> bool:
    ua, ub = unit_of(a.unit), unit_of(b.unit)
    return ua is not None and ub is not None and ua.group == ub.group


def growth_against_levels(statements: list[Statement]) -> list[TextProblem]:
    """A level, its increase and its growth rate in one sentence."""
    out = []
    for stmts in _by_sentence(statements).values():
        for level, change, rate in zip(stmts, stmts[1:], stmts[2:], strict=False):
            if not (change.bare and rate.bare and rate.unit == "%" and not level.bare):
                continue
            if level.unit == "%" or not _same_group(level, change) or level.qualifier:
                continue
            sign = _direction(change.lead)
            if sign == 0 or _direction(rate.lead) != sign or change.qualifier or rate.qualifier:
                continue
            k = factor_between(change.unit, level.unit) or 1.0
            lows, highs = _bounds(level), _bounds(change)
            implied = []
            for lv, ch in product(lows, highs):
                ch = sign * ch * k
                base = lv - ch
                if base > 0:
                    implied.append(ch / base * 100)
            if not implied:
                continue
            low_rate, high_rate = _bounds(rate)
            signed = (sign * low_rate, sign * high_rate)
            if max(implied) >= min(signed) - 1e-9 and min(implied) <= max(signed) + 1e-9:
                continue
            lv, ch = float(level.value), sign * float(change.value) * k
            actual = ch / (lv - ch) * 100
            message = (
                f"{_place(rate)}与同句的{_place(level)}、{_place(change)}不符："
                f"{_n(ch)}÷（{_n(lv)}−{_n(ch)}）={actual:.2f}%，而报告写{rate.raw}"
            )
            out.append(
                _problem(
                    "text_growth_levels",
                    message,
                    (rate, level, change),
                    stated=float(rate.value) * sign,
                    implied=round(actual, 4),
                )
            )
    return out


def point_gaps(statements: list[Statement]) -> list[TextProblem]:
    """ "增长5.2%，比年初目标（6.5%）低1.3个百分点" and "…的30.90%，超过时间进度5.90个百分点"."""
    out = []
    for stmts in _by_sentence(statements).values():
        for i, gap in enumerate(stmts):
            if gap.unit not in ("个百分点", "百分点") or gap.qualifier:
                continue
            before = [s for s in stmts[:i] if s.unit == "%" and not s.qualifier]
            if not before:
                continue
            plain = [s for s in before if not s.in_brackets and "目标" not in s.subject]
            anchor = plain[-1] if plain else before[-1]
            after_rate = stmts[stmts.index(anchor) + 1 : i + 1]
            sign = _direction("".join(s.words_before for s in after_rate))
            if sign == 0:
                continue
            found = _gap_between(gap, before, sign) or _gap_to_time(gap, before, sign)
            if found is not None:
                out.append(found)
    return out


def _gap_between(gap: Statement, before: list[Statement], sign: int) -> TextProblem | None:
    references = [s for s in before if s.in_brackets or "目标" in s.subject]
    rates = [s for s in before if s not in references]
    if not references or not rates or references[-1].start < rates[-1].start:
        return None
    a, b = rates[-1], references[-1]
    (al, ah), (bl, bh), (gl, gh) = _bounds(a), _bounds(b), _bounds(gap)
    low, high = al - bh, ah - bl  # what a − b can be
    stated = sorted((sign * gl, sign * gh))
    if stated[1] >= low - 1e-9 and stated[0] <= high + 1e-9:
        return None
    diff = float(a.value) - float(b.value)
    word = "高" if sign > 0 else "低"
    message = (
        f"{_place(gap)}与所比的两个比率不符：{_place(a)}比{_place(b)}{'高' if diff >= 0 else '低'}"
        f"{_n(abs(diff))}个百分点（{_n(float(a.value))}−{_n(float(b.value))}），报告写{word}{gap.raw}"
    )
    return _problem(
        "text_point_gap", message, (gap, a, b), stated=sign * float(gap.value), implied=diff
    )


def _gap_to_time(gap: Statement, before: list[Statement], sign: int) -> TextProblem | None:
    if "时间进度" not in gap.lead and "时间进度" not in gap.subject:
        return None
    period = _PERIOD.search(gap.text)
    if period is None or not 1 <= int(period.group(1)) <= 12:
        return None
    months = int(period.group(1))
    rate = before[-1]
    elapsed = months / 12 * 100
    (rl, rh), (gl, gh) = _bounds(rate), _bounds(gap)
    low, high = rl - elapsed - _DAYS_SLACK, rh - elapsed + _DAYS_SLACK
    stated = sorted((sign * gl, sign * gh))
    if stated[1] >= low - 1e-9 and stated[0] <= high + 1e-9:
        return None
    diff = float(rate.value) - elapsed
    message = (
        f"{_place(gap)}与{_place(rate)}不符：{months}个月的时间进度为{_n(round(elapsed, 2))}%，"
        f"{_n(float(rate.value))}−{_n(round(elapsed, 2))}={diff:.2f}个百分点"
    )
    return _problem(
        "text_point_gap", message, (gap, rate), stated=sign * float(gap.value), implied=diff
    )


def completion_rates(statements: list[Statement]) -> list[TextProblem]:
    """completed ÷ annual plan against the completion rate, for one whole or one part."""
    out = []
    keyed: dict[tuple, dict[str, Statement]] = defaultdict(dict)
    for stmt in statements:
        if stmt.measure in ("annual_plan", "completed", "completion_rate") and not stmt.qualifier:
            key = (stmt.paragraph, stmt.year, stmt.entity)
            keyed[key].setdefault(stmt.measure, stmt)
    for three in keyed.values():
        if len(three) < 3:
            continue
        plan, done, rate = three["annual_plan"], three["completed"], three["completion_rate"]
        if plan.comparable <= 0:
            continue
        (pl, ph), (dl, dh), (rl, rh) = _bounds(plan), _bounds(done), _bounds(rate)
        kp, kd = plan.factor, done.factor
        low, high = dl * kd / (ph * kp) * 100, dh * kd / (pl * kp) * 100
        if rh >= low - 1e-9 and rl <= high + 1e-9:
            continue
        actual = done.comparable / plan.comparable * 100
        message = (
            f"{_place(rate)}与{_place(done)}、{_place(plan)}不符："
            f"{_n(done.comparable)}÷{_n(plan.comparable)}={actual:.2f}%"
        )
        out.append(
            _problem(
                "text_completion_rate",
                message,
                (rate, done, plan),
                stated=float(rate.value),
                implied=round(actual, 4),
            )
        )
    return out


def _key(stmt: Statement) -> str:
    """A subject compared across sentences: no spaces, no 全省/全市 in front."""
    return stmt.subject.removeprefix("全省").removeprefix("全市").removeprefix("全国")


def stated_twice(statements: list[Statement]) -> list[TextProblem]:
    """The same target, or the same figure, given two different values in one report."""
    out = []
    seen: dict[tuple, Statement] = {}
    for stmt in statements:
        if stmt.in_brackets or stmt.list_id is not None or len(_key(stmt)) < 4:
            continue
        target = stmt.measure == "target"
        if not target and (stmt.qualifier or stmt.bare and not stmt.subject.endswith(_UP)):
            continue
        group = unit_of(stmt.unit)
        key = (target, stmt.year, _key(stmt), group.group if group else stmt.unit)
        first = seen.setdefault(key, stmt)
        if first is stmt or first.sentence == stmt.sentence:
            continue
        if target:
            if same_target(rule_for(stmt.target_text), rule_for(first.target_text)):
                continue
            what = "目标"
        else:
            k = factor_between(stmt.unit, first.unit)
            a = None if k is None else float(stmt.value) * k
            if a is None or abs(a - float(first.value)) <= _tolerance(stmt, first):
                continue
            what = "数值"
        message = f"“{_key(stmt)}”的{what}在报告中写法不一：{_place(first)}，{_place(stmt)}"
        out.append(_problem("text_stated_twice", message, (stmt, first)))
    return out


def _tolerance(a: Statement, b: Statement) -> float:
    k = factor_between(a.unit, b.unit) or 1.0
    return 0.5 * 10 ** (-a.decimals) * k + 0.5 * 10 ** (-b.decimals)


def implausible(statements: list[Statement]) -> list[TextProblem]:
    """A growth rate above 50% of an indicator that never grows so, as when a web copy lost
    the decimal point ("增长65%" for 6.5%)."""
    out = []
    never = report_words().never_fast
    for stmt in statements:
        if stmt.unit != "%" or float(stmt.value) <= 50 or stmt.measure == "completion_rate":
            continue
        words = stmt.lead + stmt.subject
        if not any(w in words for w in _UP + _DOWN) or any(
            w in words for w in ("比重", "占", "率")
        ):
            continue
        name = next((w for w in never if w in stmt.subject), None)
        if name is None:
            continue
        value = float(stmt.value)
        guess = "、".join(f"{value / k:g}%" for k in (10, 100) if value / k >= 0.1)
        message = (
            f"{_place(stmt)}：{name}一年增减{_n(value)}%不合常理，疑为小数点丢失（应为{guess}？）"
        )
        out.append(_problem("text_implausible", message, (stmt,), stated=value))
    return out


def arithmetic_checks(statements: list[Statement]) -> list[TextProblem]:
    return (
        growth_against_levels(statements)
        + point_gaps(statements)
        + completion_rates(statements)
        + stated_twice(statements)
        + implausible(statements)
    )


__all__ = ["arithmetic_checks"]
