"""Which table of one document is compared with which of another: the one pairing rule the
command line (`workbench diff`) and the compare window share.

A table pairs with the other document's table of the same kind holding the same sheet name,
else the same title, else — one table in two years (2021年重大项目 → 2022年重大项目) — the
first of that kind not paired yet, preferring another year than its own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from workbench.core.table import Table


@dataclass
class TablePairs:
    """Every table of the old document with its counterpart, in the old document's order;
    the tables left without one on either side."""

    pairs: list[tuple[Table, Table]] = field(default_factory=list)
    only_old: list[Table] = field(default_factory=list)
    only_new: list[Table] = field(default_factory=list)


def counterpart(table: Table, candidates: Iterable[Table], taken: Collection[str] = ()):
    """The candidate most like `table` (see the module note), or None."""
    free = [t for t in candidates if t.id not in taken and t.kind == table.kind]
    for same in (
        lambda t: t.sheet_name == table.sheet_name,
        lambda t: bool(table.title) and t.title == table.title,
        lambda t: table.year is not None and t.year not in (None, table.year),
        lambda t: True,
    ):
        for candidate in free:
            if same(candidate):
                return candidate
    return None


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
                and candidate.kind == table.kind
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
