"""The session's line to the team's server: push changes, read the team's values, read the
archived document, hear notices. A thin adapter over the archive's team layer
(io/archive/team*.py), so the session knows one failure: `Unreachable`, after which it
queues. Other problems (a refused login, a schema too new) pass through as the archive's
own ArchiveProblem, each with its message.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from workbench.core.document import PlanDocument
from workbench.core.team import Outcome, TeamChange
from workbench.io.archive.team import LiveValue, apply_changes, load_live
from workbench.io.archive.team_errors import ServerUnreachable

__all__ = ["LiveValue", "ServerLink", "Unreachable", "server_name"]


def server_name(url: str) -> str:
    """The server as the outbox and the local copy name it: the URL without a password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


class Unreachable(Exception):
    """The server cannot be reached (down, network gone, connection dropped mid-push):
    the session goes offline and keeps queueing. The message is for the status bar;
    `outcomes` are those of changes the server committed before it went (a push cut off
    half-way), so only the rest stay queued."""

    def __init__(self, message: str, outcomes: list[Outcome] | None = None):
        super().__init__(message)
        self.outcomes = list(outcomes or [])


class ServerLink:
    """One open connection to the server archive, as the signed-in role."""

    def __init__(self, url: str, password: str | None = None):
        """Signed in as the URL's user (password: given, in the URL, from the keyring, or
        libpq's own PGPASSWORD/pgpass — app.team.connect)."""
        from workbench.app.team import connect

        try:
            self.connection = connect(url, password)
        except ServerUnreachable as exc:
            raise Unreachable(str(exc)) from None
        self.who = self.connection.user

    def push(self, changes: list[TeamChange]) -> list[Outcome]:
        try:
            return apply_changes(self.connection, changes)
        except ServerUnreachable as exc:
            raise Unreachable(str(exc), exc.outcomes) from None

    def live(self, version_id: int, since: int) -> tuple[list[LiveValue], int]:
        try:
            return load_live(self.connection, version_id, since)
        except ServerUnreachable as exc:
            raise Unreachable(str(exc)) from None

    def current(self, change: TeamChange) -> Any:
        """The team's value of the field `change` names, now (live, else archived)."""
        from workbench.io.archive.team import current_values

        try:
            found = current_values(
                self.connection, change.version_id, change.table, change.row_key, [change.field]
            )
        except ServerUnreachable as exc:
            raise Unreachable(str(exc)) from None
        return found[change.field]

    def document(self, version_id: int) -> PlanDocument:
        from workbench.io.archive.store import Archive

        return Archive(self.connection).document(version_id)

    def listener(self, version_id: int):
        """A Listener of the team's notices on a connection of its own (for the window's
        thread: a notice → `session.pull()`)."""
        try:
            return self.connection.listener(version_id)
        except ServerUnreachable as exc:
            raise Unreachable(str(exc)) from None

    def close(self) -> None:
        self.connection.close()
