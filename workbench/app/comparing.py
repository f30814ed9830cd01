"""Compare: two files (or two tables) paired row by row, for `diff` and the window.

Picks the table of each file to compare, reads the crosswalk the person gave, and runs the
compare engine (core/compare). The printed and JSON forms of the result are made by
core/compare/report.py, not here. Bad options (a tolerance that does not parse, a key column
the table does not have) raise ValueError for the front end to show as a usage problem; an
unusable file raises FileProblem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.i18n import translate
from workbench.io.errors import FileProblem


class OptionProblem(ValueError):
    """An option of the comparison that cannot be used as given (bad usage, not a bad file)."""


@dataclass
class CompareResult:
    """Two files compared: one comparison per pair of tables (every table of two plans, or
    the one pair a sheet named), the tables only one file holds, and what each file's
    visible sheets changed against its hidden document (`notices`)."""

    comparisons: list[Any]  # core.compare.result.Comparison, one per pair
    old_path: Path
    new_path: Path
    pairs: list[tuple[Any, Any]]
    only_old: list[str] = field(default_factory=list)
    only_new: list[str] = field(default_factory=list)
    notices: tuple[list[str], list[str]] = ([], [])

    @property
    def comparison(self) -> Any:
        return self.comparisons[0]

    @property
    def old_table(self) -> Any:
        return self.pairs[0][0]

    @property
    def new_table(self) -> Any:
        return self.pairs[0][1]

    @property
    def has_changes(self) -> bool:
        """Anything a script gating on `--fail-on change` should stop for: a changed,
        added or removed row in any table, or a table only one file holds."""
        return bool(self.only_old or self.only_new) or any(
            c.changed or c.added or c.removed for c in self.comparisons
        )


def pick_table(doc, path: str | os.PathLike, sheet: str | None, like=None):
    """The table `sheet` names; else `like`'s counterpart (core/pairing, the rule the compare
    window uses too)."""
    from workbench.io.opener import select_table

    if sheet or like is None:
        return select_table(doc, path, sheet, None)
    from workbench.core.pairing import counterpart

    found = counterpart(like, doc.tables.values())
    if found is not None:
        return found
    from workbench.core.vocab import TABLE_KIND_LABELS

    kind = translate("core", TABLE_KIND_LABELS[like.kind])
    raise FileProblem(
        translate("cli", "没有可与旧文件“{sheet_name}”比较的{kind}").format(
            sheet_name=like.sheet_name, kind=kind
        ),
        path,
    )


def read_crosswalk(path: str | os.PathLike):
    """A crosswalk JSON file ({"sector": {旧: 新}, "name": {旧: 新}})."""
    from workbench.core.compare.crosswalk import Crosswalk

    walk_path = Path(path)
    if not walk_path.is_file():
        raise FileProblem(translate("cli", "对照表文件不存在"), walk_path)
    try:
        return Crosswalk.from_json_text(walk_path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise FileProblem(str(exc), walk_path) from None


def compare_files(
    old: str | os.PathLike,
    new: str | os.PathLike,
    *,
    sheet: str | None = None,
    new_sheet: str | None = None,
    key: str | None = None,
    crosswalk: str | os.PathLike | None = None,
    accept: float | None = None,
    tolerances: list[str] | tuple[str, ...] = (),
    profile: str | None = None,
) -> CompareResult:
    """Compare `old` with `new`: the table `sheet` names with its counterpart, or (no sheet
    named) every table of the two files, each with its counterpart."""
    from workbench.app import opening
    from workbench.core.compare.tolerance import Tolerances

    try:
        parsed = Tolerances.parse(list(tolerances))
    except ValueError as exc:
        raise OptionProblem(str(exc)) from None
    if accept is not None and not 0 <= accept <= 1:
        raise OptionProblem(
            translate("cli", "--accept 应在 0 到 1 之间，而不是 {accept}").format(accept=accept)
        )
    extra = read_crosswalk(crosswalk) if crosswalk else None
    if profile:
        from workbench.core.compare.crosswalk_profiles import crosswalk_profile

        try:
            named = crosswalk_profile(profile).crosswalk
        except ValueError as exc:
            raise OptionProblem(str(exc)) from None
        extra = named if extra is None else named.merged(extra)
    first, second = opening.open_both(old, new)
    only_old: list[str] = []
    only_new: list[str] = []
    if sheet or new_sheet:
        old_table = pick_table(first.doc, old, sheet)
        pairs = [(old_table, pick_table(second.doc, new, new_sheet or sheet, old_table))]
    else:  # every table of the two files, each with its counterpart (core/pairing)
        from workbench.core.pairing import pair_tables

        found = pair_tables(first.doc.tables.values(), second.doc.tables.values())
        pairs = found.pairs
        if not pairs:  # nothing alike: said as for one table (FileProblem)
            head = next(iter(first.doc.tables.values()))
            pairs = [(head, pick_table(second.doc, new, None, head))]
        only_old = [t.sheet_name for t in found.only_old]
        only_new = [t.sheet_name for t in found.only_new]
    comparisons = [
        compare_tables(first.doc, a, b, new, extra=extra, key=key, accept=accept, tolerances=parsed)
        for a, b in pairs
    ]
    notices = (list(first.doc.notices), list(second.doc.notices))
    return CompareResult(comparisons, Path(old), Path(new), pairs, only_old, only_new, notices)


def compare_tables(
    old_doc, old_table, new_table, new_path, *, extra=None, key=None, accept=None, tolerances=None
):
    """Run the compare engine with the old document's crosswalk (plus `extra`)."""
    from workbench.core.compare import align
    from workbench.core.compare.crosswalk import Crosswalk
    from workbench.core.compare.tolerance import Tolerances

    crosswalk = Crosswalk.of(old_doc)
    if extra is not None:
        crosswalk = crosswalk.merged(extra)
    if key:
        try:
            key = align.resolve_column(old_table, key)
        except ValueError as exc:
            raise OptionProblem(str(exc)) from None
    try:
        return align.compare_tables(
            old_table,
            new_table,
            crosswalk=crosswalk,
            tolerances=tolerances if tolerances is not None else Tolerances(),
            key_column=key,
            accept_threshold=align.ACCEPT_THRESHOLD if accept is None else accept,
        )
    except ValueError as exc:
        raise FileProblem(str(exc), new_path, new_table.sheet_name) from None
