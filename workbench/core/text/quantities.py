"""Quantities quoted in a report's prose: value, unit, what they are about, and the line.

Rules, not a language model: a figure is an Arabic number followed by a unit (个, 项, 家,
公里, 亿元, 万亿元, %, 个百分点 …). Years ("2021年"), codes ("T3B", "5G", "C7线") and ordinals
("第6代") are not quantities. The subject is read from the words around the figure the way
these reports are written:

- a count before its noun ("177个优质粮食工程项目") or after it ("科技创新项目15个");
- a sum or rate after its measure ("总投资2.6万亿元", "占年度计划的115.8%"), about the
  entity last counted in the sentence ("实施…项目861个，总投资…");
- lists shared out by 分别 ("A、B、C领域项目分别完成投资370亿元、290亿元、603亿元").

Each statement also carries what the checks need: the year it is about, the table measure it
quotes (count, completed, completion_rate …), the group (a sector or source of funds) and,
for indicators, the attribute and status it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench.core.text.layout import JoinedText

# Longest first: the first unit that the text after a number starts with wins.
UNITS = (
    "万亿元",
    "亿美元",
    "亿元",
    "万元",
    "元",
    "个百分点",
    "%",
    "万家",
    "万人",
    "万吨",
    "万个",
    "公里",
    "平方米",
    "个",
    "项",
    "家",
    "条",
    "座",
    "所",
    "件",
    "户",
    "倍",
    "人",
    "吨",
    "年",
)
COUNT_UNITS = frozenset({"个", "项", "家", "万家", "条", "座", "所", "件", "户", "万个"})
# Money in 亿元, the unit of the tables: 万亿元 and 亿元 compare directly.
TO_YI = {"万亿元": 10000.0, "亿元": 1.0, "万元": 0.0001, "元": 1e-8}
QUALIFIERS_AFTER = ("左右", "以内", "以上", "以下", "多")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NOT_BEFORE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-第")
_CLAUSE_BREAK = "，,；;：:（(）)。！？!?\n"
_ITEM_BREAK = _CLAUSE_BREAK + "、"
# Words that end a noun phrase: "532项重大项目转化" is about 重大项目.
_NOUN_ENDS = (
    "项目包",
    "产业链",
    "项目",
    "工程",
    "指标",
    "企业",
    "车间",
    "工厂",
    "园区",
    "领域",
    "事项",
    "任务",
    "平台",
    "基地",
    "中心",
    "城市",
    "潜伏期",
    "板块",
    "行动",
)
# Verbs and adverbs in front of a subject ("计划实施…", "力争…") and links after a measure
# ("…为", "…控制在").
_LEADING = (
    "经年中优化",
    "共实施",
    "拟安排",
    "安排",
    "累计实施",
    "计划实施",
    "计划推进",
    "继续实施",
    "新培育",
    "提速建设",
    "加快推动",
    "加快",
    "实施",
    "推进",
    "培育",
    "打造",
    "建设",
    "建成",
    "开工",
    "其中",
    "力争",
    "全年",
    "我市",
    "经过",
    "累计",
    "全市",
    "包括",
    "国家",
)
_TRAILING = ("控制在", "达到", "突破", "共计", "合计", "为", "在", "达", "共", "约", "的", "等")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


@dataclass
class Statement:
    """One quantity as the report states it, with what it is about."""

    text: str  # the sentence it is in
    subject: str
    value: float | int
    unit: str
    line: int
    raw: str = ""  # as written: "约2.5万亿元", "5.5%左右"
    qualifier: str = ""  # 约 / 左右 / 以内 / 以上 / 以下 / 多
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

    @property
    def amount_yi(self) -> float | None:
        """The amount in 亿元 (money only), so 2.6万亿元 and 26000亿元 compare."""
        factor = TO_YI.get(self.unit)
        return None if factor is None else float(self.value) * factor

    @property
    def tolerance(self) -> float:
        """Half a unit of the last digit written, in the unit of `comparable`."""
        half = 0.5 * 10 ** (-self.decimals)
        return half * TO_YI.get(self.unit, 1.0)

    @property
    def comparable(self) -> float:
        amount = self.amount_yi
        return float(self.value) if amount is None else amount

    @property
    def is_whole(self) -> bool:
        """About all major construction projects (the 合计 row), not a part of them."""
        whole = "重大建设项目" in self.entity or "重点建设项目" in self.entity
        return whole and "前期" not in self.entity

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


def _strip_words(text: str, leading: bool = True, trailing: bool = True) -> str:
    text = text.strip(' “”"')
    changed = True
    while changed and text:
        changed = False
        year = re.match(
            r"^(?:(?:19|20)\d\d年(?:度)?|\d{1,2}[-—至～~]\d{1,2}月(?:份)?|今年|本年度)", text
        )
        if leading and year:
            text, changed = text[year.end() :], True
        for word in _LEADING if leading else ():
            if text.startswith(word):
                text, changed = text[len(word) :], True
        for word in _TRAILING if trailing else ():
            if text.endswith(word):
                text, changed = text[: -len(word)], True
    return text


def _noun_prefix(phrase: str) -> str | None:
    """The longest start of `phrase` that ends a noun ("重大项目转化" → "重大项目")."""
    best = None
    for word in _NOUN_ENDS:
        at = phrase.rfind(word)
        if at >= 0 and (best is None or at + len(word) > len(best)):
            best = phrase[: at + len(word)]
    return best


def _phrase_after(text: str, pos: int) -> str:
    out = []
    for i in range(pos, min(len(text), pos + 30)):
        ch = text[i]
        if ch in _ITEM_BREAK:
            break
        if ch in "和与及" and i + 1 < len(text) and text[i + 1].isdigit():
            break
        out.append(ch)
    return "".join(out)


def _phrase_before(text: str, pos: int, breaks: str = _ITEM_BREAK) -> str:
    i = pos
    while i > 0 and text[i - 1] not in breaks:
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


def _find_quantities(sentence: str) -> list[tuple[int, int, int, str, str, str]]:
    """(number start, number end, end of unit and qualifiers, unit, before-qualifier,
    after-qualifier) for each quantity in a sentence (normalised digits)."""
    norm = sentence.translate(_FULLWIDTH)
    found = []
    for m in _NUMBER.finditer(norm):
        s, e = m.span()
        if e - s > 18:  # no report quotes a figure that long: a serial number, not a quantity
            continue
        if s > 0 and norm[s - 1] in _NOT_BEFORE:
            continue
        if e < len(norm) and (norm[e].isascii() and norm[e].isalpha()):
            continue
        after = norm[e : e + 8]
        if after.startswith("+"):
            continue
        unit = next((u for u in UNITS if after.startswith(u)), None)
        unit_len = len(unit) if unit else 0
        if after.startswith(("万以上人口", "万以下人口", "万人口")):
            unit, unit_len = "万人", 1
        if unit is None:
            continue
        if unit == "年" and (
            len(m.group()) == 4 or after.startswith("年度") or float(m.group()) >= 100
        ):
            continue
        end = e + unit_len
        qual_after = next((q for q in QUALIFIERS_AFTER if norm.startswith(q, end)), "")
        end += len(qual_after)
        qual_before = "约" if s > 0 and norm[s - 1] == "约" else ""
        found.append((s, e, end, unit, qual_before, qual_after))
    return found


def _bracket_depth(text: str, pos: int) -> int:
    head = text[:pos]
    return head.count("（") + head.count("(") - head.count("）") - head.count(")")


def _measure_key(stmt: Statement, measure_words: str) -> str | None:
    if stmt.unit in COUNT_UNITS:
        if "指标" in stmt.entity:
            return "indicator_count"
        if "项目" in stmt.entity:
            return "count"
        return None
    if stmt.unit in TO_YI:
        for word, key in (
            ("总投资", "total_investment"),
            ("计划投资", "annual_plan"),
            ("投资计划", "annual_plan"),
        ):
            if word in measure_words:
                return key
        if "完成投资" in measure_words or "完成" in measure_words:
            return "completed"
        return None
    if stmt.unit == "%":
        if "开工" in measure_words:  # the share of planned starts, not of planned money
            return None
        if (
            "年度计划" in measure_words
            or "年度投资计划" in measure_words
            or "完成率" in measure_words
        ):
            return "completion_rate"
        if "目标" in measure_words or stmt.qualifier in ("左右", "以内", "以上", "以下"):
            return "target"
    return None


def _group_of(entity: str) -> str | None:
    for suffix in ("领域项目", "板块项目", "类项目", "项目"):
        if entity.endswith(suffix) and len(entity) > len(suffix):
            return entity[: -len(suffix)]
    return None


def extract(joined: JoinedText) -> list[Statement]:
    """Every quantity of the text, in order."""
    statements: list[Statement] = []
    year: int | None = None
    list_counter = 0
    for index, (offset, sentence, paragraph) in enumerate(_sentences(joined)):
        years = _YEAR.findall(sentence)
        if years:
            year = int(years[0])
        found = _find_quantities(sentence)
        current: list[Statement] = []
        for s, e, end, unit, qb, qa in found:
            number = sentence[s:e].translate(_FULLWIDTH)
            value: float | int = float(number) if "." in number else int(number)
            stmt = Statement(
                text=sentence.strip(),
                subject="",
                value=value,
                unit=unit,
                line=joined.line_at(offset + s),
                raw=sentence[s - len(qb) : end],
                qualifier=qb or qa,
                decimals=len(number.split(".")[1]) if "." in number else 0,
                year=year,
                start=offset + s - len(qb),
                end=offset + end,
                sentence=index,
                paragraph=paragraph,
                in_brackets=_bracket_depth(sentence, s) > 0,
            )
            _read_subject(stmt, sentence, s - len(qb), end, current)
            current.append(stmt)
        list_counter = _share_out_lists(sentence, offset, current, list_counter)
        _indicator_context(sentence, offset, current)
        statements.extend(current)
    return statements


def _read_subject(
    stmt: Statement, sentence: str, num_start: int, end: int, earlier: list[Statement]
) -> None:
    before = _phrase_before(sentence, num_start)
    if before.endswith("等"):  # "A、B、C等1346公里项目": the list belongs to the subject
        before = _phrase_before(sentence, num_start, _CLAUSE_BREAK)
    after = _phrase_after(sentence, end)
    if stmt.unit == "万人":  # "20万以上人口城市"
        noun: str | None = _noun_prefix(after) or after
        stmt.subject = f"{noun.replace('人口', '')}人口".strip() if noun else "人口"
        stmt.entity = stmt.subject
        return
    entity = next(
        (s.entity for s in reversed(earlier) if s.unit in COUNT_UNITS and not s.in_brackets), ""
    )
    if after and after[0] not in "左右以多":
        noun = _noun_prefix(after)
        lead = _strip_words(before, trailing=False)
        if noun:
            if stmt.unit not in COUNT_UNITS and before.endswith("等"):
                subject = _strip_words(before, trailing=False) + noun
            else:
                subject = noun
            stmt.subject = stmt.entity = subject
        elif not lead and before.strip().startswith("其中") and entity:
            stmt.subject = f"{entity}中{after[:12]}"
            stmt.entity = entity
        elif stmt.unit in COUNT_UNITS or not lead:
            stmt.subject = stmt.entity = after[:12]
        else:
            stmt.subject = lead
            stmt.entity = lead
        measure = stmt.subject
    else:
        measure = _strip_words(before)
        if entity.endswith("项目") and measure.startswith("项目"):
            measure = measure[2:]  # "重点建设项目" + "项目总投资"
        if stmt.unit in COUNT_UNITS:
            stmt.subject = stmt.entity = measure
        else:
            stmt.entity = entity
            stmt.subject = f"{entity}{measure}" if entity and measure not in entity else measure
            stmt.subject = stmt.subject or entity
    if "指标" in stmt.entity:
        stmt.subject = stmt.entity = stmt.entity[: stmt.entity.rfind("指标") + 2]
        for attribute in ("约束性", "预期性"):
            if attribute in stmt.entity:
                stmt.attribute = attribute
                stmt.subject = stmt.entity = f"{attribute}指标"
        if stmt.entity not in ("约束性指标", "预期性指标"):
            stmt.subject = stmt.entity = "指标"
    stmt.measure = _measure_key(stmt, measure)
    if stmt.measure in ("count", "total_investment", "annual_plan", "completed", "completion_rate"):
        stmt.group = None if stmt.is_whole else _group_of(stmt.entity)


def _list_runs(sentence: str, offset: int, stmts: list[Statement]) -> list[list[Statement]]:
    """Runs of same-unit figures separated only by "、" or "和"."""
    runs: list[list[Statement]] = []
    for stmt in stmts:
        if runs:
            last = runs[-1][-1]
            between = sentence[last.end - offset : stmt.start - offset]
            if last.unit == stmt.unit and between in ("、", "和", "，", ","):
                if between in ("、", "和") or len(runs[-1]) > 1:
                    runs[-1].append(stmt)
                    continue
        runs.append([stmt])
    # "，" only joins a run already started with "、"
    return [r for r in runs if len(r) >= 2]


def _share_out_lists(sentence: str, offset: int, stmts: list[Statement], counter: int) -> int:
    items: list[str] | None = None
    groups: list[str | None] = []
    for run in _list_runs(sentence, offset, stmts):
        first = run[0].start - offset
        respectively = sentence.rfind("分别", 0, first)
        measure_words = ""
        if respectively >= 0 and not any(c in _CLAUSE_BREAK for c in sentence[respectively:first]):
            measure_words = sentence[respectively + 2 : first]
            counts = [
                s
                for s in stmts
                if s.unit in COUNT_UNITS and s.end - offset <= respectively and s not in run
            ]
            clause = _phrase_before(sentence, respectively, _CLAUSE_BREAK)
            if len(counts) >= len(run) and not clause.strip():
                items = [s.entity for s in counts[-len(run) :]]
            else:
                parts = re.split(r"[、和]", clause)
                items = [p for p in parts if p]
                if len(items) == len(run):
                    suffix = next(
                        (
                            x
                            for x in ("领域项目", "板块项目", "项目", "领域")
                            if items[-1].endswith(x) and not items[0].endswith(x)
                        ),
                        "",
                    )
                    if suffix:
                        items = [i if i.endswith(suffix) else i + suffix for i in items]
            groups = [_group_of(i) or i for i in items] if items else []
        elif items is not None and len(items) == len(run):
            measure_words = _strip_words(_phrase_before(sentence, first))
        else:
            continue
        if not items or len(items) != len(run):
            continue
        counter += 1
        measure_words = _strip_words(measure_words)
        for stmt, item, group in zip(run, items, groups, strict=True):
            stmt.entity = item
            stmt.subject = f"{item}{measure_words}"
            stmt.list_id = counter
            stmt.measure = _measure_key(stmt, measure_words)
            stmt.group = group
    return counter


def _indicator_context(sentence: str, offset: int, stmts: list[Statement]) -> None:
    """ "7项约束性指标中，1项指标暂不执行": the plain 指标 counts after it are binding
    indicators with the status the clause names."""
    attribute = None
    for stmt in stmts:
        if stmt.measure != "indicator_count":
            continue
        tail = sentence[stmt.end - offset :]
        if stmt.attribute and tail.startswith(f"{stmt.attribute}指标中"):
            attribute = stmt.attribute
            continue
        if attribute and stmt.attribute is None and tail.startswith("指标"):
            status = _phrase_after(sentence, stmt.end - offset + 2).lstrip("在")
            stmt.attribute = attribute
            stmt.status = status
            stmt.subject = f"{attribute}指标（{status}）"
