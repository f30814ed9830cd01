"""Command line: `workbench [FILE…]` opens the window; `workbench COMMAND …` does headless work.

Exit codes (CONTRACT.md): 0 done, 1 unusable input (one line on stderr naming the file, sheet
and cell), 2 bad usage, 3 findings at or above `--fail-on` (`check`: error|warning; `diff`:
change). Headless commands never import Qt, and `import --json` and `diff` load nothing heavy
they do not use (tests/test_cli_imports.py): a command module imports argparse and the i18n
words at its top, everything else inside `run`.

Adding a command is adding one module, `workbench/cli/cmd_<name>.py`, and its name to
COMMANDS below. The module has:

    NAME = "<name>"
    def register(subparsers, parents) -> argparse.ArgumentParser
        # subparsers.add_parser(NAME, parents=parents.with_json (or .plain), help=…,
        #     description=…); arguments with Chinese metavars through translate("cli", …).
    def run(args: argparse.Namespace) -> int
        # the work, done by workbench/app (the window runs the same functions);
        # raise FileProblem for unusable input (exit 1), parsing.UsageError for bad usage
        # (exit 2); return 0, or parsing.FINDINGS (3) when gating findings were found.

`parents.with_json` gives -h/--help, -V/--version and the one shared --json; the dispatcher
(dispatch.py) builds only the parser of the command asked for, turns errors into one line,
and shows a progress line on a terminal. `workbench help NAME` prints the command's help.
Add the module's path to CLI_SOURCES in resources/translations/update.py (its words are
translated with the rest of the command line).
"""

from __future__ import annotations

COMMANDS = (
    "import",
    "export",
    "check",
    "extract",
    "diff",
    "template",
    "rollforward",
    "returns",
    "sample",
    "archive",
)
SUBCOMMANDS = COMMANDS  # the name the frozen entry point and older callers use


def main(argv=None) -> int:
    from workbench.cli.dispatch import main as dispatch

    return dispatch(argv)
