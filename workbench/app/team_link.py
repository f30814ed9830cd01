"""The session's line to the team's server: push changes, read the team's values, read the
archived document. A thin adapter over the archive's team layer (io/archive/team.py), so
the session speaks in TeamChange/Outcome/LiveValue and knows one failure: `Unreachable`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.team import Outcome, TeamChange


class Unreachable(Exception):
    """The server cannot be reached (down, network gone, connection dropped mid-push):
    the session goes offline and keeps queueing. The message is for the status bar."""


@dataclass(frozen=True)
class LiveValue:
    """The team's current value of one field, who set it, when, and the log entry it came
    with (the session reads the log onwards from the newest it has seen)."""

    table: str
    row_key: str
    field: str
    value: Any
    rev: int
    who: str
    at: str
    log_id: int


class ServerLink:
    """One open connection to the server archive, as the signed-in role."""

    def __init__(self, url: str, password: str | None = None):
        from workbench.app.team import connect

        self.url = url
        self.connection = connect(url, password)
        self.who = self.connection.who

    def push(self, changes: list[TeamChange]) -> list[Outcome]:
        from workbench.io.archive.team import apply_changes

        return apply_changes(self.connection, changes)

    def live(self, version_id: int, since: int) -> tuple[list[LiveValue], int]:
        from workbench.io.archive.team import load_live

        rows, last = load_live(self.connection, version_id, since)
        return [LiveValue(*row) for row in rows], last

    def document(self, version_id: int) -> PlanDocument:
        return self.connection.archive.document(version_id)

    def close(self) -> None:
        self.connection.close()
