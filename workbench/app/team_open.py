"""Opening a server version as a team session: online from the server, offline from the
workstation's own copy.

Online: the archived document, the team's live values on top (applied as their authors'),
then my changes still queued from an earlier sitting, replayed; the copy is saved at once,
so the version reopens if the network goes. Offline: the copy, and the changes queued after
it was saved. Either way the queue is pushed when the server answers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from workbench.app.team_link import ServerLink, Unreachable
from workbench.app.team_session import TeamSession
from workbench.io.archive.connection import ArchiveProblem, open_archive
from workbench.io.archive.offline_copy import copy_path, load_copy
from workbench.io.archive.outbox import Outbox

Connect = Callable[[str, str | None], ServerLink]


def server_name(url: str) -> str:
    """The server as the outbox and the local copy name it: the URL without a password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


def open_session(
    server_url: str,
    version_id: int,
    local_archive: str | os.PathLike | None = None,
    *,
    password: str | None = None,
    connect: Connect = ServerLink,
) -> TeamSession:
    """`version_id` of the server archive as a team session; offline from the local copy
    when the server cannot be reached (ArchiveProblem when there is no copy either)."""
    server = server_name(server_url)
    outbox = Outbox(open_archive(local_archive), server, version_id)
    path = copy_path(local_archive, server, version_id)

    def reconnect() -> ServerLink:
        return connect(server_url, password)

    try:
        link = reconnect()
    except Unreachable as exc:
        copy = load_copy(path)
        if copy is None:
            outbox.connection.close()
            raise ArchiveProblem(
                f"{exc}；本机没有版本 {version_id} 的副本，联网打开一次后才能离线工作", server
            ) from None
        session = TeamSession(
            copy.document,
            outbox,
            version_id=version_id,
            who=copy.who,
            last_log_id=copy.last_log_id,
            reconnect=reconnect,
        )
        session.offline_reason = str(exc)
        session.copy_path = path
        session.replay([q.change for q in outbox.after(copy.outbox_seq)])
        return session
    try:
        document = link.document(version_id)
        values, last = link.live(version_id, 0)
    except BaseException:
        link.close()
        outbox.connection.close()
        raise
    session = TeamSession(
        document, outbox, version_id=version_id, who=link.who, link=link, reconnect=reconnect
    )
    session.copy_path = path
    session.take_values(values)
    session.last_log_id = last
    queued = sorted(outbox.pending() + outbox.disputed(), key=lambda q: q.seq)
    session.replay([q.change for q in queued])
    session.save_copy()
    session.push()
    return session
