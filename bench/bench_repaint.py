"""Repaint benchmark: a 100k-row project table scrolled to random places, repainted through
our model and through a constant-returning model on the same view and the same sort/filter
proxy (target ≤ 1.2×).

    python bench/bench_repaint.py [ROWS] [REPAINTS]

Runs offscreen with a 1280×800 grid. Each repaint is synchronous (viewport().repaint()),
after a jump to a random row, so the model's data() is called for every visible cell.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def project_rows(n: int, rng: random.Random) -> list[dict]:
    """n project rows as a department's list holds them (also the compare-view benchmark's)."""
    sectors = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]
    rows = []
    for i in range(n):
        plan = round(rng.uniform(0.01, 5), 4)
        done = round(plan * rng.uniform(0.6, 1.4), 4)
        rows.append(
            {
                "name": f"示范项目{i}号",
                "sector": sectors[i % 6],
                "funding": "政府投资" if i % 3 else "企业投资",
                "nature": "续建" if i % 2 else "新开工",
                "total_investment": round(plan * 5, 4),
                "annual_plan": plan,
                "completed": done,
                "completion_rate": round(done / plan * 100, 1),
                "owner": f"业主单位{i % 97}",
                "district": "渝北区",
                "note": None,
            }
        )
    return rows


def build_doc(n: int):
    from workbench.core.document import PlanDocument
    from workbench.core.table import Table

    table = Table(
        id="projects", kind="projects", title="基准项目表", sheet_name="项目", unit="亿元"
    )
    table.bulk_append(project_rows(n, random.Random(3)))
    doc = PlanDocument(title="基准")
    doc.add_table(table)
    return doc


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from workbench.ui.grid import GridView
    from workbench.ui.session import Session
    from workbench.ui.table_model import PlanTableModel

    rows = int(argv[0]) if argv else 100_000
    repaints = int(argv[1]) if len(argv) > 1 else 120
    app = QApplication.instance() or QApplication([])
    doc = build_doc(rows)
    session = Session(doc, None)
    ours = PlanTableModel(session, doc.table("projects"))

    root = QModelIndex()

    class Constant(QAbstractTableModel):
        def rowCount(self, parent=root):
            return 0 if parent.isValid() else rows

        def columnCount(self, parent=root):
            return 0 if parent.isValid() else ours.columnCount()

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return "示范项目" if role == Qt.ItemDataRole.DisplayRole else None

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            return ours.headerData(section, orientation, role)

    view = GridView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    def install(model) -> None:
        # Both models sit behind the view's one permanent sort/filter proxy, as in the app.
        if isinstance(model, PlanTableModel):
            view.set_plan_model(model)
        else:
            view.selectionModel().clear()
            view.proxy.setSourceModel(model)
        for c in range(model.columnCount()):
            view.setColumnWidth(c, 100)

    def block(model, rng: random.Random, count: int) -> list[float]:
        install(model)
        times = []
        for _ in range(count):
            view.scrollTo(view.model().index(rng.randrange(rows), 0))
            app.processEvents()
            t = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - t) * 1000)
        return times

    constant_model = Constant()
    block(ours, random.Random(0), 10)  # warm up fonts and glyph caches
    block(constant_model, random.Random(0), 10)
    # Interleave blocks so that machine noise falls on both models alike.
    constant_times: list[float] = []
    our_times: list[float] = []
    per_block = max(1, repaints // 6)
    for n in range(6):
        constant_times += block(constant_model, random.Random(100 + n), per_block)
        our_times += block(ours, random.Random(100 + n), per_block)
    constant = statistics.median(constant_times)
    our = statistics.median(our_times)
    result = {
        "rows": rows,
        "constant_model_ms": round(constant, 2),
        "workbench_model_ms": round(our, 2),
        "ratio": round(our / constant, 2),
    }
    print(json.dumps(result, indent=1))
    print(f"repaint after scrolling: {result['ratio']}× a constant model (target ≤ 1.2×)")
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
