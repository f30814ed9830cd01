"""`workbench sample -o FILE`: the shipped sample plan, copied for command-line users."""

import json
import os
import subprocess
import sys

from workbench.cli import main
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import sample_plan_path


def run(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_sample_writes_the_shipped_plan_and_reports_the_output(tmp_path, capsys):
    target = tmp_path / "示例计划.xlsx"
    rc, out, err = run(capsys, "sample", "-o", str(target), "--json")
    assert rc == 0, err
    assert json.loads(out) == {"output": str(target)}
    assert target.read_bytes() == sample_plan_path().read_bytes()
    doc = load_plan(target)
    assert len(doc.table("indicators_2021")) == 36
    assert len(doc.table("projects_2022")) == 850
    assert not list(tmp_path.glob(".~*")), "the temporary file was left behind"


def test_sample_plain_output_names_the_full_path(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run(capsys, "sample", "-o", "plan.xlsx")
    assert rc == 0, err
    assert out.strip() == f"已复制示例计划到 {tmp_path / 'plan.xlsx'}"
    # the copy is then usable by the other subcommands
    rc, out, err = run(capsys, "import", "plan.xlsx", "--json")
    assert rc == 0, err
    assert json.loads(out)["title"]


def test_sample_refuses_to_overwrite_unless_asked(tmp_path, capsys):
    target = tmp_path / "mine.xlsx"
    target.write_bytes(b"my own work")
    rc, out, err = run(capsys, "sample", "-o", str(target))
    assert rc == 1 and out == ""
    assert err.count("\n") == 1 and "--overwrite" in err and str(target) in err
    assert target.read_bytes() == b"my own work"
    rc, out, err = run(capsys, "sample", "-o", str(target), "--overwrite", "--json")
    assert rc == 0, err
    assert target.read_bytes() == sample_plan_path().read_bytes()


def test_sample_into_a_missing_folder_names_the_full_path(tmp_path, capsys):
    target = tmp_path / "没有的文件夹" / "plan.xlsx"
    rc, out, err = run(capsys, "sample", "-o", str(target))
    assert rc == 1 and out == ""
    assert "所在文件夹不存在" in err and str(target) in err
    assert "Traceback" not in err


def test_sample_bad_usage_exits_2_in_chinese(tmp_path, capsys):
    rc, out, err = run(capsys, "sample", "-o", str(tmp_path / "plan.csv"))
    assert rc == 2 and "应为 .xlsx" in err
    assert not (tmp_path / "plan.csv").exists()
    try:
        main(["sample"])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("a missing -o must be bad usage")
    err = capsys.readouterr().err
    assert "缺少必需的参数" in err and "-o/--output" in err


def test_sample_is_listed_in_help_and_a_misspelling_is_suggested(capsys):
    rc, out, _ = run(capsys, "--help")
    assert rc == 0 and "workbench sample -o" in out
    rc, _, err = run(capsys, "smaple")
    assert rc == 2 and "sample" in err


def test_sample_stays_headless(tmp_path):
    code = (
        "import sys; from workbench.cli import main; "
        f"rc = main(['sample', '-o', {str(tmp_path / 'p.xlsx')!r}]); "
        "assert 'PySide6' not in sys.modules, 'sample loaded Qt'; sys.exit(rc)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p.xlsx").stat().st_size == sample_plan_path().stat().st_size
