"""`workbench export FILE -o OUT.xlsx`: the reviewed annex, the print copy, or the corrections
written back into the department's workbook (`--write-back`). The work and its checks are the
app's (workbench/app/exporting.py, writing_back.py), the same the window runs."""

from __future__ import annotations

import argparse

from workbench.i18n import translate

NAME = "export"


def register(subparsers, parents) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        parents=parents.with_json,
        help=translate("cli", "写出审核后的附件工作簿"),
        description=translate(
            "cli", "写出审核后的附件工作簿（标准版式、修改标记、修订记录、审核意见）"
        ),
    )
    parser.add_argument(
        "file", metavar=translate("cli", "文件"), help=translate("cli", "计划文档或附件表格")
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=translate("cli", "输出"),
        help=translate("cli", "输出的 .xlsx 文件"),
    )
    parser.add_argument(
        "--write-back",
        action="store_true",
        help=translate("cli", "把修改写回原表（保留原表版式），而不是生成标准附件"),
    )
    parser.add_argument(
        "--original",
        metavar=translate("cli", "原表文件"),
        help=translate(
            "cli",
            "写回时使用的原表；输入本身是部门原表时可省略（不会自动打开文档中记录的其他路径）",
        ),
    )
    parser.add_argument(
        "--reviewable",
        action="store_true",
        help=translate(
            "cli",
            "导出可复核副本：隐藏的文档数据保留来源路径、修改人和完整修订记录（缺省为分发版，不含这些）",
        ),
    )
    parser.add_argument(
        "--overwrite", action="store_true", help=translate("cli", "允许输出文件覆盖输入文件")
    )
    parser.add_argument(
        "--title-font",
        default="黑体",
        metavar=translate("cli", "字体"),
        help=translate("cli", "标题与表头字体（如 方正小标宋简体）；缺省 黑体"),
    )
    parser.add_argument(
        "--body-font",
        default="宋体",
        metavar=translate("cli", "字体"),
        help=translate("cli", "表体字体；缺省 宋体"),
    )
    parser.add_argument(
        "--clean",
        action="store_true",
        help=translate("cli", "干净打印稿：无底色、无批注，不含修订记录、审核意见和工作台数据"),
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.app.exporting import check_export, export_annex
    from workbench.app.opening import open_path
    from workbench.cli import output
    from workbench.cli.parsing import UsageError

    source, target = Path(args.file), Path(args.output)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(translate("cli", "输出文件应为 .xlsx：{output}").format(output=target))
    check_export(target, source=source, overwrite=args.overwrite)  # before reading anything
    opened = open_path(source)
    output.print_notices(opened.doc, source)
    if args.write_back:
        from workbench.app.writing_back import original_for, write_back_to

        original = original_for(opened.doc, source, args.original)
        report = write_back_to(
            opened.doc, original, target, source=source, overwrite=args.overwrite
        )
        result, text = report.to_dict(), report.text()
    else:
        exported = export_annex(
            opened.doc,
            target,
            source=source,
            overwrite=args.overwrite,
            title_font=args.title_font,
            body_font=args.body_font,
            reviewable=args.reviewable,
            clean=args.clean,
            # sheets the reader did not recognise (说明) come from the file given here
            carry_sheets_from=None if opened.native else source,
        )
        result = exported.to_dict()
        text = translate("cli", "已导出 {output}：").format(output=target) + translate(
            "cli", "、"
        ).join(exported.sheets)
        if exported.restated:
            text += "\n" + translate(
                "cli", "完成情况与执行数不符、已按推算结果印出的 {n} 个指标："
            ).format(n=len(exported.restated))
            text += "".join("\n  " + line for line in exported.restated_lines())
    if args.json:
        output.print_json(result)
    else:
        print(text)
    return 0
