"""Which archive a command uses: --db, then WORKBENCH_DB, then the archive the window's
settings name (read without Qt), then the embedded file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.io.archive.location import SETTINGS_KEY, resolve_url
from workbench.io.opener import sample_plan_path
from workbench.stored_settings import ini_text, settings_file

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the window keeps its settings in the registry on Windows"
)


def _window_stores(**values: str) -> None:
    """What the window does: QSettings("PlanWorkbench", "workbench"), its INI file here."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key.replace("__", "/"), value)
    settings.sync()


def _listed(capsys, *argv: str) -> list[dict]:
    assert main(["archive", "list", *argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)["versions"]


def test_the_command_line_uses_the_archive_the_window_names(tmp_path, capsys, monkeypatch):
    chosen, other = tmp_path / "窗口 选的计划库.sqlite", tmp_path / "other.sqlite"
    assert (
        main(["archive", "add", str(sample_plan_path()), "--label", "报送稿", "--db", str(chosen)])
        == 0
    )
    capsys.readouterr()
    _window_stores(archive__db=str(chosen))
    assert [v["label"] for v in _listed(capsys)] == ["报送稿"]
    monkeypatch.setenv("WORKBENCH_DB", str(other))  # the environment comes before the window
    assert main(["archive", "init"]) == 0
    capsys.readouterr()
    assert _listed(capsys) == []
    monkeypatch.delenv("WORKBENCH_DB")
    assert _listed(capsys, "--db", str(other)) == []  # and --db before both
    assert len(_listed(capsys)) == 1


def test_without_a_setting_the_embedded_file_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    _window_stores(language="en")  # settings, but no archive among them
    assert resolve_url().endswith("archive.sqlite") and str(tmp_path / "data") in resolve_url()


def test_values_are_read_as_qt_writes_them(tmp_path):
    from PySide6.QtCore import QSettings

    values = {
        "db": 'postgresql://审核员:p,a;s=s"x@host:5432/计划 库',
        "path": r"C:\Users\张三\计划库\archive.sqlite",
        "at": "@home",
        "tab": "a\tb",
    }
    path = tmp_path / "settings.conf"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(f"archive/{key}", value)
    settings.setValue("archive/list", ["a", "b"])
    settings.setValue("archive/number", 3)
    settings.sync()
    text = path.read_text(encoding="utf-8")
    assert {key: ini_text(text, "archive", key) for key in values} == values
    assert ini_text(text, "archive", "list") is None  # a list is no archive name
    assert ini_text(text, "archive", "missing") is None
    assert ini_text(text, "General", "db") is None


def test_the_command_line_reads_the_setting_without_qt(tmp_path):
    _window_stores(**{SETTINGS_KEY.replace("/", "__"): str(tmp_path / "a.sqlite")})
    code = (
        "import sys\n"
        "from workbench.cli import main\n"
        "code = main(['archive', 'init'])\n"
        "assert code == 0, code\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "XDG_CONFIG_HOME": str(settings_file().parents[1])},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.sqlite").is_file()
