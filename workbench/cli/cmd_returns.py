"""`workbench returns PLAN FOLDER`: what departments sent back, compared with what went out."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "returns"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "读取部门返回的填报工作簿"),
        description=translate("cli", "读取部门返回的填报工作簿，与发出的内容比较"),
    )
    parser.add_argument(
        "plan", metavar=translate("cli", "计划"), help=translate("cli", "生成填报表所用的计划文档")
    )
    parser.add_argument(
        "folder", metavar=translate("cli", "文件夹"), help=translate("cli", "返回文件所在的文件夹")
    )
    parser.add_argument(
        "--by", choices=("owner", "sector"), help=translate("cli", "分组方式（缺省按返回文件）")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.app.opening import open_path
    from workbench.app.returns import read_returns
    from workbench.cli import output

    summary = read_returns(open_path(args.plan).doc, args.folder, by=args.by)
    if args.json:
        output.print_json(summary.to_dict())
    else:
        print("\n".join(summary.lines()))
    return 0
