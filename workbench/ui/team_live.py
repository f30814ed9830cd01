"""A team session in the window: the live link to the server while a version opened from it
is on screen.

A QThread waits on the server's notifications (the archive's `Listener.poll`, over its own
connection) and, when a colleague's change is committed, signals the GUI thread, which asks
the team session to pull the changes in (they arrive through the document's one edit path,
so grid, review panel, change log and tooltips show them with who and when). The same
thread counts each table's progress for the navigator, at most every few seconds.

When the server drops away the session works on (changes queue), the status bar says
offline, and reconnecting is tried a bounded number of times, further apart each time;
after that only a click on the status (重新连接并同步) tries again — nothing loops forever.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from workbench.core.edits import Compound, Edit, SetCells, SetReview
from workbench.ui.team_progress import navigator_notes

POLL_SECONDS = 0.5  # how long one wait for a notification lasts (the thread's stop latency)
PROGRESS_EVERY = 2.0  # seconds between two counts of the progress, however busy the team
RECONNECT_DELAYS = (5, 10, 20, 40, 60, 120, 300)  # seconds; then only when asked


def _problem(exc: BaseException) -> str:
    from workbench.io.archive.connection import ArchiveProblem, describe

    return str(exc) if isinstance(exc, ArchiveProblem) else describe(exc)


class ListenerThread(QThread):
    """Waits on the server's notifications; never touches the document (the GUI thread does)."""

    notified = Signal()
    progressed = Signal(object)  # {table: {role: {status: count}}}
    lost = Signal(str)  # the connection failed: why, in words

    def __init__(self, open_listener, fetch_progress, parent=None) -> None:
        super().__init__(parent)
        self._open_listener = open_listener
        self._fetch_progress = fetch_progress
        self._counted_at = 0.0
        self._recount = True

    def run(self) -> None:
        listener = None
        try:
            listener = self._open_listener()
            while not self.isInterruptionRequested():
                if listener.poll(POLL_SECONDS):
                    self.notified.emit()
                    self._recount = True
                if self._recount and time.monotonic() - self._counted_at >= PROGRESS_EVERY:
                    self._recount = False
                    self._counted_at = time.monotonic()
                    self.progressed.emit(self._fetch_progress())
        except Exception as exc:  # the thread's boundary: every failure becomes "offline"
            if not self.isInterruptionRequested():
                self.lost.emit(_problem(exc))
        finally:
            if listener is not None:
                try:
                    listener.close()
                except Exception:  # closing a connection that already broke
                    pass


def shareable(edit: Edit) -> bool:
    """Cell values and review marks of existing rows travel to the team; nothing else does."""
    if isinstance(edit, Compound):
        return all(shareable(part) for part in edit.edits)
    return isinstance(edit, (SetCells, SetReview))


class TeamLink(QObject):
    """The window's side of one team session (`team`, a TeamSession over the open document)."""

    def __init__(self, window, team, server, version) -> None:
        super().__init__(window)
        self.window = window
        self.team = team
        self.server = server
        self.version = version
        self.thread: ListenerThread | None = None
        self.attempts = 0
        self.detail = ""
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self.reconnect)
        status = window.team_status
        status.syncRequested.connect(self.reconnect)
        status.reconcileRequested.connect(self.open_reconcile)
        status.leaveRequested.connect(lambda: leave_team_session(window))

    # ---- start and stop ----------------------------------------------------------------------
    def start(self) -> None:
        self.window.session.gates.append(self.refusal)
        self.window._update_actions()  # no rows inserted or deleted in a team session
        self._listen()
        self.refresh()

    def stop(self) -> None:
        self.retry.stop()
        self._stop_thread()
        status = self.window.team_status
        for signal in (status.syncRequested, status.reconcileRequested, status.leaveRequested):
            signal.disconnect()
        status.stop()
        self.window.navigator.set_notes({})
        session = self.window.session
        if session is not None and self.refusal in session.gates:
            session.gates.remove(self.refusal)
        close = getattr(self.team, "close", None)
        if close is not None:
            close()
        self.window._update_actions()

    def _listen(self) -> None:
        from workbench.app import team as server_side

        self._stop_thread()
        url, version = self.server.url, self.version.id
        thread = ListenerThread(
            lambda: server_side.Listener(url),
            lambda: server_side.progress_of(url, version),
            self,
        )
        thread.notified.connect(self.pull)
        thread.progressed.connect(self.show_progress)
        thread.lost.connect(self.went_offline)
        self.thread = thread
        thread.start()

    def _stop_thread(self) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.requestInterruption()
            thread.wait()

    # ---- what comes in -----------------------------------------------------------------------
    def pull(self) -> None:
        """Colleagues' changes, applied on the GUI thread through the one edit path."""
        try:
            self.team.pull()
        except Exception as exc:  # the server went away between the notice and the read
            self.went_offline(_problem(exc))
            return
        self.refresh()

    def show_progress(self, progress) -> None:
        self.window.navigator.set_notes(navigator_notes(progress or {}))

    # ---- what goes out -----------------------------------------------------------------------
    def refusal(self, edit: Edit) -> str | None:
        """Session.do's gate: what a team cannot share is refused before it applies."""
        check = getattr(self.team, "check", None)
        reason = check(edit) if check is not None else None
        if reason:
            return reason
        if not shareable(edit):
            return QCoreApplication.translate(
                "team_live",
                "团队审核中只能修改已有行的数值和审核标记；插入或删除行、修改对照表或审核容差"
                "请在计划库外的副本中进行",
            )
        return None

    def refused(self, outcomes) -> None:
        """Edits the server refused: said, naming the rows; the session has put them back."""
        if outcomes:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("team_live", "服务器拒绝了修改"),
                "\n".join(o.message for o in outcomes),
            )
        self.refresh()

    # ---- online, offline ---------------------------------------------------------------------
    def went_offline(self, why: str) -> None:
        self._stop_thread()
        self.detail = why
        mark = getattr(self.team, "went_offline", None)
        if mark is not None:
            mark(why)
        self.refresh()
        if self.attempts < len(RECONNECT_DELAYS):
            self.retry.start(RECONNECT_DELAYS[self.attempts] * 1000)
            self.attempts += 1
        else:
            self.window.show_message(
                QCoreApplication.translate(
                    "team_live", "计划库服务器仍连不上，已停止自动重连；点击状态栏的“离线”可再试"
                )
            )

    def reconnect(self) -> bool:
        """Send what waits, in order, then listen again; False (and offline) when it fails."""
        self.retry.stop()
        try:
            self.team.sync()
        except Exception as exc:
            self.went_offline(_problem(exc))
            return False
        self.attempts = 0
        self.detail = ""
        self._listen()
        self.pull()
        if self.team.conflicts:
            self.open_reconcile()
        return True

    def open_reconcile(self):
        from workbench.ui.team_reconcile import open_reconcile

        return open_reconcile(self.window, self.team, self.refresh)

    def refresh(self) -> None:
        team = self.team
        self.window.team_status.show_state(
            bool(team.online),
            int(team.pending),
            len(team.conflicts),
            QCoreApplication.translate("team_live", "团队审核：{server}，版本 {id}").format(
                server=self.server.login.describe(), id=self.version.id
            ),
            self.detail,
        )


def start_team_session(window, server, version) -> TeamLink:
    """The document on screen (just opened from `server`) becomes a team session."""
    from workbench.app.team_session import TeamSession

    leave_team_session(window)
    team = TeamSession(window.session.doc, server.url, version.id)
    link = TeamLink(window, team, server, version)
    window.team = link
    link.start()
    return link


def leave_team_session(window) -> None:
    link = getattr(window, "team", None)
    if link is not None:
        window.team = None
        link.stop()
