"""Charts in a narrow dock: the sector names under the bars and the title are fitted to the
figure (wrapped, smaller, upright), never cut off at its edge or run into each other."""

from __future__ import annotations

import warnings

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbench.charts import data, draw
from workbench.charts.kinds import ChartKind, ChartStyle
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import sample_plan_path

WIDTHS = (2.2, 2.6, 3.2, 4.5, 7.0)  # inches at 96 dpi: from a squeezed dock to a wide one


@pytest.fixture(scope="module")
def bar_charts():
    doc = load_plan(sample_plan_path())
    charts = []
    for kind in ChartKind:
        for table_id in doc.tables:
            try:
                chart = data.chart_data(doc, kind, table_id)
            except Exception:  # not a chart this table has
                continue
            if chart.style is ChartStyle.BARS and len(chart.categories) > 1:
                charts.append((kind, table_id, chart))
    assert len(charts) >= 4
    return charts


def drawn(chart, width: float, height: float = 3.0):
    figure = Figure(figsize=(width, height), dpi=96)
    FigureCanvasAgg(figure)
    draw.draw(figure, chart)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        figure.canvas.draw()
    # "Tight layout not applied" would mean the fitting left decorations that cannot fit
    assert not [w for w in seen if "layout" in str(w.message)], [str(w.message) for w in seen]
    return figure, figure.canvas.get_renderer()


def inside(figure, box) -> bool:
    whole = figure.bbox
    return (
        box.x0 >= whole.x0 - 0.5
        and box.y0 >= whole.y0 - 0.5
        and box.x1 <= whole.x1 + 0.5
        and box.y1 <= whole.y1 + 0.5
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_names_and_title_lie_inside_the_figure(bar_charts, width):
    for kind, table_id, chart in bar_charts:
        figure, renderer = drawn(chart, width)
        ax = figure.axes[0]
        for text in [*ax.get_xticklabels(), ax.title]:
            if text.get_text() and text.get_visible():
                box = text.get_window_extent(renderer)
                assert inside(figure, box), (kind, table_id, width, text.get_text(), box)


@pytest.mark.parametrize("width", WIDTHS)
def test_level_names_do_not_run_into_each_other(bar_charts, width):
    """Names written level side by side must not overlap; slanted or upright ones are
    checked by their spacing in the fitting itself."""
    for kind, table_id, chart in bar_charts:
        figure, renderer = drawn(chart, width)
        labels = figure.axes[0].get_xticklabels()
        if labels[0].get_rotation() != 0:
            continue
        boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: b.x0)
        for left, right in zip(boxes, boxes[1:], strict=False):
            assert left.x1 <= right.x0 + 0.5, (kind, table_id, width)


def test_narrow_figures_get_upright_or_smaller_names_wide_ones_keep_them(bar_charts):
    kind, table_id, chart = max(bar_charts, key=lambda c: max(len(n) for n in c[2].categories))
    narrow, _ = drawn(chart, 2.2)
    wide, _ = drawn(chart, 9.0)
    narrow_label = narrow.axes[0].get_xticklabels()[0]
    wide_label = wide.axes[0].get_xticklabels()[0]
    assert (narrow_label.get_rotation(), -narrow_label.get_fontsize()) > (
        wide_label.get_rotation(),
        -wide_label.get_fontsize(),
    )
    # The names themselves are the sectors as written (only wrapped, never shortened).
    assert [t.get_text().replace("\n", "") for t in wide.axes[0].get_xticklabels()] == list(
        chart.categories
    )
    assert [t.get_text().replace("\n", "") for t in narrow.axes[0].get_xticklabels()] == list(
        chart.categories
    )
