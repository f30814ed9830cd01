"""An indicator's archived years as a small chart in the review panel: each year's actual as
a bar and its target as a point, so a reviewer sees at once that next year's target is below
three years of actuals.

Shown only when the archive exists and holds at least two years of the indicator; the query
waits until the selection rests, so moving through rows with the arrow keys stays quick.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.core.schema import TableKind
from workbench.core.vocab import NOTE_TEXT, SERIES_COLOURS

SETTLE_MS = 250


class ArchiveSeriesChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {NOTE_TEXT};")
        layout.addWidget(self.caption)
        self.canvas = None
        self.figure = None
        self.points: list = []
        self.db: str | None = None
        self.name: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def ask(self, db: str | None, name: str | None) -> None:
        """Show `name`'s series once the selection has rested (None hides the chart)."""
        self.db, self.name = db, name
        if not name:
            self._timer.stop()
            self.hide()
            return
        self._timer.start()

    def refresh(self) -> bool:
        from workbench.io.archive.location import may_hold_versions

        self.points = []
        if not self.name or not may_hold_versions(self.db):
            self.hide()
            return False
        from workbench.app import archive
        from workbench.io.archive.connection import ArchiveProblem

        try:
            self.points = archive.series(self.db, self.name).points
        except ArchiveProblem:  # the 计划库 dialog says why; the panel just has no chart
            self.hide()
            return False
        if len(self.points) < 2:
            self.hide()
            return False
        self._draw()
        self.show()
        return True

    def _draw(self) -> None:
        from matplotlib.figure import Figure

        from workbench.charts.fonts import chart_rc

        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.figure = Figure(figsize=(3.2, 1.9), dpi=90)
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setMinimumHeight(150)
            self.layout().addWidget(self.canvas)
        import matplotlib

        with matplotlib.rc_context(chart_rc()):
            self.figure.clear()
            ax = self.figure.add_subplot(1, 1, 1)
            years = [p.year for p in self.points]
            actuals = [p.actual for p in self.points]
            targets = [p.target_value for p in self.points]
            ax.bar(
                [y for y, a in zip(years, actuals, strict=True) if a is not None],
                [a for a in actuals if a is not None],
                color=SERIES_COLOURS[0],
                label=QCoreApplication.translate("archive_series", "实际"),
            )
            ax.plot(
                [y for y, t in zip(years, targets, strict=True) if t is not None],
                [t for t in targets if t is not None],
                "o",
                color=SERIES_COLOURS[1],
                label=QCoreApplication.translate("archive_series", "目标"),
            )
            ax.set_xticks(years, [str(y) for y in years], fontsize=7)
            ax.tick_params(axis="y", labelsize=7)
            ax.legend(fontsize=7, frameon=False)
            self.figure.tight_layout()
        unit = next((p.unit for p in reversed(self.points) if p.unit), "")
        self.caption.setText(
            QCoreApplication.translate("archive_series", "计划库中 {n} 个年度（{unit}）").format(
                n=len(self.points), unit=unit or "—"
            )
        )
        self.canvas.draw_idle()


def show_series(panel, table, key: str | None) -> None:
    """The review panel's hook: the chart of the selected indicator, or none."""
    chart = getattr(panel, "archive_series", None)
    name = None
    if table is not None and key is not None and table.kind is TableKind.INDICATORS:
        name = table.rows.get(key, {}).get("name")
    if chart is None:
        if not name:
            return
        chart = panel.archive_series = ArchiveSeriesChart(panel)
        layout = panel.layout()
        layout.insertWidget(layout.count() - 1, chart)  # above the closing stretch
    from workbench.ui.archive_dialog import archive_location

    window = panel.window()
    chart.ask(archive_location(window) if hasattr(window, "settings") else None, name)
