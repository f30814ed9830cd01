"""The window opens on the sample plan and shows its tables, as a user would see them."""

from PySide6.QtCore import Qt


def visible_text(view, row, column):
    model = view.model()
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def navigator_items(win):
    items = []
    root = win.navigator.invisibleRootItem()
    for i in range(root.childCount()):
        group = root.child(i)
        for j in range(group.childCount()):
            items.append(group.child(j))
    return items


def test_opens_on_the_sample_plan(window):
    assert "重庆市2021年" in window.windowTitle()
    labels = [item.text(0) for item in navigator_items(window)]
    assert len(labels) == 8
    assert labels[0] == "附件一 2021年指标执行"
    grid = window.grid
    headers = [
        grid.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(grid.model().columnCount())
    ]
    assert "指标名称" in headers and "2021年完成情况" in headers and "判定依据" in headers
    # the base year's actual is never read as this year's: the year band is in the title
    assert "2020年实际" in headers and "2021年目标" in headers and "实际" not in headers
    assert grid.model().rowCount() == 36
    name_col = headers.index("指标名称")
    assert visible_text(grid, 0, name_col) == "地区生产总值增长"
    assert visible_text(grid, 0, headers.index("判定依据")) == "8.3 ≥ 6%，完成"
    assert "共 36 行" in window.table_label.text()


def test_clicking_a_table_in_the_navigator_shows_it(window, qtbot):
    items = navigator_items(window)
    projects = next(i for i in items if i.text(0) == "2022年重大项目")
    rect = window.navigator.visualItemRect(projects)
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_table_id() == "projects_2022"
    assert window.grid.model().rowCount() == 850
    headers = [
        window.grid.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.grid.model().columnCount())
    ]
    assert (
        visible_text(window.grid, 0, headers.index("年度计划（亿元）")).count(".") == 1
    )  # money in 亿元, 2 decimals


def test_summary_shows_stated_and_computed_side_by_side(window, qtbot):
    item = next(i for i in navigator_items(window) if i.text(0) == "2021年项目按来源")
    window.navigator.setCurrentItem(item)
    model = window.grid.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "报告所列·完成投资" in headers and "按项目明细汇总·完成投资" in headers
    row = [visible_text(window.grid, 0, c) for c in range(model.columnCount())]
    assert (
        row[headers.index("报告所列·完成投资")]
        == row[headers.index("按项目明细汇总·完成投资")]
        == "1,349.00"
    )
    # the total's 115.8% differs from what the rows give: highlighted
    last = model.rowCount() - 1
    rate = model.index(last, headers.index("按项目明细汇总·完成率（%）"))
    assert model.data(rate, Qt.ItemDataRole.BackgroundRole) is not None


def test_a_file_that_cannot_be_opened_is_reported_in_the_window(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "损坏.xlsx"
    bad.write_bytes(b"not a workbook")
    assert not window.open_path(bad)
    assert shown and "损坏.xlsx" in shown[0]
    assert window.grid.model().rowCount() == 36  # the open document is untouched
