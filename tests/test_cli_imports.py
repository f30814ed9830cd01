"""`workbench import --json` and `workbench diff` start as a whole process for every call a
script makes: they load the readers and nothing heavy they do not use (no pandas, numpy,
openpyxl, matplotlib, Qt, nor the workbook writer and XlsxWriter)."""

from __future__ import annotations

import json
import subprocess
import sys

import xlsxwriter

HEAVY = ("pandas", "numpy", "openpyxl", "matplotlib", "PySide6", "xlsxwriter")
PROBE = (
    "import json, sys\n"
    "from workbench.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "heavy = {heavy!r}\n"
    "loaded = sorted(m for m in heavy if m in sys.modules)\n"
    "writer = 'workbench.io.writing.workbook_writer' in sys.modules\n"
    "print(json.dumps({{'rc': rc, 'loaded': loaded, 'writer': writer}}), file=sys.stderr)\n"
)


def _projects(path, rows):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("重大项目")
    sheet.write_row(0, 0, ["项目名称", "板块", "年度计划投资（万元）", "完成投资（万元）"])
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    return str(path)


def _loaded(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_import_json_loads_nothing_heavy(tmp_path):
    path = _projects(tmp_path / "a.xlsx", [["学校", "社会民生", 100, 90]])
    assert _loaded("import", path, "--json") == {"rc": 0, "loaded": [], "writer": False}


def test_diff_loads_nothing_heavy(tmp_path):
    old = _projects(
        tmp_path / "old.xlsx", [["学校", "社会民生", 100, 90], ["医院", "社会民生", 50, 5]]
    )
    new = _projects(
        tmp_path / "new.xlsx", [["医院", "社会民生", 50, 8], ["学校", "社会民生", 100, 90]]
    )
    for argv in (("diff", old, new), ("diff", old, new, "--json")):
        assert _loaded(*argv) == {"rc": 0, "loaded": [], "writer": False}
