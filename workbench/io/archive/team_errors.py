"""What can go wrong between a reviewer and the team's server, each in one Chinese sentence.

The server is the judge of what a role may do; the client only reads its answer. Answers are
told apart by SQLSTATE and by asking the server about the role's privileges afterwards,
never by the wording of the server's message (a server may speak another language).
Nothing here retries: a dropped connection is `ServerUnreachable`, which a session catches to
go offline and queue its changes.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

from workbench.io.archive.connection import ArchiveProblem, describe

# SQLSTATE the migration's triggers raise when an approved version would change
APPROVED_STATE = "WB001"
NO_PRIVILEGE = "42501"  # insufficient_privilege: a missing grant or a row-level policy
UNIQUE = "23505"
LOCK_TIMEOUT = "55P03"
BAD_PASSWORD = "28P01"
BAD_LOGIN = "28000"
# the server went away: admin shutdown, crash shutdown, cannot connect now, connection class
_GONE_STATES = ("57P01", "57P02", "57P03")

NEEDS_SERVER = "团队审核需要 PostgreSQL 计划库服务器"


class TeamProblem(ArchiveProblem):
    """A team command that could not be done; the message is for the user."""


class NeedsServer(TeamProblem):
    def __init__(self, where: str = ""):
        super().__init__(NEEDS_SERVER, where)


class Refused(TeamProblem):
    """The server refused what was asked (not assigned, not a lead, approved version,
    privileges revoked); nothing was written."""


class LoginRefused(TeamProblem):
    """Wrong password, an expired or unknown role: the server would not let the user in."""


class ServerUnreachable(TeamProblem):
    """The server cannot be reached or went away mid-transaction; what was not committed
    was rolled back by the server. `outcomes` holds the outcomes of the changes committed
    before the connection dropped (apply_changes), so the caller queues only the rest."""

    def __init__(self, message: str, where: str = "", outcomes: list | None = None):
        super().__init__(message, where)
        self.outcomes = list(outcomes or [])


def original(error: BaseException) -> BaseException:
    return getattr(error, "orig", None) or error


def sqlstate(error: BaseException) -> str | None:
    return getattr(original(error), "sqlstate", None)


def _text(error: BaseException) -> str:
    return str(original(error)).lower()


def is_gone(error: BaseException) -> bool:
    """A connection that failed or dropped (not an answer of the server's)."""
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return True
    state = sqlstate(error) or ""
    if state in _GONE_STATES or state.startswith("08"):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    inner = original(error)
    if isinstance(inner, psycopg.OperationalError) and not state:
        text = _text(error)
        return not _is_login_text(text) and "does not exist" not in text
    return isinstance(inner, psycopg.InterfaceError) and "closed" in _text(error)


def _is_login_text(text: str) -> bool:
    return "password authentication failed" in text or "authentication failed" in text


def login_problem(error: BaseException, user: str, where: str) -> TeamProblem | None:
    """The server's refusal to let `user` in, if that is what `error` is."""
    state = sqlstate(error)
    text = _text(error)
    if state == BAD_PASSWORD or _is_login_text(text):
        # PostgreSQL answers an expired role (VALID UNTIL) exactly as a wrong password,
        # on purpose: the client cannot tell them apart, so the message names both
        return LoginRefused(
            f"服务器拒绝了用户“{user}”的登录：密码不对，或该用户已过有效期（请向计划库管理员确认）",
            where,
        )
    if state == BAD_LOGIN or (f'role "{user}" does not exist' in text):
        return LoginRefused(
            f"服务器拒绝了用户“{user}”的登录（没有这个用户，或不允许从本机登录）", where
        )
    if "no password supplied" in text or "password is required" in text:
        return LoginRefused(
            f"服务器要求用户“{user}”的密码：请在连接时输入（可记入系统钥匙串），或写入 pgpass 文件",
            where,
        )
    return None


def unreachable(
    error: BaseException, where: str, outcomes: list | None = None
) -> ServerUnreachable:
    if sqlstate(error) in _GONE_STATES[:2]:
        message = (
            "计划库服务器中断了连接（服务器重启、关闭或断开了本机）；未完成的写入已由服务器撤销"
        )
    elif isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        message = "与计划库服务器的连接中断；未完成的写入已由服务器撤销"
    else:
        message = describe(error)
        if "无法连接" not in message and "超时" not in message:
            message = "与计划库服务器的连接中断；未完成的写入已由服务器撤销"
    return ServerUnreachable(message, where, outcomes)


def no_grant(user: str, where: str) -> Refused:
    return Refused(
        f"用户“{user}”没有使用计划库的权限（不在审核组中，或权限已被收回；请向计划库管理员确认）",
        where,
    )


def general(error: BaseException, where: str, user: str = "") -> TeamProblem:
    """Any other database error, as the archive words it (a missing privilege on a read
    is a grant revoked: reading is every team member's right)."""
    if is_gone(error):
        return unreachable(error, where)
    if sqlstate(error) == NO_PRIVILEGE:
        return no_grant(user, where)
    if sqlstate(error) == APPROVED_STATE:
        return Refused("版本已审定，只读：服务器拒绝了改动", where)
    if sqlstate(error) == LOCK_TIMEOUT:
        return ServerUnreachable("计划库服务器正忙（有人正在修改同一处），请稍后再试", where)
    return TeamProblem(describe(error), where)
