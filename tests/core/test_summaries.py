"""Summary tables: stated figures against their parts and against the project rows."""

from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, SetCells
from workbench.core.metadata import TableMeta
from workbench.core.summaries import compare, computed_groups, parts_vs_total
from workbench.core.table import Table


def summary(partition=True, rows=()):
    table = Table(
        id="s",
        kind="summary",
        title="按板块",
        meta=TableMeta(source="p", by="sector", partition=partition),
    )
    for row in rows:
        table.append(row)
    return table


def test_partition_parts_must_add_up_to_the_total():
    # Chongqing 2022: six 领域, 850 projects and 3570亿 exactly.
    rows = [
        {"group": g, "count": c, "annual_plan": p}
        for g, c, p in [
            ("科技创新", 15, 14),
            ("产业转型升级", 227, 781),
            ("乡村振兴", 33, 113),
            ("城市提升", 352, 2293),
            ("生态环保", 53, 129),
            ("社会民生", 170, 240),
        ]
    ] + [{"group": "合计", "count": 850, "annual_plan": 3570}]
    checks = {c.column: c for c in parts_vs_total(summary(True, rows))}
    assert checks["count"].agrees and checks["annual_plan"].agrees
    rows[0] = {"group": "科技创新", "count": 16, "annual_plan": 14}
    assert not {c.column: c for c in parts_vs_total(summary(True, rows))}["count"].agrees


def test_overlapping_scheme_is_not_flagged():
    # Chongqing 2021's four 板块 cover 3395 of 4093亿: legitimate, not an error.
    rows = [
        {"group": "科技创新", "completed": 370},
        {"group": "成渝地区双城经济圈", "completed": 290},
        {"group": "城市提升", "completed": 2132},
        {"group": "产业提升", "completed": 603},
        {"group": "合计", "completed": 4093},
    ]
    (check,) = parts_vs_total(summary(False, rows))
    assert check.parts == 3395 and check.agrees
    (strict,) = parts_vs_total(summary(True, rows))
    assert not strict.agrees


def test_rounding_gap_is_tolerated():
    rows = [
        {"group": "a", "completed": 846.1},
        {"group": "b", "completed": 1043.3},
        {"group": "合计", "completed": 1889.5},
    ]
    (check,) = parts_vs_total(summary(True, rows))
    assert check.agrees  # 1889.4 vs 1889.5


def test_computed_groups_follow_edits():
    doc = PlanDocument()
    projects = Table(id="p", kind="projects", title="项目")
    projects.append({"name": "甲", "sector": "城市提升", "annual_plan": 10.0, "completed": 12.0})
    projects.append({"name": "乙", "sector": "城市提升", "annual_plan": 10.0, "completed": 8.0})
    doc.add_table(projects)
    s = doc.add_table(
        summary(
            True,
            [{"group": "城市提升", "count": 2, "completed": 20.0}, {"group": "合计", "count": 2}],
        )
    )
    assert all(c.agrees for c in compare(doc, s))
    assert computed_groups(doc, s)["城市提升"].completion_rate == 100.0
    doc.apply(SetCells("p", (CellChange("r1", "completed", 13.0),)))
    bad = [c for c in compare(doc, s) if not c.agrees]
    assert [(c.group, c.column, c.difference) for c in bad] == [("城市提升", "completed", 1.0)]
