"""The server, not the window, enforces who may change what: each role connects with plain
SQL (as anyone could with psql) and is refused what the window would hide."""

from __future__ import annotations

import psycopg
import pytest

from tests.archive.team.conftest import INDICATORS, PROJECTS, SECTOR, make_team

_UPSERT = (
    "INSERT INTO live_values (version_id, table_id, row_key, field, value, who)"
    " VALUES (%s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (version_id, table_id, row_key, field)"
    " DO UPDATE SET value = EXCLUDED.value, rev = live_values.rev + 1"
)


def _row_of_sector(conn: psycopg.Connection, version_id: int, sector: str, inside: bool) -> str:
    return conn.execute(
        "SELECT e.row_key FROM entries e JOIN version_tables vt ON vt.id = e.vtable_id"
        " WHERE vt.version_id = %s AND vt.table_id = %s AND (e.sector = %s) = %s"
        " ORDER BY e.position LIMIT 1",
        (version_id, PROJECTS, sector, inside),
    ).fetchone()[0]


def _refused(conn: psycopg.Connection, sql: str, params=()) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as refused:
        conn.execute(sql, params)
    return refused.value


def test_a_reviewer_writes_only_the_rows_assigned(team):
    v = team.version_id
    with team.plain(team.ann) as ann:
        ann.execute(_UPSERT, (v, INDICATORS, "r1", "review_status", '"已审"', team.ann))
        error = _refused(ann, _UPSERT, (v, PROJECTS, "r1", "review_status", '"已审"', team.ann))
        assert error.sqlstate == "42501"  # row-level security: not a silent 0-row update
        error = _refused(
            ann,
            "INSERT INTO team_log (change_id, version_id, table_id, row_key, field,"
            " outcome) VALUES ('x1', %s, %s, 'r1', 'actual', 'applied')",
            (v, PROJECTS),
        )
        assert error.sqlstate == "42501"
    with team.plain(team.bob) as bob:
        inside = _row_of_sector(bob, v, SECTOR, True)
        outside = _row_of_sector(bob, v, SECTOR, False)
        bob.execute(_UPSERT, (v, PROJECTS, inside, "completed", "12.5", team.bob))
        error = _refused(bob, _UPSERT, (v, PROJECTS, outside, "completed", "12.5", team.bob))
        assert error.sqlstate == "42501"
        # a row another reviewer wrote cannot be taken over either: a plain UPDATE does not
        # see it (the window's writes use INSERT … ON CONFLICT, which the server refuses)
        done = bob.execute(
            "UPDATE live_values SET value = '\"退回\"' WHERE table_id = %s AND row_key = 'r1'",
            (INDICATORS,),
        )
        assert done.rowcount == 0
        error = _refused(bob, _UPSERT, (v, INDICATORS, "r1", "review_status", '"退回"', team.bob))
        assert error.sqlstate == "42501"
        assert bob.execute(
            "SELECT value FROM live_values WHERE table_id = %s AND row_key = 'r1'", (INDICATORS,)
        ).fetchone() == ('"已审"',)
    with team.plain(team.lead) as lead:  # a lead may change any row
        lead.execute(_UPSERT, (v, PROJECTS, outside, "completed", "3", team.lead))


def test_who_is_the_server_session_never_the_client(team):
    v = team.version_id
    with team.plain(team.ann) as ann:
        ann.execute(_UPSERT, (v, INDICATORS, "r2", "actual", "9.9", team.lead))  # forged who
        error = _refused(
            ann,
            "UPDATE live_values SET who = %s, at = '1999-01-01' WHERE table_id = %s"
            " AND row_key = 'r2'",
            (team.bob, INDICATORS),
        )
        assert error.sqlstate == "42501"  # only value and rev are a reviewer's to update
        who, at = ann.execute(
            "SELECT who, at FROM live_values WHERE table_id = %s AND row_key = 'r2'",
            (INDICATORS,),
        ).fetchone()
    assert who == team.ann and at[:4] >= "2024"


def test_only_a_lead_approves_and_an_approved_version_is_read_only(team_server):
    team = make_team(team_server, "approve")
    v = team.version_id
    with team.plain(team.ann) as ann:
        error = _refused(ann, "UPDATE versions SET approved = true WHERE id = %s", (v,))
        assert error.sqlstate == "42501"
        error = _refused(ann, "UPDATE versions SET note = 'x' WHERE id = %s", (v,))
        assert error.sqlstate == "42501"
        error = _refused(
            ann,
            "INSERT INTO assignments (version_id, table_id, role_name) VALUES (%s, %s, %s)",
            (v, PROJECTS, team.ann),
        )
        assert error.sqlstate == "42501"  # a reviewer cannot assign herself more
    with team.plain(team.lead) as lead:
        lead.execute(
            "UPDATE versions SET approved = true, approved_by = %s WHERE id = %s", (team.ann, v)
        )
        assert lead.execute("SELECT approved_by FROM versions WHERE id = %s", (v,)).fetchone() == (
            team.lead,
        )
        for sql, params in (
            (_UPSERT, (v, INDICATORS, "r1", "actual", "1", team.lead)),
            ("UPDATE versions SET approved = false WHERE id = %s", (v,)),
        ):
            assert _refused(lead, sql, params).sqlstate == "WB001"
    with team.plain(team.ann) as ann:
        assert _refused(ann, _UPSERT, (v, INDICATORS, "r1", "actual", "1", "x")).sqlstate in (
            "WB001",
            "42501",
        )
    with team.admin() as owner:  # the owner too: row-level security does not bind it, this does
        for sql in (
            "UPDATE documents SET plan = plan WHERE version_id = %s",
            "DELETE FROM version_tables WHERE version_id = %s",
            "UPDATE versions SET label = 'x' WHERE id = %s",
        ):
            assert _refused(owner, sql, (v,)).sqlstate == "WB001", sql


def test_a_reviewer_reads_everything_but_the_outbox(team):
    with team.plain(team.bob) as bob:
        for table in ("versions", "documents", "entries", "live_values", "team_log"):
            bob.execute(f"SELECT count(*) FROM {table}")
        assert _refused(bob, "SELECT count(*) FROM outbox").sqlstate == "42501"
        assert _refused(bob, "DELETE FROM team_log").sqlstate == "42501"
