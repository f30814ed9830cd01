"""seeds/build_sample.py gives the same bytes every time, so rebuilding never dirties the tree."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from workbench.seeds import build_sample

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "seeds" / "sample_plan.xlsx"


def build_in_a_fresh_process(target: Path, tz: str) -> bytes:
    """Each build in its own interpreter, at its own moment and time zone: what a colleague
    rebuilding on another day and machine would do."""
    env = dict(os.environ, TZ=tz)
    done = subprocess.run(
        [sys.executable, str(ROOT / "seeds" / "build_sample.py"), str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return target.read_bytes()


def members(data: bytes, folder: Path) -> list[tuple[str, tuple, bytes]]:
    path = folder / "members.xlsx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def test_two_builds_give_identical_bytes(tmp_path):
    first = build_in_a_fresh_process(tmp_path / "first.xlsx", "UTC")
    second = build_in_a_fresh_process(tmp_path / "second.xlsx", "Asia/Shanghai")
    assert len(first) > 100_000
    assert first == second, "two builds of the sample plan differ"


def test_the_workbook_dates_are_fixed_not_the_build_time(tmp_path):
    build_sample.main([str(tmp_path / "plan.xlsx")])
    with zipfile.ZipFile(tmp_path / "plan.xlsx") as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
        dates = {info.date_time for info in archive.infolist()}
    stamp = build_sample.CREATED.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f">{stamp}</dcterms:created>" in core
    assert f">{stamp}</dcterms:modified>" in core
    assert dates == {(1980, 1, 31, 0, 0, 0)}


def test_the_committed_sample_is_what_the_script_builds(tmp_path):
    built = build_in_a_fresh_process(tmp_path / "plan.xlsx", "UTC")
    committed = COMMITTED.read_bytes()
    if committed != built:  # compressed bytes may differ with another zlib; contents must not
        assert members(committed, tmp_path) == members(built, tmp_path), (
            "seeds/sample_plan.xlsx is stale: run python seeds/build_sample.py"
        )
