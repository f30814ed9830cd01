"""Two and eight reviewers, each its own role on its own connection, changing one 100k-row
plan at once for a bounded time: every change is answered once, as applied, conflict or
refused; only changes to rows a reviewer is not assigned are refused, and by the server
(the reviewers do not check); and field by field, the server's applied changes form an
unbroken chain from the archived value to the live one — no update written over another."""

from __future__ import annotations

import pytest

from tests.team_sync.reviewers import audit, reviewers_of, run_reviewers
from workbench.core.team import OutcomeKind


@pytest.mark.parametrize("count", [2, 8])
def test_reviewers_at_once_lose_no_update(big_plan, count):
    names = [r for r in big_plan.roles if r.startswith("rev")][:count]
    if count == 2:  # the two who share a sector
        names = [r for r in big_plan.roles if r.startswith(("rev0", "rev4"))]
    team = reviewers_of(big_plan, names, seed=count * 100)
    run_reviewers(team, seconds=1.5)
    found = audit(big_plan.admin_dsn(), big_plan.version_id, team)
    assert found.problems == []
    assert found.sent == sum(found.kinds.values()) > 0
    assert found.kinds[OutcomeKind.APPLIED] > 0
    assert found.kinds[OutcomeKind.CONFLICT] > 0  # they did collide
    assert found.kinds[OutcomeKind.REFUSED] > 0  # and strayed, and the server said no
    assert found.kinds[OutcomeKind.DUPLICATE] == 0
