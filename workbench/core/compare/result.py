"""What a comparison yields: per row matched (with its field changes), added or removed;
suggested pairs awaiting the reviewer; per group counts and sums before and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from workbench.core.compare.crosswalk import Crosswalk
    from workbench.core.compare.tolerance import Tolerances
    from workbench.core.table import Table


class MatchHow(StrEnum):
    """Why two rows were paired (JSON carries the value; the UI shows the label)."""

    KEY = "key"  # the same normalised name
    DUPLICATE = "duplicate"  # the same name occurring several times, paired by other fields
    CROSSWALK = "crosswalk"  # renamed per the crosswalk
    SUGGESTED = "suggested"  # a similar name, scored; accepted by the reviewer or threshold


HOW_LABELS = {
    MatchHow.KEY: "同名",
    MatchHow.DUPLICATE: "重名配对",
    MatchHow.CROSSWALK: "对照表",
    MatchHow.SUGGESTED: "相似名称",
}


class RowKind(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    SUGGESTED = "suggested"  # a proposed pair awaiting the reviewer (its rows count as
    # removed and added until accepted)


KIND_LABELS = {
    RowKind.SAME: "未变",
    RowKind.CHANGED: "修改",
    RowKind.ADDED: "新增",
    RowKind.REMOVED: "删除",
    RowKind.SUGGESTED: "建议配对",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    delta: float | None = None  # new − old, in the field's unit
    delta_pct: float | None = None  # percent of old; None when old is 0 or not a number

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "delta": self.delta,
            "delta_pct": self.delta_pct,
        }


class RowMatch(NamedTuple):
    """Two rows paired (a tuple: 100k of them are built per comparison)."""

    old_key: str
    new_key: str
    how: MatchHow = MatchHow.KEY
    score: float = 1.0
    changes: tuple[FieldChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def change(self, name: str) -> FieldChange | None:
        for item in self.changes:
            if item.field == name:
                return item
        return None


@dataclass(frozen=True)
class GroupSummary:
    """One group (sector, category) before and after: row counts, sums, and what moved."""

    group: str
    count_old: int
    count_new: int
    sums_old: dict[str, float | None]
    sums_new: dict[str, float | None]
    added: int = 0
    removed: int = 0
    changed: int = 0
    old_names: tuple[str, ...] = ()  # the old groups folded into this one by the crosswalk

    def delta(self, name: str) -> float | None:
        old, new = self.sums_old.get(name), self.sums_new.get(name)
        if old is None and new is None:
            return None
        return (new or 0.0) - (old or 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "old_groups": list(self.old_names),
            "count_old": self.count_old,
            "count_new": self.count_new,
            "sums_old": self.sums_old,
            "sums_new": self.sums_new,
            "delta": {k: self.delta(k) for k in {**self.sums_old, **self.sums_new}},
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
        }


@dataclass
class Comparison:
    """Two tables aligned. `matched` holds accepted pairs; `suggestions` pairs proposed but
    not accepted, whose rows are also listed in `removed`/`added` until accepted."""

    old: Table
    new: Table
    key_column: str
    fields: tuple[str, ...]
    crosswalk: Crosswalk
    tolerances: Tolerances
    group_field: str | None = None
    matched: list[RowMatch] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    suggestions: list[RowMatch] = field(default_factory=list)
    no_successor: list[str] = field(default_factory=list)  # old keys the crosswalk ends
    unit_factors: dict[str, float] = field(default_factory=dict)  # old key → unit factor

    # ---- reading ----------------------------------------------------------------------------
    @property
    def changed(self) -> list[RowMatch]:
        return [m for m in self.matched if m.changes]

    def counts(self) -> dict[str, int]:
        changed = sum(1 for m in self.matched if m.changes)
        return {
            RowKind.SAME: len(self.matched) - changed,
            RowKind.CHANGED: changed,
            RowKind.ADDED: len(self.added),
            RowKind.REMOVED: len(self.removed),
            RowKind.SUGGESTED: len(self.suggestions),
        }

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.suggestions or self.changed)

    def old_name(self, key: str) -> str:
        return str(self.old.rows[key].get(self.key_column) or "")

    def new_name(self, key: str) -> str:
        return str(self.new.rows[key].get(self.key_column) or "")

    def old_group(self, value: str | None) -> str | None:
        """An old row's group under the new grouping: renamed per the crosswalk unless the
        new table still uses the old name; a group with no successor keeps its name."""
        if value is None or not self.group_field:
            return value
        cache = self.__dict__.setdefault("_group_cache", {})
        if value not in cache:
            from workbench.core.compare.crosswalk import Dimension
            from workbench.core.keys import match_key

            present = self.__dict__.get("_new_groups")
            if present is None:
                field = self.group_field
                values = {r.get(field) for r in self.new.rows.values()}
                present = {match_key(v) for v in values}
                self.__dict__["_new_groups"] = present
            mapped = value
            if match_key(value) not in present:
                mapped = self.crosswalk.map(Dimension.SECTOR, value) or value
            cache[value] = mapped
        return cache[value]

    def groups(self) -> list[GroupSummary]:
        """Per-group summary, computed once per state of the comparison."""
        state = (len(self.matched), len(self.added), len(self.removed))
        cached = self.__dict__.get("_groups")
        if cached is None or cached[0] != state:
            from workbench.core.compare.groups import group_summaries

            cached = (state, group_summaries(self))
            self.__dict__["_groups"] = cached
        return cached[1]

    # ---- the reviewer's decisions on suggestions --------------------------------------------
    def accept_suggestion(self, old_key: str, new_key: str) -> RowMatch:
        """Pair a suggested rename: its rows leave added/removed and become a match."""
        from workbench.core.compare.align import field_changes

        for item in self.suggestions:
            if item.old_key == old_key and item.new_key == new_key:
                break
        else:
            raise KeyError(f"没有建议的配对 {old_key} → {new_key}")
        self.suggestions = [
            s for s in self.suggestions if s.old_key != old_key and s.new_key != new_key
        ]
        self.removed.remove(old_key)
        self.added.remove(new_key)
        match = RowMatch(
            old_key, new_key, MatchHow.SUGGESTED, item.score, field_changes(self, old_key, new_key)
        )
        self.matched.append(match)
        return match

    def reject_suggestion(self, old_key: str, new_key: str) -> None:
        """Not the same row after all: both stay removed/added."""
        self.suggestions = [
            s for s in self.suggestions if (s.old_key, s.new_key) != (old_key, new_key)
        ]
