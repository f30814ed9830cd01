"""The core, io and charts layers must work without Qt (the CLI runs headless).

Which layer may import which is checked on the import graph by import-linter
(tests/test_import_contracts.py); this file keeps the runtime check and the rules a graph
cannot see (words and colours)."""

import subprocess
import sys

CODE = """
import sys
import workbench.core.document, workbench.core.edits, workbench.core.history
import workbench.core.targets, workbench.core.status, workbench.core.summaries
import workbench.io.native.plan_file, workbench.io.opener, workbench.io.contract_json
import workbench.charts.fonts, workbench.charts.data, workbench.charts.draw
from matplotlib.figure import Figure
from workbench.io.opener import sample_plan_path
from workbench.io.native.plan_file import load_plan
workbench.charts.draw.draw(Figure(), workbench.charts.data.chart_data(load_plan(sample_plan_path()), "invest_by_sector", "projects_2021"))
import workbench.cli
from workbench.cli import main
rc = main(["import", sys.argv[1], "--json"])
assert rc == 0, rc
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
assert not loaded, loaded
"""


def test_headless_layers_never_load_qt(tmp_path):
    from workbench.io.opener import sample_plan_path

    result = subprocess.run(
        [sys.executable, "-c", CODE, str(sample_plan_path())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_nothing_parses_change_log_words():
    """Code reads a change's typed kind; the words of the change log are for people only."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "workbench"
    compares_action = re.compile(r"\.action\s*(==|!=|\bin\b|\bnot in\b)")
    compares_word = re.compile(r"(==|!=|\bin\b)\s*\(?\s*\"(修改|插入行|删除行|审核状态|批注)\"")
    offenders = []
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            if compares_action.search(line) or compares_word.search(line):
                offenders.append(f"{source.relative_to(package)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_views_name_their_colours_in_vocab():
    """The grid, panels and charts draw with colours named in core/vocab.py, so one meaning
    keeps one colour (status colours once differed between grid and chart). A hex literal
    ("#c62828", "#fff") anywhere in ui/, charts/ or the workbook writers fails here; name it
    in vocab.py."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "workbench"
    hex_colour = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
    offenders = []
    for folder in ("ui", "charts", "io/writing"):
        for source in (package / folder).rglob("*.py"):
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("  #", 1)[0]  # a trailing comment may mention a colour
                if hex_colour.search(code):
                    offenders.append(f"{source.relative_to(package)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
    # and the check itself sees a literal when there is one
    assert hex_colour.search('QColor("#C62828")') and hex_colour.search("color: #fff;")
