"""The one edit path: inverses, undo/redo, the change log, the modified flag, notifications."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.document import PlanDocument
from workbench.core.edits import (
    CellChange,
    Compound,
    DeleteRows,
    EditError,
    InsertRows,
    RowData,
    SetCells,
    SetReview,
)
from workbench.core.events import TableChanged
from workbench.core.history import EditHistory
from workbench.core.table import Table
from workbench.io.native.plan_json import document_to_data


def small_doc() -> PlanDocument:
    doc = PlanDocument(region="测试市", exec_year=2021, plan_year=2022)
    projects = Table(id="p", kind="projects", title="项目")
    for i in range(5):
        projects.append(
            {
                "name": f"项目{i}",
                "sector": "城市提升",
                "funding": "政府投资",
                "annual_plan": 10.0 + i,
                "completed": 9.0 + i,
            }
        )
    indicators = Table(id="i", kind="indicators", title="指标")
    indicators.append({"name": "地区生产总值增长", "unit": "%", "target": "6%以上", "actual": 8.3})
    doc.add_table(projects)
    doc.add_table(indicators)
    return doc


def state(doc: PlanDocument):
    data = document_to_data(doc)
    data.pop("change_log")
    for table in data["tables"]:
        table.pop("next_key")  # allocation counter: keys are never reused, by design
    return data


def test_set_cells_returns_inverse_and_logs():
    doc = small_doc()
    before = state(doc)
    inverse = doc.apply(
        SetCells("p", (CellChange("r1", "completed", 12.5),)), user="张三", reason="统计局核定"
    )
    assert doc.table("p").value("r1", "completed") == 12.5
    entry = doc.change_log[-1]
    assert (entry.user, entry.action, entry.column, entry.old, entry.new, entry.reason) == (
        "张三",
        "修改",
        "completed",
        9.0,
        12.5,
        "统计局核定",
    )
    doc.apply(inverse)
    assert state(doc) == before


def test_wrong_types_are_refused_and_nothing_changes():
    doc = small_doc()
    before = state(doc)
    with pytest.raises(EditError, match="应为数值"):
        doc.apply(
            SetCells(
                "p", (CellChange("r1", "completed", 1.0), CellChange("r2", "completed", "很多"))
            )
        )
    with pytest.raises(EditError, match="投资来源"):
        doc.apply(SetCells("p", (CellChange("r1", "funding", "外资"),)))
    with pytest.raises(EditError, match="没有行"):
        doc.apply(SetCells("p", (CellChange("nope", "name", "x"),)))
    with pytest.raises(EditError):
        doc.apply(SetCells("p", (CellChange("r1", "completed", float("nan")),)))
    assert state(doc) == before
    assert doc.change_log == []


def test_insert_and_delete_rows_restore_position_review_and_provenance():
    doc = small_doc()
    table = doc.table("p")
    doc.apply(SetReview("p", "r3", "存疑", "与部门报送不符"))
    doc.apply(SetCells("p", (CellChange("r3", "completed", 1.0, "部门报送"),)))
    before = state(doc)
    inverse = doc.apply(DeleteRows("p", ("r3", "r1")))
    assert table.keys == ["r2", "r4", "r5"]
    doc.apply(inverse)
    assert table.keys == ["r1", "r2", "r3", "r4", "r5"]
    assert table.mark("r3").comment == "与部门报送不符"
    assert table.provenance_of("r3", "completed") == "部门报送"
    assert state(doc) == before

    key = table.allocate_key()
    inverse = doc.apply(InsertRows("p", ((2, RowData(key, {"name": "新项目", "completed": 3.0})),)))
    assert table.keys[2] == key and table.value(key, "name") == "新项目"
    doc.apply(inverse)
    assert state(doc) == before
    assert table.allocate_key() != key  # keys are never reused


def test_review_edit_and_its_log():
    doc = small_doc()
    inverse = doc.apply(SetReview("p", "r2", status="退回", comment="请补充依据"))
    assert doc.table("p").mark("r2").status == "退回"
    assert [e.action for e in doc.change_log] == ["审核状态", "批注"]
    doc.apply(inverse)
    assert doc.table("p").mark("r2").is_default
    with pytest.raises(EditError):
        doc.apply(SetReview("p", "r2", status="通过"))


def test_compound_is_all_or_nothing():
    doc = small_doc()
    before = state(doc)
    bad = Compound(
        (
            SetCells("p", (CellChange("r1", "name", "改名"),)),
            SetCells("p", (CellChange("r2", "completed", "x"),)),
        )
    )
    with pytest.raises(EditError):
        doc.apply(bad)
    assert state(doc) == before


def test_history_undo_redo_labels_and_modified_flag():
    doc = small_doc()
    history = EditHistory(doc)
    assert not history.modified and not history.can_undo
    history.do(SetCells("p", (CellChange("r1", "name", "甲"),), label="修改项目名称"))
    history.do(DeleteRows("p", ("r2",)))
    history.do(SetReview("p", "r1", "已审"))
    assert history.modified
    assert history.undo_label == "审核标记"
    history.mark_saved()
    assert not history.modified
    assert history.undo() and history.undo()
    assert history.modified
    assert doc.table("p").keys[1] == "r2"
    assert history.redo_label == "删除行"
    assert history.redo() and history.redo()
    assert not history.modified  # back at the saved state
    assert not history.redo()
    history.undo()
    history.do(SetCells("p", (CellChange("r1", "name", "乙"),)))
    assert history.modified and not history.can_redo
    # undo/redo go through the same path, so they are in the change log too
    assert any(e.reason == "撤销" for e in doc.change_log)


def test_batch_notifies_once_per_table():
    doc = small_doc()
    events: list[TableChanged] = []
    doc.subscribe(events.append)
    with doc.batch():
        for key in ("r1", "r2", "r3"):
            doc.apply(SetCells("p", (CellChange(key, "completed", 1.0),)))
        doc.apply(SetCells("i", (CellChange("r1", "actual", 5.0),)))
    assert len(events) == 2
    projects = next(e for e in events if e.table == "p")
    assert projects.keys == frozenset({"r1", "r2", "r3"}) and projects.columns == frozenset(
        {"completed"}
    )
    events.clear()
    doc.apply(DeleteRows("p", ("r1",)))
    assert events == [TableChanged("p", None, None, True)]


# ---- property: any sequence of edits undoes back to the start and redoes to the end ----
_names = st.text(alphabet="甲乙丙丁项目工程ABC 12", min_size=0, max_size=8)
_money = st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))


@st.composite
def edit_script(draw):
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["set", "set_many", "insert", "delete", "review"]),
                st.integers(0, 50),
                _names,
                _money,
                st.sampled_from(["待审", "已审", "存疑", "退回"]),
            ),
            min_size=1,
            max_size=25,
        )
    )


def _edit_for(doc, op, n, text, number, status):
    table = doc.table("p")
    if not table.keys and op != "insert":
        op = "insert"
    key = table.keys[n % len(table.keys)] if table.keys else None
    if op == "set":
        return SetCells("p", (CellChange(key, "name", text),))
    if op == "set_many":
        keys = table.keys[: 1 + n % len(table.keys)]
        return SetCells("p", tuple(CellChange(k, "completed", number) for k in keys))
    if op == "insert":
        return InsertRows(
            "p", ((n % (len(table.keys) + 1), RowData(table.allocate_key(), {"name": text})),)
        )
    if op == "delete":
        return DeleteRows("p", (key,))
    return SetReview("p", key, status, text)


@settings(max_examples=60, deadline=None)
@given(edit_script())
def test_any_edit_sequence_undoes_and_redoes(script):
    doc = small_doc()
    history = EditHistory(doc)
    start = state(doc)
    for op in script:
        history.do(_edit_for(doc, *op))
    end = state(doc)
    while history.undo():
        pass
    assert state(doc) == start
    while history.redo():
        pass
    assert state(doc) == end
