"""A PostgreSQL server of the team-sync tests' own (the kill test stops it dead and starts
it again), and on it the 100k-row plan the reviewers share (team_plan.py). Without the
server binaries these tests skip, saying why."""

from __future__ import annotations

import pytest

from tests.archive import pg_server
from tests.team_sync.server import RestartableServer
from tests.team_sync.team_plan import EIGHT, PLAN_ROWS, TeamPlan, make_team


@pytest.fixture(scope="session")
def sync_server():
    binaries = pg_server.find_binaries()
    if binaries is None:
        pytest.skip(pg_server.MISSING)
    server = RestartableServer(binaries).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def big_plan(sync_server) -> TeamPlan:
    """The 100k-row plan eight reviewers (two to a sector, so their changes collide) and a
    lead share; one per test run: archiving it takes seconds."""
    return make_team(sync_server, PLAN_ROWS, EIGHT, lead="lead")
