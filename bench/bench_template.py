"""Collection-workbook benchmark: a project list of ROWS rows over 97 owners written as one
collection workbook per owner (validation, protection, instructions, hidden keys and sent
values) against raw XlsxWriter writing the same cells into as many plain workbooks; then
the folder read back as returns against raw python-calamine reading the same files. Both
sides run in this process, alternately, three times; medians reported.

    python bench/bench_template.py [ROWS]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.core.table import Table
from workbench.io.reading.returned_workbook import read_returns
from workbench.io.writing.collection_workbook import (
    COLUMNS,
    group_rows,
    write_collection_workbooks,
)


def build(n: int) -> PlanDocument:
    rng = random.Random(7)
    sectors = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]
    table = Table(id="projects", kind="projects", title="2022年重大项目", unit="亿元", year=2022)
    rows = []
    for i in range(n):
        plan = round(rng.uniform(0.01, 5), 4)
        rows.append(
            {
                "name": f"示范项目{i}号",
                "sector": sectors[i % 6],
                "funding": "政府投资" if i % 3 else "企业投资",
                "nature": "续建" if i % 2 else "新开工",
                "total_investment": round(plan * rng.uniform(2, 10), 4),
                "annual_plan": plan,
                "completed": None,
                "completion_rate": None,
                "owner": f"业主单位{i % 97}",
                "district": "渝北区",
                "note": None,
            }
        )
    table.bulk_append(rows)
    doc = PlanDocument(title="基准", plan_year=2022)
    doc.add_table(table)
    return doc


def raw_write(doc: PlanDocument, folder: Path) -> None:
    import xlsxwriter

    table = doc.table("projects")
    for n, (unit, keys) in enumerate(group_rows(table, "owner").items()):
        book = xlsxwriter.Workbook(str(folder / f"{n}.xlsx"))
        sheet = book.add_worksheet("填报表")
        sheet.write_string(0, 0, unit)
        for r, key in enumerate(keys, start=1):
            row = table.rows[key]
            for c, name in enumerate(COLUMNS):
                value = row.get(name)
                if isinstance(value, float):
                    sheet.write_number(r, c, value)
                elif value is not None:
                    sheet.write_string(r, c, value)
            sheet.write_string(r, len(COLUMNS), key)
        book.close()


def raw_read(folder: Path) -> int:
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in sorted(folder.glob("*.xlsx")):
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            cells += sum(len(r) for r in book.get_sheet_by_name(name).to_python())
    return cells


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    doc = build(rows)
    ours_w, raw_w, ours_r, raw_r = [], [], [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            t = time.perf_counter()
            write_collection_workbooks(doc, a)
            ours_w.append(time.perf_counter() - t)
            t = time.perf_counter()
            raw_write(doc, Path(b))
            raw_w.append(time.perf_counter() - t)
            t = time.perf_counter()
            summary = read_returns(a, doc)
            ours_r.append(time.perf_counter() - t)
            assert not summary.missing and all(r.changes == 0 for r in summary.returned)
            t = time.perf_counter()
            raw_read(Path(a))
            raw_r.append(time.perf_counter() - t)
    w, rw = statistics.median(ours_w), statistics.median(raw_w)
    r, rr = statistics.median(ours_r), statistics.median(raw_r)
    print(f"{rows} 行，97 个单位")
    print(f"生成填报表：{w:.2f} s；原始 XlsxWriter：{rw:.2f} s；比值 {w / rw:.2f}")
    print(f"读取返回：{r:.2f} s；原始 calamine：{rr:.2f} s；比值 {r / rr:.2f}")


if __name__ == "__main__":
    main()
