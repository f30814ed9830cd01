"""`workbench sample -o FILE`: a copy of the shipped sample plan for command-line users.

Someone who installed the app with pip has no checkout to find seeds/sample_plan.xlsx in, yet
the README's examples and a first try of import/check/export all want a plan to work on; this
writes the one the app opens, byte for byte, wherever they ask.
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from workbench.i18n import translate


def sample_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="workbench sample",
        description=translate(
            "cli", "复制随程序提供的示例计划（重庆市 2021 年执行、2022 年计划），供命令行试用"
        ),
    )
    parser.add_argument("-o", "--output", required=True, help=translate("cli", "输出的 .xlsx 文件"))
    parser.add_argument(
        "--overwrite", action="store_true", help=translate("cli", "允许覆盖已存在的文件")
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "输出一个 JSON 文档"))
    return parser


def copy_sample(output: str | os.PathLike, *, overwrite: bool = False) -> Path:
    """Copy the sample plan to `output` through a temporary file in the same folder, so that
    an interrupted copy never leaves a half-written workbook under the asked-for name."""
    from workbench.io.errors import FileProblem
    from workbench.io.native.atomic import atomic_path
    from workbench.io.opener import sample_plan_path

    target = Path(output)
    full = os.path.abspath(target)
    source = sample_plan_path()
    if not source.is_file():
        raise FileProblem(
            translate("cli", "安装不完整，找不到示例计划（完整路径：{source}）").format(
                source=source
            ),
            source,
        )
    if target.is_dir():
        raise FileProblem(
            translate("cli", "这是一个文件夹，请给出文件名（完整路径：{full}）").format(full=full),
            target,
        )
    if target.exists() and not overwrite:
        raise FileProblem(
            translate("cli", "文件已存在；要覆盖请加 --overwrite（完整路径：{full}）").format(
                full=full
            ),
            target,
        )
    if not target.parent.resolve().is_dir():
        raise FileProblem(
            translate("cli", "所在文件夹不存在（完整路径：{full}）").format(full=full), target
        )
    try:
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
    except OSError as exc:
        raise FileProblem(
            translate("cli", "无法写入：{v}（完整路径：{full}）").format(
                v=exc.strerror or exc, full=full
            ),
            target,
        ) from None
    return target


def cmd_sample(argv: Sequence[str]) -> int:
    from workbench import cli

    args = sample_parser(cli._Parser).parse_args(argv)
    if Path(args.output).suffix.lower() != ".xlsx":
        raise cli.UsageError(
            translate("cli", "输出文件应为 .xlsx：{output}").format(output=args.output)
        )
    target = copy_sample(args.output, overwrite=args.overwrite)
    if args.json:
        cli._print_json({"output": str(target)})
    else:
        print(translate("cli", "已复制示例计划到 {v}").format(v=os.path.abspath(target)))
    return 0
