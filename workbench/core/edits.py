"""Every change to a document is one of these edits; applying one returns its inverse.

Undo/redo, the change log, autosave and the "modified" flag all hang off this single path
(`PlanDocument.apply`). Edits address rows by key, never by view position, so sorting or
filtering a grid cannot send an edit to the wrong row.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from workbench.core.events import Change, TableChanged
from workbench.core.review import DEFAULT_MARK, PENDING, ReviewMark
from workbench.core.schema import FieldType, TableKind, check_extra
from workbench.core.status import StatusPolicy
from workbench.core.vocab import CHANGE_LABELS, ChangeKind

if TYPE_CHECKING:
    from workbench.core.document import PlanDocument


class EditError(ValueError):
    """An edit that cannot apply (unknown row, wrong type); the document is left unchanged."""


@dataclass(frozen=True)
class Applied:
    inverse: Edit
    changes: list[Change]
    events: list[TableChanged]


class Edit:
    label: str = "编辑"

    def apply(self, doc: PlanDocument) -> Applied:  # pragma: no cover - interface
        raise NotImplementedError

    def validate(self, doc: PlanDocument) -> None:
        """Raise EditError before anything changes; edits are all-or-nothing."""


def _check_value(table, column: str, value: Any) -> Any:
    if column in table.extras:
        try:
            return check_extra(column, value)
        except ValueError as exc:
            raise EditError(str(exc)) from None
    if column not in table.columns:
        raise EditError(f"表“{table.title}”没有字段 {column!r}")
    spec = next(f for f in table.fields if f.key == column)
    if value is None:
        return None
    if spec.type in (FieldType.NUMBER, FieldType.INTEGER):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise EditError(f"“{spec.label}”应为数值，而不是 {value!r}")
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise EditError(f"“{spec.label}”不能是 {value}")
        if spec.type is FieldType.INTEGER:
            if float(value) != int(value):
                raise EditError(f"“{spec.label}”应为整数，而不是 {value}")
            return int(value)
        return float(value)
    if not isinstance(value, str):
        raise EditError(f"“{spec.label}”应为文本，而不是 {value!r}")
    if spec.type is FieldType.CHOICE and value not in spec.choices:
        raise EditError(f"“{spec.label}”应为 {'/'.join(spec.choices)} 之一，而不是“{value}”")
    return value


@dataclass(frozen=True)
class CellChange:
    key: str
    column: str
    value: Any
    provenance: str | None = None  # None: keep the cell's provenance


@dataclass(frozen=True)
class SetCells(Edit):
    """Set one or many cells of one table: a typed value, a paste, a fill down."""

    table: str
    cells: tuple[CellChange, ...]
    label: str = "修改单元格"

    def validate(self, doc: PlanDocument) -> None:
        table = doc.table(self.table)
        for cell in self.cells:
            if cell.key not in table.rows:
                raise EditError(f"表“{table.title}”中没有行 {cell.key!r}")
            _check_value(table, cell.column, cell.value)

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        table = doc.table(self.table)
        inverse: list[CellChange] = []
        changes: list[Change] = []
        for cell in self.cells:
            value = _check_value(table, cell.column, cell.value)
            row = table.rows[cell.key]
            old = row.get(cell.column)
            old_prov = table.provenance.get(cell.key, {}).get(cell.column)
            inverse.append(CellChange(cell.key, cell.column, old, old_prov or ""))
            if value is None and cell.column in table.extras:
                row.pop(cell.column, None)  # an extra is absent, never null (docs/json-contract.md)
            else:
                row[cell.column] = value
            if cell.provenance is not None:
                table._set_provenance(cell.key, cell.column, cell.provenance or None)
            if old != value:
                changes.append(
                    Change(ChangeKind.CELL, self.table, cell.key, cell.column, old, value)
                )
        event = TableChanged(
            self.table,
            frozenset(c.key for c in self.cells),
            frozenset(c.column for c in self.cells),
            changes=tuple(changes),
        )
        return Applied(SetCells(self.table, tuple(reversed(inverse)), self.label), changes, [event])


@dataclass(frozen=True)
class RowData:
    key: str
    values: Mapping[str, Any]
    provenance: Mapping[str, str] = field(default_factory=dict)
    review: ReviewMark = DEFAULT_MARK
    source_row: int | None = None


@dataclass(frozen=True)
class InsertRows(Edit):
    """Insert rows at given positions (ascending). Keys come from `Table.allocate_key`."""

    table: str
    rows: tuple[tuple[int, RowData], ...]
    label: str = CHANGE_LABELS[ChangeKind.ROW_INSERTED]

    def validate(self, doc: PlanDocument) -> None:
        table = doc.table(self.table)
        seen: set[str] = set()
        for position, data in self.rows:
            if data.key in table.rows or data.key in seen:
                raise EditError(f"表“{table.title}”中已有行 {data.key!r}")
            seen.add(data.key)
            if position < 0:
                raise EditError(f"插入位置 {position} 无效")
            for column, value in data.values.items():
                _check_value(table, column, value)

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        table = doc.table(self.table)
        changes = []
        for position, data in sorted(self.rows, key=lambda item: item[0]):
            values = {c: _check_value(table, c, v) for c, v in data.values.items()}
            table._store(
                min(position, len(table.keys)), data.key, values, dict(data.provenance), data.review
            )
            if data.source_row is not None:
                table.row_source[data.key] = data.source_row
            changes.append(
                Change(
                    ChangeKind.ROW_INSERTED, self.table, data.key, None, None, values.get("name")
                )
            )
        inverse = DeleteRows(
            self.table, tuple(d.key for _, d in self.rows), _inverse_label(self.label)
        )
        return Applied(
            inverse, changes, [TableChanged(self.table, None, None, True, tuple(changes))]
        )


@dataclass(frozen=True)
class DeleteRows(Edit):
    table: str
    keys: tuple[str, ...]
    label: str = CHANGE_LABELS[ChangeKind.ROW_DELETED]

    def validate(self, doc: PlanDocument) -> None:
        table = doc.table(self.table)
        for key in self.keys:
            if key not in table.rows:
                raise EditError(f"表“{table.title}”中没有行 {key!r}")
        if len(set(self.keys)) != len(self.keys):
            raise EditError("要删除的行有重复")

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        table = doc.table(self.table)
        ordered = sorted(self.keys, key=table.index_of, reverse=True)
        removed: list[tuple[int, RowData]] = []
        changes = []
        for key in ordered:
            source_row = table.row_source.get(key)
            index, values, provenance, mark = table._remove(key)
            removed.append((index, RowData(key, values, provenance, mark, source_row)))
            changes.append(
                Change(ChangeKind.ROW_DELETED, self.table, key, None, values.get("name"), None)
            )
        removed.reverse()  # ascending positions re-create the original order
        inverse = InsertRows(self.table, tuple(removed), _inverse_label(self.label))
        return Applied(
            inverse, changes, [TableChanged(self.table, None, None, True, tuple(changes))]
        )


@dataclass(frozen=True)
class SetReview(Edit):
    """Set a row's review status and/or comment (None leaves that part as it is)."""

    table: str
    key: str
    status: str | None = None
    comment: str | None = None
    label: str = "审核标记"

    def validate(self, doc: PlanDocument) -> None:
        table = doc.table(self.table)
        if self.key not in table.rows:
            raise EditError(f"表“{table.title}”中没有行 {self.key!r}")
        try:
            ReviewMark(self.status or PENDING, self.comment or "")
        except ValueError as exc:
            raise EditError(str(exc)) from None

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        table = doc.table(self.table)
        old = table.mark(self.key)
        new = ReviewMark(
            self.status if self.status is not None else old.status,
            self.comment if self.comment is not None else old.comment,
        )
        table._set_mark(self.key, new)
        changes = []
        if new.status != old.status:
            changes.append(
                Change(ChangeKind.REVIEW_STATUS, self.table, self.key, None, old.status, new.status)
            )
        if new.comment != old.comment:
            changes.append(
                Change(ChangeKind.COMMENT, self.table, self.key, None, old.comment, new.comment)
            )
        inverse = SetReview(self.table, self.key, old.status, old.comment, self.label)
        return Applied(
            inverse,
            changes,
            [TableChanged(self.table, frozenset({self.key}), changes=tuple(changes))],
        )


@dataclass(frozen=True)
class Compound(Edit):
    """Several edits as one undo step (a paste across tables, a fill plus new rows)."""

    edits: tuple[Edit, ...]
    label: str = "批量编辑"

    def apply(self, doc: PlanDocument) -> Applied:
        inverses: list[Edit] = []
        changes: list[Change] = []
        events: list[TableChanged] = []
        try:
            for edit in self.edits:
                applied = edit.apply(doc)
                inverses.append(applied.inverse)
                changes.extend(applied.changes)
                events.extend(applied.events)
        except EditError:
            for inverse in reversed(inverses):  # leave the document as it was
                inverse.apply(doc)
            raise
        return Applied(Compound(tuple(reversed(inverses)), self.label), changes, events)


def _inverse_label(label: str) -> str:
    """An undo of a plain insert is a plain delete and vice versa; any other label (a paste
    that added rows) names the step for both directions."""
    inserted, deleted = (
        CHANGE_LABELS[ChangeKind.ROW_INSERTED],
        CHANGE_LABELS[ChangeKind.ROW_DELETED],
    )
    return {inserted: deleted, deleted: inserted}.get(label, label)


@dataclass(frozen=True)
class SetPolicy(Edit):
    """Set the plan's tolerances of status derivation (审核容差) as one undoable step.

    Every indicator table's statuses follow from the policy, so each gets an event naming
    its whole status column; the change log gets one line per tolerance that changed."""

    policy: StatusPolicy
    label: str = "设定审核容差"

    def validate(self, doc: PlanDocument) -> None:
        problem = self.policy.problem
        if problem:
            raise EditError(problem)

    def apply(self, doc: PlanDocument) -> Applied:
        self.validate(doc)
        old, doc.policy = doc.policy, self.policy
        changes = [
            Change(ChangeKind.POLICY, "", spec.name, spec.name, before, after)
            for spec in fields(StatusPolicy)
            if (before := getattr(old, spec.name)) != (after := getattr(self.policy, spec.name))
        ]
        events = [
            TableChanged(t.id, None, frozenset({"status"}))
            for t in doc.tables.values()
            if t.kind is TableKind.INDICATORS
        ]
        return Applied(SetPolicy(old, self.label), changes, events if changes else [])
