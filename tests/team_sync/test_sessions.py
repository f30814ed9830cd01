"""Two reviewers' windows on one 100k-row server plan, each a team session as its own role:
an edit in one reaches the other through the edit path with who made it, is not echoed
back, and is not on the receiver's undo stack; edits of one field made on stale copies
become a conflict for the later one, answered either way; a row not assigned is refused by
the server and put back; the Listener hears a colleague's change."""

from __future__ import annotations

import pytest

from tests.team_sync.plans import TABLE
from workbench.app.team_open import open_session
from workbench.app.team_session import TEAM_LABEL
from workbench.core.edits import CellChange, DeleteRows, SetCells, SetReview
from workbench.core.history import EditHistory
from workbench.core.team import STATUS_FIELD, TeamChange, new_change_id


def role(plan, prefix: str) -> str:
    return next(r for r in plan.roles if r.startswith(prefix))


@pytest.fixture(scope="module")
def pair(big_plan, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    ann, bob = role(big_plan, "rev0_"), role(big_plan, "rev4_")  # both 科技创新
    a = open_session(big_plan.url(ann), big_plan.version_id, folder / "a.sqlite")
    b = open_session(big_plan.url(bob), big_plan.version_id, folder / "b.sqlite")
    rows = big_plan.rows_of(ann)[1000:1100]  # clear of the load test's rows
    stray = big_plan.rows_not_of(bob)[1000]
    yield a, b, rows, stray
    a.close()
    b.close()


def cell(session, key: str, column: str):
    return session.document.tables[TABLE].rows[key][column]


def test_an_edit_reaches_the_colleague_as_theirs_and_is_not_echoed(pair):
    a, b, rows, _ = pair
    assert a.online and b.online and a.who != b.who
    history_a, history_b = EditHistory(a.document), EditHistory(b.document)
    history_a.do(SetCells(TABLE, (CellChange(rows[0], "completed", 7.25),)))
    history_a.do(SetReview(TABLE, rows[0], status="存疑", comment="完成额与进度不符"))
    assert a.pending == 0 and not a.conflicts
    assert b.pull() == 3
    assert cell(b, rows[0], "completed") == 7.25
    assert b.document.tables[TABLE].mark(rows[0]).status == "存疑"
    last = b.document.change_log[-1]
    assert (last.user, last.label, last.key) == (a.who, TEAM_LABEL, rows[0])
    assert b.origin[(TABLE, rows[0], STATUS_FIELD)][0] == a.who
    assert not history_b.can_undo and b.pending == 0
    assert b.outbox.all() == []  # nothing queued back to the server
    assert a.pull() == 0  # my own values do not come back as edits


def test_edits_of_one_field_on_stale_copies_become_a_conflict_kept_mine(pair):
    a, b, rows, _ = pair
    a.pull(), b.pull()
    original = cell(a, rows[1], "annual_plan")
    a.document.apply(SetCells(TABLE, (CellChange(rows[1], "annual_plan", 11.0),)))
    b.document.apply(SetCells(TABLE, (CellChange(rows[1], "annual_plan", 12.0),)))
    (conflict,) = b.conflicts
    assert (conflict.original, conflict.mine, conflict.theirs) == (original, 12.0, 11.0)
    assert conflict.theirs_who == a.who and conflict.theirs_at
    assert cell(b, rows[1], "annual_plan") == 12.0  # mine shown until answered
    b.pull()
    assert cell(b, rows[1], "annual_plan") == 12.0
    b.resolve(conflict, keep="mine")
    assert not b.conflicts and b.pending == 0
    a.pull()
    assert cell(a, rows[1], "annual_plan") == 12.0
    assert a.document.change_log[-1].user == b.who


def test_a_conflict_answered_theirs_takes_their_value_and_pushes_nothing(pair):
    a, b, rows, _ = pair
    a.pull(), b.pull()
    a.document.apply(SetCells(TABLE, (CellChange(rows[2], "note", "已核实"),)))
    b.document.apply(SetCells(TABLE, (CellChange(rows[2], "note", "待核实"),)))
    (conflict,) = b.conflicts
    b.resolve(conflict, keep="theirs")
    assert cell(b, rows[2], "note") == "已核实" and b.pending == 0
    assert b.document.change_log[-1].user == a.who
    assert a.pull() == 0 and cell(a, rows[2], "note") == "已核实"


def test_a_row_not_assigned_is_refused_by_the_server_and_put_back(pair):
    _, b, _, stray = pair
    before = cell(b, stray, "completed")
    b.document.apply(SetCells(TABLE, (CellChange(stray, "completed", 99.0),)))
    refused = b.refused[-1]
    assert refused.change.row_key == stray
    assert b.who in refused.message and "未分配" in refused.message
    assert cell(b, stray, "completed") == before
    assert b.pending == 0


def test_rows_inserted_or_deleted_are_refused_before_they_apply(pair):
    a, *_ = pair
    assert "团队审核中不能" in a.check(DeleteRows(TABLE, ("r2",)))


def test_the_listener_hears_a_colleagues_change(pair):
    a, b, rows, _ = pair
    a.pull()
    listener = a.link.listener(a.version_id)
    try:
        b.document.apply(SetReview(TABLE, rows[3], status="已审"))
        notices = []
        for _ in range(20):  # bounded: twenty seconds at most
            notices = listener.poll(1.0)
            if notices:
                break
        assert notices and notices[0].version_id == a.version_id
    finally:
        listener.close()
    assert a.pull(notices) == 1
    assert a.document.tables[TABLE].mark(rows[3]).status == "已审"


def test_a_change_pushed_again_after_a_lost_answer_is_checked_not_trusted(pair):
    """The server committed a push whose answer never came back (the connection dropped
    at COMMIT); pushed again it is "seen before". Applied then: nothing to do. Disputed
    then: shown as a conflict, not left as if it had been written."""
    a, b, rows, _ = pair
    a.pull(), b.pull()
    applied, disputed = (
        TeamChange(
            new_change_id(), a.version_id, TABLE, key, "completed", cell(a, key, "completed"), value
        )
        for key, value in ((rows[4], 1.5), (rows[5], 2.5))
    )
    b.document.apply(SetCells(TABLE, (CellChange(rows[5], "completed", 66.0),)))
    assert [o.kind for o in a.link.push([applied, disputed])] == ["applied", "conflict"]
    with a.quietly():  # my document as it was when I made them
        a.document.apply(SetCells(TABLE, (CellChange(rows[4], "completed", 1.5),)))
        a.document.apply(SetCells(TABLE, (CellChange(rows[5], "completed", 2.5),)))
    a.queue([applied, disputed])
    report = a.push()
    assert report.duplicates == 2
    assert [(c.row_key, c.mine, c.theirs) for c in report.conflicts] == [(rows[5], 2.5, 66.0)]
    assert [c.row_key for c in a.conflicts] == [rows[5]]
    a.resolve(a.conflicts[0], keep="theirs")
