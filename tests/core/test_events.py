"""Typed change events: what an edit announces, and the one observer mechanism."""

import gc

import pytest

from workbench.core.document import LogEntry, PlanDocument
from workbench.core.edits import CellChange, DeleteRows, InsertRows, RowData, SetCells, SetReview
from workbench.core.events import TableChanged
from workbench.core.group_sums import group_sums
from workbench.core.observers import Observers
from workbench.core.schema import TableKind
from workbench.core.table import Table
from workbench.core.vocab import ChangeKind


def _doc() -> PlanDocument:
    doc = PlanDocument()
    table = doc.add_table(Table("p", TableKind.PROJECTS, "项目"))
    for i, (sector, plan) in enumerate([("城市提升", 10.0), ("城市提升", 5.5), ("科技创新", 2.0)]):
        table.append({"name": f"项目{i}", "sector": sector, "annual_plan": plan}, key=f"r{i}")
    return doc


def _collect(doc: PlanDocument) -> list[TableChanged]:
    events: list[TableChanged] = []
    doc.subscribe(events.append)
    return events


def test_cell_edit_announces_old_and_new_values():
    doc = _doc()
    events = _collect(doc)
    doc.apply(SetCells("p", (CellChange("r1", "annual_plan", 6.0),)))
    (event,) = events
    (change,) = event.cells
    assert (change.kind, change.key, change.column, change.old, change.new) == (
        ChangeKind.CELL,
        "r1",
        "annual_plan",
        5.5,
        6.0,
    )
    assert event.keys == {"r1"} and not event.structural
    assert doc.change_log[-1].kind is ChangeKind.CELL and doc.change_log[-1].action == "修改"


def test_rows_inserted_and_removed_are_named_by_key():
    doc = _doc()
    events = _collect(doc)
    doc.apply(InsertRows("p", ((1, RowData("new", {"name": "新项目"})),)))
    doc.apply(DeleteRows("p", ("r0",)))
    assert events[0].inserted == ("new",) and events[0].structural
    assert events[1].removed == ("r0",) and events[1].inserted == ()


def test_a_batch_merges_changes_in_order():
    doc = _doc()
    events = _collect(doc)
    with doc.batch():
        doc.apply(SetCells("p", (CellChange("r0", "annual_plan", 1.0),)))
        doc.apply(SetReview("p", "r0", "存疑", "核实"))
        doc.apply(SetCells("p", (CellChange("r0", "annual_plan", 2.0),)))
    (event,) = events
    assert [c.kind for c in event.changes] == [
        ChangeKind.CELL,
        ChangeKind.REVIEW_STATUS,
        ChangeKind.COMMENT,
        ChangeKind.CELL,
    ]
    assert [c.new for c in event.cells] == [1.0, 2.0]


def test_a_view_that_is_gone_is_no_longer_called():
    calls = []

    class View:
        def on_event(self, event):
            calls.append(event)

    observers = Observers()
    view = View()
    observers.subscribe(view.on_event)
    observers.subscribe(view.on_event)  # twice: still called once
    observers.emit(1)
    assert calls == [1]
    del view
    gc.collect()
    observers.emit(2)
    assert calls == [1] and len(observers) == 0


def test_unsubscribe_stops_a_plain_function():
    seen = []
    observers = Observers()
    observers.subscribe(seen.append)
    observers.emit("a")
    observers.unsubscribe(seen.append)
    observers.emit("b")
    assert seen == ["a"]


def test_group_sums_follow_cell_deltas_without_a_full_pass():
    doc = _doc()
    sums = group_sums(doc, "p", "sector")
    assert sums.total("annual_plan", "城市提升") == 15.5 and sums.full_passes == 1
    doc.apply(SetCells("p", (CellChange("r1", "annual_plan", None),)))
    assert sums.total("annual_plan", "城市提升") == 10.0
    assert sums.full_passes == 1  # a delta, not a re-addition
    doc.apply(SetCells("p", (CellChange("r2", "sector", "城市提升"),)))
    assert sums.total("annual_plan", "城市提升") == 12.0 and sums.groups() == ["城市提升"]
    assert sums.full_passes == 2  # regrouping recounts
    doc.apply(DeleteRows("p", ("r0",)))
    assert sums.count() == 2 and sums.total("annual_plan") == 2.0


def test_log_entries_of_older_files_load_by_their_words():
    entry = LogEntry.from_dict(
        {
            "seq": 1,
            "time": "2022-01-01T00:00:00",
            "user": "张三",
            "label": "修改单元格",
            "action": "删除行",
            "table": "p",
            "key": "r1",
            "column": None,
            "old": "项目1",
            "new": None,
        }
    )
    assert entry.kind is ChangeKind.ROW_DELETED
    assert LogEntry.from_dict(entry.to_dict()) == entry
    with pytest.raises(ValueError, match="无法识别"):
        LogEntry.from_dict({**entry.to_dict(), "kind": None, "action": "篡改"})
