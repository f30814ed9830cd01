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
        # The frame words follow the command line's language (workbench/i18n.py); the
        # message itself is written where the problem is found.
        from workbench.i18n import translate

        parts = []
        if self.file:
            name = os.path.basename(self.file)
            parts.append(translate("cli", "文件“{name}”").format(name=name))
        if self.sheet:
            parts.append(translate("cli", "工作表“{sheet}”").format(sheet=self.sheet))
        if self.cell:
            parts.append(translate("cli", "单元格 {cell}").format(cell=self.cell))
        where = translate("cli", "，").join(parts)
        if not where:
            return self.message
        return translate("cli", "{where}：{message}").format(where=where, message=self.message)
