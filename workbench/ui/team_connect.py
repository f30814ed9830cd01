"""文件 → 连接计划库服务器…: where the team's archive server is and who is connecting.

The settings keep the server, port, database, user name and TLS mode — never the password.
A password the reviewer asks to remember goes into the platform's keyring (the `keyring`
package: Windows Credential Manager, macOS Keychain, Secret Service) through app/team.py,
under the service "workbench-archive" and the key "user@host:port/db"; PostgreSQL's own
pgpass file works too when the password field is left empty. Connecting is tried once, with the driver's timeout,
and any failure is one Chinese sentence; the password lives on only in memory, in the URL
the window hands the archive commands for this session.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from workbench.core.vocab import PROBLEM_TEXT
from workbench.ui.dialog_buttons import ok_cancel

DEFAULT_PORT = 5432
# PostgreSQL's sslmode values, the default first: TLS when the server offers it.
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "allow", "disable")
_SETTINGS = "team/"


@dataclass(frozen=True)
class ServerLogin:
    """A team archive server and the role connecting to it (no password: see `url`)."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"

    def url(self, password: str | None = None) -> str:
        """The archive URL; with `password` only for the connection in memory."""
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        database = quote(self.database, safe="")
        return f"postgresql://{auth}@{host}:{self.port}/{database}?sslmode={self.sslmode}"

    def describe(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    # ---- the settings (no password) ------------------------------------------------------
    @classmethod
    def from_settings(cls, settings) -> ServerLogin | None:
        host = str(settings.value(_SETTINGS + "host") or "")
        if not host:
            return None
        try:
            port = int(settings.value(_SETTINGS + "port") or DEFAULT_PORT)
        except (TypeError, ValueError):
            port = DEFAULT_PORT
        sslmode = str(settings.value(_SETTINGS + "sslmode") or "prefer")
        return cls(
            host,
            port,
            str(settings.value(_SETTINGS + "database") or ""),
            str(settings.value(_SETTINGS + "user") or ""),
            sslmode if sslmode in SSL_MODES else "prefer",
        )

    def remember(self, settings) -> None:
        settings.setValue(_SETTINGS + "host", self.host)
        settings.setValue(_SETTINGS + "port", self.port)
        settings.setValue(_SETTINGS + "database", self.database)
        settings.setValue(_SETTINGS + "user", self.user)
        settings.setValue(_SETTINGS + "sslmode", self.sslmode)


# ---- the keyring (app/team.py keeps it, for the command line too) -----------------------
def stored_password(login: ServerLogin) -> str | None:
    """The remembered password; None when there is none or no keyring works on this machine."""
    from workbench.app import team

    return team.stored_password(login.url())


def store_password(login: ServerLogin, password: str) -> str | None:
    """Keep `password` in the keyring; a sentence saying why not, or None when kept."""
    from workbench.app import team

    if team.remember_password(login.url(), password):
        return None
    return QCoreApplication.translate(
        "team_connect", "本机没有可用的密码保管库，密码未保存，下次连接需重新输入"
    )


def forget_password(login: ServerLogin) -> None:
    from workbench.app import team

    team.forget_password(login.url())


# ---- the dialog ----------------------------------------------------------------------------
class ConnectDialog(QDialog):
    def __init__(self, parent, login: ServerLogin | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("team_connect", "连接计划库服务器"))
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(
            QCoreApplication.translate("team_connect", "服务器名称或地址，如 db.fgw.local")
        )
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(
            QCoreApplication.translate("team_connect", "数据库用户名（每位审核人一个）")
        )
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            QCoreApplication.translate("team_connect", "留空则使用已保存的密码或 pgpass 文件")
        )
        self.sslmode = QComboBox(self)
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setToolTip(
            QCoreApplication.translate(
                "team_connect", "prefer：服务器支持时加密连接；require 及以上：必须加密"
            )
        )
        self.remember = QCheckBox(
            QCoreApplication.translate("team_connect", "记住密码（保存在本机系统的密码保管库中）"),
            self,
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("team_connect", "服务器(&H)："), self.host)
        form.addRow(QCoreApplication.translate("team_connect", "端口(&P)："), self.port)
        form.addRow(QCoreApplication.translate("team_connect", "数据库(&D)："), self.database)
        form.addRow(QCoreApplication.translate("team_connect", "用户名(&U)："), self.user)
        form.addRow(QCoreApplication.translate("team_connect", "密码(&W)："), self.password)
        form.addRow(QCoreApplication.translate("team_connect", "加密方式(&S)："), self.sslmode)
        form.addRow("", self.remember)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_TEXT};")
        self.problem.hide()
        self.buttons = ok_cancel(self, QCoreApplication.translate("team_connect", "连接"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if login is not None:
            self.show_login(login)

    def show_login(self, login: ServerLogin) -> None:
        self.host.setText(login.host)
        self.port.setValue(login.port)
        self.database.setText(login.database)
        self.user.setText(login.user)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(login.sslmode)))
        password = stored_password(login)
        self.remember.setChecked(password is not None)
        self.password.setText(password or "")

    def login(self) -> ServerLogin:
        return ServerLogin(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            str(self.sslmode.currentData()),
        )

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> None:
        for edit in (self.host, self.database, self.user):
            if not edit.text().strip():
                edit.setFocus()
                self.show_problem(
                    QCoreApplication.translate("team_connect", "请填写服务器、数据库和用户名")
                )
                return
        super().accept()


@dataclass(frozen=True)
class TeamServer:
    """The server this window is connected to, for this run only (the password with it)."""

    login: ServerLogin
    password: str | None = None

    @property
    def url(self) -> str:
        return self.login.url(self.password)


def _check(server: TeamServer) -> None:
    """One attempt at the server, with the driver's connect timeout: the login, the schema
    (older or newer refused) and the role's grants are checked; nothing is retried."""
    from workbench.app import team

    with team.connected(server.url):
        pass


def connect_to_server(window, dialog_class=ConnectDialog) -> TeamServer | None:
    """Ask, connect once, remember (settings and keyring), then list the server's versions."""
    from workbench.io.archive.connection import ArchiveProblem
    from workbench.ui.long_task import Cancelled, run_long

    dialog = dialog_class(window, ServerLogin.from_settings(window.settings))
    while dialog.exec() == QDialog.DialogCode.Accepted:
        login = dialog.login()
        server = TeamServer(login, dialog.password.text() or None)
        try:
            run_long(
                window,
                QCoreApplication.translate("team_connect", "正在连接 {server}").format(
                    server=login.describe()
                ),
                lambda server=server: _check(server),
            )
        except Cancelled:
            window.show_message(QCoreApplication.translate("team_connect", "已取消连接"))
            return None
        except ArchiveProblem as exc:
            # the dialog comes back with what was typed, the reason under the fields
            dialog.show_problem(
                QCoreApplication.translate("team_connect", "无法连接 {server}：{problem}").format(
                    server=login.describe(), problem=exc.message
                )
            )
            continue
        login.remember(window.settings)
        if dialog.remember.isChecked() and server.password:
            problem = store_password(login, server.password)
            if problem:
                QMessageBox.information(
                    window, QCoreApplication.translate("team_connect", "记住密码"), problem
                )
        elif not dialog.remember.isChecked():
            forget_password(login)
        window.team_server = server
        window.show_message(
            QCoreApplication.translate("team_connect", "已连接计划库服务器 {server}").format(
                server=login.describe()
            )
        )
        from workbench.ui.archive_dialog import open_archive_dialog

        open_archive_dialog(window, server)
        return server
    return None
