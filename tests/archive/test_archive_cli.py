"""`workbench archive …` as a script runs it: JSON shapes of CONTRACT.md, exit codes, and one
line naming the archive when it cannot be used."""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.io.opener import sample_plan_path


def _json(capsys, *argv: str) -> dict:
    assert main(["archive", *argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_the_commands_print_the_contract_shapes(db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", db_url)  # named by the environment, no --db
    assert _json(capsys, "init")["schema"]
    added = _json(capsys, "add", str(sample_plan_path()), "--year", "2022", "--label", "报送稿")
    assert added == {"id": added["id"], "plan": "重庆市", "year": 2022, "label": "报送稿"}
    listed = _json(capsys, "list", "--year", "2022")["versions"]
    assert set(listed[0]) >= {
        "id",
        "year",
        "label",
        "created",
        "author",
        "source_name",
        "sha256",
        "approved",
    }
    assert listed[0]["source_name"] == "sample_plan.xlsx" and listed[0]["approved"] is False
    series = _json(capsys, "series", "地区生产总值增长", "--from", "2015", "--to", "2024")
    assert series["indicator"] == "地区生产总值增长"
    assert [
        set(p) >= {"year", "version", "target", "actual", "unit", "status"}
        for p in series["points"]
    ] == [True, True]
    diff = _json(capsys, "diff", str(added["id"]), str(added["id"]))
    assert set(diff) >= {"matched", "added", "removed", "changed", "crosswalk"}
    out = tmp_path / "导出.xlsx"
    exported = _json(capsys, "export", str(added["id"]), "-o", str(out))
    assert out.read_bytes() == sample_plan_path().read_bytes()
    assert exported["sha256"] == listed[0]["sha256"]
    assert _json(capsys, "show", str(added["id"]))["tables"][0]["rows"] == 36
    assert _json(capsys, "approve", str(added["id"]))["approved"] is True


def test_text_output_and_the_db_option(db_url, capsys):
    assert (
        main(["archive", "add", str(sample_plan_path()), "--label", "修订稿", "--db", db_url]) == 0
    )
    assert "已存入版本" in capsys.readouterr().out
    assert main(["archive", "list", "--db", db_url]) == 0
    assert "2022年　修订稿　sample_plan.xlsx" in capsys.readouterr().out


def test_an_unusable_archive_is_one_line_and_exit_1(tmp_path, capsys):
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello", encoding="utf-8")
    assert main(["archive", "list", "--db", str(foreign)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "notes.txt" in err and "不是计划库文件" in err


def test_bad_usage_is_exit_2(tmp_path, capsys):
    for argv in (["show", "abc"], [], ["add", str(tmp_path), "--year", "2020"]):
        with pytest.raises(SystemExit) as stopped:
            code = main(["archive", *argv, "--db", str(tmp_path / "a.sqlite")])
            raise SystemExit(code)
        assert stopped.value.code == 2, argv
    assert "版本编号应为数字" in capsys.readouterr().err
