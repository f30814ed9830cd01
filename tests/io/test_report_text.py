"""Reading report text (.txt in UTF-8/GB18030, .docx) and the extract/check commands."""

from __future__ import annotations

import json

import pytest

from tests.core.text_seed import GOLD, load_seed_lines
from workbench.cli import main
from workbench.io.errors import FileProblem
from workbench.io.opener import sample_plan_path
from workbench.io.reading import report_text
from workbench.io.reading.report_text import read_report

EXCERPT = (
    "2022年，计划实施市级重大建设项目850个，总投资约2.5万",
    "亿元，年度计划投资约3570亿元（暂列）。",
)


def write_docx(path, paragraphs, table_cells=()):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_cells:
        table = document.add_table(rows=1, cols=len(table_cells))
        for cell, text in zip(table.rows[0].cells, table_cells, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_gb18030_and_utf8_read_the_same(tmp_path):
    lines = load_seed_lines()
    text = "\n".join(lines)
    gb = tmp_path / "报告_gb.txt"
    gb.write_bytes(text.encode("gb18030"))
    utf = tmp_path / "报告_utf8.txt"
    utf.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # with a BOM, as Notepad writes
    a, b = read_report(gb), read_report(utf)
    assert (a.encoding, b.encoding) == ("gb18030", "utf-8")
    got_a = [(s.line, s.raw, s.subject) for s in a.statements()]
    assert got_a == [(s.line, s.raw, s.subject) for s in b.statements()]
    assert len(got_a) == len(GOLD)


def test_a_docx_report_reads_paragraphs_and_table_cells(tmp_path):
    path = write_docx(
        tmp_path / "报告.docx",
        [*EXCERPT[0:1], EXCERPT[1], "从投资来源看，政府投资项目330个，年度计划投资1535亿元。"],
        ("附表：企业投资项目520个", "年度计划投资2035亿元"),
    )
    report = read_report(path)
    assert report.encoding == "docx"
    found = [(s.line, s.value, s.unit, s.group, s.measure) for s in report.statements()]
    assert (1, 850, "个", None, "count") in found
    assert (1, 2.5, "万亿元", None, "total_investment") in found  # joined across paragraphs
    assert (3, 330, "个", "政府投资", "count") in found
    # the table's cells are read, each a paragraph of its own
    assert (4, 520, "个", "企业投资", "count") in found
    assert (5, 2035, "亿元", None, "annual_plan") in found  # no entity across cells


def test_the_seed_as_a_docx_gives_every_quantity(tmp_path):
    lines = load_seed_lines()
    path = write_docx(tmp_path / "seed.docx", lines)
    statements = read_report(path).statements()
    assert [(s.line, s.raw) for s in statements] == [(g[0], g[1]) for g in GOLD]


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("坏.docx", b"PK\x03\x04 not really a zip", "Word 文档"),
        ("旧.doc", b"\xd0\xcf\x11\xe0", ".docx"),
        ("二进制.txt", b"\x00\x01\x02\x03" * 100, "二进制"),
        ("乱码.txt", bytes([0x81, 0x20, 0xFF, 0xFE, 0x80]) * 10, "编码"),
    ],
)
def test_a_bad_file_is_a_clear_problem(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileProblem) as info:
        read_report(path)
    assert name in str(info.value) and words in str(info.value)


def test_a_file_too_big_to_be_a_report(tmp_path, monkeypatch):
    monkeypatch.setattr(report_text, "MAX_BYTES", 1000)
    path = tmp_path / "大.txt"
    path.write_text("字" * 2000, encoding="utf-8")
    with pytest.raises(FileProblem, match="过大"):
        read_report(path)


def test_extract_json_follows_the_contract(tmp_path, capsys):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(EXCERPT), encoding="gb18030")
    assert main(["extract", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["statements"][0]
    for key in ("text", "subject", "value", "unit", "line"):
        assert key in first
    assert [(s["value"], s["unit"], s["line"]) for s in data["statements"]] == [
        (850, "个", 1),
        (2.5, "万亿元", 1),
        (3570, "亿元", 2),
    ]
    assert data["statements"][1]["value_yi"] == 25000


def test_extract_text_is_chinese_and_a_bad_file_exits_1(tmp_path, capsys):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(EXCERPT), encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "第1行" in out and "市级重大建设项目" in out and "共 3 个数字" in out
    assert main(["extract", str(tmp_path / "没有.txt")]) == 1
    assert "没有.txt" in capsys.readouterr().err


def test_check_plan_and_report_finds_the_text_findings(tmp_path, capsys):
    lines = load_seed_lines()
    lines[61] = lines[61].replace("370亿元", "380亿元")  # line 62
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["check", str(sample_plan_path()), str(path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    text = [f for f in findings if f.get("report") == str(path)]
    assert {f["rule"] for f in text} == {"text_table", "text_parts", "text_implied_base"}
    wrong = next(f for f in text if f["rule"] == "text_table")
    assert wrong["values"]["line"] == 62 and wrong["column"] == "completed"
    assert wrong["table"] == "summary_2021_sector" and wrong["sheet"]
    assert main(["check", str(sample_plan_path()), str(path)]) == 0
    out = capsys.readouterr().out
    assert "报告.txt 第62行" in out and "380亿元" in out


def test_check_a_report_alone_checks_it_against_itself(tmp_path, capsys):
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(load_seed_lines()), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["rule"] for f in findings] == ["text_implied_base"]


def test_check_folds_a_systematic_problem_into_one_finding(tmp_path, capsys, sample_doc):
    from workbench.core.edits import CellChange, SetCells
    from workbench.io.native.plan_file import save_plan

    table = sample_doc.tables["projects_2021"]
    keys = table.keys[:120]
    sample_doc.apply(
        SetCells(table.id, tuple(CellChange(k, "completion_rate", 999.0) for k in keys))
    )
    path = save_plan(sample_doc, tmp_path / "plan.xlsx")
    assert main(["check", str(path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    rates = [f for f in findings if f["rule"] == "completion_rate"]
    assert len(rates) == 1
    assert rates[0]["values"]["count"] == 120 and rates[0]["values"]["rows"] == keys
    assert "120" in rates[0]["message"]
    assert main(["check", str(path), "--all", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)["findings"]
    assert sum(f["rule"] == "completion_rate" for f in every) == 120


def test_extract_and_check_of_a_report_never_load_qt(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "报告.txt"
    path.write_text("\n".join(EXCERPT), encoding="utf-8")
    code = (
        "import sys, io, contextlib\n"
        "from workbench.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['extract', sys.argv[1], '--json']) == 0\n"
        "    assert main(['check', sys.argv[2], sys.argv[1], '--json']) == 0\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), str(sample_plan_path())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    core = Path(__file__).resolve().parents[2] / "workbench" / "core" / "text"
    for source in core.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for banned in ("PySide6", "docx", "openpyxl", "workbench.io", "workbench.ui"):
            assert f"import {banned}" not in text and f"from {banned}" not in text, source.name


def test_a_utf16_text_as_windows_notepad_saves_it(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes("\n".join(EXCERPT).encode("utf-16"))
    report = read_report(path)
    assert report.encoding == "utf-16"
    assert [s.raw for s in report.statements()] == ["850个", "约2.5万亿元", "约3570亿元"]
