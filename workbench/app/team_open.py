"""Opening a server version as a team session when no document is open yet: online from
the server, offline from the workstation's own copy.

Online: the archived document read over the session's own connection, then TeamSession
brings it to where the team and I are (live values, my queued changes) and saves the copy.
Offline: the copy as last saved, and my changes queued after it, replayed; the queue is
pushed when `sync()` reaches the server.
"""

from __future__ import annotations

import os

from workbench.app.team_link import ServerLink, Unreachable, server_name
from workbench.app.team_session import TeamSession
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.location import default_location
from workbench.io.archive.offline_copy import copy_path, load_copy


def open_session(
    server_url: str,
    version_id: int,
    local_archive: str | os.PathLike | None = None,
    *,
    password: str | None = None,
) -> TeamSession:
    """`version_id` of the server archive as a team session; offline from the local copy
    when the server cannot be reached (ArchiveProblem when there is no copy either)."""
    local = local_archive or default_location()
    try:
        link = ServerLink(server_url, password)
    except Unreachable as exc:
        server = server_name(server_url)
        copy = load_copy(copy_path(local, server, version_id))
        if copy is None:
            raise ArchiveProblem(
                f"{exc}；本机没有版本 {version_id} 的副本，联网打开一次后才能离线工作", server
            ) from None
        session = TeamSession(
            copy.document, server_url, version_id, local, password=password, connect=False
        )
        session.offline_reason = str(exc)
        session.who = session.who or copy.who
        session.last_log_id = copy.last_log_id
        session.replay([q.change for q in session.outbox.after(copy.outbox_seq)])
        return session
    try:
        document = link.document(version_id)
    except BaseException:
        link.close()
        raise
    return TeamSession(document, server_url, version_id, local, password=password, link=link)
