"""Connecting to the team's archive server as one reviewer's own role.

Unlike an administrator's `open_archive`, a reviewer's connection never migrates: a reviewer
has no right to change the schema, so an older archive is named ("ask the administrator to
run archive init") and a newer one refused, before anything is read. A role that logs in
but holds no grant on the archive (revoked, or never added) is named at once too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from workbench.io.archive import team_errors as errors
from workbench.io.archive.connection import (
    ArchiveProblem,
    Connection,
    _driver_errors,
    _engine,
    _parsed,
    _script,
    _shown,
    head_revision,
    schema_revision,
)
from workbench.io.archive.location import resolve_url


class ServerConnection(Connection):
    """An open team archive on a PostgreSQL server, as one role. Keeps its URL (with the
    password the caller gave, never written anywhere) so a Listener can open its own
    connection."""

    def __init__(self, engine: sa.engine.Engine, where: str, url: sa.engine.URL):
        super().__init__(engine, where)
        self.url = url

    @property
    def user(self) -> str:
        return self.url.username or ""

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """As the archive's, but a dropped connection is ServerUnreachable (a session goes
        offline on it) and a missing privilege names the role, for every read of the
        store (Archive(connection).document(…) and the rest) too."""
        try:
            yield
        except errors.TeamProblem:
            raise
        except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
            raise errors.general(error, self.where, self.user) from None
        except MemoryError:
            raise ArchiveProblem("内存不足，本次操作已撤销", self.where) from None

    def conninfo(self) -> str:
        return conninfo(self.url)

    def listener(self, version_id: int | None = None):
        """A Listener of the team's changes on a connection of its own."""
        from workbench.io.archive.team_listen import Listener

        return Listener(self.conninfo(), version_id, self.where)


def conninfo(url: sa.engine.URL) -> str:
    """The libpq connection string of a SQLAlchemy URL (sslmode and other options kept)."""
    from psycopg.conninfo import make_conninfo

    params: dict[str, str] = {}
    if url.host:
        params["host"] = url.host
    if url.port:
        params["port"] = str(url.port)
    if url.username:
        params["user"] = url.username
    if url.password:
        params["password"] = str(url.password)
    if url.database:
        params["dbname"] = url.database
    for key, value in url.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    params.setdefault("connect_timeout", "10")
    return make_conninfo(**params)


def server_url(named: str | None, password: str | None = None) -> sa.engine.URL:
    """The server's URL; SQLite archives get the one message every team command gives."""
    url = _parsed(resolve_url(named))
    if url.get_backend_name() != "postgresql":
        raise errors.NeedsServer(_shown(url))
    if password:
        url = url.set(password=password)
    return url


def shown(url: sa.engine.URL) -> str:
    """The server as messages name it: its URL without the password."""
    return _shown(url._replace(password=None))


def key_of(url: sa.engine.URL) -> str:
    """How a server's password is filed in the keyring: user@host:port/db."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


@dataclass(frozen=True)
class Standing:
    """What the server says of the connected role."""

    user: str
    reviewer: bool
    lead: bool
    can_read: bool
    can_write: bool


def standing(conn: sa.engine.Connection) -> Standing:
    row = conn.execute(
        sa.text(
            "SELECT session_user::text,"
            " coalesce(pg_has_role('workbench_reviewer', 'MEMBER'), false),"
            " coalesce(pg_has_role('workbench_lead', 'MEMBER'), false),"
            " has_table_privilege('versions', 'SELECT'),"
            " has_table_privilege('live_values', 'INSERT')"
        )
    ).one()
    return Standing(row[0], bool(row[1]), bool(row[2]), bool(row[3]), bool(row[4]))


def open_server(named: str | None, password: str | None = None) -> ServerConnection:
    """Connect as the URL's role and check the archive's schema and the role's grants."""
    url = server_url(named, password)
    where = shown(url)
    engine = _engine(url)
    connection = ServerConnection(engine, where, url)
    try:
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            _check(conn, where, url.username or "")
    except sa_exc.SQLAlchemyError as error:
        connection.close()
        login = errors.login_problem(error, url.username or "", where)
        if login is not None:
            raise login from None
        raise errors.general(error, where, url.username or "") from None
    except BaseException:
        connection.close()
        raise
    return connection


def _check(conn: sa.engine.Connection, where: str, user: str) -> None:
    if not sa.inspect(conn).has_table("alembic_version"):
        raise ArchiveProblem(
            "这个数据库还不是计划库（请管理员先运行 workbench archive init）", where
        )
    try:
        revision = schema_revision(conn)
    except sa_exc.ProgrammingError as error:
        if errors.sqlstate(error) == errors.NO_PRIVILEGE:
            raise _no_grant(user, where) from None
        raise
    known = {script.revision for script in _script()[1].walk_revisions()}
    if revision not in known:
        raise ArchiveProblem(
            f"此计划库由更新版本的工作台创建（结构版本 {revision}，本程序支持到 "
            f"{head_revision()}），请升级工作台后再连接",
            where,
        )
    if revision != head_revision():
        raise ArchiveProblem(
            f"计划库的结构版本 {revision} 较旧，还没有团队审核所需的表（请管理员先运行 "
            "workbench archive init 升级）",
            where,
        )
    if not standing(conn).can_read:
        raise _no_grant(user, where)


def _no_grant(user: str, where: str) -> errors.Refused:
    return errors.no_grant(user, where)
