"""Adding versions and reading them back, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib

import pytest

from tests.archive import helpers
from tests.io.annex_fixtures import execution_annex, rows_workbook
from workbench.app import archive
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.store import Archive
from workbench.io.opener import sample_plan_path


def test_add_then_export_gives_the_same_bytes(db_url, tmp_path):
    source = sample_plan_path()
    info = archive.add_file(db_url, source, label="报送稿", note="部门报送")
    assert (info.year, info.label, info.region) == (2022, "报送稿", "重庆市")
    assert info.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "back.xlsx"
    archive.export(db_url, info.id, out)
    assert out.read_bytes() == source.read_bytes()
    detail = archive.show(db_url, info.id)
    assert [t.rows for t in detail.tables] == [36, 35, 861, 850]
    assert detail.version.note == "部门报送"


def test_saving_always_adds_a_version_and_keeps_the_old_one(db_url):
    first = archive.save_document(db_url, helpers.with_actual(8.1), label="报送稿")
    second = archive.save_document(db_url, helpers.with_actual(8.5), label="修订稿")
    listed = archive.list_versions(db_url)
    assert [v.id for v in listed] == [second.id, first.id]  # newest first
    assert [v.id for v in archive.list_versions(db_url, 2022)] == [second.id, first.id]
    assert archive.list_versions(db_url, 2019) == []
    old, _ = archive.open_version(db_url, first.id)
    key = helpers.row_named(old, "indicators_2021", helpers.GDP)
    assert old.tables["indicators_2021"].rows[key]["actual"] == 8.1


def test_the_change_log_comes_back_typed(db_url):
    doc = helpers.with_actual(7.9)
    info = archive.save_document(db_url, doc, label="修订稿")
    with Archive.open(db_url) as store:
        log = store.change_log(info.id)
    assert log == doc.change_log
    assert (log[0].user, log[0].column, log[0].new) == ("审核员甲", "actual", 7.9)
    assert archive.show(db_url, info.id).changes == 1


def test_an_approved_version_cannot_be_changed(db_url):
    info = archive.add_file(db_url, sample_plan_path(), label="审定稿")
    approved = archive.approve(db_url, info.id)
    assert approved.approved and approved.approved_by
    with pytest.raises(ArchiveProblem, match="已审定"):
        archive.approve(db_url, info.id)
    _, opened = archive.open_version(db_url, info.id)
    assert opened.approved


def test_a_missing_version_is_named(db_url):
    archive.init(db_url)
    with pytest.raises(ArchiveProblem, match="没有编号为 42 的版本"):
        archive.show(db_url, 42)


def test_diff_of_two_versions_uses_the_compare_engine(db_url):
    old = archive.save_document(db_url, helpers.with_actual(8.3), label="报送稿")
    new = archive.save_document(db_url, helpers.with_actual(9.0), label="修订稿")
    payload = archive.diff(db_url, old.id, new.id).payload()
    assert {"name": helpers.GDP, "field": "actual", "old": 8.3, "new": 9.0}.items() <= next(
        c for c in payload["changed"] if c["name"] == helpers.GDP
    ).items()
    assert payload["old_version"]["id"] == old.id and payload["new_version"]["label"] == "修订稿"
    assert not payload["added"] and not payload["removed"]


def test_series_follows_a_renamed_indicator(db_url):
    archive.save_document(db_url, helpers.sample(), label="审定稿")
    archive.save_document(db_url, helpers.next_year_renamed("地区生产总值增速"), label="报送稿")
    found = archive.series(db_url, "地区生产总值增速")
    assert [p.year for p in found.points] == [2021, 2022, 2023]
    assert found.points[0].name == helpers.GDP and found.points[-1].name == "地区生产总值增速"
    assert found.points[0].actual == 8.3 and found.points[0].status == "完成"
    assert found.points[0].unit == "%"
    # asked by the old name, the same series
    assert archive.series(db_url, helpers.GDP).to_dict() == {
        **found.to_dict(),
        "indicator": helpers.GDP,
    }
    assert [p.year for p in archive.series(db_url, helpers.GDP, 2022, 2022).points] == [2022]


def test_a_folder_of_past_years_is_filed_by_year_and_label(db_url, tmp_path):
    folder = tmp_path / "历年"
    folder.mkdir()
    execution_annex(folder / "2021年计划执行情况（审定稿）.xlsx")
    rows_workbook(folder / "说明.xlsx", [["这个文件没有表格"]])
    (folder / "备忘.txt").write_text("不是表格", encoding="utf-8")
    execution_annex(folder / "2021年执行情况.xlsx")
    found = archive.add_folder(db_url, folder, label="报送稿")
    assert [(v.year, v.label) for v in found.added] == [(2021, "报送稿"), (2021, "审定稿")]
    reasons = {u.file: u.reason for u in found.unplaced}
    assert set(reasons) == {"说明.xlsx", "备忘.txt"}
    assert "指标表或项目表" in reasons["说明.xlsx"]
    again = archive.add_folder(db_url, folder, label="报送稿")
    assert not again.added  # nothing filed twice
    assert len(archive.list_versions(db_url)) == 2


def test_query_rows_keep_tabs_newlines_backslashes_and_full_precision(db_url):
    """PostgreSQL receives the rows as COPY text: its escapes must not change a name or
    a figure."""
    from workbench.core.edits import CellChange, SetCells
    from workbench.core.keys import match_key

    doc = helpers.sample()
    key = helpers.row_named(doc, "indicators_2021", helpers.GDP)
    odd = "地区生产总值\t增长\\N（含\\t新口径）\r\n第二行"
    change = (CellChange(key, "name", odd), CellChange(key, "actual", 0.1 + 0.2))
    doc.apply(SetCells("indicators_2021", change))
    archive.save_document(db_url, doc, label="报送稿")
    with Archive.open(db_url) as store:
        found = store.indicator_rows({match_key(odd)})
    assert [(r.name, r.actual) for r in found] == [(odd, 0.1 + 0.2)]
    assert found[0].unit == "%"


def test_a_server_archive_has_statistics_of_the_rows_just_added(postgres_server):
    """A fresh COPY leaves PostgreSQL without statistics until autovacuum comes round; the
    add gathers them, so a series is planned for the table as it is."""
    url = postgres_server.new_database()
    info = archive.save_document(url, helpers.sample(), label="报送稿")
    rows = sum(t.rows for t in archive.show(url, info.id).tables)
    with Archive.open(url) as store, store.connection.reading() as conn:
        counted = conn.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE relname = 'entries'"
        ).scalar()
        name_keys = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'entries' AND attname = 'name_key'"
        ).scalar()
    assert counted == rows
    assert name_keys == 1
