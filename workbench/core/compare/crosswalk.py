"""The crosswalk: which name of the old table became which name of the new one.

Sectors are regrouped from one year to the next (2021 产业提升 became 2022 产业转型升级,
生态能源 became 生态环保, 成渝地区双城经济圈 has no successor) and indicators get renamed; a
match by name alone would show each as one row removed and another added. The crosswalk is
saved with the document in `doc.properties.crosswalk` (which the native file keeps) and
edited through `SetCrosswalk`, an ordinary undoable edit on the one edit path.

A document starts with no renames: which names became which is a fact about one region and
two years, so a region's renames are a named profile the user picks (crosswalk_profiles.py,
resources/crosswalks/), never every document's default.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workbench.core.edits import Applied, Change, Edit, EditError
from workbench.core.keys import match_key
from workbench.core.vocab import ChangeKind

if TYPE_CHECKING:
    from workbench.core.document import PlanDocument


class Dimension(StrEnum):
    """What a crosswalk entry renames: a grouping value (sector) or a row name."""

    SECTOR = "sector"
    NAME = "name"


@dataclass
class Crosswalk:
    """Old name → new name per dimension; None means "no successor". Lookups go through the
    matching key, so a retyped bracket or space does not defeat an entry."""

    sector: dict[str, str | None] = field(default_factory=dict)
    name: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index: dict[Dimension, dict[str, str | None]] | None = None

    # ---- lookups ----------------------------------------------------------------------------
    def lookup(self, dimension: Dimension) -> dict[str, str | None]:
        """Matching key of an old name → new name (None: no successor)."""
        if self._index is None:
            self._index = {
                dim: {match_key(k): v for k, v in self.entries(dim).items()} for dim in Dimension
            }
        return self._index[dimension]

    def entries(self, dimension: Dimension | str) -> dict[str, str | None]:
        return self.sector if Dimension(dimension) is Dimension.SECTOR else self.name

    def has(self, dimension: Dimension | str, old: str | None) -> bool:
        return match_key(old) in self.lookup(Dimension(dimension))

    def map(self, dimension: Dimension | str, old: str | None) -> str | None:
        """The new name for `old`, `old` itself when the crosswalk does not mention it, and
        None when it has no successor."""
        if old is None:
            return None
        table = self.lookup(Dimension(dimension))
        key = match_key(old)
        return table[key] if key in table else old

    def __bool__(self) -> bool:
        return bool(self.sector or self.name)

    # ---- persistence ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, dict[str, str | None]]:
        return {"sector": dict(self.sector), "name": dict(self.name)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Crosswalk:
        """Accepts {"sector": {...}, "name": {...}} or a flat {old: new} (taken as names and
        sectors both, which is what a hand-written file usually means)."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError('对照表应为 JSON 对象：{"sector": {旧: 新}, "name": {旧: 新}}')
        if set(data) <= {"sector", "name"} and all(isinstance(v, Mapping) for v in data.values()):
            return cls(sector=_clean(data.get("sector", {})), name=_clean(data.get("name", {})))
        flat = _clean(data)
        return cls(sector=dict(flat), name=dict(flat))

    @classmethod
    def from_json_text(cls, text: str) -> Crosswalk:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(
                f"对照表不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）"
            ) from None
        return cls.from_dict(data)

    @classmethod
    def of(cls, doc: PlanDocument) -> Crosswalk:
        """The document's crosswalk; an empty one when it has none yet, or when what a file
        stored is not a crosswalk (a crafted or damaged file must not stop a comparison:
        loading drops it, and the next crosswalk edit stores a clean one). The stored
        crosswalk is returned as is: change it only through `SetCrosswalk`."""
        stored = doc.properties.crosswalk
        return cls() if stored is None else stored

    def merged(self, other: Crosswalk) -> Crosswalk:
        """This crosswalk with `other`'s entries taking precedence."""
        return Crosswalk({**self.sector, **other.sector}, {**self.name, **other.name})


def _clean(data: Mapping[str, Any]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for old, new in data.items():
        if not isinstance(old, str) or not (new is None or isinstance(new, str)):
            raise ValueError(f"对照表条目应为 文本 → 文本或 null，而不是 {old!r} → {new!r}")
        out[old] = new if new is None or new.strip() else None
    return out


@dataclass(frozen=True)
class SetCrosswalk(Edit):
    """Add, change (new=…) or remove (remove=True) one crosswalk entry of the document.

    An edit like any other, so it is undoable and lands in the change log."""

    dimension: str
    old: str
    new: str | None = None
    remove: bool = False
    label: str = "修改对照表"

    def validate(self, doc: PlanDocument) -> None:
        try:
            Dimension(self.dimension)
        except ValueError:
            raise EditError(f"对照表没有“{self.dimension}”这一类") from None
        if not self.old.strip():
            raise EditError("对照表的原名称不能为空")

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        had_stored = doc.properties.crosswalk is not None
        walk = Crosswalk.from_dict(Crosswalk.of(doc).to_dict())  # a copy: undo needs the old
        entries = walk.entries(self.dimension)
        existed = self.old in entries
        before = entries.get(self.old)
        if self.remove:
            entries.pop(self.old, None)
        else:
            entries[self.old] = self.new
        doc.properties.crosswalk = walk
        if not had_stored:
            inverse: Edit = _RestoreCrosswalk(None, self.label)
        elif existed:
            inverse = SetCrosswalk(self.dimension, self.old, before, False, self.label)
        else:
            inverse = SetCrosswalk(self.dimension, self.old, None, True, self.label)
        after = None if self.remove else self.new
        change = Change(
            ChangeKind.CROSSWALK, "", f"{self.dimension}:{self.old}", self.dimension, before, after
        )
        return Applied(inverse, [change], [])


@dataclass(frozen=True)
class _RestoreCrosswalk(Edit):
    """Inverse of the first crosswalk edit of a document: back to "none stored"."""

    stored: str | None
    label: str = "修改对照表"

    def apply(self, doc: PlanDocument) -> Applied:
        previous = doc.properties.crosswalk
        text = json.dumps(previous.to_dict(), ensure_ascii=False) if previous else None
        inverse = _RestoreCrosswalk(text, self.label)
        doc.properties.crosswalk = (
            Crosswalk.from_dict(json.loads(self.stored)) if self.stored is not None else None
        )
        return Applied(inverse, [], [])
