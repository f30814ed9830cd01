"""The collector pause around bulk reading: what the block made is old afterwards (the first
collection after it does not scan 100k rows), garbage cycles are still collected, and objects
someone froze on purpose stay frozen."""

from __future__ import annotations

import gc

from workbench.core.collector import collector_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_objects_made_in_the_block_are_old_afterwards():
    was_enabled = gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        rows = [[f"项目{i}", float(i)] for i in range(1000)]  # lists are always tracked
    assert gc.isenabled() is was_enabled
    assert not _in_generation(rows[0], 0)
    assert _in_generation(rows[0], 2)


def test_cycles_made_in_the_block_are_still_collected():
    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() >= 2


def test_frozen_objects_stay_frozen():
    kept = [["冻结"] for _ in range(10)]  # lists are tracked, so freezing moves them
    gc.freeze()
    try:
        with collector_paused():
            rows = [{"i": i} for i in range(100)]
        # still in the permanent generation, not handed back to the collector's three
        assert not any(_in_generation(kept[0], g) for g in range(3))
        assert rows
    finally:
        gc.unfreeze()


def test_the_collector_stays_off_when_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
