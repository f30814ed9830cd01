"""Documents for the archive tests, made from the shipped sample plan by the edit API."""

from __future__ import annotations

from workbench.core.compare.crosswalk import Dimension, SetCrosswalk
from workbench.core.document import PlanDocument
from workbench.core.edits import CellChange, SetCells
from workbench.io.opener import open_document, sample_plan_path

GDP = "地区生产总值增长"


def sample() -> PlanDocument:
    return open_document(sample_plan_path())


def row_named(doc: PlanDocument, table_id: str, name: str) -> str:
    table = doc.tables[table_id]
    return next(key for key in table.keys if table.rows[key].get("name") == name)


def with_actual(value: float) -> PlanDocument:
    """The sample with 2021's GDP growth set to `value` (one logged edit)."""
    doc = sample()
    key = row_named(doc, "indicators_2021", GDP)
    doc.apply(SetCells("indicators_2021", (CellChange(key, "actual", value),)), user="审核员甲")
    return doc


def next_year_renamed(new_name: str) -> PlanDocument:
    """The sample moved one year on (2022's execution, 2023's plan), with the GDP indicator
    renamed and the rename recorded in the crosswalk, as a later plan would have it."""
    doc = sample()
    for table_id in ("indicators_2021", "indicators_2022"):
        key = row_named(doc, table_id, GDP)
        doc.apply(SetCells(table_id, (CellChange(key, "name", new_name),)))
        doc.tables[table_id].year += 1
    doc.apply(SetCrosswalk(Dimension.NAME, GDP, new_name))
    doc.exec_year, doc.plan_year = 2022, 2023
    return doc
