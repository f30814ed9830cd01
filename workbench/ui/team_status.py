"""The team session's state in the status bar: online or offline, how many changes wait to
be sent, how many conflicts wait for a choice — and, on a click, what can be done about it
(sync now, reconnect, open the reconcile view, leave the team session)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton

from workbench.core.vocab import TEAM_CONFLICT, TEAM_OFFLINE, TEAM_ONLINE


def state_text(online: bool, pending: int, conflicts: int) -> str:
    """What the status bar says: 在线 · 团队审核 / 离线 · 待同步 N 项, and 冲突 N 项."""
    if online:
        text = (
            QCoreApplication.translate("team_status", "在线 · 待同步 {n} 项").format(n=pending)
            if pending
            else QCoreApplication.translate("team_status", "在线 · 团队审核")
        )
    else:
        text = QCoreApplication.translate("team_status", "离线 · 待同步 {n} 项").format(n=pending)
    if conflicts:
        text += " · " + QCoreApplication.translate("team_status", "冲突 {n} 项").format(n=conflicts)
    return text


class TeamStatus(QToolButton):
    """Hidden until a team session starts; `show_state` after every change of state."""

    syncRequested = Signal()
    reconcileRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.sync_action = menu.addAction(
            QCoreApplication.translate("team_status", "立即同步(&S)"), self.syncRequested.emit
        )
        self.reconcile_action = menu.addAction(
            QCoreApplication.translate("team_status", "处理冲突(&C)…"), self.reconcileRequested.emit
        )
        menu.addSeparator()
        self.leave_action = menu.addAction(
            QCoreApplication.translate("team_status", "退出团队审核(&L)"), self.leaveRequested.emit
        )
        self.setMenu(menu)
        self.online = False
        self.pending = 0
        self.conflicts = 0
        self.hide()

    def show_state(
        self, online: bool, pending: int, conflicts: int, where: str = "", detail: str = ""
    ) -> None:
        self.online, self.pending, self.conflicts = online, pending, conflicts
        colour = TEAM_CONFLICT if conflicts else TEAM_ONLINE if online else TEAM_OFFLINE
        self.setText("● " + state_text(online, pending, conflicts))
        self.setStyleSheet(f"QToolButton {{ color: {colour}; }}")
        lines = [where] if where else []
        if online:
            lines.append(
                QCoreApplication.translate("team_status", "他人的标记和修改会在几秒内显示在表格中")
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "team_status", "连不上服务器：修改保存在本机，恢复连接后按顺序发送"
                )
            )
        if detail:
            lines.append(detail)
        self.setToolTip("\n".join(lines))
        self.sync_action.setText(
            QCoreApplication.translate("team_status", "立即同步(&S)")
            if online
            else QCoreApplication.translate("team_status", "重新连接并同步(&S)")
        )
        self.reconcile_action.setEnabled(bool(conflicts))
        self.show()

    def stop(self) -> None:
        self.hide()
