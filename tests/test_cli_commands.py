"""The command line's conventions (issue 21): `--fail-on` gates with exit code 3, help in
Chinese with Chinese metavars through `help CMD` and `CMD --help`, `--version` anywhere."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import xlsxwriter

from workbench.cli import COMMANDS, main
from workbench.io.opener import sample_plan_path

SAMPLE = str(sample_plan_path())
HEADER = ["项目名称", "板块", "总投资（万元）", "年度计划投资（万元）", "完成投资（万元）"]


def _projects(path, rows) -> str:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("重大项目")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    return str(path)


def _run(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def _findings(capsys, path) -> list[str]:
    rc, out, _ = _run(capsys, "check", path, "--json")
    assert rc == 0
    return [f["severity"] for f in json.loads(out)["findings"]]


# ---- --fail-on ----------------------------------------------------------------------------
def test_check_fail_on_error_exits_3_only_when_an_error_is_found(capsys, tmp_path):
    # 完成投资 120 over 总投资 100: an error; the sample plan has warnings and no error.
    broken = _projects(tmp_path / "broken.xlsx", [["学校", "社会民生", 100, 50, 120]])
    assert "error" in _findings(capsys, broken)
    assert set(_findings(capsys, SAMPLE)) == {"warning"}
    rc, out, _ = _run(capsys, "check", broken, "--fail-on", "error")
    assert rc == 3 and "超过总投资" in out  # the findings are printed all the same
    rc, out, _ = _run(capsys, "check", SAMPLE, "--fail-on", "error")
    assert rc == 0 and "[警告]" in out
    rc, out, _ = _run(capsys, "check", SAMPLE, "--fail-on", "warning", "--json")
    assert rc == 3 and len(json.loads(out)["findings"]) == 2
    rc, _, _ = _run(capsys, "check", SAMPLE)  # without --fail-on findings never fail the run
    assert rc == 0


def test_check_fail_on_warning_passes_a_clean_file(capsys, tmp_path):
    clean = _projects(tmp_path / "clean.xlsx", [["学校", "社会民生", 100, 50, 40]])
    assert _findings(capsys, clean) == []
    assert _run(capsys, "check", clean, "--fail-on", "warning")[0] == 0


def test_diff_fail_on_change(capsys, tmp_path):
    old = _projects(tmp_path / "old.xlsx", [["学校", "社会民生", 100, 50, 40]])
    same = _projects(tmp_path / "same.xlsx", [["学校", "社会民生", 100, 50, 40]])
    changed = _projects(tmp_path / "new.xlsx", [["学校", "社会民生", 100, 50, 45]])
    added = _projects(
        tmp_path / "added.xlsx", [["学校", "社会民生", 100, 50, 40], ["医院", "社会民生", 9, 9, 1]]
    )
    assert _run(capsys, "diff", old, same, "--fail-on", "change")[0] == 0
    rc, out, _ = _run(capsys, "diff", old, changed, "--fail-on", "change")
    assert rc == 3 and "学校" in out
    rc, out, _ = _run(capsys, "diff", old, added, "--fail-on", "change", "--json")
    assert rc == 3 and len(json.loads(out)["added"]) == 1
    assert _run(capsys, "diff", old, changed)[0] == 0  # no gate asked for


@pytest.mark.parametrize(
    "argv", [("check", SAMPLE, "--fail-on", "change"), ("diff", SAMPLE, SAMPLE, "--fail-on", "x")]
)
def test_a_threshold_the_command_does_not_know_is_bad_usage(capsys, argv):
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "无效的选项值" in err and "--fail-on" in err


def test_an_unusable_input_stays_exit_1_with_fail_on(capsys, tmp_path):
    rc, _, err = _run(capsys, "check", str(tmp_path / "没有.xlsx"), "--fail-on", "error")
    assert rc == 1 and "没有.xlsx" in err


# ---- help ---------------------------------------------------------------------------------
def test_help_cmd_and_cmd_help_are_the_same_chinese_text(capsys):
    assert main(["help", "diff"]) == 0
    via_help = capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["diff", "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == via_help
    assert via_help.startswith("用法：workbench diff")
    assert "旧文件 新文件" in via_help and "--fail-on 条件" in via_help
    assert "位置参数" in via_help and "选项" in via_help and "显示本帮助并退出" in via_help
    assert "退出码" in via_help and "3" in via_help  # the gate's exit code is documented
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in via_help


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_chinese_help_with_chinese_metavars(capsys, name):
    assert main(["help", name]) == 0
    text = capsys.readouterr().out
    usage = text.split("\n\n", 1)[0]
    assert usage.startswith(f"用法：workbench {name}")
    assert "--json" in usage and "--version" in text
    # every metavar (the words in the usage that are not options) is Chinese
    words = usage.replace("[", " ").replace("]", " ").replace("...", " ").split()[2:]
    metavars = [w for w in words if not w.startswith("-") and not w.startswith("{")]
    assert metavars and all(any("\u4e00" <= ch <= "\u9fff" for ch in w) for w in metavars)


def test_the_overview_lists_every_command_and_the_exit_codes(capsys):
    assert main(["help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：workbench [文件…]")
    for name in COMMANDS:
        assert f"workbench {name} " in text
    assert "3 check/diff 加 --fail-on" in text


def test_help_for_an_unknown_command_is_bad_usage(capsys):
    assert main(["help", "imprt"]) == 2
    assert "是否要用 import" in capsys.readouterr().err


# ---- --version ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["-V"],
        ["import", "--version"],
        ["diff", "a.xlsx", "b.xlsx", "--version"],
        ["check", "--fail-on", "error", "-V", "x.xlsx"],
        ["help", "--version"],
    ],
)
def test_version_anywhere(capsys, argv):
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert out.startswith("workbench 0.") and out.count("\n") == 1 and err == ""


def test_version_after_a_command_as_a_process():
    done = subprocess.run(
        [sys.executable, "-m", "workbench", "export", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith("workbench 0.")


def test_a_file_named_like_an_option_after_double_dash_is_not_a_version_request(capsys):
    rc, _, err = _run(capsys, "import", "--", "--version")
    assert rc == 1 and "--version" in err  # read as a file name, which does not exist


@pytest.mark.parametrize("name", ["import", "export", "diff", "template"])
def test_help_column_lines_up_on_a_terminal_with_chinese_metavars(capsys, name):
    """A Chinese character takes two terminal columns; argparse counts it as one."""
    import re
    import unicodedata

    assert main(["help", name]) == 0
    text = capsys.readouterr().out

    def columns(part: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in part)

    starts = set()
    sections = text[text.index("位置参数:") :]  # the argument lists, not the usage
    for line in sections.split("\n"):
        found = re.match(r"^(  \S.*?)( {2,})(\S.*)$", line)
        if found:
            starts.add(columns(found.group(1) + found.group(2)))
        elif line.startswith(" " * 6) and not line.lstrip().startswith(("[", "-")):
            starts.add(len(line) - len(line.lstrip()))  # help under a long invocation
    assert len(starts) == 1, (starts, text)
