"""The main window's preferences: the interface language, the remembered column widths and
the recent files, kept in the window's QSettings.

A mixin of MainWindow (ui/main_window.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from workbench.core.vocab import NUMERIC_STYLES
from workbench.i18n import CHINESE, ENGLISH
from workbench.ui.column_fit import TEXT_CAP, fit_to_view, floors, last_key_column
from workbench.ui.grid_filter import split_title, title_lines, title_width
from workbench.ui.words import window_language

MAX_RECENT = 8


class WindowPreferences:
    def _build_language_menu(self, bar) -> None:
        """语言 / Language: named in both languages, so whoever opened the wrong one finds it."""
        from PySide6.QtGui import QActionGroup

        menu = bar.addMenu(self.tr("语言 / &Language"))
        self.language_menu = menu
        group = QActionGroup(self)
        current = window_language()
        self.language_actions = {}
        for language, text in ((CHINESE, "中文"), (ENGLISH, "English")):
            action = QAction(text, self, checkable=True)  # each in its own language, never tr()
            action.setChecked(language == current)
            action.triggered.connect(lambda _=False, lang=language: self.choose_language(lang))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[language] = action

    def choose_language(self, language: str) -> None:
        """Store the choice (the command line reads it too); it applies from the next start,
        because the open window's texts are built once. Said in both languages."""
        from workbench.i18n import SETTINGS_KEY

        self.settings.setValue(SETTINGS_KEY, language)
        self.settings.sync()
        if language == window_language():
            return  # already speaking it
        QMessageBox.information(
            self,
            "语言 / Language",
            "界面语言将在下次启动时切换。\nThe interface language changes the next time you start the app.",
        )

    def _fit_columns(self) -> None:
        """Remembered widths, else fitted to the header and the rows on screen, narrowed
        where needed so the row's verdict is on screen (ui/column_fit.py)."""
        assert self.model is not None
        saved = self.settings.value(self._widths_key())
        if isinstance(saved, list) and len(saved) == len(self.model.columns):
            try:
                for i, width in enumerate(saved):
                    self.grid.setColumnWidth(i, int(width))
                return
            except (TypeError, ValueError):
                pass
        cell = self.grid.fontMetrics()
        header = self.grid.horizontalHeader()
        visible = max(
            1,
            self.grid.viewport().height()
            // max(1, self.grid.verticalHeader().defaultSectionSize()),
        )
        rows = range(min(self.model.rowCount(), visible + 5))
        columns = self.model.columns
        heads = [
            str(self.model.headerData(i, Qt.Orientation.Horizontal)) for i in range(len(columns))
        ]
        metrics = header.fontMetrics()
        rooms = [header.room(i) for i in range(len(columns))]
        natural, content = [], []
        for i in range(len(columns)):
            text = max(
                (cell.horizontalAdvance(self.model.display_text(r, i)) for r in rows), default=0
            )
            content.append(min(text, TEXT_CAP) + 20)
            # a title on one line, or two after its year band (2021年 / 执行情况)
            title = max(
                metrics.horizontalAdvance(line) for line in split_title(heads[i]).split("\n")
            )
            natural.append(max(title + rooms[i], content[-1]))
        # narrowed, a title may take up to three lines; figures are never cut
        titles = [
            max(
                title_width(metrics, head, 3) + rooms[i],
                min(text, natural[i]) if column.style in NUMERIC_STYLES else 0,
            )
            for i, (head, text, column) in enumerate(zip(heads, content, columns, strict=True))
        ]
        keys = [c.key for c in columns]
        floor = floors(
            natural, [c.style for c in columns], keys, cell.horizontalAdvance("国"), titles
        )
        widths = fit_to_view(natural, floor, last_key_column(keys), self._grid_room())
        for i, width in enumerate(widths):
            self.grid.setColumnWidth(i, width)
        self._fit_header(heads)

    def _fit_header(self, heads: list[str]) -> None:
        """Two lines of title, three where a narrowed column needs them."""
        header = self.grid.horizontalHeader()
        metrics = header.fontMetrics()
        lines = max(
            (
                title_lines(metrics, head, self.grid.columnWidth(i) - header.room(i))
                for i, head in enumerate(heads)
            ),
            default=2,
        )
        header.set_lines(max(2, min(3, lines)))

    def _grid_room(self) -> int:
        """The grid's width for columns once its scroll bar and row numbers are in place
        (they may appear only after this table's first layout)."""
        grid = self.grid
        bar = grid.verticalScrollBar()
        scroll = 0 if bar.isVisible() else bar.sizeHint().width()
        digits = grid.fontMetrics().horizontalAdvance("9" * len(str(self.model.rowCount())))
        numbers = max(0, digits + 12 - grid.verticalHeader().width())
        return grid.viewport().width() - scroll - numbers - 10  # and the frame, once styled

    def _save_column_widths(self) -> None:
        if self.model is not None:
            widths = [self.grid.columnWidth(i) for i in range(len(self.model.columns))]
            self.settings.setValue(self._widths_key(), widths)

    def _widths_key(self) -> str:
        """Widths are remembered per language: titles fitted in Chinese clip in English."""
        assert self.model is not None
        language = window_language()
        if language == CHINESE:  # the key widths were stored under before English existed
            return f"columns/{self.model.table.id}"
        return f"columns/{language}/{self.model.table.id}"

    # ---- recent files, drag and drop, closing ------------------------------------------------
    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])

    def _recent(self) -> list[str]:
        value = self.settings.value("recent") or []
        return [value] if isinstance(value, str) else list(value)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
        for n, name in enumerate(recent, start=1):
            self.recent_menu.addAction(f"&{n} {name}", lambda p=name: self.open_path(Path(p)))
