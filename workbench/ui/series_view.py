"""Several years side by side: indicators as yearly series with a sparkline, opened from
the compare window (多年序列…) on a few plan files of different years."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.vocab import (
    NEW_SERIES,
    TARGET_MARK,
)
from workbench.ui.compare_models import _MISMATCH_BRUSH, _RIGHT, _ROOT, _fmt

FILE_FILTER = QT_TRANSLATE_NOOP(
    "main_window",
    "计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)",
)


# ---- several years ------------------------------------------------------------------------------
class SeriesModel(QAbstractTableModel):
    """Indicators as yearly series: name, unit, one column per year, next target, the flag;
    the last column holds the values for the sparkline delegate."""

    def __init__(self, frame, years: list[int], parent=None) -> None:
        super().__init__(parent)
        self.frame = frame
        self.years = years
        self.headers = [
            self.tr("指标名称"),
            self.tr("单位"),
            *[self.tr("{y}年").format(y=y) for y in years],
            self.tr("下年目标"),
            self.tr("提示"),
            self.tr("走势"),
        ]
        self._rows = [
            (
                row["name"],
                row["unit"],
                [None if _missing(row[y]) else float(row[y]) for y in years],
                None if _missing(row["next_target"]) else float(row["next_target"]),
                None if _missing(row["flag"]) else row["flag"],
            )
            for _, row in frame.iterrows()
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        )

    def series(self, row: int) -> tuple[list[float | None], float | None]:
        _, _, values, target, _ = self._rows[row]
        return values, target

    def text(self, row: int, column: int) -> str:
        name, unit, values, target, flag = self._rows[row]
        n = len(self.years)
        if column == 0:
            return name
        if column == 1:
            return unit or ""
        if 2 <= column < 2 + n:
            return _fmt(values[column - 2])
        if column == 2 + n:
            return _fmt(target)
        if column == 3 + n:
            return flag or ""
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() < 3 + len(self.years):
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3 + len(self.years):
            return _MISMATCH_BRUSH if self._rows[index.row()][4] else None
        return None


def _missing(value: Any) -> bool:
    return value is None or value != value  # NaN


class SparklineDelegate:
    """Draws a row's yearly actuals as a small line, and the next target as a dot."""

    @staticmethod
    def make(model: SeriesModel, parent):
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPainter, QPen
        from PySide6.QtWidgets import QStyledItemDelegate

        class _Delegate(QStyledItemDelegate):
            def paint(self, painter: QPainter, option, index) -> None:
                values, target = model.series(index.row())
                points = [(i, v) for i, v in enumerate(values) if v is not None]
                if target is not None:
                    points_all = [*points, (len(values), target)]
                else:
                    points_all = points
                if len(points_all) < 2:
                    return
                low = min(v for _, v in points_all)
                high = max(v for _, v in points_all)
                span = (high - low) or 1.0
                rect = option.rect.adjusted(6, 4, -6, -4)
                steps = max(1, len(values))

                def at(i: int, v: float) -> QPointF:
                    x = rect.left() + rect.width() * i / steps
                    y = rect.bottom() - rect.height() * (v - low) / span
                    return QPointF(x, y)

                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(QColor(NEW_SERIES), 1.5))
                for (i, a), (j, b) in zip(points, points[1:], strict=False):
                    painter.drawLine(at(i, a), at(j, b))
                if target is not None:
                    painter.setPen(QPen(QColor(TARGET_MARK), 1))
                    painter.setBrush(QColor(TARGET_MARK))
                    painter.drawEllipse(at(len(values), target), 2.5, 2.5)
                painter.restore()

        return _Delegate(parent)


class SeriesView(QWidget):
    """Several years of one document family: each indicator as a series with a small line,
    next year's target as a red dot, and a note where the target lies below (or above) each
    of the last three actuals."""

    def __init__(self, years, crosswalk: Crosswalk, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from workbench.core.compare.series import indicator_series

        self.frame = indicator_series(years, crosswalk)
        ordered = sorted({y for y, _ in years})
        self.setWindowTitle(self.tr("多年序列：{v}—{v2}年").format(v=ordered[0], v2=ordered[-1]))
        self.resize(1100, 640)
        self.model = SeriesModel(self.frame, ordered, self)
        self.grid = QTableView(self)
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.verticalHeader().setDefaultSectionSize(26)
        spark = self.model.columnCount() - 1
        self.grid.setItemDelegateForColumn(spark, SparklineDelegate.make(self.model, self.grid))
        self.grid.setColumnWidth(0, 260)
        self.grid.setColumnWidth(spark, 140)
        self.grid.horizontalHeader().setStretchLastSection(True)
        flagged = sum(1 for _, row in self.frame.iterrows() if not _missing(row["flag"]))
        self.summary = QLabel(
            self.tr(
                "{n_frame} 项指标，{n_ordered} 个年度；{flagged} 项下年目标在近三年实际之外"
            ).format(n_frame=len(self.frame), n_ordered=len(ordered), flagged=flagged),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)


def open_series(window, paths: list[Path] | None = None) -> SeriesView | None:
    """The current document's indicator tables and those of the chosen files, by year."""
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    if window.session is None:
        return None
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(
            window,
            QCoreApplication.translate("compare_view", "选择其他年度的计划文件"),
            "",
            QCoreApplication.translate("main_window", FILE_FILTER),
        )
        if not names:
            return None
        paths = [Path(n) for n in names]
    docs = [window.session.doc]
    for path in paths:
        try:
            docs.append(open_document(path))
        except FileProblem as exc:
            QMessageBox.warning(
                window, QCoreApplication.translate("compare_view", "无法打开"), str(exc)
            )
            return None
    by_year: dict[int, Any] = {}
    for doc in docs:
        for table in doc.tables.values():
            if table.kind != "indicators" or not table.year:
                continue
            actuals = sum(1 for r in table.rows.values() if r.get("actual") is not None)
            held = by_year.get(table.year)
            if held is None or actuals > held[0]:
                by_year[table.year] = (actuals, table)
    if len(by_year) < 2:
        window.show_message(QCoreApplication.translate("compare_view", "至少需要两个年度的指标表"))
        return None
    years = [(year, table) for year, (_, table) in sorted(by_year.items())]
    view = SeriesView(years, Crosswalk.of(window.session.doc), window)
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view
