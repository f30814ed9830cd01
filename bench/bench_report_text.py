"""Report text benchmark: reading, extracting and checking a long report.

    python bench/bench_report_text.py [COPIES]

The seed report repeated COPIES times (default 50, about 28,000 lines) is read and every
quantity extracted, then checked against the sample plan. The reference, measured in the same
process, is the raw read: decoding the bytes and splitting the lines.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT.parent / "shared" / "seeds" / "000_f01f2c485a3de1ed.txt"


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    if not SEED.exists():
        print(f"种子报告不在 {SEED}，跳过")
        return 0
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    from workbench.core.text.review import text_findings
    from workbench.io.native.plan_file import load_plan
    from workbench.io.opener import sample_plan_path
    from workbench.io.reading.report_text import read_report

    text = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text("\n".join([text] * copies), encoding="gb18030")
        raw = best(lambda: path.read_bytes().decode("gb18030").splitlines())
        statements = read_report(path).statements()
        extract = best(lambda: read_report(path).statements())
        doc = load_plan(sample_plan_path())
        check = best(lambda: text_findings(doc, statements), runs=1)
        lines = len(text.splitlines()) * copies
    print(f"{lines} 行，{len(statements)} 个数字")
    print(f"原始读取（解码+分行）：{raw * 1000:.1f} ms")
    print(f"读取并提取：{extract * 1000:.1f} ms（{extract / raw:.1f} 倍于原始读取）")
    print(f"与示例计划核对：{check * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
