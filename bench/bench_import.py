"""Import benchmark: a 100k-row formatted project annex, read by the workbench and by raw
python-calamine in the same run; prints the ratio and each side's peak memory.

    python bench/bench_import.py [ROWS]

Each measurement runs in a fresh process (peak RSS is per process), three times; the median
is reported. Absolute times drift with machine load: compare the ratio.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
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
t = time.perf_counter()
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(rows))
"""

OURS = """
import sys, time, resource
from workbench.io.opener import open_document
t = time.perf_counter()
doc = open_document(sys.argv[1])
table = next(iter(doc.tables.values()))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(table))
"""

CLI = """
import sys, time, resource, io, contextlib
from workbench.cli import main
t = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    main(["import", sys.argv[1], "--json"])
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
"""


def measure(code: str, path: Path, repeats: int = 3) -> tuple[float, float, int]:
    times, peaks, count = [], [], 0
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        times.append(float(out[0]))
        peaks.append(float(out[1]))
        count = int(out[2])
    return statistics.median(times), max(peaks), count


def main(argv: list[str]) -> int:
    rows = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "annex.xlsx"
        make_annex(path, rows)
        size = path.stat().st_size / 2**20
        raw_t, raw_m, raw_n = measure(RAW, path)
        our_t, our_m, our_n = measure(OURS, path)
        cli_t, cli_m, _ = measure(CLI, path)
    result = {
        "rows": our_n,
        "file_mb": round(size, 1),
        "raw_calamine_s": round(raw_t, 3),
        "raw_calamine_peak_mb": round(raw_m),
        "workbench_import_s": round(our_t, 3),
        "workbench_import_peak_mb": round(our_m),
        "ratio": round(our_t / raw_t, 2),
        "cli_import_json_s": round(cli_t, 3),
        "cli_import_json_peak_mb": round(cli_m),
        "cli_ratio": round(cli_t / raw_t, 2),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"workbench import / raw calamine = {result['ratio']}× (target ≤ 1.5×); raw calamine read {raw_n} rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
