"""`workbench archive role add|assign|mark` (and `approve` on a server): the team commands.

They run as the role of the URL (`--db postgresql://alice@host:port/db`; the password from
the keyring, PGPASSWORD or pgpass), so an administrator can script a year's assignments and
a test can act as each person. The server decides; a refusal is exit 1 with one line naming
what was refused. The work is in workbench/app/team.py.
"""

from __future__ import annotations

import sys
from typing import Any

from workbench.core.review import REVIEW_STATUSES
from workbench.i18n import translate


def register(actions, help_parent, common, version_id) -> None:
    """Add the team actions to `archive`'s sub-commands."""
    role = actions.add_parser(
        "role", parents=[help_parent], help=translate("cli", "团队审核：添加审核人或组长（服务器）")
    )
    role_actions = role.add_subparsers(dest="role_command", metavar=translate("cli", "命令"))
    role_actions.required = True
    add = role_actions.add_parser(
        "add",
        parents=[help_parent, common],
        help=translate("cli", "在服务器上添加一个审核人（需要有 CREATEROLE 权限的连接）"),
    )
    add.add_argument("name", metavar=translate("cli", "用户名"))
    add.add_argument("--lead", action="store_true", help=translate("cli", "组长（可分配、审定）"))
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate("cli", "从标准输入读取新用户的密码（一行）"),
    )
    assign = actions.add_parser(
        "assign",
        parents=[help_parent, common],
        help=translate("cli", "团队审核：把一个表（或其中一个板块、一行）分给审核人"),
    )
    assign.add_argument("id", type=version_id, metavar=translate("cli", "版本号"))
    assign.add_argument(
        "--table",
        required=True,
        help=translate("cli", "表：编号、工作表名或标题"),
        metavar=translate("cli", "表"),
    )
    assign.add_argument(
        "--sector", help=translate("cli", "只分配这一板块的行"), metavar=translate("cli", "板块")
    )
    assign.add_argument(
        "--row", help=translate("cli", "只分配这一行（名称或行键）"), metavar=translate("cli", "行")
    )
    assign.add_argument(
        "--to",
        required=True,
        help=translate("cli", "审核人（服务器上的用户名）"),
        metavar=translate("cli", "用户名"),
    )
    mark = actions.add_parser(
        "mark",
        parents=[help_parent, common],
        help=translate("cli", "团队审核：以当前用户标记一行的审核状态"),
    )
    mark.add_argument("id", type=version_id, metavar=translate("cli", "版本号"))
    mark.add_argument(
        "--table",
        required=True,
        help=translate("cli", "表：编号、工作表名或标题"),
        metavar=translate("cli", "表"),
    )
    mark.add_argument(
        "--row",
        required=True,
        help=translate("cli", "行：名称或行键"),
        metavar=translate("cli", "行"),
    )
    mark.add_argument(
        "--status", required=True, choices=REVIEW_STATUSES, help=translate("cli", "审核状态")
    )
    mark.add_argument(
        "--comment", help=translate("cli", "审核意见"), metavar=translate("cli", "意见")
    )


def _password(args) -> str | None:
    if not args.password_stdin:
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise Usage(translate("cli", "--password-stdin：标准输入中没有密码"))
    return line


class Usage(Exception):
    """Bad usage found after parsing (exit 2)."""


def _role(args) -> tuple[Any, str]:
    from workbench.app import team

    member = team.add_role(args.db, args.name, lead=args.lead, password=_password(args))
    data = {"role": member.role, "lead": member.lead, "created": member.created}
    kind = translate("cli", "组长") if member.lead else translate("cli", "审核人")
    text = translate("cli", "已添加{kind}“{name}”").format(kind=kind, name=member.role)
    return data, text


def _assign(args) -> tuple[Any, str]:
    from workbench.app import team

    done = team.assign(args.db, args.id, args.table, args.to, sector=args.sector, row=args.row)
    part = done.table_title
    if done.assignment.sector:
        part += translate("cli", "（板块“{sector}”）").format(sector=done.assignment.sector)
    if done.row_name or done.assignment.row_key:
        part += translate("cli", "（行“{row}”）").format(
            row=done.row_name or done.assignment.row_key
        )
    text = translate("cli", "版本 {id}：{part} 已分给“{role}”").format(
        id=args.id, part=part, role=done.assignment.role
    )
    return done.to_dict(), text


def _mark(args) -> tuple[Any, str]:
    from workbench.app import team

    done = team.mark(args.db, args.id, args.table, args.row, args.status, args.comment)
    text = translate("cli", "版本 {id}：{table}“{row}”标为{status}").format(
        id=args.id, table=done.table_title, row=done.row_name or done.row_key, status=done.status
    )
    return done.to_dict(), text


def approve_on_server(args) -> tuple[Any, str] | None:
    """`archive approve` on a server runs as the connecting role (leads only); None for an
    embedded archive, which approves as before."""
    from workbench.app import team

    if not team.is_server(args.db):
        return None
    info = team.approve(args.db, args.id)
    text = translate("cli", "版本 {id} 已标为审定，此后只读").format(id=info.id)
    return info.to_dict(), text


COMMANDS = {"role": _role, "assign": _assign, "mark": _mark}

__all__ = ["COMMANDS", "Usage", "approve_on_server", "register"]
