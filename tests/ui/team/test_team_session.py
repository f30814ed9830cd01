"""A reviewer's window in a team session on the real server: a colleague's mark (made over
the plain API, as another role) appears in the grid within the poll with who made it, the
navigator counts it, an edit the server refuses is said naming the row and put back, and
an edit made against a value a colleague changed meanwhile becomes a conflict that the
reconcile view settles — the grid then shows theirs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.archive.team.conftest import INDICATORS, PASSWORD, PROJECTS
from tests.ui.team.driving import connect, fill_step
from tests.ui.test_editing import type_into
from workbench.app import team as team_api
from workbench.core.edits import InsertRows, RowData
from workbench.core.team import TeamChange, new_change_id
from workbench.io.archive.team import apply_changes
from workbench.ui import team_live


def _open_as(qtbot, window, team, role: str):
    port = team.server.port
    connect(
        qtbot, window, fill_step(qtbot, "127.0.0.1", port, team.database, role, PASSWORD, False)
    )
    dialog = window.archive_dialog
    dialog.select(team.version_id)
    qtbot.mouseClick(dialog.open_button, Qt.LeftButton)
    assert window.team is not None


def _cell(window, table: str, name: str, column: str):
    """The grid's cell of the row named `name` in column `column` (as shown)."""
    window.select_cell(table, None, None)
    model = window.model
    key = next(k for k in model.table.keys if model.table.rows[k].get("name") == name)
    col = next(i for i, c in enumerate(model.columns) if c.key == column)
    return window.grid.from_source(model.index(model.row_of(key), col)), key


def test_colleagues_marks_arrive_refusals_are_put_back_and_a_conflict_is_settled(
    qtbot, make_window, team, memory_keyring, message_boxes, monkeypatch
):
    window = make_window()
    _open_as(qtbot, window, team, team.ann)
    status = window.team_status
    assert status.isVisible() and "在线 · 团队审核" in status.text()
    assert not window.grid.insert_action.isEnabled()  # a team shares rows, never adds them
    rows_before = len(window.session.doc.tables[INDICATORS])
    added = InsertRows(INDICATORS, ((0, RowData("new", {"name": "新指标"})),))
    assert not window.session.do(added)  # whichever view asks: refused before it applies
    assert "团队审核中不能“插入行”" in window.statusBar().currentMessage()
    assert len(window.session.doc.tables[INDICATORS]) == rows_before

    # the lead marks a row of ann's table: it appears in ann's grid, with who marked it
    index, _ = _cell(window, INDICATORS, "服务业增加值增长", "_review")
    team_api.mark(
        team.url(team.lead), team.version_id, INDICATORS, "服务业增加值增长", "存疑", "口径待核"
    )
    qtbot.waitUntil(lambda: index.data() == "存疑", timeout=15000)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "意见：口径待核" in tip and f"{team.lead} 于" in tip
    item = next(
        i
        for i in window.navigator.table_items()
        if i.data(0, Qt.ItemDataRole.UserRole) == INDICATORS
    )
    qtbot.waitUntil(lambda: "存疑 1" in item.text(1), timeout=15000)
    assert f"{team.lead}：" in item.toolTip(1)

    # a project row outside ann's assignment: the server refuses, the row is named, put back
    index, _ = _cell(window, PROJECTS, "铜梁区技术研究院项目", "note")
    type_into(qtbot, window, index, "ok")
    qtbot.waitUntil(lambda: any(t == "服务器拒绝了修改" for t, _ in message_boxes), timeout=15000)
    said = next(text for title, text in message_boxes if title == "服务器拒绝了修改")
    assert "铜梁区技术研究院项目" in said and f"未分配给“{team.ann}”" in said
    qtbot.waitUntil(lambda: not index.data(), timeout=5000)

    # ann's connection drops; meanwhile she types a figure the lead changes too
    monkeypatch.setattr(team_live, "RECONNECT_DELAYS", (600,))  # she reconnects herself
    with team.admin() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            (team.ann,),
        )
    qtbot.waitUntil(lambda: "离线" in status.text(), timeout=15000)
    index, key = _cell(window, INDICATORS, "地区生产总值增长", "actual")
    type_into(qtbot, window, index, "8.4")
    assert "离线 · 待同步 1 项" in status.text() and index.data() == "8.4"
    lead = team_api.connect(team.url(team.lead))
    try:
        (outcome,) = apply_changes(
            lead,
            [TeamChange(new_change_id(), team.version_id, INDICATORS, key, "actual", 8.3, 8.5)],
        )
    finally:
        lead.close()
    assert outcome.kind == "applied"
    status.sync_action.trigger()  # 重新连接并同步
    assert "冲突 1 项" in status.text() and "在线" in status.text()
    assert index.data() == "8.4"  # mine stays until she chooses

    view = window.reconcile_view  # the sync brought a conflict: the view comes up
    assert view.isVisible() and view.table.rowCount() == 1
    texts = [view.table.item(0, c).text() for c in range(6)]
    assert texts[1] == "地区生产总值增长" and texts[3] == "8.3" and texts[4] == "8.4"
    assert texts[5].startswith("8.5") and team.lead in texts[5]
    qtbot.mouseClick(view.choice_button(0, "theirs"), Qt.LeftButton)
    assert view.table.rowCount() == 0 and "没有待处理的冲突" in view.summary.text()
    assert index.data() == "8.5"
    assert "冲突" not in status.text()
    QApplication.processEvents()
