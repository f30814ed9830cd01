"""Opening an archive: migrations from the first schema, and one clear message for each kind
of unusable database (newer schema, foreign database, damaged file, refused connection)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.archive import helpers
from workbench.app import archive
from workbench.io.archive import schema
from workbench.io.archive.connection import (
    ArchiveProblem,
    _engine,
    _parsed,
    head_revision,
    migrate,
    schema_revision,
)
from workbench.io.opener import sample_plan_path


def _raw_engine(url: str) -> sa.engine.Engine:
    return _engine(_parsed(url))


def test_an_archive_of_the_first_schema_is_upgraded_on_open(db_url):
    engine = _raw_engine(db_url)
    with engine.begin() as conn:
        migrate(conn, "0001")
        assert schema_revision(conn) == "0001"
        assert "approved_by" not in {c["name"] for c in sa.inspect(conn).get_columns("versions")}
        conn.execute(
            sa.text(
                "INSERT INTO plans (id, region, year, kind) VALUES (1, '某市', 2019, '年度计划')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO versions (id, plan_id, label, source_name, source_format, sha256,"
                " author, created, note, approved, crosswalk) VALUES (1, 1, '审定稿', 'a.xlsx',"
                " 'xlsx', 'ab', '甲', '2019-12-01T00:00:00', '', TRUE, '{}')"
            )
        )
    engine.dispose()
    listed = archive.list_versions(db_url)
    assert [(v.id, v.year, v.label, v.approved, v.approved_by) for v in listed] == [
        (1, 2019, "审定稿", True, None)
    ]
    engine = _raw_engine(db_url)
    with engine.connect() as conn:
        assert schema_revision(conn) == head_revision()
    engine.dispose()


def test_the_migrations_build_the_schema_the_code_uses(db_url):
    archive.init(db_url)
    engine = _raw_engine(db_url)
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in schema.metadata.sorted_tables:
            built = {c["name"] for c in inspector.get_columns(table.name)}
            assert built == {c.name for c in table.columns}, table.name
            indexes = {i["name"] for i in inspector.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexes, table.name
    engine.dispose()


def test_a_newer_schema_is_refused_untouched(db_url):
    archive.add_file(db_url, sample_plan_path(), label="报送稿")
    engine = _raw_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(ArchiveProblem) as refused:
        archive.list_versions(db_url)
    assert "更新版本的工作台" in str(refused.value) and "0099" in str(refused.value)
    engine = _raw_engine(db_url)
    with engine.connect() as conn:
        assert schema_revision(conn) == "0099"
        assert conn.execute(sa.text("SELECT count(*) FROM versions")).scalar() == 1
    engine.dispose()


def test_a_database_holding_other_tables_is_not_an_archive(db_url):
    engine = _raw_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE payroll (id INTEGER PRIMARY KEY, amount FLOAT)"))
    engine.dispose()
    with pytest.raises(ArchiveProblem, match="不是计划库"):
        archive.init(db_url)
    engine = _raw_engine(db_url)
    with engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) == {"payroll"}
    engine.dispose()


def test_a_damaged_or_foreign_file_is_named(tmp_path):
    foreign = tmp_path / "计划.xlsx"
    foreign.write_bytes(sample_plan_path().read_bytes())
    with pytest.raises(ArchiveProblem) as refused:
        archive.list_versions(foreign)
    assert str(refused.value).startswith(f"计划库“{foreign}”") and "不是计划库文件" in str(
        refused.value
    )
    assert foreign.read_bytes() == sample_plan_path().read_bytes()
    damaged = tmp_path / "archive.sqlite"
    archive.add_file(damaged, sample_plan_path(), label="报送稿")
    data = bytearray(damaged.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's tree, past the header
    damaged.write_bytes(bytes(data))
    with pytest.raises(ArchiveProblem, match="计划库"):
        archive.list_versions(damaged)


def test_a_refused_connection_is_one_line(postgres_server):
    url = postgres_server.url("postgres").replace(f":{postgres_server.port}/", ":1/")
    with pytest.raises(ArchiveProblem) as refused:
        archive.list_versions(url)
    message = str(refused.value)
    assert "无法连接计划库服务器" in message and "127.0.0.1:1" in message
    assert "\n" not in message


def test_a_server_without_the_database_is_named(postgres_server):
    with pytest.raises(ArchiveProblem, match="没有这个数据库"):
        archive.list_versions(postgres_server.url("no_such_archive"))


def test_an_unknown_address_is_refused():
    with pytest.raises(ArchiveProblem, match="只支持"):
        archive.list_versions("mysql://localhost/plans")


def _insert(conn, table: str, **values) -> None:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    conn.execute(sa.text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)


def _fill_as_revision_0002(conn, doc) -> None:
    """One version as the archive of revision 0002 held it: project rows with their names
    and amounts, the document as zlib-packed JSON text."""
    import zlib

    from workbench.core.keys import match_key
    from workbench.io.native import plan_json

    _insert(conn, "plans", id=1, region=doc.region, year=2022, kind="年度计划")
    _insert(
        conn,
        "versions",
        id=1,
        plan_id=1,
        label="报送稿",
        source_name="plan.xlsx",
        source_format="xlsx",
        sha256="ab",
        author="甲",
        created="2022-12-01T00:00:00",
        note="",
        approved=False,
        crosswalk="{}",
    )
    blob = zlib.compress(plan_json.dumps(doc).encode("utf-8"), 6)
    _insert(conn, "documents", version_id=1, source=b"PK", plan=blob)
    indicators = doc.tables["indicators_2021"]
    projects = next(t for t in doc.tables.values() if str(t.kind) == "projects")
    for vtable_id, table in ((1, indicators), (2, projects)):
        _insert(
            conn,
            "version_tables",
            id=vtable_id,
            version_id=1,
            table_id=table.id,
            kind=str(table.kind),
            title=table.title or "",
            sheet=table.sheet_name or "",
            year=table.year,
        )
    for position, key in enumerate(indicators.keys):
        row = indicators.rows[key]
        _insert(
            conn,
            "entries",
            vtable_id=1,
            position=position,
            row_key=key,
            name=row.get("name"),
            name_key=match_key(row["name"]),
            unit=row.get("unit"),
            target=row.get("target"),
            actual=row.get("actual") if isinstance(row.get("actual"), float) else None,
            sector=row.get("category"),
        )
    for position, key in enumerate(projects.keys[:50]):
        row = projects.rows[key]
        _insert(
            conn,
            "entries",
            vtable_id=2,
            position=position,
            row_key=key,
            name=row.get("name"),
            sector=row.get("sector"),
            total_investment=12.5,
            annual_plan=3.25,
            completed=1.0,
        )


def test_an_archive_of_revision_0002_is_compacted_on_open_with_its_data(db_url):
    doc = helpers.with_actual(7.5)
    projects = next(t for t in doc.tables.values() if str(t.kind) == "projects")
    engine = _raw_engine(db_url)
    with engine.begin() as conn:
        migrate(conn, "0002")
        _fill_as_revision_0002(conn, doc)
    engine.dispose()

    [listed] = archive.list_versions(db_url)  # opening upgrades
    assert (listed.id, listed.year, listed.label) == (1, 2022, "报送稿")
    opened, _ = archive.open_version(db_url, 1)
    assert opened.tables[projects.id].keys == projects.keys
    key = helpers.row_named(opened, "indicators_2021", helpers.GDP)
    assert opened.tables["indicators_2021"].rows[key]["actual"] == 7.5
    assert [(p.year, p.actual) for p in archive.series(db_url, helpers.GDP).points] == [
        (2021, 7.5)
    ]  # the table's year
    assert [t.rows for t in archive.show(db_url, 1).tables] == [36, 50]

    engine = _raw_engine(db_url)
    with engine.connect() as conn:
        assert schema_revision(conn) == head_revision()
        inspector = sa.inspect(conn)
        columns = {c["name"] for c in inspector.get_columns("entries")}
        assert {"vtable_id", "position", "row_key", "sector"} <= columns
        assert not columns & {"total_investment", "annual_plan", "completed"}
        kept = conn.execute(
            sa.text(
                "SELECT row_key, sector, name FROM entries WHERE vtable_id = 2 ORDER BY position"
            )
        ).all()
        assert kept == [(k, projects.rows[k].get("sector"), None) for k in projects.keys[:50]]
        names = conn.execute(
            sa.text("SELECT count(name) FROM entries WHERE vtable_id = 1")
        ).scalar()
        assert names == 36
        if conn.dialect.name == "postgresql":
            indexes = {i["name"]: i for i in inspector.get_indexes("entries")}
            assert schema.ENTRIES_BRIN in indexes
            assert not inspector.get_pk_constraint("entries")["constrained_columns"]
    engine.dispose()
