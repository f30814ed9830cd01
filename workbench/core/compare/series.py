"""Several years side by side: each indicator as a yearly series, so a reviewer sees at a
glance that next year's target is below three years of actuals.

Each year's table is aligned with the following years' by the one row alignment the
comparison uses (`compare_tables`: the match key, the crosswalk's renames, namesakes told
apart), so a rename is followed in chain (2020 → 2021 → 2022) and the series and the
comparison never pair rows differently. An earlier year's actual written in another unit of
the same measure (万元 one year, 亿元 the next) is converted into the unit of the latest
year the indicator appears in, as the comparison converts it. pandas holds the long table and
pivots it (imported here, when several years are opened, never at start-up).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core import units
from workbench.core.compare.align import compare_tables
from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.yoy import target_value
from workbench.core.schema import TableKind
from workbench.core.table import Table

if TYPE_CHECKING:
    import pandas as pd

BELOW_ACTUALS = "低于近三年实际"
ABOVE_ACTUALS = "高于近三年实际"


def _identities(ordered: list[tuple[int, Table]], crosswalk: Crosswalk) -> list[dict[str, str]]:
    """Per year, row key → the series it belongs to: the row it is aligned with in the next
    year that has it (a later year first), else a series of its own."""
    identity: list[dict[str, str]] = [{} for _ in ordered]
    last = len(ordered) - 1
    identity[last] = {k: f"{last}:{k}" for k in ordered[last][1].keys}
    for i in range(last - 1, -1, -1):
        table = ordered[i][1]
        left = set(table.keys)
        for j in range(i + 1, last + 1):  # a year's gap: an indicator missing in 2021 only
            if not left:
                break
            taken = set(identity[i].values())
            comparison = compare_tables(
                table, ordered[j][1], crosswalk=crosswalk, accept_threshold=None
            )
            for match in comparison.matched:
                target = identity[j][match.new_key]
                if match.old_key in left and target not in taken:
                    identity[i][match.old_key] = target
                    taken.add(target)
                    left.discard(match.old_key)
        for k in table.keys:
            identity[i].setdefault(k, f"{i}:{k}")
    return identity


def _in_unit(value: Any, unit: Any, wanted: Any) -> Any:
    """`value` (in `unit`) in the series' unit, when the two measure the same thing."""
    if unit == wanted or not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    converted = units.convert(value, unit, wanted) if unit and wanted else None
    return value if converted is None else converted


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
    identity = _identities(ordered, crosswalk)
    names: dict[str, str] = {}
    unit_of: dict[str, Any] = {}
    for i in range(len(ordered) - 1, -1, -1):  # the newest wording and unit are shown
        for key, row in ordered[i][1].rows.items():
            series = identity[i][key]
            names.setdefault(series, row.get("name") or "")
            unit_of.setdefault(series, row.get("unit"))
    records: list[dict[str, Any]] = []
    for i, (year, table) in enumerate(ordered):
        for key, row in table.rows.items():
            series = identity[i][key]
            actual = _in_unit(row.get("actual"), row.get("unit"), unit_of[series])
            records.append({"key": series, "year": year, "actual": actual})
    long = pd.DataFrame.from_records(records)
    long["actual"] = pd.to_numeric(long["actual"], errors="coerce")
    wide = long.pivot_table(
        index="key", columns="year", values="actual", aggfunc="last", dropna=False
    )
    wide = wide.reindex(columns=[y for y, _ in ordered])
    wide.insert(0, "unit", [unit_of.get(k) for k in wide.index])
    wide.insert(0, "name", [names[k] for k in wide.index])
    last = identity[-1]
    targets = {last[k]: target_value(r.get("target")) for k, r in latest.rows.items()}
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
    order = {last[k]: i for i, k in enumerate(latest.keys)}
    wide["_order"] = [order.get(k, len(order)) for k in wide.index]
    return wide.sort_values("_order", kind="stable").drop(columns="_order")
