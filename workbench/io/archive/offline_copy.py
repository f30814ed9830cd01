"""The workstation's own copy of a server version, so a team session reopens offline.

Kept beside the embedded archive (a folder `team-copies` next to its file), one file per
server version: the document as the session last saved it (server document, the team's live
values up to `last_log_id`, and this workstation's edits up to outbox row `outbox_seq`),
compressed plan JSON as the archive stores documents. Written atomically and readable by its
owner only: it holds figures not yet published. Changes queued after `outbox_seq` are
replayed from the outbox on reopening, so a copy saved before an edit loses nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbench.core.document import PlanDocument
from workbench.io.archive.connection import ArchiveProblem
from workbench.io.archive.location import default_location, embedded_file

FOLDER = "team-copies"


@dataclass
class OfflineCopy:
    document: PlanDocument
    server: str
    version_id: int
    who: str  # the role the session worked as
    last_log_id: int  # the team log read up to
    outbox_seq: int  # the outbox rows already in the document
    saved_at: str = ""


def copy_path(local_archive: str | os.PathLike | None, server: str, version_id: int) -> Path:
    """Where the copy of `version_id` of `server` lives for this embedded archive."""
    base = embedded_file(local_archive) or default_location()
    tag = hashlib.sha256(f"{server}\n{version_id}".encode()).hexdigest()[:20]
    return base.parent / FOLDER / f"{tag}.plan.z"


def save_copy(path: Path, copy: OfflineCopy) -> None:
    from workbench.io.native import plan_json
    from workbench.io.native.atomic import atomic_path

    data = plan_json.document_to_data(copy.document)
    record = {
        "server": copy.server,
        "version_id": copy.version_id,
        "who": copy.who,
        "last_log_id": copy.last_log_id,
        "outbox_seq": copy.outbox_seq,
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "plan": data,
    }
    blob = zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"), 3)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with atomic_path(path, private=True) as tmp:
            tmp.write_bytes(blob)
    except OSError as exc:
        raise ArchiveProblem(f"无法保存本机副本（{exc.strerror}）", str(path)) from None


def load_copy(path: Path) -> OfflineCopy | None:
    """The copy saved at `path`; None when there is none."""
    from workbench.io.native import plan_json

    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArchiveProblem(f"无法读取本机副本（{exc.strerror}）", str(path)) from None
    try:
        record = json.loads(zlib.decompress(blob).decode("utf-8"))
        document = plan_json.document_from_data(record["plan"], "本机副本")
        return OfflineCopy(
            document,
            record["server"],
            int(record["version_id"]),
            record.get("who", ""),
            int(record["last_log_id"]),
            int(record["outbox_seq"]),
            record.get("saved_at", ""),
        )
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ArchiveProblem(f"本机副本已损坏（{exc}）", str(path)) from None
