"""The core (and the app layer, once it exists) type-checks with mypy under the settings in
pyproject.toml ([tool.mypy]): untyped bodies checked, no implicit Optional, no stale ignores."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("workbench/core", "workbench/app")


def test_core_and_app_type_check(tmp_path, monkeypatch):
    from mypy import api

    monkeypatch.chdir(ROOT)  # mypy reads pyproject.toml from the working folder
    targets = [p for p in CHECKED if (ROOT / p).is_dir()]
    assert "workbench/core" in targets
    out, err, status = api.run(
        [*targets, "--cache-dir", str(tmp_path / "mypy_cache"), "--no-error-summary"]
    )
    assert status == 0, out[-8000:] + err[-2000:]


def test_the_check_reports_a_type_error(tmp_path, monkeypatch):
    """The same settings fail on a wrong type, so a silent configuration cannot pass."""
    from mypy import api

    monkeypatch.chdir(ROOT)
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def label(value: str | None) -> str:\n    return value.strip()\n", encoding="utf-8"
    )
    out, _err, status = api.run([str(bad), "--cache-dir", str(tmp_path / "mypy_cache")])
    assert status == 1 and "union-attr" in out
