"""The offline queue: team changes waiting for the server, kept in the embedded archive.

A change is written here before it is pushed, in the order it was made, and stays until the
server has said what it made of it; so neither a dropped connection nor a closed window
loses one, and the week a workstation spent away from the network is pushed back in order.
The change's own id travels with it: pushing a row again after a crash mid-push is answered
"seen before" by the server, never applied twice. Rows are kept after their outcome (the
user's record of what was shared, refused or disputed) until `forget_done` clears them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from workbench.core.team import Outcome, OutcomeKind, TeamChange
from workbench.io.archive.connection import Connection
from workbench.io.archive.schema import outbox

PENDING = "pending"
DISPUTED = "conflict"
RESOLVED = "resolved"  # a conflict the user settled (its answer is a change of its own)
# The outcomes that end a change's stay in the queue, by the server's word for them.
_STATE_OF = {
    OutcomeKind.APPLIED: "applied",
    OutcomeKind.CONFLICT: DISPUTED,
    OutcomeKind.REFUSED: "refused",
    OutcomeKind.DUPLICATE: "duplicate",
}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@dataclass(frozen=True)
class Queued:
    """One row of the queue: the change, its place in line, and what became of it."""

    seq: int
    change: TeamChange
    state: str
    message: str = ""

    def outcome(self) -> Outcome | None:
        """What the server said, rebuilt from the row (None while pending)."""
        kind = next((k for k, s in _STATE_OF.items() if s == self.state), None)
        if kind is None:
            return None
        if kind is OutcomeKind.CONFLICT:
            theirs = json.loads(self.message or "{}")
            return Outcome(
                self.change, kind, theirs.get("value"), theirs.get("who", ""), theirs.get("at", "")
            )
        return Outcome(self.change, kind, message=self.message)


class Outbox:
    """The queue of one server version on one workstation."""

    def __init__(self, connection: Connection, server: str, version_id: int):
        self.connection = connection
        self.server = server
        self.version_id = version_id

    def _mine(self):
        return sa.and_(outbox.c.server == self.server, outbox.c.version_id == self.version_id)

    # ---- writing ----------------------------------------------------------------------------
    def put(self, changes: Iterable[TeamChange]) -> None:
        """Queue changes at the end of the line, in one transaction."""
        rows = [
            {
                "server": self.server,
                "version_id": c.version_id,
                "table_id": c.table,
                "row_key": c.row_key,
                "field": c.field,
                "expected": _dump(c.expected),
                "value": _dump(c.value),
                "change_id": c.change_id,
                "at": c.at,
                "state": PENDING,
            }
            for c in changes
        ]
        if rows:
            with self.connection.writing() as conn:
                conn.execute(outbox.insert(), rows)

    def record(self, outcomes: Iterable[Outcome]) -> None:
        """What the server made of pushed changes, in one transaction."""
        rows = []
        for outcome in outcomes:
            if outcome.kind is OutcomeKind.CONFLICT:
                message = _dump(
                    {"value": outcome.theirs, "who": outcome.theirs_who, "at": outcome.theirs_at}
                )
            else:
                message = outcome.message
            rows.append(
                {"cid": outcome.change.change_id, "st": _STATE_OF[outcome.kind], "msg": message}
            )
        self._set_states(rows)

    def settle(self, change_ids: Iterable[str]) -> None:
        """Conflicts the user has answered (keep mine queues a new change; keep theirs
        needs nothing from the server)."""
        self._set_states([{"cid": cid, "st": RESOLVED, "msg": None} for cid in change_ids])

    def _set_states(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        statement = (
            outbox.update()
            .where(outbox.c.change_id == sa.bindparam("cid"))
            .values(state=sa.bindparam("st"), outcome_message=sa.bindparam("msg"))
        )
        with self.connection.writing() as conn:
            conn.execute(statement, rows)

    def forget_done(self, upto: int) -> int:
        """Drop rows up to `upto` (the local copy holds their values) that the server has
        answered and nothing waits on (not pending, not an open conflict); the number."""
        with self.connection.writing() as conn:
            done = conn.execute(
                outbox.delete().where(
                    self._mine(),
                    outbox.c.seq <= upto,
                    outbox.c.state.not_in((PENDING, DISPUTED)),
                )
            )
        return done.rowcount

    # ---- reading ----------------------------------------------------------------------------
    def _rows(self, *where, limit: int | None = None) -> list[Queued]:
        query = sa.select(outbox).where(self._mine(), *where).order_by(outbox.c.seq)
        if limit is not None:
            query = query.limit(limit)
        with self.connection.reading() as conn:
            found = conn.execute(query).all()
        return [
            Queued(
                r.seq,
                TeamChange(
                    r.change_id,
                    r.version_id,
                    r.table_id,
                    r.row_key,
                    r.field,
                    _load(r.expected),
                    _load(r.value),
                    at=r.at,
                ),
                r.state,
                r.outcome_message or "",
            )
            for r in found
        ]

    def pending(self, limit: int | None = None) -> list[Queued]:
        """Changes not yet answered by the server, oldest first."""
        return self._rows(outbox.c.state == PENDING, limit=limit)

    def disputed(self) -> list[Queued]:
        """Conflicts the user has not answered yet (they survive a restart of the app)."""
        return self._rows(outbox.c.state == DISPUTED)

    def all(self) -> list[Queued]:
        return self._rows()

    def after(self, seq: int) -> list[Queued]:
        """Rows queued after `seq` whose value my document shows: pending, applied or
        disputed (not refused, not settled), oldest first."""
        return self._rows(outbox.c.seq > seq, outbox.c.state.not_in(("refused", RESOLVED)))

    def last_seq(self) -> int:
        with self.connection.reading() as conn:
            found = conn.execute(sa.select(sa.func.max(outbox.c.seq)).where(self._mine()))
            return found.scalar() or 0

    def count_pending(self) -> int:
        with self.connection.reading() as conn:
            return conn.execute(
                sa.select(sa.func.count()).where(self._mine(), outbox.c.state == PENDING)
            ).scalar_one()
