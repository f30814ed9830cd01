"""Compare every text the reader keeps with the raw cell it came from; one JSON line per file.

Allowed differences are only the documented ones: the line-break rule and outer trimming
(core.keys.as_written), and the structural parts the contract names — an ordinal or count
taken off a category or sector, a "其中"/"1、" prefix or a bracketed unit taken off a name,
text of other columns appended to a note as "列名：值". Run as a child of the test, so a
crash names its file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TEXT_FIELDS = ("name", "unit", "target", "owner", "district", "note", "category", "sector")
_PREFIX = re.compile(
    r"^\s*(?:其\s*中\s*[：:]?|[#＃]\s*|[-—－]\s*其中[：:]?)?\s*"
    r"(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[、.．](?!\d))?\s*"
)
_UNIT_SUFFIX = re.compile(r"\s*[（(]\s*[^（()）]{1,10}\s*[)）]\s*$")


def _allowed(kept: str, raw: str, field: str) -> bool:
    from workbench.core.keys import as_written
    from workbench.io.reading.header_vocabulary import strip_category

    written = as_written(raw)
    if kept == written:
        return True
    if field in ("category", "sector"):
        return kept == strip_category(written)
    if field == "name":
        bare = written[_PREFIX.match(written).end() :]
        return kept in (bare, _UNIT_SUFFIX.sub("", bare).rstrip(), _UNIT_SUFFIX.sub("", written))
    if field == "unit":
        return f"（{kept}）" in written or f"({kept})" in written
    if field == "note":
        return kept.startswith(written + "；")
    return False


def check(path: Path) -> dict:
    from workbench.core.keys import as_written
    from workbench.core.numbers import format_number
    from workbench.io.errors import FileProblem
    from workbench.io.reading.annex_reader import NoTable, read_table
    from workbench.io.reading.workbook_source import read_workbook

    result: dict = {"file": path.name, "texts": 0, "bad": []}
    try:
        book = read_workbook(path)
    except FileProblem:
        result["status"] = "refused"
        return result
    for sheet in book.sheets:
        try:
            table, _ = read_table(sheet, path.name, path=book.path, book_format=book.format)
        except NoTable:
            continue
        except Exception as exc:  # a defect: reported, not hidden
            result["bad"].append({"sheet": sheet.name, "error": f"{type(exc).__name__}: {exc}"})
            continue
        rows = sheet.rows  # filled merges: each covered cell holds its merge's text
        if table.meta.transposed:
            continue
        for key, row in table:
            source = table.row_source.get(key)
            if source is None:
                continue
            cells = [
                format_number(c) if isinstance(c, float) else str(c)
                for c in rows[source - 1]
                if c not in ("", None) and str(c).strip()
            ]
            for field in TEXT_FIELDS:
                kept = row.get(field)
                if not isinstance(kept, str) or not kept:
                    continue
                result["texts"] += 1
                if field in ("category", "sector") and not any(
                    _allowed(kept, c, field) for c in cells
                ):
                    continue  # from a category row above: checked below
                if not any(_allowed(kept, c, field) for c in cells) and not (
                    field == "note" and "：" in kept
                ):
                    number_cells = [c for c in rows[source - 1] if isinstance(c, (int, float))]
                    if field in ("unit", "target", "note") and number_cells:
                        continue  # a number written as the text of a text column
                    result["bad"].append(
                        {"sheet": sheet.name, "row": source, "field": field, "kept": kept}
                    )
        candidates = [
            as_written(c) for r in rows[:40] for c in r if isinstance(c, str) and c.strip()
        ]
        if table.title != sheet.name and not any(
            c == table.title or c.startswith(table.title) for c in candidates
        ):
            result["bad"].append({"sheet": sheet.name, "field": "title", "kept": table.title})
    result["status"] = "read"
    return result


def main(folder: str) -> int:
    root = Path(folder)
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".xlsx", ".xlsm", ".ods", ".xls"):
            continue
        if path.stat().st_size > 1_000_000:
            continue  # size stress files: the corpus open test covers them
        print(json.dumps({"start": str(path.relative_to(root))}, ensure_ascii=False), flush=True)
        try:
            line = check(path)
        except Exception as exc:
            line = {"file": path.name, "status": "error", "message": f"{type(exc).__name__}: {exc}"}
        line["file"] = str(path.relative_to(root))
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
