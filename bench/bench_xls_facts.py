"""What reading .xls percent formats and error cells (io/reading/biff.py) costs, as a ratio of
a raw python-calamine read of the same file in the same process.

Usage: python bench/bench_xls_facts.py FILE.xls [FILE.xls …]
(a large annex: e.g. a 65,000-row project list saved as .xls by Excel or LibreOffice).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

from workbench.io.reading import biff


def _best(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    for name in paths:
        path = Path(name)
        rows: dict[str, list] = {}

        def raw(path: Path = path, rows: dict = rows) -> None:
            book = CalamineWorkbook.from_path(str(path))
            for sheet in book.sheet_names:
                rows[sheet] = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)

        def facts(path: Path = path, rows: dict = rows) -> None:
            biff.scan(path.read_bytes(), rows)

        reference = _best(raw)
        scanned = _best(facts)
        found = biff.scan(path.read_bytes(), rows)
        cells = sum(len(r) * max((len(x) for x in r), default=0) for r in rows.values())
        print(
            f"{path.name}: {cells} cells; calamine {reference:.3f}s, facts {scanned:.3f}s "
            f"= {scanned / reference:.1%} of the raw read; "
            f"{sum(len(f.percent) for f in found.values())} percent cells, "
            f"{sum(len(f.errors) for f in found.values())} error cells"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
