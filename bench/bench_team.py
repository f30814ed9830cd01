"""Team review benchmark on a throwaway PostgreSQL server (skipped, saying so, without the
server binaries): a 100k-row project plan, eight reviewers (each its own role, in its own
process, two to a sector so they collide) and a lead.

    python bench/bench_team.py [--rows 100000] [--seconds 10] [--changes 10000] [--repeats 3]

Each figure is the median of REPEATS, beside a reference measured in the same run:
- throughput: changes answered per second with eight reviewers pushing at once (batches of
  four, 10 % aimed at rows not theirs, refused by the server), against the same number of
  connections each committing transactions of four plain INSERTs for the same time;
- latency: one reviewer's mark to another reviewer's document-side read of it (push, the
  server's NOTIFY, the Listener's wake-up, load_live since the last log id), against a bare
  NOTIFY from one connection heard by another;
- offline sync: TeamSession.sync() of CHANGES changes queued while offline (pushed in
  order, 500 a round trip, then the team's values read back), against CHANGES plain
  INSERTs committed 500 at a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _plain_commits(dsn: str, clients: int, seconds: float, rows: int = 4) -> float:
    """Rows per second when `clients` connections each commit `rows` INSERTs a transaction."""
    import psycopg

    counts = [0] * clients
    start = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        with psycopg.connect(dsn) as conn:
            start.wait()
            until = time.monotonic() + seconds
            while time.monotonic() < until:
                with conn.transaction():
                    for _ in range(rows):
                        conn.execute("INSERT INTO bench_plain (k, v) VALUES (%s, %s)", (n, "x"))
                counts[n] += rows

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - began)


def _bare_notify(dsn: str) -> float:
    """Seconds from NOTIFY on one connection to LISTEN hearing it on another."""
    import psycopg

    with (
        psycopg.connect(dsn, autocommit=True) as ear,
        psycopg.connect(dsn, autocommit=True) as mouth,
    ):
        ear.execute("LISTEN bench_bare")
        began = time.perf_counter()
        mouth.execute("NOTIFY bench_bare, 'x'")
        for _ in ear.notifies(timeout=10, stop_after=1):
            pass
        return time.perf_counter() - began


def _mark_latency(plan, sender: str, receiver: str, rows: list[str]) -> list[float]:
    """For each row: sender marks it 已审; time until receiver's pull holds the mark."""
    from tests.team_sync.plans import TABLE
    from workbench.app.team_link import ServerLink
    from workbench.core.team import STATUS_FIELD, TeamChange, new_change_id

    a, b = ServerLink(plan.url(sender)), ServerLink(plan.url(receiver))
    listener = b.listener(plan.version_id)
    _, since = b.live(plan.version_id, 0)
    found = []
    try:
        for key in rows:  # the first is a warm-up: the sender's first read of the plan
            change = TeamChange(
                new_change_id(), plan.version_id, TABLE, key, STATUS_FIELD, "待审", "已审"
            )
            began = time.perf_counter()
            (outcome,) = a.push([change])
            assert outcome.kind == "applied", outcome
            seen = False
            while not seen:
                if not listener.poll(10):
                    raise RuntimeError("no notice within ten seconds")
                values, since = b.live(plan.version_id, since)
                seen = any(v.row_key == key and v.field == STATUS_FIELD for v in values)
            found.append(time.perf_counter() - began)
    finally:
        listener.close()
        a.close()
        b.close()
    return found[1:]


def _offline_sync(plan, lead: str, keys: list[str], changes: int, round_: int, folder: Path):
    """Seconds TeamSession.sync() takes to push `changes` queued offline in order and read
    the team's values back (all of them: a sync after being offline reads from the start)."""
    from tests.team_sync.plans import TABLE, project_plan
    from workbench.app.team_session import TeamSession
    from workbench.core.edits import CellChange, SetCells

    url = plan.url(lead)
    doc = _offline_sync.doc = getattr(_offline_sync, "doc", None) or project_plan(
        len(plan.document.tables[TABLE])
    )
    session = TeamSession(doc, url, plan.version_id, folder / "local.sqlite", connect=False)
    try:
        for start in range(0, changes, 500):  # pastes while offline
            cells = tuple(
                CellChange(keys[n % len(keys)], "completed", round_ * 1e6 + n + 0.5)
                for n in range(start, min(start + 500, changes))
            )
            doc.apply(SetCells(TABLE, cells, label="粘贴"))
        assert session.pending == changes
        began = time.perf_counter()
        report = session.sync()
        elapsed = time.perf_counter() - began
        assert report.online and report.applied == changes, report
        return elapsed
    finally:
        session.close()


def _plain_inserts(dsn: str, changes: int) -> float:
    import psycopg

    with psycopg.connect(dsn) as conn:
        began = time.perf_counter()
        for start in range(0, changes, 500):
            with conn.transaction():
                for n in range(start, min(start + 500, changes)):
                    conn.execute("INSERT INTO bench_plain (k, v) VALUES (%s, %s)", (n, "y"))
        return time.perf_counter() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--marks", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    import psycopg

    from tests.archive import pg_server
    from tests.team_sync.reviewers import audit, reviewers_of, run_reviewers
    from tests.team_sync.team_plan import EIGHT, make_team

    binaries = pg_server.find_binaries()
    if binaries is None:
        print("skipped:", pg_server.MISSING)
        return 0
    server = pg_server.Server(binaries).start()
    try:
        began = time.perf_counter()
        plan = make_team(server, args.rows, EIGHT, lead="lead")
        print(
            f"plan of {args.rows} rows archived, 8 reviewers and a lead added and assigned "
            f"in {time.perf_counter() - began:.1f} s"
        )
        dsn = plan.admin_dsn()
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE TABLE bench_plain (id bigserial PRIMARY KEY, k text, v text)")
        names = [r for r in plan.roles if r.startswith("rev")]
        lead = next(r for r in plan.roles if r.startswith("lead"))

        # ---- throughput with eight reviewers ------------------------------------------
        team = reviewers_of(plan, names, seed=1)
        windows = run_reviewers(team, args.seconds, windows=args.repeats)
        rates = [sum(r.counts[w] for r in team) / windows[w] for w in range(args.repeats)]
        plain = [_plain_commits(dsn, len(names), args.seconds) for _ in range(args.repeats)]
        found = audit(dsn, plan.version_id, team)
        kinds = {str(k): n for k, n in found.kinds.items()}
        rate, plain_rate = statistics.median(rates), statistics.median(plain)
        print(
            f"8 reviewers: {rate:.0f} changes/s answered (median of {args.repeats} windows "
            f"of {args.seconds:g} s; {kinds}); audit problems: {len(found.problems)}"
        )
        print(
            f"  reference: {plain_rate:.0f} plain INSERTs/s (8 connections, 4 a commit); "
            f"ratio {rate / plain_rate:.3f}"
        )
        trips = sorted(t for r in team for t in r.latency)
        print(f"  push of 4 changes: median {statistics.median(trips) * 1000:.1f} ms")

        # ---- latency from a mark to a colleague's pull ------------------------------
        rows = plan.rows_of(names[0])[-args.marks * args.repeats - 1 :]  # clear of the hot rows
        lat = _mark_latency(plan, names[0], names[4], rows)
        bare = [_bare_notify(dsn) for _ in range(len(lat))]
        m, b = statistics.median(lat), statistics.median(bare)
        print(
            f"mark → colleague's pull: median {m * 1000:.1f} ms, max {max(lat) * 1000:.1f} ms "
            f"({len(lat)} marks); bare NOTIFY {b * 1000:.2f} ms; ratio {m / b:.1f}"
        )

        # ---- sync of queued offline changes --------------------------------------------
        spare = plan.rows_of(names[3])
        keys = spare[len(spare) // 4 : len(spare) // 2]  # rows nobody above touched
        syncs, inserts = [], []
        with tempfile.TemporaryDirectory() as folder:
            for n in range(args.repeats):
                syncs.append(_offline_sync(plan, lead, keys, args.changes, n, Path(folder)))
                inserts.append(_plain_inserts(dsn, args.changes))
        s, i = statistics.median(syncs), statistics.median(inserts)
        print(
            f"sync of {args.changes} offline changes: median {s:.2f} s "
            f"({args.changes / s:.0f} changes/s); {args.changes} plain INSERTs "
            f"(500 a commit) {i:.2f} s; ratio {s / i:.1f}"
        )
    finally:
        server.stop()
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
