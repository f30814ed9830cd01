"""Hearing the team's changes as they are committed (PostgreSQL LISTEN/NOTIFY).

Each applied change in team_log notifies channel `workbench_team` with a tiny payload (the
version and the log id); a client reads the values since its last log id (team.load_live).
The Listener has its own connection, so the window can wait on it in a thread.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from workbench.io.archive import team_errors as errors

CHANNEL = "workbench_team"


class Notice(NamedTuple):
    version_id: int
    log_id: int


class Listener:
    """`poll(timeout)` waits up to `timeout` seconds and returns the notices that came (of
    `version_id` only, when given). A lost connection raises ServerUnreachable; make a new
    Listener when the server is back."""

    def __init__(self, conninfo: str, version_id: int | None = None, where: str = ""):
        import psycopg
        import psycopg.conninfo

        self.version_id = version_id
        self.where = where
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True)
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            user = psycopg.conninfo.conninfo_to_dict(conninfo).get("user") or ""
            login = errors.login_problem(error, str(user), where)
            if login is not None:
                raise login from None
            raise errors.unreachable(error, where) from None

    def poll(self, timeout: float = 1.0) -> list[Notice]:
        import psycopg

        found: list[Notice] = []
        try:
            for note in self._conn.notifies(timeout=timeout, stop_after=1):
                found.append(note)
            if found:  # drain what came with it, without waiting again
                found.extend(self._conn.notifies(timeout=0.01))
        except psycopg.Error as error:
            raise errors.unreachable(error, self.where) from None
        notices = [n for n in (_notice(note.payload) for note in found) if n is not None]
        if self.version_id is not None:
            notices = [n for n in notices if n.version_id == self.version_id]
        return notices

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Listener:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _notice(payload: str) -> Notice | None:
    try:
        data = json.loads(payload)
        return Notice(int(data["v"]), int(data["id"]))
    except (ValueError, KeyError, TypeError):
        return None  # not ours: another program on the same channel


def since_for(last_id: int, notices: list[Notice]) -> int:
    """The log id to read the team's values after, given the last id read and the notices
    that came: transactions commit in any order, so a notice may carry an id at or below
    the last one read (its change was written before a later one but committed after);
    read again from below it then. Every applied change notifies, so none is missed while
    the Listener is connected (after a reconnect, read from 0)."""
    lowest = min((n.log_id for n in notices), default=last_id + 1)
    return min(last_id, lowest - 1)
