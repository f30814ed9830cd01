"""Draw a chart onto a given matplotlib Figure and keep which mark stands for which rows.

No pyplot and no Qt: the same code draws in the window and when a chart is saved headless.
Highlighting a selection only changes the marks' colours and edges; the caller redraws.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.layout_engine import TightLayoutEngine
from matplotlib.lines import Line2D

from workbench.charts.data import ChartData
from workbench.charts.fonts import chart_rc
from workbench.charts.kinds import ChartStyle, DrawResult
from workbench.core.vocab import GUIDE_LINE, HIGHLIGHT_EDGE, NOTE_TEXT, RATE_LINE, SERIES_COLOURS

# Value labels are digits, "." and "%": matplotlib's bundled font has them, and skipping the
# CJK fallback chain makes redrawing them on every edit several times cheaper.
NUMBER_FONT = "DejaVu Sans"


@dataclass
class DrawnChart:
    data: ChartData
    marks: list[tuple[object, int]] = field(default_factory=list)  # (artist, category index)
    highlighted: frozenset[int] = frozenset()
    axes: object = None
    bars: list[list[object]] = field(default_factory=list)  # per series, per category
    labels: list[list[object | None]] = field(default_factory=list)
    line: object = None
    line_axes: object = None
    line_labels: list[object] = field(default_factory=list)

    def update(self, data: ChartData) -> str | bool:
        """Move the marks to new values without rebuilding the figure (an edit changed a
        figure, not the categories): "same" when the axes did not rescale, "rescaled" when
        they did, False when a full redraw is needed."""
        if (
            data.style is not ChartStyle.BARS
            or self.data.style is not ChartStyle.BARS
            or data.categories != self.data.categories
            or [label for label, _ in data.series] != [label for label, _ in self.data.series]
            or (data.line is None) != (self.line is None)
            or len(self.bars) != len(data.series)
        ):
            return False
        for bars, labels, (_, values) in zip(self.bars, self.labels, data.series, strict=True):
            for bar, label, value in zip(bars, labels, values, strict=True):
                bar.set_height(value if value is not None else 0.0)
                if label is not None:
                    if value is None:
                        label.set_text("")
                    else:
                        label.set_text(_fmt(value, data.unit))
                        label.xy = (label.xy[0], value)
        if data.line is not None and self.line is not None:
            _, rates = data.line
            xs = [i for i, v in enumerate(rates) if v is not None]
            ys = [v for v in rates if v is not None]
            self.line.set_data(xs, ys)
            for text, x, y in zip(self.line_labels, xs, ys, strict=False):
                text.set_text(f"{y:.1f}%")
                text.xy = (x, y)
            top = self.line_axes.get_ylim()[1]
            wanted = max([*ys, 100]) * 1.25
            line_rescale = max([*ys, 100]) > top / 1.05 or wanted < 0.6 * top
        else:
            line_rescale = False
        before = (
            self.axes.get_ylim(),
            self.line_axes.get_ylim() if self.line_axes is not None else None,
        )
        if line_rescale:
            self.line_axes.set_ylim(0, wanted)
        low, high = _value_range(data)
        bottom, top = self.axes.get_ylim()
        # Rescale only when a bar leaves the headroom or shrinks far below it: an edit that
        # nudges the tallest bar must not turn a cheap blit into a full redraw.
        if high > top or low < bottom or (high > 0 and high < 0.4 * top):
            self.axes.set_ylim(*_limits(low, high))
        after = (
            self.axes.get_ylim(),
            self.line_axes.get_ylim() if self.line_axes is not None else None,
        )
        self.data = data
        return DrawResult.SAME if before == after else DrawResult.RESCALED

    def dynamic_artists(self) -> list:
        """What an edit or a selection changes: redrawn alone (blitted) when the axes stay."""
        artists: list = [bar for series in self.bars for bar in series]
        artists += [t for series in self.labels for t in series if t is not None]
        if self.line is not None:
            artists += [self.line, *self.line_labels]
        return artists

    def category_of(self, artist) -> int | None:
        for mark, category in self.marks:
            if mark is artist:
                return category
        return None

    def keys_of(self, artist) -> frozenset[str]:
        category = self.category_of(artist)
        return self.data.keys[category] if category is not None else frozenset()

    def highlight(self, keys: frozenset[str]) -> frozenset[int]:
        """Emphasise the marks whose rows are selected; returns the categories lit."""
        lit = frozenset(i for i, group in enumerate(self.data.keys) if keys and group & keys)
        for artist, category in self.marks:
            on = category in lit
            if isinstance(artist, Line2D):
                artist.set_markeredgecolor(HIGHLIGHT_EDGE if on else artist.get_color())
                artist.set_markersize(11 if on else 7)
                artist.set_alpha(1.0 if on or not lit else 0.35)
                continue
            if hasattr(artist, "set_edgecolor"):
                artist.set_edgecolor(HIGHLIGHT_EDGE if on else "none")
                artist.set_linewidth(2.0 if on else 0.0)
            if hasattr(artist, "set_alpha"):
                artist.set_alpha(1.0 if on or not lit else 0.35)
        self.highlighted = lit
        return lit


def _value_range(data: ChartData) -> tuple[float, float]:
    values = [v for _, series in data.series for v in series if v is not None]
    return (min([*values, 0.0]), max([*values, 0.0]))


def _limits(low: float, high: float) -> tuple[float, float]:
    """Axis limits with 15% headroom above the tallest bar (and below a negative one)."""
    return (low * 1.15 if low < 0 else 0.0, high * 1.15 if high > 0 else 1.0)


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.1f}"
    if unit == "个":
        return f"{value:.0f}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"


def draw(figure: Figure, data: ChartData, *, use_system_fonts: bool = True) -> DrawnChart:
    # Text resolves "sans-serif" when it is drawn, which for a canvas in a window is later:
    # the CJK family list has to be the process-wide setting, not a temporary context.
    mpl.rcParams.update(chart_rc(use_system_fonts))
    figure.clear()
    ax = figure.add_subplot(111)
    drawn = DrawnChart(data)
    if data.style is ChartStyle.DOTS:
        _dots(ax, data, drawn)
    else:
        _bars(ax, data, drawn)
    ax.set_title(data.title, fontsize=11)
    if data.note:
        figure.text(0.01, 0.01, data.note, fontsize=8, color=NOTE_TEXT)
    # A layout engine, not a one-off tight_layout(): the canvas resizes the figure after this,
    # and every full draw must fit the labels to the new size (blits skip it).
    figure.set_layout_engine(FittingLayout(rect=(0, 0.03, 1, 1)))
    return drawn


# ---- fitting the sector names under the bars --------------------------------------------------
# Tried in order until the names fit: (font size, rotation, characters per line or 0).
LABEL_FITS = (
    (9, 0, 0),
    (9, 0, 4),
    (9, 30, 0),
    (8, 30, 0),
    (8, 45, 0),
    (8, 90, 0),
    (7, 90, 0),
    (6, 90, 0),
)
LABEL_SHARE = 0.34  # of the figure's height, at most, for the names under the bars
TITLE_SIZES = (11, 10, 9, 8)


def _wrap(name: str, per_line: int) -> str:
    """Break a name into lines of `per_line` characters (Chinese has no spaces to break at)."""
    if not per_line or len(name) <= per_line:
        return name
    return "\n".join(name[i : i + per_line] for i in range(0, len(name), per_line))


class FittingLayout(TightLayoutEngine):
    """Tight layout that first fits the category names and the title to the figure's size
    now: a narrow chart dock gets wrapped, smaller or upright names instead of names cut
    off at the figure's edge (tight layout alone gives up when they cannot fit)."""

    def execute(self, fig) -> None:
        try:
            renderer = fig.canvas.get_renderer()
        except AttributeError:  # a canvas that cannot measure text: plain tight layout
            renderer = None
        fitted = [ax for ax in fig.axes if getattr(ax, "workbench_categories", None)]
        if renderer is not None and fitted:
            # A trial placement, to measure the room the axes leave for the names; the
            # layout that counts starts again from the same margins.
            pars = fig.subplotpars
            margins = {k: getattr(pars, k) for k in ("left", "right", "top", "bottom")}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                super().execute(fig)
            for ax in fitted:
                fit_category_labels(fig, ax, ax.workbench_categories, renderer)
            for ax in fig.axes:
                fit_title(fig, ax, renderer)
            fig.subplots_adjust(**margins)
        elif renderer is not None:
            for ax in fig.axes:
                fit_title(fig, ax, renderer)
        super().execute(fig)


def fit_category_labels(fig, ax, names: list[str], renderer) -> tuple[int, int, int]:
    """Pick the first of LABEL_FITS whose names stay inside the figure without overlapping;
    the last one when none does. Returns the choice."""
    width, height = fig.bbox.width, fig.bbox.height
    slot = ax.bbox.width / max(1, len(names))  # the room of one bar group
    choice = LABEL_FITS[-1]
    for size, rotation, per_line in LABEL_FITS:
        _set_labels(ax, names, size, rotation, per_line)
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels()]
        if not boxes:
            return choice
        tall = max(b.height for b in boxes)
        lines = max(_wrap(n, per_line).count("\n") + 1 for n in names)
        thickness = lines * size * fig.dpi / 72 * 1.15  # of one name, across its lines
        if rotation == 0:
            fits = max(b.width for b in boxes) <= slot * 0.95
        else:  # neighbours are parallel, `slot · sin(rotation)` apart; the first name
            # reaches furthest left of its tick
            fits = thickness <= slot * math.sin(math.radians(rotation))
            fits = fits and boxes[0].width - slot / 2 <= width * 0.3
        if fits and tall <= height * LABEL_SHARE:
            choice = (size, rotation, per_line)
            break
    else:
        _set_labels(ax, names, *choice)
    # The figures above the bars, when a bar is too narrow for them, would run together.
    values = [t for t in getattr(ax, "workbench_value_labels", []) if t is not None]
    if values:
        per_bar = slot * 0.8 / max(1, len(getattr(ax, "workbench_series", [None])))
        for text in values:
            text.set_visible(True)
        widest = max(t.get_window_extent(renderer).width for t in values)
        for text in values:
            text.set_visible(widest <= per_bar * 1.1)
    return choice


def _set_labels(ax, names: list[str], size: int, rotation: int, per_line: int) -> None:
    ax.set_xticks(
        range(len(names)),
        [_wrap(n, per_line) for n in names],
        fontsize=size,
        rotation=rotation,
        ha="right" if 0 < rotation < 90 else "center",
        rotation_mode="anchor" if 0 < rotation < 90 else "default",
        va="top",
        linespacing=1.0,
    )


def fit_title(fig, ax, renderer) -> None:
    """A title wider than the figure gets smaller, then breaks into two lines."""
    title = ax.title
    text = title.get_text().replace("\n", "")
    if not text:
        return
    # Centred over the axes (which the y labels push right): it must not pass either edge.
    centre = (ax.bbox.x0 + ax.bbox.x1) / 2 - fig.bbox.x0
    room = 2 * min(centre, fig.bbox.width - centre) * 0.92  # the axes may still move a little
    for size in TITLE_SIZES:
        title.set_text(text)
        title.set_fontsize(size)
        if title.get_window_extent(renderer).width <= room:
            return
    half = (len(text) + 1) // 2
    title.set_text(text[:half] + "\n" + text[half:])


def _bars(ax, data: ChartData, drawn: DrawnChart) -> None:
    n = len(data.categories)
    count = max(1, len(data.series))
    width = 0.8 / count
    positions = list(range(n))
    drawn.axes = ax
    for s, (label, values) in enumerate(data.series):
        offsets = [p - 0.4 + width * (s + 0.5) for p in positions]
        heights = [v if v is not None else 0.0 for v in values]
        bars = ax.bar(
            offsets,
            heights,
            width=width * 0.95,
            label=label,
            color=SERIES_COLOURS[s % len(SERIES_COLOURS)],
        )
        drawn.bars.append(list(bars))
        for category, bar in enumerate(bars):
            bar.set_picker(True)
            bar.set_linewidth(0)
            drawn.marks.append((bar, category))
        texts: list[object | None] = []
        for x, v in zip(offsets, values, strict=True):
            if n <= 12:
                texts.append(
                    ax.annotate(
                        _fmt(v, data.unit) if v is not None else "",
                        (x, v or 0.0),
                        ha="center",
                        va="bottom",
                        fontsize=7,
                        xytext=(0, 1),
                        textcoords="offset points",
                        fontfamily=NUMBER_FONT,
                    )
                )
            else:
                texts.append(None)
        drawn.labels.append(texts)
    ax.set_ylim(*_limits(*_value_range(data)))
    ax.set_xticks(positions)
    ax.set_xticklabels(
        data.categories,
        rotation=30 if n > 6 or max((len(c) for c in data.categories), default=0) > 5 else 0,
        ha="right" if n > 6 else "center",
        fontsize=9,
    )
    ax.workbench_categories = list(data.categories)  # FittingLayout re-fits them on resize
    ax.workbench_series = list(data.series)
    ax.workbench_value_labels = [t for texts in drawn.labels for t in texts]
    ax.set_ylabel(f"（{data.unit_label or data.unit}）" if data.unit else "")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    if data.line is not None:
        label, values = data.line
        twin = ax.twinx()
        xs = [p for p, v in zip(positions, values, strict=True) if v is not None]
        ys = [v for v in values if v is not None]
        (drawn.line,) = twin.plot(xs, ys, marker="o", color=RATE_LINE, label=label, linewidth=1.5)
        drawn.line_axes = twin
        for x, y in zip(xs, ys, strict=True):
            drawn.line_labels.append(
                twin.annotate(
                    f"{y:.1f}%",
                    (x, y),
                    fontsize=7,
                    color=RATE_LINE,
                    xytext=(0, 4),
                    textcoords="offset points",
                    fontfamily=NUMBER_FONT,
                    ha="center",
                )
            )
        twin.set_ylabel(label)  # the rate line names its own axis
        twin.set_ylim(0, max([*ys, 100]) * 1.25)
        lines, labels = ax.get_legend_handles_labels()
        more, more_labels = twin.get_legend_handles_labels()
        ax.legend(lines + more, labels + more_labels, fontsize=8, loc="upper left")
    elif len(data.series) > 1:
        ax.legend(fontsize=8, loc="upper left")


def _dots(ax, data: ChartData, drawn: DrawnChart) -> None:
    n = len(data.categories)
    ys = list(range(n))
    markers = ("D", "o")
    for s, (label, values) in enumerate(data.series):
        for category, (y, v) in enumerate(zip(ys, values, strict=True)):
            if v is None:
                continue
            colour = (
                data.colours[category]
                if data.colours and s == len(data.series) - 1
                else SERIES_COLOURS[s]
            )
            (mark,) = ax.plot(
                [v],
                [y],
                marker=markers[s % 2],
                linestyle="none",
                markersize=7,
                color=colour,
                markerfacecolor="white" if s == 0 else colour,
                picker=5,
                label=label if category == 0 else None,
            )
            drawn.marks.append((mark, category))
    for category, y in enumerate(ys):  # a thin line from target to actual
        values = [series[category] for _, series in data.series]
        present = [v for v in values if v is not None]
        if len(present) == 2:
            ax.plot(present, [y, y], color=GUIDE_LINE, linewidth=1, zorder=0)
    ax.set_yticks(ys)
    ax.set_yticklabels(data.categories, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(f"（{data.unit_label or data.unit}）" if data.unit else "")
    ax.grid(axis="x", alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, fontsize=8, loc="lower right")
