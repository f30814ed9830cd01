"""Write-back: the corrections patched into a copy of the department's own workbook.

One function for the window's 写回原表 and `export --write-back`. The original is always a
file the person chose (the annex they opened, or one named now): the path a received plan
file records is the sender's, and opening it would pull another workbook from this disk into
the output. The output is checked like every output (a colleague holding it, the original
itself, a missing folder) before the original is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from workbench.app.outputs import check_output, writing
from workbench.core.document import PlanDocument
from workbench.i18n import translate
from workbench.io.errors import FileProblem


@dataclass
class WriteBackResult:
    output: Path
    original: Path
    sheets: list[str] = field(default_factory=list)
    written: int = 0
    skipped: list[str] = field(default_factory=list)
    recomputed: list[str] = field(default_factory=list)
    recalculate: list[str] = field(default_factory=list)
    subtotals: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "output": str(self.output),
            "original": str(self.original),
            "sheets": self.sheets,
            "written": self.written,
            "skipped": self.skipped,
            "recomputed": self.recomputed,
            "recalculate_on_open": self.recalculate,
            "subtotals_disagree": self.subtotals,
        }

    def text(self) -> str:
        """What was done, one line, then one line per cell not written or worth a look."""
        return (
            translate("cli", "已按原表“{original}”写回 {written} 个单元格到 {output}").format(
                original=self.original, written=self.written, output=self.output
            )
            + "".join(translate("cli", "\n未写回：{s}").format(s=s) for s in self.skipped)
            + "".join(translate("cli", "\n已重算合计：{s}").format(s=s) for s in self.recomputed)
            + "".join(translate("cli", "\n打开时重算：{s}").format(s=s) for s in self.recalculate)
            + "".join(translate("cli", "\n小计与明细不符：{s}").format(s=s) for s in self.subtotals)
        )


def original_for(doc: PlanDocument, source: str | os.PathLike, original=None) -> Path:
    """The department's workbook to patch: the one named, else the source itself when it is
    an annex (not our plan file, whose recorded path is the sender's)."""
    from workbench.io.native.plan_file import is_native

    if original is not None:
        return Path(original)
    source = Path(source)
    if is_native(source):
        recorded = os.path.basename(doc.properties.source_path.replace("\\", "/"))
        hint = (
            translate("cli", "（文档记录的来源文件名为“{recorded}”）").format(recorded=recorded)
            if recorded
            else ""
        )
        raise FileProblem(
            translate("cli", "写回需要用 --original 指定部门原表{hint}").format(hint=hint), source
        )
    return source


def write_back_to(
    doc: PlanDocument,
    original: str | os.PathLike,
    output: str | os.PathLike,
    *,
    source: str | os.PathLike | None = None,
    overwrite: bool = False,
) -> WriteBackResult:
    """Patch the document's corrections into a copy of `original` at `output`."""
    from workbench.io.writing.write_back import write_back

    original = Path(original)
    output = check_output(output, source=source, overwrite=overwrite)
    with writing(output):
        report = write_back(doc, original, output, overwrite=overwrite)
    return WriteBackResult(
        Path(report.output),
        original,
        list(report.sheets),
        report.written,
        list(report.skipped),
        list(report.recomputed),
        list(report.recalculate),
        list(report.subtotals),
    )
