"""Compare-view benchmarks on two 100k-row project lists (1% changed, 0.5% removed, 0.5%
added, shuffled): the time to align them as the view does, and the repaint after scrolling
of the merged and side-by-side grids against a constant-returning model with the same
columns on the same view (target ≤ 1.2×, like the main grid).

    python bench/bench_compare_view.py [ROWS] [REPAINTS]
"""

from __future__ import annotations

import copy
import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_repaint import project_rows  # noqa: E402  (the same rows as the grid's benchmark)


def build_tables(n: int):
    from workbench.core.table import Table

    rng = random.Random(3)
    old = Table(id="projects", kind="projects", title="基准项目表", sheet_name="项目")
    rows = project_rows(n, rng)
    old.bulk_append(rows)
    new = Table(id="projects", kind="projects", title="修订稿", sheet_name="项目")
    revised = [copy.copy(r) for r in rows]
    for i in rng.sample(range(n), n // 100):
        revised[i]["annual_plan"] = round(revised[i]["annual_plan"] * 1.1, 4)
    gone = set(rng.sample(range(n), n // 200))
    revised = [r for i, r in enumerate(revised) if i not in gone]
    for i in range(n // 200):
        extra = copy.copy(rows[0])
        extra["name"] = f"新增工程{i}号"
        revised.append(extra)
    rng.shuffle(revised)
    new.bulk_append(revised)
    return old, new


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from workbench.core.compare.align import compare_tables
    from workbench.ui.compare_models import CompareModel, arrange

    rows = int(argv[0]) if argv else 100_000
    repaints = int(argv[1]) if len(argv) > 1 else 120
    app = QApplication.instance() or QApplication([])
    old, new = build_tables(rows)
    t = time.perf_counter()
    comparison = compare_tables(old, new, accept_threshold=None)
    lines = arrange(comparison)
    align_s = time.perf_counter() - t

    models = {}
    for side in ("merged", "old", "new"):
        model = CompareModel(side)
        model.set_lines(comparison, lines, set())
        models[side] = model
    root = QModelIndex()

    class Constant(QAbstractTableModel):
        def __init__(self, like: CompareModel) -> None:
            super().__init__()
            self.like = like

        def rowCount(self, parent=root):
            return 0 if parent.isValid() else len(lines)

        def columnCount(self, parent=root):
            return 0 if parent.isValid() else self.like.columnCount()

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return "示范项目" if role == Qt.ItemDataRole.DisplayRole else None

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            return self.like.headerData(section, orientation, role)

    view = QTableView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    def block(model, rng: random.Random, count: int) -> list[float]:
        view.setModel(model)
        for c in range(model.columnCount()):
            view.setColumnWidth(c, 100)
        times = []
        for _ in range(count):
            view.scrollTo(model.index(rng.randrange(len(lines)), 0))
            app.processEvents()
            start = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        return times

    result: dict[str, object] = {"rows": rows, "lines": len(lines), "align_s": round(align_s, 3)}
    for side in ("merged", "new"):
        ours, constant = models[side], Constant(models[side])
        block(constant, random.Random(0), 10)
        block(ours, random.Random(0), 10)
        constant_times: list[float] = []
        our_times: list[float] = []
        per_block = max(1, repaints // 6)
        for n in range(6):
            constant_times += block(constant, random.Random(100 + n), per_block)
            our_times += block(ours, random.Random(100 + n), per_block)
        c, o = statistics.median(constant_times), statistics.median(our_times)
        result[f"{side}_constant_ms"] = round(c, 2)
        result[f"{side}_ms"] = round(o, 2)
        result[f"{side}_ratio"] = round(o / c, 2)
    view.setModel(None)  # tear the view down before the models and the application
    view.deleteLater()
    app.processEvents()
    print(json.dumps(result, indent=1, ensure_ascii=False))
    print(
        f"compare view repaint: merged {result['merged_ratio']}×, side by side "
        f"{result['new_ratio']}× a constant model (target ≤ 1.2×); aligned in {result['align_s']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
