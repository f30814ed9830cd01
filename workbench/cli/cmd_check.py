"""`workbench check FILE…`: the review checks on plan files, annexes and report texts.

`--fail-on error|warning` makes findings at or above that severity exit 3 (FINDINGS), so a
script can gate on them; the findings are printed either way."""

from __future__ import annotations

import argparse

from workbench.cli.parsing import points
from workbench.i18n import translate

NAME = "check"
FAIL_ON = ("error", "warning")


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "运行审核检查"),
        description=translate("cli", "对计划文档、附件和/或报告正文（.txt/.docx）运行审核检查"),
        epilog=translate(
            "cli",
            "退出码：0 完成；1 输入无法使用；2 用法错误；3 有 --fail-on 所指级别（或更严重）的审核意见",
        ),
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar=translate("cli", "文件"),
        help=translate("cli", "计划文档、附件表格或报告正文"),
    )
    parser.add_argument(
        "--all", action="store_true", help=translate("cli", "逐条列出，不合并同类意见")
    )
    parser.add_argument(
        "--tolerance",
        type=points,
        metavar=translate("cli", "百分点"),
        help=translate(
            "cli", "本次检查用的百分比类指标容差（个百分点），不改动文件；默认用文档的审核容差"
        ),
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        metavar=translate("cli", "严重级别"),
        help=translate(
            "cli",
            "有此级别或更严重的审核意见时以退出码 3 结束（error：仅错误；warning：错误或警告）",
        ),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from workbench.app.checking import check_files
    from workbench.cli import output
    from workbench.cli.parsing import FINDINGS
    from workbench.core.vocab import SEVERITY_LABELS, Severity

    result = check_files(args.files, tolerance=args.tolerance, every=args.all)
    for name, doc in result.documents:
        output.print_notices(doc, name)
    findings = result.findings
    if args.json:
        output.print_json({"findings": findings})
    else:
        colon = translate("cli", "：")
        for item in findings:
            where = (
                f"{item['file']} · {item['table_title']}" if item["table_title"] else item["file"]
            )
            if "report" in item:
                line = translate("cli", "{v} 第{v2}行").format(
                    v=item["report"], v2=item["values"].get("line")
                )
                where = line if item["file"] == item["report"] else f"{line} ↔ {where}"
            label = translate("core", SEVERITY_LABELS[Severity(item["severity"])])
            print(f"[{label}] {where}{colon}{item['message']}")
        print(translate("cli", "共 {n_findings} 条审核意见").format(n_findings=len(findings)))
    if args.fail_on and result.reaches(args.fail_on):
        return FINDINGS
    return 0
