"""The team commands of the command line, on the server, as the connected role: add a
reviewer or lead role, assign a table (or a sector, or a row of it), mark a row, approve a
version. The server refuses what the role may not do; the refusal comes back as `Refused`
with one line naming what was refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from workbench.core.review import REVIEW_STATUSES
from workbench.core.team import COMMENT_FIELD, STATUS_FIELD, Outcome, TeamChange, new_change_id
from workbench.io.archive import team_errors as errors
from workbench.io.archive.connection import ArchiveProblem, Connection
from workbench.io.archive.schema import assignments, team_members, versions
from workbench.io.archive.team import (
    LEAD_GROUP,
    REVIEWER_GROUP,
    apply_changes,
    current_values,
    guarded,
    require_server,
    version_row,
)
from workbench.io.archive.team_connect import standing

_RESERVED = (LEAD_GROUP, REVIEWER_GROUP, "public")


@dataclass(frozen=True)
class Member:
    role: str
    lead: bool
    created: bool  # a new login role (False: an existing role joined the group)


@dataclass(frozen=True)
class Assignment:
    id: int
    version_id: int
    table_id: str
    sector: str | None
    row_key: str | None
    role: str
    assigned_by: str
    assigned_at: str


def _check_role_name(name: str, where: str) -> None:
    if not name or len(name.encode("utf-8")) > 63:
        raise ArchiveProblem(f"用户名“{name}”不可用（应为 1 到 63 个字节）", where)
    if name.lower() in _RESERVED or name.lower().startswith("pg_"):
        raise ArchiveProblem(f"用户名“{name}”是保留的名字，请换一个", where)


def add_role(
    connection: Connection, name: str, *, lead: bool = False, password: str | None = None
) -> Member:
    """A login role in the reviewer (or lead) group, recorded in team_members. Needs a
    connection with CREATEROLE; an existing role joins the group (its password set when one
    is given), so a script may run twice."""
    from psycopg import sql

    require_server(connection)
    _check_role_name(name, connection.where)
    group = LEAD_GROUP if lead else REVIEWER_GROUP
    role = sql.Identifier(name)
    try:
        with connection.engine.begin() as conn:
            cursor = conn.connection.driver_connection.cursor()
            exists = conn.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
            ).first()
            if exists is None:
                statement = sql.SQL("CREATE ROLE {} LOGIN").format(role)
                if password:
                    statement += sql.SQL(" PASSWORD {}").format(sql.Literal(password))
                cursor.execute(statement)
            elif password:
                cursor.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password))
                )
            cursor.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), role))
            if not lead:
                cursor.execute(
                    sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(LEAD_GROUP), role)
                )
            found = conn.execute(
                sa.select(team_members.c.role_name).where(team_members.c.role_name == name)
            ).first()
            if found is None:
                conn.execute(team_members.insert().values(role_name=name, is_lead=lead))
            else:
                conn.execute(
                    team_members.update()
                    .where(team_members.c.role_name == name)
                    .values(is_lead=lead)
                )
    except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
        if errors.sqlstate(error) == errors.NO_PRIVILEGE:
            raise errors.Refused(
                f"无法添加用户“{name}”：添加用户需要有 CREATEROLE 权限的管理员连接",
                connection.where,
            ) from None
        raise errors.general(error, connection.where, getattr(connection, "user", "")) from None
    return Member(name, lead, exists is None)


def _driver_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error,)


def assign(
    connection: Connection,
    version_id: int,
    table_id: str,
    role: str,
    *,
    sector: str | None = None,
    row_key: str | None = None,
) -> Assignment:
    """Let `role` change the rows of a table of a version (a sector of it, or one row).
    Leads only: the server refuses anyone else."""
    require_server(connection)
    version_row(connection, version_id)
    try:
        with connection.engine.begin() as conn:
            known = conn.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role}
            ).first()
            if known is None:
                raise ArchiveProblem(
                    f"服务器上没有用户“{role}”（可先运行 workbench archive role add {role}）",
                    connection.where,
                )
            member = conn.execute(
                sa.text("SELECT pg_has_role(:n, :g, 'MEMBER')"), {"n": role, "g": REVIEWER_GROUP}
            ).scalar()
            if not member:
                raise ArchiveProblem(
                    f"用户“{role}”不在审核组中（可先运行 workbench archive role add {role}）",
                    connection.where,
                )
            same = conn.execute(
                sa.select(assignments.c.id).where(
                    assignments.c.version_id == version_id,
                    assignments.c.table_id == table_id,
                    _equal(assignments.c.sector, sector),
                    _equal(assignments.c.row_key, row_key),
                    assignments.c.role_name == role,
                )
            ).scalar()
            new_id = same  # assigning twice is one assignment
            if new_id is None:
                new_id = conn.execute(
                    assignments.insert()
                    .values(
                        version_id=version_id,
                        table_id=table_id,
                        sector=sector,
                        row_key=row_key,
                        role_name=role,
                    )
                    .returning(assignments.c.id)
                ).scalar_one()
            row = conn.execute(sa.select(assignments).where(assignments.c.id == new_id)).one()
    except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
        state = errors.sqlstate(error)
        if state == errors.NO_PRIVILEGE:
            raise errors.Refused(
                f"只有组长（{LEAD_GROUP} 组的用户）可以分配审核任务：服务器拒绝了分配",
                connection.where,
            ) from None
        if state == errors.APPROVED_STATE:
            raise errors.Refused(
                f"版本 {version_id} 已审定，只读：服务器拒绝了分配", connection.where
            ) from None
        raise errors.general(error, connection.where, getattr(connection, "user", "")) from None
    return Assignment(
        row.id,
        row.version_id,
        row.table_id,
        row.sector,
        row.row_key,
        row.role_name,
        row.assigned_by,
        row.assigned_at,
    )


def _equal(column, value):
    """`column = value`, NULL matching NULL (an assignment without a sector or row)."""
    return column.is_(None) if value is None else column == value


def list_assignments(connection: Connection, version_id: int) -> list[Assignment]:
    require_server(connection)
    with guarded(connection), connection.engine.connect() as conn:
        rows = conn.execute(
            sa.select(assignments)
            .where(assignments.c.version_id == version_id)
            .order_by(assignments.c.id)
        ).all()
    return [
        Assignment(
            r.id,
            r.version_id,
            r.table_id,
            r.sector,
            r.row_key,
            r.role_name,
            r.assigned_by,
            r.assigned_at,
        )
        for r in rows
    ]


def mark(
    connection: Connection,
    version_id: int,
    table_id: str,
    row_key: str,
    status: str,
    comment: str | None = None,
) -> list[Outcome]:
    """A row's review mark as the connected role, as a SetReview would set it: the status,
    and the comment when one is given, made against the team's current values."""
    if status not in REVIEW_STATUSES:
        raise ArchiveProblem(f"审核状态应为 {'/'.join(REVIEW_STATUSES)} 之一，而不是“{status}”")
    require_server(connection)
    fields = [STATUS_FIELD] + ([COMMENT_FIELD] if comment is not None else [])
    current = current_values(connection, version_id, table_id, row_key, fields)
    wanted = {STATUS_FIELD: status, COMMENT_FIELD: comment}
    changes = [
        TeamChange(
            new_change_id(), version_id, table_id, row_key, field, current[field], wanted[field]
        )
        for field in fields
    ]
    return apply_changes(connection, changes)


def approve(connection: Connection, version_id: int) -> None:
    """Mark the version 审定 as the connected role (leads only, by the server's column
    grant); from then on the server keeps it read-only for everyone."""
    require_server(connection)
    row = version_row(connection, version_id)
    if row.approved:
        raise errors.Refused(f"版本 {version_id} 已审定，不能再改动", connection.where)
    try:
        with connection.engine.begin() as conn:
            done = conn.execute(
                versions.update()
                .where(versions.c.id == version_id, versions.c.approved == sa.false())
                .values(approved=True)
            )
            if done.rowcount != 1:
                raise errors.Refused(f"版本 {version_id} 已审定，不能再改动", connection.where)
    except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
        state = errors.sqlstate(error)
        if state == errors.NO_PRIVILEGE:
            with guarded(connection), connection.engine.connect() as conn:
                user = standing(conn).user
            raise errors.Refused(
                f"只有组长（{LEAD_GROUP} 组的用户）可以审定版本；“{user}”不是组长：服务器拒绝了审定",
                connection.where,
            ) from None
        if state == errors.APPROVED_STATE:
            raise errors.Refused(
                f"版本 {version_id} 已审定，不能再改动", connection.where
            ) from None
        raise errors.general(error, connection.where, getattr(connection, "user", "")) from None
