"""The kept-current group sums' full pass: the same figures as the one-shot rule whatever the
cells hold (text, booleans, numpy floats, blanks), and the key sets a chart's marks stand for."""

from __future__ import annotations

import numpy as np

from workbench.core.document import PlanDocument
from workbench.core.group_sums import SUMMED, group_sums, sum_by
from workbench.core.table import Table
from workbench.core.vocab import UNGROUPED


def _doc() -> PlanDocument:
    doc = PlanDocument(exec_year=2021)
    table = Table(id="p", kind="projects", title="项目", year=2021, unit="亿元")
    cells = [1.5, 2, True, "3.0", None, np.float64(0.25), 7, "", np.int64(4)]
    for i, value in enumerate(cells):
        table.append(
            {
                "name": f"项目{i}",
                "sector": ("科技创新", "", None)[i % 3],
                "annual_plan": value,
                "completed": cells[-1 - i],
                "total_investment": None,
            }
        )
    doc.add_table(table)
    return doc


def test_the_full_pass_sums_as_the_one_shot_rule():
    doc = _doc()
    sums = group_sums(doc, "p", "sector")
    once = sum_by(doc.table("p"), "sector")
    assert sums.groups() == list(once) == ["科技创新", UNGROUPED]
    for group, figures in once.items():
        assert sums.figures(group) == figures
    assert all(sums.figures(g).get("total_investment") is None for g in once)
    assert set(SUMMED) == set(sums.figures().sums)


def test_key_sets_are_the_group_rows_built_once_per_pass():
    doc = _doc()
    sums = group_sums(doc, "p", "sector")
    first = sums.key_set("科技创新")
    assert first == frozenset(sums.keys["科技创新"])
    assert sums.key_set("科技创新") is first  # an edit of a figure keeps it
    key = sums.keys["科技创新"][0]
    doc.table("p").rows[key]["sector"] = "城市提升"
    sums._dirty = True  # what a change of the grouping column marks
    assert key not in sums.key_set("科技创新")
    assert sums.key_set("城市提升") == frozenset({key})
