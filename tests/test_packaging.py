"""The installed (non-editable) app must carry every module: each package folder is listed."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "workbench").rglob("*")
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py"))
    }
    folders.add("workbench")
    missing = sorted(folders - listed)
    assert not missing, f"pyproject.toml [tool.setuptools] packages 缺少：{missing}"


def test_licence_is_an_spdx_expression_and_build_tools_are_bounded():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(config["project"]["license"], str)
    (setuptools,) = [r for r in config["build-system"]["requires"] if r.startswith("setuptools")]
    assert "<" in setuptools


def test_readme_marks_its_two_setup_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    fence = [i for i, line in enumerate(lines) if line.startswith("```")]
    first_block = lines[fence[0] + 1 : fence[1]]
    assert [line.rsplit("#", 1)[-1].strip() for line in first_block] == ["app", "test"]
    assert all(line.startswith("python3 -m venv .venv") for line in first_block)


def test_translations_ship_in_the_package_and_the_frozen_build():
    """The compiled English and the .ts the command line reads go wherever the app goes."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool = config["tool"]["setuptools"]
    resources = ROOT / tool["package-dir"]["workbench.resources"]
    shipped = {
        p
        for pattern in tool["package-data"]["workbench.resources"]
        for p in resources.glob(pattern)
    }
    excluded = {
        p
        for pattern in tool["exclude-package-data"]["workbench.resources"]
        for p in resources.glob(pattern)
    }
    wanted = [resources / "translations" / n for n in ("workbench_en.qm", "workbench_en.ts")]
    assert all(p.exists() and p in shipped and p not in excluded for p in wanted)
    spec = (ROOT / "resources" / "build" / "workbench.spec").read_text(encoding="utf-8")
    assert '"translations").glob("*.qm")' in spec and "workbench_en.ts" in spec


def test_the_frozen_build_ships_every_vocabulary_folder():
    """Data the core reads at run time (units, choice words, report words, regional profiles)
    must travel with the frozen program too: a missing folder stopped every command there."""
    spec = (ROOT / "resources" / "build" / "workbench.spec").read_text(encoding="utf-8")
    for folder in ("vocab", "crosswalks"):
        assert any((ROOT / "resources" / folder).iterdir())
        assert f'"resources" / "{folder}"' in spec, folder
