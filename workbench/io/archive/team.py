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

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from workbench.core.team import STATUS_FIELD, Outcome, OutcomeKind, TeamChange
from workbench.io.archive import team_errors as errors
from workbench.io.archive import team_values as values
from workbench.io.archive.connection import ArchiveProblem, Connection
from workbench.io.archive.schema import live_values, versions

LEAD_GROUP = "workbench_lead"
REVIEWER_GROUP = "workbench_reviewer"
BATCH = 500  # changes per transaction, sent to the server in one pipeline

_APPLY = "SELECT * FROM workbench_apply(%s, %s, %s, %s, %s, %s, %s, %s)"


def require_server(connection: Connection) -> None:
    if connection.is_sqlite:
        raise errors.NeedsServer(connection.where)


# ---- applying changes ----------------------------------------------------------------------
def apply_changes(connection: Connection, changes: Sequence[TeamChange]) -> list[Outcome]:
    """Each change's outcome, in order.

    The server's function `workbench_apply` (migration 0003) judges one change as the
    connected role, inside its own subtransaction, so a refusal undoes only that change.
    Batches of changes share a transaction and travel in one pipeline (one round trip per
    batch, not per change): a ten-thousand-change offline queue syncs in seconds."""
    require_server(connection)
    outcomes: list[Outcome] = []
    docs: dict[int, Any] = {}
    for start in range(0, len(changes), BATCH):
        chunk = changes[start : start + BATCH]
        try:
            with connection.engine.begin() as conn:
                done = _apply_batch(connection, conn, chunk, docs)
        except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
            if errors.is_gone(error):
                raise errors.unreachable(error, connection.where, outcomes) from None
            problem = errors.general(error, connection.where, getattr(connection, "user", ""))
            if isinstance(problem, errors.ServerUnreachable):
                problem.outcomes = list(outcomes)
            raise problem from None
        outcomes.extend(done)
    return outcomes


def _driver_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error,)


def _apply_batch(
    connection: Connection, conn: sa.engine.Connection, chunk: Sequence[TeamChange], docs: dict
) -> list[Outcome]:
    sent: list[TeamChange] = []
    params = []
    known: dict[int, Outcome] = {}
    for index, change in enumerate(chunk):
        if change.version_id not in docs:
            docs[change.version_id] = values.archived(connection, change.version_id)
        try:
            original = values.value_in(
                docs[change.version_id], change.table, change.row_key, change.field
            )
        except values.MissingRow as missing:  # not on the server's side of the line at all
            known[index] = Outcome(change, OutcomeKind.REFUSED, message=str(missing))
            continue
        sent.append(change)
        params.append(
            (
                change.change_id,
                change.version_id,
                change.table,
                change.row_key,
                change.field,
                values.dump(change.expected),
                values.dump(change.value),
                values.dump(original),
            )
        )
    answers = iter(_answers(conn, params) if params else [])
    out = []
    for index, change in enumerate(chunk):
        if index in known:
            out.append(known[index])
            continue
        outcome, theirs, who, at, reason = next(answers)
        out.append(_outcome(change, outcome, theirs, who, at, reason, docs, connection))
    return out


def _answers(conn: sa.engine.Connection, params: list[tuple]) -> list[tuple]:
    cursor = conn.connection.driver_connection.cursor()
    conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
    cursor.executemany(_APPLY, params, returning=True)
    found = []
    while True:
        found.append(cursor.fetchone())
        if not cursor.nextset():
            break
    return found


def _outcome(change, outcome, theirs, who, at, reason, docs, connection) -> Outcome:
    kind = OutcomeKind(outcome)
    if kind is OutcomeKind.CONFLICT:
        return Outcome(change, kind, values.load(theirs), who or "", at or "")
    if kind is OutcomeKind.DUPLICATE:
        seen = f"（{reason}）" if reason else ""
        return Outcome(change, kind, message=f"此改动已处理过{seen}，未再次写入")
    if kind is OutcomeKind.REFUSED:
        user = getattr(connection, "user", "")
        return Outcome(change, kind, message=refusal(change, reason, user, docs))
    return Outcome(change, kind)


def refusal(change: TeamChange, reason: str | None, user: str, docs: dict) -> str:
    """The server's refusal in a reviewer's words (the reason is the server's: the version
    approved, the role's grants gone, or the row not assigned to the role)."""
    where = values.place(docs.get(change.version_id), change.table, change.row_key)
    if reason == "approved":
        return f"版本 {change.version_id} 已审定，只读：服务器拒绝修改{where}"
    if reason == "no_grant":
        return (
            f"用户“{user}”没有修改计划库的权限（不在审核组中，或权限已被收回）："
            f"服务器拒绝修改{where}"
        )
    return f"{where}未分配给“{user}”：服务器拒绝修改"


# ---- reading the team's state --------------------------------------------------------------
class LiveValue(NamedTuple):
    """One field's team value (a tuple too: table, row_key, field, value, rev, who, at,
    log_id)."""

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
    with guarded(connection), connection.engine.begin() as conn:
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
    with guarded(connection), connection.engine.connect() as conn:
        rows = conn.execute(query).all()
    out: dict[str, dict[str, dict[str, int]]] = {}
    for table_id, who, value, count in rows:
        status = values.load(value) or ""
        out.setdefault(table_id, {}).setdefault(who, {})[status] = count
    return out


@contextmanager
def guarded(connection: Connection) -> Iterator[None]:
    """Database errors as the team's problems (a dropped connection: ServerUnreachable)."""
    try:
        yield
    except errors.TeamProblem:
        raise
    except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
        user = getattr(connection, "user", "")
        raise errors.general(error, connection.where, user) from None


def current_values(
    connection: Connection, version_id: int, table_id: str, row_key: str, fields: Sequence[str]
) -> dict[str, Any]:
    """The team's value of each field now: the live value, else the archived one."""
    require_server(connection)
    with guarded(connection), connection.engine.connect() as conn:
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
    with guarded(connection), connection.engine.connect() as conn:
        row = conn.execute(
            sa.select(versions.c.id, versions.c.approved).where(versions.c.id == version_id)
        ).first()
    if row is None:
        raise ArchiveProblem(f"没有编号为 {version_id} 的版本", connection.where)
    return row
