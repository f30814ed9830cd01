"""文件 → 连接计划库服务器… as a reviewer meets it: the server, port, database and user are
remembered, the password only in the keyring (asked for), and each way connecting fails is
one sentence in the dialog, which keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.team.servers import admin, password_role
from workbench.ui.team_connect import KEYRING_SERVICE, ConnectDialog

PASSWORD = "s3cret 口令/@:"  # a space, Chinese and URL characters: all must survive


def _file_action(win, text: str):
    menu = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in menu.actions() if a.text() == text)


def _drive(steps):
    """Each time the connect dialog comes up, hand it to the next step (a person at it)."""
    pending = list(steps)
    seen: list[ConnectDialog] = []
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog) or not dialog.isVisible():
            if seen:
                seen.clear()  # closed: the next showing is a new one
            return
        if seen or not pending:
            return
        seen.append(dialog)
        pending.pop(0)(dialog)
        if not dialog.isVisible():  # answered: the next showing (after a failure) is new
            seen.clear()

    timer.timeout.connect(tick)
    timer.start()
    return timer, pending


def _connect(qtbot, window, *steps):
    timer, pending = _drive(steps)
    _file_action(window, "连接计划库服务器(&N)…").trigger()
    timer.stop()
    assert not pending, "the connect dialog was shown fewer times than expected"


def _fill(qtbot, host: str, port: int, database: str, user: str, password: str, remember: bool):
    def step(dialog: ConnectDialog) -> None:
        for edit, text in (
            (dialog.host, host),
            (dialog.database, database),
            (dialog.user, user),
            (dialog.password, password),
        ):
            edit.selectAll()
            edit.del_()
            if text.isascii():
                qtbot.keyClicks(edit, text)
            else:  # typed through the input method: Qt's test keys are ASCII only
                edit.insert(text)
        dialog.port.setValue(port)
        if dialog.remember.isChecked() != remember:
            qtbot.mouseClick(dialog.remember, Qt.LeftButton)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)

    return step


def _cancel(seen: list):
    def step(dialog: ConnectDialog) -> None:
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append(
            (dialog.host.text(), dialog.database.text(), dialog.user.text(), dialog.password.text())
        )
        seen.append(dialog.remember.isChecked())
        qtbot_click(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    return step


def qtbot_click(button) -> None:
    button.click()


def _database_with_a_version(server, window) -> tuple[str, str]:
    from workbench.app import archive

    url = server.new_database()
    archive.save_document(url, window.session.doc, label="报送稿", note="", year=2022)
    return url, url.rsplit("/", 1)[1]


def test_connecting_lists_the_server_s_versions_and_keeps_the_password_in_the_keyring(
    qtbot, make_window, postgres_server, memory_keyring, tmp_path
):
    window = make_window()
    url, database = _database_with_a_version(postgres_server, window)
    password_role(postgres_server, "alice", PASSWORD)
    port = postgres_server.port
    _connect(qtbot, window, _fill(qtbot, "127.0.0.1", port, database, "alice", PASSWORD, True))

    dialog = window.archive_dialog
    assert dialog.isVisible()
    assert f"alice@127.0.0.1:{port}/{database}" in dialog.where.text()
    assert "s3cret" not in dialog.where.text()
    year = dialog.tree.topLevelItem(0)
    assert year.text(0) == "2022年" and year.child(0).text(1) == "报送稿"
    assert "已连接计划库服务器" in window.statusBar().currentMessage()

    key = f"alice@127.0.0.1:{port}/{database}"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, key): PASSWORD}
    window.settings.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "alice" in stored and database in stored and str(port) in stored
    assert "s3cret" not in stored and "%E5%8F%A3" not in stored  # not in clear, not quoted
    dialog.close()

    # next time the form is filled in, the password from the keyring
    seen: list = []
    _connect(qtbot, window, _cancel(seen))
    assert seen == ["", ("127.0.0.1", database, "alice", PASSWORD), True]


def test_a_wrong_password_is_said_in_the_dialog_and_nothing_is_kept(
    qtbot, make_window, postgres_server, memory_keyring, message_boxes
):
    window = make_window()
    _, database = _database_with_a_version(postgres_server, window)
    password_role(postgres_server, "bob", PASSWORD)
    seen: list = []
    port = postgres_server.port
    _connect(
        qtbot,
        window,
        _fill(qtbot, "127.0.0.1", port, database, "bob", "wrong", True),
        _cancel(seen),
    )
    problem, typed, _ = seen
    assert "服务器拒绝了登录（用户名或密码不对）" in problem
    assert f"bob@127.0.0.1:{port}/{database}" in problem and "wrong" not in problem
    assert typed == ("127.0.0.1", database, "bob", "wrong")  # kept to correct
    assert memory_keyring.passwords == {}
    assert getattr(window, "archive_dialog", None) is None
    assert window.team_server is None


def test_a_server_not_running_and_a_newer_schema_are_each_one_sentence(
    qtbot, make_window, postgres_server, memory_keyring
):
    import socket

    window = make_window()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    newer = postgres_server.new_database().rsplit("/", 1)[1]
    with admin(postgres_server, newer) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('r9999')")
    refused: list = []
    schema: list = []
    _connect(
        qtbot,
        window,
        _fill(qtbot, "127.0.0.1", closed, "plans", "workbench", "", False),
        _cancel(refused),
    )
    _connect(
        qtbot,
        window,
        _fill(qtbot, "127.0.0.1", postgres_server.port, newer, "workbench", "", False),
        _cancel(schema),
    )
    assert "无法连接计划库服务器（服务器未运行或地址、端口不对）" in refused[0]
    assert "更新版本的工作台创建" in schema[0] and "r9999" in schema[0]
    assert window.team_server is None
