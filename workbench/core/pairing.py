"""Which table of another document (or another year) a table is to be set beside.

The comparison window, `workbench diff`, the year-on-year chart and the roll-forward each
looked for a table's counterpart their own way (same sheet then any of the kind; same sheet,
then another year, then any; the year before, then the year after), so the window and the
command line could compare a table against different tables. One rule, here:

1. a table of the same kind whose sheet name or title has the same match key;
2. else one of the same kind from another year (2021's project list against 2022's);
3. else the first of the same kind.

A table is never its own counterpart, and a table of another kind never is. Pairing two whole
documents (`pair_tables`, what `workbench diff` does with two plans) applies the same rule
table by table, exact sheet names first, each table of the new document taken once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from workbench.core.keys import match_key
from workbench.core.schema import TableKind
from workbench.core.table import Table


def counterpart(
    table: Table, candidates: Iterable[Table], taken: Collection[str] = ()
) -> Table | None:
    """`table`'s counterpart among `candidates` (those whose id is in `taken` are spoken for)."""
    same_kind = [
        t for t in candidates if t.kind is table.kind and t is not table and t.id not in taken
    ]
    if not same_kind:
        return None
    names = {match_key(table.sheet_name), match_key(table.title)} - {""}
    for other in same_kind:
        if names & {match_key(other.sheet_name), match_key(other.title)}:
            return other
    if table.year is not None:
        for other in same_kind:
            if other.year is not None and other.year != table.year:
                return other
    return same_kind[0]


def table_of_year(
    candidates: Iterable[Table],
    kind: TableKind | str,
    year: int | None,
    *,
    exclude: Table | None = None,
) -> Table | None:
    """The first table of `kind` stated for `year` (None when there is none)."""
    if year is None:
        return None
    kind = TableKind(kind)
    for table in candidates:
        if table.kind is kind and table.year == year and table is not exclude:
            return table
    return None


def adjacent_year(table: Table, candidates: Iterable[Table]) -> Table | None:
    """The same kind of table of the year before, else of the year after."""
    tables = list(candidates)
    if table.year is None:
        return None
    return table_of_year(tables, table.kind, table.year - 1, exclude=table) or table_of_year(
        tables, table.kind, table.year + 1, exclude=table
    )


@dataclass
class TablePairs:
    """Every table of the old document with its counterpart, in the old document's order;
    the tables left without one on either side."""

    pairs: list[tuple[Table, Table]] = field(default_factory=list)
    only_old: list[Table] = field(default_factory=list)
    only_new: list[Table] = field(default_factory=list)


def pair_tables(old: Iterable[Table], new: Iterable[Table]) -> TablePairs:
    """Pair whole documents: exact sheet names first across all tables (so a renamed-year
    table never takes another table's exact partner), then the rule of `counterpart`."""
    old, new = list(old), list(new)
    by_id: dict[str, Table] = {}
    taken: set[str] = set()
    for table in old:
        for candidate in new:
            if (
                candidate.id not in taken
                and candidate.kind is table.kind
                and candidate.sheet_name == table.sheet_name
            ):
                by_id[table.id] = candidate
                taken.add(candidate.id)
                break
    for table in old:
        if table.id not in by_id:
            found = counterpart(table, new, taken)
            if found is not None:
                by_id[table.id] = found
                taken.add(found.id)
    result = TablePairs()
    for table in old:
        if table.id in by_id:
            result.pairs.append((table, by_id[table.id]))
        else:
            result.only_old.append(table)
    result.only_new = [t for t in new if t.id not in taken]
    return result
