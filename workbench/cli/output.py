"""What every command prints the same way: one JSON document, the notices of an opened file,
and a quiet stop when the reader of a pipe has left."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from workbench.i18n import translate


def print_json(data: Any) -> None:
    # Compact on purpose; pipe through `python -m json.tool` to read it. orjson writes a
    # 100k-row table in a tenth of the json module's time (about 0.5 s there).
    try:
        import orjson
    except ImportError:  # the json module gives the same document, slower
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
        sys.stdout.write(text + "\n")
        return
    # Keys that are not text (years as numbers) need OPT_NON_STR_KEYS, which slows every
    # dict (a quarter of the time of a 100k-row table): it is asked for only when the plain
    # encoding meets such a key. The two give the same text where every key is text.
    try:
        encoded = orjson.dumps(data, default=str, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        encoded = orjson.dumps(
            data, default=str, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS
        )
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(encoded)
        buffer.flush()
    else:  # a redirected text stream
        sys.stdout.write(encoded.decode("utf-8"))


def print_notices(doc, name) -> None:
    """What opening found (edits made in Excel, a hidden document disagreeing with the
    visible cells) goes to stderr, so that import and check say it as export does."""
    for notice in getattr(doc, "notices", []):
        print(
            translate("cli", "workbench：提示：文件“{v}”：{notice}").format(
                v=os.path.basename(str(name)), notice=notice
            ),
            file=sys.stderr,
        )


def closed_pipe() -> int:
    """`workbench import x | head`: the reader left; stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0
