"""One team archive per test module on the suite's PostgreSQL server: the sample plan as
version 1, a lead and two reviewers, each their own login role with a password (reviewer A
assigned the 2021 indicator table, reviewer B one sector of the 2021 project list).

The suite's server trusts every local login; for the team it is told to ask every role but
the administrator for its password (scram-sha-256), as a commission's server would, so a
wrong password and an expired role are refused as they would be there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from workbench.app import archive
from workbench.io.archive.team_commands import add_role, assign
from workbench.io.archive.team_connect import open_server
from workbench.io.opener import sample_plan_path

INDICATORS = "indicators_2021"
PROJECTS = "projects_2021"
SECTOR = "科技创新"
PASSWORD = "密码-Secret-1"

_HBA = """# written by tests/archive/team: the administrator is trusted, every other role
# gives its password
local all workbench trust
host all workbench 127.0.0.1/32 trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
"""


@pytest.fixture(scope="session")
def team_server(postgres_server):
    hba = Path(postgres_server.data) / "pg_hba.conf"
    if hba.read_text() != _HBA:
        stat = hba.stat()
        hba.write_text(_HBA)
        import os

        os.chown(hba, stat.st_uid, stat.st_gid)
        done = postgres_server._run("pg_ctl", "-D", str(postgres_server.data), "reload")
        assert done.returncode == 0, done.stderr
    return postgres_server


@dataclass
class Team:
    server: object
    admin_url: str  # the administrator (the archive's owner, CREATEROLE)
    database: str
    version_id: int
    lead: str
    ann: str  # reviewer A: the 2021 indicator table
    bob: str  # reviewer B: one sector of the 2021 project list

    def url(self, role: str, password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{role}{secret}@127.0.0.1:{self.server.port}/{self.database}"

    def plain(self, role: str, password: str = PASSWORD) -> psycopg.Connection:
        """A plain SQL connection as `role` (what anyone could do with psql)."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.server.port,
            user=role,
            password=password,
            dbname=self.database,
            autocommit=True,
        )

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.server.port,
            user="workbench",
            dbname=self.database,
            autocommit=True,
        )


def make_team(server, tag: str) -> Team:
    admin_url = server.new_database()
    database = sa.engine.make_url(admin_url).database
    version = archive.add_file(admin_url, sample_plan_path(), label="报送稿")
    suffix = uuid.uuid4().hex[:6]
    team = Team(
        server,
        admin_url,
        database,
        version.id,
        f"lead_{tag}_{suffix}",
        f"ann_{tag}_{suffix}",
        f"bob_{tag}_{suffix}",
    )
    admin = open_server(admin_url)
    try:
        add_role(admin, team.lead, lead=True, password=PASSWORD)
        add_role(admin, team.ann, password=PASSWORD)
        add_role(admin, team.bob, password=PASSWORD)
    finally:
        admin.close()
    lead = open_server(team.url(team.lead))
    try:
        assign(lead, team.version_id, INDICATORS, team.ann)
        assign(lead, team.version_id, PROJECTS, team.bob, sector=SECTOR)
    finally:
        lead.close()
    return team


@pytest.fixture(scope="module")
def team(team_server, request) -> Team:
    return make_team(team_server, request.module.__name__.rsplit("_", 1)[-1][:8])
