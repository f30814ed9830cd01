"""帮助 → 使用指南: the Chinese user guide (docs/使用指南.md) shown inside the app.

The guide is Markdown with screenshots beside it in docs/images/; QTextBrowser renders both
offline, so a workstation without a browser or network still has its help. The frozen build
carries docs/ next to the program; a source checkout has it at the top.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from workbench.shipped import shipped_file
from workbench.ui.dialog_buttons import close_only

GUIDE_NAME = "使用指南.md"


def guide_path() -> Path:
    return shipped_file("workbench.docs", "docs", GUIDE_NAME)


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        path = path or guide_path()
        self.setWindowTitle(self.tr("使用指南"))
        self.resize(900, 700)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("未找到使用指南（应在：{path}）。").format(path=path))
        self._sizes: dict[str, tuple[int, int]] = {}  # picture → its own width and height
        buttons = close_only(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.fit_pictures()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_pictures()

    def fit_pictures(self) -> None:
        """Screenshots at their own size, or narrower to fit the window (never cut, never
        enlarged): a guide read in a small window shows every picture whole."""
        room = max(self.browser.viewport().width() - 24, 120)
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    width, height = self._natural(image.name())
                    if width and height:
                        shown = min(width, room)
                        image.setWidth(shown)
                        image.setHeight(height * shown / width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def _natural(self, name: str) -> tuple[int, int]:
        if name not in self._sizes:
            resource = self.browser.document().resource(
                self.browser.document().ResourceType.ImageResource, QUrl(name)
            )
            image = resource if isinstance(resource, QImage) else QImage()
            if image.isNull():
                image = (
                    QImage(str(Path(self.browser.searchPaths()[0]) / name))
                    if self.browser.searchPaths()
                    else QImage()
                )
            self._sizes[name] = (image.width(), image.height())
        return self._sizes[name]


def show_user_guide(parent: QWidget | None = None) -> UserGuide:
    """Open the guide beside the window (not modal: the user reads while working)."""
    dialog = UserGuide(parent)
    dialog.show()
    dialog.raise_()
    return dialog
