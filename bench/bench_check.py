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


def report_text() -> str:
    pieces = []
    for path in sorted(REPORTS.glob("*.txt")):
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
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "报告.txt"
        report.write_text(report_text(), encoding="utf-8")

        def check() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["check", plan, str(report)])

        check()  # imports and caches warm, as in a second run of the command
        whole = median_of_three(check)
        alone = median_of_three(lambda: open_document(plan))
    print(f"report: {SIZE} characters; plan: {Path(plan).name}")
    print(f"check PLAN REPORT: {whole * 1000:.0f} ms (goal < 1000 ms)")
    print(f"reading the plan alone: {alone * 1000:.0f} ms")
    print(f"ratio check / read plan: {whole / alone:.2f}")
    return 0 if whole < 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
