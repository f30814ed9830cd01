"""Parse a plan target as written ("5.5%左右", "控制在3%以内", "6%-6.5%", "完成国家下达目标").

The grammar is docs/review-rules.md §1, built from the phrasings of provincial and municipal
plan reports (tests/core/target_phrasings.py). The parsed rule keeps the text it came from and
a sentence saying how it was read (`why`); whether a target was met is decided elsewhere
(core.status), because that depends on the indicator's direction and a tolerance the reviewer
can change. Where the reading is uncertain the rule says so (`uncertain`), and the status is
待人工判定 rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from enum import StrEnum

from workbench.core.numbers import normalise_text
from workbench.core.units import convert, names_longest_first


class TargetOp(StrEnum):
    """How a target bounds its figure. The values are what saved files and JSON carry."""

    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    EQUAL = "equal"
    RELATIVE = "relative"
    QUALITATIVE = "qualitative"


class Relation(StrEnum):
    """How a relative target compares with the figure it names (`ref`)."""

    SYNC = "sync"  # 与经济增长基本同步
    ABOVE = "above"  # 高于全国平均水平
    NOT_BELOW = "not_below"  # 不低于全省平均
    BELOW = "below"  # 低于全国
    OFFSET = "offset"  # 比全国高2个百分点 / 高于全国平均水平0.5个百分点以上


_NUM = r"[+-]?\d+(?:\.\d+)?"
# Units come from the one unit table (core/units), longest first so "个百分点" wins over "个".
# A unit the table does not know is still read: whatever stands between the number and
# 以上/以下/左右 is the unit.
_UNIT = "(?:" + "|".join(re.escape(u) for u in names_longest_first()) + ")"
_RANGE_SEP = r"(?:-|—|–|－|~|～|〜|至|到)"

_AT_LEAST_PREFIX = (
    "不低于",
    "不少于",
    "超过",
    "突破",
    "高于",
    "大于",
    "≥",
    ">=",
    ">",
    "达到",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
)
_AT_MOST_PREFIX = (
    "不高于",
    "不超过",
    "不多于",
    "低于",
    "少于",
    "小于",
    "≤",
    "<=",
    "<",
    "降到",
    "降至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "控制到",
)
_AT_LEAST_SUFFIX = ("及以上", "或以上", "以上")
_AT_MOST_SUFFIX = ("及以下", "以下", "以内")
_APPROX_SUFFIX = ("左右", "上下", "附近")
_APPROX_PREFIX = ("大约", "约")
_SUFFIXES = (*_AT_LEAST_SUFFIX, *_AT_MOST_SUFFIX, *_APPROX_SUFFIX)
# Verbs that say "keep it under" even without 以内: "控制在3%".
_CEILING_VERBS = ("控制在", "控制")

_SOFT = ("力争", "努力", "争取")
# Words that make a target a matter of judgement when no clear number follows
# ("2022年完成国家下达目标", "在“十四五”规划期内统筹考虑").
_QUALITATIVE_WORDS = ("下达", "省定", "按国家要求", "统筹考", "暂不执行", "另行", "待定")
_ALWAYS_QUALITATIVE = ("暂不执行", "另行", "待定", "统筹考")
_YEAR = re.compile(r"(?:19|20)\d{2}年(?:度)?|[“\"]?十[一二三四五六七八九]五[”\"]?")
# Numbers that belong to a name or qualifier, never the target: PM2.5, PM10, CO2, O3, 5G,
# 3岁以下, 65岁及以上, 每10万人, 第1季度.
_QUALIFIER_NUMBERS = re.compile(
    r"(?<=[A-Za-z])\d+(?:\.\d+)?|\d+(?=G)"
    r"|\d+(?:\.\d+)?\s*(?:周岁|岁)(?:及)?(?:以下|以上)?(?=\D*\d)"
    r"|每\s*\d+\s*(?:万|千|百)?\s*(?:人|户|平方公里)"
    r"|第\s*\d+\s*(?:季度|批|期)"
    r"|(?<=/)\d+(?=万)"
)

_REFS = (
    "全国平均水平",
    "全国平均",
    "全国",
    "全省平均水平",
    "全省平均",
    "全省",
    "全市平均水平",
    "全市",
    "经济增长",
    "经济发展",
    "经济增速",
    "GDP增速",
    "地区生产总值增速",
    "地区生产总值增长",
    "上年",
    "地区生产总值",
)


@dataclass(frozen=True)
class TargetRule:
    """A parsed target. `value` is the nominal number, `low`/`high` bound a range.

    For op "relative" the target compares with another figure (`ref`): `relation` says how,
    and `value` is an offset in percentage points when given ("比全国高2个百分点" → 2,
    "高于全国平均水平0.5个百分点以上" → 0.5 with `op_offset` at_least). `why` says in a
    reviewer's words how the text was read; `uncertain` says why a person must judge it.
    """

    op: TargetOp
    raw: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    soft: bool = False
    verb: str | None = None
    ref: str | None = None
    relation: Relation | None = None
    approx: bool = False  # a relative offset or a range given with 左右
    at_least: bool = False  # a relative offset given with 以上
    mandated: bool = False  # the number is one a higher level set (省定/国家下达)
    why: str | None = None
    uncertain: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        out = {k: v for k, v in data.items() if k == "op" or (v is not None and v is not False)}
        return {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in out.items()}

    @classmethod
    def from_dict(cls, data: dict) -> TargetRule:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["op"] = TargetOp(values["op"])
        if values.get("relation"):
            values["relation"] = Relation(values["relation"])
        return cls(**values)


def _strip_soft(text: str) -> tuple[str, bool]:
    soft = False
    for word in _SOFT:
        if text.startswith(word):
            text = text[len(word) :]
            soft = True
    return text, soft


def _find_ref(text: str) -> str | None:
    for ref in _REFS:
        if ref in text:
            return ref
    return None


def _relative(text: str, raw: str, soft: bool) -> TargetRule | None:
    """与经济增长基本同步 / 高于全国平均水平 / 比全国高2个百分点左右 /
    高于全国平均水平0.5个百分点以上 / 增速均高于GDP增速."""
    ref = _find_ref(text)
    offset = re.search(
        r"比([^\d]+?)(高|低|快|慢)(" + _NUM + r")\s*(个百分点|百分点|%)(左右|以上)?", text
    )
    margin = re.search(
        r"(高于|快于|超过|低于|慢于)([^\d]+?)(" + _NUM + r")\s*(个百分点|百分点)(左右|以上)?", text
    )
    if offset or margin:
        if offset:
            ref = _find_ref(offset.group(1)) or offset.group(1)
            lower = offset.group(2) in ("低", "慢")
            value, tail = float(offset.group(3)), offset.group(5)
            said = f"比{ref}{offset.group(2)}{offset.group(3)}个百分点"
        else:
            assert margin is not None
            ref = _find_ref(margin.group(2)) or margin.group(2)
            lower = margin.group(1) in ("低于", "慢于")
            value, tail = float(margin.group(3)), margin.group(5)
            said = f"{margin.group(1)}{ref}{margin.group(3)}个百分点"
        return TargetRule(
            op=TargetOp.RELATIVE,
            raw=raw,
            value=-value if lower else value,
            unit="个百分点",
            soft=soft,
            ref=ref,
            relation=Relation.OFFSET,
            approx=tail == "左右",
            at_least=tail == "以上",
            why=f"相对目标：{said}{tail or ''}（参照值加减幅度）",
        )
    if ref is None:
        return None
    relation: Relation | None = None
    if "同步" in text:
        relation = Relation.SYNC
    elif re.search(r"不低于|不慢于", text):
        relation = Relation.NOT_BELOW
    elif re.search(r"高于|快于|超过", text):
        relation = Relation.ABOVE
    elif re.search(r"低于|慢于", text):
        relation = Relation.BELOW
    if relation is None:
        return None
    own = re.search(r"(\S+?(?:增长|增速))\s*(?:和|与|同)\s*" + re.escape(ref), text)
    if relation is Relation.SYNC and own and own.group(1) != ref:
        names = f"{own.group(1)}、{ref}"
        return TargetRule(
            op=TargetOp.RELATIVE,
            raw=raw,
            soft=soft,
            ref=ref,
            relation=relation,
            why=f"相对目标：{_RELATION_WORDS[relation].format(ref=ref)}",
            uncertain=f"目标同时涉及两项指标（{names}），一个执行数无法判断",
        )
    return TargetRule(
        op=TargetOp.RELATIVE,
        raw=raw,
        soft=soft,
        ref=ref,
        relation=relation,
        why=f"相对目标：{_RELATION_WORDS[relation].format(ref=ref)}",
    )


def _longest_prefix(before: str) -> str | None:
    found = [p for p in (*_AT_LEAST_PREFIX, *_AT_MOST_PREFIX) if before.endswith(p)]
    return max(found, key=len) if found else None


def _numbers(body: str) -> list[re.Match]:
    """Number candidates, without those that belong to a name or qualifier (PM2.5, 3岁以下)."""
    masked = _QUALIFIER_NUMBERS.sub(lambda m: "#" * len(m.group(0)), body)
    return list(re.finditer(_NUM, masked))


def _unit_and_suffix(after: str) -> tuple[str | None, str | None, int]:
    """The unit after a number and the 以上/以下/左右 that follows it, even when the unit is
    one the list does not know ("35微克/立方米以下", "50亿方以上", "1.2万张左右")."""
    known = re.match(r"\s*(" + _UNIT + ")", after)
    unit = known.group(1) if known else None
    rest = after[known.end() :] if known else after
    for suffix in _SUFFIXES:
        if rest.startswith(suffix):
            return unit, suffix, len(after) - len(rest) + len(suffix)
    # An unknown unit: letters, CJK or "/" up to the suffix, no digits, at most 8 characters.
    found = re.match(r"([^\d\s，,；;。、（）()]{1,8}?)(" + "|".join(_SUFFIXES) + ")", rest)
    if found and not re.search(r"[增长降低提高下降减少控制达到保持]", found.group(1)):
        extra = found.group(1)
        return (unit or "") + extra, found.group(2), len(after) - len(rest) + found.end()
    if unit is None:
        bare = re.match(r"([^\d\s，,；;。、（）()以左上下内增降提]{1,6})$", rest)
        if bare:
            return bare.group(1), None, len(after)
    return unit, None, len(after) - len(rest)


def parse_target(text: object) -> TargetRule | None:
    """Parse a target as written; None when there is no target at all (blank, "-", "—")."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return TargetRule(
            op=TargetOp.EQUAL, raw=str(text), value=float(text), why="数值目标，按指标方向判断"
        )
    raw = str(text).strip()
    norm = normalise_text(raw)
    norm = re.sub(r"\s+", "", norm).replace("％", "%")
    # Thousands separators inside numbers: "1,100万人以上".
    norm = re.sub(r"(?<=\d),(?=\d{3})", "", norm)
    if norm in ("", "-", "—", "–", "－", "/", "——", "--"):
        return None
    body, soft = _strip_soft(norm)
    body = _YEAR.sub("", body)
    mandated = any(word in body for word in _QUALITATIVE_WORDS)
    if any(word in body for word in _ALWAYS_QUALITATIVE):
        return TargetRule(op=TargetOp.QUALITATIVE, raw=raw, soft=soft, why="定性目标，需人工判定")

    rel = _relative(body, raw, soft)
    if rel is not None:
        return rel

    # Ranges: "6%-6.5%", "6%至7%", "6—6.5%", "6~7%", "4.5%至5%".
    rng = re.search(
        "(" + _NUM + r")(" + _UNIT + ")?" + _RANGE_SEP + r"(\d+(?:\.\d+)?)(" + _UNIT + ")?(左右)?",
        body,
    )
    if rng and not _QUALIFIER_NUMBERS.search(rng.group(0)):
        low, high = float(rng.group(1)), float(rng.group(3))
        if low > high:
            low, high = high, low
        unit = rng.group(4) or rng.group(2)
        return TargetRule(
            op=TargetOp.RANGE,
            raw=raw,
            low=low,
            high=high,
            value=(low + high) / 2,
            unit=unit,
            soft=soft,
            verb=body[: rng.start()] or None,
            approx=bool(rng.group(5)),
            mandated=mandated,
            why=f"区间目标 {low:g}–{high:g}{unit or ''}" + ("（左右）" if rng.group(5) else ""),
        )

    candidates = _numbers(body)
    if not candidates:
        why = "上级下达的目标，未写明数值，需人工判定" if mandated else "定性目标，需人工判定"
        return TargetRule(op=TargetOp.QUALITATIVE, raw=raw, soft=soft, why=why)
    parsed = []
    for match in candidates:
        unit, suffix, used = _unit_and_suffix(body[match.end() :])
        parsed.append((match, unit, suffix, used))
    if len(parsed) > 1 and re.search(r"从.+?(?:到|至)", body):
        parsed = parsed[-1:]  # "从60.2%提高到65.2%": the figure reached is the target
    if len(parsed) > 1:
        # Several numbers: the one with a unit or a 以上/以下/左右 is the target; two such
        # ("分别增长7%、8%左右") is for a person to read.
        marked = [p for p in parsed if p[1] or p[2]]
        if len(marked) != 1:
            numbers = "、".join(m.group(0) for m, *_ in parsed)
            return TargetRule(
                op=TargetOp.QUALITATIVE,
                raw=raw,
                soft=soft,
                why=f"含多个数值（{numbers}），需人工判定",
                uncertain=f"目标中有多个数值：{numbers}",
            )
        parsed = marked
    match, unit, suffix, _ = parsed[0]
    value = float(match.group(0))
    before = body[: match.start()]
    verb = before or None

    op = TargetOp.EQUAL
    how = "数值目标，按指标方向作下限或上限"
    if suffix in _APPROX_SUFFIX or before.endswith(_APPROX_PREFIX):
        op, how = TargetOp.APPROX, f"“{suffix or '约'}”：约数，按容差判断"
    elif suffix in _AT_LEAST_SUFFIX:
        op, how = TargetOp.AT_LEAST, f"“{suffix}”：下限"
    elif suffix in _AT_MOST_SUFFIX:
        op, how = TargetOp.AT_MOST, f"“{suffix}”：上限"
    elif prefix := _longest_prefix(before):
        # Longest match: "不超过" must not read as "超过", nor "不低于" as "低于".
        if prefix in _AT_LEAST_PREFIX:
            op, how = TargetOp.AT_LEAST, f"“{prefix}”：下限"
        else:
            op, how = TargetOp.AT_MOST, f"“{prefix}”：上限"
    elif any(v in before for v in _CEILING_VERBS):
        op, how = TargetOp.AT_MOST, "“控制在”：上限"
    # "控制在3%左右" stays approx: the indicator's direction decides which side counts.
    why = f"{how}；目标值 {value:g}{unit or ''}"
    if mandated:
        why += "（上级下达的数值）"
    return TargetRule(
        op=op,
        raw=raw,
        value=value,
        low=value if op is TargetOp.AT_LEAST else None,
        high=value if op is TargetOp.AT_MOST else None,
        unit=unit,
        soft=soft,
        verb=verb,
        mandated=mandated,
        why=why,
    )


_RELATION_WORDS: dict[Relation | None, str] = {
    Relation.SYNC: "与{ref}基本同步",
    Relation.ABOVE: "高于{ref}",
    Relation.NOT_BELOW: "不低于{ref}",
    Relation.BELOW: "低于{ref}",
    Relation.OFFSET: "相对{ref}",
}


def describe_rule(rule: TargetRule | None) -> str:
    """The parsed target in a reviewer's words, shown while a target is typed."""
    if rule is None:
        return "无目标"
    unit = rule.unit or ""
    soft = "（力争）" if rule.soft else ""

    def n(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    if rule.op == TargetOp.APPROX:
        text = f"约 {n(rule.value)}{unit}（左右，按容差判断）"
    elif rule.op == TargetOp.AT_LEAST:
        text = f"≥ {n(rule.value)}{unit}（下限）"
    elif rule.op == TargetOp.AT_MOST:
        text = f"≤ {n(rule.value)}{unit}（上限）"
    elif rule.op == TargetOp.RANGE:
        text = f"{n(rule.low)}–{n(rule.high)}{unit}（区间）"
    elif rule.op == TargetOp.EQUAL:
        text = f"{n(rule.value)}{unit}（按指标方向作下限或上限）"
    elif rule.op == TargetOp.RELATIVE:
        if rule.relation == Relation.OFFSET:
            sign = "高" if (rule.value or 0) >= 0 else "低"
            text = f"比{rule.ref}{sign} {abs(rule.value or 0):g} 个百分点" + (
                "左右" if rule.approx else ("以上" if rule.at_least else "")
            )
        else:
            text = _RELATION_WORDS.get(rule.relation, "参照{ref}").format(ref=rule.ref)
        text = f"相对目标：{text}"
    else:
        text = rule.why if rule.uncertain and rule.why else "定性目标，需人工判定"
    return text + soft


def _in_unit(rule: TargetRule, value: float | None, unit: str | None) -> float | None:
    """A value of `rule` expressed in `unit` (the other target's), when both name units."""
    if value is None or not rule.unit or not unit or rule.unit == unit:
        return value
    return convert(value, rule.unit, unit)


def same_target(stated: TargetRule | None, annex: TargetRule | None) -> bool:
    """Whether a target stated in the report's text is the annex's: the same number (in the
    same unit once converted: 1100万人 is 11000000人) and no contradicting bound. A bare number
    ("增长6%", as lists of main targets write them) agrees with the annex's "6%左右" or
    "6%以上"; "6%以上" against "6%左右" does not."""
    if stated is None or annex is None:
        return False
    if TargetOp.QUALITATIVE in (stated.op, annex.op) or TargetOp.RELATIVE in (stated.op, annex.op):
        return stated.op == annex.op and stated.raw == annex.raw
    pairs = [(stated.value, annex.value)]
    if TargetOp.RANGE in (stated.op, annex.op):
        pairs = [(stated.low, annex.low), (stated.high, annex.high)]
    for mine, theirs in pairs:
        mine = _in_unit(stated, mine, annex.unit)
        if mine is None or theirs is None or abs(mine - theirs) > 1e-9 * max(1.0, abs(theirs)):
            return False
    return stated.op == annex.op or TargetOp.EQUAL in (stated.op, annex.op)
