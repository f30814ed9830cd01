"""Collection workbooks (部门填报表): one per responsible unit (or sector), for departments
to fill and send back."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from workbench import progress
from workbench.core.document import PlanDocument
from workbench.i18n import translate
from workbench.io.errors import FileProblem

GROUPINGS = ("owner", "sector")


@dataclass
class TemplateResult:
    folder: Path
    workbooks: list = field(
        default_factory=list
    )  # io.writing.collection_workbook.CollectionWorkbook

    def to_dict(self) -> dict:
        return {"output": str(self.folder), "workbooks": [w.to_dict() for w in self.workbooks]}


def parse_deadline(text: str | None) -> date | None:
    """A deadline written YYYY-MM-DD (empty: none); ValueError with the message otherwise."""
    if not text or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            translate("cli", "截止日期应写作 YYYY-MM-DD（如 2022-01-15），而不是“{text}”").format(
                text=text
            )
        ) from None


def write_templates(
    doc: PlanDocument,
    folder: str | os.PathLike,
    *,
    by: str = "owner",
    deadline: date | None = None,
    source: str | os.PathLike = "",
) -> TemplateResult:
    """Write one collection workbook per unit (or sector) into `folder`; a plan with nothing
    to collect is a FileProblem naming `source`. A workbook a colleague holds open is refused
    before any is written."""
    from workbench.app.outputs import refuse_if_held
    from workbench.io.writing.collection_workbook import (
        collection_table,
        file_name,
        group_rows,
        write_collection_workbooks,
    )

    folder = Path(folder)
    try:
        table = collection_table(doc)
        used: set[str] = set()
        for unit in group_rows(table, by):
            refuse_if_held(folder / file_name(unit, table.year, used))
        progress.step(folder.name)
        written = write_collection_workbooks(doc, folder, by=by, deadline=deadline, table=table)
    except ValueError as exc:
        raise FileProblem(str(exc), source) from None
    return TemplateResult(folder, written)
