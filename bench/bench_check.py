"""`workbench check PLAN REPORT` on a 30,000-character report and the sample plan.

    python bench/bench_check.py

The report is the collected real excerpts (tests/core/data/reports) repeated to 30,000
characters, so its figures, targets and checks are those of real reports. The command runs
in-process (no interpreter start-up), its output discarded; the reference, measured in the same
run, is reading the plan alone (open_document), the part of `check` the report text adds to.
Median of three runs each; the goal is under 1 s for the command.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REPORTS = ROOT / "tests" / "core" / "data" / "reports"
SIZE = 30_000


def median_of_three(fn) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


SEED = ROOT.parent / "shared" / "seeds" / "000_f01f2c485a3de1ed.txt"


def report_text(seed: bool = False) -> str:
    """The real excerpts (a figure every few characters: the worst case), or the seed report
    (a figure every few hundred characters, as a whole report has them)."""
    pieces = []
    if seed:
        pieces = SEED.read_text(encoding="utf-8").splitlines()
    for path in [] if seed else sorted(REPORTS.glob("*.txt")):
        pieces.extend(path.read_text(encoding="utf-8").splitlines()[1:])
    text, i = [], 0
    while sum(len(t) + 1 for t in text) < SIZE:
        text.append(pieces[i % len(pieces)])
        i += 1
    return "\n".join(text)[:SIZE]


def main() -> int:
    from workbench.cli import main as cli_main
    from workbench.io.opener import open_document, sample_plan_path

    plan = str(sample_plan_path())
    alone = median_of_three(lambda: open_document(plan))
    worst = 0.0
    kinds = [("real excerpts, dense in figures", False)]
    if SEED.exists():
        kinds.append(("the seed report", True))
    print(f"plan: {Path(plan).name}; reading the plan alone: {alone * 1000:.0f} ms")
    for label, seed in kinds:
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "报告.txt"
            report.write_text(report_text(seed), encoding="utf-8")

            def check(path: Path = report) -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    cli_main(["check", plan, str(path)])

            check()  # imports and caches warm, as in a second run of the command
            whole = median_of_three(check)
        worst = max(worst, whole)
        print(
            f"check PLAN REPORT ({SIZE} characters, {label}): {whole * 1000:.0f} ms"
            f" (goal < 1000 ms), ratio to reading the plan alone {whole / alone:.2f}"
        )
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
