"""文件 → 连接计划库服务器… as a reviewer meets it: the server, port, database and user are
remembered, the password only in the keyring (asked for), and each way connecting fails is
one sentence in the dialog, which keeps what was typed."""

from __future__ import annotations

import psycopg

from tests.archive.team.conftest import PASSWORD  # Chinese and a hyphen: both must survive
from tests.ui.team.driving import cancel_step, connect, fill_step
from workbench.app.team import KEYRING_SERVICE


def test_connecting_lists_the_server_s_versions_and_keeps_the_password_in_the_keyring(
    qtbot, make_window, team, memory_keyring, tmp_path
):
    window = make_window()
    database, port, ann = team.database, team.server.port, team.ann
    connect(qtbot, window, fill_step(qtbot, "127.0.0.1", port, database, ann, PASSWORD, True))

    dialog = window.archive_dialog
    assert dialog.isVisible()
    assert f"{ann}@127.0.0.1:{port}/{database}" in dialog.where.text()
    assert PASSWORD not in dialog.where.text()
    year = dialog.tree.topLevelItem(0)
    assert year.child(0).text(1) == "报送稿"
    assert "已连接计划库服务器" in window.statusBar().currentMessage()

    key = f"{ann}@127.0.0.1:{port}/{database}"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, key): PASSWORD}
    window.settings.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert ann in stored and database in stored and str(port) in stored
    assert "Secret" not in stored  # neither in clear nor quoted
    dialog.close()

    # next time the form is filled in, the password from the keyring
    seen: list = []
    connect(qtbot, window, cancel_step(seen))
    assert seen == ["", ("127.0.0.1", database, ann, PASSWORD), True]


def test_a_wrong_password_is_said_in_the_dialog_and_nothing_is_kept(
    qtbot, make_window, team, memory_keyring
):
    window = make_window()
    database, port, bob = team.database, team.server.port, team.bob
    seen: list = []
    connect(
        qtbot,
        window,
        fill_step(qtbot, "127.0.0.1", port, database, bob, "wrong", True),
        cancel_step(seen),
    )
    problem, typed, _ = seen
    assert f"服务器拒绝了用户“{bob}”的登录：密码不对" in problem
    assert f"{bob}@127.0.0.1:{port}/{database}" in problem and "wrong" not in problem
    assert typed == ("127.0.0.1", database, bob, "wrong")  # kept to correct
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
    with psycopg.connect(
        host="127.0.0.1", port=postgres_server.port, user="workbench", dbname=newer, autocommit=True
    ) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('r9999')")
    refused: list = []
    schema: list = []
    connect(
        qtbot,
        window,
        fill_step(qtbot, "127.0.0.1", closed, "plans", "workbench", "", False),
        cancel_step(refused),
    )
    connect(
        qtbot,
        window,
        fill_step(qtbot, "127.0.0.1", postgres_server.port, newer, "workbench", "", False),
        cancel_step(schema),
    )
    assert "无法连接计划库服务器（服务器未运行或地址、端口不对）" in refused[0]
    assert "更新版本的工作台创建" in schema[0] and "r9999" in schema[0]
    assert window.team_server is None
