"""The session's document side with the server away: what the reviewer does is queued in
order in the embedded archive, the team's values come in through the edit path without
being queued back or landing on the undo stack, and a restart reopens the local copy with
every queued change in it."""

from __future__ import annotations

import pytest

from tests.team_sync.plans import TABLE, project_plan
from workbench.app.team_link import LiveValue
from workbench.app.team_session import TEAM_LABEL, TeamSession
from workbench.core.compare.crosswalk import Dimension, SetCrosswalk
from workbench.core.edits import CellChange, Compound, DeleteRows, SetCells, SetReview
from workbench.core.history import EditHistory
from workbench.core.team import STATUS_FIELD, Conflict, Outcome, OutcomeKind, TeamChange
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.offline_copy import load_copy

SERVER = "postgresql://reviewer_a@127.0.0.1:5432/plans"


def offline_session(tmp_path, doc=None, version_id=7) -> TeamSession:
    """A session that has not reached the server (as open_session makes from the copy)."""
    local = tmp_path / "archive.sqlite"
    return TeamSession(doc or project_plan(20), SERVER, version_id, local, connect=False)


def test_edits_queue_in_order_with_what_they_were_made_against(tmp_path):
    session = offline_session(tmp_path)
    history = EditHistory(session.document)
    history.do(SetCells(TABLE, (CellChange("r1", "annual_plan", 5.5),)))
    history.do(SetReview(TABLE, "r2", status="存疑", comment="投资额偏大"))
    history.do(SetCells(TABLE, (CellChange("r1", "annual_plan", 6.0),)))
    history.undo()
    queued = [
        (q.change.row_key, q.change.field, q.change.expected, q.change.value, q.state)
        for q in session.outbox.pending()
    ]
    assert queued == [
        ("r1", "annual_plan", 1.0, 5.5, "pending"),
        ("r2", STATUS_FIELD, "待审", "存疑", "pending"),
        ("r2", "review_comment", "", "投资额偏大", "pending"),
        ("r1", "annual_plan", 5.5, 6.0, "pending"),
        ("r1", "annual_plan", 6.0, 5.5, "pending"),
    ]
    assert session.pending == 5 and not session.online
    assert len({q.change.change_id for q in session.outbox.pending()}) == 5


def test_edits_the_team_cannot_share_are_refused_before_they_apply(tmp_path):
    session = offline_session(tmp_path)
    assert session.check(SetCells(TABLE, (CellChange("r1", "note", "核减"),))) is None
    assert session.check(SetReview(TABLE, "r1", status="已审")) is None
    for edit in (
        DeleteRows(TABLE, ("r3",)),
        SetCrosswalk(Dimension.NAME, "旧名", "新名"),
        Compound((SetCells(TABLE, (CellChange("r1", "note", "x"),)), DeleteRows(TABLE, ("r3",)))),
    ):
        message = session.check(edit)
        assert message and "团队审核中不能" in message


def test_team_values_come_in_as_their_author_and_are_not_shared_back(tmp_path):
    session = offline_session(tmp_path)
    history = EditHistory(session.document)
    taken = session.take_values(
        [
            LiveValue(TABLE, "r4", "completed", 3.25, 1, "reviewer_b", "2026-12-01T09:00", 11),
            LiveValue(TABLE, "r5", STATUS_FIELD, "退回", 1, "lead", "2026-12-01T09:01", 12),
            LiveValue(TABLE, "r6", "annual_plan", 7.0, 1, "reviewer_b", "2026-12-01T09:02", 13),
        ]
    )
    table = session.document.tables[TABLE]
    assert taken == 3
    assert table.rows["r4"]["completed"] == 3.25 and table.mark("r5").status == "退回"
    assert session.pending == 0 and not history.can_undo
    log = session.document.change_log[-3:]
    assert [(e.user, e.label, e.key) for e in log] == [
        ("reviewer_b", TEAM_LABEL, "r4"),
        ("lead", TEAM_LABEL, "r5"),
        ("reviewer_b", TEAM_LABEL, "r6"),
    ]
    assert session.origin[(TABLE, "r5", STATUS_FIELD)] == ("lead", "2026-12-01T09:01")


def test_a_field_i_changed_and_have_not_heard_back_about_keeps_my_value(tmp_path):
    session = offline_session(tmp_path)
    session.document.apply(SetCells(TABLE, (CellChange("r1", "completed", 4.0),)))
    session.take_values(
        [LiveValue(TABLE, "r1", "completed", 9.0, 2, "reviewer_b", "2026-12-01T10:00", 20)]
    )
    assert session.document.tables[TABLE].rows["r1"]["completed"] == 4.0


def test_a_value_the_team_sends_that_cannot_apply_is_reported_not_raised(tmp_path):
    session = offline_session(tmp_path)
    taken = session.take_values(
        [
            LiveValue(TABLE, "r1", "annual_plan", "很多", 1, "reviewer_b", "t", 1),
            LiveValue(TABLE, "r999", "annual_plan", 1.0, 1, "reviewer_b", "t", 2),
        ]
    )
    assert taken == 0 and len(session.problems) == 2
    assert "reviewer_b" in session.problems[0] and "r1" in session.problems[0]


def test_conflicts_on_one_field_are_one_question_and_survive_a_restart(tmp_path):
    session = offline_session(tmp_path)
    doc = session.document
    doc.apply(SetCells(TABLE, (CellChange("r1", "annual_plan", 2.0),)))
    doc.apply(SetCells(TABLE, (CellChange("r1", "annual_plan", 3.0),)))
    first, second = (q.change for q in session.outbox.pending())
    session.outbox.record(
        [
            Outcome(first, OutcomeKind.CONFLICT, 8.0, "reviewer_b", "2026-12-02T08:00"),
            Outcome(second, OutcomeKind.CONFLICT, 8.0, "reviewer_b", "2026-12-02T08:00"),
        ]
    )
    session.close()
    again = offline_session(tmp_path, doc=doc)
    assert again.conflicts == [
        Conflict(
            TABLE,
            "r1",
            "annual_plan",
            1.0,
            3.0,
            8.0,
            "reviewer_b",
            "2026-12-02T08:00",
            second.change_id,
        )
    ]
    again.take_values([LiveValue(TABLE, "r1", "annual_plan", 9.5, 3, "lead", "t9", 30)])
    assert again.conflicts[0].theirs == 9.5 and again.conflicts[0].theirs_who == "lead"
    assert doc.tables[TABLE].rows["r1"]["annual_plan"] == 3.0  # mine, until answered


def test_keep_theirs_puts_their_value_in_through_the_edit_path(tmp_path):
    session = offline_session(tmp_path)
    session.document.apply(SetCells(TABLE, (CellChange("r1", "annual_plan", 2.0),)))
    (change,) = (q.change for q in session.outbox.pending())
    session.outbox.record([Outcome(change, OutcomeKind.CONFLICT, 8.0, "reviewer_b", "t")])
    session = offline_session(tmp_path, doc=session.document)
    session.resolve(session.conflicts[0], keep="theirs")
    assert session.document.tables[TABLE].rows["r1"]["annual_plan"] == 8.0
    assert session.document.change_log[-1].user == "reviewer_b"
    assert not session.conflicts and session.pending == 0
    assert [q.state for q in session.outbox.all()] == ["resolved"]


def test_keep_mine_queues_my_value_against_theirs(tmp_path):
    session = offline_session(tmp_path)
    session.document.apply(SetCells(TABLE, (CellChange("r1", "annual_plan", 2.0),)))
    (change,) = (q.change for q in session.outbox.pending())
    session.outbox.record([Outcome(change, OutcomeKind.CONFLICT, 8.0, "reviewer_b", "t")])
    session = offline_session(tmp_path, doc=session.document)
    session.resolve(session.conflicts[0], keep="mine")
    (again,) = session.outbox.pending()
    assert (again.change.expected, again.change.value) == (8.0, 2.0)
    assert again.change.change_id != change.change_id
    assert session.document.tables[TABLE].rows["r1"]["annual_plan"] == 2.0


def test_the_local_copy_reopens_with_changes_made_after_it_was_saved(tmp_path):
    session = offline_session(tmp_path)
    session.document.apply(SetCells(TABLE, (CellChange("r1", "note", "核实中"),)))
    session.last_log_id = 41
    session.save_copy()
    session.document.apply(SetReview(TABLE, "r2", status="已审"))
    session.document.apply(SetCells(TABLE, (CellChange("r3", "completed", 2.5),)))
    path = session.copy_path
    session.document.unsubscribe(session._heard)  # the app is killed: no save on close

    copy = load_copy(path)
    assert copy.last_log_id == 41 and copy.who == "reviewer_a"
    reopened = offline_session(tmp_path, doc=copy.document)
    reopened.replay([q.change for q in reopened.outbox.after(copy.outbox_seq)])
    table = reopened.document.tables[TABLE]
    assert table.rows["r1"]["note"] == "核实中"
    assert table.mark("r2").status == "已审" and table.rows["r3"]["completed"] == 2.5
    assert reopened.pending == 3  # replaying queued nothing twice


def test_queued_changes_are_the_ones_pushed_even_when_made_in_one_paste(tmp_path):
    session = offline_session(tmp_path, doc=project_plan(2000))
    cells = tuple(CellChange(f"r{n}", "completed", float(n)) for n in range(1, 1201))
    session.document.apply(SetCells(TABLE, cells, label="粘贴"))
    queued = session.outbox.pending()
    assert [q.change.row_key for q in queued] == [c.key for c in cells]
    assert all(isinstance(q.change, TeamChange) and q.change.version_id == 7 for q in queued)


def test_a_damaged_local_copy_is_named_not_raised_raw(tmp_path):
    session = offline_session(tmp_path)
    session.save_copy()
    session.copy_path.write_bytes(session.copy_path.read_bytes()[:100])
    with pytest.raises(ArchiveProblem) as caught:
        load_copy(session.copy_path)
    assert "本机副本已损坏" in str(caught.value)
    assert load_copy(tmp_path / "none.plan.z") is None
