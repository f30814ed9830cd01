"""Team review on the archive server, for the command line and the window alike.

Each person connects as their own PostgreSQL role. The password is never kept in the
settings: it comes from the caller (typed in the connect dialog), else the platform keyring
(`keyring`, service "workbench-archive", key "user@host:port/db"), else PostgreSQL's own
PGPASSWORD or pgpass file, which libpq reads itself. The commands return typed results;
a refusal of the server's is `Refused` with one line naming what was refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.keys import match_key
from workbench.core.table import Table
from workbench.core.team import Outcome, OutcomeKind
from workbench.io.archive import team_listen
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.location import resolve_url
from workbench.io.archive.store import Archive, VersionInfo
from workbench.io.archive.team_commands import Assignment, Member
from workbench.io.archive.team_connect import (
    ServerConnection,
    conninfo,
    key_of,
    open_server,
    server_url,
    shown,
)
from workbench.io.archive.team_errors import NeedsServer, Refused, TeamProblem

KEYRING_SERVICE = "workbench-archive"

Db = str | os.PathLike | None


# ---- connecting ------------------------------------------------------------------------------
def is_server(db: Db) -> bool:
    """Whether the archive named is a PostgreSQL server (team commands need one)."""
    return resolve_url(os.fspath(db) if db else None).startswith(("postgresql", "postgres:"))


def stored_password(db: Db) -> str | None:
    """The password the keyring holds for this server and user; None without one (or
    without a keyring on this system: then pgpass or PGPASSWORD may still give it)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, key_of(server_url(_named(db))))
    except (KeyringError, RuntimeError, OSError):  # no usable keyring on this system
        return None


def remember_password(db: Db, password: str) -> bool:
    """Keep the password in the platform keyring; False when the system has none."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, key_of(server_url(_named(db))), password)
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def forget_password(db: Db) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, key_of(server_url(_named(db))))
    except (PasswordDeleteError, KeyringError, RuntimeError, OSError):
        pass


def _named(db: Db) -> str | None:
    return os.fspath(db) if db else None


def connect(url: Db, password: str | None = None) -> ServerConnection:
    """The team archive at `url` as its user's role (password: given, in the URL, from the
    keyring, or libpq's own PGPASSWORD/pgpass)."""
    named = _named(url)
    if password is None and not server_url(named).password:
        password = stored_password(named)
    return open_server(named, password)


@contextmanager
def connected(db: Db, password: str | None = None) -> Iterator[ServerConnection]:
    conn = connect(db, password)
    try:
        yield conn
    finally:
        conn.close()


# ---- the team's state, for the window --------------------------------------------------------
class Listener(team_listen.Listener):
    """The team's notices on a connection of its own, for the window's thread: the URL's
    role, the password given, in the URL, from the keyring, or libpq's own."""

    def __init__(self, url: Db, version_id: int | None = None, password: str | None = None):
        named = _named(url)
        if password is None and not server_url(named).password:
            password = stored_password(named)
        found = server_url(named, password)
        super().__init__(conninfo(found), version_id, shown(found))


def progress_of(
    url: Db, version_id: int, password: str | None = None
) -> dict[str, dict[str, dict[str, int]]]:
    """{table: {reviewer: {status: rows}}} of the marks the team has set on a version."""
    from workbench.io.archive.team import progress

    with connected(url, password) as conn:
        return progress(conn, version_id)


# ---- naming tables and rows as users do --------------------------------------------------------
def find_table(doc: PlanDocument, name: str, version_id: int) -> Table:
    """A table by its id, sheet name or title; a name two tables share is refused."""
    wanted = name.strip()
    found = [t for t in doc.tables.values() if wanted in (t.id, t.sheet_name, t.title)]
    if len(found) == 1:
        return found[0]
    shown = "、".join(f"{t.sheet_name or t.title}（{t.id}）" for t in doc.tables.values())
    if not found:
        raise ArchiveProblem(f"版本 {version_id} 中没有表“{name}”（有：{shown}）")
    ids = "、".join(t.id for t in found)
    raise ArchiveProblem(f"版本 {version_id} 中有 {len(found)} 个表叫“{name}”，请用表的编号：{ids}")


def find_row(table: Table, name: str) -> str:
    """A row by its name (exactly, else as names match across spellings) or its key."""
    wanted = name.strip()
    named = [k for k in table.keys if (table.rows[k].get("name") or "") == wanted]
    if not named and wanted in table.rows:
        return wanted
    if not named:
        key = match_key(wanted)
        named = [k for k in table.keys if match_key(str(table.rows[k].get("name") or "")) == key]
    if len(named) == 1:
        return named[0]
    where = table.sheet_name or table.title or table.id
    if not named:
        raise ArchiveProblem(f"表“{where}”中没有名为“{name}”的行")
    keys = "、".join(named[:10]) + ("…" if len(named) > 10 else "")
    raise ArchiveProblem(f"表“{where}”中有 {len(named)} 行名为“{name}”，请用行键指定：{keys}")


def _document(conn: ServerConnection, version_id: int) -> tuple[VersionInfo, PlanDocument]:
    from workbench.io.archive.team_values import archived

    info = Archive(conn).version(version_id)
    return info, archived(conn, version_id)


# ---- commands ------------------------------------------------------------------------------------
def add_role(db: Db, name: str, *, lead: bool = False, password: str | None = None) -> Member:
    """A reviewer's (or lead's) own login role; run by an administrator with CREATEROLE."""
    from workbench.io.archive import team_commands

    with connected(db) as conn:
        return team_commands.add_role(conn, name, lead=lead, password=password)


@dataclass(frozen=True)
class AssignResult:
    assignment: Assignment
    table_title: str
    row_name: str | None

    def to_dict(self) -> dict[str, Any]:
        a = self.assignment
        return {
            "id": a.id,
            "version": a.version_id,
            "table": a.table_id,
            "table_title": self.table_title,
            "sector": a.sector,
            "row": a.row_key,
            "row_name": self.row_name,
            "role": a.role,
            "assigned_by": a.assigned_by,
            "assigned_at": a.assigned_at,
        }


def assign(
    db: Db,
    version_id: int,
    table: str,
    to: str,
    *,
    sector: str | None = None,
    row: str | None = None,
) -> AssignResult:
    """Give `to` a table of a version to review (a sector of it, or one row). Leads only."""
    from workbench.io.archive import team_commands

    with connected(db) as conn:
        _info, doc = _document(conn, version_id)
        found = find_table(doc, table, version_id)
        row_key = find_row(found, row) if row else None
        if sector is not None:
            sectors = {
                found.rows[k].get("sector") or found.rows[k].get("category") for k in found.keys
            }
            if sector not in sectors:
                raise ArchiveProblem(
                    f"表“{found.sheet_name or found.title}”中没有板块“{sector}”的行"
                )
        done = team_commands.assign(conn, version_id, found.id, to, sector=sector, row_key=row_key)
    row_name = found.rows[row_key].get("name") if row_key else None
    return AssignResult(done, found.sheet_name or found.title, row_name)


@dataclass(frozen=True)
class MarkResult:
    version_id: int
    table_id: str
    table_title: str
    row_key: str
    row_name: str | None
    status: str
    comment: str | None
    outcomes: list[Outcome]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version_id,
            "table": self.table_id,
            "table_title": self.table_title,
            "row": self.row_key,
            "row_name": self.row_name,
            "status": self.status,
            "comment": self.comment,
            "outcomes": [
                {"field": o.change.field, "outcome": str(o.kind), "change_id": o.change.change_id}
                for o in self.outcomes
            ],
        }


def mark(
    db: Db,
    version_id: int,
    table: str,
    row: str,
    status: str,
    comment: str | None = None,
) -> MarkResult:
    """A row's review mark, as the connected role; the server refuses it outside the role's
    assignment and on an approved version."""
    from workbench.io.archive import team_commands

    with connected(db) as conn:
        _info, doc = _document(conn, version_id)
        found = find_table(doc, table, version_id)
        row_key = find_row(found, row)
        outcomes = team_commands.mark(conn, version_id, found.id, row_key, status, comment)
        where = conn.where
    for outcome in outcomes:
        if outcome.kind is OutcomeKind.REFUSED:
            raise Refused(outcome.message, where)
        if outcome.kind is OutcomeKind.CONFLICT:
            raise TeamProblem(f"“{outcome.theirs_who}”刚刚改动了这一行的审核标记，请重试", where)
    title = found.sheet_name or found.title
    return MarkResult(
        version_id,
        found.id,
        title,
        row_key,
        found.rows[row_key].get("name"),
        status,
        comment,
        outcomes,
    )


def approve(db: Db, version_id: int) -> VersionInfo:
    """Mark a version 审定 as the connected role (leads only, enforced by the server)."""
    from workbench.io.archive import team_commands

    with connected(db) as conn:
        team_commands.approve(conn, version_id)
        return Archive(conn).version(version_id)


__all__ = [
    "AssignResult",
    "Listener",
    "MarkResult",
    "NeedsServer",
    "Refused",
    "add_role",
    "approve",
    "assign",
    "connect",
    "connected",
    "forget_password",
    "is_server",
    "mark",
    "progress_of",
    "remember_password",
    "stored_password",
]
