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
    assert "缺少必需的参数：file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "x.xlsx", "--kind", "budget"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "无效的选项值：'budget'" in err and "invalid choice" not in err
