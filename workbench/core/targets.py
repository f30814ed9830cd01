"""Parse a plan target as written ("5.5%左右", "控制在3%以内", "6%-6.5%", "完成国家下达目标").

The grammar follows DOMAIN.md §3.1. The parsed rule keeps the text it came from; whether a
target was met is decided elsewhere (core.status), because that depends on the indicator's
direction and on a tolerance the reviewer can change.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from workbench.core.numbers import normalise_text

OPS = ("approx", "at_least", "at_most", "range", "equal", "relative", "qualitative")

_NUM = r"[+-]?\d+(?:\.\d+)?"
# Units seen in annex targets, longest first so "个百分点" wins over "个".
_UNITS = (
    "个百分点",
    "百分点",
    "吨标准煤",
    "万吨标准煤",
    "平方公里",
    "万平方米",
    "平方米",
    "万亿斤",
    "亿斤",
    "万亿元",
    "亿美元",
    "万美元",
    "亿元",
    "万元",
    "万人次",
    "万人",
    "万户",
    "万吨",
    "万千瓦",
    "公里",
    "%",
    "‰",
    "元",
    "人",
    "吨",
    "个",
    "件",
    "项",
    "家",
    "所",
    "天",
    "岁",
    "年",
    "张",
    "床",
    "户",
    "斤",
    "亩",
    "万亩",
    "米",
)
_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + ")"
_RANGE_SEP = r"(?:-|—|–|－|~|～|〜|至|到)"

_AT_LEAST_PREFIX = ("不低于", "不少于", "超过", "突破", "高于", "大于", "≥", ">=", ">")
_AT_MOST_PREFIX = ("不高于", "不超过", "不多于", "低于", "少于", "小于", "≤", "<=", "<")
_AT_LEAST_SUFFIX = ("以上", "及以上", "或以上")
_AT_MOST_SUFFIX = ("以内", "以下", "及以下")
_APPROX_SUFFIX = ("左右", "上下", "附近")
# Verbs that say "keep it under" even without 以内: "控制在3%".
_CEILING_VERBS = ("控制在", "控制")

_SOFT = ("力争", "努力", "争取")
# Words that make a target a matter of judgement even when a number appears in it
# ("2022年完成国家下达目标", "在“十四五”规划期内统筹考虑").
_QUALITATIVE_WORDS = ("下达", "省定", "按国家要求", "统筹考", "暂不执行", "另行", "待定")
_YEAR = re.compile(r"(?:19|20)\d{2}年(?:度)?")

_REFS = (
    "全国平均水平",
    "全国平均",
    "全国",
    "全省平均水平",
    "全省",
    "全市",
    "经济增长",
    "经济增速",
    "GDP增速",
    "地区生产总值增速",
    "地区生产总值增长",
    "上年",
)


@dataclass(frozen=True)
class TargetRule:
    """A parsed target. `value` is the nominal number, `low`/`high` bound a range.

    For op "relative" the target compares with another figure (`ref`): `relation` is
    "sync" (与…同步), "above" (高于…) or "not_below" (不低于…), and `value` is an offset in
    percentage points when given ("比全国高2个百分点" → value 2).
    """

    op: str
    raw: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    soft: bool = False
    verb: str | None = None
    ref: str | None = None
    relation: str | None = None
    approx: bool = False  # a relative offset or a range given with 左右

    def to_dict(self) -> dict:
        data = asdict(self)
        return {k: v for k, v in data.items() if k == "op" or (v is not None and v is not False)}

    @classmethod
    def from_dict(cls, data: dict) -> TargetRule:
        return cls(**data)


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
    """与经济增长基本同步 / 高于全国平均水平 / 比全国高2个百分点左右 / 增速均高于GDP增速."""
    ref = _find_ref(text)
    offset = re.search(r"比(.+?)(高|低|快|慢)(" + _NUM + r")\s*(个百分点|百分点|%)(左右)?", text)
    if offset:
        ref = _find_ref(offset.group(1)) or offset.group(1)
        value = float(offset.group(3))
        if offset.group(2) in ("低", "慢"):
            value = -value
        return TargetRule(
            op="relative",
            raw=raw,
            value=value,
            unit="个百分点",
            soft=soft,
            ref=ref,
            relation="offset",
            approx=bool(offset.group(5)),
        )
    if ref is None:
        return None
    if "同步" in text:
        return TargetRule(op="relative", raw=raw, soft=soft, ref=ref, relation="sync")
    if re.search(r"不低于|不慢于", text):
        return TargetRule(op="relative", raw=raw, soft=soft, ref=ref, relation="not_below")
    if re.search(r"高于|快于|超过", text):
        return TargetRule(op="relative", raw=raw, soft=soft, ref=ref, relation="above")
    if re.search(r"低于|慢于", text):
        return TargetRule(op="relative", raw=raw, soft=soft, ref=ref, relation="below")
    return None


def _longest_prefix(before: str) -> str | None:
    found = [p for p in (*_AT_LEAST_PREFIX, *_AT_MOST_PREFIX) if before.endswith(p)]
    return max(found, key=len) if found else None


def _number_near(text: str) -> re.Match | None:
    return re.search("(" + _NUM + r")\s*(" + _UNIT + ")?", text)


def parse_target(text: object) -> TargetRule | None:
    """Parse a target as written; None when there is no target at all (blank, "-", "—")."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return TargetRule(op="equal", raw=str(text), value=float(text))
    raw = str(text).strip()
    norm = normalise_text(raw)
    norm = re.sub(r"\s+", "", norm).replace("％", "%")
    # Thousands separators inside numbers: "1,100万人以上".
    norm = re.sub(r"(?<=\d),(?=\d{3})", "", norm)
    if norm in ("", "-", "—", "–", "－", "/", "——", "--"):
        return None
    body, soft = _strip_soft(norm)
    if any(word in body for word in _QUALITATIVE_WORDS):
        return TargetRule(op="qualitative", raw=raw, soft=soft)
    body = _YEAR.sub("", body)

    rel = _relative(body, raw, soft)
    if rel is not None:
        return rel

    # Ranges: "6%-6.5%", "6%至7%", "6—6.5%", "6~7%".
    rng = re.search(
        "(" + _NUM + r")(" + _UNIT + ")?" + _RANGE_SEP + r"(\d+(?:\.\d+)?)(" + _UNIT + ")?(左右)?",
        body,
    )
    if rng:
        low, high = float(rng.group(1)), float(rng.group(3))
        if low > high:
            low, high = high, low
        unit = rng.group(4) or rng.group(2)
        verb = body[: rng.start()] or None
        return TargetRule(
            op="range",
            raw=raw,
            low=low,
            high=high,
            value=(low + high) / 2,
            unit=unit,
            soft=soft,
            verb=verb,
            approx=bool(rng.group(5)),
        )

    num = _number_near(body)
    if num is None:
        return TargetRule(op="qualitative", raw=raw, soft=soft)
    value = float(num.group(1))
    unit = num.group(2)
    before = body[: num.start()]
    after = body[num.end() :]
    verb = before or None

    op = "equal"
    if any(after.startswith(s) for s in _APPROX_SUFFIX):
        op = "approx"
    elif any(after.startswith(s) for s in _AT_LEAST_SUFFIX):
        op = "at_least"
    elif any(after.startswith(s) for s in _AT_MOST_SUFFIX):
        op = "at_most"
    elif prefix := _longest_prefix(before):
        # Longest match: "不超过" must not read as "超过", nor "不低于" as "低于".
        op = "at_least" if prefix in _AT_LEAST_PREFIX else "at_most"
    elif any(v in before for v in _CEILING_VERBS):
        op = "at_most"
    if op == "approx" and any(v in before for v in _CEILING_VERBS):
        # "控制在3%左右" still reads as a ceiling with a soft edge; keep approx, the
        # indicator's direction decides which side counts.
        pass

    if op in ("at_least", "at_most"):
        return TargetRule(
            op=op,
            raw=raw,
            value=value,
            low=value if op == "at_least" else None,
            high=value if op == "at_most" else None,
            unit=unit,
            soft=soft,
            verb=verb,
        )
    return TargetRule(op=op, raw=raw, value=value, unit=unit, soft=soft, verb=verb)


_RELATION_WORDS = {
    "sync": "与{ref}基本同步",
    "above": "高于{ref}",
    "not_below": "不低于{ref}",
    "below": "低于{ref}",
}


def describe_rule(rule: TargetRule | None) -> str:
    """The parsed target in a reviewer's words, shown while a target is typed."""
    if rule is None:
        return "无目标"
    unit = rule.unit or ""
    soft = "（力争）" if rule.soft else ""

    def n(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    if rule.op == "approx":
        text = f"约 {n(rule.value)}{unit}（左右，按容差判断）"
    elif rule.op == "at_least":
        text = f"≥ {n(rule.value)}{unit}（下限）"
    elif rule.op == "at_most":
        text = f"≤ {n(rule.value)}{unit}（上限）"
    elif rule.op == "range":
        text = f"{n(rule.low)}–{n(rule.high)}{unit}（区间）"
    elif rule.op == "equal":
        text = f"{n(rule.value)}{unit}（按指标方向作下限或上限）"
    elif rule.op == "relative":
        if rule.relation == "offset":
            sign = "高" if (rule.value or 0) >= 0 else "低"
            text = f"比{rule.ref}{sign} {abs(rule.value or 0):g} 个百分点" + (
                "左右" if rule.approx else ""
            )
        else:
            text = _RELATION_WORDS.get(rule.relation or "", "参照{ref}").format(ref=rule.ref)
        text = f"相对目标：{text}"
    else:
        text = "定性目标，需人工判定"
    return text + soft
