"""Export: the reviewed annex workbook in the standard layout, or the clean print copy.

One function for the window's 导出附件 / 导出打印稿 and the command line's `export`: the output
is checked first (a colleague holding it, the input itself, a missing folder), then written
atomically; a failure while writing names the output.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from workbench import progress
from workbench.app.outputs import check_output, writing
from workbench.core.document import PlanDocument
from workbench.core.indicators import Contradiction, contradicted_statuses


@dataclass
class ExportResult:
    output: Path
    sheets: list[str] = field(default_factory=list)
    # Indicators whose stated status the figures contradict: printed with the derived status,
    # and named to the person who exports, so a changed verdict never goes out unsaid.
    restated: list[Contradiction] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict = {"output": str(self.output), "sheets": self.sheets}
        if self.restated:
            out["restated_statuses"] = [
                {"table": c.table_id, "name": c.name, "stated": c.stated, "printed": c.derived}
                for c in self.restated
            ]
        return out

    def restated_lines(self) -> list[str]:
        """One line per restated row, in the words of the annex (Chinese, like the print)."""
        return [f"{c.name}：原表“{c.stated}”，按执行情况印为“{c.derived}”" for c in self.restated]


def check_export(
    output: str | os.PathLike, *, source: str | os.PathLike | None = None, overwrite: bool = False
) -> Path:
    """The checks made before the document is even read (the command line reads it after)."""
    return check_output(output, source=source, overwrite=overwrite)


def export_annex(
    doc: PlanDocument,
    output: str | os.PathLike,
    *,
    source: str | os.PathLike | None = None,
    overwrite: bool = False,
    clean: bool = False,
    reviewable: bool = False,
    title_font: str = "黑体",
    body_font: str = "宋体",
    carry_sheets_from: str | os.PathLike | None = None,
) -> ExportResult:
    """Write the annex workbook of `doc` to `output`.

    `source`: the file the document was read from (writing over it needs `overwrite`).
    `carry_sheets_from`: a department's workbook, chosen by the person, whose sheets the
    reader did not recognise (说明) are copied into the output."""
    from workbench.io.writing.workbook_writer import write_workbook

    output = check_output(output, source=source, overwrite=overwrite)
    progress.step(output.name)
    with writing(output):
        sheets = write_workbook(
            doc,
            output,
            title_font=title_font,
            body_font=body_font,
            reviewable=reviewable,
            clean=clean,
            source_workbook=carry_sheets_from,
        )
    return ExportResult(output, list(sheets), contradicted_statuses(doc))
