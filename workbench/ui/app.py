"""Start the app: show the window first, then load the document (and heavy libraries) once it
has been drawn."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QCoreApplication

from workbench.i18n import CHINESE, ENGLISH, current_language, translations_folder

UI_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]
SHIPPED_FAMILY = "Workbench CJK SC"  # resources/fonts, the last fallback (as in the charts)


def install_chinese(app) -> list[str]:
    """Qt's own Chinese (standard buttons, file dialogs, line-edit menus) and the shipped
    CJK font as the UI's last fallback, so menus and grid render on a machine without a
    Chinese system font. Returns the font families the UI asks for, in order."""
    return install_language(app, CHINESE)


def install_language(app, language: str | None = None) -> list[str]:
    """Speak `language` (default: the setting, else the system's; workbench/i18n.py).

    Chinese is the source text, so it needs only Qt's own Chinese for standard dialogs.
    English loads workbench_en.qm and leaves Qt's dialogs in their own English. The shipped
    CJK font is installed either way: Chinese data must render in an English window too.
    Returns the font families the UI asks for, in order."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    language = language or current_language()
    for old in app.findChildren(QTranslator, "workbench_translator"):
        app.removeTranslator(old)
        old.deleteLater()
    translators = []
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        candidates = [("workbench_en", str(translations_folder()))]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [("qtbase_zh_CN", folder), ("qt_zh_CN", folder)]
    for name, folder in candidates:
        translator = QTranslator(app)
        translator.setObjectName("workbench_translator")
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            translator.deleteLater()
    app.setProperty("workbench_translators", len(translators))
    app.setProperty("workbench_language", language)
    return _install_fonts(app, latin_first=language == ENGLISH)


# An English window sets its Latin text (and its quotation marks) in the system's Latin face;
# the CJK families follow for the Chinese data. In Chinese the CJK face sets everything.
LATIN_FAMILIES = ["Segoe UI"]


def _install_fonts(app, *, latin_first: bool = False) -> list[str]:
    from PySide6.QtGui import QFont, QFontDatabase

    from workbench.charts.fonts import shipped_font_path

    families = list(UI_FAMILIES)
    path = shipped_font_path()
    if path.exists():
        font_id = QFontDatabase.addApplicationFont(str(path))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        families += [f for f in loaded if f not in families] or [SHIPPED_FAMILY]
    font = QFont(app.font())
    system = [f for f in font.families() if f not in families and f not in LATIN_FAMILIES]
    if latin_first:
        families = LATIN_FAMILIES + system + families
        font.setFamilies(families)
    else:
        font.setFamilies(families + system)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    return families


def run(files: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow

    created = QApplication.instance() is None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("计划审核工作台")
    app.setOrganizationName("PlanWorkbench")
    install_language(app)
    window = MainWindow()
    from workbench.ui import crash_report  # an unexpected error: a log file and a dialog

    crash_report.install(lambda: window, lambda: window.session and window.session.autosave())

    # The document loads once the empty window is on screen, so a person sees it at once.
    window.firstPainted.connect(_import_charts_meanwhile)
    window.firstPainted.connect(lambda: open_initial(window, files))
    window.show()
    code = app.exec()
    if created:  # the program's own application, not a host's (a test's): leave at once
        leave(code, window.settings)
    return code


def _import_charts_meanwhile() -> None:
    """matplotlib takes about a second to import, and the first table shown brings a chart:
    a helper thread imports it while the file is read, so the grid does not wait for it.
    (The chart modules import no Qt; daemon: quitting never waits for it.)"""
    import importlib
    import threading

    threading.Thread(
        target=importlib.import_module, args=("workbench.charts.draw",), daemon=True
    ).start()


def leave(code: int, settings) -> NoReturn:
    """Quit at once. The window has closed (the document saved or discarded, its lock
    released); what remains is tearing down every object one at a time — seconds for a
    100,000-row table, during which the process lingers. Write the settings and the output
    streams, then end the process."""
    import logging
    import os

    settings.sync()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # no console (the frozen app)
            pass
    os._exit(code)


def open_initial(window, files: Sequence[str], *, offer_recovery: bool = True) -> None:
    """Offer what a crash left behind, then open the file named on the command line, or the
    sample plan when there is none. A named file is never dropped for a recovery: only its
    own unsaved work is offered, and declining opens the file as saved."""
    named = files[0] if files else None
    if offer_recovery and offer_recover(window, named):
        return
    if named is None:
        window.open_sample()
        return
    window.open_path(Path(named))  # one document per window


def offer_recover(window, named: str | None = None) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from workbench.io.document_controller import recoverable_for
    from workbench.io.native.recovery import recover

    items = recoverable_for(named)
    if not items:
        return False
    newest = max(items, key=lambda i: i.saved_at)
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("app", "恢复未保存的工作"),
        QCoreApplication.translate(
            "app", "上次退出时有未保存的修改：\n{v}\n\n是否恢复？（选“否”将丢弃这些修改）"
        ).format(v=newest.describe()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        for item in items:
            item.file.unlink(missing_ok=True)
        return False
    from workbench.io.errors import FileProblem

    try:
        doc = recover(newest)
    except FileProblem as exc:
        QMessageBox.warning(window, QCoreApplication.translate("app", "无法恢复"), str(exc))
        return False
    original = Path(newest.original) if newest.original else None
    window.set_document(doc, original, native=original is not None)
    if newest.disk_state is not None:  # what the file was when opened, not now
        window.session.remember_disk_state(newest.disk_state)
    window.session.history.mark_modified()
    newest.file.unlink(missing_ok=True)
    window.session.autosave()  # keep a recovery copy until the user saves
    window.show_message(QCoreApplication.translate("app", "已恢复上次未保存的修改，请及时保存"))
    return True
