"""Native plan file: save → open gives the identical document; saving is atomic."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core import provenance as prov
from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.document import PlanDocument, ReadWarning
from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.core.metadata import TableMeta
from workbench.core.properties import DocumentProperties, ImportOrigin
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
def origins(draw):
    skipped = draw(st.dictionaries(text, text, max_size=2))
    return ImportOrigin(
        draw(st.sampled_from(["", "C:\\审核\\部门原表.xlsx", "/home/a/原表.xls"])),
        draw(st.sampled_from(["xlsx", "xls", "csv"])),
        skipped,
        tuple(draw(st.lists(text, max_size=3))),
    )


@st.composite
def crosswalks(draw):
    entries = st.dictionaries(text, st.one_of(st.none(), text.filter(str.strip)), max_size=2)
    return Crosswalk(sector=draw(entries), name=draw(entries))


@st.composite
def documents(draw):
    doc = PlanDocument(
        region=draw(text),
        exec_year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
        plan_year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
        title=draw(text),
        properties=DocumentProperties(
            origin=draw(st.one_of(st.none(), origins())),
            created=draw(st.sampled_from(["", "2022-01-05T09:30:00"])),
            crosswalk=draw(st.one_of(st.none(), crosswalks())),
            extra={"note": draw(text)},
        ),
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


def _with_properties(tmp_path, sample_doc, monkeypatch, properties):
    """A plan saved with `properties` written as an older (or tampered) file had them."""
    path = tmp_path / "old.xlsx"
    real = plan_json.encode

    def encode(data):
        data["document"]["properties"] = properties
        return real(data)

    monkeypatch.setattr(plan_json, "encode", encode)
    save_plan(sample_doc, path)
    monkeypatch.undo()
    return path


def test_a_file_with_the_old_flat_properties_still_opens_typed(tmp_path, sample_doc, monkeypatch):
    flat = {
        "source_format": "xlsx",
        "source_path": "D:\\计划\\部门原表.xlsx",
        "skipped_sheets": {"填报说明": "没有表头"},
        "all_sheets": ["填报说明", "附件1"],
        "created": "2022-01-05T09:30:00",
        "crosswalk": {"sector": {"生态能源": "生态环保"}, "name": {}},
        "rolled_from": {"year": 2021, "title": "2021年计划"},
        "sample": True,
    }
    doc = load_plan(_with_properties(tmp_path, sample_doc, monkeypatch, flat))
    props = doc.properties
    assert props.origin == ImportOrigin(
        "D:\\计划\\部门原表.xlsx", "xlsx", {"填报说明": "没有表头"}, ("填报说明", "附件1")
    )
    assert props.created == "2022-01-05T09:30:00"
    assert props.crosswalk.map("sector", "生态能源") == "生态环保"
    assert (props.rolled_from.year, props.rolled_from.title) == (2021, "2021年计划")
    assert props.extra == {"sample": True}
    # saved again, it is written in the typed form and reads back the same
    again = plan_json.loads(plan_json.dumps(doc))
    assert again.properties == props
    assert "source_path" not in plan_json.document_to_data(doc)["document"]["properties"]


@pytest.mark.parametrize(
    "properties",
    [{"origin": {"path": 7}}, {"origin": {"skipped_sheets": ["a"]}}, {"rolled_from": {}}, [1]],
)
def test_tampered_properties_are_a_file_problem(tmp_path, sample_doc, monkeypatch, properties):
    path = _with_properties(tmp_path, sample_doc, monkeypatch, properties)
    with pytest.raises(FileProblem, match="类型不对") as info:
        load_plan(path)
    assert info.value.sheet == "_workbench" and "old.xlsx" in str(info.value)
