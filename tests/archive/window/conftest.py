"""The window fixtures of tests/ui (a window per test, its settings and data folder, modal
boxes answered), for the archive's window tests."""

from tests.ui.conftest import (  # noqa: F401 - fixtures, found by name
    clean_clipboard,
    data_dir,
    make_window,
    message_boxes,
)
