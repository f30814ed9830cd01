"""A plan document opened from the team's server: what I change goes to the team, what the
team changes comes into my document, and nothing is lost while the server is away.

Outgoing: every edit applied to the document is heard, turned into typed team changes
(core.team.team_changes), written to the outbox first and then pushed in order; offline
they wait there. Edits the team cannot share (rows inserted or deleted, crosswalk, policy)
are refused before they apply: the window asks `check(edit)`.
Incoming: `pull()` reads the team's values logged since the last one read and applies each
through the document's one edit path as its author (label 团队修改), without sharing it back
and without putting it on my undo stack; a field I changed and have not yet heard back about
is left as I made it (the server answers that push with a conflict if theirs differs).
Conflicts are kept per field for the reconcile view; `resolve` answers one through the edit
path (keep theirs) or by pushing mine again against their value (keep mine).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from workbench.app.team_conflicts import ConflictBook, FieldKey
from workbench.app.team_link import LiveValue, ServerLink, Unreachable, server_name
from workbench.core.document import PlanDocument
from workbench.core.edits import (
    CellChange,
    Compound,
    Edit,
    EditError,
    SetCells,
    SetReview,
)
from workbench.core.events import TableChanged
from workbench.core.observers import Observers
from workbench.core.team import (
    COMMENT_FIELD,
    STATUS_FIELD,
    Conflict,
    Outcome,
    OutcomeKind,
    TeamChange,
    new_change_id,
    team_changes,
    unshareable,
)
from workbench.io.archive.connection import open_archive
from workbench.io.archive.location import default_location
from workbench.io.archive.offline_copy import OfflineCopy, copy_path, save_copy
from workbench.io.archive.outbox import Outbox
from workbench.io.archive.team_listen import Notice, since_for
from workbench.io.archive.team_values import same

TEAM_LABEL = "团队修改"
RESTORED_LABEL = "服务器拒绝，已恢复"
QUEUED_LABEL = "恢复待同步的修改"
PUSH_BATCH = 500  # changes per round trip: a paste of 10,000 cells is twenty pushes
_SHAREABLE = (SetCells, SetReview)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _key(change: TeamChange) -> FieldKey:
    return change.table, change.row_key, change.field


@dataclass
class SyncReport:
    """What one push and pull did, for the status bar and the reconcile view."""

    applied: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)
    duplicates: int = 0
    pulled: int = 0
    online: bool = True


def refusal(edit: Edit) -> str | None:
    """Why a team session cannot share this edit (None: it can)."""
    if isinstance(edit, Compound):
        return next((r for r in map(refusal, edit.edits) if r), None)
    if isinstance(edit, _SHAREABLE):
        return None
    return (
        f"团队审核中不能“{edit.label}”：只有单元格的数值和审核标记会同步给其他审核人，"
        "插入或删除行、修改对照和审核容差请在计划库中新建版本后进行"
    )


class TeamSession:
    """One open server version. `link` None means offline (the outbox keeps everything)."""

    def __init__(
        self,
        document: PlanDocument,
        server_url: str,
        version_id: int,
        local_archive: str | os.PathLike | None = None,
        *,
        password: str | None = None,
        link: ServerLink | None = None,
        connect: bool = True,
    ):
        """`document` is version `version_id` as opened from the server (or the local copy,
        then `connect=False`: open_session does that). Online, the team's live values and
        my changes still queued are put into it, and the local copy is saved."""
        server = server_name(server_url)
        local = local_archive or default_location()  # the embedded archive, never a server
        self.document = document
        self.outbox = Outbox(open_archive(local), server, version_id)
        self.version_id = version_id
        self.reconnect: Callable[[], ServerLink] | None = lambda: ServerLink(server_url, password)
        self.copy_path: Path | None = copy_path(local, server, version_id)
        self.last_log_id = 0
        self.offline_reason = ""
        self.refused: list[Outcome] = []
        self.problems: list[str] = []  # what could not be shared or applied, in words
        self.origin: dict[FieldKey, tuple[str, str]] = {}  # a colleague's value: who, when
        self.on_change = Observers()  # the window refreshes its status and reconcile view
        self.on_refused = Observers()  # called with the outcomes the server refused
        self._book = ConflictBook()
        self._quiet = 0
        self._waiting: dict[FieldKey, int] = {}  # my changes the server has not answered
        for queued in self.outbox.pending():
            self._wait(_key(queued.change), 1)
        for queued in self.outbox.disputed():
            outcome = queued.outcome()
            if outcome is not None:
                self._book.add(Conflict.from_outcome(outcome))
        self.link = link
        if link is None and connect:
            try:
                self.link = self.reconnect()
            except Unreachable as exc:
                self.offline_reason = str(exc)
        self.who = self.link.who if self.link else (urlsplit(server_url).username or "")
        document.subscribe(self._heard)
        if connect or link is not None:
            self._catch_up()

    def _catch_up(self) -> None:
        """The document as read from the server, brought to where the team and I are: the
        team's values, then my changes still queued (in the order made); then the local
        copy is saved and the queue pushed."""
        if self.link is not None:
            try:
                values, last = self.link.live(self.version_id, 0)
            except Unreachable as exc:
                self.went_offline(exc)
            else:
                self.take_values(values)
                self.last_log_id = last
        queued = sorted(self.outbox.pending() + self.outbox.disputed(), key=lambda q: q.seq)
        self.replay([q.change for q in queued])
        if self.link is not None:
            self.save_copy()
            self.push()

    # ---- state ----------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        return self.link is not None

    @property
    def conflicts(self) -> list[Conflict]:
        return self._book.all()

    @property
    def pending(self) -> int:
        """Changes queued for the server (the status bar's 待同步 N 项)."""
        return self.outbox.count_pending()

    def close(self) -> None:
        """Save the local copy (when there is one to keep) and let go of the server."""
        self.document.unsubscribe(self._heard)
        try:
            self.save_copy()
        finally:
            if self.link is not None:
                self.link.close()
                self.link = None
            self.outbox.connection.close()

    def save_copy(self) -> None:
        """The document as it stands, for reopening while offline."""
        if self.copy_path is None:
            return
        seq = self.outbox.last_seq()
        save_copy(
            self.copy_path,
            OfflineCopy(
                self.document, self.outbox.server, self.version_id, self.who, self.last_log_id, seq
            ),
        )
        self.outbox.forget_done(seq)

    def sync(self) -> SyncReport:
        """Reconnect if offline (one attempt), push the queue in order, and read the team's
        values since the last read (from the start after being offline). The local copy is
        saved on opening and closing (`save_copy` whenever else the window likes): what I
        changed after it is replayed from the outbox, so a stale copy loses nothing."""
        since = None
        if self.link is None and self.reconnect is not None:
            try:
                self.link = self.reconnect()
            except Unreachable as exc:
                self.offline_reason = str(exc)
                return SyncReport(online=False)
            self.offline_reason = ""
            since = 0  # while away, a change may have committed below the last id read
            self.on_change.emit()
        report = self.push()
        report.pulled = self.pull(since=since)
        report.online = self.online
        return report

    # ---- outgoing ---------------------------------------------------------------------------
    def check(self, edit: Edit) -> str | None:
        """The window asks before applying: a message when the team cannot share `edit`."""
        return refusal(edit)

    def _heard(self, event: TableChanged) -> None:
        if self._quiet:
            return
        odd = unshareable(event.changes)
        if odd or (event.structural and not event.changes):
            self.problems.append(f"表 {event.table} 的行增删未同步给团队（团队审核中不支持）")
        changes = team_changes(event.changes, self.version_id, self.who, _now())
        if changes:
            self.queue(changes)
            if self.online:
                self.push()
            self.on_change.emit()

    def queue(self, changes: list[TeamChange]) -> None:
        """Put changes of mine at the end of the outbox (written before any push)."""
        self.outbox.put(changes)
        for change in changes:
            self._wait(_key(change), 1)

    def _wait(self, key: FieldKey, step: int) -> None:
        count = self._waiting.get(key, 0) + step
        if count > 0:
            self._waiting[key] = count
        else:
            self._waiting.pop(key, None)

    def push(self) -> SyncReport:
        """Push the queue in order, PUSH_BATCH changes a round trip, until it is empty or
        the server is gone (then the rest waits, and `online` turns False)."""
        report = SyncReport(online=self.online)
        while self.link is not None:
            batch = self.outbox.pending(limit=PUSH_BATCH)
            if not batch:
                break
            try:
                outcomes = self.link.push([q.change for q in batch])
            except Unreachable as exc:
                self.outbox.record(exc.outcomes)
                self._take(exc.outcomes, report)
                self.went_offline(exc)
                break
            answered = {o.change.change_id for o in outcomes}
            if any(q.change.change_id not in answered for q in batch):
                # never loop on a server that skips changes: they stay queued, said so
                self.outbox.record(outcomes)
                self._take(outcomes, report)
                self.problems.append("服务器未答复部分修改，已留在待同步队列中")
                break
            self.outbox.record(outcomes)
            self._take(outcomes, report)
        report.online = self.online
        return report

    def _take(self, outcomes: list[Outcome], report: SyncReport) -> None:
        refused: list[Outcome] = []
        for outcome in outcomes:
            change = outcome.change
            key = _key(change)
            self._wait(key, -1)
            if outcome.kind is OutcomeKind.APPLIED:
                report.applied += 1
            elif outcome.kind is OutcomeKind.DUPLICATE:
                report.duplicates += 1
                self._recheck(outcome, report)
            elif outcome.kind is OutcomeKind.CONFLICT:
                report.conflicts.append(self._book.add(Conflict.from_outcome(outcome)))
            else:
                self.refused.append(outcome)
                report.refused.append(outcome)
                refused.append(outcome)
                if key not in self._waiting and same(self._current(key), change.value):
                    self._set(key, change.expected, self.who, RESTORED_LABEL)
        if refused:
            self.on_refused.emit(refused)
        if outcomes:
            self.on_change.emit()

    def _recheck(self, outcome: Outcome, report: SyncReport) -> None:
        """A change the server had seen: pushed before a connection dropped mid-commit, so
        what it made of it never came back. If the field does not hold my value now, it was
        (or has since become) someone else's: a conflict to show, never silently theirs."""
        change = outcome.change
        key = _key(change)
        if key in self._waiting or self.link is None:
            return  # a later change of mine to the field answers for it
        try:
            theirs = self.link.current(change)
        except Unreachable:
            return  # the next pull brings the field's value; offline, nothing to compare
        if not same(theirs, change.value):
            report.conflicts.append(
                self._book.add(Conflict.from_outcome(Outcome(change, OutcomeKind.CONFLICT, theirs)))
            )
            self.outbox.record([Outcome(change, OutcomeKind.CONFLICT, theirs)])

    def went_offline(self, why: str | Exception) -> None:
        """The server is gone (a push or pull failed, or the window's Listener lost it):
        changes queue until `sync()`."""
        link, self.link = self.link, None
        self.offline_reason = str(why)
        if link is not None:
            try:
                link.close()
            except Exception:  # the connection is already broken; closing it is courtesy
                pass
        self.on_change.emit()

    # ---- incoming ---------------------------------------------------------------------------
    def pull(self, notices: list[Notice] | None = None, *, since: int | None = None) -> int:
        """Apply the team's values logged since the last read (or since log id `since`);
        the number applied. The window passes the Listener's `notices`: a change written
        before one already read but committed after it is read again from below it."""
        if self.link is None:
            return 0
        start = self.last_log_id if since is None else since
        if notices:
            start = since_for(start, notices)
        try:
            values, last = self.link.live(self.version_id, start)
        except Unreachable as exc:
            self.went_offline(exc)
            return 0
        applied = self.take_values(values)
        self.last_log_id = max(self.last_log_id, last)
        if applied:
            self.on_change.emit()
        return applied

    def take_values(self, values: list[LiveValue]) -> int:
        """Others' values into the document through the edit path, as their author."""
        applied = 0
        with self.quietly(), self.document.batch():
            for live in values:
                key = (live.table, live.row_key, live.field)
                if key in self._book:
                    self._book.theirs_changed(key, live.value, live.who, live.at)
                    continue
                if key in self._waiting or same(self._current(key), live.value):
                    continue
                try:
                    self._set(key, live.value, live.who, TEAM_LABEL)
                except (EditError, KeyError) as exc:
                    self.problems.append(
                        f"{live.who} 对表 {live.table} 行 {live.row_key} 的修改无法应用：{exc}"
                    )
                    continue
                self.origin[key] = (live.who, live.at)
                applied += 1
        return applied

    # ---- conflicts --------------------------------------------------------------------------
    def resolve(self, conflict: Conflict, keep: str) -> None:
        """Answer a conflict: "theirs" puts their value in my document (nothing to push),
        "mine" pushes my value again against theirs (a conflict again if they changed it
        once more meanwhile)."""
        if keep not in ("mine", "theirs"):
            raise ValueError(f"keep must be 'mine' or 'theirs', not {keep!r}")
        held, ids = self._book.take(conflict)
        key = (held.table, held.row_key, held.field)
        if keep == "theirs":
            if self._current(key) != held.theirs:
                self._set(key, held.theirs, held.theirs_who or self.who, TEAM_LABEL)
            self.outbox.settle(ids)
        else:
            again = TeamChange(
                new_change_id(),
                self.version_id,
                held.table,
                held.row_key,
                held.field,
                held.theirs,
                held.mine,
                self.who,
                _now(),
            )
            if self._current(key) != held.mine:
                self._set(key, held.mine, self.who, TEAM_LABEL)
            self.queue([again])  # queued before the old ones are settled: no loss
            self.outbox.settle(ids)
            if self.online:
                self.push()
        self.on_change.emit()

    # ---- the document side --------------------------------------------------------------
    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Edits applied inside are the team's, not mine: not heard, not pushed."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _current(self, key: FieldKey) -> Any:
        table_id, row_key, name = key
        table = self.document.tables.get(table_id)
        if table is None or row_key not in table.rows:
            return None
        if name == STATUS_FIELD:
            return table.mark(row_key).status
        if name == COMMENT_FIELD:
            return table.mark(row_key).comment
        return table.rows[row_key].get(name)

    def _set(self, key: FieldKey, value: Any, who: str, label: str) -> None:
        """One field through the edit path as `who`, unheard and off my undo stack."""
        table_id, row_key, name = key
        if name == STATUS_FIELD:
            edit: Edit = SetReview(table_id, row_key, status=value, label=label)
        elif name == COMMENT_FIELD:
            edit = SetReview(table_id, row_key, comment=value or "", label=label)
        else:
            edit = SetCells(table_id, (CellChange(row_key, name, value),), label=label)
        with self.quietly():
            self.document.apply(edit, user=who)

    def replay(self, changes: list[TeamChange]) -> None:
        """Put my queued changes back into a document read afresh (from the server or the
        local copy), in the order made; they are in the outbox already."""
        with self.quietly(), self.document.batch():
            for change in changes:
                try:
                    self._set(_key(change), change.value, self.who, QUEUED_LABEL)
                except (EditError, KeyError) as exc:
                    self.problems.append(f"待同步的修改无法恢复到文档：{exc}")
