"""Check: the review checks over plan files, annexes and report texts, as one list of
findings with where each was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.document import PlanDocument

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class CheckResult:
    findings: list[dict[str, Any]] = field(default_factory=list)
    # (file name, document) per plan or annex read, for what opening noticed
    documents: list[tuple[str, PlanDocument]] = field(default_factory=list)

    def reaches(self, severity: str) -> bool:
        """A finding at `severity` or above (error > warning > info)."""
        floor = SEVERITY_RANK[severity]
        return any(SEVERITY_RANK.get(f["severity"], 0) >= floor for f in self.findings)


def check_files(
    files: list[str], *, tolerance: float | None = None, every: bool = False
) -> CheckResult:
    """Run the checks on every plan or annex in `files`, and each report text against each
    of them (a report alone: the text against itself). `tolerance` (percentage points)
    applies to this run only, through the edit path; the files are not changed. `every`
    lists each finding instead of grouping alike ones."""
    from workbench.app.opening import open_path
    from workbench.core.checks import run_checks
    from workbench.core.findings_grouping import group_findings
    from workbench.core.text.review import text_findings
    from workbench.io.reading.report_text import is_report, read_report

    reports = {name: read_report(name).statements() for name in files if is_report(name)}
    docs = [(name, open_path(name).doc) for name in files if not is_report(name)]
    if tolerance is not None:
        from dataclasses import replace

        from workbench.core.edits import SetPolicy

        for _, doc in docs:  # through the edit path, like the window's 审核容差; not saved
            doc.apply(SetPolicy(replace(doc.policy, percent_tolerance=tolerance)))
    runs: list[tuple[str, PlanDocument | None, list, str | None]] = []
    for name, doc in docs:
        runs.append((name, doc, run_checks(doc), None))
        for report, statements in reports.items():
            runs.append((name, doc, text_findings(doc, statements), report))
    if not docs:
        runs += [(report, None, text_findings(None, st), report) for report, st in reports.items()]
    result = CheckResult(documents=docs)
    for file, checked, found, report_file in runs:
        for finding in found if every else group_findings(found):
            item = finding.to_dict()
            item["file"] = file
            if report_file is not None:
                item["report"] = report_file
            table = checked.tables.get(finding.table) if checked is not None else None
            item["table_title"] = table.title if table else finding.table
            if table is not None and finding.row is not None:
                item["sheet"] = table.source.sheet if table.source else table.sheet_name
                item["source_row"] = table.row_source.get(finding.row)
            result.findings.append(item)
    return result
