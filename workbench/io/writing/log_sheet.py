"""修订记录 as a reader wants it: net changes, rows named as printed, Chinese dates.

The document's change log records every step, undo and redo included, because undo and the
autosave need them. A printed record lists what the review changed: an edit and its undo are
no change, a redo is the edit it repeats (with that edit's reason), and rows are named by the
序号 and name the reader sees on the annex, never by the workbench's internal key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbench.core.document import LogEntry, PlanDocument
from workbench.core.indicators import status_of
from workbench.core.schema import label as field_label
from workbench.core.vocab import CHANGE_LABELS, POLICY_LABELS, ChangeKind

EMPTY = "（空）"
PLAN_WIDE = "（全计划）"  # the 表 of a change that applies to the whole plan


@dataclass(frozen=True)
class NetChange:
    """One line of the printed 修订记录."""

    kind: ChangeKind
    table: str
    key: str
    column: str | None
    old: Any
    new: Any
    user: str
    time: str
    reason: str

    @property
    def action(self) -> str:
        return CHANGE_LABELS[self.kind]


def chinese_time(iso: str) -> str:
    """ "2026-11-28T23:48:05" → "2026年11月28日 23:48"; anything else as it was."""
    try:
        when = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso or "")
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"


def _same(a: Any, b: Any) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    return (
        type(a) is type(b)
        and a == b
        or (isinstance(a, (int, float)) and isinstance(b, (int, float)) and a == b)
    )


def _reason(entries: list[LogEntry], current: Any) -> str:
    """The reason of the edit that first brought the current value: a redo repeats an edit,
    so the reason written with the edit itself is the one that explains it."""
    for entry in entries:
        if _same(entry.new, current) and entry.reason:
            return entry.reason
    return ""


def net_changes(doc: PlanDocument) -> list[NetChange]:
    """What the review changed, one line per cell, verdict, comment or row, in log order."""
    chains: dict[tuple[ChangeKind, str, str, str | None], list[LogEntry]] = {}
    rows: dict[tuple[str, str], list[LogEntry]] = {}
    for entry in doc.change_log:
        if entry.kind in (ChangeKind.ROW_INSERTED, ChangeKind.ROW_DELETED):
            rows.setdefault((entry.table, entry.key), []).append(entry)
        else:
            chains.setdefault((entry.kind, entry.table, entry.key, entry.column), []).append(entry)
    inserted = {
        cell
        for cell, entries in rows.items()
        if entries[0].kind is ChangeKind.ROW_INSERTED
        and cell[0] in doc.tables
        and cell[1] in doc.tables[cell[0]].rows
    }
    out: list[tuple[int, NetChange]] = []
    for cell, entries in rows.items():
        first, last = entries[0], entries[-1]
        exists = cell[0] in doc.tables and cell[1] in doc.tables[cell[0]].rows
        if first.kind is ChangeKind.ROW_INSERTED and exists:
            kind, old, new = ChangeKind.ROW_INSERTED, None, _row_name(doc, *cell) or first.new
        elif first.kind is ChangeKind.ROW_DELETED and not exists:
            kind, old, new = ChangeKind.ROW_DELETED, first.old, None
        else:
            continue  # inserted then deleted, or deleted then restored: no change
        reason = next((e.reason for e in entries if e.kind is kind and e.reason), "")
        out.append(
            (first.seq, NetChange(kind, *cell, None, old, new, last.user, last.time, reason))
        )
    for (kind, table_id, key, column), entries in chains.items():
        if (table_id, key) in inserted:
            continue  # a new row's values are on the annex; its insertion is the change
        first, last = entries[0], entries[-1]
        if kind is ChangeKind.POLICY:  # a plan-level tolerance: net against the current one
            current = getattr(doc.policy, column or "", None)
            if not _same(first.old, current):
                out.append(
                    (
                        first.seq,
                        NetChange(
                            kind,
                            "",
                            key,
                            column,
                            first.old,
                            current,
                            last.user,
                            last.time,
                            _reason(entries, current),
                        ),
                    )
                )
            continue
        table = doc.tables.get(table_id)
        if table is None or key not in table.rows:
            continue
        if kind is ChangeKind.CELL:
            current = table.rows[key].get(column)
        elif kind is ChangeKind.REVIEW_STATUS:
            current = table.mark(key).status
        else:
            current = table.mark(key).comment
        if _same(first.old, current):
            continue
        old = first.old
        if kind is ChangeKind.CELL and column == "status_override" and old in (None, ""):
            old = printed_status(doc, table_id, key)
        out.append(
            (
                first.seq,
                NetChange(
                    kind,
                    table_id,
                    key,
                    column,
                    old,
                    current,
                    last.user,
                    last.time,
                    _reason(entries, current),
                ),
            )
        )
    out.sort(key=lambda item: item[0])
    return [change for _, change in out]


def printed_status(doc: PlanDocument, table_id: str, key: str) -> Any:
    """What the 完成情况 column showed before a reviewer's verdict: the department's word, or
    the status the workbench derived from the target."""
    table = doc.tables[table_id]
    row = table.rows[key]
    if row.get("status"):
        return row["status"]
    return status_of(table, key, doc.policy).derived.status


def _row_name(doc: PlanDocument, table_id: str, key: str) -> str:
    table = doc.tables.get(table_id)
    if table is None or key not in table.rows:
        return ""
    row = table.rows[key]
    return str(row.get("name") or row.get("group") or "")


def row_label(doc: PlanDocument, table_id: str, key: str, fallback: Any = None) -> str:
    """ "3. 轨道交通线项目": the 序号 printed on the annex and the row's name."""
    table = doc.tables.get(table_id)
    if table is None or key not in table.rows:
        return f"（已删除）{fallback}" if fallback else "（已删除的行）"
    name = _row_name(doc, table_id, key)
    return f"{table.index_of(key) + 1}. {name}" if name else f"第 {table.index_of(key) + 1} 行"


def column_label(doc: PlanDocument, table_id: str, column: str | None) -> str:
    table = doc.tables.get(table_id)
    if column is None or table is None:
        return ""
    if column == "status_override":
        return "完成情况（审核判定）"
    try:
        return field_label(table.kind, column)
    except KeyError:
        return column


def value_text(value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):  # money in 万元 reads better with separators
        return format(value, ",.15g") if abs(value) >= 1e4 else format(value, ".15g")
    return str(value)


def table_title(doc: PlanDocument, table_id: str) -> str:
    """ "附件（三） 2021年市级重大建设项目执行情况": the label and title the annex prints."""
    from workbench.io.writing.annex_labels import annex_labels

    table = doc.tables.get(table_id)
    if table is None:
        return table_id
    labels = doc.caches.get(_LABELS_CACHE)
    if labels is None or labels[0] != len(doc.tables) or table_id not in labels[1]:
        labels = doc.caches[_LABELS_CACHE] = (len(doc.tables), annex_labels(doc))
    return f"{labels[1][table_id]} {table.title}"


_LABELS_CACHE = "annex_labels"


LOG_HEADERS = ("序号", "表", "行", "字段", "操作", "原值", "新值", "修改人", "时间", "原因")
LOG_WIDTHS = (6, 30, 28, 14, 9, 18, 18, 10, 18, 22)


def log_rows(doc: PlanDocument, changes: list[NetChange] | None = None) -> list[list[Any]]:
    """The body of the printed 修订记录, one list per change."""
    changes = net_changes(doc) if changes is None else changes
    out = []
    for n, change in enumerate(changes, start=1):
        if change.kind is ChangeKind.POLICY:
            field = POLICY_LABELS.get(change.column or "", change.column or "")
            out.append(
                [
                    n,
                    PLAN_WIDE,
                    CHANGE_LABELS[ChangeKind.POLICY],
                    field,
                    change.action,
                    value_text(change.old),
                    value_text(change.new),
                    change.user,
                    chinese_time(change.time),
                    change.reason,
                ]
            )
            continue
        if change.kind is ChangeKind.ROW_DELETED:
            row = row_label(doc, change.table, change.key, change.old)
        else:
            row = row_label(doc, change.table, change.key)
        field = column_label(doc, change.table, change.column)
        if change.kind is ChangeKind.REVIEW_STATUS:
            field = "审核状态"
        elif change.kind is ChangeKind.COMMENT:
            field = "审核意见"
        out.append(
            [
                n,
                table_title(doc, change.table),
                row,
                field,
                change.action,
                value_text(change.old) if change.kind is not ChangeKind.ROW_INSERTED else "",
                value_text(change.new) if change.kind is not ChangeKind.ROW_DELETED else "",
                change.user,
                chinese_time(change.time),
                change.reason,
            ]
        )
    return out
