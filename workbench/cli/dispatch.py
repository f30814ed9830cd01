"""Run one command line: the window, or one command module, with errors as one line."""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys
from collections.abc import Sequence

from workbench import __version__
from workbench.cli import COMMANDS
from workbench.cli.output import closed_pipe
from workbench.cli.parsing import USAGE, Parents, Parser, UsageError
from workbench.i18n import translate


def command_module(name: str):
    return importlib.import_module(f"workbench.cli.cmd_{name}")


class _Recorder:
    """Stands in for the subparsers action while commands register: keeps each command's
    one-line help for the overview, and passes everything on."""

    def __init__(self, action, parents: Parents) -> None:
        self.action = action
        self.parents = parents
        self.summaries: dict[str, str] = {}
        self.json: set[str] = set()

    def add_parser(self, name: str, **kwargs) -> Parser:
        self.summaries[name] = kwargs.get("help", "")
        if kwargs.get("parents") is self.parents.with_json:
            self.json.add(name)
        parser = self.action.add_parser(name, **kwargs)
        assert isinstance(parser, Parser)  # parser_class of the subparsers action
        return parser


def build(
    names: Sequence[str] = COMMANDS,
) -> tuple[Parser, dict[str, argparse.ArgumentParser], _Recorder]:
    """The top parser with the commands `names` registered (only those: a command's modules
    load only when it is asked for)."""
    parents = Parents()
    top = Parser(prog="workbench", parents=parents.plain)
    action = top.add_subparsers(
        title=translate("cli", "命令"), dest="command", prog="workbench", parser_class=Parser
    )
    recorder = _Recorder(action, parents)
    parsers = {name: command_module(name).register(recorder, parents) for name in names}
    return top, parsers, recorder


def top_help() -> str:
    """The overview: how to open the window, each command in one line, the exit codes."""
    _, parsers, recorder = build()
    width = max(len(n) for n in recorder.summaries) + 2
    commands = "\n".join(
        f"  {name.ljust(width)}{summary}" for name, summary in recorder.summaries.items()
    )
    synopses = "".join(
        "\n      " + parser.synopsis(json=name in recorder.json)
        for name, parser in parsers.items()
        if isinstance(parser, Parser)
    )
    return (
        translate("cli", "用法：workbench [文件…]    打开工作台（无文件时打开示例计划）")
        + synopses
        + "\n\n"
        + translate("cli", "命令：")
        + "\n"
        + commands
        + "\n\n"
        + translate(
            "cli",
            "workbench help 命令 或 workbench 命令 --help：该命令的用法；workbench --version：版本号",
        )
        + "\n"
        + translate(
            "cli",
            "退出码：0 完成；1 输入无法使用；2 用法错误；3 check/diff 加 --fail-on 时发现所指的审核意见或修改",
        )
    )


def _say(text: str) -> int:
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `workbench --help | head`
        return closed_pipe()
    return 0


def _help(names: list[str]) -> int:
    """`workbench help [COMMAND]`."""
    if not names:
        return _say(top_help())
    if names[0] not in COMMANDS:
        _unknown_command(names[0], also=("help",))
        return USAGE
    _, parsers, _ = build([names[0]])
    return _say(parsers[names[0]].format_help().rstrip("\n"))


def _unknown_command(name: str, also: tuple[str, ...] = ()) -> None:
    meant = difflib.get_close_matches(name, (*COMMANDS, *also), n=1, cutoff=0.6)
    if meant:
        raise UsageError(
            translate("cli", "没有“{name}”这个命令，是否要用 {v}？").format(name=name, v=meant[0])
        )
    raise UsageError(translate("cli", "没有“{name}”这个命令").format(name=name))


def _display_available() -> bool:
    """Qt aborts the process when it finds no display; tell the user in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_command(argv: list[str]) -> int:
    from workbench import progress  # a line on stderr while a long run works (tty only)

    name = argv[0]
    _, parsers, _ = build([name])
    with progress.command(name):
        args = parsers[name].parse_args(argv[1:])
        code = command_module(name).run(args)
    sys.stdout.flush()  # a closed pipe shows here, inside the handlers of main
    return code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # not on a replaced stream
        try:
            if reconfigure is not None:
                reconfigure(encoding="utf-8")  # Windows consoles default to GBK
        except ValueError:
            pass
    from workbench.terminal_text import guard_terminal

    guard_terminal()  # cells may hold terminal escape sequences: shown, never obeyed
    from workbench.app.outputs import os_error_line
    from workbench.io.errors import FileProblem

    options = argv[: argv.index("--")] if "--" in argv else argv
    if "--version" in options or "-V" in options:  # anywhere, as the help says
        return _say(f"workbench {__version__}")
    if argv and argv[0] in ("-h", "--help"):
        return _say(top_help())
    try:
        if argv and argv[0] == "help":
            return _help(argv[1:])
        if argv and argv[0] in COMMANDS:
            return _run_command(argv)
        if argv and argv[0].startswith("-"):
            print(
                translate("cli", "workbench：未知选项 {v}\n{v2}").format(v=argv[0], v2=top_help()),
                file=sys.stderr,
            )
            return USAGE
        for name in argv[:1]:  # the window opens one document; say so before starting Qt
            if not os.path.exists(name):
                if difflib.get_close_matches(name, COMMANDS, n=1, cutoff=0.6):
                    _unknown_command(name)
                raise FileProblem(
                    translate("cli", "文件不存在（完整路径：{v}）").format(v=os.path.abspath(name)),
                    name,
                )
        if not _display_available():
            print(
                translate(
                    "cli",
                    "workbench：没有可用的图形显示（未设置 DISPLAY）；无界面时请用 import/export/check 子命令",
                ),
                file=sys.stderr,
            )
            return 1
    except FileProblem as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return USAGE
    except BrokenPipeError:
        return closed_pipe()
    except OSError as exc:
        print(
            translate("cli", "workbench：{problem}").format(problem=os_error_line(exc)),
            file=sys.stderr,
        )
        return 1
    except MemoryError:
        print(
            translate("cli", "workbench：内存不足，已停止（文件可能过大或已损坏）"), file=sys.stderr
        )
        return 1
    except Exception as exc:  # never a traceback for the user; WORKBENCH_DEBUG=1 shows it
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        print(
            translate("cli", "workbench：处理时出错（{kind}：{v}）").format(
                kind=type(exc).__name__, v=str(exc)[:120]
            ),
            file=sys.stderr,
        )
        return 1
    from workbench.ui.app import run

    return run(argv)
