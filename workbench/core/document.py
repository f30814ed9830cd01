"""The plan document: its tables, warnings, change log and listeners.

`apply` is the one door every change goes through: it returns the inverse edit, appends to
the change log and notifies listeners (once per batch).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from workbench.core.edits import Edit
from workbench.core.events import TableChanged
from workbench.core.observers import Observers
from workbench.core.properties import DocumentProperties
from workbench.core.status import StatusPolicy
from workbench.core.table import Table
from workbench.core.vocab import CHANGE_LABELS, ChangeKind

Listener = Callable[[TableChanged], None]


def current_user() -> str:
    import getpass  # only when an edit is logged: `import --json` and `diff` never ask

    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return "未知用户"


@dataclass(frozen=True)
class ReadWarning:
    """Something a reader could not understand or had to guess; shown to the user."""

    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    table: str = ""

    def __str__(self) -> str:
        where = "，".join(
            p for p in (self.file, self.sheet and f"工作表“{self.sheet}”", self.cell) if p
        )
        return f"{where}：{self.message}" if where else self.message


# The words early files stored instead of a kind; read only when loading such a file.
_LEGACY_ACTIONS = {label: kind for kind, label in CHANGE_LABELS.items()}


@dataclass(frozen=True)
class LogEntry:
    """修订记录: who changed what, when, from what to what, and why.

    `kind` is what code reads; `action` is the same thing in the words people read."""

    seq: int
    time: str
    user: str
    label: str
    kind: ChangeKind
    table: str
    key: str
    column: str | None
    old: Any
    new: Any
    reason: str = ""

    @property
    def action(self) -> str:
        return CHANGE_LABELS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["action"] = self.action
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogEntry:
        data = dict(data)
        action = data.pop("action", None)
        kind = data.pop("kind", None)
        if kind is None:
            kind = _LEGACY_ACTIONS.get(str(action))
            if kind is None:
                raise ValueError(f"修订记录第 {data.get('seq')} 条的操作“{action}”无法识别")
        return cls(kind=ChangeKind(kind), **data)


@dataclass
class PlanDocument:
    region: str = ""
    exec_year: int | None = None  # the year whose execution is reported (附件一)
    plan_year: int | None = None  # the year being planned (附件二)
    title: str = ""
    tables: dict[str, Table] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)
    change_log: list[LogEntry] = field(default_factory=list)
    policy: StatusPolicy = field(default_factory=StatusPolicy)
    # Where it was imported from, when created, the crosswalk …; typed (core/properties.py).
    properties: DocumentProperties = field(default_factory=DocumentProperties)

    def __post_init__(self) -> None:
        # Things to tell the user once about this opening (external edits found…); unlike
        # warnings they are not saved with the document.
        self.notices: list[str] = []
        # Run-time caches kept current from this document's events (group sums…); not saved.
        self.caches: dict[Any, Any] = {}
        self._observers = Observers()
        self._pending: dict[str, TableChanged] | None = None
        self._batch_depth = 0

    # ---- tables ------------------------------------------------------------------------
    def table(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise KeyError(f"文档中没有表 {table_id!r}") from None

    def add_table(self, table: Table) -> Table:
        if table.id in self.tables:
            raise ValueError(f"表 {table.id!r} 已存在")
        self.tables[table.id] = table
        return table

    def find_table(self, name: str) -> Table | None:
        """By id, sheet name or title (what `--sheet` accepts)."""
        for table in self.tables.values():
            if name in (table.id, table.sheet_name, table.title):
                return table
        return None

    # ---- the one edit path -------------------------------------------------------------
    def apply(
        self,
        edit: Edit,
        *,
        user: str | None = None,
        reason: str = "",
        before_notify: Callable[[Edit], None] | None = None,
    ) -> Edit:
        """Apply, log and announce one edit; returns its inverse.

        `before_notify` receives the inverse after the edit is applied and logged but before
        any listener hears of it, so the undo history holds the step when a listener (a team
        session refusing the edit, a view reading can_undo) reacts to it.
        """
        applied = edit.apply(self)
        when = datetime.now().isoformat(timespec="seconds")
        who = user or current_user()
        for change in applied.changes:
            self.change_log.append(
                LogEntry(
                    seq=len(self.change_log) + 1,
                    time=when,
                    user=who,
                    label=edit.label,
                    kind=change.kind,
                    table=change.table,
                    key=change.key,
                    column=change.column,
                    old=change.old,
                    new=change.new,
                    reason=reason,
                )
            )
        if before_notify is not None:
            before_notify(applied.inverse)
        for event in applied.events:
            self._notify(event)
        return applied.inverse

    # ---- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Hear every TableChanged; bound methods are held weakly."""
        self._observers.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._observers.unsubscribe(listener)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect change events and send one per table when the outermost batch ends."""
        self._batch_depth += 1
        if self._pending is None:
            self._pending = {}
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                pending, self._pending = self._pending, None
                for event in pending.values():
                    self._send(event)

    def _notify(self, event: TableChanged) -> None:
        if self._pending is not None:
            old = self._pending.get(event.table)
            self._pending[event.table] = old.merge(event) if old else event
        else:
            self._send(event)

    def _send(self, event: TableChanged) -> None:
        self._observers.emit(event)
