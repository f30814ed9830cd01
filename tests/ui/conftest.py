import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Autosave and recovery files of each test in its own folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from workbench.ui.main_window import MainWindow

    def make(files=(), recover=False):
        from workbench.ui.app import open_initial

        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        open_initial(win, list(files), offer_recovery=recover)
        return win

    return make


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Modal boxes would block an offscreen test run: record them and answer "discard"/"no".
    A test that needs another answer patches QMessageBox.question itself."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def question(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        buttons = args[0] if args else kwargs.get("buttons")
        if buttons is not None and buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    def inform(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", inform)
    monkeypatch.setattr(QMessageBox, "information", inform)
    return shown


@pytest.fixture(autouse=True)
def clean_clipboard(qapp):
    """Mime data handed to the clipboard is freed twice if it survives until interpreter
    exit under the offscreen platform; empty the clipboard after each test."""
    yield
    qapp.clipboard().clear()
