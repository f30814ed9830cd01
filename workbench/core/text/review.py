"""Findings about a report's text: against the tables, and against itself.

Findings use the `Finding` type of the table checks, so the findings list, `check` and the
审核意见 sheet show them beside the others. `values["line"]` is the report line; `table`,
`row` and `column` name the cell the statement quotes (empty when the text disagrees with
itself and the tables hold no such figure).
"""

from __future__ import annotations

import re

from workbench.core.checks import Finding
from workbench.core.document import PlanDocument
from workbench.core.schema import TableKind
from workbench.core.status import DONE, MOSTLY, NOT_DONE
from workbench.core.text.consistency import TextProblem, check_text
from workbench.core.text.figures import (
    COLUMN_LABELS,
    effective_status,
    figure_for,
    find_indicator,
    match_all,
    rows_with_status,
    tables_of,
)
from workbench.core.text.quantities import Statement
from workbench.core.vocab import Severity

RULE_LABELS = {
    "text_table": "报告与附表",
    "text_parts": "报告分项与总数",
    "text_implied_base": "报告完成率推算",
    "text_indicator_parts": "报告指标个数",
    "text_indicator_status": "报告指标完成情况",
    "text_growth_levels": "报告增速与总量",
    "text_point_gap": "报告百分点差",
    "text_completion_rate": "报告完成率与金额",
    "text_stated_twice": "报告前后不一",
    "text_implausible": "报告数字不合常理",
}
_EXCEPT = re.compile(
    r"(\d+)项(约束性|预期性)?指标除(.+?)外(?:都|均|全部)?(?:能够|已经|已)?(?:完成|实现)"
)
_REST_DONE = re.compile(r"其余(?:指标)?(?:全部|均|都)(?:已)?完成")


def _show(stmt: Statement) -> str:
    return f"第{stmt.line}行“{stmt.raw}”（{stmt.subject}）"


def _figure_text(value: float | None, column: str | None, unit: str) -> str:
    if value is None:
        return "空"
    if column in ("count", "indicator_count", "attribute", "status", None) and unit in ("个", "项"):
        return f"{value:g}{unit}"
    if column == "completion_rate" or unit == "%":
        return f"{value:g}%"
    return f"{value:g}亿元"


def table_findings(doc: PlanDocument, statements: list[Statement]) -> list[Finding]:
    """Statements whose figure in the tables says otherwise."""
    out = []
    for match in match_all(doc, statements):
        if match.agrees:
            continue
        stmt, fig = match.statement, match.figure
        if stmt.measure == "target":
            told = f"目标为“{fig.text}”" if fig.text else "没有目标"
        else:
            told = f"为 {_figure_text(fig.value, fig.column, stmt.unit)}"
        message = f"报告{_show(stmt)}与{fig.where}不符：表中{told}"
        if match.difference is not None and stmt.measure != "target":
            gap = round(abs(match.difference), 4)
            if stmt.unit == "%" or fig.column == "completion_rate":
                amount = f"{gap:g}个百分点"
            else:
                amount = _figure_text(gap, fig.column, stmt.unit)
            message += f"（报告{'多' if match.difference > 0 else '少'} {amount}）"
        out.append(
            Finding(
                Severity.ERROR,
                "text_table",
                message,
                fig.table,
                fig.row if fig.row is not None else (fig.keys[0] if len(fig.keys) == 1 else None),
                fig.column,
                {
                    "line": stmt.line,
                    "text": stmt.raw,
                    "subject": stmt.subject,
                    "stated": stmt.comparable,
                    "table_value": fig.value if stmt.measure != "target" else fig.text,
                    "difference": match.difference,
                    "computed": fig.computed,
                },
            )
        )
    return out


def _problem_finding(doc: PlanDocument | None, problem: TextProblem) -> Finding:
    """Point a text-vs-text finding at the cell of its first statement, when there is one."""
    table, row, column = "", None, None
    if doc is not None:
        for stmt in problem.statements:
            fig = figure_for(doc, stmt)
            if fig is not None:
                table, row, column = fig.table, fig.row, fig.column
                break
    return Finding(
        problem.severity, problem.rule, problem.message, table, row, column, problem.values
    )


def indicator_status_findings(doc: PlanDocument, statements: list[Statement]) -> list[Finding]:
    """ "29项预期性指标除X外都能够完成" and "其余指标全部完成" against the annex: which
    indicators did not meet their target, by attribute, and whether the report named them."""
    out: list[Finding] = []
    seen: set[int] = set()
    for stmt in statements:
        if stmt.measure != "indicator_count" or stmt.sentence in seen:
            continue
        tables = [
            t
            for t in tables_of(doc, TableKind.INDICATORS, stmt.year)
            if any(r.get("attribute") for _, r in t)
        ]
        if not tables:
            continue
        table = tables[0]
        sentence = stmt.text
        for m in _EXCEPT.finditer(sentence):
            seen.add(stmt.sentence)
            attribute = m.group(2)
            named = [n.strip("“”") for n in re.split(r"[、和及]", m.group(3)) if n.strip()]
            named_keys = {}
            for name in named:
                key = find_indicator(table, name)
                if key is None:
                    out.append(
                        Finding(
                            Severity.WARNING,
                            "text_indicator_status",
                            f"报告第{stmt.line}行称{attribute or ''}指标中“{name}”未完成，附件中找不到这项指标",
                            table.id,
                            None,
                            "name",
                            {"line": stmt.line, "name": name},
                        )
                    )
                else:
                    named_keys[key] = name
            for key, row in table:
                if attribute and row.get("attribute") != attribute:
                    continue
                status = effective_status(table, key, doc)
                done = status in (DONE, MOSTLY)
                if key in named_keys and done:
                    out.append(
                        Finding(
                            Severity.ERROR,
                            "text_indicator_status",
                            f"报告第{stmt.line}行称“{row.get('name')}”未能完成，附件中为“{status}”",
                            table.id,
                            key,
                            "status",
                            {"line": stmt.line, "stated": NOT_DONE, "table_value": status},
                        )
                    )
                elif key not in named_keys and not done:
                    out.append(
                        Finding(
                            Severity.ERROR,
                            "text_indicator_status",
                            f"附件中{attribute or ''}指标“{row.get('name')}”为“{status or '空'}”，"
                            f"报告第{stmt.line}行称除{'、'.join(f'“{n}”' for n in named)}外都能完成",
                            table.id,
                            key,
                            "status",
                            {"line": stmt.line, "stated": DONE, "table_value": status},
                        )
                    )
        rest = _REST_DONE.search(sentence)
        if rest is None or stmt.sentence in seen:
            continue
        seen.add(stmt.sentence)
        mine = [
            s for s in statements if s.sentence == stmt.sentence and s.measure == "indicator_count"
        ]
        whole = next((s for s in mine if s.attribute and not s.status), None)
        listed = [s for s in mine if s.status]
        if whole is None:
            continue
        covered: set[str] = set()
        for s in listed:
            covered.update(rows_with_status(table, doc, whole.attribute, s.status or ""))
        line = joined_line(statements, stmt.sentence, rest.start())
        for key, row in table:
            if row.get("attribute") != whole.attribute or key in covered:
                continue
            status = effective_status(table, key, doc)
            if status != DONE:
                out.append(
                    Finding(
                        Severity.ERROR,
                        "text_indicator_status",
                        f"报告第{line}行称其余{whole.attribute}指标全部完成，附件中“{row.get('name')}”为“{status or '空'}”",
                        table.id,
                        key,
                        "status",
                        {"line": line, "stated": DONE, "table_value": status},
                    )
                )
    return out


def joined_line(statements: list[Statement], sentence: int, _offset: int) -> int:
    """The line of the last statement of a sentence: where a figureless claim sits."""
    lines = [s.line for s in statements if s.sentence == sentence]
    return lines[-1] if lines else 0


def text_findings(doc: PlanDocument | None, statements: list[Statement]) -> list[Finding]:
    """Everything the reviewer would write about the text: self-disagreements first."""
    out = [_problem_finding(doc, p) for p in check_text(statements)]
    if doc is not None:
        out += table_findings(doc, statements)
        out += indicator_status_findings(doc, statements)
    return out


__all__ = ["COLUMN_LABELS", "RULE_LABELS", "table_findings", "text_findings"]
