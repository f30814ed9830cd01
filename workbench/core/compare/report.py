"""A comparison as scripts read it (the `diff --json` document of docs/json-contract.md) and as people
read it (a tabular diff: +++ added, --- removed, → old→new per cell, Chinese labels)."""

from __future__ import annotations

from typing import Any

from workbench.core.collector import collector_paused
from workbench.core.columns import columns_for
from workbench.core.compare.result import HOW_LABELS, KIND_LABELS, Comparison, MatchHow, RowKind
from workbench.core.schema import TableKind
from workbench.core.schema import label as field_label
from workbench.core.vocab import ColumnStyle
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


def fmt(value: Any, decimals: int | None = None) -> str:
    """A value as the diff prints it: numbers at the decimals their column is shown with
    (None: the figure's own, without float noise), no value as 空."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)) and decimals is not None:
        return f"{value:.{decimals}f}"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


_STYLE_DECIMALS = {ColumnStyle.MONEY: 2, ColumnStyle.RATE: 1, ColumnStyle.INTEGER: 0}


class _Shown:
    """How each field of a table is shown: its word and decimals, as the grid shows it
    (money 2.00, rates 0.0, counts whole); an indicator's figures with the year they are
    of ("2021年执行情况", not the schema's 执行/完成)."""

    def __init__(self, table) -> None:
        self.kind = table.kind
        self.decimals: dict[str, int] = {}
        self.words: dict[str, str] = {}
        for column in columns_for(table, None):  # type: ignore[arg-type]
            if column.style in _STYLE_DECIMALS:
                self.decimals[column.key] = _STYLE_DECIMALS[column.style]
            if table.kind is TableKind.INDICATORS and column.key in ("base", "actual"):
                self.words[column.key] = translate("core", column.group or "") + translate(
                    "core", column.label
                )

    def word(self, field: str) -> str:
        if field not in self.words:
            self.words[field] = translate("core", field_label(self.kind, field))
        return self.words[field]

    def pair(self, field: str, old: Any, new: Any) -> str:
        """old→new at the column's decimals; with all their digits when those would hide
        the difference (143.7869→143.7871 is no "143.79→143.79")."""
        places = self.decimals.get(field)
        a, b = fmt(old, places), fmt(new, places)
        if a == b and old != new:
            a, b = fmt(old), fmt(new)
        return f"{a}→{b}"

    def value(self, field: str, value: Any) -> str:
        return fmt(value, self.decimals.get(field))

    def signed(self, field: str, value: float | None) -> str:
        if value is None:
            return ""
        places = self.decimals.get(field)
        text = fmt(round(value, 6), places)
        if places is not None and float(text) == 0 and value != 0:
            text = fmt(round(value, 6))
        return ("+" if value > 0 else "") + text


def _pct(value: float | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + fmt(round(value, 2)) + "%"


def diff_text(comparison: Comparison, old_label: str, new_label: str) -> str:
    """The tabular diff: one line per row that differs, then per group that changed, then
    the counts."""
    old, new = comparison.old, comparison.new
    lines = [
        translate("cli", "--- 旧：{old_label}（{title}，{n_old} 行）").format(
            old_label=old_label, title=old.title, n_old=len(old)
        ),
        translate("cli", "+++ 新：{new_label}（{title}，{n_new} 行）").format(
            new_label=new_label, title=new.title, n_new=len(new)
        ),
    ]
    lines.extend(diff_body(comparison))
    return "\n".join(lines)


def diff_body(comparison: Comparison) -> list[str]:
    """The lines under a table's heading: how rows were paired, what changed, the groups."""
    old, new = comparison.old, comparison.new
    kc = comparison.key_column
    shown_fields = [f for f in comparison.fields if f != kc]
    shown = _Shown(new)
    lines = [translate("cli", "按“{v}”配对（规范化名称 + 对照表）").format(v=shown.word(kc))]
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
                pct = f"，{_pct(c.delta_pct)}" if c.delta_pct is not None else ""
                extra = f"（Δ {shown.signed(c.field, c.delta)}{pct}）"
            cells.append(f"{shown.word(c.field)} {shown.pair(c.field, c.old, c.new)}{extra}")
        if cells:
            lines.append(f"→   {fmt(new_name)} | " + " | ".join(cells))
    for key in comparison.added:
        row = new.rows[key]
        values = " | ".join(
            shown.value(f, row.get(f)) for f in shown_fields if row.get(f) not in (None, "")
        )
        lines.append(f"+++ {fmt(row.get(kc))} | {values}")
    for key in comparison.removed:
        row = old.rows[key]
        values = " | ".join(
            shown.value(f, row.get(f)) for f in shown_fields if row.get(f) not in (None, "")
        )
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
    lines.extend(_group_lines(comparison, shown))
    counts = comparison.counts()
    lines.append(
        translate("cli", "合计：")
        + translate("cli", "，").join(
            f"{translate('core', KIND_LABELS[k])} {counts[k]}" for k in RowKind
        )
    )
    return lines


def _group_lines(comparison: Comparison, shown: _Shown) -> list[str]:
    """Groups whose rows or sums changed; a group where nothing moved is left out."""
    if not comparison.group_field:
        return []
    lines = []
    for g in comparison.groups():
        sums = [  # the sums that changed, at the column's decimals
            (f, shown.pair(f, g.sums_old.get(f), g.sums_new.get(f)))
            for f in g.sums_new
            if shown.value(f, g.sums_old.get(f)) != shown.value(f, g.sums_new.get(f))
        ]
        moved_any = g.added or g.removed or g.changed or g.count_old != g.count_new or g.old_names
        if not moved_any and not sums:
            continue
        folded = (
            translate("cli", "（含原“{v}”）").format(v=translate("cli", "、").join(g.old_names))
            if g.old_names
            else ""
        )
        text = translate("cli", "；").join(f"{shown.word(f)} {pair}" for f, pair in sums)
        moved = translate("cli", "新增 {added}，删除 {removed}，修改 {changed}").format(
            added=g.added, removed=g.removed, changed=g.changed
        )
        lines.append(
            translate("cli", "  {group}{folded}：{count_old}→{count_new} 行").format(
                group=g.group, folded=folded, count_old=g.count_old, count_new=g.count_new
            )
            + (f"；{text}" if text else "")
            + translate("cli", "（{moved}）").format(moved=moved)
        )
    if lines:
        lines.insert(
            0,
            translate("cli", "按“{v}”汇总（旧→新，只列有变化的组）：").format(
                v=shown.word(comparison.group_field)
            ),
        )
    return lines


# ---- two whole files ----------------------------------------------------------------------------
def plan_diff_payload(
    comparisons: list[Comparison],
    files: tuple[dict[str, Any], dict[str, Any]],
    *,
    only_old: list[str] = (),  # type: ignore[assignment]
    only_new: list[str] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """CONTRACT.md's diff document for the first compared table (as before), extended: each
    file's notices (what Excel changed against the hidden document), and — when the files
    hold more than one table — `tables`, every pair's diff named by its two sheets."""
    payload = diff_payload(comparisons[0]) if comparisons else {}
    old_file, new_file = files
    if comparisons:
        old_file = {**old_file, "sheet": comparisons[0].old.sheet_name}
        new_file = {**new_file, "sheet": comparisons[0].new.sheet_name}
        old_file.setdefault("rows", len(comparisons[0].old))
        new_file.setdefault("rows", len(comparisons[0].new))
    payload["old_file"], payload["new_file"] = old_file, new_file
    if len(comparisons) > 1 or only_old or only_new:
        payload["tables"] = [
            {"old_sheet": c.old.sheet_name, "new_sheet": c.new.sheet_name, **diff_payload(c)}
            for c in comparisons
        ]
        payload["only_old"] = list(only_old)
        payload["only_new"] = list(only_new)
    return payload


def plan_diff_text(
    comparisons: list[Comparison],
    old_label: str,
    new_label: str,
    *,
    notices: tuple[list[str], list[str]] = ([], []),
    only_old: list[str] = (),  # type: ignore[assignment]
    only_new: list[str] = (),  # type: ignore[assignment]
) -> str:
    """Two files table by table, each named; a table that did not change says so in one
    line; what the files' visible sheets changed against their hidden documents first."""
    if len(comparisons) == 1 and not (only_old or only_new):
        (c,) = comparisons
        head = diff_text(
            c,
            translate("cli", "{name} 工作表“{sheet_name}”").format(
                name=old_label, sheet_name=c.old.sheet_name
            ),
            translate("cli", "{name} 工作表“{sheet_name}”").format(
                name=new_label, sheet_name=c.new.sheet_name
            ),
        )
        return "\n".join([*_notice_lines(old_label, new_label, notices), head])
    lines = [
        translate("cli", "--- 旧：{old_label}").format(old_label=old_label),
        translate("cli", "+++ 新：{new_label}").format(new_label=new_label),
        *_notice_lines(old_label, new_label, notices),
        translate("cli", "逐表比较 {n} 个表：").format(n=len(comparisons)),
    ]
    for n, c in enumerate(comparisons, start=1):
        names = (
            c.old.sheet_name
            if c.old.sheet_name == c.new.sheet_name
            else f"{c.old.sheet_name} ⇢ {c.new.sheet_name}"
        )
        lines.append("")
        lines.append(
            translate("cli", "=== 表 {n}/{total}：{names}（{n_old}→{n_new} 行）").format(
                n=n, total=len(comparisons), names=names, n_old=len(c.old), n_new=len(c.new)
            )
        )
        if c.identical:
            lines.append(translate("cli", "无变化"))
            continue
        lines.extend(diff_body(c))
    if only_old or only_new:
        lines.append("")
    for name in only_old:
        lines.append(translate("cli", "--- 只在旧文件中的表：{name}").format(name=name))
    for name in only_new:
        lines.append(translate("cli", "+++ 只在新文件中的表：{name}").format(name=name))
    return "\n".join(lines)


def _notice_lines(old_label: str, new_label: str, notices: tuple[list[str], list[str]]):
    out = []
    for label, found in zip((old_label, new_label), notices, strict=True):
        for notice in found:
            out.append(translate("cli", "!!! {file}：{notice}").format(file=label, notice=notice))
    return out
