"""Diff benchmark: two 100k-row project lists (1% of rows changed, 0.5% removed, 0.5% added,
the new one shuffled), compared by the whole `workbench diff` process against two
whole-process raw python-calamine reads of the same files (the floor: both must be read).

    python bench/bench_diff.py [ROWS]

    python bench/bench_diff.py 100000 5     # rows, repeats
    python bench/bench_diff.py 100000 5 --stages   # and the share of time per stage

Each side runs as a fresh process, interleaved with the other side, REPEATS times; the
medians of wall clock and of CPU time (user + system, steadier on a shared machine) are
reported. Absolute times drift with machine load: compare the ratios (target ≤ 2×).

Wall time is what the user waits. `workbench diff` reads its two files side by side (the
new one in a second thread; calamine's parse and zlib's inflate release the interpreter
lock), while the reference reads them in two sequential processes: with a free core the
diff's wall time falls below its CPU time; on a machine whose cores are all busy it cannot.
"""

from __future__ import annotations

import json
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


READ = """
import sys
from workbench.io.opener import open_document
for path in sys.argv[1:]:
    open_document(path)
"""

RAW = """
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows))
"""


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Wall clock and CPU time (user + system) of one whole child process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} 失败：{done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main(argv: list[str]) -> int:
    show_stages = "--stages" in argv
    argv = [a for a in argv if a != "--stages"]
    count = int(argv[0]) if argv else 100_000
    repeats = int(argv[1]) if len(argv) > 1 else 5
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp) / "old.xlsx", Path(tmp) / "new.xlsx"
        rows = make_rows(count, rng)
        revised, truth = revise(rows, rng)
        write(old, rows)
        write(new, revised)
        commands = {
            "raw": [[sys.executable, "-c", RAW, str(old)], [sys.executable, "-c", RAW, str(new)]],
            "read": [[sys.executable, "-c", READ, str(old), str(new)]],
            "diff": [[sys.executable, "-m", "workbench", "diff", str(old), str(new)]],
            "json": [[sys.executable, "-m", "workbench", "diff", str(old), str(new), "--json"]],
        }
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        out = ""
        # Interleaved, so a change in machine load hits both sides of the ratio alike.
        for _ in range(repeats):
            for name, cmds in commands.items():
                wall = cpu = 0.0
                for cmd in cmds:
                    w, c, out_now = run(cmd)
                    wall, cpu = wall + w, cpu + c
                    if name == "json":
                        out = out_now
                samples[name].append((wall, cpu))
        stage_rows = {}
        if show_stages:
            from bench_import import command_stages, print_stages

            for name, argv_ in (
                ("diff", ["diff", str(old), str(new)]),
                ("diff --json", ["diff", str(old), str(new), "--json"]),
            ):
                stage_rows[name] = (command_stages(argv_), print_stages)
    counts = json.loads(out)["counts"]

    def median(name: str, index: int) -> float:
        return statistics.median(s[index] for s in samples[name])

    def best(name: str, index: int) -> float:
        return min(s[index] for s in samples[name])

    result = {
        "rows": count,
        "truth": truth,
        "found": counts,
        "raw_calamine_two_reads_wall_s": round(median("raw", 0), 3),
        "workbench_diff_wall_s": round(median("diff", 0), 3),
        "workbench_diff_json_wall_s": round(median("json", 0), 3),
        "raw_calamine_two_reads_cpu_s": round(median("raw", 1), 3),
        "workbench_diff_cpu_s": round(median("diff", 1), 3),
        "workbench_diff_json_cpu_s": round(median("json", 1), 3),
        "workbench_read_both_cpu_s": round(median("read", 1), 3),
        "read_ratio_cpu": round(median("read", 1) / median("raw", 1), 2),
        "ratio_wall": round(median("diff", 0) / median("raw", 0), 2),
        "ratio_cpu": round(median("diff", 1) / median("raw", 1), 2),
        "ratio_json_wall": round(median("json", 0) / median("raw", 0), 2),
        "ratio_json_cpu": round(median("json", 1) / median("raw", 1), 2),
        # The best run of each side: the least disturbed by other work on the machine.
        "best_ratio_wall": round(best("diff", 0) / best("raw", 0), 2),
        "best_ratio_cpu": round(best("diff", 1) / best("raw", 1), 2),
        "best_ratio_json_wall": round(best("json", 0) / best("raw", 0), 2),
        "best_ratio_json_cpu": round(best("json", 1) / best("raw", 1), 2),
        "best_read_ratio_cpu": round(best("read", 1) / best("raw", 1), 2),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"workbench diff / two raw calamine reads = {result['ratio_wall']}× wall, "
        f"{result['ratio_cpu']}× CPU (target ≤ 2×); --json {result['ratio_json_wall']}× wall, "
        f"{result['ratio_json_cpu']}× CPU; reading both files alone {result['read_ratio_cpu']}× CPU"
    )
    for name, (rows_, show) in stage_rows.items():
        print(f"\nstages of `workbench {name}` (in-process, both files):")
        show(rows_)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
