"""Start-up benchmark: time from launching `python -m workbench` to the first visible window
(target ≤ 0.6 s). The document and the heavy libraries load after the window shows.

    python bench/bench_startup.py [RUNS]

Runs offscreen; prints each run and the median, plus the same for a bare PySide6 window in
the same run as the floor.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.show()
QTimer.singleShot(0, lambda: (print(f"window-shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def launch(args: list[str]) -> float:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        WORKBENCH_REPORT_STARTUP="1",
    )
    start = time.time()
    out = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    shown = next(
        float(line.split()[1]) for line in out.splitlines() if line.startswith("window-shown")
    )
    return shown - start


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 7
    launch(["-m", "workbench"])  # warm the file cache
    ours = [launch(["-m", "workbench"]) for _ in range(runs)]
    bare = [launch(["-c", BARE]) for _ in range(runs)]
    result = {
        "workbench_s": round(statistics.median(ours), 3),
        "bare_pyside6_window_s": round(statistics.median(bare), 3),
        "runs": [round(t, 3) for t in ours],
    }
    print(json.dumps(result, indent=1))
    print(
        f"launch → first visible window: {result['workbench_s']} s (target ≤ 0.6 s; bare Qt window {result['bare_pyside6_window_s']} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
