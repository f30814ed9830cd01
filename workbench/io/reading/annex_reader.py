"""Find the table in an annex sheet, understand its layout, and turn it into a canonical table.

DOMAIN.md §1 shows the layouts met in practice: a 附件 label and a merged title, a unit line,
one- or two-row headers with merged group cells ("2021年" over 计划目标/执行情况), category
rows (一、经济发展), total and subtotal rows, "其中"/"#" sub-items, footnotes, vertically
merged cells. Whatever had to be guessed or could not be read becomes a warning naming the
sheet and cell; no value is dropped silently.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from typing import Any

from workbench.core import provenance as prov
from workbench.core.document import ReadWarning
from workbench.core.numbers import format_number, parse_number
from workbench.core.schema import ATTRIBUTES, TableKind, fields_for
from workbench.core.table import CellSource, Table
from workbench.io.reading import header_vocabulary as vocab
from workbench.io.reading.workbook_source import RawSheet

HEADER_SCAN_ROWS = 40
NUMERIC = {
    TableKind.INDICATORS: ("base", "actual"),
    TableKind.PROJECTS: ("total_investment", "annual_plan", "completed", "completion_rate"),
}
MONEY = ("total_investment", "annual_plan", "completed")


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    return f"{column_letter(column)}{row + 1}"


class NoTable(Exception):
    """The sheet holds no indicator or project table that we can recognise."""


@dataclass
class Column:
    index: int
    label: str
    field: str | None
    unit: str | None = None
    year: int | None = None


@dataclass
class Layout:
    kind: TableKind
    header_rows: list[int]
    columns: list[Column]
    title: str = ""
    annex_label: str = ""
    unit: str | None = None
    year: int | None = None
    warnings: list[str] = field(default_factory=list)
    kind_uncertain: bool = False


# ---- grid preparation ---------------------------------------------------------------------
def _fill_merges(rows: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> set[int]:
    """Copy each merged cell's value into the cells it covers; return the "banner" rows,
    whose single merged cell spans most of the width (titles, category rows, notes)."""
    width = max((len(r) for r in rows[:200]), default=0)
    banners: set[int] = set()
    for r0, c0, r1, c1 in merged:
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        span = c1 - c0 + 1
        if r0 == r1 and width and span >= max(3, width * 0.6):
            banners.add(r0)
            continue  # keep the text in its first cell only
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value
    return banners


def _texts(row: list[Any]) -> list[tuple[int, str]]:
    return [
        (i, str(v).strip()) for i, v in enumerate(row) if v not in ("", None) and str(v).strip()
    ]


# ---- header detection ---------------------------------------------------------------------
def _score(row: list[Any], kind: TableKind | None) -> tuple[int, int, int]:
    """(cells that name a canonical field, project words, indicator words)."""
    hits = proj = ind = 0
    for _, text in _texts(row):
        label = vocab.compact(text)
        if len(label) > 30 or isinstance(text, (int, float)):
            continue
        f_ind = vocab.indicator_field(label)
        f_proj = vocab.project_field(label)
        if kind is TableKind.INDICATORS:
            hits += f_ind not in (None, "_seq")
        elif kind is TableKind.PROJECTS:
            hits += f_proj not in (None, "_seq")
        else:
            hits += (f_ind not in (None, "_seq")) or (f_proj not in (None, "_seq"))
        proj += any(w in label for w in vocab.PROJECT_WORDS)
        ind += any(w in label for w in vocab.INDICATOR_WORDS)
    return hits, proj, ind


def _is_header_like(row: list[Any]) -> bool:
    cells = _texts(row)
    if not cells:
        return False
    numbers = sum(
        1 for _, t in cells if parse_number(t).value is not None and not vocab.YEAR.fullmatch(t)
    )
    return numbers == 0


def _find_header(
    rows: list[list[Any]], banners: set[int], kind: TableKind | None
) -> tuple[int, TableKind, bool]:
    """The header row, the table's kind, and whether the kind was a guess (a tie)."""
    best: tuple[int, int, int] | None = None
    best_row = -1
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if r in banners:
            continue
        hits, proj, ind = _score(row, kind)
        if hits >= 2 and (best is None or hits > best[0]):
            best, best_row = (hits, proj, ind), r
    if best is None:
        raise NoTable("没有找到表头（如“指标名称”“项目名称”“总投资”等）")
    if kind is None:
        # Vocabulary over the whole header block decides the kind.
        block = rows[max(0, best_row - 1) : best_row + 3]
        proj = sum(_score(r, None)[1] for r in block)
        ind = sum(_score(r, None)[2] for r in block)
        kind = TableKind.PROJECTS if proj > ind else TableKind.INDICATORS
        return best_row, kind, proj == ind  # a tie: the vocabulary could not tell
    return best_row, kind, False


def _header_block(
    rows: list[list[Any]],
    h: int,
    banners: set[int],
    kind: TableKind,
    merged: list[tuple[int, int, int, int]],
) -> list[int]:
    block = [h]
    # A group row above (years or group words over sub-columns, not a title banner).
    if h > 0 and h - 1 not in banners and _is_header_like(rows[h - 1]):
        above = _texts(rows[h - 1])
        if len(above) >= 2 and any(vocab.YEAR.search(t) or len(t) <= 12 for _, t in above):
            labels = [vocab.compact(t) for _, t in above]
            if not any(vocab.UNIT_LINE.search(t) for t in labels) and not any(
                vocab.ANNEX_LABEL.match(t) for t in labels
            ):
                block.insert(0, h - 1)
    # Sub-labels below (绝对值/增长%, 计划目标/执行情况) on a row with no numbers: accepted
    # when a merge ties the two rows together, or when every cell is a short header word.
    if h + 1 < len(rows) and h + 1 not in banners and _is_header_like(rows[h + 1]):
        below = _texts(rows[h + 1])
        field_of = vocab.indicator_field if kind is TableKind.INDICATORS else vocab.project_field
        tied = any(r0 <= h < r1 or (r0 == h == r1 and c1 > c0) for r0, c0, r1, c1 in merged)
        words = all(
            len(vocab.compact(t)) <= 6 and (field_of(vocab.compact(t)) or vocab.YEAR.search(t))
            for _, t in below
        )
        first = vocab.compact(rows[h + 1][0]) if rows[h + 1] else ""
        if below and (tied or words) and not vocab.CATEGORY.match(first):
            block.append(h + 1)
    return block


def _column_labels(rows: list[list[Any]], block: list[int]) -> list[str]:
    width = max(len(rows[r]) for r in block)
    labels = []
    for c in range(width):
        parts: list[str] = []
        for r in block:
            text = vocab.compact(rows[r][c]) if c < len(rows[r]) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(" ".join(parts))
    return labels


def _map_columns(labels: list[str], kind: TableKind) -> list[Column]:
    field_of = vocab.indicator_field if kind is TableKind.INDICATORS else vocab.project_field
    columns = []
    years = [int(y) for label in labels for y in vocab.YEAR.findall(label)]
    top_year = max(years) if years else None
    for index, label in enumerate(labels):
        if not label:
            continue
        flat = label.replace(" ", "")
        mapped = field_of(flat)
        # Look at the parts separately too: "2021年 执行情况" maps by its last part.
        if mapped is None and " " in label:
            for part in reversed(label.split(" ")):
                mapped = field_of(part)
                if mapped:
                    break
        year_match = vocab.YEAR.findall(label)
        year = int(year_match[-1]) if year_match else None
        if (
            kind is TableKind.INDICATORS
            and mapped in ("actual", "target")
            and year
            and top_year
            and year < top_year
        ):
            # An earlier year's figure next to a later year's target is the base.
            if mapped == "actual" or not vocab.compact(label).count("目标"):
                mapped = "base"
        unit_match = vocab.UNIT_IN_BRACKETS.search(label)
        unit = (
            unit_match.group(1)
            if unit_match and vocab.UNIT_WORDS.search(unit_match.group(1))
            else None
        )
        if (
            unit is None
            and "%" in label
            and mapped in ("completion_rate", "actual", "target", "base")
        ):
            unit = "%"
        columns.append(Column(index, label, mapped, unit, year))
    return columns


def analyse_layout(
    rows: list[list[Any]],
    banners: set[int],
    kind: TableKind | None,
    merged: list[tuple[int, int, int, int]] = (),
) -> Layout:
    h, kind, uncertain = _find_header(rows, banners, kind)
    block = _header_block(rows, h, banners, kind, list(merged))
    columns = _map_columns(_column_labels(rows, block), kind)
    if not any(c.field == "name" for c in columns):
        # Without a name column, take the first text column after the sequence column.
        for c in columns:
            if c.field is None:
                c.field = "name"
                break
    if not any(c.field == "name" for c in columns):
        raise NoTable("表头中没有名称列（指标名称/项目名称）")
    layout = Layout(kind, block, columns)
    layout.kind_uncertain = uncertain
    for r in range(block[0]):
        for _, text in _texts(rows[r]):
            compact = vocab.compact(text)
            unit = vocab.UNIT_LINE.search(compact)
            if unit:
                layout.unit = unit.group(1)
                before = compact[: unit.start()].strip()
                if before and not layout.title and len(before) > 4:
                    layout.title = vocab.clean_text(text[: text.find("单位")]).strip(" ，,")
            elif vocab.ANNEX_LABEL.match(compact):
                layout.annex_label = vocab.clean_text(text)
            elif not layout.title and len(compact) >= 4:
                layout.title = vocab.clean_text(text)
    years = [int(y) for y in vocab.YEAR.findall(layout.title)] + [c.year for c in columns if c.year]
    layout.year = max(years) if years else None
    return layout


# ---- rows -----------------------------------------------------------------------------------
@dataclass
class _Context:
    file: str
    sheet: str
    warnings: list[ReadWarning]

    def warn(self, message: str, row: int | None = None, column: int | None = None) -> None:
        cell = (
            cell_ref(row, column)
            if row is not None and column is not None
            else (f"第 {row + 1} 行" if row is not None else "")
        )
        self.warnings.append(ReadWarning(message, self.file, self.sheet, cell))


Factor = tuple[str, float]
TO_YI: Factor = ("*", 1.0)


def _money_factor(unit: str | None) -> Factor | None:
    if unit is None:
        return None
    for name, factor in sorted(vocab.MONEY_UNITS.items(), key=lambda kv: -len(kv[0])):
        if unit.startswith(name):
            return factor
    return None


def cols_first(by_field, name: str):
    return by_field[name][0] if by_field.get(name) else None


def _unit_name(unit: str | None) -> str | None:
    if unit is None:
        return None
    for name in sorted(vocab.MONEY_UNITS, key=len, reverse=True):
        if unit.startswith(name):
            return name
    return None


def from_yi(value: float, unit: str) -> float:
    """亿元 back to the sheet's own unit, for writing corrections into the original."""
    op, amount = vocab.MONEY_UNITS.get(unit, ("*", 1.0))
    return value * amount if op == "/" else value / amount


def to_yi(value: float, factor: Factor) -> float:
    op, amount = factor
    return value / amount if op == "/" else value * amount


def _choice(value: str, words, default: str | None = None) -> str | None:
    for word, canonical in words:
        if word in value:
            return canonical
    return default


def _unit_from_name(name: str) -> tuple[str, str | None]:
    match = re.search(r"[（(]\s*([^（()）]{1,10})\s*[)）]\s*$", name)
    if (
        match
        and vocab.UNIT_WORDS.search(match.group(1))
        and not re.search(r"\d{4}", match.group(1))
    ):
        return name[: match.start()].strip(), match.group(1)
    return name, None


def read_table(
    sheet: RawSheet,
    file: str,
    kind: TableKind | str | None = None,
    table_id: str = "t1",
) -> tuple[Table, list[ReadWarning]]:
    """One canonical table from one sheet; NoTable when the sheet holds none."""
    rows = sheet.rows  # a RawSheet is ours to fill in place (merged cells)
    if not rows:
        raise NoTable("工作表是空的")
    banners = _fill_merges(rows, sheet.merged)
    layout = analyse_layout(rows, banners, TableKind(kind) if kind else None, sheet.merged)
    ctx = _Context(file, sheet.name, [])
    if sheet.truncated:
        ctx.warn("工作表超出可读取的行数或列数上限，超出部分未读取")

    by_field: dict[str, list[Column]] = {}
    for column in layout.columns:
        if column.field and column.field != "_seq":
            by_field.setdefault(column.field, []).append(column)
    for name, columns in by_field.items():
        if len(columns) > 1:
            letters = "、".join(f"{column_letter(c.index)}“{c.label}”" for c in columns)
            label = next((f.label for f in fields_for(layout.kind) if f.key == name), name)
            ctx.warn(
                f"多列对应同一字段“{label}”：{letters}；取从左到右第一个有值的单元格，其余列的值记入备注"
            )
    unmapped = [c for c in layout.columns if c.field is None]
    for column in unmapped:
        ctx.warn(
            f"列“{column.label}”未对应到规范字段，其内容保留在备注中",
            layout.header_rows[-1],
            column.index,
        )

    table = Table(
        id=table_id,
        kind=layout.kind,
        title=layout.title or sheet.name,
        sheet_name=sheet.name,
        year=layout.year,
        unit=layout.unit,
        default_provenance=prov.DEPARTMENT,
        meta={"annex_label": layout.annex_label} if layout.annex_label else {},
        source=CellSource(
            file,
            sheet.name,
            tuple(r + 1 for r in layout.header_rows),
            {f: cols[0].index + 1 for f, cols in by_field.items()},
        ),
    )
    if layout.kind_uncertain:
        table.meta["kind_uncertain"] = True
        ctx.warn("表头既像指标表也像项目表，已按指标表读取；可用 --kind 或在打开时改选")
    if layout.kind is TableKind.INDICATORS:
        if "actual" in by_field:
            table.meta["role"] = "execution"
        elif "target" in by_field:
            table.meta["role"] = "plan"

    # Money: a unit in the column header wins over the table's unit line; 亿元 when neither.
    factors: dict[str, Factor] = {}
    if layout.kind is TableKind.PROJECTS:
        table_factor = _money_factor(layout.unit)
        if layout.unit and table_factor is None:
            ctx.warn(f"单位行“{layout.unit}”不是金额单位，金额按亿元读取")
        for name in MONEY:
            for column in by_field.get(name, []):
                factor = _money_factor(column.unit) or table_factor
                if factor is None:
                    factor = TO_YI
                    if not layout.unit:
                        ctx.warn(
                            f"列“{column.label}”未注明金额单位，按亿元读取",
                            layout.header_rows[-1],
                            column.index,
                        )
                factors[column.label] = factor
                if column is cols_first(by_field, name):
                    table.source.units[name] = (
                        _unit_name(column.unit) or _unit_name(layout.unit) or "亿元"
                    )
        table.unit = "亿元"

    # Building 100k row dicts next to the sheet's million cells sets off repeated full
    # garbage collections that find nothing to free: pause the collector for the loop.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _read_rows(rows, banners, layout, by_field, unmapped, factors, table, ctx)
    finally:
        if collecting:
            gc.enable()
    return table, ctx.warnings


_SPECIAL_FIRST = frozenset("一二三四五六七八九十（(第合总小全其#＃注说备资数来*附项-—－ \u3000")
_EMPTY_MARKS = ("-", "—", "－", "/")


def _fast_converters(kind: TableKind, by_field, factors, group_field: str):
    """Per-field converters for plain project rows, or None when some field needs the full
    path (two columns for one field). Each returns (ok, value); not ok → full path."""
    if kind is not TableKind.PROJECTS or any(len(cols) > 1 for cols in by_field.values()):
        return None
    text_cache: dict[tuple[bool, str], str] = {}
    choice_cache: dict[tuple[str, str], str] = {}
    numbers: list[tuple[str, int, bool, float]] = []  # field, column, divide?, amount
    choices: list[tuple[str, int, Any]] = []
    texts: list[tuple[str, int, bool]] = []  # field, column, is the group column
    for f, (column,) in by_field.items():
        if f == "name":
            continue
        if f in NUMERIC[kind]:
            op, amount = factors.get(column.label, TO_YI) if f in MONEY else ("*", 1.0)
            numbers.append((f, column.index, op == "/", amount))
        elif f in ("funding", "nature"):
            choices.append(
                (f, column.index, vocab.FUNDING_WORDS if f == "funding" else vocab.NATURE_WORDS)
            )
        else:
            texts.append((f, column.index, f == group_field))
    last = max((c.index for f, (c,) in by_field.items()), default=0)

    # One loop per kind of field: no per-cell dispatch on a 100k-row sheet.
    def convert(row: list[Any], width: int, values: dict[str, Any]) -> dict[str, Any] | None:
        if width <= last:
            return None
        for f, index, divide, amount in numbers:
            v = row[index]
            t = type(v)
            if t is float or t is int:
                values[f] = v / amount if divide else v * amount
            elif v != "" and v is not None:
                return None
        for f, index, words in choices:
            v = row[index]
            if v == "" or v is None:
                continue
            if type(v) is not str:
                return None
            hit = choice_cache.get((f, v))
            if hit is None:
                hit = _choice(vocab.clean_text(v), words)
                if hit is None:
                    return None
                choice_cache[(f, v)] = hit
            values[f] = hit
        for f, index, is_group in texts:
            v = row[index]
            if v == "" or v is None:
                continue
            if type(v) is not str:
                return None
            cleaned = text_cache.get((is_group, v))
            if cleaned is None:
                cleaned = vocab.clean_text(v)
                if is_group:
                    cleaned = vocab.strip_category(cleaned)
                if len(text_cache) < 100_000:
                    text_cache[(is_group, v)] = cleaned
            values[f] = cleaned or None
        return values

    return convert


def _read_rows(
    rows, banners, layout: Layout, by_field, unmapped, factors, table: Table, ctx: _Context
) -> None:
    kind = layout.kind
    name_col = by_field["name"][0].index
    seq_col = next((c.index for c in layout.columns if c.field == "_seq"), None)
    group_field = "sector" if kind is TableKind.PROJECTS else "category"
    has_group_column = group_field in by_field
    value_columns = [
        c for f, cols in by_field.items() if f not in ("name", group_field) for c in cols
    ]
    fast = _fast_converters(kind, by_field, factors, group_field) if not unmapped else None
    template = dict.fromkeys(table.columns)
    current_group: str | None = None
    last_index: int | None = None
    in_notes = False
    start = layout.header_rows[-1] + 1
    out: list[dict[str, Any]] = []
    sources: list[int] = []
    parents: dict[int, int] = {}

    for r in range(start, len(rows)):
        row = rows[r]
        width = len(row)
        # ---- fast path: an ordinary project row -------------------------------------------
        if fast is not None and not in_notes and name_col < width:
            name_raw = row[name_col]
            if type(name_raw) is str and name_raw and name_raw[0] not in _SPECIAL_FIRST:
                seq = row[seq_col] if seq_col is not None and seq_col < width else ""
                if (
                    seq == ""
                    or type(seq) is float
                    or type(seq) is int
                    or (type(seq) is str and seq.isdigit())
                ):
                    record = fast(row, width, template.copy())
                    if record is not None:
                        record["name"] = vocab.clean_text(name_raw)
                        if not record.get(group_field):
                            record[group_field] = current_group
                        out.append(record)
                        sources.append(r + 1)
                        last_index = len(out) - 1
                        continue
        # ---- full path: every other row --------------------------------------------------
        cells = _texts(row)
        if not cells:
            continue
        first_text = cells[0][1]
        name_raw = row[name_col] if name_col < width else ""
        name = vocab.clean_text(name_raw)
        if in_notes or vocab.FOOTNOTE.match(first_text):
            in_notes = True  # everything after the first footnote belongs to the notes
            table.notes.append(" ".join(vocab.clean_text(t) for _, t in cells))
            continue

        label_for_total = vocab.compact(name) or vocab.compact(
            row[seq_col] if seq_col is not None and seq_col < width else ""
        )
        if not label_for_total:
            label_for_total = vocab.compact(first_text)
        has_values = any(c.index < width and row[c.index] not in ("", None) for c in value_columns)

        if vocab.TOTAL.match(label_for_total):
            table.subtotals.append(_subtotal(row, r, label_for_total, by_field, factors, kind, ctx))
            continue
        category_text = (
            name
            if vocab.CATEGORY.match(name)
            else (first_text if vocab.CATEGORY.match(first_text) else "")
        )
        if (
            category_text
            and (not has_values or kind is TableKind.PROJECTS)
            and not (
                seq_col is not None and cells[0][0] == seq_col and vocab.NUMBERING.match(first_text)
            )
        ):
            current_group = vocab.strip_category(vocab.clean_text(category_text))
            if has_values:  # a sector row carrying its sums
                table.subtotals.append(
                    _subtotal(row, r, vocab.clean_text(category_text), by_field, factors, kind, ctx)
                )
            continue
        if r in banners or (len(cells) == 1 and not name):
            # A lone text outside the name column: a heading we do not know; keep it visible.
            if vocab.COUNT_SUFFIX.search(first_text) and kind is TableKind.PROJECTS:
                current_group = vocab.strip_category(vocab.clean_text(first_text))
                continue
            table.notes.append(vocab.clean_text(first_text))
            ctx.warn(f"无法归类的行“{vocab.clean_text(first_text)[:30]}”，已作为表注保留", r)
            continue
        if not name:
            ctx.warn("名称为空的行，已按数据行读取", r, name_col)

        values = {}
        sub = vocab.SUB_ITEM.match(name)
        if sub:
            name = name[sub.end() :].strip()
        name = vocab.NUMBERING.sub("", name) if kind is TableKind.INDICATORS else name
        values["name"] = name
        notes: list[str] = []
        for f, columns in by_field.items():
            if f == "name":
                continue
            raw: Any = ""
            column = columns[0]
            for candidate in columns:
                value = row[candidate.index] if candidate.index < width else ""
                if value not in ("", None) and str(value).strip() not in _EMPTY_MARKS:
                    raw, column = value, candidate
                    break
            else:
                raw = row[column.index] if column.index < width else ""
            for other in columns:  # values of a second column for the same field go to the note
                value = row[other.index] if other.index < width else ""
                if (
                    other is not column
                    and value not in ("", None)
                    and str(value).strip() not in _EMPTY_MARKS
                ):
                    text = (
                        format_number(value)
                        if isinstance(value, float)
                        else vocab.clean_text(value)
                    )
                    notes.append(f"{other.label}：{text}")
            values[f] = _convert(f, raw, column, factors, kind, r, ctx, notes, values)
        if kind is TableKind.INDICATORS and not values.get("unit"):
            values["name"], unit = _unit_from_name(values["name"])
            if unit:
                values["unit"] = unit
        if not has_group_column or not values.get(group_field):
            values[group_field] = current_group
        else:
            values[group_field] = vocab.strip_category(values[group_field])
        for column in unmapped:
            raw = row[column.index] if column.index < width else ""
            if raw not in ("", None):
                text = format_number(raw) if isinstance(raw, float) else vocab.clean_text(raw)
                notes.append(f"{column.label}：{text}")
        if notes:
            values["note"] = "；".join(filter(None, [values.get("note"), *notes]))
        record = dict(template)
        record.update((k, v) for k, v in values.items() if k in template)
        out.append(record)
        sources.append(r + 1)
        if sub and last_index is not None:
            parents[len(out) - 1] = last_index
        elif not sub:
            last_index = len(out) - 1
    if not out:
        raise NoTable("表头下没有数据行")
    keys = table.bulk_append(out)
    table.row_source.update(zip(keys, sources, strict=True))
    if parents:  # 其中/# rows: part of their parent, never summed
        table.meta["sub_items"] = {keys[child]: keys[parent] for child, parent in parents.items()}


def _convert(
    f: str, raw: Any, column: Column, factors, kind, r: int, ctx: _Context, notes: list[str], values
) -> Any:
    if f in NUMERIC[kind]:
        parsed = parse_number(raw)
        if parsed.error:
            ctx.warn(f"“{vocab.clean_text(raw)}”不是数值，已留空并把原文记入备注", r, column.index)
            notes.append(f"{column.label}原文：{vocab.clean_text(raw)}")
            return None
        if parsed.value is None:
            words = parsed.no_value_text
            if f == "actual" and words and words not in ("-", "—", "－", "/", "／", "--", "——"):
                values["status"] = values.get("status") or words  # 暂无数据 is a status
            return None
        value = parsed.value
        if f in MONEY:
            value = to_yi(value, factors.get(column.label, TO_YI))
        return value
    if raw in ("", None):
        return values.get(f) if f == "status" else None  # keep a 暂无数据 read from the actual
    text = format_number(raw) if isinstance(raw, float) else vocab.clean_text(raw)
    if f == "attribute":
        lowered = text.lower()
        for word, canonical in vocab.ATTRIBUTE_WORDS.items():
            if word in lowered:
                return canonical
        if text not in ATTRIBUTES:
            ctx.warn(f"属性“{text}”不是约束性/预期性，已留空并记入备注", r, column.index)
            notes.append(f"属性原文：{text}")
            return None
    if f == "funding":
        result = _choice(text, vocab.FUNDING_WORDS)
        if result is None:
            ctx.warn(
                f"投资来源“{text}”无法判断为政府投资或企业投资，已留空并记入备注", r, column.index
            )
            notes.append(f"投资来源原文：{text}")
        return result
    if f == "nature":
        result = _choice(text, vocab.NATURE_WORDS)
        if result is None:
            ctx.warn(f"建设性质“{text}”无法识别，已留空并记入备注", r, column.index)
            notes.append(f"建设性质原文：{text}")
        return result
    return text


def _subtotal(row, r: int, label: str, by_field, factors, kind, ctx: _Context) -> dict[str, Any]:
    record: dict[str, Any] = {"label": label, "row": r + 1}
    for f in NUMERIC[kind]:
        for column in by_field.get(f, []):
            raw = row[column.index] if column.index < len(row) else ""
            parsed = parse_number(raw)
            if parsed.value is not None:
                value = (
                    to_yi(parsed.value, factors.get(column.label, TO_YI))
                    if f in MONEY
                    else parsed.value
                )
                record[f] = value
                break
            if parsed.error:
                ctx.warn(f"合计行中“{vocab.clean_text(raw)}”不是数值", r, column.index)
    count = re.search(r"(\d+)\s*个", label)
    if count:
        record["count"] = int(count.group(1))
    return record
