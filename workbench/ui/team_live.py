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

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from workbench.core.edits import Edit
from workbench.ui.team_progress import navigator_notes

POLL_SECONDS = 0.5  # how long one wait for a notification lasts (the thread's stop latency)
PROGRESS_EVERY = 2.0  # seconds between two counts of the progress, however busy the team
RECONNECT_DELAYS = (5, 10, 20, 40, 60, 120, 300)  # seconds; then only when asked


def _problem(exc: BaseException) -> str:
    from workbench.io.archive.connection import ArchiveProblem, describe

    return str(exc) if isinstance(exc, ArchiveProblem) else describe(exc)


class ListenerThread(QThread):
    """Waits on the server's notifications; never touches the document (the GUI thread does)."""

    notified = Signal(list)  # the notices (version, log id) that came
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
                notices = listener.poll(POLL_SECONDS)
                if notices:
                    self.notified.emit(notices)
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


class TeamLink(QObject):
    """The window's side of one team session (`team`, an app.team_session.TeamSession over
    the document on screen)."""

    def __init__(self, window, team, server, version) -> None:
        super().__init__(window)
        self.window = window
        self.team = team
        self.server = server
        self.version = version
        self.thread: ListenerThread | None = None
        self.attempts = 0
        self.told = len(team.problems)  # problems already said in the status bar
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
        self.team.on_change.subscribe(self.refresh)
        self.team.on_refused.subscribe(self.refused)
        self.window._update_actions()  # no rows inserted or deleted in a team session
        if self.team.online:
            self._listen()
        else:
            self.went_offline(self.team.offline_reason)
        self.refresh()
        if self.team.conflicts:
            self.open_reconcile()

    def stop(self) -> None:
        self.retry.stop()
        self._stop_thread()
        self.team.on_change.unsubscribe(self.refresh)
        self.team.on_refused.unsubscribe(self.refused)
        status = self.window.team_status
        for signal in (status.syncRequested, status.reconcileRequested, status.leaveRequested):
            signal.disconnect()
        status.stop()
        self.window.navigator.set_notes({})
        view = getattr(self.window, "reconcile_view", None)
        if view is not None and view.team is self.team:
            view.close()
            self.window.reconcile_view = None
        session = self.window.session
        if session is not None and self.refusal in session.gates:
            session.gates.remove(self.refusal)
        try:
            self.team.close()  # the local copy saved; the queue stays in the outbox
        except Exception as exc:  # a copy that cannot be written is said, never a crash
            self.window.show_message(_problem(exc))
        self.window._update_actions()

    def _listen(self) -> None:
        from workbench.app import team as server_side

        self._stop_thread()
        url, version = self.server.url, self.version.id
        thread = ListenerThread(
            lambda: server_side.Listener(url, version),
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
    def pull(self, notices: list | None = None) -> None:
        """Colleagues' changes, applied on the GUI thread through the one edit path (a lost
        connection turns the session offline, and this link with it)."""
        self.team.pull(notices or None)
        if not self.team.online:
            self.went_offline(self.team.offline_reason)
        self.refresh()

    def show_progress(self, progress) -> None:
        navigator, dock = self.window.navigator, self.window.navigator_dock
        navigator.set_notes(navigator_notes(progress or {}))
        wanted = navigator.preferred_width()
        if dock.width() < wanted:  # the table names and their progress both readable
            self.window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    # ---- what goes out -----------------------------------------------------------------------
    def refusal(self, edit: Edit) -> str | None:
        """Session.do's gate: what a team cannot share is refused before it applies."""
        return self.team.check(edit)

    def refused(self, outcomes) -> None:
        """Edits the server refused, each naming its row; the session has put the field
        back to the team's value (label 服务器拒绝，已恢复 in the change log)."""
        if outcomes:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("team_live", "服务器拒绝了修改"),
                "\n".join(dict.fromkeys(o.message for o in outcomes)),
            )

    # ---- online, offline ---------------------------------------------------------------------
    def went_offline(self, why: str) -> None:
        self._stop_thread()
        if self.team.online:
            self.team.went_offline(why)
        self.refresh()
        if self.retry.isActive():
            return
        if self.attempts < len(RECONNECT_DELAYS):
            self.retry.start(RECONNECT_DELAYS[self.attempts] * 1000)
            self.attempts += 1
        else:
            self.window.show_message(
                QCoreApplication.translate(
                    "team_live",
                    "计划库服务器仍连不上，已停止自动重连；点击状态栏的“离线”可再试",
                )
            )

    def reconnect(self) -> bool:
        """Send what waits, in order, read what the team did meanwhile, listen again; False
        (and offline, a later attempt scheduled while any are left) when it fails."""
        self.retry.stop()
        report = self.team.sync()
        if not report.online:
            self.went_offline(self.team.offline_reason)
            return False
        self.attempts = 0
        self._listen()
        self.refresh()
        if self.team.conflicts:
            self.open_reconcile()
        return True

    def open_reconcile(self):
        from workbench.ui.team_reconcile import open_reconcile

        return open_reconcile(self.window, self.team, self.refresh)

    def refresh(self) -> None:
        team = self.team
        problems = team.problems[self.told :]
        self.told = len(team.problems)
        if problems:
            self.window.show_message(problems[-1])
        self.window.team_status.show_state(
            team.online,
            team.pending,
            len(team.conflicts),
            QCoreApplication.translate("team_live", "团队审核：{server}，版本 {id}").format(
                server=self.server.login.describe(), id=self.version.id
            ),
            "" if team.online else team.offline_reason,
        )
        view = getattr(self.window, "reconcile_view", None)
        if view is not None and view.team is team and view.isVisible():
            view.refresh()


def open_team_version(window, server, version) -> TeamLink | None:
    """Version `version` of the team's server on screen as a team session: the team's values
    in it, my queued changes replayed; offline from this workstation's copy when the server
    has gone since the list was read."""
    from workbench.app.team_open import open_session
    from workbench.io.archive.connection import ArchiveProblem
    from workbench.ui.long_task import Cancelled, run_long

    if not window.confirm_discard():
        return None
    try:
        team = run_long(
            window,
            QCoreApplication.translate("team_live", "正在打开团队审核的版本 {id}").format(
                id=version.id
            ),
            lambda: open_session(server.url, version.id),
        )
    except Cancelled:
        window.show_message(QCoreApplication.translate("team_live", "已取消打开"))
        return None
    except ArchiveProblem as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("team_live", "无法打开团队审核"), str(exc)
        )
        return None
    window.set_document(team.document, None, native=True)
    link = TeamLink(window, team, server, version)
    window.team = link
    link.start()
    window.show_message(
        QCoreApplication.translate(
            "team_live", "已打开版本 {id}（{year}年 {label}），与团队同步审核"
        ).format(id=version.id, year=version.year, label=version.label)
    )
    return link


def leave_team_session(window) -> None:
    link = getattr(window, "team", None)
    if link is not None:
        window.team = None
        link.stop()
