"""A workstation whose cable is pulled works on its local copy for a week; a colleague
carries on on the server. Plugged back in, the week's changes go up in order: what nobody
else touched is applied, what the colleague changed meanwhile is a conflict shown with
their value and name, and neither side loses a change."""

from __future__ import annotations

import pytest

from tests.team_sync.plans import SECTORS, TABLE
from tests.team_sync.proxy import Cable
from tests.team_sync.team_plan import log_of, make_team
from workbench.app.team_open import open_session
from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.io.archive.connection import ArchiveProblem

DAYS, PER_DAY = 7, 60


@pytest.fixture(scope="module")
def plan(sync_server):
    return make_team(sync_server, 5000, {"ann": SECTORS[:2], "bob": SECTORS[:1]})


def role(plan, prefix: str) -> str:
    return next(r for r in plan.roles if r.startswith(prefix))


def test_a_week_offline_syncs_in_order_with_conflicts_shown(plan, sync_server, tmp_path):
    ann, bob = role(plan, "ann_"), role(plan, "bob_")
    cable = Cable(sync_server.port)
    url = plan.url(ann, port=cable.port)
    local = tmp_path / "ann.sqlite"
    open_session(url, plan.version_id, local).close()  # opened once at the office
    cable.cut()
    a = open_session(url, plan.version_id, local)
    b = open_session(plan.url(bob), plan.version_id, tmp_path / "bob.sqlite")
    try:
        assert not a.online and a.offline_reason
        rows = plan.rows_of(ann)  # 科技创新 (shared with bob) first, then 产业提升
        shared = rows[:20]
        # bob, on the server, changes twenty rows ann will change too, and ten she will not
        for n, key in enumerate(shared + rows[600:610]):
            b.document.apply(SetCells(TABLE, (CellChange(key, "completed", 500.0 + n),)))
        b.document.apply(SetReview(TABLE, rows[611], status="退回", comment="缺少批复文号"))
        assert b.pending == 0 and not b.refused

        made = []
        for day in range(DAYS):
            for n in range(PER_DAY):
                key = rows[day * PER_DAY + n]
                value = day * 1000 + n + 0.5
                a.document.apply(SetCells(TABLE, (CellChange(key, "completed", value),)))
                made.append((key, value))
        assert a.pending == DAYS * PER_DAY
        assert a.sync().online is False  # still unplugged: nothing moves, nothing lost
        assert a.pending == DAYS * PER_DAY

        cable.mend()
        report = a.sync()
        assert report.online and a.pending == 0
        assert report.applied == DAYS * PER_DAY - len(shared) and not report.refused
        conflicts = {c.row_key: c for c in a.conflicts}
        assert set(conflicts) == set(shared)
        first = conflicts[shared[0]]
        assert (first.mine, first.theirs, first.theirs_who) == (0.5, 500.0, bob)
        table = a.document.tables[TABLE]
        assert table.rows[shared[0]]["completed"] == 0.5  # mine shown until answered
        assert table.rows[rows[605]]["completed"] == 525.0  # bob's, pulled in the sync
        assert table.mark(rows[611]).comment == "缺少批复文号"

        b.pull()
        theirs = b.document.tables[TABLE]
        for key, value in made:
            expected = conflicts[key].theirs if key in conflicts else value
            assert theirs.rows[key]["completed"] == expected
        logged = [row[0] for row in log_of(plan) if row[6] == ann]
        assert len(logged) == len(set(logged)) == DAYS * PER_DAY
    finally:
        a.close()
        b.close()
        cable.close()


def test_a_version_never_opened_here_cannot_open_offline_and_says_why(plan, sync_server, tmp_path):
    cable = Cable(sync_server.port)
    cable.cut()
    try:
        with pytest.raises(ArchiveProblem) as caught:
            open_session(
                plan.url(role(plan, "ann_"), port=cable.port),
                plan.version_id,
                tmp_path / "x.sqlite",
            )
    finally:
        cable.close()
    assert "联网打开一次后才能离线工作" in str(caught.value)
    assert str(plan.version_id) in str(caught.value)
