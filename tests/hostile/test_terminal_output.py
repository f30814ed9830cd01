"""Cells holding terminal escape sequences, printed by `workbench import` on a terminal: shown
as visible escapes, never obeyed. Into a pipe the text stays exactly as written."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.hostile import hostile_files as hf
from workbench.terminal_text import escape_controls

ATTACK = "\x1b]0;pwned\x07\x1b[2J示范\x9b31m项目\u202e"


def _annex(path: Path) -> Path:
    row = '<row r="2">' + hf._text("A2", ATTACK) + '<c r="B2"><v>30</v></c></row>'
    head = '<row r="1">' + hf._text("A1", "项目名称") + hf._text("B1", "总投资") + "</row>"
    return hf.xlsx(path, {"项目": head + row})


def _on_terminal(args: list[str], cwd: Path) -> bytes:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-I", "-m", "workbench", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "COLUMNS": "200"},
    )
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    return out


def test_escape_sequences_in_cells_are_shown_not_obeyed(tmp_path: Path) -> None:
    _annex(tmp_path / "esc.xlsx")
    out = _on_terminal(["import", "esc.xlsx"], tmp_path).decode("utf-8", "replace")
    assert "示范" in out and "项目" in out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out


def test_a_pipe_gets_the_text_as_written(tmp_path: Path) -> None:
    _annex(tmp_path / "esc.xlsx")
    outcome = hf.run_cli(["import", "esc.xlsx", "--json"], tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert "\\u001b]0;pwned" in outcome.stdout  # JSON escapes it itself


def test_escaping_keeps_tabs_newlines_and_chinese() -> None:
    assert escape_controls("甲\t乙\n丙") == "甲\t乙\n丙"
    assert escape_controls("\x1b[2J") == "\\x1b[2J"


def test_the_progress_line_still_redraws_on_a_guarded_terminal(monkeypatch) -> None:
    """The command's own carriage returns (the progress line) are not escaped."""
    import io

    from workbench import progress
    from workbench.terminal_text import guard_terminal

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    raw = Tty()
    monkeypatch.setattr(sys, "stderr", raw)
    monkeypatch.setattr(sys, "stdout", Tty())
    guard_terminal()
    with progress.command("import") as line:
        assert line is not None
        line.draw()
        print("甲\r乙", file=sys.stderr)
    assert raw.getvalue().startswith("\r") and raw.getvalue().rstrip().endswith("甲\\r乙")
