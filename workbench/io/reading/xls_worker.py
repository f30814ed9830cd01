"""Child process that reads an untrusted workbook and writes its rows out as JSON.

Started by `capped.read_in_child` from the installed package in isolated mode (no current
folder, no PYTHONPATH, no user site on the path), under a memory cap and a time limit: if a
reading library aborts or runs away on a damaged or hostile file, only this process dies and
the user gets a one-line reason. The output is plain JSON, which cannot execute anything in
the parent (pickle could).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict
from typing import Any

from workbench.io.reading.file_kinds import FileKind


def encode_value(value: Any) -> Any:
    """JSON for the few cell types that are not JSON already (dates and times)."""
    if isinstance(value, dt.datetime):
        return {"$": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$": "timedelta", "v": value.total_seconds()}
    return str(value)


def decode_value(obj: dict[str, Any]) -> Any:
    """The inverse of encode_value, as a json object hook; anything else is refused."""
    tag, value = obj.get("$"), obj.get("v")
    if tag == "datetime":
        return dt.datetime.fromisoformat(value)
    if tag == "date":
        return dt.date.fromisoformat(value)
    if tag == "time":
        return dt.time.fromisoformat(value)
    if tag == "timedelta":
        return dt.timedelta(seconds=float(value))
    return obj  # sheet dicts and the envelope pass through


def main(argv: list[str]) -> int:
    """Read the file handed over on standard input; `argv` is its name, kind and reader."""
    path, kind, reader = argv[0], FileKind(argv[1]), argv[2] if len(argv) > 2 else "calamine"
    from workbench.io.reading.bounds import MAX_FILE_BYTES
    from workbench.io.reading.engines import CalamineReader, OpenpyxlReader
    from workbench.io.reading.raw import describe

    notes: list[str] = []
    try:
        data = _read_input(MAX_FILE_BYTES)
        if reader == "openpyxl":
            sheets = OpenpyxlReader(data, path).sheets()
        else:
            try:
                sheets = CalamineReader(data, path).sheets()
            except Exception as exc:
                if kind is not FileKind.XLSX or type(exc).__name__ == "PasswordError":
                    raise
                sheets = OpenpyxlReader(data, path).sheets()
                notes.append(f"快速读取失败（{describe(exc)}），已改用兼容方式读取")
                reader = "openpyxl"
    except MemoryError:
        json.dump(
            {"error": "读取时内存超过上限，文件可能已损坏或含有异常大的数据区域，已拒绝"},
            sys.stdout,
        )
        return 3
    except BaseException as exc:  # PanicException is a BaseException
        json.dump({"error": describe(exc)}, sys.stdout, ensure_ascii=False)
        return 3
    strings: dict[str, int] = {}
    payload = []
    facts = _biff_facts(data, {s.name: s.rows for s in sheets}) if kind is FileKind.XLS else {}
    for sheet in sheets:
        item = asdict(sheet)
        if kind is FileKind.XLS:
            found = facts.get(sheet.name)
            item["percent"] = sorted(found.percent) if found else []
            item["errors"] = (
                [[r, c, t] for (r, c), t in sorted(found.errors.items())] if found else []
            )
        item["rows"] = [[_intern(v, strings) for v in row] for row in sheet.rows]
        payload.append(item)
    json.dump(
        {"reader": reader, "notes": notes, "strings": list(strings), "sheets": payload},
        sys.stdout,
        ensure_ascii=False,
        default=encode_value,
    )
    return 0


def _read_input(limit: int) -> bytes:
    """Standard input to its end, in pieces: read(n) would reserve n bytes up front, past
    the child's memory cap."""
    pieces = []
    total = 0
    while total <= limit:
        piece = sys.stdin.buffer.read1(1 << 20)
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)


def _biff_facts(data: bytes, rows: dict[str, list[list[Any]]]) -> dict:
    """Percent formats and error cells of a legacy .xls, which calamine does not report;
    nothing for a file too large to scan (the rows are still good)."""
    from workbench.io.reading import biff

    if len(data) > biff.MAX_FILE_BYTES:
        return {}
    try:
        return biff.scan(data, rows)
    except MemoryError:
        return {}


def _intern(value: Any, strings: dict[str, int]) -> Any:
    """A text cell as [index] into one table of distinct texts: a workbook whose cells all
    share one huge string (a shared-strings bomb) stays as small as the file, as it is in
    memory, instead of repeating the string for every cell."""
    if isinstance(value, str):
        index = strings.get(value)
        if index is None:
            index = strings[value] = len(strings)
        return [index]
    return value


def restore_rows(rows: list[list[Any]], strings: list[str]) -> list[list[Any]]:
    """The inverse of _intern, in the parent; the same text is the same object again."""
    return [[strings[v[0]] if isinstance(v, list) else v for v in row] for row in rows]


def run_isolated(expected_package: str, argv: list[str]) -> int:
    """Entry point of the isolated child: refuse to run from any other copy of the package."""
    import os

    import workbench

    here = os.path.realpath(os.path.dirname(workbench.__file__))
    if os.path.normcase(here) != os.path.normcase(os.path.realpath(expected_package)):
        print(f"读取进程加载了意外的程序副本：{here}", file=sys.stderr)
        return 4
    return main(argv)


if __name__ == "__main__":  # pragma: no cover - started by capped.read_in_child
    sys.exit(main(sys.argv[1:]))
