"""A dockable chart linked to the grids: it redraws when the figures change, lights up the
marks of the selected rows, and a click on a mark selects its rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.charts.data import CHARTS, FOR_KIND, chart_data, translated
from workbench.charts.draw import DrawnChart, draw
from workbench.core.events import TableChanged
from workbench.core.vocab import NOTE_TEXT
from workbench.ui.words import core_text, core_word

# matplotlib's toolbar, in the words of the rest of the window.
TOOL_TIPS = {
    "Home": QT_TRANSLATE_NOOP("chart_panel", "复位视图（回到最初的缩放）"),
    "Back": QT_TRANSLATE_NOOP("chart_panel", "后退到上一视图"),
    "Forward": QT_TRANSLATE_NOOP("chart_panel", "前进到下一视图"),
    "Pan": QT_TRANSLATE_NOOP("chart_panel", "平移：左键拖动移动，右键拖动缩放"),
    "Zoom": QT_TRANSLATE_NOOP("chart_panel", "框选放大：拖出矩形放大，右键框选缩小"),
    "Subplots": QT_TRANSLATE_NOOP("chart_panel", "调整图边距"),
    "Customize": QT_TRANSLATE_NOOP("chart_panel", "编辑坐标轴、标题与线条"),
    "Save": QT_TRANSLATE_NOOP("chart_panel", "保存图片（PNG/SVG/PDF）"),
}


def _tool_tip(name: str, tip: str) -> str:
    """A toolbar tooltip in the window's language (matplotlib's own English when not listed)."""
    return QCoreApplication.translate("chart_panel", TOOL_TIPS[name]) if name in TOOL_TIPS else tip


def coordinates_text(x: float | None, y: float | None) -> str:
    """The pointer's position under the chart, as the status line shows it."""
    if x is None or y is None:
        return ""
    return f"x={x:,.4g}，y={y:,.4g}"


def chinese_toolbar(base):
    """A subclass of matplotlib's Qt toolbar (imported late, with matplotlib) whose tooltips
    and coordinate readout are Chinese."""

    class ChineseToolbar(base):
        toolitems = [
            (name, _tool_tip(name, tip) if name else tip, image, method)
            for name, tip, image, method in base.toolitems
        ]

        def _mouse_event_to_message(self, event):
            if event.inaxes and event.inaxes.get_navigate():
                return coordinates_text(event.xdata, event.ydata)
            return ""

    return ChineseToolbar


class ChartPanel(QWidget):
    def __init__(self, selection, parent=None) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
        from matplotlib.figure import Figure

        super().__init__(parent)
        self.selection = selection
        self.session = None
        self.table_id: str | None = None
        self.drawn: DrawnChart | None = None
        self._pending = False
        self.figure = Figure(figsize=(7, 3.6), dpi=96)
        self.canvas = FigureCanvasQTAgg(self.figure)
        # Hit-test our own marks on press: matplotlib's pick only looks in the axes under the
        # mouse, and the completion-rate line lives on a twin axes drawn over the bars.
        self.canvas.mpl_connect("button_press_event", self._on_press)
        # Blitting: a full draw leaves a background without the marks an edit can change;
        # afterwards an edit redraws just those marks over it.
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self._background = None
        # A table shown in the grid is drawn here once the grid has had its turn (see
        # set_context); a redraw asked for meanwhile replaces the pending one.
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(0)
        self._redraw_timer.timeout.connect(self.redraw)
        self.kind = QComboBox()
        # a long chart name elides rather than widening the panel beside the grid
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        self.kind.currentIndexChanged.connect(lambda _: self.redraw())
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {NOTE_TEXT};")
        save = QPushButton(self.tr("保存图片…"))
        save.clicked.connect(self.save_dialog)
        copy = QPushButton(self.tr("复制图片"))
        copy.clicked.connect(self.copy_image)
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(save)
        top.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        self.toolbar = chinese_toolbar(NavigationToolbar2QT)(self.canvas, self)
        layout.addWidget(self.toolbar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        selection.subscribe(self._on_selection)

    @staticmethod
    def coordinates_text(x: float | None, y: float | None) -> str:
        return coordinates_text(x, y)

    # ---- context ---------------------------------------------------------------------------
    def set_context(self, session, table_id: str | None) -> None:
        if self.session is not None and self.session is not session:
            self.session.doc.unsubscribe(self._on_document_event)
        if session is not None and session is not self.session:
            session.doc.subscribe(self._on_document_event)
        self.session = session
        self.table_id = table_id
        table = session.doc.tables.get(table_id) if session and table_id else None
        kinds = FOR_KIND.get(table.kind, ()) if table is not None else ()
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in kinds:
            self.kind.addItem(core_word(CHARTS[kind]), kind)
        if current in kinds:
            self.kind.setCurrentIndex(kinds.index(current))
        self.kind.blockSignals(False)
        # Drawn at the next turn of the event loop, not now: the window shows the grid of
        # the table first (on a 100k-row list the chart's sums and matplotlib's layout took
        # the most of opening), and several context changes in one turn draw once.
        self.figure.clear()
        self.drawn = None
        self._redraw_timer.start()

    def redraw_pending(self) -> bool:
        """A table was set and its chart is not drawn yet."""
        return self._redraw_timer.isActive()

    # ---- drawing ---------------------------------------------------------------------------
    def schedule(self) -> None:
        """Redraw once per event-loop turn however many changes arrive (a paste of 1,000 cells)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        self._pending = False
        self.refresh()

    def refresh(self) -> None:
        """Re-read the figures; move the marks if the categories are unchanged. The figures
        come from the document's kept-current group sums (the totals bar's too), which an
        edit moves by its own difference: nothing here re-adds the rows."""
        if self._redraw_timer.isActive():
            return  # the pending full draw reads the figures anyway
        if self.session is None or self.table_id is None or self.kind.currentData() is None:
            return
        try:
            data = translated(
                chart_data(self.session.doc, self.kind.currentData(), self.table_id), core_word
            )
        except ValueError as exc:
            self.message.setText(core_text(exc.args[0] if exc.args else str(exc)))
            return
        if self.drawn is not None and self.drawn.data.kind == data.kind:
            outcome = self.drawn.update(data)
            if outcome:
                self.drawn.highlight(self._selected_keys())
                if outcome == "same":
                    self._blit()
                else:
                    self.canvas.draw()
                return
        self.redraw()

    def _on_draw(self, event) -> None:
        if self.drawn is None:
            self._background = None
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_dynamic()

    def _draw_dynamic(self) -> None:
        for artist in self.drawn.dynamic_artists() if self.drawn else ():
            self.figure.draw_artist(artist)

    def _blit(self) -> None:
        if self._background is None:
            self.canvas.draw()
            return
        self.canvas.restore_region(self._background)
        self._draw_dynamic()
        # Only the plot area changes: pushing less of the image to the screen is cheaper.
        axes = self.drawn.axes if self.drawn is not None and self.drawn.axes is not None else None
        self.canvas.blit(axes.bbox.expanded(1.02, 1.08) if axes is not None else self.figure.bbox)

    def redraw(self) -> None:
        self._redraw_timer.stop()
        self.figure.clear()
        self.drawn = None
        kind = self.kind.currentData()
        if self.session is None or self.table_id is None or kind is None:
            self.message.setText(self.tr("此表没有可用的图表"))
            self.canvas.draw_idle()
            return
        try:
            data = translated(chart_data(self.session.doc, kind, self.table_id), core_word)
        except ValueError as exc:
            self.message.setText(core_text(exc.args[0] if exc.args else str(exc)))
            self.canvas.draw_idle()
            return
        # Long lists of indicators get a tall chart (scrolled) rather than overlapping labels.
        rows = len(data.categories) if data.style == "dots" else 0
        self.canvas.setMinimumHeight(max(280, 22 * rows + 110))
        self.drawn = draw(self.figure, data)
        for artist in self.drawn.dynamic_artists():
            artist.set_animated(True)  # left out of full draws; _on_draw paints them on top
        self.drawn.highlight(self._selected_keys())
        self.message.setText(self.tr("点击柱形或点可选中对应的行；在表格中选中行会突出显示其图形"))
        self.canvas.draw_idle()

    def _selected_keys(self) -> frozenset[str]:
        if self.drawn is not None and self.selection.table == self.drawn.data.table:
            return self.selection.keys
        return frozenset()

    # ---- links ---------------------------------------------------------------------------------
    def _on_document_event(self, event) -> None:
        if self.drawn is None:
            self.schedule()
            return
        if isinstance(event, TableChanged):
            relevant = {self.drawn.data.table, self.table_id}
            if self.drawn.data.kind == "yoy_sector":
                relevant |= {
                    t.id for t in self.session.doc.tables.values() if str(t.kind) == "projects"
                }
            if event.table in relevant:
                self.schedule()

    def _on_selection(self, source: str) -> None:
        if self.drawn is None or source == "chart":
            return
        self.drawn.highlight(self._selected_keys())
        self._blit()

    def _on_press(self, event) -> None:
        if (
            self.drawn is None
            or event.button != 1
            or self.canvas.toolbar is not None
            and self.canvas.toolbar.mode
        ):
            return  # zooming or panning with the toolbar is not a click on a mark
        for artist, _ in self.drawn.marks:
            hit, _ = artist.contains(event)
            if hit:
                self._pick_artist(artist)
                return

    def _pick_artist(self, artist) -> None:
        if self.drawn is None:
            return
        keys = self.drawn.keys_of(artist)
        if keys:
            self.drawn.highlight(keys)
            self._blit()
            self.selection.set(self.drawn.data.table, keys, "chart")

    # ---- output ----------------------------------------------------------------------------
    def save(self, path: Path) -> Path:
        dynamic = self.drawn.dynamic_artists() if self.drawn else []
        for artist in dynamic:  # a saved figure must contain every mark
            artist.set_animated(False)
        try:
            dpi = 150 if path.suffix.lower() == ".png" else None
            self.figure.savefig(path, dpi=dpi, bbox_inches="tight")
        finally:
            for artist in dynamic:
                artist.set_animated(True)
            self.canvas.draw_idle()
        return path

    def save_dialog(self) -> None:
        title = self.drawn.data.title if self.drawn else self.tr("图表")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("保存图片"),
            f"{title}.png",
            self.tr("PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".png", ".svg", ".pdf"):
                path = path.with_suffix(
                    ".svg" if "SVG" in chosen else ".pdf" if "PDF" in chosen else ".png"
                )
            self.save(path)
            self.message.setText(self.tr("已保存 {path}").format(path=path))

    def copy_image(self) -> None:
        QApplication.clipboard().setImage(self.canvas.grab().toImage())
        self.message.setText(self.tr("已复制图表，可直接粘贴到 WPS/Word/Excel"))

    def detach(self) -> None:
        self.selection.unsubscribe(self._on_selection)
        if self.session is not None:
            self.session.doc.unsubscribe(self._on_document_event)
