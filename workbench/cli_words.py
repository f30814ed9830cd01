"""argparse's own words in Chinese, so that the command line speaks one language (English
keeps argparse's own).

argparse looks each of its messages up through a module-level `_()` at the moment it prints
it; `install()` points that lookup at this table. Messages not listed stay as argparse wrote
them (developer errors in our own parser definitions, never shown to a user).
"""

from __future__ import annotations

import argparse

WORDS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项值：%(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "此处需要一个参数值",
    "expected at least one argument": "此处至少需要一个参数值",
    "expected at most one argument": "此处最多接受一个参数值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中至少需要一个",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}


def translate(message: str) -> str:
    return WORDS.get(message, message)


_ARGPARSE_OWN = argparse._  # type: ignore[attr-defined]


def install() -> None:
    """Make every argparse parser of this process print its own words in the command line's
    language: Chinese from the table above, or argparse's own English when the setting or
    LANG asks for English (workbench/i18n.py)."""
    from workbench.i18n import ENGLISH, current_language

    english = current_language() == ENGLISH
    argparse._ = _ARGPARSE_OWN if english else translate  # type: ignore[attr-defined]
