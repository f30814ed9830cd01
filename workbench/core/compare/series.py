"""Several years side by side: each indicator as a yearly series, so a reviewer sees at a
glance that next year's target is below three years of actuals.

Each year's table is aligned with the latest year's through the matching key and the
crosswalk's name renames (applied in chain: 2020 → 2021 → 2022). pandas holds the long
table and pivots it (imported here, when several years are opened, never at start-up).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.compare.crosswalk import Crosswalk, Dimension
from workbench.core.compare.keys import match_key
from workbench.core.compare.yoy import target_value
from workbench.core.schema import TableKind
from workbench.core.table import Table

if TYPE_CHECKING:
    import pandas as pd

BELOW_ACTUALS = "低于近三年实际"
ABOVE_ACTUALS = "高于近三年实际"


def _successor_key(name: str, crosswalk: Crosswalk, later_keys: set[str]) -> str:
    """The key of a name in the latest year: follow renames while the name is gone."""
    key = match_key(name)
    seen = {key}
    current: str | None = name
    while key not in later_keys and current is not None and crosswalk.has(Dimension.NAME, current):
        current = crosswalk.map(Dimension.NAME, current)
        if current is None:
            break
        key = match_key(current)
        if key in seen:
            break
        seen.add(key)
    return key


def indicator_series(
    years: Sequence[tuple[int, Table]], crosswalk: Crosswalk | None = None
) -> pd.DataFrame:
    """One row per indicator of any year (named as in the latest year it appears), one
    column per year with the actual, plus `next_target` (the latest year's target as a
    number), `unit` and `flag` (BELOW_ACTUALS when the target is below each of the last
    three actuals, ABOVE_ACTUALS when above each; lower-is-better indicators read the
    other way round, so the flag states the fact, not a verdict)."""
    import pandas as pd

    if not years:
        raise ValueError("至少需要一个年度的指标表")
    for year, table in years:
        if table.kind is not TableKind.INDICATORS:
            raise ValueError(f"{year} 年的“{table.title}”不是指标表")
    crosswalk = crosswalk or Crosswalk()
    ordered = sorted(years, key=lambda item: item[0])
    latest = ordered[-1][1]
    later_keys = {match_key(r.get("name")) for r in latest.rows.values()}
    records: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    units: dict[str, Any] = {}
    for year, table in ordered:
        for row in table.rows.values():
            name = row.get("name") or ""
            key = _successor_key(name, crosswalk, later_keys)
            names[key] = name  # later years overwrite: the newest wording is shown
            units.setdefault(key, row.get("unit"))
            records.append({"key": key, "year": year, "actual": row.get("actual")})
    long = pd.DataFrame.from_records(records)
    long["actual"] = pd.to_numeric(long["actual"], errors="coerce")
    wide = long.pivot_table(
        index="key", columns="year", values="actual", aggfunc="last", dropna=False
    )
    wide = wide.reindex(columns=[y for y, _ in ordered])
    wide.insert(0, "unit", [units.get(k) for k in wide.index])
    wide.insert(0, "name", [names[k] for k in wide.index])
    targets = {
        match_key(r.get("name")): target_value(r.get("target")) for r in latest.rows.values()
    }
    wide["next_target"] = [targets.get(k) for k in wide.index]
    year_columns = [y for y, _ in ordered]
    flags: list[str | None] = []
    for key, row in wide.iterrows():
        actuals = [row[y] for y in year_columns if pd.notna(row[y])][-3:]
        target = row["next_target"]
        if target is None or pd.isna(target) or len(actuals) < 3:
            flags.append(None)
        elif target < min(actuals):
            flags.append(BELOW_ACTUALS)
        elif target > max(actuals):
            flags.append(ABOVE_ACTUALS)
        else:
            flags.append(None)
        del key
    wide["flag"] = pd.Series(flags, index=wide.index, dtype=object)  # None stays None
    order = {match_key(r.get("name")): i for i, r in enumerate(latest.rows.values())}
    wide["_order"] = [order.get(k, len(order)) for k in wide.index]
    return wide.sort_values("_order", kind="stable").drop(columns="_order")
