"""Text from received files shown on a terminal: control characters escaped, never obeyed.

A cell may hold terminal escape sequences (ESC [2J clears the screen, ESC ]0; sets the window
title, some terminals answer queries back into the input). `workbench import` prints cells;
on a terminal every C0/C1 control character except tab and newline is shown as a visible
escape (\\x1b) instead. Output into a pipe or a file is left exactly as it is: a script
reading it gets the text as written (and --json escapes control characters itself).
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """`text` with its control characters (and bidirectional overrides) as \\xNN / \\uNNNN."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class _Escaping:
    """A text stream that escapes what it writes, for a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.terminal = stream  # for the program's own control output (the progress line)

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminal() -> None:
    """Escape control characters in what goes to stdout and stderr when they are terminals."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, _Escaping):
            continue
        try:
            interactive = stream.isatty()
        except (AttributeError, ValueError):
            interactive = False
        if interactive:
            setattr(sys, name, _Escaping(stream))
