"""What travels between a workstation and the team's shared archive: one typed change of one
field of one row, and what the server made of it.

Team review shares only what reviewers do to rows that exist: a cell's value and a row's
review mark. Each change carries the value it was made against (`expected`), so a change made
on a stale copy is never written over a colleague's (it comes back as a conflict), and a
client-made id, so a change pushed twice (a retry after a dropped connection, an offline
queue flushed again) is applied once. Kept here, free of Qt and of the database, because the
window, the command line, the offline queue and the reconcile view all speak it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workbench.core.events import Change
from workbench.core.vocab import ChangeKind

# The field names of a row's review mark; cell changes use the column's canonical key
# (CONTRACT.md), which never clashes with these.
STATUS_FIELD = "review_status"
COMMENT_FIELD = "review_comment"


class OutcomeKind(StrEnum):
    APPLIED = "applied"  # written; the server's value is now `value`
    CONFLICT = "conflict"  # someone changed the field since `expected`; `theirs` holds it
    REFUSED = "refused"  # the server refused (not assigned, approved version, no grant)
    DUPLICATE = "duplicate"  # this change id was applied before; nothing was written again


@dataclass(frozen=True)
class TeamChange:
    """One field of one row set from `expected` to `value` by `who` (a PostgreSQL role)."""

    change_id: str
    version_id: int
    table: str
    row_key: str
    field: str
    expected: Any
    value: Any
    who: str = ""
    at: str = ""

    @property
    def is_mark(self) -> bool:
        return self.field in (STATUS_FIELD, COMMENT_FIELD)


@dataclass(frozen=True)
class Outcome:
    change: TeamChange
    kind: OutcomeKind
    theirs: Any = None  # the server's value when kind is CONFLICT
    theirs_who: str = ""
    theirs_at: str = ""
    message: str = ""  # the server's refusal, in words a reviewer reads


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed: what it was, what I made it, what they made it."""

    table: str
    row_key: str
    field: str
    original: Any
    mine: Any
    theirs: Any
    theirs_who: str = ""
    theirs_at: str = ""
    change_id: str = ""

    @classmethod
    def from_outcome(cls, outcome: Outcome) -> Conflict:
        c = outcome.change
        return cls(
            c.table,
            c.row_key,
            c.field,
            c.expected,
            c.value,
            outcome.theirs,
            outcome.theirs_who,
            outcome.theirs_at,
            c.change_id,
        )


def new_change_id() -> str:
    return uuid.uuid4().hex


_FIELD_OF_KIND = {ChangeKind.REVIEW_STATUS: STATUS_FIELD, ChangeKind.COMMENT: COMMENT_FIELD}


def shared_field(change: Change) -> str | None:
    """The field a team session shares for this change: a cell's column or a review mark's
    field; None for what it cannot share (rows inserted or deleted, crosswalk, policy)."""
    if change.kind is ChangeKind.CELL:
        return change.column or None
    return _FIELD_OF_KIND.get(change.kind)


def team_changes(
    changes: list[Change] | tuple[Change, ...], version_id: int, who: str, at: str
) -> list[TeamChange]:
    """The shareable part of one applied edit, in the order it happened.

    Cell values and review marks are shared; inserted or deleted rows, crosswalk and policy
    changes are not (the caller refuses those in a team session rather than let two copies
    of the plan drift apart silently) — `unshareable` names them.
    """
    out: list[TeamChange] = []
    for change in changes:
        field = shared_field(change)
        if field is None:
            continue
        out.append(
            TeamChange(
                new_change_id(),
                version_id,
                change.table,
                change.key,
                field,
                change.old,
                change.new,
                who,
                at,
            )
        )
    return out


def unshareable(changes: list[Change] | tuple[Change, ...]) -> list[Change]:
    """Changes a team session cannot share (rows inserted or deleted, crosswalk, policy)."""
    return [c for c in changes if shared_field(c) is None]
