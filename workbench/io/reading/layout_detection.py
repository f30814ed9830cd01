"""Where the table sits in an annex sheet, and what each of its columns holds.

docs/annex-layouts.md lists the layouts met in practice: a 附件 label and a merged title, a unit line,
one- or two-row headers with merged group cells ("2021年" over 计划目标/执行情况), and the
indicator-by-year tables statistics bureaus export (指标 in rows, 2019年…2023年 in columns, or
the reverse). Header words are matched by their `match_key`; the labels kept for notes,
warnings and `base_label` are the header text as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core import units
from workbench.core.keys import as_written
from workbench.core.numbers import parse_number
from workbench.core.schema import TableKind
from workbench.io.reading import header_vocabulary as vocab

HEADER_SCAN_ROWS = 40
# Words above a column of years in a statistics export: the years are what the column holds.
_YEAR_CORNERS = ("年份", "年度", "时间", "年", "指标", "指标名称", "项目", "yr", "year")
MIN_YEAR_COLUMNS = 2
Merged = tuple[int, int, int, int]


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
    label: str  # the header as written, group and sub-label joined by one space
    field: str | None
    unit: str | None = None
    year: int | None = None
    key: str = ""  # the header's matching key


@dataclass
class Layout:
    kind: TableKind
    header_rows: list[int]
    columns: list[Column]
    title: str = ""
    annex_label: str = ""
    unit: str | None = None
    year: int | None = None
    kind_uncertain: bool = False
    base_label: str | None = None  # the base column's header as written ("2021年预计")
    by_year: bool = False  # an indicator-by-year table: `series` columns, one per year
    transposed: bool = False  # years were in rows: `rows` is the sheet turned on its side
    name_guessed: bool = False  # no header named the name column: the first text column


# ---- grid preparation ---------------------------------------------------------------------
def fill_merges(rows: list[list[Any]], merged: list[Merged]) -> set[int]:
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


def texts(row: list[Any]) -> list[tuple[int, str]]:
    """The non-empty cells of a row as (column, text with outer whitespace trimmed)."""
    return [
        (i, str(v).strip()) for i, v in enumerate(row) if v not in ("", None) and str(v).strip()
    ]


def year_of(value: Any) -> int | None:
    """A header cell that names a year and nothing else: "2021年", "2021", 2021.0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1949 <= value <= 2100:
            return int(value)
        return None
    if isinstance(value, str):
        if len(value) > 16:  # "2021 年" with some spaces at most; never scan a long text
            return None
        match = vocab.YEAR.fullmatch(vocab.compact(value))
        return int(match.group(1)) if match else None
    return None


# ---- header detection ---------------------------------------------------------------------
def _score(row: list[Any], kind: TableKind | None) -> tuple[int, int, int]:
    """(cells that name a canonical field, project words, indicator words)."""
    hits = proj = ind = 0
    for _, text in texts(row):
        label = vocab.compact(text)
        if len(label) > 30:
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
    cells = texts(row)
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
    rows: list[list[Any]], h: int, banners: set[int], kind: TableKind, merged: list[Merged]
) -> list[int]:
    block = [h]
    # A group row above (years or group words over sub-columns, not a title banner).
    if h > 0 and h - 1 not in banners and _is_header_like(rows[h - 1]):
        above = texts(rows[h - 1])
        if len(above) >= 2 and any(vocab.YEAR.search(t) or len(t) <= 12 for _, t in above):
            labels = [vocab.compact(t) for _, t in above]
            if not any(vocab.UNIT_LINE.search(t) for t in labels) and not any(
                vocab.ANNEX_LABEL.match(t) for t in labels
            ):
                block.insert(0, h - 1)
    # Sub-labels below (绝对值/增长%, 计划目标/执行情况) on a row with no numbers: accepted
    # when a merge ties the two rows together, or when every cell is a short header word.
    if h + 1 < len(rows) and h + 1 not in banners and _is_header_like(rows[h + 1]):
        below = texts(rows[h + 1])
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


def _column_labels(rows: list[list[Any]], block: list[int]) -> list[tuple[str, str]]:
    """Per column: (label as written, matching key), parts of a multi-row header joined."""
    width = max(len(rows[r]) for r in block)
    labels = []
    for c in range(width):
        parts: list[str] = []
        keys: list[str] = []
        for r in block:
            value = rows[r][c] if c < len(rows[r]) else ""
            if type(value) is float and value.is_integer():
                value = int(value)  # a year typed as a number: 2021, not 2021.0
            key = vocab.compact(value)
            if key and (not keys or keys[-1] != key):
                keys.append(key)
                parts.append(as_written(value))
        labels.append((" ".join(parts), " ".join(keys)))
    return labels


def _map_columns(labels: list[tuple[str, str]], kind: TableKind) -> list[Column]:
    field_of = vocab.indicator_field if kind is TableKind.INDICATORS else vocab.project_field
    columns = []
    years = [int(y) for _, key in labels for y in vocab.YEAR.findall(key)]
    top_year = max(years) if years else None
    for index, (label, key) in enumerate(labels):
        if not key:
            continue
        flat = key.replace(" ", "")
        mapped = field_of(flat)
        # Look at the parts separately too: "2021年 执行情况" maps by its last part.
        if mapped is None and " " in key:
            for part in reversed(key.split(" ")):
                mapped = field_of(part)
                if mapped:
                    break
        year_match = vocab.YEAR.findall(key)
        year = int(year_match[-1]) if year_match else None
        if (
            kind is TableKind.INDICATORS
            and mapped in ("actual", "target")
            and year
            and top_year
            and year < top_year
            and (mapped == "actual" or "目标" not in flat)
        ):
            # An earlier year's figure next to a later year's target is the base.
            mapped = "base"
        unit_match = vocab.UNIT_IN_BRACKETS.search(key)
        unit = unit_match.group(1) if unit_match and units.names_unit(unit_match.group(1)) else None
        if (
            unit is None
            and "%" in key
            and mapped in ("completion_rate", "actual", "target", "base")
        ):
            unit = "%"
        columns.append(Column(index, label, mapped, unit, year, key))
    return columns


def _year_columns(columns: list[Column]) -> list[Column]:
    return [c for c in columns if c.field is None and vocab.YEAR.fullmatch(c.key.replace(" ", ""))]


def _year_header(rows: list[list[Any]], banners: set[int]) -> int | None:
    """A header row of an indicator-by-year table: two or more cells naming only a year,
    every other cell text, and numbers under the years in the rows below."""
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if r in banners:
            continue
        years = [c for c, v in enumerate(row) if year_of(v) is not None]
        if len(years) < MIN_YEAR_COLUMNS:
            continue
        others = [v for c, v in enumerate(row) if c not in years and v not in ("", None)]
        if any(not isinstance(v, str) for v in others):
            continue
        below = rows[r + 1 : r + 6]
        if any(c < len(b) and parse_number(b[c]).value is not None for b in below for c in years):
            return r
    return None


def _transpose_years(
    rows: list[list[Any]], banners: set[int]
) -> tuple[list[list[Any]], str] | None:
    """Years down a column (2019年 … 2023年 in rows, indicators across): the same sheet
    turned on its side, with a "指标" header over the names, and the sheet's own word above
    the years (年份, 时间 …); or None."""
    width = max((len(r) for r in rows[:HEADER_SCAN_ROWS]), default=0)
    for c in range(min(width, 3)):
        year_rows = [
            r
            for r, row in enumerate(rows)
            if r not in banners and c < len(row) and year_of(row[c]) is not None
        ]
        if len(year_rows) < MIN_YEAR_COLUMNS:
            continue
        years = [year_of(rows[r][c]) for r in year_rows]
        if len(set(years)) != len(years):
            continue  # a year repeated down the column: a long list by year, not a series
        header = year_rows[0] - 1
        while header >= 0 and not texts(rows[header]):
            header -= 1
        if header < 0:
            continue
        names = [(i, v) for i, v in enumerate(rows[header]) if i > c and v not in ("", None)]
        if not names or any(not isinstance(v, str) for _, v in names):
            continue
        turned: list[list[Any]] = [list(r) for r in rows[:header]]
        corner = vocab.compact(rows[header][c] if c < len(rows[header]) else "")
        turned.append(["指标", *(rows[y][c] for y in year_rows)])
        for i, name in names:
            turned.append([name, *((rows[y][i] if i < len(rows[y]) else "") for y in year_rows)])
        return turned, corner
    return None


def _describe_top(rows: list[list[Any]], first_header: int, layout: Layout) -> None:
    """Title, unit line and annex label from the rows above the header, as written."""
    for r in range(first_header):
        for _, text in texts(rows[r]):
            compact = vocab.compact(text)
            unit = vocab.UNIT_LINE.search(compact)
            if unit:
                layout.unit = unit.group(1)
                before = compact[: unit.start()].strip()
                if before and not layout.title and len(before) > 4:
                    head = text[: text.find("单位")] if "单位" in text else text
                    layout.title = as_written(head.rstrip(" \u3000，,（("))
            elif vocab.ANNEX_LABEL.match(compact):
                layout.annex_label = as_written(text)
            elif not layout.title and len(compact) >= 4:
                layout.title = as_written(text)


def analyse_layout(
    rows: list[list[Any]],
    banners: set[int],
    kind: TableKind | None,
    merged: list[Merged] | tuple = (),
) -> tuple[Layout, list[list[Any]]]:
    """The layout, and the rows to read it from (the sheet itself, or the sheet turned on
    its side when years run down a column)."""
    merged = list(merged)
    try:
        h, kind, uncertain = _find_header(rows, banners, kind)
    except NoTable:
        if kind not in (None, TableKind.INDICATORS):
            raise
        h = _year_header(rows, banners)
        uncertain = False
        if h is None:
            found = _transpose_years(rows, banners)
            if found is None:
                raise
            turned, corner = found
            layout, _ = analyse_layout(turned, set(), TableKind.INDICATORS)
            layout.transposed = True
            layout.name_guessed = corner.lower() not in _YEAR_CORNERS
            return layout, turned
        kind = TableKind.INDICATORS
    block = _header_block(rows, h, banners, kind, merged)
    columns = _map_columns(_column_labels(rows, block), kind)
    layout = Layout(kind, block, columns, kind_uncertain=uncertain)
    if kind is TableKind.INDICATORS:
        by_year = _year_columns(columns)
        if len(by_year) >= MIN_YEAR_COLUMNS:
            layout.by_year = True
            for column in by_year:
                column.field = "series"
                column.year = int(vocab.YEAR.fullmatch(column.key.replace(" ", "")).group(1))
    if not any(c.field == "name" for c in columns):
        # Without a name column, take the first text column after the sequence column.
        for c in columns:
            if c.field is None:
                c.field = "name"
                layout.name_guessed = True
                break
    if not any(c.field == "name" for c in columns):
        raise NoTable("表头中没有名称列（指标名称/项目名称）")
    base = next((c for c in columns if c.field == "base"), None)
    if base is not None:
        layout.base_label = base.label
    _describe_top(rows, block[0], layout)
    years = [int(y) for y in vocab.YEAR.findall(layout.title)]
    years += [c.year for c in columns if c.year and c.field != "series"]
    layout.year = max(years) if years else None
    return layout, rows
