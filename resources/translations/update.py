"""Regenerate the translation files: `python resources/translations/update.py`.

1. pyside6-lupdate reads every `tr()` / `QCoreApplication.translate()` / `QT_TRANSLATE_NOOP()`
   in workbench/ui and every `translate("cli", …)` of the command line, plus the labels core
   hands to the window (context "core", gathered here from core's own tables so a new label
   cannot be missed), and merges them into workbench_en.ts and workbench_zh_CN.ts. English
   already written is kept; a new string arrives as type="unfinished" for someone to translate
   (tests/i18n fails until it is).
2. pyside6-lrelease compiles both to .qm, which are committed and shipped (the frozen build and
   the package data pick up resources/translations/*.qm).

Chinese is the source language: workbench_zh_CN.ts lists the same sources with no translation
needed. `--check` only reports whether the files are current (exit 1 when not).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("en", "zh_CN")
# The command line's modules with translate("cli", …) calls.
CLI_SOURCES = (
    *sorted(f"workbench/cli/{p.name}" for p in (ROOT / "workbench" / "cli").glob("*.py")),
    *sorted(f"workbench/app/{p.name}" for p in (ROOT / "workbench" / "app").glob("*.py")),
    "workbench/io/errors.py",
    "workbench/core/compare/report.py",
    "workbench/io/archive/connection.py",
)


def core_words() -> list[str]:
    """Labels core and charts hand to the window for display (translated there by core_word)."""
    sys.path.insert(0, str(ROOT))
    from workbench.charts.data import CHARTS
    from workbench.core import provenance
    from workbench.core.compare.result import HOW_LABELS, KIND_LABELS
    from workbench.core.indicators import STATUS_SOURCES
    from workbench.core.metadata import CONFIDENCE_LEVELS
    from workbench.core.review import REVIEW_STATUSES
    from workbench.core.schema import ATTRIBUTES, DIRECTION_LABELS, STATUSES, TableKind, fields_for
    from workbench.core.vocab import (
        CHANGE_LABELS,
        POLICY_LABELS,
        SEVERITY_LABELS,
        TABLE_KIND_LABELS,
    )

    words: list[str] = []
    words += [str(v) for v in vars(provenance).values() if isinstance(v, str) and v[:1] > "\u4e00"]
    words += list(REVIEW_STATUSES) + list(SEVERITY_LABELS.values()) + list(CHANGE_LABELS.values())
    words += list(DIRECTION_LABELS.values()) + list(CHARTS.values()) + list(KIND_LABELS.values())
    words += list(HOW_LABELS.values()) + list(CONFIDENCE_LEVELS) + list(STATUSES)
    words += list(STATUS_SOURCES) + list(TABLE_KIND_LABELS.values()) + list(POLICY_LABELS.values())
    words += list(ATTRIBUTES)
    templates = set(message_templates())  # full-width punctuation alone wants English too
    for kind in TableKind:
        words += [f.label for f in fields_for(kind)]
    words += _column_words()
    seen: dict[str, None] = {}
    for word in words:
        if word and any("\u4e00" <= ch <= "\u9fff" for ch in word):
            seen.setdefault(word, None)
    for word in templates:
        if not word.isascii():
            seen.setdefault(word, None)
    return sorted(seen)


def message_templates() -> list[str]:
    """Every core Message template written as a literal (core/message.py) in core, charts
    and io: the sentences the window renders in its language."""
    import ast

    found: list[str] = []
    for folder in ("core", "charts", "io"):
        for path in sorted((ROOT / "workbench" / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "Message"
                    and node.args
                ):
                    found += _literals(node.args[0])
    return found


def _literals(node) -> list[str]:
    """The strings a template argument can be: a literal, or either side of `a if c else b`."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _column_words() -> list[str]:
    """Column titles and groups of every table of the sample plan (core/columns.py)."""
    import re

    from workbench.seeds.build_sample import build

    from workbench.core.columns import columns_for

    doc = build()
    words = []
    tables = doc.tables.values() if isinstance(doc.tables, dict) else doc.tables
    for table in tables:
        for column in columns_for(table, doc):
            for text in (column.label, column.group or ""):
                year = re.match(r"^\d{4}年(.*)$", text)  # words.core_word splits off the year
                words.append(year.group(1) if year else text)
    return words


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials (it ships with it)")
    return found


def sources() -> list[Path]:
    ui = sorted((ROOT / "workbench" / "ui").glob("*.py"))
    return ui + [ROOT / p for p in CLI_SOURCES if (ROOT / p).exists()]


def update(folder: Path = HERE) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        core = Path(tmp) / "core_words.py"
        core.write_text(
            "".join(f'QT_TRANSLATE_NOOP("core", {word!r})\n' for word in core_words()),
            encoding="utf-8",
        )
        for lang in LANGUAGES:
            ts = folder / f"workbench_{lang}.ts"
            subprocess.run(
                [
                    tool("pyside6-lupdate"),
                    *map(str, sources()),
                    str(core),
                    "-source-language",
                    "zh_CN",
                    "-target-language",
                    lang,
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-ts",
                    str(ts),
                ],
                check=True,
                capture_output=True,
            )
    for lang in LANGUAGES:
        ts = folder / f"workbench_{lang}.ts"
        qm = folder / f"workbench_{lang}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    if not args.check:
        update()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for path in HERE.glob("workbench_*.ts"):
            shutil.copy(path, copy / path.name)
        update(copy)
        stale = [
            p.name for p in sorted(copy.iterdir()) if (HERE / p.name).read_bytes() != p.read_bytes()
        ]
    if stale:
        print("out of date: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
