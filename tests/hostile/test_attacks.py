"""Each hostile file, through the command line as a user runs it: exit code 1, one line on
stderr naming the file, no traceback, within 5 s of CPU and 500 MB (measured on the child
process and the reader it starts). Set HOSTILE_TABLE=path to collect the attack table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import hostile_files as hf

CPU_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 500.0
WALL_GUARD_S = 30.0  # a hang guard only: CPU time is what the machine's load cannot inflate

ATTACKS = {
    "far_cell.xlsx": (hf.far_cell, "数据"),
    "near_last_row.xlsx": (hf.near_last_row, "行"),
    "cell_row_beyond_its_row.xlsx": (hf.cell_row_beyond_its_row, "行"),
    "no_coordinates.xlsx": (hf.no_coordinates, ""),
    "prefixed_far_cell.xlsx": (hf.prefixed_far_cell, ""),
    "many_sheets.xlsx": (hf.many_sheets_each_under, "合计"),
    "many_merges.xlsx": (hf.many_merges, "合并单元格"),
    "hidden_name_bomb.xlsx": (hf.hidden_sheet_name_bomb, "拒绝打开"),
    "huge_workbook_part.xlsx": (hf.huge_workbook_part, "拒绝打开"),
    "crc_tampered.xlsx": (hf.crc_tampered, "校验"),
    "garbage.xlsb": (hf.xlsb_garbage, ""),
    "shared_strings_bomb.xlsx": (hf.shared_strings_bomb, ""),
    "repeat_bomb.ods": (hf.ods_repeat_bomb, "行"),
    "huge_field.csv": (hf.csv_huge_field, "字符"),
    "unclosed_quote.csv": (hf.csv_unclosed_quote, "引号"),
}


def _record(attack: str, outcome: hf.Outcome) -> None:
    table = os.environ.get("HOSTILE_TABLE")
    if table:
        with open(table, "a", encoding="utf-8") as handle:
            reason = outcome.stderr.strip().replace("\n", " / ")[:110]
            handle.write(f"{outcome.row(attack)} | {reason}\n")


def assert_refused(outcome: hf.Outcome, name: str, expect: str = "") -> None:
    lines = outcome.stderr.strip().splitlines()
    assert outcome.code == 1, outcome.stderr
    assert len(lines) == 1, outcome.stderr
    assert "Traceback" not in outcome.stderr and "panicked" not in outcome.stderr
    assert name in lines[0] and lines[0].startswith("workbench：")
    assert expect in lines[0]
    assert outcome.cpu_s < CPU_LIMIT_S, outcome
    assert outcome.peak_mb < MEMORY_LIMIT_MB, outcome
    assert outcome.wall_s < WALL_GUARD_S, outcome


@pytest.mark.parametrize("name", list(ATTACKS))
def test_hostile_file_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    make, expect = ATTACKS[name]
    make(tmp_path / name)
    outcome = hf.run_cli(["import", name], tmp_path)
    _record(f"import {name}", outcome)
    assert_refused(outcome, name, expect)


@pytest.mark.parametrize("command", ["check", "export"])
def test_far_cell_is_refused_by_every_command(tmp_path: Path, command: str) -> None:
    hf.far_cell(tmp_path / "far.xlsx")
    args = [command, "far.xlsx"] + (["-o", "out.xlsx"] if command == "export" else [])
    outcome = hf.run_cli(args, tmp_path)
    _record(f"{command} far_cell.xlsx", outcome)
    assert_refused(outcome, "far.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_native_file_with_a_far_cell_is_refused(tmp_path: Path, sample_doc) -> None:
    hf.native_with_far_cell(tmp_path / "plan.xlsx", sample_doc)
    outcome = hf.run_cli(["import", "plan.xlsx"], tmp_path)
    _record("import native plan + far cell", outcome)
    assert_refused(outcome, "plan.xlsx", "数据")


def test_crc_tampered_value_is_never_read(tmp_path: Path) -> None:
    """Without the check the changed byte reads as 90 instead of 30."""
    hf.crc_tampered(tmp_path / "t.xlsx")
    outcome = hf.run_cli(["import", "t.xlsx", "--json"], tmp_path)
    assert outcome.code == 1 and "90" not in outcome.stdout


def test_honest_files_next_to_the_attacks_still_open(tmp_path: Path) -> None:
    """The limits refuse the attacks, not the ordinary files they imitate: LibreOffice's
    empty repeated rows at the end of an .ods, a row of empty formatted cells at 1048576."""
    hf.ods_annex(tmp_path / "annex.ods")
    outcome = hf.run_cli(["import", "annex.ods", "--json"], tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert "示范项目" in outcome.stdout and "另一项目" in outcome.stdout
    hf.xlsx(tmp_path / "tail.xlsx", {"项目": hf.HEADER + '<row r="1048576" ht="20"/>'})
    outcome = hf.run_cli(["import", "tail.xlsx", "--json"], tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert "示范项目" in outcome.stdout
