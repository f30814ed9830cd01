"""Diff benchmark: two 100k-row project lists (1% of rows changed, 0.5% removed, 0.5% added,
the new one shuffled), compared by the whole `workbench diff` process against two
whole-process raw python-calamine reads of the same files (the floor: both must be read).

    python bench/bench_diff.py [ROWS]

Each side is timed as a fresh process, wall clock, three times; the median is reported.
Absolute times drift with machine load: compare the ratio (target ≤ 2×).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTORS = ["科技创新", "产业转型升级", "乡村振兴", "城市提升", "生态环保", "社会民生"]
DISTRICTS = ["渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"]
HEADER = [
    "序号",
    "项目名称",
    "板块",
    "投资来源",
    "建设性质",
    "总投资",
    "年度计划投资",
    "完成投资",
    "完成率（%）",
    "业主单位",
]


def make_rows(rows: int, rng: random.Random) -> list[list]:
    out = []
    for n in range(1, rows + 1):
        sector = SECTORS[n % len(SECTORS)]
        plan = round(rng.uniform(100, 50000), 2)
        done = round(plan * rng.uniform(0.6, 1.4), 2)
        out.append(
            [
                n,
                f"{DISTRICTS[n % len(DISTRICTS)]}{sector}示范项目{n}号",
                sector,
                "政府投资" if n % 3 else "企业投资",
                "续建" if n % 2 else "新开工",
                round(plan * rng.uniform(2, 10), 2),
                plan,
                done,
                round(done / plan * 100, 1),
                f"业主单位{n % 97}",
            ]
        )
    return out


def revise(rows: list[list], rng: random.Random) -> tuple[list[list], dict[str, int]]:
    """1% changed (one figure), 0.5% removed, 0.5% added, then shuffled."""
    count = len(rows)
    new = [list(r) for r in rows]
    picks = rng.sample(range(count), count * 2 // 100)
    changed, removed = picks[: count // 100], set(picks[count // 100 : count * 3 // 200])
    for i in changed:
        new[i][6] = round(new[i][6] * 1.1 + 1, 2)
    new = [r for i, r in enumerate(new) if i not in removed]
    added = count * 5 // 1000
    for n in range(count + 1, count + added + 1):
        sector = SECTORS[n % len(SECTORS)]
        new.append(
            [
                n,
                f"新增{sector}项目{n}号",
                sector,
                "政府投资",
                "新开工",
                800.0,
                100.0,
                None,
                None,
                "业主单位1",
            ]
        )
    rng.shuffle(new)
    return new, {"changed": len(changed), "removed": len(removed), "added": added}


def write(path: Path, rows: list[list]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("重大项目")
    sheet.write(0, 0, "市级重大建设项目表")
    sheet.write(1, 0, "单位：万元")
    sheet.write_row(2, 0, HEADER)
    for r, row in enumerate(rows, start=3):
        sheet.write_row(r, 0, row)
    book.close()


RAW = """
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows))
"""


def wall(cmd: list[str], repeats: int = 3) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} 失败：{done.stderr.strip()}")
        out = done.stdout
    return statistics.median(times), out


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100_000
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp) / "old.xlsx", Path(tmp) / "new.xlsx"
        rows = make_rows(count, rng)
        revised, truth = revise(rows, rng)
        write(old, rows)
        write(new, revised)
        raw_old, _ = wall([sys.executable, "-c", RAW, str(old)])
        raw_new, _ = wall([sys.executable, "-c", RAW, str(new)])
        ours, _ = wall([sys.executable, "-m", "workbench", "diff", str(old), str(new)])
        ours_json, out = wall(
            [sys.executable, "-m", "workbench", "diff", str(old), str(new), "--json"]
        )
    counts = json.loads(out)["counts"]
    floor = raw_old + raw_new
    result = {
        "rows": count,
        "truth": truth,
        "found": counts,
        "raw_calamine_two_reads_s": round(floor, 3),
        "workbench_diff_s": round(ours, 3),
        "workbench_diff_json_s": round(ours_json, 3),
        "ratio": round(ours / floor, 2),
        "ratio_json": round(ours_json / floor, 2),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"workbench diff / two raw calamine reads = {result['ratio']}× (target ≤ 2×); --json {result['ratio_json']}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
