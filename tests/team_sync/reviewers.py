"""Simulated reviewers: each its own PostgreSQL role on its own connection, pushing typed
changes against what it last saw, for a bounded time; and the audit that proves no update
was lost (used by the tests and by bench/bench_team.py).

A reviewer works mostly on the rows of its sector (assigned, shared with one colleague, so
their changes collide) and now and then on a row it is not assigned (which only the server
refuses: the reviewer does not check). It keeps its view of each field from its own pushes'
outcomes and from reading the team's log.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import psycopg

from tests.team_sync.plans import TABLE
from workbench.app.team_link import ServerLink
from workbench.core.review import REVIEW_STATUSES
from workbench.core.team import COMMENT_FIELD, STATUS_FIELD, OutcomeKind, TeamChange, new_change_id

FIELDS = ("completed", "annual_plan", STATUS_FIELD)
HOT_ROWS = 40  # rows per reviewer where the colleague of the same sector collides
STRAY_ROWS = 200


@dataclass
class Reviewer:
    url: str
    version_id: int
    base: dict[str, dict[str, Any]]  # row key → the archived document's values
    mine: list[str]  # rows assigned to me
    others: list[str]  # rows I am not assigned
    seed: int
    stray: float = 0.05  # share of changes aimed at rows I am not assigned
    batch: int = 4
    outcomes: list = field(default_factory=list)
    latency: list[float] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # answers in each window
    error: BaseException | None = None

    def _base(self, key: tuple[str, str]) -> Any:
        row, name = key
        if name == STATUS_FIELD:
            return "待审"
        return "" if name == COMMENT_FIELD else self.base[row][name]

    def run(self, seconds: float, windows: int, start, end, results) -> None:
        """In a process of its own (as a reviewer's workstation is): warm up with one push
        (the first read of the archived plan), then `windows` times wait for the others and
        work for `seconds`; send back what the server answered, and how many answers came
        in each window."""
        try:
            self._run(seconds, windows, start, end)
        except BaseException as exc:  # the parent reports it
            self.error = RuntimeError(f"{type(exc).__name__}: {exc}")
            start.abort()  # the others (and the parent) stop waiting for this one
            end.abort()
        results.put((self.seed, self.outcomes, self.latency, self.counts, self.error))

    def _changes(self, rng: random.Random, view: dict) -> list[TeamChange]:
        changes = []
        for _ in range(self.batch):
            pool = self.others if rng.random() < self.stray else self.mine
            key = (rng.choice(pool), rng.choice(FIELDS))
            expected = view.get(key, self._base(key))
            if key[1] == STATUS_FIELD:
                value = rng.choice([s for s in REVIEW_STATUSES if s != expected])
            else:
                value = float(rng.randint(0, 10_000)) / 100
            view[key] = value
            changes.append(
                TeamChange(new_change_id(), self.version_id, TABLE, *key, expected, value)
            )
        return changes

    def _push(self, link: ServerLink, changes: list[TeamChange], view: dict) -> None:
        started = time.perf_counter()
        outcomes = link.push(changes)
        self.latency.append(time.perf_counter() - started)
        for outcome in outcomes:
            c = outcome.change
            if outcome.kind is OutcomeKind.CONFLICT:
                view[(c.row_key, c.field)] = outcome.theirs
            elif outcome.kind is OutcomeKind.REFUSED:
                view[(c.row_key, c.field)] = c.expected
        self.outcomes.extend(outcomes)

    def _run(self, seconds: float, windows: int, start, end) -> None:
        rng = random.Random(self.seed)
        link = ServerLink(self.url)
        view: dict[tuple[str, str], Any] = {}
        since = 0
        try:
            self._push(link, self._changes(rng, view)[:1], view)
            self.latency.clear()
            for _ in range(windows):
                start.wait()
                before = len(self.outcomes)
                until = time.monotonic() + seconds
                rounds = 0
                while time.monotonic() < until:
                    self._push(link, self._changes(rng, view), view)
                    rounds += 1
                    if rounds % 5 == 0:  # read what the others did, as a window's pull would
                        values, since = link.live(self.version_id, since)
                        for live in values:
                            view[(live.row_key, live.field)] = live.value
                self.counts.append(len(self.outcomes) - before)
                end.wait()
        finally:
            link.close()


def reviewers_of(plan, names: list[str], seed: int, stray: float = 0.1) -> list[Reviewer]:
    """Reviewers of a TeamPlan (team_plan.py) by role name."""
    base = plan.document.tables[TABLE].rows
    return [
        Reviewer(
            plan.url(name),
            plan.version_id,
            base,
            plan.rows_of(name)[:HOT_ROWS],
            plan.rows_not_of(name)[:STRAY_ROWS],
            seed + n,
            stray=stray,
        )
        for n, name in enumerate(names)
    ]


def run_reviewers(reviewers: list[Reviewer], seconds: float, windows: int = 1) -> list[float]:
    """Every reviewer in a process of its own, all working at once for `seconds`, `windows`
    times; the wall time of each window, from the common start to the last one's end.
    Their outcomes, round-trip times and answers per window are copied back into
    `reviewers`."""
    context = multiprocessing.get_context("fork")  # the children share the plan's pages
    start, end = context.Barrier(len(reviewers) + 1), context.Barrier(len(reviewers) + 1)
    results = context.Queue()
    processes = [
        context.Process(target=r.run, args=(seconds, windows, start, end, results), daemon=True)
        for r in reviewers
    ]
    for process in processes:
        process.start()
    elapsed = []
    with contextlib.suppress(threading.BrokenBarrierError):  # a child failed: its error
        for _ in range(windows):
            start.wait(timeout=600)
            began = time.perf_counter()
            end.wait(timeout=600)
            elapsed.append(time.perf_counter() - began)
    by_seed = {r.seed: r for r in reviewers}
    for _ in reviewers:
        seed, *found = results.get(timeout=600)
        reviewer = by_seed[seed]
        reviewer.outcomes, reviewer.latency, reviewer.counts, reviewer.error = found
    for process in processes:
        process.join(timeout=60)
    for reviewer in reviewers:
        if reviewer.error is not None:
            raise reviewer.error
    return elapsed


@dataclass
class Audit:
    sent: int
    kinds: Counter
    problems: list[str]


def audit(admin_dsn: str, version_id: int, reviewers: list[Reviewer]) -> Audit:
    """Every change answered once; refusals exactly the changes to rows not assigned;
    the server's log of applied changes, field by field, an unbroken chain from the
    archived value (each applied against the one before), ending in the live value."""
    problems: list[str] = []
    outcomes = [o for r in reviewers for o in r.outcomes]
    sent = len(outcomes)
    ids = Counter(o.change.change_id for o in outcomes)
    if any(n > 1 for n in ids.values()):
        problems.append("a change was answered twice")
    kinds = Counter(o.kind for o in outcomes)
    for reviewer in reviewers:
        mine = set(reviewer.mine)
        for o in reviewer.outcomes:
            assigned = o.change.row_key in mine
            if (o.kind is OutcomeKind.REFUSED) == assigned:
                problems.append(f"{o.kind} for {'an assigned' if assigned else 'a stray'} row")
            if o.kind is OutcomeKind.REFUSED and not o.message:
                problems.append("a refusal without the server's words")
    with psycopg.connect(admin_dsn) as conn:
        log = conn.execute(
            "SELECT change_id, row_key, field, expected, value, outcome FROM team_log "
            "WHERE version_id = %s ORDER BY id",
            (version_id,),
        ).fetchall()
        live = {
            (r, f): (json.loads(v), rev)
            for r, f, v, rev in conn.execute(
                "SELECT row_key, field, value, rev FROM live_values WHERE version_id = %s",
                (version_id,),
            )
        }
    logged = {row[0]: row[5] for row in log}
    for o in outcomes:
        if o.kind is OutcomeKind.REFUSED:
            if o.change.change_id in logged:
                problems.append("a refused change is in the server's log")
        elif logged.get(o.change.change_id) != str(o.kind):
            problems.append(f"{o.kind} change logged as {logged.get(o.change.change_id)}")
    base = reviewers[0]
    chains: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    for _cid, row, name, expected, value, outcome in log:
        if outcome == "applied":
            chains.setdefault((row, name), []).append((json.loads(expected), json.loads(value)))
    for key, chain in chains.items():
        before = base._base(key)
        for expected, value in chain:
            if expected != before and {expected, before} != {None, ""}:
                problems.append(f"{key}: applied against {expected!r}, the value was {before!r}")
            before = value
        if live.get(key, (None, None))[0] != before:
            problems.append(f"{key}: live value {live.get(key)} is not the last applied")
        if live.get(key, (None, 0))[1] != len(chain):
            problems.append(f"{key}: {len(chain)} applied, revision {live.get(key)}")
    return Audit(sent, kinds, problems)
