"""Figures shared out by a list: "A、B、C分别增长X%、Y%、Z%" and the indicator counts.

A run of figures of one unit separated only by "、" or "和" is a list; when 分别 stands
before it, each figure belongs to one item named in the clause before 分别 ("城镇居民、农村
居民人均可支配收入"), to the figures before it when that clause names none ("男性人口…，女性
人口…，分别占总人口的52.2%和47.8%"), or to the items of the list before it ("分别为…，
比上年分别增长…"). A 左右 or 以上 written once after the last item bounds every item.
"""

from __future__ import annotations

import re

from workbench.core.text.quantities import (
    Statement,
    group_of,
    is_count,
    measure_key,
    phrase_after,
    phrase_before,
    strip_words,
)
from workbench.core.text.words import report_words

_CLAUSE_BREAK = "，,；;：:（(）)。！？!?\n"


def _list_runs(sentence: str, offset: int, stmts: list[Statement]) -> list[list[Statement]]:
    """Runs of same-unit figures separated only by "、" or "和"."""
    runs: list[list[Statement]] = []
    for stmt in stmts:
        if runs:
            last = runs[-1][-1]
            between = "".join(sentence[last.end - offset : stmt.start - offset].split())
            if last.unit == stmt.unit and between in ("、", "和", "及", "，", ","):
                if between in ("、", "和", "及") or len(runs[-1]) > 1:
                    runs[-1].append(stmt)
                    continue
        runs.append([stmt])
    return [r for r in runs if len(r) >= 2]


def _items(clause: str, count: int) -> list[str] | None:
    """The items a clause names, with the ending they share written once on the last."""
    parts = [p for p in re.split(r"[、和及]", "".join(clause.split())) if p]
    if len(parts) != count:
        return None
    parts[0] = strip_words(parts[0], trailing=False) or parts[0]
    last = parts[-1]
    suffix = next(
        (x for x in report_words().list_suffixes if last.endswith(x) and not parts[0].endswith(x)),
        "",
    )
    heads = [p[1:] if p.startswith("第") and len(p) > 1 else p for p in parts[:-1]]
    tail = heads[-1][-2:]
    if not suffix and len(tail) == 2 and last.find(tail) > 0:
        suffix = last[last.find(tail) + 2 :]  # "高技术制造业、装备制造业增加值"
    elif not suffix:
        size = len(heads[-1])
        if all(len(h) == size for h in heads) and len(last) > size:
            suffix = last[size:]  # "一、二、三产业增加值"
    if suffix:
        parts = [p if p.endswith(suffix) else p + suffix for p in parts]
    return parts


def share_out_lists(sentence: str, offset: int, stmts: list[Statement], counter: int) -> int:
    items: list[str] | None = None
    for run in _list_runs(sentence, offset, stmts):
        _share_bound(run)
        first = run[0].start - offset
        respectively = sentence.rfind("分别", 0, first)
        if respectively < 0 or any(c in _CLAUSE_BREAK for c in sentence[respectively:first]):
            if items is None or len(items) != len(run):
                continue
            measure_words = strip_words(phrase_before(sentence, first))
        else:
            measure_words = sentence[respectively + 2 : first]
            clause = phrase_before(sentence, respectively, _CLAUSE_BREAK)
            found = _items(clause, len(run)) if strip_words(clause) else None
            if found is None and not strip_words(clause):
                earlier = [s for s in stmts if s.end - offset <= respectively and s not in run]
                if len(earlier) >= len(run):
                    found = [s.entity or s.subject for s in earlier[-len(run) :]]
            if found is None and items is not None and len(items) == len(run):
                found = items
            if found is None:
                continue
            items = found
        counter += 1
        measure_words = strip_words(measure_words)
        for stmt, item in zip(run, items, strict=True):
            stmt.entity = item
            stmt.subject = f"{item}{measure_words}"
            stmt.list_id = counter
            keep_target = stmt.measure == "target"
            stmt.measure = measure_key(stmt, measure_words)
            if keep_target and stmt.measure is None:
                stmt.measure = "target"
            stmt.group = group_of(item) or item
    return counter


def _share_bound(run: list[Statement]) -> None:
    """ "分别增长7%、8%左右": the 左右 written once bounds every item."""
    bound = run[-1].qualifier if run[-1].qualifier in ("左右", "以上", "以内", "以下") else ""
    for stmt in run[:-1]:
        if bound and not stmt.qualifier:
            stmt.qualifier = bound
            stmt.raw += bound


def indicator_context(sentence: str, offset: int, stmts: list[Statement]) -> None:
    """ "7项约束性指标中，1项指标暂不执行": the plain 指标 counts after it are binding
    indicators with the status the clause names."""
    attribute = None
    for stmt in stmts:
        if stmt.measure != "indicator_count" or not is_count(stmt.unit):
            continue
        tail = sentence[stmt.end - offset :]
        if stmt.attribute and tail.startswith(f"{stmt.attribute}指标中"):
            attribute = stmt.attribute
            continue
        if attribute and stmt.attribute is None and tail.startswith("指标"):
            status = phrase_after(sentence, stmt.end - offset + 2).lstrip("在")
            stmt.attribute = attribute
            stmt.status = status
            stmt.subject = f"{attribute}指标（{status}）"
