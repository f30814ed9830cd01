"""Findings that scale: one systematic problem is one finding, not thousands of lines.

When the same rule fails on many rows of one table (a column in 万元 read as 亿元, a rate
computed on the wrong base), a reviewer needs "this rule fails on 3,412 rows, e.g. …", not
3,412 lines. `group_findings` folds such runs into one finding with the count, the first
examples and every row key (so a view can still select them all); isolated findings pass
through unchanged, in their original order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from workbench.core.checks import Finding

GROUP_THRESHOLD = 20  # this many findings of one rule in one table become one
EXAMPLES = 3


def group_key(finding: Finding) -> tuple[str, str, str, str | None]:
    return (finding.rule, finding.table, finding.severity, finding.column)


def group_findings(
    findings: list[Finding], threshold: int = GROUP_THRESHOLD, examples: int = EXAMPLES
) -> list[Finding]:
    """Fold every (rule, table, severity, column) with `threshold` or more findings into one,
    placed where the first of them was."""
    members: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in findings:
        members[group_key(finding)].append(finding)
    out: list[Finding] = []
    emitted: set[tuple] = set()
    for finding in findings:
        key = group_key(finding)
        group = members[key]
        if len(group) < threshold:
            out.append(finding)
            continue
        if key in emitted:
            continue
        emitted.add(key)
        out.append(fold(group, examples))
    return out


def fold(group: list[Finding], examples: int = EXAMPLES) -> Finding:
    first = group[0]
    shown = "；".join(f.message for f in group[:examples])
    message = f"同一问题共 {len(group)} 处（例：{shown}；……）"
    values = {
        "count": len(group),
        "examples": [f.to_dict() for f in group[:examples]],
        "rows": [f.row for f in group if f.row is not None],
        "grouped": True,
    }
    return replace(first, message=message, row=first.row, values=values)
