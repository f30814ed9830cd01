"""argparse's own words in Chinese, so that the command line speaks one language.

Nothing of argparse is patched: headings and the usage prefix are asked for by our
HelpFormatter (`translate`), and the usage errors argparse has already written in English
reach our parser's `error()`, which reads them back against argparse's message templates
(`translate_message`). English (the setting or LANG, workbench/i18n.py) keeps argparse's own
words; a message not listed stays as argparse wrote it (developer errors in our own parser
definitions, never shown to a user).
"""

from __future__ import annotations

import re

WORDS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
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
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}

_FIELD = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _chinese() -> bool:
    from workbench.i18n import ENGLISH, current_language

    return current_language() != ENGLISH


def translate(message: str) -> str:
    """One of argparse's fixed words (a heading, the usage prefix) in the current language."""
    return WORDS.get(message, message) if _chinese() else message


def _pattern(template: str) -> tuple[re.Pattern[str], list[str]]:
    names: list[str] = []
    parts: list[str] = []
    last = 0
    for n, match in enumerate(_FIELD.finditer(template)):
        parts.append(re.escape(template[last : match.start()]))
        names.append(match.group(1) or f"_{n}")
        parts.append(f"(?P<{names[-1]}>.*?)")
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL), names


_PATTERNS = [(english, chinese, *_pattern(english)) for english, chinese in WORDS.items()]


def _fill_first(text: str, value: str) -> str:
    match = re.search(r"%[sr]", text)
    return text if match is None else text[: match.start()] + value + text[match.end() :]


def translate_message(message: str) -> str:
    """A usage error argparse wrote in English, in the current language (nested messages,
    such as `argument --kind: invalid choice: …`, inside out)."""
    if not _chinese():
        return message
    for english, chinese, pattern, names in _PATTERNS:
        if "%" not in english:
            if message == english:
                return chinese
            continue
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = {name: found.group(name) for name in names}
        if "message" in values:
            values["message"] = translate_message(values["message"])
        result = chinese
        for name in names:
            value = values[name]
            if name.startswith("_"):  # a bare %s / %r: the first one left
                result = _fill_first(result, value)
            else:
                result = result.replace(f"%({name})s", value).replace(f"%({name})r", value)
        return result
    return message
