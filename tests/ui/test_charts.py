"""Charts linked to the grids: selection lights marks, a click selects rows, edits redraw."""

import warnings

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.test_editing import cell, type_into


def chart(win):
    """The first chart, once it has drawn the table shown (it follows the grid)."""
    from PySide6.QtWidgets import QApplication

    panel, _ = win.charts[0]
    for _ in range(200):
        if not panel.redraw_pending():
            break
        QApplication.processEvents()
    assert not panel.redraw_pending()
    return panel


def choose(panel, kind):
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    assert panel.drawn is not None and panel.drawn.data.kind == kind


def bar_of(panel, series, category):
    return panel.drawn.bars[series][category]


def click_bar(qtbot, panel, bar):
    """A real mouse click on the middle of a bar, in widget coordinates."""
    qtbot.wait(20)  # let the layout give the canvas its final size first
    panel.canvas.draw()
    x, y = panel.figure.axes[0].transData.transform(
        (bar.get_x() + bar.get_width() / 2, bar.get_height() / 2)
    )
    ratio = panel.canvas.device_pixel_ratio
    point = QPoint(int(x / ratio), int(panel.canvas.height() - y / ratio))
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=point)


def test_selecting_rows_lights_up_their_marks(qtbot, window):
    window.show_table("projects_2021")
    panel = chart(window)
    choose(panel, "invest_by_sector")
    sectors = panel.drawn.data.categories
    row = 0
    sector = cell(window, row, "板块/领域").data()
    window.grid.selectRow(row)
    qtbot.waitUntil(
        lambda: panel.drawn.highlighted == frozenset({sectors.index(sector)}), timeout=2000
    )
    lit = bar_of(panel, 0, sectors.index(sector))
    other = bar_of(panel, 0, (sectors.index(sector) + 1) % len(sectors))
    assert lit.get_linewidth() == 2.0 and other.get_alpha() < 1.0


def test_clicking_a_bar_selects_its_rows(qtbot, window):
    window.show_table("projects_2021")
    panel = chart(window)
    choose(panel, "invest_by_funding")
    categories = panel.drawn.data.categories
    target = categories.index("政府投资")
    click_bar(qtbot, panel, bar_of(panel, 1, target))
    selected = set(window.grid.selected_keys())
    table = window.session.doc.table("projects_2021")
    expected = {k for k, r in table if r["funding"] == "政府投资"}
    assert selected == expected and len(selected) == 269
    assert "已选中 269 行" in window.statusBar().currentMessage()


def test_clicking_a_mark_from_a_summary_switches_to_the_projects(qtbot, window):
    window.show_table("summary_2022_sector")
    panel = chart(window)
    choose(panel, "invest_by_sector")
    click_bar(qtbot, panel, bar_of(panel, 0, 0))
    assert window.current_table_id() == "projects_2022"
    assert len(window.grid.selected_keys()) == 15  # 科技创新: 15 projects


def test_typing_a_value_changes_the_bar(qtbot, window):
    window.show_table("projects_2021")
    panel = chart(window)
    choose(panel, "invest_by_sector")
    sectors = panel.drawn.data.categories
    sector = cell(window, 0, "板块/领域").data()
    bar = bar_of(panel, 1, sectors.index(sector))  # completed investment
    before = bar.get_height()
    current = float(cell(window, 0, "完成投资（亿元）").data())
    type_into(qtbot, window, cell(window, 0, "完成投资（亿元）"), f"{current + 100:.2f}")
    qtbot.waitUntil(
        lambda: abs(bar_of(panel, 1, sectors.index(sector)).get_height() - (before + 100)) < 0.02,
        timeout=2000,
    )


def test_a_pasted_block_redraws_once(qtbot, window):
    window.show_table("projects_2022")
    panel = chart(window)
    choose(panel, "invest_by_sector")
    calls = []
    original = panel.refresh
    panel.refresh = lambda: (calls.append(1), original())
    window.grid.setCurrentIndex(cell(window, 0, "年度计划（亿元）"))
    window.grid.paste_block([["1.5"]] * 40)
    qtbot.waitUntil(lambda: len(calls) >= 1, timeout=2000)
    qtbot.wait(50)
    assert len(calls) == 1


def test_every_chart_draws_chinese_with_the_shipped_font_alone(qtbot, window, tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workbench.charts.data import CHARTS, chart_data
    from workbench.charts.draw import draw

    doc = window.session.doc
    for kind in CHARTS:
        table = "indicators_2021" if "indicator" in kind else "projects_2021"
        figure = Figure(figsize=(8, 5))
        FigureCanvasAgg(figure)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph … missing from font(s)" would raise
            draw(figure, chart_data(doc, kind, table), use_system_fonts=False)
            figure.savefig(tmp_path / f"{kind}.png")
    for name in ("a.png", "a.svg", "a.pdf"):
        chart(window).save(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000


def click_mark(qtbot, panel, artist):
    """A real mouse click on the middle of any mark (bar, dot, line point)."""
    qtbot.wait(20)
    panel.canvas.draw()
    box = artist.get_window_extent(panel.canvas.get_renderer())
    ratio = panel.canvas.device_pixel_ratio
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    point = QPoint(int(x / ratio), int(panel.canvas.height() - y / ratio))
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=point)


KINDS = [
    ("projects_2021", "invest_by_sector"),
    ("projects_2021", "invest_by_funding"),
    ("projects_2021", "rate_distribution"),
    ("projects_2022", "yoy_sector"),
    ("indicators_2021", "indicator_percent"),
    ("indicators_2021", "indicator_level"),
    ("indicators_2022", "yoy_indicator"),
]


@pytest.mark.parametrize(("table_id", "kind"), KINDS)
def test_every_chart_kind_links_both_ways(qtbot, window, table_id, kind):
    window.setGeometry(0, 0, 1366, 768)
    window.show_table(table_id)
    panel = chart(window)
    choose(panel, kind)
    drawn = panel.drawn
    categories = {c for _, c in drawn.marks if drawn.data.keys[c]}
    assert categories, f"{kind} drew no marks"
    # grid → chart: select the rows of one category, its marks light up
    category = sorted(categories)[len(categories) // 2]
    keys = drawn.data.keys[category]
    assert keys
    grid = window.grid
    row = grid.from_source(window.model.index(window.model.row_of(sorted(keys)[0]), 0)).row()
    grid.scrollTo(grid.model().index(row, 1))
    header = grid.verticalHeader()
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert grid.selected_keys() == [sorted(keys)[0]]
    qtbot.waitUntil(lambda: category in panel.drawn.highlighted, timeout=2000)
    # chart → grid: a click on a mark of another category selects its rows and shows them
    window.grid.clearSelection()
    other = (
        next(c for c in sorted(categories) if c != category) if len(categories) > 1 else category
    )
    artist = next(a for a, c in panel.drawn.marks if c == other)
    click_mark(qtbot, panel, artist)
    expected = set(panel.drawn.data.keys[other])
    qtbot.waitUntil(lambda: set(window.grid.selected_keys()) == expected, timeout=2000)
    rows = [
        window.grid.from_source(window.model.index(window.model.row_of(k), 0)).row()
        for k in expected
    ]
    rect = window.grid.visualRect(window.grid.model().index(min(rows), 1))
    assert window.grid.viewport().rect().intersects(rect)  # scrolled to the selected rows


def test_the_grid_shows_the_table_before_its_chart_is_drawn(qtbot, window):
    """Switching tables fills the grid at once; the chart is drawn at the next turn of the
    event loop (on a 100k-row list its layout was most of opening), once for several
    switches in a row, and then stands for the new table's rows."""
    panel, _ = window.charts[0]
    draws = []
    original = panel.redraw
    panel.redraw = lambda: (draws.append(panel.table_id), original())
    panel._redraw_timer.timeout.disconnect()
    panel._redraw_timer.timeout.connect(panel.redraw)
    window.show_table("projects_2021")
    window.show_table("projects_2022")
    assert window.model.table.id == "projects_2022" and window.model.rowCount() > 0
    assert panel.redraw_pending() and panel.drawn is None
    qtbot.waitUntil(lambda: panel.drawn is not None, timeout=2000)
    assert draws == ["projects_2022"]
    assert panel.drawn.data.table == "projects_2022"
    shown = {window.model.key_of(r) for r in range(window.model.rowCount())}
    assert set().union(*panel.drawn.data.keys) <= shown
