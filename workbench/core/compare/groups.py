"""Per group (sector, category) before and after: counts, sums, and how many rows were
added, removed or changed. Old groups are renamed through the crosswalk first, so 2021
产业提升 and 2022 产业转型升级 are one line; a group with no successor keeps its old name.

pandas does the grouping (imported here, when a comparison is summarised, never at start-up).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from workbench.core.compare.result import GroupSummary
from workbench.core.schema import TableKind

if TYPE_CHECKING:
    from workbench.core.compare.result import Comparison

ALL = "全部"
# Money adds up across rows; rates and indicator values (each in its own unit) do not.
SUMMED = {
    TableKind.PROJECTS: ("total_investment", "annual_plan", "completed"),
    TableKind.SUMMARY: ("count", "total_investment", "annual_plan", "completed"),
    TableKind.INDICATORS: (),
}


def group_summaries(comparison: Comparison) -> list[GroupSummary]:
    import pandas as pd

    old, new = comparison.old, comparison.new
    field = comparison.group_field
    summed = [f for f in SUMMED[old.kind] if f in comparison.fields]
    folded: dict[str, set[str]] = {}

    def old_group(row: dict[str, Any]) -> str:
        raw = row.get(field) if field else ALL
        raw = raw if raw not in (None, "") else "（未分组）"
        target = comparison.old_group(raw) if field else raw
        if target != raw:
            folded.setdefault(target, set()).add(raw)
        return target

    def new_group(row: dict[str, Any]) -> str:
        raw = row.get(field) if field else ALL
        return raw if raw not in (None, "") else "（未分组）"

    old_groups = [old_group(row) for row in old.rows.values()]
    new_groups = [new_group(row) for row in new.rows.values()]

    def frame(rows: list[dict[str, Any]], groups: list[str]) -> pd.DataFrame:
        data: dict[str, Any] = {"group": groups}
        for name in summed:
            data[name] = pd.to_numeric(pd.Series([r.get(name) for r in rows]), errors="coerce")
        return pd.DataFrame(data)

    def aggregate(df: pd.DataFrame) -> tuple[dict[str, int], dict[str, dict[str, float | None]]]:
        grouped = df.groupby("group", sort=False)
        counts = grouped.size().to_dict()
        sums: dict[str, dict[str, float | None]] = {g: {} for g in counts}
        if summed:
            totals = grouped[summed].sum(min_count=1)
            for g, values in totals.iterrows():
                sums[str(g)] = {k: (None if pd.isna(v) else float(v)) for k, v in values.items()}
        return {str(k): int(v) for k, v in counts.items()}, sums

    old_counts, old_sums = aggregate(frame(list(old.rows.values()), old_groups))
    new_counts, new_sums = aggregate(frame(list(new.rows.values()), new_groups))

    new_of = dict(zip(new.rows.keys(), new_groups, strict=True))
    old_of = dict(zip(old.rows.keys(), old_groups, strict=True))
    added = Counter(new_of[k] for k in comparison.added)
    removed = Counter(old_of[k] for k in comparison.removed)
    changed = Counter(new_of[m.new_key] for m in comparison.matched if m.changes)

    order = list(dict.fromkeys([*new_counts, *old_counts]))
    empty = dict.fromkeys(summed)
    return [
        GroupSummary(
            group=g,
            count_old=old_counts.get(g, 0),
            count_new=new_counts.get(g, 0),
            sums_old=old_sums.get(g, dict(empty)),
            sums_new=new_sums.get(g, dict(empty)),
            added=added.get(g, 0),
            removed=removed.get(g, 0),
            changed=changed.get(g, 0),
            old_names=tuple(sorted(folded.get(g, ()))),
        )
        for g in order
    ]
