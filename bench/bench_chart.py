"""Chart benchmark: an edit in a 100k-row project table until the linked chart has redrawn
(target ≤ 50 ms median). Offscreen; the chart is the sector chart (bars + completion line).

    python bench/bench_chart.py [ROWS] [EDITS]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    from bench_repaint import build_doc
    from PySide6.QtWidgets import QApplication

    from workbench.core.edits import CellChange, SetCells
    from workbench.core.selection import Selection
    from workbench.ui.chart_panel import ChartPanel
    from workbench.ui.session import Session

    rows = int(argv[0]) if argv else 100_000
    edits = int(argv[1]) if len(argv) > 1 else 40
    app = QApplication.instance() or QApplication([])
    doc = build_doc(rows)
    session = Session(doc, None)
    panel = ChartPanel(Selection())
    panel.resize(900, 420)
    panel.show()
    panel.set_context(session, "projects")
    panel.kind.setCurrentIndex(panel.kind.findData("invest_by_sector"))
    app.processEvents()
    panel.canvas.draw()
    table = doc.table("projects")
    rng = random.Random(5)
    times = []
    for _ in range(edits):
        key = table.keys[rng.randrange(rows)]
        value = round(rng.uniform(0.1, 9.0), 4)
        start = time.perf_counter()
        session.do(SetCells("projects", (CellChange(key, "completed", value),)))
        app.processEvents()  # the debounced redraw runs here, canvas.draw() included
        times.append((time.perf_counter() - start) * 1000)
    result = {
        "rows": rows,
        "edits": edits,
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
    }
    print(json.dumps(result, indent=1))
    print(f"edit → chart redrawn: {result['median_ms']} ms median (target ≤ 50 ms)")
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
