"""The server dies mid-sync (SIGKILL to the postmaster and its backends, as a power cut
would leave it) and is started again: the workstation goes offline with the rest of its
queue intact, and the next sync pushes it — every change on the server exactly once, each
field's revision counting each change once, the last value the one the reviewer typed."""

from __future__ import annotations

import json
import threading
import time

import psycopg
import pytest

from tests.archive import pg_server
from tests.team_sync.plans import TABLE
from tests.team_sync.proxy import Cable
from tests.team_sync.server import RestartableServer
from tests.team_sync.team_plan import log_of, make_team
from workbench.app.team_open import open_session
from workbench.core.edits import CellChange, SetCells

CHANGES = 1200  # three pushes of 500: the server dies after the first


@pytest.fixture
def doomed_server():
    """A server of this test's own: the others' must not die with it."""
    binaries = pg_server.find_binaries()
    if binaries is None:
        pytest.skip(pg_server.MISSING)
    server = RestartableServer(binaries).start()
    yield server
    server.stop()


def logged(plan) -> int:
    with psycopg.connect(plan.admin_dsn(), connect_timeout=5) as conn:
        return conn.execute(
            "SELECT count(*) FROM team_log WHERE version_id = %s", (plan.version_id,)
        ).fetchone()[0]


def test_a_server_killed_mid_sync_loses_nothing_and_applies_nothing_twice(doomed_server, tmp_path):
    plan = make_team(doomed_server, 2000, {}, lead="lead")
    with psycopg.connect(plan.admin_dsn(), autocommit=True) as conn:
        # the suite's server trades durability for speed; this database commits for real
        conn.execute(f'ALTER DATABASE "{plan.database}" SET synchronous_commit = on')
    lead = next(iter(plan.roles))
    cable = Cable(doomed_server.port)
    url = plan.url(lead, port=cable.port)
    local = tmp_path / "lead.sqlite"
    open_session(url, plan.version_id, local).close()
    cable.cut()
    session = open_session(url, plan.version_id, local)
    try:
        assert not session.online
        keys = list(plan.document.tables[TABLE].keys)
        typed: dict[tuple[str, str], list[float]] = {}
        for start in range(0, CHANGES, 100):  # pastes of 100 cells: 200 fields, each 3 times
            cells = []
            for n in range(start, start + 100):
                key, column = keys[n % 100], ("completed", "annual_plan")[n // 100 % 2]
                cells.append(CellChange(key, column, n + 0.25))
                typed.setdefault((key, column), []).append(n + 0.25)
            session.document.apply(SetCells(TABLE, tuple(cells), label="粘贴"))
        assert session.pending == CHANGES
        cable.mend()

        reports = []
        syncing = threading.Thread(target=lambda: reports.append(session.sync()))
        syncing.start()
        deadline = time.monotonic() + 300
        while logged(plan) == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        doomed_server.kill()
        syncing.join(timeout=300)
        assert reports and reports[0].online is False  # cut off, and said so
        assert 0 < session.pending < CHANGES

        doomed_server.restart()
        report = session.sync()
        assert report.online and session.pending == 0
        assert not session.conflicts and not session.refused
    finally:
        session.close()
        cable.close()

    log = log_of(plan)
    ids = [row[0] for row in log]
    assert len(ids) == len(set(ids)) == CHANGES
    assert {row[5] for row in log} == {"applied"}
    with psycopg.connect(plan.admin_dsn()) as conn:
        live = {
            (r, f): (json.loads(v), rev)
            for r, f, v, rev in conn.execute(
                "SELECT row_key, field, value, rev FROM live_values WHERE version_id = %s",
                (plan.version_id,),
            )
        }
    assert live == {key: (values[-1], len(values)) for key, values in typed.items()}
