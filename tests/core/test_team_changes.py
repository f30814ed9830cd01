"""The shareable part of an edit: cells and review marks travel, structure does not."""

from workbench.core.events import Change
from workbench.core.team import (
    COMMENT_FIELD,
    STATUS_FIELD,
    Conflict,
    Outcome,
    OutcomeKind,
    team_changes,
    unshareable,
)
from workbench.core.vocab import ChangeKind


def test_cell_and_mark_changes_become_team_changes_in_order():
    changes = [
        Change(ChangeKind.CELL, "t1", "r1", "actual", 1.0, 2.0),
        Change(ChangeKind.REVIEW_STATUS, "t1", "r1", None, "待审", "已审"),
        Change(ChangeKind.COMMENT, "t1", "r2", None, "", "核实口径"),
        Change(ChangeKind.ROW_DELETED, "t1", "r3"),
    ]
    out = team_changes(changes, 7, "alice", "2026-12-06T10:00:00")
    assert [(c.row_key, c.field, c.expected, c.value) for c in out] == [
        ("r1", "actual", 1.0, 2.0),
        ("r1", STATUS_FIELD, "待审", "已审"),
        ("r2", COMMENT_FIELD, "", "核实口径"),
    ]
    assert len({c.change_id for c in out}) == 3
    assert all(c.version_id == 7 and c.who == "alice" for c in out)
    assert [c.kind for c in unshareable(changes)] == [ChangeKind.ROW_DELETED]


def test_conflict_keeps_original_mine_and_theirs():
    (change,) = team_changes([Change(ChangeKind.CELL, "t", "k", "target", "5%", "6%")], 1, "b", "")
    outcome = Outcome(change, OutcomeKind.CONFLICT, theirs="5.5%", theirs_who="alice")
    conflict = Conflict.from_outcome(outcome)
    assert (conflict.original, conflict.mine, conflict.theirs) == ("5%", "6%", "5.5%")
    assert conflict.theirs_who == "alice" and conflict.change_id == change.change_id
