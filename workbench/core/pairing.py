"""Which table of another document (or another year) a table is to be set beside.

The comparison window, `workbench diff`, the year-on-year chart and the roll-forward each
looked for a table's counterpart their own way (same sheet then any of the kind; same sheet,
then another year, then any; the year before, then the year after), so the window and the
command line could compare a table against different tables. One rule, here:

1. a table of the same kind whose sheet name or title has the same match key;
2. else one of the same kind from another year (2021's project list against 2022's);
3. else the first of the same kind.

A table is never its own counterpart, and a table of another kind never is.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.keys import match_key
from workbench.core.schema import TableKind
from workbench.core.table import Table


def counterpart(table: Table, candidates: Iterable[Table]) -> Table | None:
    same_kind = [t for t in candidates if t.kind is table.kind and t is not table]
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
