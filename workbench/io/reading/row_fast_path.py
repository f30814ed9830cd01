"""The row reader's fast path: one converter per sheet, written out field by field.

On a 100k-row annex a loop over field descriptions costs more than the conversions
themselves, so `compile_converter` writes the per-row conversion for this sheet's columns
as Python source (only column indexes, field keys and unit factors, never cell text) and
compiles it. A row the fast path cannot judge (a category, a total, a sub-item, a footnote,
text where a number belongs) returns None and takes RowReader's full path.
"""

from __future__ import annotations

from typing import Any

from workbench.core.choices import match_words
from workbench.core.keys import as_written
from workbench.io.reading import header_vocabulary as vocab

SPECIAL_FIRST = frozenset("一二三四五六七八九十（(第合总小全其#＃注说备资数来*附项-—－ \u3000")


def choice(value: str, words) -> str | None:
    return match_words(value, words)  # the one choice vocabulary (core/choices)


def _keep_text(value: str, cache: dict[str, str | None]) -> str | None:
    kept = as_written(value) or None
    if len(cache) < 100_000:
        cache[value] = kept
    return kept


# First characters the full path must judge only when the name is one of its row kinds: a
# category (九、), a total (合计), a sub-item (其中), a footnote (注：). 九龙坡区…, 合川区…,
# 其他配套… and 注塑产业园 are ordinary projects. Blanks, dashes and brackets stay on the
# full path.
_PLAIN_WHEN_NOT_A_ROW_KIND = frozenset("一二三四五六七八九十第合总小全其注说备资数来附项")


def _ordinary_name(name: str) -> bool:
    """True when a name starting with one of the full path's first characters is still an
    ordinary project's name, read by the fast path exactly as the full path would."""
    return (
        name[0] in _PLAIN_WHEN_NOT_A_ROW_KIND
        and vocab.CATEGORY.match(name) is None
        and vocab.TOTAL.match(vocab.compact(name)) is None
        and vocab.SUB_ITEM.match(name) is None
        and vocab.FOOTNOTE.match(name) is None
        and vocab.COUNT_SUFFIX.search(name) is None
    )


def _keep_group(value: str, cache: dict[str, str | None]) -> str | None:
    kept = vocab.strip_category(as_written(value)) or None
    if len(cache) < 100_000:
        cache[value] = kept
    return kept


def _keep_choice(value: str, words, cache: dict[str, str]) -> str | None:
    hit = choice(value, words)
    if hit is not None:
        cache[value] = hit
    return hit


def compile_converter(
    numbers,
    choices,
    text_fields,
    groups,
    last: int,
    name_col: int,
    seq_col: int | None,
    template: dict[str, Any],
    group_field: str,
):
    """The fast path's per-row converter, written out field by field for this sheet's
    columns: on a 100k-row annex a loop over field descriptions costs more than the
    conversions themselves. Only column indexes, field keys and unit factors (all ours, never
    cell text) enter the generated source. `convert(row, group)` returns the record of an
    ordinary project row (its group filled from `group` when the row names none), or None
    for any row that needs the full path's judgement."""
    lines = [
        "def convert(row, group):",
        f"    if len(row) <= {last}:",
        "        return None",
        f"    name = row[{int(name_col)}]",
        "    if type(name) is not str or not name:",
        "        return None",
        "    if name[0] in special and not ordinary(name):",
        "        return None",
    ]
    if seq_col is not None:
        lines += [
            f"    seq = row[{int(seq_col)}]",
            '    if not (seq == "" or type(seq) is float or type(seq) is int',
            "            or (type(seq) is str and seq.isdigit())):",
            "        return None",
        ]
    lines.append("    values = template.copy()")
    namespace: dict[str, Any] = {
        "keep_text": _keep_text,
        "keep_group": _keep_group,
        "keep_choice": _keep_choice,
        "as_written": as_written,
        "special": SPECIAL_FIRST,
        "ordinary": _ordinary_name,
        "template": template,
        "float": float,
        "int": int,
        "str": str,
        "type": type,
        "len": len,
    }
    for f, index, divide, amount in numbers:
        operation = f"v / {amount!r}" if divide else (f"v * {amount!r}" if amount != 1.0 else "v")
        lines += [
            f"    v = row[{int(index)}]",
            "    t = type(v)",
            "    if t is float or t is int:",
            f"        values[{f!r}] = {operation}",
            '    elif v != "" and v is not None:',
            "        return None",
        ]
    for n, (f, index, words) in enumerate(choices):
        namespace[f"words{n}"] = words
        namespace[f"choices{n}"] = {}
        lines += [
            f"    v = row[{int(index)}]",
            '    if v != "" and v is not None:',
            "        if type(v) is not str:",
            "            return None",
            f"        hit = choices{n}.get(v)",
            "        if hit is None:",
            f"            hit = keep_choice(v, words{n}, choices{n})",
            "            if hit is None:",
            "                return None",
            f"        values[{f!r}] = hit",
        ]
    for kind, fields_ in (("text", text_fields), ("group", groups)):
        for n, (f, index) in enumerate(fields_):
            cache = f"{kind}{n}"
            namespace[cache] = {}
            lines += [
                f"    v = row[{int(index)}]",
                '    if v != "" and v is not None:',
                "        if type(v) is not str:",
                "            return None",
                f"        kept = {cache}.get(v)",
                f"        values[{f!r}] = kept if kept is not None else keep_{kind}(v, {cache})",
            ]
    lines += [
        # as_written, inlined: most names have no line break.
        '    values["name"] = (name.strip() if "\\n" not in name and "\\r" not in name',
        "                      else as_written(name))",
    ]
    lines += [
        f"    if values[{group_field!r}] is None:",
        f"        values[{group_field!r}] = group",
    ]
    lines.append("    return values")
    exec(compile("\n".join(lines), "<fast row converter>", "exec"), namespace)  # noqa: S102
    return namespace["convert"]
