"""The chart vocabularies the charts and the panels branch on: which chart, how its marks are
drawn, and what an in-place update did to the axes."""

from __future__ import annotations

from enum import StrEnum


class ChartKind(StrEnum):
    INVEST_BY_SECTOR = "invest_by_sector"
    INVEST_BY_FUNDING = "invest_by_funding"
    RATE_DISTRIBUTION = "rate_distribution"
    INDICATOR_PERCENT = "indicator_percent"
    INDICATOR_LEVEL = "indicator_level"
    YOY_SECTOR = "yoy_sector"
    YOY_INDICATOR = "yoy_indicator"


# Chart kinds that draw a project table (a summary draws its source projects).
PROJECT_CHARTS = frozenset(
    {
        ChartKind.INVEST_BY_SECTOR,
        ChartKind.INVEST_BY_FUNDING,
        ChartKind.RATE_DISTRIBUTION,
        ChartKind.YOY_SECTOR,
    }
)


class ChartStyle(StrEnum):
    BARS = "bars"
    DOTS = "dots"
    HISTOGRAM = "histogram"


class DrawResult(StrEnum):
    """What updating a drawn chart in place did: the axes stayed (blit the marks) or moved."""

    SAME = "same"
    RESCALED = "rescaled"
