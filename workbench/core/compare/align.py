"""The engine: align two tables by key, then say per field what changed.

Alignment, in order:
1. the normalised name (`core.keys.match_key`), old names first mapped through the crosswalk;
2. names occurring several times on a side are paired by their other fields (sector, owner,
   figures…) and then by their position among the namesakes, never arbitrarily;
3. rows left over are scored against each other by name similarity and agreement of their
   other fields; pairs above the acceptance threshold are matched, lower ones proposed.

Values are compared as read (money already in 亿元 on both sides); indicator values whose
units differ but convert (万元 → 亿元) are compared after conversion. Row order never counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, cast

from workbench.core import units
from workbench.core.collector import collector_paused
from workbench.core.compare.crosswalk import Crosswalk, Dimension
from workbench.core.compare.keys import numbering_stem
from workbench.core.compare.result import Comparison, FieldChange, MatchHow, RowMatch
from workbench.core.compare.tolerance import Tolerances, delta, is_number, same_value
from workbench.core.keys import match_key, match_keys
from workbench.core.schema import FieldType, TableKind, fields_for
from workbench.core.table import Table
from workbench.core.vocab import TABLE_KIND_LABELS

ACCEPT_THRESHOLD = 0.85  # a suggested rename at or above this is matched without asking
SUGGEST_THRESHOLD = 0.6  # below this two names are not proposed as the same row
_SUBSTITUTION_WEIGHT = 0.7  # a swapped word counts less than an added one
_DUPLICATE_PAIRS_LIMIT = 2500  # namesake groups larger than this are paired by position
_COMMON_BIGRAM = 60  # a bigram shared by more leftover names than this proposes nothing

# Fields that tell namesakes apart, and that support a suggested rename.
SECONDARY: dict[TableKind, tuple[str, ...]] = {
    TableKind.PROJECTS: (
        "sector",
        "owner",
        "district",
        "funding",
        "nature",
        "total_investment",
        "annual_plan",
        "completed",
    ),
    TableKind.INDICATORS: ("category", "unit", "attribute", "target", "base", "actual"),
    TableKind.SUMMARY: ("count", "total_investment", "annual_plan", "completed"),
}
GROUP_FIELD: dict[TableKind, str | None] = {
    TableKind.PROJECTS: "sector",
    TableKind.INDICATORS: "category",
    TableKind.SUMMARY: None,
}
# Fields whose values are renamed through the crosswalk's sector dimension.
_SECTOR_FIELDS = ("sector", "group")
_UNIT_VALUE_FIELDS = ("base", "actual")


def default_key_column(table: Table) -> str:
    return "group" if table.kind is TableKind.SUMMARY else "name"


def resolve_column(table: Table, column: str) -> str:
    """A column given by key ("name"), by its Chinese label ("项目名称") or by a part of a
    label written with a slash ("业主" for 责任单位/业主)."""
    stored = [f for f in table.fields if not f.derived]
    for spec in stored:
        if column in (spec.key, spec.label, *spec.label.split("/")):
            return spec.key
    partial = [f for f in stored if column and column in f.label]
    if len(partial) == 1:
        return partial[0].key
    labels = "、".join(f"{f.key}（{f.label}）" for f in table.fields if not f.derived)
    raise ValueError(f"表“{table.title}”没有列“{column}”；可选：{labels}")


def unit_factor(old_unit: Any, new_unit: Any) -> float | None:
    """Multiplier taking an old value into the new unit; None when the units do not convert
    (the one unit table, core/units: 万元/亿元, 万人/人, 万吨/吨, 万千瓦/千瓦, 亩/万亩 …)."""
    if old_unit == new_unit:
        return 1.0
    if not old_unit or not new_unit:
        return None
    return units.factor(old_unit, new_unit)


# ---- the engine -------------------------------------------------------------------------------
def compare_tables(
    old: Table,
    new: Table,
    *,
    crosswalk: Crosswalk | None = None,
    tolerances: Tolerances | None = None,
    key_column: str | None = None,
    accept_threshold: float | None = ACCEPT_THRESHOLD,
) -> Comparison:
    """Align `old` with `new` and list what changed. `accept_threshold` None proposes every
    similar-name pair instead of accepting any (the window lets the reviewer decide)."""
    with collector_paused():  # 100k row matches, none of them garbage
        return _compare(old, new, crosswalk, tolerances, key_column, accept_threshold)


def _compare(
    old: Table,
    new: Table,
    crosswalk: Crosswalk | None,
    tolerances: Tolerances | None,
    key_column: str | None,
    accept_threshold: float | None,
) -> Comparison:
    if old.kind is not new.kind:
        raise ValueError(
            f"两个表类型不同（“{old.title}”是{TABLE_KIND_LABELS[old.kind]}，“{new.title}”是{TABLE_KIND_LABELS[new.kind]}），无法逐行比较"
        )
    key_column = resolve_column(old, key_column) if key_column else default_key_column(old)
    crosswalk = crosswalk if crosswalk is not None else Crosswalk()
    comparison = Comparison(
        old=old,
        new=new,
        key_column=key_column,
        fields=tuple(c for c in new.columns if c in old.columns),
        crosswalk=crosswalk,
        tolerances=tolerances or Tolerances(),
        group_field=GROUP_FIELD[old.kind],
    )
    old_keys, new_keys = list(old.keys), list(new.keys)
    old_rows, new_rows = old.rows, new.rows
    old_match = match_keys([old_rows[k].get(key_column) for k in old_keys])
    new_match = match_keys([new_rows[k].get(key_column) for k in new_keys])

    dimension = Dimension.SECTOR if key_column in _SECTOR_FIELDS else Dimension.NAME
    through_crosswalk: set[int] = set()
    renames = crosswalk.lookup(dimension)
    if renames:
        still_there = set(new_match)  # a name the new table still uses is not renamed
        for i, mk in enumerate(old_match):
            if mk in renames and mk not in still_there:
                target = renames[mk]
                if target is None:
                    comparison.no_successor.append(old_keys[i])
                    old_match[i] = None  # type: ignore[call-overload]
                    continue
                tk = match_key(target)
                if tk != mk:
                    old_match[i] = tk
                    through_crosswalk.add(i)

    # Most names occur once on each side: a dict of first positions pairs them; names
    # occurring more than once on either side go to the namesake pairing.
    new_first: dict[str, int] = {}
    new_many: dict[str, list[int]] = {}
    for j, mk in enumerate(new_match):
        if mk in new_first:
            new_many.setdefault(mk, [new_first[mk]]).append(j)
        else:
            new_first[mk] = j
    old_first: dict[str, int] = {}
    old_many: dict[str, list[int]] = {}
    for i, mk in enumerate(old_match):
        if mk is None:
            continue
        if mk in old_first:
            old_many.setdefault(mk, [old_first[mk]]).append(i)
        else:
            old_first[mk] = i

    # partner[j]: the old row paired with new row j (-1: none yet); how[j]: why.
    n_old, n_new = len(old_keys), len(new_keys)
    partner = [-1] * n_new
    how_of: list[MatchHow | None] = [None] * n_new
    score_of: dict[int, float] = {}
    used = bytearray(n_old)
    secondary = tuple(f for f in SECONDARY[old.kind] if f != key_column)
    key_how, walk_how = MatchHow.KEY, MatchHow.CROSSWALK
    for mk, i in old_first.items():
        if mk not in new_first:
            continue
        j = new_first[mk]
        if mk in old_many or mk in new_many:
            olist = old_many.get(mk, [i])
            nlist = new_many.get(mk, [j])
            for a, b in _pair_namesakes(
                [old_rows[old_keys[x]] for x in olist],
                [new_rows[new_keys[y]] for y in nlist],
                secondary,
                comparison,
            ):
                partner[nlist[b]] = olist[a]
                how_of[nlist[b]] = MatchHow.DUPLICATE
                used[olist[a]] = 1
        else:
            partner[j] = i
            how_of[j] = walk_how if i in through_crosswalk else key_how
            used[i] = 1

    left_old = [i for i in range(n_old) if not used[i] and old_match[i] is not None]
    left_new = [j for j in range(n_new) if partner[j] < 0]
    if left_old and left_new:
        for i, j, score in _suggest(
            left_old, left_new, old_match, new_match, old_keys, new_keys, secondary, comparison
        ):
            if accept_threshold is not None and score >= accept_threshold:
                partner[j] = i
                how_of[j] = MatchHow.SUGGESTED
                score_of[j] = score
                used[i] = 1
            else:
                comparison.suggestions.append(
                    RowMatch(old_keys[i], new_keys[j], MatchHow.SUGGESTED, score)
                )

    setup = _FieldSetup(comparison)
    none: tuple[FieldChange, ...] = ()
    hows = cast("list[MatchHow]", how_of)  # a paired row has its reason by now
    matched = comparison.matched
    append = matched.append
    added = comparison.added
    for j, nk in enumerate(new_keys):  # in the new table's order
        i = partner[j]
        if i < 0:
            added.append(nk)
            continue
        ok = old_keys[i]
        ro, rn = old_rows[ok], new_rows[nk]
        changes = none if ro == rn else setup.changes(ro, rn)
        append(RowMatch(ok, nk, hows[j], score_of.get(j, 1.0) if score_of else 1.0, changes))
    comparison.removed = [k for i, k in enumerate(old_keys) if not used[i]]
    return comparison


class _FieldSetup:
    """Per-comparison constants for the per-field loop (run once per changed row)."""

    def __init__(self, comparison: Comparison) -> None:
        self.fields = comparison.fields
        self.tolerance = {f: comparison.tolerances.of(f) for f in self.fields}
        self.crosswalk = comparison.crosswalk
        self.sector_fields = {f for f in self.fields if f in _SECTOR_FIELDS}
        self.with_units = "unit" in self.fields

    def changes(self, ro: dict[str, Any], rn: dict[str, Any]) -> tuple[FieldChange, ...]:
        factor = 1.0
        if self.with_units and ro.get("unit") != rn.get("unit"):
            factor = unit_factor(ro.get("unit"), rn.get("unit")) or 1.0
        out: list[FieldChange] = []
        for name in self.fields:
            a, b = ro.get(name), rn.get(name)
            if a == b:
                continue
            compared = a
            if name in self.sector_fields and isinstance(a, str) and isinstance(b, str):
                mapped = self.crosswalk.map(Dimension.SECTOR, a)
                if mapped is not None and mapped != a and match_key(mapped) == match_key(b):
                    continue  # renamed per the crosswalk: not a change
            elif name == "unit" and factor != 1.0:
                continue  # 万元 → 亿元 with the values converted: not a change
            elif factor != 1.0 and name in _UNIT_VALUE_FIELDS and is_number(a):
                compared = a * factor
            if same_value(compared, b, self.tolerance[name]):
                continue
            d, pct = delta(compared, b)
            out.append(FieldChange(name, a, b, d, pct))
        return tuple(out)


def field_changes(comparison: Comparison, old_key: str, new_key: str) -> tuple[FieldChange, ...]:
    ro, rn = comparison.old.rows[old_key], comparison.new.rows[new_key]
    return () if ro == rn else _FieldSetup(comparison).changes(ro, rn)


# ---- namesakes ----------------------------------------------------------------------------------
def _agree(name: str, a: Any, b: Any, comparison: Comparison) -> bool | None:
    """Whether two rows agree on one secondary field; None when either has no value."""
    if a is None or b is None or a == "" or b == "":
        return None
    if isinstance(a, str) and isinstance(b, str):
        if match_key(a) == match_key(b):
            return True
        if name in _SECTOR_FIELDS:
            mapped = comparison.crosswalk.map(Dimension.SECTOR, a)
            return mapped is not None and match_key(mapped) == match_key(b)
        return False
    return same_value(a, b, comparison.tolerances.of(name))


def _pair_namesakes(
    olds: list[dict[str, Any]],
    news: list[dict[str, Any]],
    secondary: tuple[str, ...],
    comparison: Comparison,
) -> list[tuple[int, int]]:
    """Pair rows sharing one name: most agreeing other fields first, then nearest position
    among the namesakes, then order. Very large groups are paired by position."""
    if len(olds) * len(news) > _DUPLICATE_PAIRS_LIMIT:
        return [(i, i) for i in range(min(len(olds), len(news)))]
    candidates = []
    for a, ro in enumerate(olds):
        for b, rn in enumerate(news):
            agreeing = 0 if ro != rn else len(secondary) + 1
            if not agreeing:
                agreeing = sum(1 for f in secondary if _agree(f, ro.get(f), rn.get(f), comparison))
            candidates.append((-agreeing, abs(a - b), a, b))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, _, a, b in candidates:
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        out.append((a, b))
    return out


# ---- suggested renames --------------------------------------------------------------------------
def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def name_similarity(a: str, b: str) -> float:
    """Similarity of two matching keys in 0…1: the larger of the bigram Dice coefficient and
    containment ("X" inside "X一期"). Names that differ only in their numbers ("一期"/"二期",
    "3号"/"4号") are siblings, not a rename: 0. A substitution (合川区… / 永川区…) weighs
    less than an insertion (X / X一期): renames add or drop words far more often than they
    swap a place or a lot for another."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if numbering_stem(a) == numbering_stem(b):
        return 0.0
    ba, bb = _bigrams(a), _bigrams(b)
    dice = 2 * len(ba & bb) / (len(ba) + len(bb))
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and short in long:
        return max(dice, len(short) / len(long))
    prefix = len(_common_prefix(a, b))
    suffix = len(_common_prefix(a[prefix:][::-1], b[prefix:][::-1]))
    if prefix + suffix < len(short):  # both sides have their own middle: a substitution
        dice *= _SUBSTITUTION_WEIGHT
    return dice


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _suggest(
    left_old: list[int],
    left_new: list[int],
    old_match: list[str],
    new_match: list[str],
    old_keys: list[str],
    new_keys: list[str],
    secondary: tuple[str, ...],
    comparison: Comparison,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs of leftover rows with similar names, best first."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i in left_old:
        for gram in _bigrams(old_match[i]):
            postings[gram].append(i)
    old_rows, new_rows = comparison.old.rows, comparison.new.rows
    scored: list[tuple[float, int, int]] = []
    for j in left_new:
        key = new_match[j]
        shared: Counter[int] = Counter()
        for gram in _bigrams(key):
            hits = postings.get(gram)
            if hits and len(hits) <= _COMMON_BIGRAM:
                shared.update(hits)
        for i, _ in shared.most_common(20):
            name = name_similarity(old_match[i], key)
            if name < SUGGEST_THRESHOLD:
                continue
            ro, rn = old_rows[old_keys[i]], new_rows[new_keys[j]]
            score = round(
                max(
                    name * _support(ro, rn, secondary, comparison),
                    _extension_score(old_match[i], key, name, ro, rn, secondary, comparison),
                ),
                3,
            )
            if score >= SUGGEST_THRESHOLD:
                scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[2], s[1]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = []
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, score))
    return out


def _support(
    ro: dict[str, Any], rn: dict[str, Any], secondary: tuple[str, ...], comparison: Comparison
) -> float:
    """How much the other fields back a suggested rename, in 0.4…1. Text fields (sector,
    owner, district, unit…) are identity: a different owner makes another project. Figures
    change between versions anyway, so equal figures only add a little."""
    texts: list[bool] = []
    numbers: list[bool] = []
    for name in secondary:
        a, b = ro.get(name), rn.get(name)
        vote = _agree(name, a, b, comparison)
        if vote is None:
            continue
        (numbers if is_number(a) else texts).append(vote)
    agreement = sum(texts) / len(texts) if texts else 0.5
    if numbers and all(numbers):
        agreement = min(1.0, agreement + 0.1)
    return 0.4 + 0.6 * agreement


_EXTENSION_NAME_WEIGHT = 0.4  # X → X（一期）: the other fields say more than the name


def _extension_score(
    a: str,
    b: str,
    name: float,
    ro: dict[str, Any],
    rn: dict[str, Any],
    secondary: tuple[str, ...],
    comparison: Comparison,
) -> float:
    """One name extends the other ("X" → "X（一期）"): the same project when its other fields
    agree, however short the name. The score weighs the share of agreeing fields above the
    name's likeness, so every field equal clears the acceptance threshold and one differing
    field of six leaves the pair a suggestion. 0 unless two or more fields can be compared."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2 or short not in long:
        return 0.0
    votes = [
        vote for f in secondary if (vote := _agree(f, ro.get(f), rn.get(f), comparison)) is not None
    ]
    if len(votes) < 2:
        return 0.0
    return _EXTENSION_NAME_WEIGHT * name + (1 - _EXTENSION_NAME_WEIGHT) * sum(votes) / len(votes)


def numeric_fields(kind: TableKind | str) -> tuple[str, ...]:
    return tuple(f.key for f in fields_for(kind) if f.type in (FieldType.NUMBER, FieldType.INTEGER))
