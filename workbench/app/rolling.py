"""Roll-forward: next year's plan skeleton from this year's (上年结转).

The window opens the result as a new, unsaved document (`roll_forward_document`); the command
line writes it to a plan file (`roll_forward_file`), checked like every output first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench import progress
from workbench.app.outputs import check_output, writing
from workbench.core.document import PlanDocument
from workbench.core.rollforward import RollForward
from workbench.i18n import translate
from workbench.io.errors import FileProblem


@dataclass
class RollForwardResult:
    output: Path
    rolled: RollForward

    def to_dict(self) -> dict:
        r = self.rolled
        return {
            "output": str(self.output),
            "from_year": r.from_year,
            "to_year": r.to_year,
            "indicators": r.indicators,
            "projects": r.carried,
            "completed": r.completed,
            "no_successor": r.no_successor,
        }


def roll_forward_document(
    doc: PlanDocument, year: int | None = None, *, source: str | os.PathLike = ""
) -> RollForward:
    """The rolled document; a plan that cannot be rolled is a FileProblem naming `source`."""
    from workbench.core.rollforward import roll_forward

    try:
        return roll_forward(doc, year)
    except ValueError as exc:
        raise FileProblem(str(exc), source) from None


def roll_forward_file(
    plan: str | os.PathLike, output: str | os.PathLike, year: int | None = None
) -> RollForwardResult:
    """Read `plan`, roll it forward, write next year's plan file to `output`."""
    from workbench.app.opening import open_path
    from workbench.io.native.plan_file import save_plan

    output = Path(output)
    if output.resolve() == Path(plan).resolve():
        raise FileProblem(translate("cli", "输出文件不能覆盖输入文件"), output)
    check_output(output, source=plan)
    rolled = roll_forward_document(open_path(plan).doc, year, source=plan)
    progress.step(output.name)
    with writing(output):
        path = save_plan(rolled.document, output)
    return RollForwardResult(Path(path), rolled)
