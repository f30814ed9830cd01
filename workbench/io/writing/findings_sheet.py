"""审核意见 as a reader wants it: Chinese field names, the row of every finding, the reviewer's
own 存疑/退回 comments, and systematic findings told once.

A rule that fires on thousands of rows (every completion rate of a generated list, say) is one
problem, not thousands: it becomes one line with the count and a few examples. That is also
what keeps the export of a 100k-row annex fast: writing 100,000 identical lines was most of
its time.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.core.checks import RULE_LABELS, Finding
from workbench.core.document import PlanDocument
from workbench.core.review import DOUBTFUL, RETURNED
from workbench.core.schema import fields_for
from workbench.core.vocab import SEVERITY_LABELS, Severity
from workbench.io.writing.log_sheet import column_label, row_label, table_title

FINDING_HEADERS = ("序号", "级别", "规则", "表", "行", "字段", "意见")
FINDING_WIDTHS = (6, 8, 14, 30, 30, 14, 70)
GROUP_AT = 10  # more findings than this of one rule in one table are told as one line
EXAMPLES = 3
REVIEW_RULE = "审核人意见"
_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:completed|count)\b")


def _chinese(doc: PlanDocument, table_id: str, text: str) -> str:
    """Field keys a message may carry ("annual_plan") in the words of the sheet."""
    table = doc.tables.get(table_id)
    if table is None:
        return text
    labels = {f.key: f.label for f in fields_for(table.kind)}
    return _KEY.sub(lambda m: labels.get(m.group(0), m.group(0)), text)


def _where(doc: PlanDocument, finding: Finding) -> str:
    if finding.row:
        return row_label(doc, finding.table, finding.row)
    source_row = finding.values.get("row") if finding.values else None
    if source_row:
        return f"原表第 {source_row} 行"
    if finding.rule == "parts_total":
        return "各分组与合计"
    return "全表"


def _reviewer_rows(doc: PlanDocument) -> list[list[Any]]:
    rows = []
    for table in doc.tables.values():
        for key, mark in table.review.items():
            if key in table.rows and (mark.status in (DOUBTFUL, RETURNED) or mark.comment.strip()):
                rows.append(
                    [
                        "审核",
                        f"{REVIEW_RULE}（{mark.status}）",
                        table_title(doc, table.id),
                        row_label(doc, table.id, key),
                        "",
                        mark.comment or f"审核人标记为“{mark.status}”，未写意见",
                    ]
                )
    return rows


def finding_rows(doc: PlanDocument, findings: list[Finding]) -> list[list[Any]]:
    """Body rows of 审核意见 (without 序号): the reviewer's comments first, then the checks,
    a rule that fired on many rows of one table told once with a count and examples."""
    out = _reviewer_rows(doc)
    groups: dict[tuple[str, str, Severity], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.table, finding.rule, finding.severity), []).append(finding)
    for (table_id, rule, severity), items in groups.items():
        level = SEVERITY_LABELS[Severity(severity)]
        rule_label = RULE_LABELS.get(rule, rule)
        title = table_title(doc, table_id)
        if len(items) > GROUP_AT:
            examples = items[:EXAMPLES]
            fields = {column_label(doc, table_id, f.column) for f in items}
            out.append(
                [
                    level,
                    rule_label,
                    title,
                    f"共 {len(items)} 行，如：" + "、".join(_where(doc, f) for f in examples),
                    "、".join(sorted(f for f in fields if f)),
                    f"同类问题 {len(items)} 条（系统性），例如："
                    + "；".join(_chinese(doc, table_id, f.message) for f in examples),
                ]
            )
            continue
        for finding in items:
            out.append(
                [
                    level,
                    rule_label,
                    title,
                    _where(doc, finding),
                    column_label(doc, table_id, finding.column),
                    _chinese(doc, table_id, finding.message),
                ]
            )
    return out
