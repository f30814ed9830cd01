"""The command line speaks Chinese, argparse's own words included."""

import pytest

from workbench.cli import main


def test_help_uses_chinese_headings(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：workbench import")
    assert "显示本帮助并退出" in out and "show this help" not in out and "usage:" not in out


def test_missing_argument_and_invalid_choice_are_chinese_usage_errors(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2
    assert "缺少必需的参数：文件" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "x.xlsx", "--kind", "budget"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "无效的选项值：'budget'" in err and "invalid choice" not in err


# ---- English: the setting or LANG -------------------------------------------------------------
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402


@pytest.fixture
def english_cli(monkeypatch, tmp_path):
    """LANG=en_US.UTF-8 and no stored choice (conftest pins Chinese for everything else)."""
    monkeypatch.delenv("WORKBENCH_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    yield
    monkeypatch.setenv("WORKBENCH_LANG", "zh_CN")


def test_english_help_and_usage_errors_are_english(english_cli, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench import")
    assert "show this help message and exit" in out
    assert "read as an indicator or a project table" in out and "用法" not in out
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "the following arguments are required: file" in err
    assert "workbench import: usage error:" in err and "缺少" not in err


def test_english_misspelled_command_and_missing_file(english_cli, capsys, tmp_path):
    assert main(["imprt"]) == 2
    assert capsys.readouterr().err.strip() == (
        "workbench: there is no command “imprt”; did you mean import?"
    )
    missing = tmp_path / "nowhere.xlsx"
    assert main([str(missing)]) == 1
    err = capsys.readouterr().err
    assert err == f"workbench: file “nowhere.xlsx”: file not found (full path: {missing})\n"


def test_english_import_labels(english_cli, capsys, tmp_path):
    assert main(["sample", "-o", str(tmp_path / "plan.xlsx")]) == 0
    assert capsys.readouterr().out.startswith("Copied the sample plan to ")
    assert main(["import", str(tmp_path / "plan.xlsx")]) == 0
    out = capsys.readouterr().out
    assert " rows)" in out and "Other tables in the file: " in out
    assert "工作表“" not in out and "文件中的其他表" not in out
    assert "name=地区生产总值增长; unit=%" in out  # data as written, English separators


def test_chinese_stays_the_default(capsys):
    assert main(["imprt"]) == 2
    assert "没有“imprt”这个命令，是否要用 import？" in capsys.readouterr().err


def _run(args, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    base.pop("WORKBENCH_LANG", None)
    base.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from workbench.cli import main; sys.exit(main())",
            *args,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=base,
        timeout=120,
    )


def test_lang_decides_the_language_of_workbench_help(tmp_path):
    english = _run(["--help"], LANG="en_US.UTF-8", XDG_CONFIG_HOME=str(tmp_path))
    assert english.returncode == 0
    assert english.stdout.startswith("usage: workbench [FILE…]")
    assert "copy the sample plan" in english.stdout
    chinese = _run(["--help"], LANG="zh_CN.UTF-8", XDG_CONFIG_HOME=str(tmp_path))
    assert chinese.stdout.startswith("用法：workbench [文件…]")
    # The stored choice of the window's 语言 / Language menu wins over LANG.
    conf = tmp_path / "PlanWorkbench" / "workbench.conf"
    conf.parent.mkdir()
    conf.write_text("[General]\nlanguage=en\n", encoding="utf-8")
    stored = _run(["imprt"], LANG="zh_CN.UTF-8", XDG_CONFIG_HOME=str(tmp_path))
    assert stored.returncode == 2
    assert "did you mean import?" in stored.stderr


def test_english_check_and_diff_labels(english_cli, capsys, tmp_path):
    plan = tmp_path / "plan.xlsx"
    assert main(["sample", "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["check", str(plan)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith(" findings")
    assert out.startswith("[Warning] ") and "[警告]" not in out
    assert main(["diff", str(plan), str(plan)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "--- old: plan.xlsx"
    assert lines[4].startswith("=== Table 1/8: 附件一 2021年指标执行 (") and lines[5] == "No change"
    assert main(["diff", str(plan), str(plan), "--sheet", "附件一 2021年指标执行"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("--- old: plan.xlsx sheet “附件一 2021年指标执行” (")
    assert lines[2] == "paired by “Indicator” (normalised names + crosswalk)"
    assert lines[-1].startswith("Total: Unchanged 36, Changed 0")
