"""`workbench diff OLD NEW`: a table of two files compared row by row.

The comparison is the app's (workbench/app/comparing.py, the engine in core/compare); its text
and JSON are core/compare/report.py's. `--fail-on change` makes a changed, added or removed
row exit 3 (FINDINGS), so a script can gate on it."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "diff"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "比较两个计划文档或附件"),
        description=translate(
            "cli", "比较两个计划文档或附件（同一表的两个版本，或同一表的两个年度）"
        ),
        epilog=translate(
            "cli",
            "退出码：0 完成；1 输入无法使用；2 用法错误；3 加 --fail-on change 且有修改、新增或删除的行",
        ),
    )
    parser.add_argument(
        "old", metavar=translate("cli", "旧文件"), help=translate("cli", "旧文件（当前计划、上年）")
    )
    parser.add_argument(
        "new",
        metavar=translate("cli", "新文件"),
        help=translate("cli", "新文件（部门修订稿、本年）"),
    )
    parser.add_argument(
        "--sheet",
        metavar=translate("cli", "表名"),
        help=translate("cli", "两文件中要比较的工作表或表；缺省为旧文件的第一个表"),
    )
    parser.add_argument(
        "--new-sheet",
        metavar=translate("cli", "表名"),
        help=translate("cli", "新文件中的工作表（与 --sheet 不同名时）"),
    )
    parser.add_argument(
        "--key",
        metavar=translate("cli", "列"),
        help=translate("cli", "配对所用的列（如 name 或 项目名称）；缺省为名称"),
    )
    parser.add_argument(
        "--crosswalk",
        metavar=translate("cli", "对照表文件"),
        help=translate(
            "cli", '对照表 JSON：{"sector": {旧: 新}, "name": {旧: 新}}，新值 null 表示无对应'
        ),
    )
    parser.add_argument(
        "--crosswalk-profile",
        metavar=translate("cli", "方案"),
        help=translate(
            "cli", "内置的地区对照表方案（如 chongqing_2021_2022），与旧文件保存的对照表合用"
        ),
    )
    parser.add_argument(
        "--accept",
        type=float,
        default=None,
        metavar=translate("cli", "得分"),
        help=translate(
            "cli", "相似名称得分不低于此值即视为同一行（缺省 0.85）；低于此值的只作建议列出"
        ),
    )
    parser.add_argument(
        "--tolerance",
        action="append",
        default=[],
        metavar=translate("cli", "字段=数值"),
        help=translate("cli", "某字段的容差（同单位，如 annual_plan=0.01）；可重复"),
    )
    parser.add_argument(
        "--fail-on",
        choices=("change",),
        metavar=translate("cli", "条件"),
        help=translate("cli", "change：有修改、新增或删除的行时以退出码 3 结束"),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from workbench.app.comparing import OptionProblem, compare_files
    from workbench.cli import output
    from workbench.cli.parsing import FINDINGS, UsageError
    from workbench.core.collector import collector_paused
    from workbench.core.compare.report import plan_diff_payload, plan_diff_text

    with collector_paused():
        try:
            result = compare_files(
                args.old,
                args.new,
                sheet=args.sheet,
                new_sheet=args.new_sheet,
                key=args.key,
                crosswalk=args.crosswalk,
                profile=args.crosswalk_profile,
                accept=args.accept,
                tolerances=args.tolerance,
            )
        except OptionProblem as exc:
            raise UsageError(str(exc)) from None
        if args.json:
            files = (
                {"source": args.old, "notices": result.notices[0]},
                {"source": args.new, "notices": result.notices[1]},
            )
            output.print_json(
                plan_diff_payload(
                    result.comparisons, files, only_old=result.only_old, only_new=result.only_new
                )
            )
        else:
            text = plan_diff_text(
                result.comparisons,
                Path(args.old).name,
                Path(args.new).name,
                notices=result.notices,
                only_old=result.only_old,
                only_new=result.only_new,
            )
            sys.stdout.write(text + "\n")
    if args.fail_on == "change" and result.has_changes:
        return FINDINGS
    return 0
