"""The report against itself: parts against the whole, and the bases rates imply.

A report quotes the whole ("全年完成投资4093亿元，为年度计划的115.8%") and its parts
("政府投资项目…1349亿元…110.1%，企业投资项目…2744亿元…117.1%"). Counts and money of the
parts must add up to the whole; and each rate implies a base (completed ÷ rate), so the
parts' implied bases must add up to the whole's implied base. Figures are rounded as
written, so every comparison allows the rounding of the digits the text shows: a finding
means no figures consistent with what is written could all be true.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from workbench.core.text.figures import COLUMN_LABELS
from workbench.core.text.quantities import Statement
from workbench.core.vocab import Severity

NEAR_SENTENCES = 3
ADDITIVE = ("count", "total_investment", "annual_plan", "completed")


def fmt(value: float, unit: str) -> str:
    if unit in ("个", "项"):
        return f"{value:g}{unit}"
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value:,.2f}{unit}".replace(",", "")


@dataclass(frozen=True)
class TextProblem:
    """A disagreement inside the report: which statements, and what each implies."""

    rule: str  # text_parts / text_implied_base / text_indicator_parts
    severity: Severity
    message: str
    statements: tuple[Statement, ...]
    values: dict


def _whole_before(statements: list[Statement], measure: str, part: Statement) -> Statement | None:
    """The whole the parts split: the last one quoted shortly before them (a report gives
    the whole, then "从重点板块看……", "从投资来源看……" in the next sentences)."""
    found = None
    for stmt in statements:
        if stmt.start > part.start:
            break
        if (
            stmt.measure == measure
            and stmt.year == part.year
            and part.sentence - stmt.sentence <= NEAR_SENTENCES
            and stmt.is_whole
        ):
            found = stmt
    return found


def _partitions(statements: list[Statement]) -> dict[tuple, list[Statement]]:
    """Parts quoted together for one measure: one way of splitting the whole. Together is one
    sentence ("A、B领域项目分别完成投资…"), or consecutive sentences of one paragraph that
    each give one part ("其中，A项目完成投资…。B项目完成投资…。")."""
    parts: dict[tuple, list[Statement]] = defaultdict(list)
    for stmt in statements:
        if stmt.group and stmt.measure in (*ADDITIVE, "completion_rate"):
            parts[(stmt.year, stmt.measure, stmt.sentence)].append(stmt)
    chained: dict[tuple, list[Statement]] = {}
    last: dict[tuple, tuple] = {}  # (year, measure) → key of the chain being extended
    for key in sorted(parts, key=lambda k: k[2]):
        year, measure, sentence = key
        mine = parts[key]
        previous = last.get((year, measure))
        single = len({s.group for s in mine}) == 1
        if (
            single
            and previous is not None
            and previous[2] + len({s.sentence for s in chained[previous]}) == sentence
            and chained[previous][-1].paragraph == mine[0].paragraph
            and len({s.group for s in chained[previous]}) == len(chained[previous])
        ):
            chained[previous] = chained[previous] + mine
            continue
        chained[key] = list(mine)
        if single:
            last[(year, measure)] = key
        else:
            last.pop((year, measure), None)
    return {k: v for k, v in chained.items() if len({s.group for s in v}) >= 2}


def parts_vs_whole(statements: list[Statement]) -> list[TextProblem]:
    out = []
    for (_year, measure, _), parts in _partitions(statements).items():
        if measure not in ADDITIVE:
            continue
        whole = _whole_before(statements, measure, parts[0])
        if whole is None:
            continue
        total = sum(p.comparable for p in parts)
        slack = sum(p.tolerance for p in parts) + whole.tolerance
        if abs(total - whole.comparable) <= slack + 1e-9:
            continue
        unit = "亿元" if whole.amount_yi is not None else whole.unit
        names = "、".join(f"{p.group}{fmt(p.comparable, unit)}" for p in parts)
        lines = sorted({p.line for p in parts})
        message = (
            f"报告第{lines[0]}行起所列{len(parts)}个分项的{COLUMN_LABELS[measure]}（{names}）"
            f"合计{fmt(total, unit)}，与第{whole.line}行的总数{whole.raw}"
            f"（{fmt(whole.comparable, unit)}）相差{fmt(total - whole.comparable, unit)}"
        )
        severity = Severity.WARNING if total < whole.comparable else Severity.ERROR
        if severity is Severity.WARNING:
            message += "；若所列分项并非全部，可忽略"
        out.append(
            TextProblem(
                "text_parts",
                severity,
                message,
                (whole, *parts),
                {
                    "line": whole.line,
                    "lines": [whole.line, *lines],
                    "parts": round(total, 6),
                    "whole": whole.comparable,
                    "difference": round(total - whole.comparable, 6),
                },
            )
        )
    return out


def _base_interval(completed: Statement, rate: Statement) -> tuple[float, float]:
    """Bounds of completed ÷ rate over every figure that rounds to what is written."""
    c, ct = completed.comparable, completed.tolerance
    r, rt = rate.comparable / 100, rate.tolerance / 100
    return (c - ct) / (r + rt), (c + ct) / (r - rt)


def implied_bases(statements: list[Statement]) -> list[TextProblem]:
    """Each part's completed ÷ rate, added up, against the whole's completed ÷ rate."""
    out = []
    by_key = _partitions(statements)
    for (year, measure, sentence), rates in by_key.items():
        if measure != "completion_rate":
            continue
        done = {s.group: s for s in by_key.get((year, "completed", sentence), [])}
        pairs = [(done[r.group], r) for r in rates if r.group in done]
        if len(pairs) < 2 or len(pairs) != len(rates):
            continue
        whole_rate = _whole_before(statements, "completion_rate", rates[0])
        whole_done = _whole_before(statements, "completed", rates[0])
        if whole_rate is None or whole_done is None:
            continue
        if whole_rate.comparable <= 0 or any(r.comparable <= 0 for _, r in pairs):
            continue  # a rate of 0% implies no base
        low, high = _base_interval(whole_done, whole_rate)
        part_low = sum(_base_interval(c, r)[0] for c, r in pairs)
        part_high = sum(_base_interval(c, r)[1] for c, r in pairs)
        if part_high >= low - 1e-9 and part_low <= high + 1e-9:
            continue
        whole_base = whole_done.comparable / (whole_rate.comparable / 100)
        bases = [(c, r, c.comparable / (r.comparable / 100)) for c, r in pairs]
        parts_base = sum(b for _, _, b in bases)
        parts_done = sum(c.comparable for c, _ in pairs)
        rate_from_parts = parts_done / parts_base * 100 if parts_base else 0.0
        base_from_rates = (
            whole_done.comparable / (rate_from_parts / 100) if rate_from_parts else 0.0
        )
        each = "；".join(
            f"{c.group}{fmt(c.comparable, '亿元')}÷{r.raw}={fmt(b, '亿元')}" for c, r, b in bases
        )
        message = (
            f"报告第{whole_rate.line}行称完成投资{whole_done.raw}、为年度计划的{whole_rate.raw}，"
            f"推算年度计划约{fmt(whole_base, '亿元')}；而第{bases[0][1].line}行按投资来源所列比例推算："
            f"{each}，合计{fmt(parts_base, '亿元')}，相差{fmt(parts_base - whole_base, '亿元')}。"
            f"按分项推算，总完成率应为{rate_from_parts:.1f}%（而非{whole_rate.raw}）"
        )
        out.append(
            TextProblem(
                "text_implied_base",
                Severity.ERROR,
                message,
                (whole_rate, whole_done, *[s for pair in pairs for s in pair]),
                {
                    "line": whole_rate.line,
                    "lines": sorted({whole_rate.line, *(r.line for _, r in pairs)}),
                    "whole_base": round(whole_base, 2),
                    "parts_base": round(parts_base, 2),
                    "part_bases": {c.group: round(b, 2) for c, _, b in bases},
                    "difference": round(parts_base - whole_base, 2),
                    "rate_from_parts": round(rate_from_parts, 2),
                    "stated_rate": whole_rate.comparable,
                    "base_from_parts_rate": round(base_from_rates, 2),
                },
            )
        )
    return out


def indicator_parts(statements: list[Statement]) -> list[TextProblem]:
    """ "36项指标……7项约束性……29项预期性": attribute counts add up to the total, and the
    status counts of an attribute do not exceed it."""
    out = []
    counts = [s for s in statements if s.measure == "indicator_count"]
    for year in sorted({s.year for s in counts if s.year}):
        mine = [s for s in counts if s.year == year]
        totals = [s for s in mine if s.attribute is None and s.status is None]
        by_attr = {s.attribute: s for s in mine if s.attribute and s.status is None}
        if totals and len(by_attr) == 2:
            total = totals[0]
            added = sum(s.value for s in by_attr.values())
            if added != total.value:
                out.append(
                    TextProblem(
                        "text_indicator_parts",
                        Severity.ERROR,
                        f"报告第{total.line}行称{year}年指标共{total.value}项，"
                        f"而约束性{by_attr['约束性'].value}项与预期性{by_attr['预期性'].value}项合计{added}项",
                        (total, *by_attr.values()),
                        {"line": total.line, "whole": total.value, "parts": added},
                    )
                )
        for attribute, whole in by_attr.items():
            statuses = [s for s in mine if s.attribute == attribute and s.status]
            listed = sum(s.value for s in statuses)
            if statuses and listed > whole.value:
                out.append(
                    TextProblem(
                        "text_indicator_parts",
                        Severity.ERROR,
                        f"报告第{whole.line}行称{attribute}指标{whole.value}项，其后分述的情况合计{listed}项，超过总数",
                        (whole, *statuses),
                        {"line": whole.line, "whole": whole.value, "parts": listed},
                    )
                )
    return out


def check_text(statements: list[Statement]) -> list[TextProblem]:
    from workbench.core.text.arithmetic import arithmetic_checks

    return (
        parts_vs_whole(statements)
        + implied_bases(statements)
        + indicator_parts(statements)
        + arithmetic_checks(statements)
    )
