"""Tables in the JSON shape docs/json-contract.md promises to scripts (`workbench import --json`)."""

from __future__ import annotations

import os
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.indicators import rule_for, status_of
from workbench.core.review import PENDING
from workbench.core.schema import TableKind
from workbench.core.summaries import Comparison, computed_groups, group_figures
from workbench.core.table import Table


def row_payload(doc: PlanDocument, table: Table, key: str) -> dict[str, Any]:
    row = table.rows[key]
    out: dict[str, Any] = {"key": key, **row}
    if table.kind is TableKind.INDICATORS:
        rule = rule_for(row.get("target"))
        out["target_rule"] = rule.to_dict() if rule else None
        status = status_of(table, key, doc.policy)
        out["status"] = status.effective
        out["status_source"] = status.source
        out["derived_status"] = status.derived.status
        out["status_reason"] = status.derived.reason
    cells = table.provenance.get(key)
    if cells:
        out["provenance"] = {
            c: table.provenance_of(key, c) for c in table.columns if row.get(c) is not None
        }
    else:
        out["provenance"] = table.default_provenance
    mark = table.review.get(key)
    out["review"] = {"status": mark.status, "comment": mark.comment} if mark else _DEFAULT_REVIEW
    source_row = table.row_source.get(key)
    if source_row is not None:
        out["source_row"] = source_row
    return out


_DEFAULT_REVIEW = {"status": PENDING, "comment": ""}


def summary_extras(doc: PlanDocument, table: Table, rows: list[dict[str, Any]]) -> None:
    """Put what the project rows add up to beside each stated summary figure."""
    computed = computed_groups(doc, table)
    for row in rows:
        label = row.get("group") or ""
        figs = group_figures(computed, label)
        calc = {
            "count": figs.count if figs else 0,
            "total_investment": figs.total_investment if figs else None,
            "annual_plan": figs.annual_plan if figs else None,
            "completed": figs.completed if figs else None,
            "completion_rate": round(figs.completion_rate, 2)
            if figs and figs.completion_rate is not None
            else None,
        }
        row["computed"] = calc
        row["difference"] = {
            k: round(calc[k] - row[k], 6)
            for k in calc
            if row.get(k) is not None and calc[k] is not None
        }
        row["disagrees"] = [
            k for k in row["difference"] if not Comparison(label, k, row[k], calc[k]).agrees
        ]


def _plain_rows(table: Table) -> list[dict[str, Any]] | None:
    """Rows of a table nobody has touched yet (no per-cell provenance, no review marks, not
    indicators): the same payload as row_payload, built in one pass for 100k-row annexes."""
    if table.kind is TableKind.INDICATORS or table.provenance or table.review:
        return None
    default = table.default_provenance
    sources = table.row_source
    rows = table.rows
    keys = table.keys
    if not all(key in sources for key in keys):
        return None
    # One dict display per row: the fastest way CPython builds 100k of them.
    return [
        {
            "key": key,
            **rows[key],
            "provenance": default,
            "review": _DEFAULT_REVIEW,
            "source_row": sources[key],
        }
        for key in keys
    ]


def table_payload(doc: PlanDocument, table: Table, source: str | os.PathLike) -> dict[str, Any]:
    rows = _plain_rows(table)
    if rows is None:
        rows = [row_payload(doc, table, key) for key in table.keys]
    if table.kind is TableKind.SUMMARY:
        summary_extras(doc, table, rows)
    return {
        "source": os.fspath(source),
        "sheet": table.sheet_name,
        "sheets": [t.sheet_name for t in doc.tables.values()],
        "table": table.id,
        "kind": str(table.kind),
        "title": table.title,
        "unit": table.unit,
        "year": table.year,
        "notes": table.notes,
        "meta": table.meta.to_data(),
        "rows": rows,
        "subtotals": table.subtotals,
        "warnings": [str(w) for w in doc.warnings if not w.table or w.table == table.id],
    }
