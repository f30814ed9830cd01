"""One kind of error for every file problem, printed as one line naming file, sheet and cell."""

from __future__ import annotations

import os


class FileProblem(Exception):
    """A file that cannot be used as asked. The message is for the user, in Chinese."""

    def __init__(self, message: str, file: str | os.PathLike = "", sheet: str = "", cell: str = ""):
        super().__init__(message)
        self.message = message
        self.file = os.fspath(file) if file else ""
        self.sheet = sheet
        self.cell = cell

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(f"文件“{os.path.basename(self.file)}”")
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.cell:
            parts.append(f"单元格 {self.cell}")
        where = "，".join(parts)
        return f"{where}：{self.message}" if where else self.message
