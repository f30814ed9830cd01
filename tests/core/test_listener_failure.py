"""An edit cannot half-happen: a listener that raises is isolated and reported, the edit stays
undoable and the group sums stay right."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core import observers
from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, DeleteRows, EditError, InsertRows, RowData, SetCells
from workbench.core.group_sums import group_sums, sum_by
from workbench.core.history import EditHistory
from workbench.core.table import Table

SECTORS = ("科技创新", "城市提升", None)


def make_doc(n: int) -> PlanDocument:
    doc = PlanDocument()
    table = Table(id="p", kind="projects", title="项目")
    for i in range(n):
        table.append(
            {
                "name": f"项目{i}",
                "sector": SECTORS[i % 3],
                "annual_plan": float(i),
                "completed": None,
            }
        )
    keys = list(table.keys)
    table.meta.sub_items = {keys[1]: keys[0]}  # a 其中 row, never counted twice
    doc.add_table(table)
    return doc


class Flaky:
    """A view with a fault: raises on the edits it is told to."""

    def __init__(self) -> None:
        self.fail = False
        self.heard = 0

    def __call__(self, event) -> None:
        self.heard += 1
        if self.fail:
            raise RuntimeError("视图出错")


edit_spec = st.tuples(
    st.sampled_from(("value", "sector", "blank", "insert", "delete")),
    st.integers(min_value=0, max_value=50),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.booleans(),  # the listener raises during this edit
    st.booleans(),  # … and during its undo
)


def build(doc: PlanDocument, kind: str, pick: int, value: float):
    table = doc.tables["p"]
    key = table.keys[pick % len(table.keys)]
    if kind == "value":
        return SetCells("p", (CellChange(key, "annual_plan", value),))
    if kind == "blank":
        return SetCells("p", (CellChange(key, "annual_plan", None),))
    if kind == "sector":
        return SetCells("p", (CellChange(key, "sector", SECTORS[pick % 3]),))
    if kind == "insert":
        new = table.allocate_key()
        data = RowData(new, {"name": "新项目", "sector": SECTORS[pick % 3], "annual_plan": value})
        return InsertRows("p", ((pick % (len(table.keys) + 1), data),))
    if len(table.keys) <= 2 or key in table.meta.sub_items or key in table.meta.sub_items.values():
        return SetCells("p", (CellChange(key, "completed", value),))
    return DeleteRows("p", (key,))


def state(doc: PlanDocument):
    table = doc.tables["p"]
    return list(table.keys), copy.deepcopy(table.rows)


def assert_sums_fresh(doc: PlanDocument) -> None:
    live = group_sums(doc, "p", "sector")
    fresh = sum_by(doc.tables["p"], "sector")
    assert set(live.groups()) == set(fresh)
    for group, figures in fresh.items():
        assert live.figures(group) == figures


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=3, max_value=12), st.lists(edit_spec, min_size=1, max_size=15))
def test_failing_listener_leaves_edits_whole(n, specs):
    doc = make_doc(n)
    history = EditHistory(doc)
    flaky = Flaky()
    reported: list[BaseException] = []

    def reporter(exc, _callback):
        reported.append(exc)

    doc.subscribe(flaky)  # subscribed BEFORE the group sums: it must not keep them stale
    assert_sums_fresh(doc)
    observers.report_failures_to(reporter)
    try:
        for kind, pick, value, fail_do, fail_undo in specs:
            before = state(doc)
            flaky.fail = fail_do
            history.do(build(doc, kind, pick, value))
            assert_sums_fresh(doc)
            assert history.can_undo
            flaky.fail = fail_undo
            assert history.undo()
            assert state(doc) == before
            assert_sums_fresh(doc)
            flaky.fail = False
            assert history.redo()
            assert_sums_fresh(doc)
        failures = sum(1 for s in specs if s[3]) + sum(1 for s in specs if s[4])
        assert len(reported) == failures
        assert all(str(e) == "视图出错" for e in reported)
    finally:
        observers.stop_reporting_to(reporter)


def test_other_listeners_still_hear_when_one_raises():
    doc = make_doc(3)
    first, second = Flaky(), Flaky()
    first.fail = True
    doc.subscribe(first)
    doc.subscribe(second)
    seen: list[BaseException] = []
    observers.report_failures_to(lambda exc, cb: seen.append(exc))
    try:
        history = EditHistory(doc)
        history.do(SetCells("p", (CellChange(doc.tables["p"].keys[0], "annual_plan", 9.0),)))
    finally:
        observers._reporters.clear()
    assert (first.heard, second.heard, len(seen)) == (1, 1, 1)
    assert history.undo_label == "修改单元格"


def test_kept_current_sums_stay_exact_where_adding_deltas_would_drift():
    # A large figure typed and taken back: adding and subtracting deltas loses the small
    # figures beside it (1e17 + 0.3 - 1e17 is 0.0 in floats); the exact parts do not.
    doc = make_doc(4)
    history = EditHistory(doc)
    table = doc.tables["p"]
    first, _sub, third, fourth = table.keys
    live = group_sums(doc, "p", "sector")
    for value in (0.3, 1e17, 0.1, -1e17, 2.675):
        history.do(SetCells("p", (CellChange(first, "annual_plan", value),)))
        history.do(SetCells("p", (CellChange(fourth, "annual_plan", value / 3),)))
        assert_sums_fresh(doc)
    assert live.full_passes == 1  # every step was a delta, none a recount
    # figures too large to add (1e308 twice in one group): no sum, and a sum again once undone
    history.do(SetCells("p", (CellChange(first, "annual_plan", 1e308),)))
    history.do(SetCells("p", (CellChange(fourth, "annual_plan", 1e308),)))
    assert live.total("annual_plan", "科技创新") is None
    assert_sums_fresh(doc)
    while history.undo():
        assert_sums_fresh(doc)
    assert_sums_fresh(doc)
    del third


def test_listeners_hear_an_edit_after_its_undo_step_is_kept():
    """A listener that reacts to an edit by undoing it (a team session the server refused)
    finds the step on the undo stack, and redo/undo keep the same order."""
    doc = make_doc(4)
    history = EditHistory(doc)
    key = next(iter(doc.table("p").keys))
    seen: list[tuple[bool, bool, str | None]] = []
    doc.subscribe(
        lambda event: seen.append((history.can_undo, history.can_redo, history.undo_label))
    )
    history.do(SetCells("p", (CellChange(key, "annual_plan", 9.0),), label="改计划"))
    assert seen[-1] == (True, False, "改计划")
    history.undo()
    assert seen[-1] == (False, True, None)
    history.redo()
    assert seen[-1] == (True, False, "改计划")


def test_an_undo_that_cannot_apply_stays_on_the_stack():
    doc = make_doc(3)
    history = EditHistory(doc)
    key = next(iter(doc.table("p").keys))
    history.do(SetCells("p", (CellChange(key, "annual_plan", 5.0),)))
    doc.table("p").rows.pop(key)  # the row vanished behind the history's back
    with pytest.raises(EditError):
        history.undo()
    assert history.can_undo and not history.can_redo
