"""The compare window's lower half: per group (sector, category) rows and sums before and
after, and the change by group as paired bars. Reads `Comparison.groups()` only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTreeWidget, QTreeWidgetItem

from workbench.core.compare.result import Comparison
from workbench.core.vocab import NEW_SERIES, OLD_SERIES
from workbench.ui.compare_models import _fmt, round_sum


class GroupPanel(QSplitter):
    """The group table beside its bar chart (no chart when matplotlib is missing)."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.addWidget(self.tree)
        self.canvas = None
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 2.4), dpi=96))
            self.addWidget(self.canvas)
            self.setStretchFactor(0, 3)
            self.setStretchFactor(1, 2)
        except ImportError:  # pragma: no cover - matplotlib is a dependency; the table suffices
            pass

    def clear(self) -> None:
        """No summary: the tables shown last are no longer compared."""
        self.tree.clear()
        if self.canvas is not None:
            self.canvas.figure.clear()
            self.canvas.draw_idle()

    def _money_pair(self, comparison: Comparison) -> tuple[str | None, str | None, str, str]:
        """Which sums to set side by side: the same field in both versions; last year's
        completed investment beside next year's plan when the new table has no completions
        (a year-over-year comparison of project lists)."""
        c = comparison
        groups = c.groups()
        if not groups or not groups[0].sums_new:
            return None, None, "", ""

        def has(side: str, name: str) -> bool:
            return any(getattr(g, side).get(name) is not None for g in groups)

        if has("sums_old", "completed") and not has("sums_new", "completed"):
            if has("sums_new", "annual_plan"):
                return (
                    "completed",
                    "annual_plan",
                    self.tr("完成投资（旧）"),
                    self.tr("年度计划投资（新）"),
                )
        for name, label in (
            ("annual_plan", self.tr("年度计划投资")),
            ("completed", self.tr("完成投资")),
        ):
            if has("sums_old", name) or has("sums_new", name):
                return (
                    name,
                    name,
                    self.tr("{label}（旧）").format(label=label),
                    self.tr("{label}（新）").format(label=label),
                )
        return None, None, "", ""

    def show_comparison(self, comparison: Comparison) -> None:
        old_field, new_field, old_label, new_label = self._money_pair(comparison)
        self.tree.clear()
        self.tree.setHeaderLabels(
            [
                self.tr("分组"),
                self.tr("行数 旧→新"),
                old_label or self.tr("金额（旧）"),
                new_label or self.tr("金额（新）"),
                "Δ",
                self.tr("新增"),
                self.tr("删除"),
                self.tr("修改"),
            ]
        )
        header = self.tree.header()
        for column in range(1, self.tree.columnCount()):  # titles are longer in English
            text = self.tree.headerItem().text(column)
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(text) + 24)
        names, olds, news = [], [], []
        for g in comparison.groups():
            old_sum = g.sums_old.get(old_field) if old_field else None
            new_sum = g.sums_new.get(new_field) if new_field else None
            delta = None if old_sum is None and new_sum is None else (new_sum or 0) - (old_sum or 0)
            name = g.group + (
                self.tr("（含原“{v}”）").format(v="、".join(g.old_names)) if g.old_names else ""
            )
            item = QTreeWidgetItem(
                [
                    name,
                    f"{g.count_old}→{g.count_new}",
                    _fmt(round_sum(old_sum)),
                    _fmt(round_sum(new_sum)),
                    ("+" if (delta or 0) > 0 else "") + _fmt(round_sum(delta)) if old_field else "",
                    str(g.added),
                    str(g.removed),
                    str(g.changed),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, g.group)
            self.tree.addTopLevelItem(item)
            names.append(g.group)
            olds.append(old_sum or 0.0)
            news.append(new_sum or 0.0)
        self._draw_chart(names, olds, news, old_label, new_label)

    def _draw_chart(self, names, olds, news, old_label: str, new_label: str) -> None:
        """Change by group: old and new sums as paired horizontal bars."""
        if self.canvas is None:
            return
        import matplotlib as mpl

        from workbench.charts.fonts import chart_rc

        mpl.rcParams.update(chart_rc())
        figure = self.canvas.figure
        figure.clear()
        if not old_label or not names:
            figure.text(0.5, 0.5, self.tr("此表没有可汇总的金额"), ha="center", va="center")
            self.canvas.draw_idle()
            return
        axes = figure.add_subplot(111)
        positions = range(len(names))
        axes.bar([p - 0.2 for p in positions], olds, width=0.4, label=old_label, color=OLD_SERIES)
        axes.bar([p + 0.2 for p in positions], news, width=0.4, label=new_label, color=NEW_SERIES)
        axes.set_xticks(list(positions), names, fontsize=7, rotation=20, ha="right")
        axes.tick_params(axis="y", labelsize=7)
        axes.set_ylabel(self.tr("亿元"), fontsize=8)
        axes.legend(fontsize=7, frameon=False)
        axes.set_title(self.tr("按分组的变化"), fontsize=9)
        figure.tight_layout(pad=0.4)
        self.canvas.draw_idle()
