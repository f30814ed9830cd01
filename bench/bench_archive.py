"""Archive benchmark: ten years × five versions × (36 indicators + a 100k-row project list),
on an embedded SQLite file and on a throwaway PostgreSQL server (skipped, saying so, without
the server binaries).

    python bench/bench_archive.py [--rows 100000] [--years 10] [--versions 5] [--repeats 3]

Each figure is the median of REPEATS runs, measured beside its reference in the same run:
- add: `archive add` of the 100k-row annex (read the file, then store it) against reading
  the same file with `open_document` (target ≤ 2×);
- series: one indicator's ten-year series from the filled archive, the query on an open
  archive and the whole `archive.series` call (opening the archive included) (≤ 50 ms);
- open: an archived 100k-row version against opening the same document's native file
  (target ≤ 1×);
- size: the SQLite file or PostgreSQL database of the whole history (target < 1 GB), and per
  version: the growth over the empty archive divided by the versions (on a loaded machine
  run fewer versions, `--versions 1`, and multiply by fifty).
The history is filled from one read of the annex: each version is the same project list
with its year and a few indicator figures changed, stored whole like any other version.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import make_annex  # noqa: E402

LABELS = ("报送稿", "修订稿", "送审稿", "审核稿", "审定稿")
INDICATOR = "地区生产总值增长"


def _median(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _history_document(annex: Path):
    """The sample's 36 indicators and the annex's 100k projects in one document."""
    from workbench.io.opener import open_document, sample_plan_path

    plan = open_document(annex)
    sample = open_document(sample_plan_path())
    indicators = sample.tables["indicators_2021"]
    plan.add_table(indicators)
    plan.region = sample.region
    return plan


def _fill(store, doc, source: bytes, years: range, versions: int) -> None:
    from workbench.core.edits import CellChange, SetCells
    from workbench.io.archive.store import NewVersion

    indicators = doc.tables["indicators_2021"]
    gdp = next(k for k in indicators.keys if indicators.rows[k].get("name") == INDICATOR)
    for year in years:
        for table in doc.tables.values():
            table.year = year
        doc.exec_year, doc.plan_year = year, None
        for number in range(versions):
            actual = 5.0 + (year % 7) * 0.3 + number * 0.1
            doc.apply(SetCells(indicators.id, (CellChange(gdp, "actual", actual),)))
            store.add(
                NewVersion(
                    year=year,
                    label=LABELS[number % len(LABELS)],
                    source_name=f"{year}年计划（{LABELS[number % len(LABELS)]}）.xlsx",
                    source_format="xlsx",
                    source=source,
                    document=doc,
                    author="bench",
                    region=doc.region,
                )
            )


def run_engine(name: str, url: str, annex: Path, native: Path, doc, options) -> dict:
    from workbench.app import archive
    from workbench.io.archive.store import Archive
    from workbench.io.native.plan_file import load_plan
    from workbench.io.opener import open_document

    result: dict = {"engine": name}
    archive.init(url)
    empty_mb = _size_mb(url)
    first = options.first_year
    result["read_file_s"] = round(_median(lambda: open_document(annex), options.repeats), 3)
    result["add_version_s"] = round(
        _median(
            lambda: archive.add_file(url, annex, year=first - 1, label="报送稿"), options.repeats
        ),
        3,
    )
    result["add_ratio"] = round(result["add_version_s"] / result["read_file_s"], 2)
    result["open_archive_ms"] = round(
        _median(lambda: Archive.open(url, create=False).close(), options.repeats * 5) * 1000, 1
    )
    started = time.perf_counter()
    with Archive.open(url) as store:
        _fill(store, doc, annex.read_bytes(), range(first, first + options.years), options.versions)
    result["fill_s"] = round(time.perf_counter() - started, 1)
    with Archive.open(url) as store:
        from workbench.core.keys import match_key

        keys = {match_key(INDICATOR)}
        result["series_query_ms"] = round(
            _median(lambda: store.indicator_rows(keys), options.repeats * 5) * 1000, 1
        )
        stored = store.versions()
        newest = stored[0].id
    result["versions_stored"] = len(stored)
    points = archive.series(url, INDICATOR).points
    result["series_years"] = len(points)
    result["series_call_ms"] = round(
        _median(lambda: archive.series(url, INDICATOR), options.repeats * 5) * 1000, 1
    )
    result["open_native_s"] = round(_median(lambda: load_plan(native), options.repeats), 3)
    result["open_archived_s"] = round(
        _median(lambda: archive.open_version(url, newest), options.repeats), 3
    )
    result["open_ratio"] = round(result["open_archived_s"] / result["open_native_s"], 2)
    with Archive.open(url) as store:
        from workbench.io.archive.store import NewVersion

        new = NewVersion(
            year=first - 1,
            label="修订稿",
            source_name=annex.name,
            source_format="xlsx",
            source=annex.read_bytes(),
            document=doc,
            author="bench",
        )
        # the store's own part of an add (the rest is reading the file), measured last so
        # that its versions stay out of the series
        result["store_only_s"] = round(_median(lambda: store.add(new), options.repeats), 3)
        held = len(store.versions())
    result["archive_mb"] = round(_size_mb(url), 1)
    result["mb_per_version"] = round((result["archive_mb"] - empty_mb) / held, 1)
    return result


def _size_mb(url: str) -> float:
    """The SQLite file, or the PostgreSQL database as the server counts it."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).stat().st_size / 2**20
    import psycopg

    with psycopg.connect(url) as conn:
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return size[0] / 2**20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="archive benchmark")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--first-year", type=int, default=2015)
    parser.add_argument("--engines", default="sqlite,postgresql")
    options = parser.parse_args(argv)
    from tests.archive import pg_server
    from workbench.io.native.plan_file import save_plan

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        folder = Path(tmp)
        annex = folder / "annex.xlsx"
        make_annex(annex, options.rows)
        doc = _history_document(annex)
        native = folder / "native.xlsx"
        save_plan(doc, native)
        if "sqlite" in options.engines:
            location = folder / "archive.sqlite"
            found = run_engine("sqlite", f"sqlite:///{location}", annex, native, doc, options)
            results.append(found)
        if "postgresql" in options.engines:
            binaries = pg_server.find_binaries()
            if binaries is None:
                results.append({"engine": "postgresql", "skipped": pg_server.MISSING})
            else:
                server = pg_server.Server(binaries).start()
                try:
                    url = server.new_database()
                    found = run_engine("postgresql", url, annex, native, doc, options)
                    results.append(found)
                finally:
                    server.stop()
    print(
        json.dumps(
            {
                "rows": options.rows,
                "years": options.years,
                "versions": options.versions,
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
