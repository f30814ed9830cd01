"""The command line as scripts use it (CONTRACT.md): JSON shape and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.io.opener import sample_plan_path

SAMPLE = str(sample_plan_path())


def run(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_import_json_has_the_contract_keys(capsys):
    rc, out, err = run(capsys, "import", SAMPLE, "--json")
    assert rc == 0, err
    data = json.loads(out)
    for key in (
        "source",
        "sheet",
        "sheets",
        "kind",
        "title",
        "unit",
        "rows",
        "subtotals",
        "warnings",
    ):
        assert key in data
    assert data["kind"] == "indicators" and len(data["rows"]) == 36
    gdp = data["rows"][0]
    assert gdp["name"] == "地区生产总值增长"
    assert gdp["target_rule"] == {
        "op": "at_least",
        "raw": "6%以上",
        "value": 6.0,
        "low": 6.0,
        "unit": "%",
        "why": "“以上”：下限；目标值 6%",
    }
    assert gdp["status"] == "完成"
    assert len(data["sheets"]) == 8


def test_import_sheet_by_name_or_id_and_kind(capsys):
    rc, out, _ = run(capsys, "import", SAMPLE, "--sheet", "2022年项目按领域", "--json")
    data = json.loads(out)
    total = data["rows"][-1]
    assert (total["group"], total["count"], total["annual_plan"]) == ("合计", 850, 3570.0)
    assert total["computed"]["count"] == 850 and total["computed"]["annual_plan"] == 3570.0
    assert total["difference"] == {"count": 0, "total_investment": 0.0, "annual_plan": 0.0}
    rc, out, _ = run(capsys, "import", SAMPLE, "--kind", "projects", "--json")
    assert rc == 0 and json.loads(out)["table"] == "projects_2021"


def test_human_readable_output(capsys):
    rc, out, _ = run(capsys, "import", SAMPLE, "--sheet", "summary_2021_sector")
    assert rc == 0 and "2021年市级重大建设项目完成投资（按板块）" in out and "城市提升" in out


@pytest.mark.parametrize(
    "argv,code,message",
    [
        (["import", "missing.xlsx"], 1, "missing.xlsx"),
        (["import", SAMPLE, "--sheet", "不存在"], 1, "不存在"),
        (["import"], 2, "用法"),
        (["import", SAMPLE, "--kind", "tables"], 2, "用法"),
        (["--bogus"], 2, "未知选项"),
    ],
)
def test_exit_codes_and_one_line_reasons(capsys, argv, code, message):
    rc, out, err = run(capsys, *argv) if code != 2 or argv[0] == "--bogus" else _usage(capsys, argv)
    assert rc == code
    assert message in err
    assert out == ""


def _usage(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_broken_file_is_one_line_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    rc, out, err = run(capsys, "import", str(bad))
    assert rc == 1 and "坏文件.xlsx" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_version_and_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("workbench 0.")


def test_a_missing_file_or_a_misspelled_command_is_one_line_not_a_window(capsys):
    assert main(["没有这个文件.xlsx"]) == 1
    err = capsys.readouterr().err
    assert str((Path.cwd() / "没有这个文件.xlsx").resolve()) in err and err.count("\n") == 1
    assert main(["extract", "a.txt"]) == 1
    assert "a.txt" in capsys.readouterr().err
    assert main(["diff", "a.xlsx", "b.xlsx"]) == 1
    assert "a.xlsx" in capsys.readouterr().err
    assert main(["imprt", "a.xlsx"]) == 2  # bad usage, with the command meant
    assert "import" in capsys.readouterr().err


def test_no_display_is_a_clear_message(tmp_path):
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "workbench", SAMPLE],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1 and "没有可用的图形显示" in result.stderr


def test_check_with_a_wider_tolerance_judges_a_near_miss_mostly_done(capsys):
    """民营经济比重 59.4 against "60%以上" is stated 未完成; with ±2 points the rule says
    基本完成, and the check says the stated word disagrees. The file is not changed."""
    before = Path(SAMPLE).read_bytes()
    rc, out, _ = run(capsys, "check", SAMPLE, "--json", "--all")
    assert rc == 0
    share = "民营经济增加值占地区生产总值的比重"
    assert not [f for f in json.loads(out)["findings"] if share in f["message"]]
    rc, out, _ = run(capsys, "check", SAMPLE, "--json", "--all", "--tolerance", "2")
    found = [f for f in json.loads(out)["findings"] if share in f["message"]]
    assert [f["values"] for f in found] == [{"stated": "未完成", "derived": "基本完成"}]
    assert Path(SAMPLE).read_bytes() == before
    with pytest.raises(SystemExit) as exited:
        main(["check", SAMPLE, "--tolerance", "-1"])
    assert exited.value.code == 2 and "容差应为不小于 0 的数" in capsys.readouterr().err


def test_json_output_writes_keys_that_are_not_text_as_text(monkeypatch):
    """Text keys take the plain encoding, a number key (a year) the slower one; both read
    back as the json module writes them."""
    import io

    from workbench.cli.output import print_json

    for data in ({"a": [1, 2.5, None], "名": "值"}, {"series": {2021: 1.5, "2022": 2}}):
        stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        monkeypatch.setattr(sys, "stdout", stream)
        print_json(data)
        written = stream.buffer.getvalue().decode("utf-8")
        monkeypatch.undo()
        assert written.endswith("\n")
        assert json.loads(written) == json.loads(json.dumps(data))
