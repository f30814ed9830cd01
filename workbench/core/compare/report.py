"""A comparison as scripts read it (the `diff --json` document of docs/json-contract.md) and as people
read it (a tabular diff: +++ added, --- removed, → old→new per cell, Chinese labels)."""

from __future__ import annotations

from typing import Any

from workbench.core.collector import collector_paused
from workbench.core.compare.result import HOW_LABELS, KIND_LABELS, Comparison, MatchHow, RowKind
from workbench.core.schema import label as field_label
from workbench.i18n import translate


def _row(table, key: str) -> dict[str, Any]:
    out: dict[str, Any] = {"key": key, **table.rows[key]}
    source_row = table.row_source.get(key)
    if source_row is not None:
        out["source_row"] = source_row
    return out


def diff_payload(comparison: Comparison, *, groups: bool = True) -> dict[str, Any]:
    """docs/json-contract.md's `{"matched", "added", "removed", "changed", "crosswalk"}` plus how each
    pair was made (`how`, `score`), Δ and Δ%, pending suggestions, and per-group sums."""
    with collector_paused():  # 100k small dicts, none of them garbage
        return _payload(comparison, groups)


def _payload(comparison: Comparison, groups: bool) -> dict[str, Any]:
    old, new = comparison.old, comparison.new
    kc = comparison.key_column
    old_rows, new_rows = old.rows, new.rows
    old_src, new_src = old.row_source, new.row_source
    suggested, by_key = MatchHow.SUGGESTED, MatchHow.KEY
    key_value = by_key.value  # an enum member's .value is a property call: 100k of them add up
    matched: list[dict[str, Any]] = []
    append = matched.append
    changed: list[dict[str, Any]] = []
    for m in comparison.matched:
        old_key, new_key = m.old_key, m.new_key
        old_name, new_name = old_rows[old_key][kc], new_rows[new_key][kc]
        item: dict[str, Any] = {
            "old": old_name,
            "new": new_name,
            "old_key": old_key,
            "new_key": new_key,
            "how": key_value if m.how is by_key else m.how.value,
            "old_row": old_src.get(old_key),
            "new_row": new_src.get(new_key),
        }
        if m.how is suggested:
            item["score"] = m.score
        append(item)
        for c in m.changes:
            changed.append(
                {
                    "name": new_name,
                    "old_name": old_name,
                    "field": c.field,
                    "label": field_label(new.kind, c.field),
                    "old": c.old,
                    "new": c.new,
                    "delta": c.delta,
                    "delta_pct": c.delta_pct,
                    "old_key": old_key,
                    "new_key": new_key,
                }
            )
    payload: dict[str, Any] = {
        "key": kc,
        "counts": {str(k): v for k, v in comparison.counts().items()},
        "matched": matched,
        "added": [_row(new, k) for k in comparison.added],
        "removed": [_row(old, k) for k in comparison.removed],
        "changed": changed,
        "suggested": [
            {
                "old": old_rows[s.old_key].get(kc),
                "new": new_rows[s.new_key].get(kc),
                "old_key": s.old_key,
                "new_key": s.new_key,
                "score": s.score,
            }
            for s in comparison.suggestions
        ],
        "no_successor": [old_rows[k].get(kc) for k in comparison.no_successor],
        "crosswalk": comparison.crosswalk.to_dict(),
        "tolerances": {"default": comparison.tolerances.default, **comparison.tolerances.per_field},
    }
    if groups:
        payload["group_by"] = comparison.group_field
        payload["groups"] = [g.to_dict() for g in comparison.groups()]
    return payload


def fmt(value: Any) -> str:
    """A value as the diff prints it: numbers without float noise, no value as 空."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def _signed(value: float | None, suffix: str = "") -> str:
    if value is None:
        return ""
    text = fmt(round(value, 6) if suffix == "" else round(value, 2))
    return ("+" if value > 0 else "") + text + suffix


def diff_text(comparison: Comparison, old_label: str, new_label: str) -> str:
    """The tabular diff: one line per row that differs, then per group, then the counts."""
    old, new = comparison.old, comparison.new
    kc = comparison.key_column
    kind = new.kind
    shown = [f for f in comparison.fields if f != kc]
    words: dict[str, str] = {}  # each field's label looked up once, not once per change

    def _label(kind, field: str) -> str:
        if field not in words:
            words[field] = translate("core", field_label(kind, field))
        return words[field]

    lines = [
        translate("cli", "--- 旧：{old_label}（{title}，{n_old} 行）").format(
            old_label=old_label, title=old.title, n_old=len(old)
        ),
        translate("cli", "+++ 新：{new_label}（{title}，{n_new} 行）").format(
            new_label=new_label, title=new.title, n_new=len(new)
        ),
        translate("cli", "按“{v}”配对（规范化名称 + 对照表）").format(v=_label(kind, kc)),
    ]
    plain = MatchHow.KEY
    for m in comparison.matched:
        if m.how is plain and not m.changes:
            continue
        old_name, new_name = old.rows[m.old_key].get(kc), new.rows[m.new_key].get(kc)
        if m.how in (MatchHow.CROSSWALK, MatchHow.SUGGESTED) and old_name != new_name:
            score = f" {m.score:.2f}" if m.how is MatchHow.SUGGESTED else ""
            lines.append(
                translate("cli", "~~~ 更名（{v}{score}）  {v2} → {v3}").format(
                    v=translate("core", HOW_LABELS[m.how]),
                    score=score,
                    v2=fmt(old_name),
                    v3=fmt(new_name),
                )
            )
        if not m.changes:
            continue
        cells = []
        for c in m.changes:
            if c.field == kc:
                continue
            extra = ""
            if c.delta is not None:
                pct = f"，{_signed(c.delta_pct, '%')}" if c.delta_pct is not None else ""
                extra = f"（Δ {_signed(c.delta)}{pct}）"
            cells.append(f"{_label(kind, c.field)} {fmt(c.old)}→{fmt(c.new)}{extra}")
        if cells:
            lines.append(f"→   {fmt(new_name)} | " + " | ".join(cells))
    for key in comparison.added:
        row = new.rows[key]
        values = " | ".join(fmt(row.get(f)) for f in shown if row.get(f) not in (None, ""))
        lines.append(f"+++ {fmt(row.get(kc))} | {values}")
    for key in comparison.removed:
        row = old.rows[key]
        values = " | ".join(fmt(row.get(f)) for f in shown if row.get(f) not in (None, ""))
        ended = translate("cli", "（对照表：无对应）") if key in comparison.no_successor else ""
        lines.append(f"--- {fmt(row.get(kc))}{ended} | {values}")
    for s in comparison.suggestions:
        lines.append(
            translate(
                "cli", "??? 建议配对 {score:g}（未采纳；--accept {score:g} 可采纳）  {v} ⇢ {v2}"
            ).format(
                score=s.score,
                v=fmt(old.rows[s.old_key].get(kc)),
                v2=fmt(new.rows[s.new_key].get(kc)),
            )
        )
    groups = comparison.groups()
    if groups and comparison.group_field:
        lines.append(
            translate("cli", "按“{v}”汇总（旧→新）：").format(
                v=_label(kind, comparison.group_field)
            )
        )
        for g in groups:
            folded = (
                translate("cli", "（含原“{v}”）").format(v=translate("cli", "、").join(g.old_names))
                if g.old_names
                else ""
            )
            sums = translate("cli", "；").join(
                f"{_label(kind, f)} {fmt(_round(g.sums_old.get(f)))}→{fmt(_round(g.sums_new.get(f)))}"
                for f in g.sums_new
                if g.sums_old.get(f) is not None or g.sums_new.get(f) is not None
            )
            moved = translate("cli", "新增 {added}，删除 {removed}，修改 {changed}").format(
                added=g.added, removed=g.removed, changed=g.changed
            )
            lines.append(
                translate("cli", "  {group}{folded}：{count_old}→{count_new} 行").format(
                    group=g.group, folded=folded, count_old=g.count_old, count_new=g.count_new
                )
                + (f"；{sums}" if sums else "")
                + translate("cli", "（{moved}）").format(moved=moved)
            )
    counts = comparison.counts()
    lines.append(
        translate("cli", "合计：")
        + translate("cli", "，").join(
            f"{translate('core', KIND_LABELS[k])} {counts[k]}" for k in RowKind
        )
    )
    return "\n".join(lines)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
