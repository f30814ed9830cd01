"""Export benchmark: the whole `workbench export` of a 100k-row department annex (read, checks,
the reviewed workbook: grouped annex sheet, 修订记录, 审核意见, hidden document) against the
reference in the same run: a raw python-calamine read of the same file plus raw XlsxWriter in
constant_memory mode writing the same layout (title, unit line, two-row header, sector rows,
project rows with the same formats).

    python bench/bench_export.py [ROWS]

Each side runs in a fresh process three times (peak RSS is per process); medians reported.
The annex is the one bench_import.py builds (万元, sector rows carrying counts).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import make_annex  # noqa: E402


def make_annex_with_systematic_error(path: Path, rows: int) -> None:
    """bench_import's annex, with every completion rate written as a fraction (1.2 for
    120%), a department's systematic slip: one finding per row, 100,000 in all, which the
    审核意见 sheet must tell as one line."""
    import openpyxl  # only to rewrite one column of a copy; not timed

    make_annex(path, rows)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for (cell,) in sheet.iter_rows(min_row=5, min_col=9, max_col=9):
        if isinstance(cell.value, (int, float)):
            cell.value = round(cell.value / 100, 3)
    book.save(path)


RAW = """
import sys, time, resource
t = time.perf_counter()
from python_calamine import CalamineWorkbook
import xlsxwriter
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
border = {"border": 1, "valign": "vcenter", "font_name": "宋体", "font_size": 10.5}
title = book.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"})
unit = book.add_format({"align": "right"})
head = book.add_format({"font_name": "黑体", "bold": True, "border": 1, "align": "center", "bg_color": "#F2F2F2"})
text = book.add_format({**border, "text_wrap": True})
bold = book.add_format({**border, "bold": True})
center = book.add_format({**border, "align": "center", "text_wrap": True})
money = book.add_format({**border, "num_format": "#,##0.00", "align": "right"})
rate = book.add_format({**border, "num_format": "0.0", "align": "right"})
sheet = book.add_worksheet("重大项目")
sheet.write_string(0, 0, "附件（三）")
sheet.merge_range(1, 0, 1, 10, str(rows[0][0]), title)
sheet.merge_range(2, 0, 2, 10, "单位：亿元", unit)
labels = ["序号", "项目名称", "板块/领域", "投资来源", "建设性质", "总投资", "年度计划", "完成投资", "完成率（%）", "责任单位/业主", "区县"]
for c, label in enumerate(labels):
    sheet.write_string(3, c, "投资（亿元）" if 5 <= c <= 7 else label, head)
for c, label in enumerate(labels):
    sheet.write_string(4, c, label if 5 <= c <= 7 else "", head)
styles = [center, text, center, center, center, money, money, money, rate, text, center]
out = 5
for row in rows[4:]:
    if type(row[0]) is str:  # a sector row: its label over the text columns
        sheet.merge_range(out, 0, out, 4, row[0], bold)
        out += 1
        continue
    for c, fmt in enumerate(styles[:10]):
        v = row[c]
        if type(v) is str:
            sheet.write_string(out, c, v, fmt)
        else:
            sheet.write_number(out, c, v / 10000 if 5 <= c <= 7 else v, fmt)
    sheet.write_blank(out, 10, None, center)
    out += 1
sheet.repeat_rows(3, 4)
sheet.set_landscape(); sheet.set_paper(9); sheet.fit_to_pages(1, 0)
book.close()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

OURS = """
import sys, time, resource
t = time.perf_counter()
from workbench.cli import main
assert main(["export", sys.argv[1], "-o", sys.argv[2]]) == 0
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def run(code: str, source: Path, out: Path) -> tuple[float, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, str(source), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    t, m = result.stdout.split()[-2:]
    return float(t), float(m)


def measure(source: Path, folder: Path, repeats: int = 3) -> dict[str, list[float]]:
    """Reference and workbench in alternation, so that a change in machine load between
    them does not land on one side only."""
    runs: dict[str, list[float]] = {"raw_t": [], "raw_m": [], "our_t": [], "our_m": []}
    for _ in range(repeats):
        t, m = run(RAW, source, folder / "raw.xlsx")
        runs["raw_t"].append(t)
        runs["raw_m"].append(m)
        t, m = run(OURS, source, folder / "ours.xlsx")
        runs["our_t"].append(t)
        runs["our_m"].append(m)
    return runs


def main(argv: list[str]) -> int:
    if argv[:1] == ["--build"]:
        make_annex_with_systematic_error(Path(argv[2]), int(argv[1]))
        return 0
    rows = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "annex.xlsx"
        # built in a child: a child's peak RSS starts from its parent's at fork
        subprocess.run(
            [sys.executable, __file__, "--build", str(rows), str(source)], check=True, cwd=ROOT
        )
        runs = measure(source, Path(tmp))
        sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in Path(tmp).glob("*.xlsx")}
    raw_t, our_t = statistics.median(runs["raw_t"]), statistics.median(runs["our_t"])
    pairs = [o / r for o, r in zip(runs["our_t"], runs["raw_t"], strict=True)]
    result = {
        "rows": rows,
        "raw_calamine_read_plus_xlsxwriter_write_s": round(raw_t, 3),
        "raw_peak_mb": round(max(runs["raw_m"])),
        "workbench_export_s": round(our_t, 3),
        "workbench_peak_mb": round(max(runs["our_m"])),
        "ratio": round(our_t / raw_t, 2),
        "ratio_of_fastest": round(min(runs["our_t"]) / min(runs["raw_t"]), 2),
        "ratio_per_pair": [round(p, 2) for p in pairs],
        "file_mb": sizes,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"workbench export / (calamine read + XlsxWriter write) = {result['ratio']}× (target ≤ 1.3×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
