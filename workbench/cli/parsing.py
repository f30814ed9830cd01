"""The command line's argparse, in the command line's language, without patching argparse.

`Parser` (an ArgumentParser) prints its usage errors as one Chinese line and exits 2;
`Formatter` (a HelpFormatter) gives the usage line and the section headings in Chinese;
every parser is built with `add_help=False` and takes its -h/--help (and --version) from the
shared `common` parent, whose help words are ours. argparse's error messages arrive already
written (in English) at `Parser.error`, which reads them back through the table in
`words.py` — nothing of argparse's own is replaced. English keeps argparse's words.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import unicodedata
from typing import NoReturn

from workbench import __version__
from workbench.cli import words
from workbench.i18n import translate


class UsageError(Exception):
    """Bad usage found after parsing (exit 2, one line)."""


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if prefix is None:
            prefix = words.translate("usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading) -> None:
        super().start_section(words.translate(heading) if heading else heading)

    def format_help(self) -> str:
        """argparse lines up the help column by characters; a Chinese metavar takes two
        columns a character on a terminal, so its line loses that many spaces."""
        return "\n".join(_fit_wide(line) for line in super().format_help().split("\n"))


_ARGUMENT_LINE = re.compile(r"^(  \S.*?)( {2,})(\S.*)$")  # invocation, gap, help


def _fit_wide(line: str) -> str:
    found = _ARGUMENT_LINE.match(line)
    if found is None:
        return line
    invocation, gap, help_text = found.groups()
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in invocation)
    if not wide:
        return line
    if len(gap) - wide >= 2:
        return invocation + gap[wide:] + help_text
    # too wide for the column: the help goes under it, as argparse does for long options
    return invocation + "\n" + " " * (len(invocation) + len(gap)) + help_text


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.own_arguments: list[argparse.Action] = []  # for the overview's synopsis

    def add_argument(self, *args, **kwargs) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.own_arguments.append(action)
        return action

    def add_subparsers(self, **kwargs):  # a command with actions of its own (archive)
        kwargs.setdefault("parser_class", Parser)
        action = super().add_subparsers(**kwargs)
        self.own_arguments.append(action)
        return action

    def synopsis(self, *, json: bool = False) -> str:
        """One line: the command and its own arguments (no -h/-V), for the overview."""
        formatter = Formatter(prog=self.prog, width=200)
        formatter.add_usage(None, self.own_arguments, [], prefix="")
        line = formatter.format_help().strip()
        return f"{line} [--json]" if json else line

    def error(self, message: str) -> NoReturn:  # argparse exits 2 by itself; keep it
        self.print_usage(sys.stderr)
        print(
            translate("cli", "{prog}：用法错误：{message}").format(
                prog=self.prog, message=words.translate_message(message)
            ),
            file=sys.stderr,
        )
        raise SystemExit(2)


def common_parent() -> Parser:
    """-h/--help and --version, in every command (so `--version` works anywhere)."""
    parent = Parser()
    parent.add_argument("-h", "--help", action="help", help=translate("cli", "显示本帮助并退出"))
    parent.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"workbench {__version__}",
        help=translate("cli", "显示版本号并退出"),
    )
    return parent


def json_parent() -> Parser:
    """The one `--json` of every command that can print its result as JSON."""
    parent = Parser()
    parent.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parent


class Parents:
    """What a command's parser inherits: `plain` (help, version) or `with_json` (and --json)."""

    def __init__(self) -> None:
        common = common_parent()
        self.plain = [common]
        self.with_json = [common, json_parent()]


def points(text: str) -> float:
    """A tolerance in percentage points: a finite number, not negative."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "容差应为数值，而不是“{text}”").format(text=text)
        ) from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(
            translate("cli", "容差应为不小于 0 的数，而不是“{text}”").format(text=text)
        )
    return value


# Exit codes (CONTRACT.md), named once.
OK, UNUSABLE, USAGE, FINDINGS = 0, 1, 2, 3
