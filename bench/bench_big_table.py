"""100,000 rows in the real window (issue 26): launch to every row in the grid, sort by a
numeric and by a text column, one search keystroke to repainted rows, quit — each against a
whole-process raw python-calamine read of the same file measured in the same run.

    python bench/bench_big_table.py [ROWS] [--repeats N]

The file is bench_import's 100k-row project annex (merged title and header, 万元). Each repeat
starts a fresh app process on the file (as `python -m workbench FILE` does) with a probe
that, once the grid holds every row, measures in the window itself:

- launch → every row in the grid (wall, from the parent's spawn), and the process's peak RSS;
- the longest the GUI thread went without turning its event loop (a 5 ms heartbeat) while
  the file loaded, and afterwards while the search index was built at idle;
- sort by 年度计划投资 (numbers) and by 项目名称 (pinyin text): the header's sort, then a
  synchronous repaint — first sort of the column (its keys computed) and the reverse sort
  (keys cached);
- one search keystroke: the search text gains a character, the filter is applied (the
  typing pause the grid waits for on a large table, SEARCH_PAUSE_MS, is not work and is
  reported beside it) and the grid repainted;
- an edit → the window updated (status, totals, chart), the issue's ≤ 50 ms;
- quit: from closing the window to the process having exited.

Targets (issue 26): sort ≤ 0.5×, keystroke ≤ 0.15×, launch ≤ 2.0× the raw read; peak ≤ 300 MB.
Medians of the repeats are printed, with the load average.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import RAW_PROCESS, ROOT, make_annex, whole_process  # noqa: E402

PROBE = r"""
import json, resource, sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

launched = float(sys.argv[2])
from workbench.ui import main_window

found = {}
_init = main_window.MainWindow.__init__
app = None  # the app's own (run() makes it, and so quits as the program does)


def hooked(self, *args, **kwargs):
    global app
    _init(self, *args, **kwargs)
    found["window"] = self
    app = QApplication.instance()
    heart.start()
    poller.start()


main_window.MainWindow.__init__ = hooked
gaps = {"start": 0.0, "load": 0.0, "idle": 0.0}
phase = ["start"]
last = [time.perf_counter()]


def beat():
    now = time.perf_counter()
    if phase[0] != "start":
        gaps[phase[0]] = max(gaps[phase[0]], now - last[0])
    last[0] = now


heart = QTimer()
heart.setInterval(5)
heart.timeout.connect(beat)
result = {}


def settle(until, limit=120.0):
    end = time.perf_counter() + limit
    while not until() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def timed_sort(grid, column, order):
    app.processEvents()
    t = time.perf_counter()
    grid.sortByColumn(column, order)
    app.processEvents()
    grid.viewport().repaint()
    return time.perf_counter() - t


def measure():
    window = found["window"]
    grid, model = window.grid, window.model
    result["grid_full_s"] = time.time() - launched
    result["rows"] = model.rowCount()
    phase[0] = "idle"
    last[0] = time.perf_counter()
    t = time.perf_counter()
    settle(lambda: not model.indexing())
    result["search_index_idle_s"] = time.perf_counter() - t
    phase[0] = "measuring"  # the timed steps below block on purpose
    gaps["measuring"] = 0.0
    labels = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    number = next(c for c, h in enumerate(labels) if h.startswith("年度计划"))
    text = next(c for c, h in enumerate(labels) if h.startswith("项目名称"))
    up, down = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    result["sort_number_first_s"] = timed_sort(grid, number, up)
    result["sort_number_again_s"] = timed_sort(grid, number, down)
    result["sort_text_first_s"] = timed_sort(grid, text, up)
    result["sort_text_again_s"] = timed_sort(grid, text, down)
    timed_sort(grid, -1, up)
    times = []
    for typed in ("示", "示范", "示范项目", "示范项目1", "示范项目12", "示范项目123"):
        window.search.setText(typed)
        app.processEvents()
        t = time.perf_counter()
        grid._apply_search()
        settle(lambda: not grid.search_pending())
        app.processEvents()
        grid.viewport().repaint()
        times.append(time.perf_counter() - t)
    result["keystroke_s"] = sorted(times)[len(times) // 2]
    result["shown_after_search"] = model.rowCount()
    window.search.clear()
    settle(lambda: not grid.search_pending())
    edits = []
    for row in (10, 5000, 60000, 99000):  # an edit → status bar, totals, chart redrawn
        index = model.index(row, number)
        t = time.perf_counter()
        model.setData(index, "3.25")
        app.processEvents()
        edits.append(time.perf_counter() - t)
    result["edit_s"] = sorted(edits)[len(edits) // 2]
    result["keystroke_max_s"] = max(times)
    result["search_pause_ms"] = grid.SEARCH_PAUSE_MS
    result["gui_block_load_ms"] = gaps["load"] * 1000
    result["gui_block_idle_ms"] = gaps["idle"] * 1000
    window.search.clear()
    app.processEvents()
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from PySide6.QtWidgets import QMessageBox

    discard = QMessageBox.StandardButton.Discard  # the timed edits are not kept
    QMessageBox.question = staticmethod(lambda *args, **kwargs: discard)
    print("RESULT " + json.dumps(result), flush=True)
    print(f"QUIT {time.time():.6f}", flush=True)
    window.close()
    print(f"CLOSED {time.time():.6f}", flush=True)
    app.quit()


def poll():
    window = found.get("window")
    if window is not None and phase[0] == "start" and window.isVisible():
        phase[0] = "load"  # the window is up: from here on, a wait is the file's
        last[0] = time.perf_counter()
    model = getattr(window, "model", None) if window else None
    if model is not None and model.rowCount() >= int(sys.argv[3]):
        poller.stop()
        QTimer.singleShot(0, measure)


poller = QTimer()
poller.setInterval(5)
poller.timeout.connect(poll)
import atexit

atexit.register(lambda: print(f"EXITING {time.time():.6f}", flush=True))
from workbench.cli import main

code = main([sys.argv[1]])
print(f"RETURNED {time.time():.6f}", flush=True)
sys.exit(code)
"""


def run_window(path: Path, rows: int, home: str) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        WORKBENCH_DATA_DIR=os.path.join(home, "data"),
        XDG_CONFIG_HOME=os.path.join(home, "config"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launched = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, str(path), f"{launched:.6f}", str(rows)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    out, err = proc.communicate(timeout=600)
    ended = time.time()
    result = next((json.loads(x[7:]) for x in out.splitlines() if x.startswith("RESULT ")), None)
    quit_at = next((float(x.split()[1]) for x in out.splitlines() if x.startswith("QUIT ")), None)
    if result is None or quit_at is None:
        raise SystemExit(f"the window never filled its grid: {err[-800:]}")
    result["quit_s"] = ended - quit_at
    marks = {
        x.split()[0]: float(x.split()[1])
        for x in out.splitlines()
        if x[:1].isupper() and x.split()[0] in ("CLOSED", "RETURNED", "EXITING")
    }
    result["quit_steps"] = {k: round(v - quit_at, 3) for k, v in marks.items()}
    return result


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="100k rows in the window")
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "annex.xlsx"
        make_annex(path, options.rows)
        expected = options.rows // 6 * 6
        raw: list[float] = []
        runs: list[dict] = []
        whole_process([sys.executable, "-c", RAW_PROCESS, str(path)])  # warm the file cache
        for _ in range(options.repeats):  # interleaved: load changes hit both sides alike
            raw.append(whole_process([sys.executable, "-c", RAW_PROCESS, str(path)])[0])
            runs.append(run_window(path, expected, tmp))

    def med(name: str) -> float:
        return statistics.median(r[name] for r in runs)

    raw_s = statistics.median(raw)
    result = {
        "rows": runs[0]["rows"],
        "repeats": options.repeats,
        "raw_calamine_process_s": round(raw_s, 3),
        **{
            name: round(med(name), 3)
            for name in (
                "grid_full_s",
                "sort_number_first_s",
                "sort_number_again_s",
                "sort_text_first_s",
                "sort_text_again_s",
                "keystroke_s",
                "keystroke_max_s",
                "search_index_idle_s",
                "edit_s",
                "quit_s",
            )
        },
        "peak_mb": round(max(r["peak_mb"] for r in runs)),
        "gui_block_load_ms": round(med("gui_block_load_ms")),
        "gui_block_idle_ms": round(med("gui_block_idle_ms")),
        "search_pause_ms": runs[0]["search_pause_ms"],
        "shown_after_search": runs[0]["shown_after_search"],
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "quit_steps": runs[len(runs) // 2]["quit_steps"],
    }
    for name in ("grid_full", "sort_number_first", "sort_text_first", "keystroke"):
        result[f"{name}_ratio"] = round(result[f"{name}_s"] / raw_s, 2)
    for name in ("sort_number_again", "sort_text_again"):
        result[f"{name}_ratio"] = round(result[f"{name}_s"] / raw_s, 2)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"launch → all {result['rows']} rows in the grid: {result['grid_full_ratio']}× a raw "
        f"calamine read (target ≤ 2.0×), peak {result['peak_mb']} MB (target ≤ 300 MB)\n"
        f"sort by a number: {result['sort_number_first_ratio']}× (again "
        f"{result['sort_number_again_ratio']}×), by text: {result['sort_text_first_ratio']}× "
        f"(again {result['sort_text_again_ratio']}×) (target ≤ 0.5×)\n"
        f"one search keystroke → repainted rows: {result['keystroke_ratio']}× (target ≤ 0.15×; "
        f"plus a {result['search_pause_ms']} ms typing pause)\n"
        f"GUI thread's longest wait: {result['gui_block_load_ms']} ms while opening, "
        f"{result['gui_block_idle_ms']} ms afterwards; edit → status, totals and chart "
        f"{round(result['edit_s'] * 1000)} ms (target ≤ 50 ms); quit {result['quit_s']} s; "
        f"load average {result['load_average']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
