"""Finding, opening and upgrading an archive, and one clear message for each way it fails.

The archive is named by a URL (`sqlite:///path`, `postgresql://user@host/db`) or a plain file
path; without one, WORKBENCH_DB, then the embedded file in the user's data folder. Opening
checks the schema: an empty database gets the newest schema, an older archive is upgraded
by the migrations shipped in this package, and a newer one (or a database holding other
tables) is refused before anything is written.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from workbench.io.archive.location import resolve_url
from workbench.io.archive.schema import ARCHIVE_TABLES, metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


class ArchiveProblem(Exception):
    """An archive that cannot be used as asked; the message is for the user, in Chinese,
    and names the archive."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        from workbench.i18n import translate

        if not self.where:
            return self.message
        return translate("cli", "计划库“{where}”：{message}").format(
            where=self.where, message=self.message
        )


def _parsed(text: str) -> sa.engine.URL:
    try:
        url = sa.engine.make_url(text)
    except sa_exc.ArgumentError:
        raise ArchiveProblem(
            "计划库地址无法识别（应为文件路径或 sqlite:///… / postgresql://…）", text
        ) from None
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ArchiveProblem("只支持 SQLite 文件或 PostgreSQL 服务器作为计划库", _shown(url))
    return url


def _shown(url: sa.engine.URL) -> str:
    """The archive as the user knows it: the file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def describe(error: BaseException) -> str:
    """One Chinese sentence for a database error (the archive is named by the caller)."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "disk is full" in text or "no space" in text or "disk full" in text:
        return "磁盘空间不足，本次写入已撤销，计划库保持原样"
    if "file is not a database" in text or "malformed" in text or "not a database" in text:
        return "不是计划库文件（文件已损坏或是其他类型的文件）"
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return "没有写入计划库的权限"
    if "database is locked" in text:
        return "计划库正被其他程序写入，请稍后再试"
    if "unable to open database" in text:
        return "无法打开计划库文件（文件夹不存在或没有权限）"
    if "password authentication failed" in text or "authentication" in text:
        return "服务器拒绝了登录（用户名或密码不对）"
    if "does not exist" in text and "database" in text:
        return "服务器上没有这个数据库"
    if "connection refused" in text or "could not connect" in text or "connection failed" in text:
        return "无法连接计划库服务器（服务器未运行或地址、端口不对）"
    if "timeout" in text or "timed out" in text:
        return "连接计划库服务器超时"
    if isinstance(error, sa_exc.OperationalError):
        return (
            "计划库无法使用（" + str(getattr(error, "orig", error)).strip().splitlines()[0] + "）"
        )
    return "计划库出错（" + type(getattr(error, "orig", None) or error).__name__ + "）"


def _driver_errors() -> tuple[type[BaseException], ...]:
    """The drivers' own errors, raised where the archive talks to a driver directly (COPY)."""
    import sqlite3

    found: list[type[BaseException]] = [sqlite3.Error]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency; SQLite still works
        pass
    else:
        found.append(psycopg.Error)
    return tuple(found)


class Connection:
    """An open archive: the engine, and the name it is shown by in messages."""

    def __init__(self, engine: sa.engine.Engine, where: str):
        self.engine = engine
        self.where = where

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[sa.engine.Connection]:
        """A connection for reads. On a server each read is one statement, so it runs
        without BEGIN and ROLLBACK around it: two round trips fewer per read."""
        with self.guarded(), self.engine.connect() as conn:
            if not self.is_sqlite:
                conn.execution_options(isolation_level="AUTOCOMMIT")
            yield conn

    @contextmanager
    def writing(self) -> Iterator[sa.engine.Connection]:
        """One transaction: committed whole at the end, or rolled back whole."""
        with self.guarded(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def guarded(self) -> Iterator[None]:
        try:
            yield
        except (sa_exc.SQLAlchemyError, *_driver_errors()) as error:
            raise ArchiveProblem(describe(error), self.where) from None
        except MemoryError:
            raise ArchiveProblem("内存不足，本次操作已撤销", self.where) from None

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: sa.engine.URL) -> sa.engine.Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 15})

        # pysqlite starts its own transactions only before data changes, so schema changes
        # would commit one by one; let SQLAlchemy's BEGIN cover every statement instead.
        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA foreign_keys=ON")

        @sa.event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    # An archive is opened for one command, so no ping before each use of the connection,
    # and no look-up of hstore (a round trip on connecting) the archive never uses.
    return sa.create_engine(url, connect_args={"connect_timeout": 10}, use_native_hstore=False)


def _check_sqlite_file(url: sa.engine.URL, where: str, create: bool) -> None:
    path = Path(url.database or "")
    if not url.database or url.database == ":memory:":
        return
    if path.is_dir():
        raise ArchiveProblem("这是一个文件夹，不是计划库文件", where)
    if path.exists():
        try:
            with open(path, "rb") as handle:
                head = handle.read(16)
        except OSError:
            raise ArchiveProblem("无法读取计划库文件（没有权限）", where) from None
        if head and head != SQLITE_MAGIC:
            raise ArchiveProblem("不是计划库文件（文件已损坏或是其他类型的文件）", where)
        return
    if not create:
        raise ArchiveProblem("计划库文件不存在（可先运行 workbench archive init）", where)
    if not path.parent.is_dir():
        raise ArchiveProblem("计划库所在的文件夹不存在", where)


def open_archive(named: str | os.PathLike | None = None, *, create: bool = True) -> Connection:
    """The archive named (or the default), upgraded to the newest schema."""
    url = _parsed(resolve_url(named))
    where = _shown(url)
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url, where, create)
    connection = Connection(_engine(url), where)
    try:
        # the usual case is one read of the version table, outside a transaction; only an
        # archive to create or upgrade takes the writing transaction (which looks again)
        with connection.reading() as conn:
            current = schema_revision(conn) == head_revision()
        if not current:
            with connection.writing() as conn:
                _prepare(conn, where)
    except BaseException:
        connection.close()
        raise
    return connection


@functools.cache
def _script():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config, ScriptDirectory.from_config(config)


def schema_revision(conn: sa.engine.Connection) -> str | None:
    """The archive's revision; None for a database without the version table."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str:
    return _script()[1].get_current_head()


def _prepare(conn: sa.engine.Connection, where: str) -> None:
    revision = schema_revision(conn)
    if revision is not None and revision == head_revision():
        return  # the usual case: one look at the version table
    names = set(sa.inspect(conn).get_table_names())
    if revision is None:
        if names - {"alembic_version"}:
            raise ArchiveProblem("这个数据库不是计划库（其中已有其他表）", where)
    else:
        known = {script.revision for script in _script()[1].walk_revisions()}
        if revision not in known:
            raise ArchiveProblem(
                f"此计划库由更新版本的工作台创建（结构版本 {revision}，本程序支持到 "
                f"{head_revision()}），请升级工作台后再打开",
                where,
            )
    migrate(conn, "head")
    missing = [name for name in ARCHIVE_TABLES if not sa.inspect(conn).has_table(name)]
    if missing:
        raise ArchiveProblem("计划库结构不完整（缺少表 " + "、".join(missing) + "）", where)


def migrate(conn: sa.engine.Connection, target: str = "head") -> None:
    """Run the shipped migrations up to `target` inside the caller's transaction."""
    from alembic.runtime.environment import EnvironmentContext

    config, script = _script()

    def steps(revision, _context):
        return script._upgrade_revs(target, revision)

    with EnvironmentContext(config, script, fn=steps, destination_rev=target) as env:
        env.configure(connection=conn, target_metadata=metadata)
        with env.begin_transaction():
            env.run_migrations()
