"""Each way a reviewer's connection fails gets its own clear message, and nothing is retried:
a wrong password, an expired role, a revoked grant, a schema older or newer than this
program, a dropped connection."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from tests.archive.team.conftest import INDICATORS, PASSWORD
from workbench.app import archive
from workbench.core.team import STATUS_FIELD, OutcomeKind, TeamChange, new_change_id
from workbench.io.archive import team as server
from workbench.io.archive.connection import ArchiveProblem, migrate
from workbench.io.archive.store import Archive
from workbench.io.archive.team_commands import add_role, mark
from workbench.io.archive.team_connect import open_server
from workbench.io.archive.team_errors import LoginRefused, Refused, ServerUnreachable


def _role(team, name: str) -> str:
    role = f"{name}_{team.ann.rsplit('_', 1)[-1]}"
    admin = open_server(team.admin_url)
    try:
        add_role(admin, role, password=PASSWORD)
    finally:
        admin.close()
    return role


def test_a_wrong_password_is_named(team):
    with pytest.raises(LoginRefused) as refused:
        open_server(team.url(team.ann, password="wrong"))
    message = str(refused.value)
    assert "密码不对" in message and team.ann in message and "\n" not in message
    assert "wrong" not in message  # the password is never shown


def test_an_expired_role_is_refused_at_login(team):
    role = _role(team, "expired")
    with team.admin() as admin:
        admin.execute(f"ALTER ROLE {role} VALID UNTIL '2001-01-01'")
    with pytest.raises(LoginRefused) as refused:
        open_server(team.url(role))
    assert "有效期" in str(refused.value)


def test_a_revoked_grant_is_named_at_connect_and_on_a_write(team):
    role = _role(team, "revoked")
    conn = open_server(team.url(role))
    try:
        with team.admin() as admin:
            admin.execute(f"REVOKE workbench_reviewer FROM {role}")
        with pytest.raises(Refused) as refused:
            mark(conn, team.version_id, INDICATORS, "r1", "已审")
        assert "权限" in str(refused.value) and role in str(refused.value)
    finally:
        conn.close()
    with pytest.raises(Refused) as refused:
        open_server(team.url(role))
    assert "已被收回" in str(refused.value) and role in str(refused.value)


def test_a_server_gone_is_unreachable_not_a_retry_loop(team):
    refused_port = team.url(team.ann).replace(f":{team.server.port}/", ":1/")
    with pytest.raises(ServerUnreachable) as gone:
        open_server(refused_port)
    assert "无法连接计划库服务器" in str(gone.value)
    conn = open_server(team.url(team.ann))
    listener = conn.listener(team.version_id)
    try:
        _terminate(team, team.ann)
        with pytest.raises(ServerUnreachable):
            for _ in range(20):  # the loss shows within a poll or two, bounded
                listener.poll(0.1)
        change = TeamChange(
            new_change_id(), team.version_id, INDICATORS, "r20", STATUS_FIELD, "待审", "已审"
        )
        with pytest.raises(ServerUnreachable) as dropped:
            server.apply_changes(conn, [change])
        assert dropped.value.outcomes == []
        # once the server answers again, the same change is applied (once)
        assert [o.kind for o in server.apply_changes(conn, [change])] == [OutcomeKind.APPLIED]
    finally:
        listener.close()
        conn.close()
    conn = open_server(team.url(team.ann))  # the store's reads: the same exception
    try:
        _terminate(team, team.ann)
        with pytest.raises(ServerUnreachable):
            Archive(conn).document(team.version_id)
    finally:
        conn.close()


def _terminate(team, role: str) -> None:
    """End the role's server processes, and wait (bounded) until they are gone."""
    import time

    with team.admin() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,)
        )
        for _ in range(100):
            left = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)
            ).fetchone()[0]
            if not left:
                break
            time.sleep(0.05)


def test_an_older_or_newer_schema_is_named_and_left_alone(team_server):
    url = team_server.new_database()
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        migrate(conn, "0002")
    with pytest.raises(ArchiveProblem, match="较旧.*archive init"):
        open_server(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(ArchiveProblem, match="更新版本的工作台.*0099"):
        open_server(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0099"
    engine.dispose()


def test_an_archive_of_revision_0002_with_versions_upgrades(engine_name, db_url):
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        migrate(conn, "0002")
        conn.execute(
            sa.text(
                "INSERT INTO plans (id, region, year, kind) VALUES (1, '某市', 2020, '年度计划')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO versions (id, plan_id, label, source_name, source_format, sha256,"
                " author, created, note, approved, crosswalk, approved_by) VALUES (1, 1, '审定稿',"
                " 'a.xlsx', 'xlsx', 'ab', '甲', '2020-12-01T00:00:00', '', TRUE, '{}', '乙')"
            )
        )
    engine.dispose()
    listed = archive.list_versions(db_url)  # opening upgrades it
    assert [(v.id, v.label, v.approved, v.approved_by) for v in listed] == [
        (1, "审定稿", True, "乙")
    ]
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        assert {"team_members", "assignments", "live_values", "team_log", "outbox"} <= names
    engine.dispose()
    if engine_name == "postgresql":  # the version approved before the upgrade stays read-only
        with psycopg.connect(db_url, autocommit=True) as owner:
            with pytest.raises(psycopg.Error) as refused:
                owner.execute("UPDATE versions SET label = 'x' WHERE id = 1")
        assert refused.value.sqlstate == "WB001"
