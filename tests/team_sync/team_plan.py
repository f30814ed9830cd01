"""One team archive on a PostgreSQL server: a project plan as a version, a lead and
reviewers, each their own login role made by the archive's `add_role`, assigned sectors of
the plan (used by the tests and by bench/bench_team.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import psycopg
import sqlalchemy as sa

from tests.archive import pg_server
from tests.team_sync.plans import SECTORS, TABLE, keys_of_sector, project_plan
from workbench.core.document import PlanDocument
from workbench.io.archive.store import Archive, NewVersion
from workbench.io.archive.team_commands import add_role, assign
from workbench.io.archive.team_connect import open_server

PLAN_ROWS = 100_000
# Eight reviewers, two to a sector (so their changes collide).
EIGHT = {f"rev{n}": [SECTORS[n % len(SECTORS)]] for n in range(8)}


@dataclass
class TeamPlan:
    server: pg_server.Server
    database: str
    version_id: int
    document: PlanDocument  # the plan as archived (read-only: the audit's base values)
    roles: dict[str, list[str]] = field(default_factory=dict)  # role → its sectors

    def url(self, role: str, port: int | None = None) -> str:
        return f"postgresql://{role}@127.0.0.1:{port or self.server.port}/{self.database}"

    @property
    def admin_url(self) -> str:
        return self.url("workbench")

    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.server.port} user=workbench dbname={self.database}"

    def rows_of(self, role: str) -> list[str]:
        return [k for s in self.roles[role] for k in keys_of_sector(self.document, s)]

    def rows_not_of(self, role: str) -> list[str]:
        return [
            k
            for s in SECTORS
            if s not in self.roles[role]
            for k in keys_of_sector(self.document, s)
        ]


def archive_plan(server, rows: int) -> tuple[str, int, PlanDocument]:
    """A new database holding `rows` projects as one version; its name, the version id
    and the document."""
    from workbench.io.native import plan_json

    url = server.new_database()
    doc = project_plan(rows)
    source = plan_json.dumps(doc).encode("utf-8")
    with Archive.open(url) as archive:
        info = archive.add(
            NewVersion(
                year=2024,
                label="送审稿",
                source_name="重点项目计划.json",
                source_format="json",
                source=source,
                document=doc,
                author="管理员",
            )
        )
    return sa.engine.make_url(url).database, info.id, doc


def make_team(server, rows: int, sectors_of: dict[str, list[str]], lead: str = "") -> TeamPlan:
    """Roles named by `sectors_of` (plus a lead when named), each assigned its sectors."""
    database, version_id, doc = archive_plan(server, rows)
    plan = TeamPlan(server, database, version_id, doc)
    tag = uuid.uuid4().hex[:6]
    admin = open_server(plan.admin_url)
    try:
        if lead:
            add_role(admin, f"{lead}_{tag}", lead=True)
            plan.roles[f"{lead}_{tag}"] = list(SECTORS)
        for name, sectors in sectors_of.items():
            add_role(admin, f"{name}_{tag}")
            plan.roles[f"{name}_{tag}"] = sectors
            for sector in sectors:
                assign(admin, version_id, TABLE, f"{name}_{tag}", sector=sector)
    finally:
        admin.close()
    return plan


def log_of(plan: TeamPlan) -> list[tuple]:
    with psycopg.connect(plan.admin_dsn()) as conn:
        return conn.execute(
            "SELECT change_id, row_key, field, expected, value, outcome, who FROM team_log"
            " WHERE version_id = %s ORDER BY id",
            (plan.version_id,),
        ).fetchall()
