"""Export benchmark: a 100k-row project annex written by the workbench (the full reviewed
workbook: annex sheet, 修订记录, 审核意见, hidden document) against raw XlsxWriter in
constant_memory mode writing the same rows with the same formats, in the same run.

    python bench/bench_export.py [ROWS]

Each side runs in a fresh process three times (peak RSS is per process); medians reported.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BUILD = """
import random
from workbench.core.document import PlanDocument
from workbench.core.table import Table

def build(n):
    rng = random.Random(7)
    sectors = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]
    table = Table(id="projects", kind="projects", title="2021年市级重大建设项目完成情况表", sheet_name="重大项目", unit="亿元")
    rows = []
    for i in range(n):
        plan = round(rng.uniform(0.01, 5), 4)
        done = round(plan * rng.uniform(0.6, 1.4), 4)
        rows.append({"name": f"示范项目{i}号", "sector": sectors[i % 6], "funding": "政府投资" if i % 3 else "企业投资",
                     "nature": "续建" if i % 2 else "新开工", "total_investment": round(plan * rng.uniform(2, 10), 4),
                     "annual_plan": plan, "completed": done, "completion_rate": round(done / plan * 100, 1),
                     "owner": f"业主单位{i % 97}", "district": "渝北区", "note": None})
    table.bulk_append(rows)
    doc = PlanDocument(title="基准")
    doc.add_table(table)
    return doc
"""

OURS = (
    BUILD
    + """
import sys, time, resource
doc = build(int(sys.argv[1]))
from workbench.io.writing.workbook_writer import write_workbook
t = time.perf_counter()
write_workbook(doc, sys.argv[2])
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
)

RAW = (
    BUILD
    + """
import sys, time, resource
doc = build(int(sys.argv[1]))
table = doc.table("projects")
import xlsxwriter
t = time.perf_counter()
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
border = {"border": 1, "valign": "vcenter", "font_name": "宋体", "font_size": 10.5}
title = book.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"})
unit = book.add_format({"align": "right"})
head = book.add_format({"font_name": "黑体", "bold": True, "border": 1, "align": "center", "bg_color": "#F2F2F2"})
text = book.add_format({**border, "text_wrap": True})
center = book.add_format({**border, "align": "center", "text_wrap": True})
money = book.add_format({**border, "num_format": "0.00", "align": "right"})
rate = book.add_format({**border, "num_format": "0.0", "align": "right"})
sheet = book.add_worksheet("重大项目")
sheet.merge_range(0, 0, 0, 11, table.title, title)
sheet.merge_range(1, 0, 1, 11, "单位：亿元", unit)
labels = ["序号", "项目名称", "板块/领域", "投资来源", "建设性质", "总投资", "年度计划", "完成投资", "完成率（%）", "责任单位/业主", "区县", "备注"]
for c, label in enumerate(labels):
    sheet.write_string(2, c, "投资（亿元）" if 5 <= c <= 7 else label, head)
for c, label in enumerate(labels):
    sheet.write_string(3, c, label if 5 <= c <= 7 else "", head)
keys = ["name", "sector", "funding", "nature", "total_investment", "annual_plan", "completed", "completion_rate", "owner", "district", "note"]
styles = [text, center, center, center, money, money, money, rate, text, center, text]
for r, (key, row) in enumerate(table, start=4):
    sheet.write_number(r, 0, r - 3, center)
    for c, (k, fmt) in enumerate(zip(keys, styles), start=1):
        v = row[k]
        if v is None:
            sheet.write_blank(r, c, None, fmt)
        elif isinstance(v, str):
            sheet.write_string(r, c, v, fmt)
        else:
            sheet.write_number(r, c, v, fmt)
sheet.repeat_rows(2, 3)
sheet.set_landscape(); sheet.set_paper(9); sheet.fit_to_pages(1, 0)
book.close()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
)


def measure(code: str, rows: int, out: Path, repeats: int = 3) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", code, str(rows), str(out)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        t, m = result.stdout.split()
        times.append(float(t))
        peaks.append(float(m))
    return statistics.median(times), max(peaks)


def main(argv: list[str]) -> int:
    import tempfile

    rows = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        raw_t, raw_m = measure(RAW, rows, Path(tmp) / "raw.xlsx")
        our_t, our_m = measure(OURS, rows, Path(tmp) / "ours.xlsx")
        sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in Path(tmp).glob("*.xlsx")}
    result = {
        "rows": rows,
        "raw_xlsxwriter_constant_memory_s": round(raw_t, 3),
        "raw_peak_mb": round(raw_m),
        "workbench_export_s": round(our_t, 3),
        "workbench_peak_mb": round(our_m),
        "ratio": round(our_t / raw_t, 2),
        "file_mb": sizes,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"workbench export / raw XlsxWriter = {result['ratio']}× (target ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
