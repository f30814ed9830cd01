"""A write that does not finish leaves the archive exactly as it was: one transaction per
version, whether the process is killed, the disk fills, or the write fails half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.archive import helpers
from workbench.app import archive
from workbench.io.archive import rows
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.store import Archive
from workbench.io.opener import sample_plan_path

ROOT = Path(__file__).resolve().parents[2]

# Adds the sample as a new version, but stops half-way through its project rows (inside the
# transaction) and says so in a file, then waits to be killed.
CHILD = """
import sys, time
from pathlib import Path
from workbench.app import archive
from workbench.io.archive import rows

real = rows.table_rows

def stalling(doc, table, vtable_id):
    for index, row in enumerate(real(doc, table, vtable_id)):
        if index == 400 and str(table.kind) == "projects":
            Path(sys.argv[2]).write_text("half-way")
            time.sleep(300)
        yield row

rows.table_rows = stalling
archive.add_file(sys.argv[1], sys.argv[3], label="修订稿")
"""


def _counts(db_url: str) -> dict[str, int]:
    with Archive.open(db_url) as store, store.connection.reading() as conn:
        return {
            name: conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar()
            for name in ("plans", "versions", "documents", "changes", "version_tables", "entries")
        }


def test_a_process_killed_mid_write_leaves_the_archive_as_before(db_url, tmp_path):
    kept = archive.save_document(db_url, helpers.with_actual(8.0), label="报送稿")
    before = _counts(db_url)
    marker = tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, db_url, str(marker), str(sample_plan_path())],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, child.stderr.read().decode(errors="replace")[-2000:]
            assert time.monotonic() < deadline, "the child never reached its write"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stderr.close()
    assert _counts(db_url) == before
    assert [v.id for v in archive.list_versions(db_url)] == [kept.id]
    # nothing is left locked: the next save goes through
    archive.add_file(db_url, sample_plan_path(), label="修订稿")
    assert len(archive.list_versions(db_url)) == 2


def test_a_write_failing_half_way_is_undone_whole(db_url, monkeypatch):
    archive.add_file(db_url, sample_plan_path(), label="报送稿")
    before = _counts(db_url)
    real = rows.table_rows

    def failing(doc, table, vtable_id):
        for index, row in enumerate(real(doc, table, vtable_id)):
            if index == 300 and str(table.kind) == "projects":
                row = (*row[:2], None, *row[3:])  # a row without its key: the database refuses it
            yield row

    monkeypatch.setattr(rows, "table_rows", failing)
    with pytest.raises(ArchiveProblem) as failed:
        archive.add_file(db_url, sample_plan_path(), label="修订稿")
    assert "\n" not in str(failed.value) and str(failed.value).startswith("计划库“")
    assert _counts(db_url) == before


def test_a_full_disk_is_reported_and_undone(tmp_path, engine_name):
    if engine_name != "sqlite":
        pytest.skip(
            "a full disk is simulated with SQLite's page limit; the server's own disk is not ours to fill"
        )
    location = tmp_path / "archive.sqlite"
    archive.add_file(location, sample_plan_path(), label="报送稿")
    before = _counts(str(location))
    store = Archive.open(location)
    engine = store.connection.engine
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()

    def limit(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 20}")

    sa.event.listen(engine, "connect", limit)
    from workbench.io.archive.store import NewVersion

    doc = helpers.sample()
    with pytest.raises(ArchiveProblem, match="磁盘空间不足"):
        store.add(
            NewVersion(
                2022, "修订稿", "x.xlsx", "native", sample_plan_path().read_bytes(), doc, "甲"
            )
        )
    store.close()
    assert _counts(str(location)) == before
