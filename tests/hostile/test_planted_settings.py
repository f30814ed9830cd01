"""Files planted in the working folder do not change what the app runs or how it draws."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DRAW = """
import matplotlib
from matplotlib.figure import Figure
assert matplotlib.rcParams["text.usetex"]  # the planted file was read at import
from workbench.charts.fonts import chart_rc
chart_rc()
assert not matplotlib.rcParams["text.usetex"], "usetex kept"
assert matplotlib.rcParams["axes.facecolor"] != "red"
figure = Figure()
figure.add_subplot(111).set_title("增长 5%")
figure.savefig("chart.png")
print("drawn")
"""


def test_a_matplotlibrc_in_the_working_folder_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "matplotlibrc").write_text("text.usetex: True\naxes.facecolor: red\n")
    result = subprocess.run(
        [sys.executable, "-I", "-c", DRAW],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/nonexistent", "HOME": str(tmp_path)},  # no latex to start
    )
    assert result.returncode == 0, result.stderr
    assert "drawn" in result.stdout and (tmp_path / "chart.png").exists()


PLANTED = "import sys\nprint('planted code ran', file=sys.stderr)\nsys.exit(9)\n"


def test_the_workbench_command_ignores_a_planted_package(tmp_path: Path) -> None:
    """The README's advice for folders one does not control: `python -P -m workbench` (and the
    `workbench` script) run the installed package, not a planted `workbench/` folder."""
    planted = tmp_path / "workbench"
    planted.mkdir()
    (planted / "__init__.py").write_text(PLANTED)
    (planted / "__main__.py").write_text(PLANTED)
    result = subprocess.run(
        [sys.executable, "-P", "-m", "workbench", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "planted" not in result.stderr
    assert result.stdout.startswith("workbench ")
