"""Named crosswalk profiles: one region's renames between two years, picked by the user.

A region regroups its project sectors from one year to the next (Chongqing's 2021 板块 became
its 2022 领域); those renames are a fact about that region and those years, not about every
plan. Each profile is a JSON file under resources/crosswalks/ with its title and source, and
applies only where a user names it (`workbench diff --crosswalk-profile NAME`) or stores it in
a document as crosswalk edits (`profile_edits`). File layout: docs/review-rules.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.core.compare.crosswalk import Crosswalk, Dimension, SetCrosswalk
from workbench.shipped import shipped_file


@dataclass(frozen=True)
class CrosswalkProfile:
    name: str  # the file name without .json: what a user types
    title: str
    source: str  # where the names come from, and whose judgement the pairing is
    crosswalk: Crosswalk
    region: str = ""
    from_year: int | None = None
    to_year: int | None = None


def profile_folder() -> Path:
    return shipped_file("workbench.resources", "resources", "crosswalks")


def _read(path: Path) -> CrosswalkProfile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("应为 JSON 对象")
        walk = Crosswalk.from_dict({k: data.get(k) or {} for k in ("sector", "name")})
        years = [data.get(k) for k in ("from_year", "to_year")]
        if any(y is not None and not isinstance(y, int) for y in years):
            raise ValueError("from_year 与 to_year 应为整数")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"对照表方案 {path.name} 无法读取：{exc}") from None
    return CrosswalkProfile(
        name=path.stem,
        title=str(data.get("title") or path.stem),
        source=str(data.get("source") or ""),
        crosswalk=walk,
        region=str(data.get("region") or ""),
        from_year=years[0],
        to_year=years[1],
    )


def crosswalk_profiles(folder: Path | None = None) -> list[CrosswalkProfile]:
    """Every profile the workbench ships (or that `folder` holds), by name."""
    folder = profile_folder() if folder is None else folder
    if not folder.is_dir():
        return []
    return [_read(path) for path in sorted(folder.glob("*.json"))]


def crosswalk_profile(name: str, folder: Path | None = None) -> CrosswalkProfile:
    """The profile called `name`; a ValueError naming the profiles there are otherwise."""
    profiles = {p.name: p for p in crosswalk_profiles(folder)}
    if name not in profiles:
        known = "、".join(profiles) or "（无）"
        raise ValueError(f"没有名为“{name}”的对照表方案；可选：{known}")
    return profiles[name]


def profile_edits(profile: CrosswalkProfile) -> list[SetCrosswalk]:
    """The crosswalk edits that store a profile's entries in a document (undoable, logged),
    so the choice travels with the plan and the comparison, roll-forward, charts and returns
    all use it."""
    label = f"对照表方案：{profile.title}"
    return [
        SetCrosswalk(dimension.value, old, new, label=label)
        for dimension in Dimension
        for old, new in profile.crosswalk.entries(dimension).items()
    ]
