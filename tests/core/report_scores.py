"""Precision and recall of the figures read out of real reports, against hand labels.

tests/core/data/reports/labels.json lists, for some of the collected reports, every figure a
reviewer would read: line, value, unit and the words its subject must contain. A figure read
by the extraction counts as found when one labelled figure of the same line has the same value
and unit (each label is used once); its subject is right when it contains every labelled word.

Run as a script to print the table: `python -m tests.core.report_scores`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from workbench.core.text.layout import join_lines
from workbench.core.text.quantities import Statement, extract

REPORTS = Path(__file__).parent / "data" / "reports"


def report_lines(name: str) -> list[str]:
    """The report's lines with its source line (line 1) blanked, so line numbers stay."""
    lines = (REPORTS / name).read_text(encoding="utf-8").splitlines()
    return ["", *lines[1:]]


def read_report(name: str) -> list[Statement]:
    return extract(join_lines(report_lines(name)))


def report_names() -> list[str]:
    return sorted(p.name for p in REPORTS.glob("*.txt"))


def labels() -> dict[str, list[list]]:
    data = json.loads((REPORTS / "labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass
class Score:
    report: str
    labelled: int
    found: int
    right: int  # found figures that match a label by value and unit
    subject_right: int  # of those, with the labelled subject
    missed: list
    extra: list
    wrong_subject: list

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0

    @property
    def subject(self) -> float:
        return self.subject_right / self.right if self.right else 1.0


def score(name: str, gold: list[list]) -> Score:
    found = read_report(name)
    unused = list(gold)
    right = subject_right = 0
    extra, wrong = [], []
    for stmt in found:
        match = next(
            (
                g
                for g in unused
                if g[0] == stmt.line and abs(g[1] - float(stmt.value)) < 1e-9 and g[2] == stmt.unit
            ),
            None,
        )
        if match is None:
            extra.append((stmt.line, stmt.raw, stmt.unit, stmt.subject))
            continue
        unused.remove(match)
        right += 1
        if all(word in stmt.subject for word in match[3].split("+")):
            subject_right += 1
        else:
            wrong.append((stmt.line, stmt.raw, match[3], stmt.subject))
    return Score(name, len(gold), len(found), right, subject_right, unused, extra, wrong)


def all_scores() -> list[Score]:
    return [score(name, gold) for name, gold in labels().items()]


def main() -> None:
    print(f"{'report':32} {'labels':>6} {'found':>6} {'P(v+u)':>7} {'R(v+u)':>7} {'subject':>7}")
    for s in all_scores():
        print(
            f"{s.report:32} {s.labelled:6d} {s.found:6d} {s.precision:7.1%} {s.recall:7.1%}"
            f" {s.subject:7.1%}"
        )
        for line, raw, unit, subject in s.extra:
            print(f"    extra  line {line}: {raw} ({unit}) subject {subject!r}")
        for g in s.missed:
            print(f"    missed line {g[0]}: {g[1]}{g[2]} ({g[3]})")
        for line, raw, want, got in s.wrong_subject:
            print(f"    subject line {line}: {raw} wants {want!r}, got {got!r}")


if __name__ == "__main__":
    main()
