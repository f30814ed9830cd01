"""Native plan file: save → open gives the identical document; saving is atomic."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core import provenance as prov
from workbench.core.document import PlanDocument, ReadWarning
from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.core.metadata import TableMeta
from workbench.core.review import REVIEW_STATUSES, ReviewMark
from workbench.core.schema import TableKind, fields_for
from workbench.core.table import CellSource, Table
from workbench.io.errors import FileProblem
from workbench.io.native import plan_json
from workbench.io.native.plan_file import is_native, load_plan, save_plan

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
maybe_text = st.one_of(st.none(), text)
number = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64))


def value_for(spec):
    if spec.type == "number":
        return number
    if spec.type == "integer":
        return st.one_of(st.none(), st.integers(-(10**9), 10**9))
    if spec.type == "choice":
        return st.one_of(st.none(), st.sampled_from(spec.choices))
    return maybe_text


@st.composite
def tables(draw, index):
    kind = draw(st.sampled_from(list(TableKind)))
    table = Table(
        id=f"t{index}",
        kind=kind,
        title=draw(text.filter(lambda t: t.strip())) + f"#{index}",
        sheet_name=draw(st.sampled_from(["表", "Sheet1", "a[1]:*?", "_workbench", "x" * 40])),
        year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
        unit=draw(st.sampled_from([None, "亿元", "万元", "%"])),
        default_provenance=draw(st.sampled_from(prov.PROVENANCES)),
        notes=draw(st.lists(text, max_size=2)),
        meta=TableMeta(source="t0", by="sector", partition=draw(st.booleans()))
        if kind == "summary"
        else TableMeta(),
        source=draw(
            st.one_of(st.none(), st.just(CellSource("原表.xlsx", "Sheet1", (3, 4), {"name": 2})))
        ),
    )
    specs = [f for f in fields_for(kind) if not f.derived]
    for _ in range(draw(st.integers(0, 6))):
        values = {f.key: draw(value_for(f)) for f in specs}
        provenance = {
            c: draw(st.sampled_from(prov.PROVENANCES))
            for c in draw(st.lists(st.sampled_from([f.key for f in specs]), max_size=2))
        }
        mark = ReviewMark(draw(st.sampled_from(REVIEW_STATUSES)), draw(text))
        key = table.append(values, provenance, mark)
        if draw(st.booleans()):
            table.row_source[key] = draw(st.integers(1, 10**6))
    return table


@st.composite
def documents(draw):
    doc = PlanDocument(
        region=draw(text),
        exec_year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
        plan_year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
        title=draw(text),
        properties={"note": draw(text)},
    )
    for i in range(draw(st.integers(0, 3))):
        doc.add_table(draw(tables(i)))
    doc.warnings = (
        [ReadWarning(draw(text), "a.xlsx", "Sheet1", "B7")] if draw(st.booleans()) else []
    )
    # a few real edits so the change log is populated through the edit path
    for table in doc.tables.values():
        if table.keys and table.kind is not TableKind.SUMMARY:
            doc.apply(
                SetCells(table.id, (CellChange(table.keys[0], "name", draw(text)),)), user="审核员"
            )
            doc.apply(SetReview(table.id, table.keys[0], "已审", draw(text)), user="审核员")
    return doc


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_save_then_open_gives_the_identical_document(tmp_path, doc):
    path = tmp_path / "plan.xlsx"
    save_plan(doc, path)
    assert is_native(path)
    again = load_plan(path)
    assert plan_json.document_to_data(again) == plan_json.document_to_data(doc)


def test_sample_plan_round_trips_and_opens_in_excel_terms(tmp_path, sample_doc):
    path = tmp_path / "样例.xlsx"
    save_plan(sample_doc, path)
    again = load_plan(path)
    assert plan_json.document_to_data(again) == plan_json.document_to_data(sample_doc)
    import openpyxl

    book = openpyxl.load_workbook(path)
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == [t.sheet_name for t in sample_doc.tables.values()] + ["修订记录", "审核意见"]
    assert book["_workbench"].sheet_state == "hidden"
    sheet = book[visible[0]]
    assert "主要指标执行情况" in str(sheet["A2"].value)  # merged title below the 附件 label
    assert sheet.print_title_rows  # header rows repeat on every page


def test_save_is_atomic_when_writing_fails(tmp_path, sample_doc, monkeypatch):
    path = tmp_path / "plan.xlsx"
    save_plan(sample_doc, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("磁盘已满")

    monkeypatch.setattr("workbench.io.writing.workbook_writer.write_table", boom)
    with pytest.raises(OSError):
        save_plan(sample_doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]  # no temporary left behind


def test_newer_version_is_refused_with_a_clear_message(tmp_path, monkeypatch, sample_doc):
    path = tmp_path / "new.xlsx"
    monkeypatch.setattr(plan_json, "VERSION", 99)
    save_plan(sample_doc, path)
    monkeypatch.setattr(plan_json, "VERSION", 1)
    with pytest.raises(FileProblem, match="更新版本") as info:
        load_plan(path)
    assert "new.xlsx" in str(info.value)


def test_damaged_document_data_is_reported_not_raised(tmp_path, sample_doc, monkeypatch):
    path = tmp_path / "bad.xlsx"
    monkeypatch.setattr(
        plan_json,
        "encode",
        lambda data: '{"format": "plan-workbench", "version": 1, "tables": [{"id"',
    )
    save_plan(sample_doc, path)
    monkeypatch.undo()
    with pytest.raises(FileProblem, match="损坏") as info:
        load_plan(path)
    assert info.value.sheet == "_workbench"


def test_formula_looking_text_stays_text(tmp_path):
    doc = PlanDocument(title="公式")
    table = Table(id="p", kind="projects", title="项目")
    table.append(
        {"name": '=HYPERLINK("http://x")', "owner": "+86", "note": "-2%", "district": "@区"}
    )
    doc.add_table(table)
    path = tmp_path / "f.xlsx"
    save_plan(doc, path)
    import openpyxl

    sheet = openpyxl.load_workbook(path)["项目"]
    values = {c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    assert '=HYPERLINK("http://x")' in values and "-2%" in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert load_plan(path).table("p").value("r1", "name") == '=HYPERLINK("http://x")'


def test_plain_xlsx_is_not_native(tmp_path):
    import xlsxwriter

    path = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Sheet1").write(0, 0, "指标")
    book.close()
    assert not is_native(path)
    with pytest.raises(FileProblem, match="不是计划审核工作台文档"):
        load_plan(path)
