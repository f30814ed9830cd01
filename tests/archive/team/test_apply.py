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
    batch = server._apply_batch
    calls = []

    def drop_inside_the_second(connection, conn, chunk, docs):
        calls.append(chunk)
        if len(calls) == 2:  # the server goes away inside the second transaction
            conn.exec_driver_sql("SELECT 1")
            with team.admin() as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (team.ann,),
                )
        return batch(connection, conn, chunk, docs)

    monkeypatch.setattr(server, "_apply_batch", drop_inside_the_second)
    try:
        with pytest.raises(ServerUnreachable) as dropped:
            server.apply_changes(ann, changes)
        assert "连接中断" in str(dropped.value) or "服务器" in str(dropped.value)
        assert [o.kind for o in dropped.value.outcomes] == [OutcomeKind.APPLIED] * 2
        monkeypatch.setattr(server, "_apply_batch", batch)
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


def test_simultaneous_writers_of_one_field_lose_no_update(team):
    """Four connections (two roles) push a change of the same field made against the same
    value at once: one is applied, every other comes back a conflict naming the winner."""
    import threading

    v = team.version_id
    roles = [team.ann, team.lead, team.ann, team.lead]
    conns = [open_server(team.url(role)) for role in roles]
    ready = threading.Barrier(len(conns))
    results: dict[int, list] = {}

    def push(index: int) -> None:
        change = _change(v, "r30", "actual", _archived_actual(team, "r30"), 100.0 + index)
        ready.wait()
        results[index] = server.apply_changes(conns[index], [change])

    threads = [threading.Thread(target=push, args=(i,)) for i in range(len(conns))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        for conn in conns:
            conn.close()
    kinds = sorted(str(results[i][0].kind) for i in range(len(conns)))
    assert kinds == ["applied", "conflict", "conflict", "conflict"]
    (winner,) = [i for i in results if results[i][0].kind is OutcomeKind.APPLIED]
    for i in results:
        if i != winner:
            assert results[i][0].theirs == 100.0 + winner
            assert results[i][0].theirs_who == roles[winner]


def _archived_actual(team, row: str):
    from workbench.io.opener import open_document, sample_plan_path

    return open_document(sample_plan_path()).tables[INDICATORS].rows[row].get("actual")


def test_one_row_assigned_and_assigning_twice_is_one_assignment(team, lead):
    from workbench.io.archive.team_commands import assign, list_assignments

    v = team.version_id
    first = assign(lead, v, INDICATORS, team.bob, row_key="r7")
    assert assign(lead, v, INDICATORS, team.bob, row_key="r7").id == first.id
    assert [a.id for a in list_assignments(lead, v)].count(first.id) == 1
    bob = open_server(team.url(team.bob))
    try:
        done = server.apply_changes(
            bob,
            [
                _change(v, "r7", STATUS_FIELD, "待审", "已审"),
                _change(v, "r8", STATUS_FIELD, "待审", "已审"),
            ],
        )
    finally:
        bob.close()
    assert [o.kind for o in done] == [OutcomeKind.APPLIED, OutcomeKind.REFUSED]
    assert "“一般公共预算收入增长”（行 r8）" in done[1].message


def test_the_lead_lists_the_assignments(team, lead):
    from workbench.io.archive.team_commands import list_assignments

    found = list_assignments(lead, team.version_id)
    assert {(a.table_id, a.sector, a.role) for a in found} >= {
        (INDICATORS, None, team.ann),
        (PROJECTS, "科技创新", team.bob),
    }
    assert {a.assigned_by for a in found} == {team.lead}


def test_a_change_committed_after_a_later_one_is_not_missed(team, lead):
    """Log ids are handed out at write time; a transaction that wrote first may commit
    last. The notice of its change carries its id, and since_for reads again from there."""
    import psycopg

    from workbench.io.archive.team_listen import since_for

    v = team.version_id
    with lead.listener(v) as listener:
        slow = psycopg.connect(lead.conninfo())  # a transaction left open
        slow.execute(
            "SELECT * FROM workbench_apply(%s, %s, %s, 'r33', 'note', 'null', '\"慢\"', 'null')",
            (new_change_id(), v, INDICATORS),
        )
        server.apply_changes(lead, [_change(v, "r34", "note", None, "快")])
        seen, last = server.load_live(lead, v)
        assert ("r34", "快") in {(x.row_key, x.value) for x in seen}
        assert "r33" not in {x.row_key for x in seen}
        slow.commit()
        slow.close()
        notices = []
        for _ in range(50):
            notices += listener.poll(0.2)
            if any(n.log_id < last for n in notices):
                break
    since = since_for(last, notices)
    assert since < last
    again, _ = server.load_live(lead, v, since_id=since)
    assert ("r33", "慢") in {(x.row_key, x.value) for x in again}
