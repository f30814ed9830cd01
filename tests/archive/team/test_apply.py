"""Applying reviewers' changes on the server: every change is applied, conflicted, refused or
a duplicate — never written over a colleague's, never applied twice — and the team hears
of it through LISTEN/NOTIFY."""

from __future__ import annotations

import pytest

from tests.archive.team.conftest import INDICATORS, PROJECTS
from workbench.core.team import STATUS_FIELD, OutcomeKind, TeamChange, new_change_id
from workbench.io.archive import team as server
from workbench.io.archive.team_connect import open_server
from workbench.io.archive.team_errors import ServerUnreachable


def _change(v: int, row: str, field: str, expected, value, table: str = INDICATORS) -> TeamChange:
    return TeamChange(new_change_id(), v, table, row, field, expected, value)


@pytest.fixture(scope="module")
def ann(team):
    conn = open_server(team.url(team.ann))
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def lead(team):
    conn = open_server(team.url(team.lead))
    yield conn
    conn.close()


def test_applied_conflict_duplicate_and_refused(team, ann, lead):
    v = team.version_id
    mine = _change(v, "r4", "actual", 6.1, 6.4)  # the sample's 固定资产投资增长 is 6.1
    wrong = _change(v, "r1", "completed", 54.4463, 1.0, table=PROJECTS)
    first = server.apply_changes(ann, [mine, wrong])
    assert [o.kind for o in first] == [OutcomeKind.APPLIED, OutcomeKind.REFUSED]
    assert "未分配给" in first[1].message and team.ann in first[1].message
    assert "2021年重大项目" in first[1].message  # the table as the reviewer knows it
    # the lead changes the same field against the value she loaded (the archived 6.1)
    (theirs,) = server.apply_changes(lead, [_change(v, "r4", "actual", 6.1, 7.0)])
    assert theirs.kind is OutcomeKind.CONFLICT
    assert (theirs.theirs, theirs.theirs_who) == (6.4, team.ann) and theirs.theirs_at
    # pushed again (a retry after a dropped connection): seen before, not applied twice
    again = server.apply_changes(ann, [mine, _change(v, "r4", "actual", 6.4, 6.5)])
    assert [o.kind for o in again] == [OutcomeKind.DUPLICATE, OutcomeKind.APPLIED]
    live, last = server.load_live(ann, v)
    (r4,) = [x for x in live if x.row_key == "r4" and x.field == "actual"]
    assert (r4.value, r4.rev, r4.who) == (6.5, 2, team.ann) and last >= r4.log_id
    with team.admin() as admin:
        logged = admin.execute(
            "SELECT outcome, who FROM team_log WHERE row_key = 'r4' ORDER BY id"
        ).fetchall()
    assert logged == [("applied", team.ann), ("conflict", team.lead), ("applied", team.ann)]
    newer, newest = server.load_live(ann, v, since_id=last)
    assert newer == [] and newest == last


def test_a_mark_is_heard_by_a_listener_and_counted(team, ann, lead):
    v = team.version_id
    with lead.listener(v) as listener:
        assert listener.poll(0.05) == []
        (done,) = server.apply_changes(ann, [_change(v, "r5", STATUS_FIELD, "待审", "存疑")])
        assert done.kind is OutcomeKind.APPLIED
        notices = []
        for _ in range(50):  # bounded: the notice is sent at commit, read within the poll
            notices += listener.poll(0.2)
            if notices:
                break
        assert [n.version_id for n in notices] == [v]
    live, _ = server.load_live(lead, v, since_id=notices[0].log_id - 1)
    assert [(x.row_key, x.field, x.value, x.who) for x in live] == [
        ("r5", STATUS_FIELD, "存疑", team.ann)
    ]
    assert server.progress(lead, v)[INDICATORS][team.ann]["存疑"] >= 1


def test_a_connection_dropped_mid_push_loses_nothing_and_applies_nothing_twice(team, monkeypatch):
    v = team.version_id
    ann = open_server(team.url(team.ann))
    rows = ("r10", "r11", "r12", "r13")
    changes = [_change(v, row, STATUS_FIELD, "待审", "已审") for row in rows]
    monkeypatch.setattr(server, "BATCH", 2)
    written = server._write
    calls = []

    def write_then_drop(connection, conn, change, docs):
        calls.append(change.row_key)
        if change.row_key == "r12":  # the server goes away inside the second transaction
            with team.admin() as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (team.ann,),
                )
        return written(connection, conn, change, docs)

    monkeypatch.setattr(server, "_write", write_then_drop)
    try:
        with pytest.raises(ServerUnreachable) as dropped:
            server.apply_changes(ann, changes)
        assert "连接中断" in str(dropped.value) or "服务器" in str(dropped.value)
        assert [o.kind for o in dropped.value.outcomes] == [OutcomeKind.APPLIED] * 2
        monkeypatch.setattr(server, "_write", written)
        retried = server.apply_changes(ann, changes)  # the whole queue again, same ids
    finally:
        ann.close()
    assert [o.kind for o in retried] == [OutcomeKind.DUPLICATE] * 2 + [OutcomeKind.APPLIED] * 2
    with team.admin() as admin:
        counts = admin.execute(
            "SELECT row_key, count(*) FROM team_log WHERE row_key = ANY(%s) GROUP BY row_key",
            (list(rows),),
        ).fetchall()
    assert sorted(counts) == [(row, 1) for row in rows]
