"""Summary sentences written from the tables: every figure they state is the tables' figure,
and they follow edits."""

from __future__ import annotations

import pytest

from workbench.core.edits import CellChange, SetCells
from workbench.core.summaries import figures, summable_rows
from workbench.core.text.figures import match_all
from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import extract
from workbench.core.text.summary import money, summary_paragraphs


def summary_statements(doc):
    return extract(join_lines(summary_paragraphs(doc)))


def computed(doc, year: int, group: str | None) -> dict:
    """What the project rows of a year add up to, for the whole or one sector/source."""
    table = next(t for t in doc.tables.values() if t.kind == "projects" and t.year == year)
    rows = [
        r
        for r in summable_rows(table)
        if group is None or group in (r.get("sector"), r.get("funding"))
    ]
    fig = figures(rows)
    return {
        "count": fig.count,
        "total_investment": fig.total_investment,
        "annual_plan": fig.annual_plan,
        "completed": fig.completed,
        "completion_rate": fig.completion_rate,
    }


def test_every_project_figure_of_the_summary_is_what_the_rows_add_up_to(sample_doc):
    statements = [
        s for s in summary_statements(sample_doc) if s.measure in computed(sample_doc, 2021, None)
    ]
    assert len(statements) == 4 + 7 * 3 + 2 * 3 + 3 + 6 * 2 + 2 * 2
    for stmt in statements:
        expected = computed(sample_doc, stmt.year, stmt.group)[stmt.measure]
        assert abs(stmt.comparable - expected) <= stmt.tolerance + 1e-9, (
            stmt.raw,
            stmt.subject,
            expected,
        )


def test_indicator_counts_and_statuses_of_the_summary_agree_with_the_annex(sample_doc):
    statements = summary_statements(sample_doc)
    counts = [s for s in statements if s.measure in ("indicator_count", "target")]
    assert len(counts) >= 10
    matches = match_all(sample_doc, counts)
    assert len(matches) == len(counts)
    assert all(m.agrees for m in matches), [m.statement.raw for m in matches if not m.agrees]
    text = "".join(summary_paragraphs(sample_doc))
    assert "民营经济增加值占地区生产总值的比重" in text  # the expected indicator not met


def test_the_summary_follows_an_edit(sample_doc):
    table = sample_doc.tables["projects_2021"]
    key = next(k for k, r in table if r["sector"] == "科技创新")
    before = computed(sample_doc, 2021, "科技创新")["completed"]
    old = table.rows[key]["completed"]
    sample_doc.apply(SetCells(table.id, (CellChange(key, "completed", old + 100),)))
    text = "".join(summary_paragraphs(sample_doc))
    assert f"科技创新项目40个，完成投资{money(before + 100)}" in text
    stmt = next(
        s
        for s in summary_statements(sample_doc)
        if s.group == "科技创新" and s.measure == "completed"
    )
    assert stmt.comparable == pytest.approx(before + 100, abs=0.5)


def test_money_is_written_as_reports_write_it():
    assert money(4093.0) == "4093亿元"
    assert money(26000.0) == "2.6万亿元"
    assert money(25412.3) == "2.54万亿元"
    assert money(14.26) == "14.3亿元"
