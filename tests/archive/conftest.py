"""Every archive test runs twice: on an embedded SQLite file, and on a real PostgreSQL server
this session starts itself (pg_server.py); without the server binaries that half skips,
saying why."""

from __future__ import annotations

import pytest

from tests.archive import pg_server


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """No archive named by the machine's environment or by its user's window settings."""
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="session")
def postgres_server():
    binaries = pg_server.find_binaries()
    if binaries is None:
        pytest.skip(pg_server.MISSING)
    server = pg_server.Server(binaries).start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_name(request) -> str:
    return request.param


@pytest.fixture
def db_url(engine_name, tmp_path, request) -> str:
    """An empty archive location on the engine of this run."""
    if engine_name == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite'}"
    return request.getfixturevalue("postgres_server").new_database()
