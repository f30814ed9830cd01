"""Quantities quoted in a report's prose: value, unit, what they are about, and the line.

Rules, not a language model. Figures are found by core/text/scan (any unit of the unit table,
spaces and Chinese numerals allowed, dates and periods left out). The subject is read from the
words around the figure the way reports are written (the words are data, core/text/words):

- the words of its clause before it ("城镇新增就业70万人"), or a count's noun after it
  ("177个优质粮食工程项目");
- a clause that only names a measure or a change ("总投资…", "增长6%", "投资进度116%") is
  about the thing the figure before it named ("地区生产总值48810亿元，增长8.0%");
- a figure in brackets is about what stands before the bracket ("年初目标（6.5%）");
- the items of a 分别 list are named by the clause before 分别, with their shared ending
  ("城镇居民、农村居民人均可支配收入分别增长7%、8%"), or by the figures before it.

Each statement also carries what the checks need: the year it is about, the table measure it
quotes (count, completed, completion_rate, target …), the group (a part of the whole) and,
for indicators, the attribute and status it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from workbench.core import units as unit_table
from workbench.core.text.layout import JoinedText
from workbench.core.text.scan import FULLWIDTH, Figure, find_figures
from workbench.core.text.words import report_words
from workbench.core.units import UnitKind

_CLAUSE_BREAK = "，,；;：:（(）)。！？!?\n"
_ITEM_BREAK = _CLAUSE_BREAK + "、"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_LEADING_DATE = re.compile(
    r"^(?:\d{1,2}[.．、](?!\d)|(?:19|20)\d\d年(?:度)?|\d{1,2}\s*[-—–至～~]\s*\d{1,2}月(?:份)?|前\d{1,2}个月|今年|本年度)"
)
_BRACKETS = re.compile(r"[（()）]")
_SHORT_BRACKET = re.compile(r"（([^（）\d，。、；]{1,3})）")


# The unit table's answers for the few units a report uses, asked once each (a long report
# asks them for every figure and every check).
unit_of = cache(unit_table.unit)


@cache
def factor_between(from_unit: str, to_unit: str) -> float | None:
    """How many of to_unit one from_unit is; None when they do not convert."""
    return unit_table.convert(1.0, from_unit, to_unit)


def is_count(unit: str) -> bool:
    found = unit_of(unit)
    return found is not None and found.kind is UnitKind.COUNT


@dataclass
class Statement:
    """One quantity as the report states it, with what it is about."""

    text: str  # the sentence it is in
    subject: str
    value: float | int
    unit: str
    line: int
    raw: str = ""  # as written: "约2.5万亿元", "5.5%左右"
    qualifier: str = ""  # 约 / 左右 / 以内 / 以上 / 以下 / 多 …
    decimals: int = 0  # digits after the point as written: the rounding the text used
    year: int | None = None
    entity: str = ""  # what is counted or summed ("年度市级重大建设项目")
    measure: str | None = None  # count / total_investment / annual_plan / completed / …
    group: str | None = None  # a part of the whole: a sector or a source of funds
    attribute: str | None = None  # indicators: 约束性 / 预期性
    status: str | None = None  # indicators: the status being counted ("暂不执行")
    start: int = 0  # offsets in the joined text
    end: int = 0
    sentence: int = 0  # index of the sentence in the report
    paragraph: int = 0  # index of the paragraph: parts are checked against a whole in it
    list_id: int | None = None  # statements shared out by one 分别 list
    in_brackets: bool = False  # "444项（打包项目拆分后共569项）": an aside, not the entity
    high: float | None = None  # a range's upper end ("4.5%-5%")
    lead: str = ""  # the words of its clause before it, as read ("控制在", "同比增长")
    bare: bool = False  # its clause names only a measure or change: subject from before it
    words_before: str = ""  # the text between the figure before it in the sentence and it

    @property
    def amount_yi(self) -> float | None:
        """The amount in 亿元 (money only), so 2.6万亿元 and 26000亿元 compare."""
        k = factor_between(self.unit, "亿元")
        return None if k is None else float(self.value) * k

    @property
    def factor(self) -> float:
        """How many of the unit `comparable` is in one of the unit written."""
        return factor_between(self.unit, "亿元") or 1.0

    @property
    def tolerance(self) -> float:
        """Half a unit of the last digit written, in the unit of `comparable`."""
        return 0.5 * 10 ** (-self.decimals) * self.factor

    @property
    def comparable(self) -> float:
        amount = self.amount_yi
        return float(self.value) if amount is None else amount

    @property
    def is_whole(self) -> bool:
        """About all the key projects (the 合计 row), not a part of them."""
        words = report_words().total_words
        return any(w in self.entity for w in words) and "前期" not in self.entity

    @property
    def is_table_whole(self) -> bool:
        """The whole the annex's 合计 row states: construction projects, or key projects
        named by their level only ("县级重点项目") — not a family of its own ("规划纲要重大项目")."""
        if not self.is_whole:
            return False
        if "建设项目" in self.entity:
            return True
        name = self.entity
        for word in report_words().level_words:
            name = name.replace(word, "")
        return name in report_words().total_words

    @property
    def target_text(self) -> str:
        """The target as the annex would write it: the verb of its clause and the figure."""
        verbs = ("控制在", "稳定在", "保持在", "不低于", "不高于", "不超过", "力争", "达到")
        verb = next((v for v in verbs if self.lead.endswith(v)), "")
        return f"{verb}{self.raw}"

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "subject": self.subject,
            "value": self.value,
            "unit": self.unit,
            "line": self.line,
            "raw": self.raw,
            "qualifier": self.qualifier or None,
            "year": self.year,
            "measure": self.measure,
            "group": self.group,
            "attribute": self.attribute,
            "status": self.status,
        }
        if self.high is not None:
            data["high"] = self.high
        if self.amount_yi is not None:
            data["value_yi"] = round(self.amount_yi, 6)
        return data


@dataclass
class Sentence:
    index: int
    start: int
    text: str
    year: int | None
    statements: list[Statement] = field(default_factory=list)


def _clean(text: str) -> str:
    return "".join(text.split()).replace("〔", "（").replace("〕", "）")


@cache
def _edges() -> tuple[re.Pattern, re.Pattern]:
    words = report_words()
    lead = "|".join(re.escape(w) for w in words.leading)
    trail = "|".join(re.escape(w) for w in words.trailing)
    return re.compile(f"^(?:{_LEADING_DATE.pattern[1:]}|{lead})+"), re.compile(f"(?:{trail})+$")


def strip_words(text: str, leading: bool = True, trailing: bool = True) -> str:
    """A subject without the verbs, dates and links around it."""
    head, tail = _edges()
    text = _clean(text).strip('“”"')
    changed = True
    while changed and text:
        changed = False
        if leading and (m := head.match(text)) and m.end():
            text, changed = text[m.end() :], True
        if trailing and (m := tail.search(text)) and m.start() < len(text):
            text, changed = text[: m.start()], True
    return text.strip('“”"')


@cache
def _measure_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in report_words().measure_words))


def is_bare(lead: str) -> bool:
    """A clause that names only a measure or a change ("同比增长", "项目总投资", "占…的")."""
    rest = lead[2:] if lead.startswith("项目") else lead
    return not _measure_pattern().sub("", rest)


def noun_prefix(phrase: str) -> str | None:
    """The longest start of `phrase` that ends a noun ("重大项目转化" → "重大项目")."""
    end = max((m.end() for m in _nouns().finditer(phrase)), default=0)
    return phrase[:end] if end else None


@cache
def _nouns() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in report_words().noun_ends))


def phrase_after(text: str, pos: int) -> str:
    out: list[str] = []
    quoted = False
    for i in range(pos, min(len(text), pos + 30)):
        ch = text[i]
        quoted = (quoted or ch == "“") and ch != "”"
        if ch in _ITEM_BREAK or (ch.isdigit() and not quoted) or (ch == "〔" and not out):
            break
        if ch in "和与及" and i + 1 < len(text) and text[i + 1].isdigit():
            break
        out.append(ch)
    return "".join(out).lstrip("的")


def phrase_before(text: str, pos: int, breaks: str = _ITEM_BREAK, floor: int = 0) -> str:
    i = pos
    while i > floor and text[i - 1] not in breaks:
        i -= 1
    return text[i:pos]


def _sentences(joined: JoinedText) -> list[tuple[int, str, int]]:
    out = []
    for number, (offset, paragraph) in enumerate(joined.paragraphs()):
        start = 0
        for i, ch in enumerate(paragraph):
            if ch in "。！？!?":
                if paragraph[start : i + 1].strip():
                    out.append((offset + start, paragraph[start : i + 1], number))
                start = i + 1
        if paragraph[start:].strip():
            out.append((offset + start, paragraph[start:], number))
    return out


def bracket_open(text: str, pos: int) -> int | None:
    """Where the bracket around pos opens, or None when pos is not in brackets."""
    opened: list[int] = []
    for m in _BRACKETS.finditer(text, 0, pos):
        if m.group() in "（(":
            opened.append(m.start())
        elif opened:
            opened.pop()
    return opened[-1] if opened else None


class _TargetContext:
    """Whether the sentence being read lists the year's targets: from a lead such as
    "主要预期目标是：" to the end of that sentence, across the lines of a list."""

    def __init__(self) -> None:
        self.open = False

    def start_of(self, sentence: str) -> int | None:
        """Offset in the sentence from which its figures are targets, or None."""
        words = report_words()
        at = min((sentence.find(w) for w in words.target_leads if w in sentence), default=-1)
        if at >= 0:
            self.open = True
            start: int | None = at
        else:
            start = 0 if self.open else None
        if sentence.rstrip().endswith(("。", "！", "？")):
            self.open = False
        return start


def extract(joined: JoinedText) -> list[Statement]:
    """Every quantity of the text, in order."""
    from workbench.core.text.lists import indicator_context, share_out_lists

    statements: list[Statement] = []
    year: int | None = None
    list_counter = 0
    targets = _TargetContext()
    for index, (offset, sentence, paragraph) in enumerate(_sentences(joined)):
        years = _YEAR.findall(sentence)
        if years:
            year = int(years[0])
        work = _SHORT_BRACKET.sub(lambda m: f"〔{m.group(1)}〕", sentence)
        target_from = targets.start_of(sentence)
        current: list[Statement] = []
        for fig in find_figures(sentence):
            stmt = _statement(joined, sentence, offset, fig, year, index, paragraph)
            stmt.words_before = sentence[current[-1].end - offset if current else 0 : fig.start]
            _read_subject(stmt, work, fig, current, statements)
            _mark_target(stmt, work, fig, target_from)
            current.append(stmt)
        list_counter = share_out_lists(sentence, offset, current, list_counter)
        indicator_context(sentence, offset, current)
        statements.extend(current)
    return statements


def _statement(
    joined: JoinedText,
    sentence: str,
    offset: int,
    fig: Figure,
    year: int | None,
    index: int,
    paragraph: int,
) -> Statement:
    return Statement(
        text=sentence.strip(),
        subject="",
        value=fig.value,
        unit=fig.unit,
        line=joined.line_at(offset + fig.number_start),
        raw=_clean(sentence[fig.start : fig.end].translate(FULLWIDTH)),
        qualifier=fig.before or fig.after,
        decimals=fig.decimals,
        year=year,
        start=offset + fig.start,
        end=offset + fig.end,
        sentence=index,
        paragraph=paragraph,
        in_brackets=bracket_open(sentence, fig.number_start) is not None,
        high=fig.high,
    )


def _previous(
    stmt: Statement, current: list[Statement], statements: list[Statement]
) -> Statement | None:
    """The figure a bare clause is about: the last one of the sentence outside brackets, or
    else the last one of the paragraph."""
    for earlier in reversed(current):
        if not earlier.in_brackets:
            return earlier
    if not current and statements and statements[-1].paragraph == stmt.paragraph:
        return statements[-1]
    return None


def _read_subject(
    stmt: Statement,
    work: str,
    fig: Figure,
    current: list[Statement],
    statements: list[Statement],
) -> None:
    floor = max((s.end - (stmt.start - fig.start) for s in current), default=0)
    before = phrase_before(work, fig.start, floor=floor)
    if before.endswith("等"):  # "A、B、C等1346公里项目": the list belongs to the subject
        before = phrase_before(work, fig.start, _CLAUSE_BREAK, floor)
    after = _clean(phrase_after(work, fig.end)).lstrip("和与及")
    lead = strip_words(before)
    if lead in ("和", "与", "及", "以及"):
        lead = ""
    stmt.lead = _clean(before)
    if work.startswith(
        ("万以上人口", "万以下人口", "万人口"), fig.number_start + len(fig.number_text)
    ):
        noun: str | None = noun_prefix(after) or after
        stmt.subject = stmt.entity = f"{str(noun).replace('人口', '')}人口"
        return
    if stmt.in_brackets:
        _bracket_subject(stmt, work, fig, current, lead)
    elif (
        after
        and after[0] not in "左右以多余"
        and (is_count(stmt.unit) or not lead or (before.endswith("等") and noun_prefix(after)))
    ):
        noun = noun_prefix(after)
        if noun and before.endswith("等") and not is_count(stmt.unit):
            stmt.subject = stmt.entity = strip_words(before, trailing=False) + noun
        elif noun and lead and _clean(before).endswith(("的", "年度", "级", "类")):
            stmt.subject = stmt.entity = lead + _clean(noun)  # "规划明确的532项重大项目"
        elif noun:
            stmt.subject = stmt.entity = _clean(noun)
        elif not lead and before.strip().startswith("其中") and current:
            stmt.entity = current[-1].entity
            stmt.subject = f"{stmt.entity}中{after[:12]}"
        else:
            stmt.subject = stmt.entity = after[:12] if is_count(stmt.unit) else (lead or after[:12])
        lead = "" if noun or not lead else lead
    elif is_bare(lead):
        prev = _previous(stmt, current, statements)
        stmt.bare = True
        stmt.entity = (prev.entity or prev.subject) if prev else ""
        base = prev.subject if prev and not prev.entity else stmt.entity
        if base.endswith("项目") and lead.startswith("项目"):
            lead = lead[2:]  # "重点建设项目" + "项目总投资"
        stmt.subject = base + lead if lead not in base else base
    else:
        noun = noun_prefix(lead)
        stmt.entity = noun or lead
        stmt.subject = lead
    measure = lead[len(stmt.entity) :] if lead.startswith(stmt.entity) else lead
    _indicator_subject(stmt)
    stmt.measure = measure_key(stmt, measure)
    if stmt.measure in ("count", "total_investment", "annual_plan", "completed", "completion_rate"):
        stmt.group = None if stmt.is_whole else group_of(stmt.entity)


def _bracket_subject(
    stmt: Statement, work: str, fig: Figure, current: list[Statement], lead: str
) -> None:
    """ "年初目标（6.5%）", "118496元（按年平均汇率折算为17617美元）": about what stands
    before the bracket — the figure that ends there, or else the words."""
    opened = bracket_open(work, fig.number_start)
    assert opened is not None
    base = stmt.start - fig.start  # the sentence's offset in the joined text
    head = work[:opened].rstrip()
    holder = next(
        (s for s in reversed(current) if not s.in_brackets and s.end - base == len(head)), None
    )
    outer = holder.subject if holder else strip_words(phrase_before(work, opened))
    if not outer:
        outer = next((s.subject for s in reversed(current) if not s.in_brackets), "")
    inner = strip_words(lead) if lead and not is_bare(lead) else ""
    stmt.entity = holder.entity if holder else outer
    stmt.subject = f"{outer}（{inner}）" if inner else outer


def _indicator_subject(stmt: Statement) -> None:
    if "指标" not in stmt.entity:
        return
    stmt.subject = stmt.entity = stmt.entity[: stmt.entity.rfind("指标") + 2]
    for attribute in ("约束性", "预期性"):
        if attribute in stmt.entity:
            stmt.attribute = attribute
            stmt.subject = stmt.entity = f"{attribute}指标"
    if stmt.entity not in ("约束性指标", "预期性指标"):
        stmt.subject = stmt.entity = "指标"


def _mark_target(stmt: Statement, work: str, fig: Figure, target_from: int | None) -> None:
    """A target of the year: in a list of targets, in a clause of intent, or a 目标 quoted."""
    words = report_words()
    if stmt.measure in ("count", "indicator_count", "completed", "completion_rate"):
        return
    clause = phrase_before(work, fig.start, _CLAUSE_BREAK.replace("（", "").replace("）", ""))
    if any(w in clause for w in words.estimate_words):
        return
    if is_count(stmt.unit) and "目标" in stmt.subject + stmt.lead:
        return  # "12项主要预期目标中10项…": counts of targets, not a target
    listed = target_from is not None and target_from <= fig.start
    verbs = [w for w in words.target_verbs if w in clause]
    # "控制在2.8%" in a review is a result; "控制在5.5%以内" bounds a target.
    bounded = stmt.qualifier in ("以内", "以下", "以上", "左右")
    intent = any(w != "控制在" or bounded for w in verbs)
    own = strip_words(stmt.lead)
    quoted = own.endswith(("目标", "目标为", "目标是")) and "完成" not in own
    if listed or intent or quoted:
        stmt.measure = "target"


def measure_key(stmt: Statement, measure_words: str) -> str | None:
    if stmt.in_brackets and "目标" in stmt.subject:
        return "target"
    if is_count(stmt.unit):
        if "指标" in stmt.entity:
            return "indicator_count"
        if "项目" in stmt.entity and stmt.unit in ("个", "项"):
            return "count"
        return None
    if stmt.amount_yi is not None:
        for word, key in (
            ("总投资", "total_investment"),
            ("计划投资", "annual_plan"),
            ("投资计划", "annual_plan"),
        ):
            if word in measure_words:
                return key
        if "完成投资" in measure_words or measure_words.endswith("完成"):
            return "completed"
        return None
    if stmt.unit == "%":
        if "开工" in measure_words:  # the share of planned starts, not of planned money
            return None
        if any(
            w in measure_words for w in ("年度计划", "计划投资", "投资计划", "完成率", "投资进度")
        ):
            return "completion_rate"
        if "目标" in measure_words:
            return "target"
    return None


def group_of(entity: str) -> str | None:
    for suffix in ("领域项目", "板块项目", "类项目", "项目"):
        if entity.endswith(suffix) and len(entity) > len(suffix):
            return entity[: -len(suffix)]
    return None
