"""Import benchmark: a 100k-row formatted project annex, read by the workbench and by raw
python-calamine in the same run; prints the ratios and each side's peak memory.

    python bench/bench_import.py [ROWS] [--repeats N] [--stages]

Two ratios, each against raw python-calamine reading the same file:
- in-process: `open_document` against `CalamineWorkbook…to_python()`, both timed inside a
  fresh process after their imports (target ≤ 1.3×);
- whole process: `python -m workbench import FILE --json` against a whole `python -c` process
  that imports calamine and reads the file (target ≤ 2.0×, issue 26): start-up and imports count.
Each is measured by wall clock and by CPU time (user + system; steadier on a shared
machine), the sides interleaved so that a change of load hits both; the best of the runs is
the ratio (the median is printed beside it). `--stages` also prints the share of time of each
stage of one in-process import (sniff, limits, calamine, formats, …) by CPU and wall time.

Both sides run as an installed program does: with compiled bytecode (pip and the frozen build
ship .pyc files), written to a folder of the run after one warm-up of each command, whatever
PYTHONDONTWRITEBYTECODE says. `--no-bytecode` measures the workbench compiled from source on
every start instead (calamine is compiled code either way), as a checkout without .pyc runs.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTORS = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]


def make_annex(path: Path, rows: int) -> None:
    """Merged title, unit line, two-row merged header, category rows, 10 columns, in 万元."""
    import xlsxwriter

    rng = random.Random(7)
    book = xlsxwriter.Workbook(
        str(path)
    )  # not constant_memory: vertical header merges need row 2 unflushed
    sheet = book.add_worksheet("重大项目")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter"})
    cell = book.add_format({"border": 1})
    money = book.add_format({"border": 1, "num_format": "0.00"})
    sheet.merge_range(0, 0, 0, 9, "2021年市级重大建设项目完成情况表", title)
    sheet.merge_range(1, 0, 1, 9, "单位：万元", book.add_format({"align": "right"}))
    for col, label in enumerate(["序号", "项目名称", "板块", "投资来源", "建设性质"]):
        sheet.merge_range(2, col, 3, col, label, head)
    sheet.merge_range(2, 5, 2, 7, "投资", head)
    for col, label in zip((5, 6, 7), ("总投资", "年度计划投资", "完成投资"), strict=True):
        sheet.write(3, col, label, head)
    sheet.merge_range(2, 8, 3, 8, "完成率（%）", head)
    sheet.merge_range(2, 9, 3, 9, "业主单位", head)
    r = 4
    per_sector = rows // len(SECTORS)
    n = 0
    for s, sector in enumerate(SECTORS):
        sheet.write(r, 0, f"{'一二三四五六'[s]}、{sector}（{per_sector}个）", cell)
        r += 1
        for _ in range(per_sector):
            n += 1
            plan = rng.uniform(100, 50000)
            done = plan * rng.uniform(0.6, 1.4)
            sheet.write_number(r, 0, n, cell)
            sheet.write_string(r, 1, f"{sector}示范项目{n}号", cell)
            sheet.write_string(r, 2, sector, cell)
            sheet.write_string(r, 3, "政府投资" if n % 3 else "企业投资", cell)
            sheet.write_string(r, 4, "续建" if n % 2 else "新开工", cell)
            sheet.write_number(r, 5, round(plan * rng.uniform(2, 10), 2), money)
            sheet.write_number(r, 6, round(plan, 2), money)
            sheet.write_number(r, 7, round(done, 2), money)
            sheet.write_number(r, 8, round(done / plan * 100, 1), money)
            sheet.write_string(r, 9, f"业主单位{n % 97}", cell)
            r += 1
    book.close()


RAW = """
import sys, time, resource
from python_calamine import CalamineWorkbook
t, c = time.perf_counter(), time.process_time()
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(time.perf_counter() - t, time.process_time() - c,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(rows))
"""

OURS = """
import sys, time, resource
from workbench.io.opener import open_document
t, c = time.perf_counter(), time.process_time()
doc = open_document(sys.argv[1])
table = next(iter(doc.tables.values()))
print(time.perf_counter() - t, time.process_time() - c,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(table))
"""

# The whole-process floor: start Python, import calamine, read every cell of the sheet.
RAW_PROCESS = """
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows))
"""


def child_environment(pycache: Path | None) -> dict[str, str]:
    """The children's environment: bytecode written to and read from `pycache` (None: none
    written, every start compiles the workbench from source)."""
    env = dict(os.environ)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


ENV: dict[str, str] = dict(os.environ)


def in_process(code: str, path: Path) -> tuple[float, float, float, int]:
    """(wall, CPU, peak MB, rows) of the timed part of one fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=ENV,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3])


def whole_process(cmd: list[str]) -> tuple[float, float, float]:
    """(wall, CPU of user + system, peak MB) of one whole child process, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} 失败：{done.stderr.decode('utf-8', 'replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def stages(path: Path) -> list[tuple[str, float, float]]:
    """(stage, CPU s, wall s) of one in-process `import --json`."""
    return command_stages(["import", str(path), "--json"])


def command_stages(argv: list[str]) -> list[tuple[str, float, float]]:
    """(stage, CPU s, wall s) of one in-process run of a `workbench` command, by timing the
    functions each stage calls. The limits check finds the error cells as it goes; where it cannot, the
    error-cell scan runs in a thread beside calamine, and here it is waited for at once so
    that its own cost shows (process CPU time counts every thread)."""
    import contextlib

    import orjson

    from workbench import cli
    from workbench.app import opening
    from workbench.cli import output
    from workbench.core.compare import align, report
    from workbench.io import contract_json, opener
    from workbench.io.reading import annex_reader, engines, limits, number_formats, workbook_source
    from workbench.io.reading.row_reader import RowReader

    spent: dict[str, list[float]] = {}

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                total = spent.setdefault(name, [0.0, 0.0])
                total[0] += time.process_time() - cpu
                total[1] += time.perf_counter() - wall

        return wrapper

    original_start = number_formats.WorkbookFacts.start

    def start_and_wait(path_: Path, known_errors=None, data=None):
        facts = original_start(path_, known_errors, data)
        for name in list(facts._done):  # noqa: SLF001 - the benchmark waits for the scan
            facts.error_cells(name)
        return facts

    patches = [
        (workbook_source, "sniff_data", "sniff"),
        (limits, "read_bounded", "limits (read, inflate, bound)"),
        (workbook_source.limits, "check_package", "limits (read, inflate, bound)"),
        (engines.CalamineReader, "sheets", "calamine"),
        (annex_reader, "fill_merges", "layout detection"),
        (annex_reader, "analyse_layout", "layout detection"),
        (annex_reader, "_percent", "number formats"),
        (RowReader, "read", "row reading"),
        (RowReader, "finish", "row reading"),
        (annex_reader, "_confidence", "row reading"),
        (contract_json, "table_payload", "payload (status, provenance)"),
        (align, "compare_tables", "diff: align and compare"),
        (report, "diff_text", "diff: text"),
        (report, "diff_payload", "diff: payload"),
        (output, "print_json", "JSON"),
    ]
    saved = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in patches]
    saved.append((number_formats.WorkbookFacts, "start", original_start))
    side_by_side = opening.open_both
    saved.append((opening, "open_both", side_by_side))

    def one_after_the_other(old, new):
        return opening.open_path(old), opening.open_path(new)

    try:
        # `diff` reads its two files side by side; process CPU time counts every thread, so
        # here they are read one after the other, else each overlapped stage counts twice.
        opening.open_both = one_after_the_other
        for owner, attr, label in patches:
            setattr(owner, attr, timed(label, getattr(owner, attr)))
        number_formats.WorkbookFacts.start = staticmethod(timed("error-cell scan", start_and_wait))
        assert orjson  # the serializer the CLI uses is installed
        wall, cpu = time.perf_counter(), time.process_time()
        with (
            open(os.devnull, "w", encoding="utf-8") as sink,  # has a buffer, like a pipe
            contextlib.redirect_stdout(sink),
        ):
            cli.main(argv)
        total = (time.process_time() - cpu, time.perf_counter() - wall)
    finally:
        for owner, attr, value in saved:
            setattr(owner, attr, value)
        del opener
    measured = [(name, c, w) for name, (c, w) in spent.items()]
    other = (total[0] - sum(c for _, c, _ in measured), total[1] - sum(w for _, _, w in measured))
    return [*measured, ("other (document, warnings, CLI)", *other), ("total", *total)]


def print_stages(rows: list[tuple[str, float, float]]) -> None:
    total_cpu, total_wall = rows[-1][1], rows[-1][2]
    print(f"{'stage':34} {'CPU s':>7} {'share':>6} {'wall s':>7} {'share':>6}")
    for name, cpu, wall in rows:
        print(f"{name:34} {cpu:7.3f} {cpu / total_cpu:6.1%} {wall:7.3f} {wall / total_wall:6.1%}")


def _best_and_median(values: list[float]) -> tuple[float, float]:
    return min(values), statistics.median(values)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="import benchmark")
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="share of time per stage")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile the workbench from source each start"
    )
    options = parser.parse_args(argv)
    rows, repeats = options.rows, options.repeats
    global ENV
    with tempfile.TemporaryDirectory() as tmp:
        ENV = child_environment(None if options.no_bytecode else Path(tmp) / "pycache")
        path = Path(tmp) / "annex.xlsx"
        make_annex(path, rows)
        size = path.stat().st_size / 2**20
        samples: dict[str, list[tuple[float, float, float]]] = {
            k: [] for k in ("raw", "ours", "raw_process", "cli_process")
        }
        raw_n = our_n = 0
        commands = {
            "raw_process": [sys.executable, "-c", RAW_PROCESS, str(path)],
            "cli_process": [sys.executable, "-m", "workbench", "import", str(path), "--json"],
        }
        for cmd in commands.values():  # warm-up: writes the bytecode, fills the file cache
            whole_process(cmd)
        for _ in range(repeats):  # interleaved: a change of load hits both sides alike
            wall, cpu, peak, raw_n = in_process(RAW, path)
            samples["raw"].append((wall, cpu, peak))
            wall, cpu, peak, our_n = in_process(OURS, path)
            samples["ours"].append((wall, cpu, peak))
            for name, cmd in commands.items():
                samples[name].append(whole_process(cmd))
        stage_rows = stages(path) if options.stages else None

    def best(name: str, index: int) -> float:
        return _best_and_median([s[index] for s in samples[name]])[0]

    def median(name: str, index: int) -> float:
        return _best_and_median([s[index] for s in samples[name]])[1]

    result = {
        "rows": our_n,
        "file_mb": round(size, 1),
        "repeats": repeats,
        "raw_calamine_wall_s": round(best("raw", 0), 3),
        "raw_calamine_cpu_s": round(best("raw", 1), 3),
        "raw_calamine_peak_mb": round(max(s[2] for s in samples["raw"])),
        "workbench_import_wall_s": round(best("ours", 0), 3),
        "workbench_import_cpu_s": round(best("ours", 1), 3),
        "workbench_import_peak_mb": round(max(s[2] for s in samples["ours"])),
        "ratio_wall": round(best("ours", 0) / best("raw", 0), 2),
        "ratio_cpu": round(best("ours", 1) / best("raw", 1), 2),
        "ratio_wall_median": round(median("ours", 0) / median("raw", 0), 2),
        "raw_process_wall_s": round(best("raw_process", 0), 3),
        "raw_process_cpu_s": round(best("raw_process", 1), 3),
        "cli_import_json_wall_s": round(best("cli_process", 0), 3),
        "cli_import_json_cpu_s": round(best("cli_process", 1), 3),
        "cli_ratio_wall": round(best("cli_process", 0) / best("raw_process", 0), 2),
        "cli_ratio_cpu": round(best("cli_process", 1) / best("raw_process", 1), 2),
        "cli_ratio_wall_median": round(median("cli_process", 0) / median("raw_process", 0), 2),
        "bytecode": not options.no_bytecode,
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"in-process workbench import / raw calamine = {result['ratio_wall']}× wall, "
        f"{result['ratio_cpu']}× CPU (target ≤ 1.3×); whole-process `import --json` / raw "
        f"calamine process = {result['cli_ratio_wall']}× wall, {result['cli_ratio_cpu']}× CPU "
        f"(target ≤ 2.0×; median {result['cli_ratio_wall_median']}× wall); raw calamine "
        f"read {raw_n} rows; {'with' if result['bytecode'] else 'without'} bytecode; load "
        f"{result['load_average']}"
    )
    if stage_rows is not None:
        print_stages(stage_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
