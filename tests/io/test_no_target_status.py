"""Rows of an indicator-by-year statistics table have no target to judge against: their status
is 无目标 — not 待人工判定 (an uncertain reading) nor 暂无数据 (no actual) — with its own colour,
counted as such in the summary, the export, the chart and the JSON (issue 11).

The figures are from the National Bureau of Statistics' 2023 statistical communiqué as reported
by People's Daily Online on 29 Feb 2024 (人民网北京2月29日电, "国家统计局发布2023年国民经济和
社会发展统计公报": 城镇化率 66.16%, 比上年末提高0.94个百分点; 东部地区生产总值652084亿元,
中部地区生产总值269898亿元), seen at
http://15672526ak.iask.in:8082/general/pass.php?tj0fX=6S.html (a copy of the 人民网 article).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.io.annex_fixtures import rows_workbook
from workbench.charts.data import chart_data
from workbench.charts.kinds import ChartKind
from workbench.cli import main
from workbench.core.checks import run_checks
from workbench.core.edits import CellChange, SetCells
from workbench.core.indicators import status_of
from workbench.core.status import JUDGE, NO_DATA, derive_status
from workbench.core.targets import parse_target
from workbench.core.text.summary import summary_paragraphs
from workbench.core.vocab import NO_TARGET, STATUS_COLOURS
from workbench.io.opener import open_document
from workbench.io.writing.workbook_writer import write_workbook

YEARS = [
    ["指标", "2022年", "2023年"],
    ["全国常住人口城镇化率(%)", 65.22, 66.16],
    ["东部地区生产总值(亿元)", None, 652084],
    ["中部地区生产总值(亿元)", None, 269898],
]


def _write(path: Path, rows) -> Path:
    return rows_workbook(path, rows, "统计公报")


@pytest.fixture
def statistics(tmp_path):
    doc = open_document(_write(tmp_path / "公报.xlsx", YEARS))
    (table,) = doc.tables.values()
    return doc, table


def test_the_three_no_verdict_statuses_are_distinct():
    assert len({NO_TARGET, JUDGE, NO_DATA}) == 3
    assert STATUS_COLOURS[NO_TARGET] not in (STATUS_COLOURS[JUDGE], STATUS_COLOURS[NO_DATA])
    said = derive_status(None, 66.16, statistics=True)
    assert said.status == NO_TARGET and "没有目标" in said.reason
    # outside a statistics table, a row without a target still asks for a person
    assert derive_status(None, 66.16).status == JUDGE
    assert derive_status(None, None).status == NO_DATA


def test_by_year_rows_say_no_target(statistics):
    doc, table = statistics
    shown = [status_of(table, key, doc.policy) for key in table.keys]
    assert [s.effective for s in shown] == [NO_TARGET] * 3
    assert {s.source for s in shown} == {"推算"}
    assert not [f for f in run_checks(doc) if f.rule == "status"]


def test_a_by_year_row_with_a_target_is_still_judged(tmp_path):
    rows = [r[:] for r in YEARS]
    rows[0].append("2023年目标")
    rows[1].append("66%以上")
    doc = open_document(_write(tmp_path / "有目标.xlsx", rows))
    (table,) = doc.tables.values()
    first, second = (status_of(table, key, doc.policy).effective for key in table.keys[:2])
    assert first == "完成" and second == NO_TARGET
    assert derive_status(parse_target("66%以上"), 66.16, statistics=True).status == "完成"


def test_a_reviewer_can_record_no_target_in_an_ordinary_table(statistics):
    doc, table = statistics
    key = table.keys[0]
    doc.apply(SetCells(table.id, (CellChange(key, "status_override", NO_TARGET),)))
    assert status_of(table, key, doc.policy).source == "审核判定"


def test_the_summary_counts_rows_without_a_target(statistics):
    doc, _ = statistics
    (paragraph,) = summary_paragraphs(doc)
    assert "统计指标共3项（2022—2023年）" in paragraph
    assert f"3项{NO_TARGET}" in paragraph
    assert "待人工判定" not in paragraph and "暂无数据" not in paragraph


def test_the_chart_colours_them_as_no_target(statistics):
    doc, table = statistics
    data = chart_data(doc, ChartKind.INDICATOR_PERCENT, table.id)
    assert data.categories == ["全国常住人口城镇化率"]
    assert data.colours == [STATUS_COLOURS[NO_TARGET]]


def test_the_export_and_the_json_say_no_target(statistics, tmp_path, capsys):
    doc, table = statistics
    out = tmp_path / "审核.xlsx"
    write_workbook(doc, out)
    sheet = openpyxl.load_workbook(out)[table.sheet_name]
    written = [c.value for row in sheet.iter_rows() for c in row]
    assert written.count(NO_TARGET) == 3
    assert main(["import", str(tmp_path / "公报.xlsx"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["status"] for r in rows] == [NO_TARGET] * 3
    assert rows[0]["series"] == {"2022": 65.22, "2023": 66.16}
