"""Where a figure came from. Reviewers weigh a figure by its source, so every cell has one."""

from __future__ import annotations

REPORT = "报告原文"
STATISTICS = "统计局"
DEPARTMENT = "部门报送"
ESTIMATE = "测算"
SAMPLE = "示例"
REVIEW = "审核修订"
CARRIED = "上年结转"  # carried into next year's plan by the roll-forward

PROVENANCES: tuple[str, ...] = (
    REPORT,
    STATISTICS,
    DEPARTMENT,
    ESTIMATE,
    SAMPLE,
    REVIEW,
    CARRIED,
)


def check(value: str) -> str:
    if value not in PROVENANCES:
        raise ValueError(f"未知的数据来源 {value!r}；应为 {'/'.join(PROVENANCES)} 之一")
    return value
