"""Team review on the archive server: applying reviewers' changes, reading the team's state,
and the lead's commands (add a role, assign, approve).

The server decides: every write here runs as the connected role, and what the role may not
do comes back from the server (row-level security, column grants, the approved-version
trigger of migration 0003) and is reported, never pre-empted by a check of the client's.
Each change carries the value it was made against; one whose field changed meanwhile is a
CONFLICT (with their value, who and when), never written over theirs; a change id seen
before is a DUPLICATE and is not applied again. Nothing is retried: a dropped connection
is `ServerUnreachable` (with the outcomes committed before it), for the caller to queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from workbench.core.team import STATUS_FIELD, Outcome, OutcomeKind, TeamChange
from workbench.io.archive import team_errors as errors
from workbench.io.archive import team_values as values
from workbench.io.archive.connection import ArchiveProblem, Connection
from workbench.io.archive.schema import live_values, team_log, versions
from workbench.io.archive.team_connect import standing

LEAD_GROUP = "workbench_lead"
REVIEWER_GROUP = "workbench_reviewer"
BATCH = 500  # changes per transaction (each in its own savepoint)

_UPSERT = sa.text(
    "INSERT INTO live_values (version_id, table_id, row_key, field, value, rev)"
    " VALUES (:v, :t, :r, :f, :value, 1)"
    " ON CONFLICT (version_id, table_id, row_key, field)"
    " DO UPDATE SET value = EXCLUDED.value, rev = live_values.rev + 1"
    " WHERE live_values.rev = :rev"
    " RETURNING rev"
)


def require_server(connection: Connection) -> None:
    if connection.is_sqlite:
        raise errors.NeedsServer(connection.where)


# ---- applying changes ----------------------------------------------------------------------
def apply_changes(connection: Connection, changes: Sequence[TeamChange]) -> list[Outcome]:
    """Each change's outcome, in order. Batches of changes share a transaction, each change
    in a savepoint, so a refusal undoes only that change."""
    require_server(connection)
    outcomes: list[Outcome] = []
    docs: dict[int, Any] = {}
    for start in range(0, len(changes), BATCH):
        chunk = changes[start : start + BATCH]
        try:
            with connection.engine.begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
                done = [_apply_one(connection, conn, change, docs) for change in chunk]
        except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
            if errors.is_gone(error):
                raise errors.unreachable(error, connection.where, outcomes) from None
            problem = errors.general(error, connection.where)
            if isinstance(problem, errors.ServerUnreachable):
                problem.outcomes = list(outcomes)
            raise problem from None
        outcomes.extend(done)
    return outcomes


def _driver_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error,)


def _document(connection: Connection, docs: dict[int, Any], version_id: int):
    if version_id not in docs:
        docs[version_id] = values.archived(connection, version_id)
    return docs[version_id]


def _apply_one(
    connection: Connection, conn: sa.engine.Connection, change: TeamChange, docs: dict
) -> Outcome:
    seen = conn.execute(
        sa.select(team_log.c.outcome).where(team_log.c.change_id == change.change_id)
    ).scalar()
    if seen is not None:
        return Outcome(
            change, OutcomeKind.DUPLICATE, message=f"此改动已处理过（{seen}），未再次写入"
        )
    savepoint = conn.begin_nested()
    try:
        outcome = _write(connection, conn, change, docs)
        savepoint.commit()
        return outcome
    except sa_exc.DBAPIError as error:
        if errors.is_gone(error):
            raise
        savepoint.rollback()
        state = errors.sqlstate(error)
        if state == errors.UNIQUE:  # the same change pushed at once from another connection
            return Outcome(change, OutcomeKind.DUPLICATE, message="此改动已处理过，未再次写入")
        if state in (errors.NO_PRIVILEGE, errors.APPROVED_STATE):
            doc = docs.get(change.version_id)
            return Outcome(change, OutcomeKind.REFUSED, message=refusal(conn, change, state, doc))
        raise


def _write(
    connection: Connection, conn: sa.engine.Connection, change: TeamChange, docs: dict
) -> Outcome:
    key = {
        "v": change.version_id,
        "t": change.table,
        "r": change.row_key,
        "f": change.field,
    }
    row = _live_row(conn, change)
    if row is not None:
        current, rev, who, at = values.load(row[0]), row[1], row[2], row[3]
    else:
        doc = _document(connection, docs, change.version_id)
        try:
            current = values.value_in(doc, change.table, change.row_key, change.field)
        except values.MissingRow as missing:
            return Outcome(change, OutcomeKind.REFUSED, message=str(missing))
        rev, who, at = 0, "", ""
    if not values.same(current, change.expected):
        _log(conn, change, OutcomeKind.CONFLICT)
        return Outcome(change, OutcomeKind.CONFLICT, current, who, at)
    written = conn.execute(_UPSERT, {**key, "value": values.dump(change.value), "rev": rev}).first()
    if written is None:  # changed between our read and our write: theirs stands
        row = _live_row(conn, change)
        _log(conn, change, OutcomeKind.CONFLICT)
        return Outcome(change, OutcomeKind.CONFLICT, values.load(row[0]), row[2], row[3])
    _log(conn, change, OutcomeKind.APPLIED)
    return Outcome(change, OutcomeKind.APPLIED)


def _live_row(conn: sa.engine.Connection, change: TeamChange):
    return conn.execute(
        sa.select(
            live_values.c.value, live_values.c.rev, live_values.c.who, live_values.c.at
        ).where(
            live_values.c.version_id == change.version_id,
            live_values.c.table_id == change.table,
            live_values.c.row_key == change.row_key,
            live_values.c.field == change.field,
        )
    ).first()


def _log(conn: sa.engine.Connection, change: TeamChange, outcome: OutcomeKind) -> None:
    conn.execute(
        team_log.insert().values(
            change_id=change.change_id,
            version_id=change.version_id,
            table_id=change.table,
            row_key=change.row_key,
            field=change.field,
            expected=values.dump(change.expected),
            value=values.dump(change.value),
            outcome=str(outcome),
        )
    )


def refusal(conn: sa.engine.Connection, change: TeamChange, state: str | None, doc) -> str:
    """Why the server refused a change, from what the server says of the role (asked after
    the refusal, inside the same transaction)."""
    where = values.place(doc, change.table, change.row_key)
    if state == errors.APPROVED_STATE:
        return f"版本 {change.version_id} 已审定，只读：服务器拒绝修改{where}"
    role = standing(conn)
    if not role.can_write:
        return f"用户“{role.user}”没有修改计划库的权限（不在审核组中，或权限已被收回）：服务器拒绝修改{where}"
    return f"{where}未分配给“{role.user}”：服务器拒绝修改"


# ---- reading the team's state --------------------------------------------------------------
@dataclass(frozen=True)
class LiveValue:
    table: str
    row_key: str
    field: str
    value: Any
    rev: int
    who: str
    at: str
    log_id: int


def load_live(
    connection: Connection, version_id: int, since_id: int = 0
) -> tuple[list[LiveValue], int]:
    """The team's values of fields changed since log id `since_id` (all with 0), oldest
    change first, and the newest log id of the version.

    Log ids are handed out when a change is written, and transactions commit in any order:
    a notification may carry an id at or below the last one read. Read again from below the
    notified id then (rows come with their rev, so reading one twice is harmless)."""
    require_server(connection)
    query = sa.text(
        "SELECT lv.table_id, lv.row_key, lv.field, lv.value, lv.rev, lv.who, lv.at, l.log_id"
        " FROM live_values lv JOIN ("
        "   SELECT table_id, row_key, field, max(id) AS log_id FROM team_log"
        "   WHERE version_id = :v AND id > :since AND outcome = 'applied'"
        "   GROUP BY table_id, row_key, field) l"
        " ON lv.table_id = l.table_id AND lv.row_key = l.row_key AND lv.field = l.field"
        " WHERE lv.version_id = :v ORDER BY l.log_id"
    )
    last = sa.text("SELECT coalesce(max(id), :since) FROM team_log WHERE version_id = :v")
    with _guarded(connection), connection.engine.begin() as conn:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        rows = conn.execute(query, {"v": version_id, "since": since_id}).all()
        newest = conn.execute(last, {"v": version_id, "since": since_id}).scalar()
    found = [LiveValue(r[0], r[1], r[2], values.load(r[3]), r[4], r[5], r[6], r[7]) for r in rows]
    return found, int(newest)


def progress(connection: Connection, version_id: int) -> dict[str, dict[str, dict[str, int]]]:
    """Review marks the team has set: {table: {who set it: {status: rows}}}."""
    require_server(connection)
    query = (
        sa.select(live_values.c.table_id, live_values.c.who, live_values.c.value, sa.func.count())
        .where(live_values.c.version_id == version_id, live_values.c.field == STATUS_FIELD)
        .group_by(live_values.c.table_id, live_values.c.who, live_values.c.value)
    )
    with _guarded(connection), connection.engine.connect() as conn:
        rows = conn.execute(query).all()
    out: dict[str, dict[str, dict[str, int]]] = {}
    for table_id, who, value, count in rows:
        status = values.load(value) or ""
        out.setdefault(table_id, {}).setdefault(who, {})[status] = count
    return out


class _guarded:
    """Database errors as the team's problems (a dropped connection: ServerUnreachable)."""

    def __init__(self, connection: Connection):
        self.connection = connection

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, _tb) -> bool:
        if error is None or not isinstance(error, (sa_exc.SQLAlchemyError, *_driver_errors())):
            return False
        if isinstance(error, errors.TeamProblem):
            return False
        raise errors.general(error, self.connection.where) from None


def guarded(connection: Connection) -> _guarded:
    return _guarded(connection)


def current_values(
    connection: Connection, version_id: int, table_id: str, row_key: str, fields: Sequence[str]
) -> dict[str, Any]:
    """The team's value of each field now: the live value, else the archived one."""
    require_server(connection)
    with _guarded(connection), connection.engine.connect() as conn:
        rows = conn.execute(
            sa.select(live_values.c.field, live_values.c.value).where(
                live_values.c.version_id == version_id,
                live_values.c.table_id == table_id,
                live_values.c.row_key == row_key,
                live_values.c.field.in_(list(fields)),
            )
        ).all()
    live = {field: values.load(value) for field, value in rows}
    doc = values.archived(connection, version_id)
    return {
        field: live[field] if field in live else values.value_in(doc, table_id, row_key, field)
        for field in fields
    }


def version_row(connection: Connection, version_id: int):
    with _guarded(connection), connection.engine.connect() as conn:
        row = conn.execute(
            sa.select(versions.c.id, versions.c.approved).where(versions.c.id == version_id)
        ).first()
    if row is None:
        raise ArchiveProblem(f"没有编号为 {version_id} 的版本", connection.where)
    return row
