"""The layers of docs/architecture.md, checked by import-linter on the real import graph
(indirect imports and every sub-package included), with the contracts kept in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
)


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    # A child process: the linter reads pyproject.toml from its working folder and prints its
    # report, which becomes the failure message.
    return subprocess.run(
        [sys.executable, "-c", RUN],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_import_contracts_are_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    for contract in ("Layers", "Qt only in the window layer", "The core reads no file formats"):
        assert contract in result.stdout  # each contract was checked, not silently skipped


def test_contracts_catch_a_core_module_that_reaches_up(tmp_path):
    """The contracts fail when broken: a copy of the package whose core imports the io layer
    two sub-packages down, and whose io imports Qt."""
    import shutil

    shutil.copytree(
        ROOT / "workbench", tmp_path / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "workbench" / "core" / "compare" / "stray.py").write_text(
        "import workbench.io.native.plan_file\n", encoding="utf-8"
    )
    (tmp_path / "workbench" / "io" / "stray.py").write_text(
        "from PySide6 import QtCore\n", encoding="utf-8"
    )
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "workbench.core.compare.stray -> workbench.io.native.plan_file" in result.stdout
    assert "workbench.io.stray -> PySide6" in result.stdout
