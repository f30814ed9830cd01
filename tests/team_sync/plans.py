"""Plans for the team tests, built by the core's own table API: a project list of any size
(sectors in turn, so assignments by sector split it evenly) and its document."""

from __future__ import annotations

from workbench.core.document import PlanDocument
from workbench.core.table import Table

SECTORS = ("科技创新", "产业提升", "城市提升", "生态能源")
TABLE = "projects"


def project_plan(rows: int, year: int = 2024) -> PlanDocument:
    table = Table(id=TABLE, kind="projects", title="重点项目表", year=year)
    table.bulk_append(
        [
            {
                "name": f"示范项目{n}号",
                "sector": SECTORS[n % len(SECTORS)],
                "funding": "政府投资" if n % 3 else "企业投资",
                "total_investment": float(10 + n % 90),
                "annual_plan": float(1 + n % 9),
                "completed": float(n % 5),
                "nature": "续建",
                "completion_rate": None,
                "owner": f"业主单位{n % 7}",
                "district": None,
                "note": None,
            }
            for n in range(rows)
        ]
    )
    doc = PlanDocument(region="示范市", plan_year=year, title=f"{year}年重点项目计划")
    doc.add_table(table)
    return doc


def keys_of_sector(doc: PlanDocument, sector: str) -> list[str]:
    table = doc.tables[TABLE]
    return [k for k in table.keys if table.rows[k]["sector"] == sector]
