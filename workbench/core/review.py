"""Per-row review marks: the status a reviewer gives a row and the comment that explains it."""

from __future__ import annotations

from dataclasses import dataclass

PENDING = "待审"
APPROVED = "已审"
DOUBTFUL = "存疑"
RETURNED = "退回"
REVIEW_STATUSES: tuple[str, ...] = (PENDING, APPROVED, DOUBTFUL, RETURNED)


@dataclass(frozen=True)
class ReviewMark:
    status: str = PENDING
    comment: str = ""

    def __post_init__(self) -> None:
        if self.status not in REVIEW_STATUSES:
            raise ValueError(
                f"审核状态应为 {'/'.join(REVIEW_STATUSES)} 之一，而不是 {self.status!r}"
            )

    @property
    def is_default(self) -> bool:
        return self.status == PENDING and not self.comment


DEFAULT_MARK = ReviewMark()
