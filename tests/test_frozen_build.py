"""The PyInstaller one-folder build: built on Linux, then started headless as a user would
start it on a workstation without Python — the window opens the sample plan and quits with
exit code 0, and the bundled command line reads, checks and copies plans (including a legacy
.xls, whose reader runs in a child process that the frozen program must serve itself).

Runs when PyInstaller is installed (`pip install -e '.[build]'`) or WORKBENCH_FROZEN_TEST=1;
the build takes about a minute and a half on two cores.
"""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "build"))
import build_frozen  # noqa: E402

XLS = ROOT / "tests" / "io" / "data" / "percent_and_errors.xls"  # made by LibreOffice
WANTED = os.environ.get("WORKBENCH_FROZEN_TEST") == "1"
HAVE_PYINSTALLER = importlib.util.find_spec("PyInstaller") is not None

pytestmark = pytest.mark.skipif(
    not (WANTED or HAVE_PYINSTALLER),
    reason="冻结构建测试需要 PyInstaller（pip install -e '.[build]'）或 WORKBENCH_FROZEN_TEST=1",
)


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory):
    if not HAVE_PYINSTALLER:
        pytest.fail("WORKBENCH_FROZEN_TEST=1 but PyInstaller is not installed")
    folder = tmp_path_factory.mktemp("frozen")
    app = build_frozen.build(folder / "dist", folder / "work")
    assert (app / f"workbench{build_frozen.EXE_SUFFIX}").is_file()
    return app


def cli(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = build_frozen.smoke_env(home)
    env.pop("WORKBENCH_SMOKE_TEST")
    return subprocess.run(
        [str(app / f"workbench-cli{build_frozen.EXE_SUFFIX}"), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_frozen_window_opens_the_sample_and_quits_cleanly(frozen_app):
    done = build_frozen.smoke(frozen_app, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("smoke-ok tables=8 title=重庆市2021年"), done.stdout
    assert "font=True icon=True licences=True" in line
    from workbench.licences import app_version, components

    # 帮助 → 关于 in the bundle: the installed version and every library, read from metadata
    assert f"version={app_version()} libraries={len(components())} " in line
    assert "Traceback" not in done.stderr


def test_the_frozen_command_line_copies_imports_and_checks(frozen_app, tmp_path):
    plan = tmp_path / "示例.xlsx"
    done = cli(frozen_app, tmp_path, "sample", "-o", str(plan), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"output": str(plan)}
    done = cli(frozen_app, tmp_path, "import", str(plan), "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["rows"]) == 36
    done = cli(frozen_app, tmp_path, "check", str(plan), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"]
    done = cli(frozen_app, tmp_path, "imprt", str(plan))
    assert done.returncode == 2 and "import" in done.stderr


def test_the_frozen_app_reads_a_legacy_xls_in_its_child_process(frozen_app, tmp_path):
    done = cli(frozen_app, tmp_path, "import", str(XLS), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sheet"] == "项目"
