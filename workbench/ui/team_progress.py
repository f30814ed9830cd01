"""Each table's review progress in the navigator during a team session: 已审 / 存疑 / 退回
counted over the team, and per reviewer in the tooltip, from the server's count
(`progress(conn, version_id) -> {table: {role: {status: count}}}`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.core.review import APPROVED, DOUBTFUL, RETURNED
from workbench.ui.words import core_word

COUNTED = (APPROVED, DOUBTFUL, RETURNED)

Progress = dict[str, dict[str, dict[str, int]]]


def _counts(by_status: dict[str, int]) -> str:
    return "，".join(f"{core_word(s)} {by_status.get(s, 0)}" for s in COUNTED)


def table_note(by_role: dict[str, dict[str, int]]) -> tuple[str, str]:
    """(the navigator's short note, its tooltip) for one table."""
    totals = {s: sum(counts.get(s, 0) for counts in by_role.values()) for s in COUNTED}
    text = " ".join(f"{core_word(s)} {totals[s]}" for s in COUNTED if totals[s])
    lines = [
        QCoreApplication.translate("team_progress", "团队审核进度：{counts}").format(
            counts=_counts(totals)
        )
    ]
    for role in sorted(by_role):
        if any(by_role[role].get(s) for s in COUNTED):
            lines.append(
                QCoreApplication.translate("team_progress", "{who}：{counts}").format(
                    who=role, counts=_counts(by_role[role])
                )
            )
    return text, "\n".join(lines)


def navigator_notes(progress: Progress) -> dict[str, tuple[str, str]]:
    return {table: table_note(by_role) for table, by_role in progress.items()}
