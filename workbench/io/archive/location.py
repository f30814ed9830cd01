"""Where the archive is, first match wins: the name the user gave (--db, or the window's
own setting), WORKBENCH_DB, the archive the window's settings name (`archive/db`, read
without Qt so the command line follows the window), or the embedded file in the user's data
folder. Without SQLAlchemy, so the window can ask before loading it."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_FILE = "archive.sqlite"
SETTINGS_KEY = "archive/db"  # where the window keeps the archive it uses (QSettings)


def default_location() -> Path:
    """The embedded archive in the user's data folder (as autosaves and crash logs)."""
    from workbench.io.native.recovery import private_data_dir

    return private_data_dir("archive") / DEFAULT_FILE


def resolve_url(named: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from what the user named: --db, WORKBENCH_DB, the window's setting,
    or the default file."""
    text = os.fspath(named) if named else os.environ.get("WORKBENCH_DB", "").strip()
    if not text:
        from workbench.stored_settings import stored_text

        text = (stored_text(SETTINGS_KEY) or "").strip()
    if not text:
        text = os.fspath(default_location())
    if "://" not in text:  # a plain path names an embedded archive file
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    return text


def embedded_file(named: str | os.PathLike | None = None) -> Path | None:
    """The SQLite file the archive named lives in; None for a server."""
    url = resolve_url(named)
    if not url.startswith("sqlite:"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def may_hold_versions(named: str | os.PathLike | None = None) -> bool:
    """False only when the archive is an embedded file not created yet (nothing to show,
    and nothing is created by asking)."""
    path = embedded_file(named)
    return path is None or path.is_file()
