"""`workbench archive …`: the plan archive on the command line (argparse wiring and text).

One command module of workbench/cli (its docstring says the convention):
`register(subparsers, parents)` adds the command; `run(args)` does it and returns the exit code (0 done, 1 unusable archive or file, 2 bad usage). The work is in
workbench/app/archive.py, which the window runs too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from workbench.i18n import translate

NAME = "archive"


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(
            translate("cli", "年度应为四位数字，而不是“{text}”").format(text=text)
        )
    return value


def _version_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(
            translate("cli", "版本编号应为数字，而不是“{text}”").format(text=text)
        )
    return int(text)


def register(subparsers, parents) -> argparse.ArgumentParser:
    """Add `archive` and its commands to `subparsers`; each action carries its own --db and
    --json (the command line's shared parents give help and --version)."""
    shared = getattr(parents, "with_json", parents)
    parser = subparsers.add_parser(
        NAME,
        parents=shared,
        prog="workbench archive",
        help=translate("cli", "计划库：历年、各版本计划存于一个数据库"),
        description=translate(
            "cli", "计划库：历年、各版本计划存于一个数据库（缺省为用户数据文件夹中的 SQLite 文件）"
        ),
    )
    from workbench.cli.parsing import common_parent

    help_parent = common_parent()  # -h and --version in each action too
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar=translate("cli", "地址"),
        help=translate(
            "cli", "计划库：文件路径或地址（sqlite:///…、postgresql://…）；缺省取 WORKBENCH_DB"
        ),
    )
    # --json before or after the action: the action's own flag must not reset the command's
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help=translate("cli", "输出一个 JSON 文档"),
    )
    actions = parser.add_subparsers(dest="archive_command", metavar=translate("cli", "命令"))
    actions.required = True
    actions.add_parser(
        "init", parents=[help_parent, common], help=translate("cli", "创建或升级计划库")
    )
    add = actions.add_parser(
        "add",
        parents=[help_parent, common],
        help=translate("cli", "存入一个文件，或一个文件夹中的历年附件"),
    )
    add.add_argument(
        "file",
        help=translate("cli", "计划文档、附件表格，或存放历年附件的文件夹"),
        metavar=translate("cli", "文件"),
    )
    add.add_argument(
        "--year",
        type=_year,
        help=translate("cli", "计划年度；缺省从文件中读取"),
        metavar=translate("cli", "年度"),
    )
    add.add_argument(
        "--label",
        help=translate("cli", "版本名称（报送稿、修订稿、审定稿…）"),
        metavar=translate("cli", "版本名称"),
    )
    add.add_argument(
        "--note", default="", help=translate("cli", "说明"), metavar=translate("cli", "说明")
    )
    listing = actions.add_parser(
        "list", parents=[help_parent, common], help=translate("cli", "列出版本")
    )
    listing.add_argument(
        "--year",
        type=_year,
        help=translate("cli", "只列出这一年度"),
        metavar=translate("cli", "年度"),
    )
    show = actions.add_parser(
        "show", parents=[help_parent, common], help=translate("cli", "一个版本的详情")
    )
    show.add_argument("id", type=_version_id, metavar=translate("cli", "版本号"))
    export = actions.add_parser(
        "export", parents=[help_parent, common], help=translate("cli", "导出版本存入时的原文件")
    )
    export.add_argument("id", type=_version_id, metavar=translate("cli", "版本号"))
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help=translate("cli", "输出文件"),
        metavar=translate("cli", "输出"),
    )
    diff = actions.add_parser(
        "diff", parents=[help_parent, common], help=translate("cli", "比较两个版本")
    )
    diff.add_argument("old", type=_version_id, metavar=translate("cli", "旧版本号"))
    diff.add_argument("new", type=_version_id, metavar=translate("cli", "新版本号"))
    diff.add_argument(
        "--sheet",
        help=translate("cli", "要比较的表；缺省为两个版本共有的第一个表"),
        metavar=translate("cli", "表名"),
    )
    series = actions.add_parser(
        "series",
        parents=[help_parent, common],
        help=translate("cli", "一个指标历年的目标、实际与完成情况"),
    )
    series.add_argument(
        "name", help=translate("cli", "指标名称"), metavar=translate("cli", "指标名称")
    )
    series.add_argument(
        "--from",
        dest="first",
        type=_year,
        help=translate("cli", "起始年度"),
        metavar=translate("cli", "年度"),
    )
    series.add_argument(
        "--to",
        dest="last",
        type=_year,
        help=translate("cli", "截止年度"),
        metavar=translate("cli", "年度"),
    )
    approve = actions.add_parser(
        "approve",
        parents=[help_parent, common],
        help=translate("cli", "将版本标为审定（此后只读）"),
    )
    approve.add_argument("id", type=_version_id, metavar=translate("cli", "版本号"))
    from workbench.cli import cmd_archive_team

    cmd_archive_team.register(actions, help_parent, common, _version_id)
    return parser


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))
    sys.stdout.write("\n")


def _version_line(v) -> str:
    approved = translate("cli", "　审定") if v.approved else ""
    return translate(
        "cli", "{id}　{year}年　{label}　{name}　{author}　{created}{approved}"
    ).format(
        id=v.id,
        year=v.year,
        label=v.label,
        name=v.source_name,
        author=v.author,
        created=v.created,
        approved=approved,
    )


def _init(args) -> tuple[Any, str]:
    from workbench.app import archive

    result = archive.init(args.db)
    data = {"archive": result.where, "schema": result.revision, "versions": result.versions}
    text = translate("cli", "计划库已就绪：{where}（结构版本 {revision}，{n} 个版本）").format(
        where=result.where, revision=result.revision, n=result.versions
    )
    return data, text


def _add(args) -> tuple[Any, str]:
    from workbench.app import archive

    if os.path.isdir(args.file):
        if args.year is not None:
            raise _Usage(translate("cli", "存入文件夹时年度从各文件读取，不能用 --year"))
        found = archive.add_folder(args.db, args.file, label=args.label, note=args.note)
        data = {
            "added": [
                {"id": v.id, "year": v.year, "label": v.label, "source_name": v.source_name}
                for v in found.added
            ],
            "unplaced": [{"file": u.file, "reason": u.reason} for u in found.unplaced],
        }
        lines = [_version_line(v) for v in found.added]
        lines += [
            translate("cli", "未存入：{file}：{reason}").format(file=u.file, reason=u.reason)
            for u in found.unplaced
        ]
        lines.append(
            translate("cli", "存入 {n} 个版本，{m} 个文件未存入").format(
                n=len(found.added), m=len(found.unplaced)
            )
        )
        return data, "\n".join(lines)
    info = archive.add_file(args.db, args.file, year=args.year, label=args.label, note=args.note)
    data = {"id": info.id, "plan": info.region or None, "year": info.year, "label": info.label}
    text = translate("cli", "已存入版本 {id}：{year}年 {label}（{name}）").format(
        id=info.id, year=info.year, label=info.label, name=info.source_name
    )
    return data, text


def _list(args) -> tuple[Any, str]:
    from workbench.app import archive

    found = archive.list_versions(args.db, args.year)
    text = "\n".join(_version_line(v) for v in found) or translate("cli", "计划库中还没有版本")
    return {"versions": [v.to_dict() for v in found]}, text


def _show(args) -> tuple[Any, str]:
    from workbench.app import archive

    detail = archive.show(args.db, args.id)
    lines = [_version_line(detail.version)]
    if detail.version.note:
        lines.append(translate("cli", "说明：{note}").format(note=detail.version.note))
    lines.append(translate("cli", "SHA-256：{sha}").format(sha=detail.version.sha256))
    for t in detail.tables:
        lines.append(
            translate("cli", "  {title}（工作表“{sheet}”，{rows} 行）").format(
                title=t.title, sheet=t.sheet, rows=t.rows
            )
        )
    lines.append(translate("cli", "修订记录 {n} 条").format(n=detail.changes))
    return detail.to_dict(), "\n".join(lines)


def _export(args) -> tuple[Any, str]:
    from workbench.app import archive

    result = archive.export(args.db, args.id, args.output)
    data = {"output": result.output, "id": result.version.id, "sha256": result.version.sha256}
    text = translate("cli", "已导出版本 {id} 的原文件到 {output}").format(
        id=result.version.id, output=result.output
    )
    return data, text


def _diff(args) -> tuple[Any, str]:
    from workbench.app import archive
    from workbench.core.compare.report import diff_text

    found = archive.diff(args.db, args.old, args.new, sheet=args.sheet)
    if args.json:
        return found.payload(), ""
    labels = [
        translate("cli", "版本 {id}（{year}年 {label}）工作表“{sheet}”").format(
            id=info.id, year=info.year, label=info.label, sheet=table.sheet_name
        )
        for info, table in ((found.old, found.old_table), (found.new, found.new_table))
    ]
    return None, diff_text(found.comparison, labels[0], labels[1])


def _series(args) -> tuple[Any, str]:
    from workbench.app import archive

    found = archive.series(args.db, args.name, args.first, args.last)
    if not found.points:
        lines = [translate("cli", "计划库中没有指标“{name}”").format(name=args.name)]
    else:
        lines = [
            translate("cli", "{name}（{unit}）").format(
                name=args.name, unit=found.points[-1].unit or ""
            )
        ]
    for p in found.points:
        lines.append(
            translate(
                "cli",
                "{year}年　目标 {target}　实际 {actual}　{status}　（版本 {version} {label}）",
            ).format(
                year=p.year,
                target=p.target or "—",
                actual="—" if p.actual is None else f"{p.actual:g}",
                status=p.status or "",
                version=p.version,
                label=p.label,
            )
        )
    return found.to_dict(), "\n".join(lines)


def _approve(args) -> tuple[Any, str]:
    from workbench.app import archive
    from workbench.cli.cmd_archive_team import approve_on_server

    on_server = approve_on_server(args)
    if on_server is not None:
        return on_server
    info = archive.approve(args.db, args.id)
    text = translate("cli", "版本 {id} 已标为审定，此后只读").format(id=info.id)
    return info.to_dict(), text


class _Usage(Exception):
    pass


COMMANDS = {
    "init": _init,
    "add": _add,
    "list": _list,
    "show": _show,
    "export": _export,
    "diff": _diff,
    "series": _series,
    "approve": _approve,
}


def _command(name: str):
    from workbench.cli.cmd_archive_team import COMMANDS as TEAM_COMMANDS

    return COMMANDS.get(name) or TEAM_COMMANDS[name]


def run(args: argparse.Namespace) -> int:
    from workbench.cli.cmd_archive_team import Usage
    from workbench.io.archive.connection import ArchiveProblem
    from workbench.io.errors import FileProblem

    try:
        data, text = _command(args.archive_command)(args)
    except (ArchiveProblem, FileProblem) as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return 1
    except (_Usage, Usage) as exc:
        print(translate("cli", "workbench：{problem}").format(problem=exc), file=sys.stderr)
        return 2
    if args.json:
        _print_json(data)
    elif text:
        sys.stdout.write(text + "\n")
    return 0
