"""The window's settings, read without Qt, for the command line.

The window keeps its settings in QSettings("PlanWorkbench", "workbench"): on Windows under
HKEY_CURRENT_USER\\Software\\PlanWorkbench\\workbench in the registry, elsewhere in the INI file
~/.config/PlanWorkbench/workbench.conf (XDG_CONFIG_HOME when set). The command line reads the
same places so that what the user chose in the window (the language, the archive) holds
there too, without loading Qt. Only text values are read; anything else counts as not set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "PlanWorkbench"  # the QSettings the window uses (main_window.py)
APPLICATION = "workbench"

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def settings_file() -> Path:
    """Where QSettings keeps the window's settings outside Windows."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / ORGANIZATION / f"{APPLICATION}.conf"


def stored_text(name: str) -> str | None:
    """The text the window stored under `name` ("language", "archive/db"); None when it
    stored nothing, or something other than one text."""
    group, _slash, key = name.rpartition("/")
    if sys.platform == "win32":
        return _registry_text(group, key)
    try:
        text = settings_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return ini_text(text, group or "General", key)


def _registry_text(group: str, key: str) -> str | None:
    try:
        import winreg

        path = rf"Software\{ORGANIZATION}\{APPLICATION}"
        if group:
            path += "\\" + group.replace("/", "\\")
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as handle:  # type: ignore[attr-defined]
            value, kind = winreg.QueryValueEx(handle, key)  # type: ignore[attr-defined]
    except OSError:
        return None
    if kind != winreg.REG_SZ:  # type: ignore[attr-defined]
        return None
    return _plain(str(value))


def ini_text(text: str, section: str, key: str) -> str | None:
    """One value of a QSettings INI file, unescaped as Qt writes it."""
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section and "=" in line:
            name, _sep, value = line.partition("=")
            if name.strip() == key:
                return _unescaped(value.strip())
    return None


def _unescaped(value: str) -> str | None:
    """Qt's INI value: quoted runs, backslash escapes, commas outside quotes between the
    items of a list (a list is no text)."""
    out: list[str] = []
    quoted = False
    index = 0
    while index < len(value):
        char = value[index]
        index += 1
        if char == '"':
            quoted = not quoted
        elif char == "\\" and index < len(value):
            escaped = value[index]
            index += 1
            if escaped == "x":
                digits = ""
                while index < len(value) and len(digits) < 4 and value[index] in _HEX:
                    digits += value[index]
                    index += 1
                out.append(chr(int(digits, 16)) if digits else "x")
            else:
                out.append(_ESCAPES.get(escaped, escaped))
        elif char == "," and not quoted:
            return None
        else:
            out.append(char)
    return _plain("".join(out))


_HEX = frozenset("0123456789abcdefABCDEF")


def _plain(value: str) -> str | None:
    """A stored text as the window set it: QSettings doubles a leading @ and marks other
    types with one (@Variant, @ByteArray)."""
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@String(") and value.endswith(")"):
        return value[len("@String(") : -1]
    if value.startswith("@"):
        return None
    return value
