"""Words the core hands to the window (status words, severity and change labels, column titles,
chart kinds), shown in the window's language. Core stays Qt-free and Chinese; the display layer
translates here, in the translation context "core". The list of these words is gathered from
core by resources/translations/update.py, so a new label cannot be missed there.

Sentences core writes (judgement reasons, findings, chart titles) are core Messages: a
template and its parameters; core_text renders them with the template translated.

Data is never passed through here: names, notes and units as the department wrote them stay as
read, and nothing exported into the annex workbooks is translated.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from workbench.core.message import rendered
from workbench.i18n import ENGLISH, current_language

CONTEXT = "core"
_YEAR = re.compile(r"^(\d{4})年(.*)$")


def core_word(text: str) -> str:
    """A core label in the current language ("" and None pass through)."""
    if not text:
        return text
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated != text:
        return translated
    year = _YEAR.match(text)  # column groups such as 2025年 / 2024年完成
    if year is None or not _english():
        return text
    rest = year.group(2)
    if not rest:
        return year.group(1)
    rest_translated = QCoreApplication.translate(CONTEXT, rest)
    return f"{year.group(1)} {rest_translated}" if rest_translated != rest else text


def core_text(text):
    """A sentence core wrote (a reason, a finding, a chart's title) in the current language:
    a core Message is rendered through its translated template, its status words and labels
    with it; any other text is shown as it is (core/message.py)."""
    return rendered(text, core_word)


def window_language() -> str:
    """The language the window speaks: what app.install_language set up, else the choice
    workbench.i18n would make (a window built without it, as in some tests)."""
    app = QCoreApplication.instance()
    language = app.property("workbench_language") if app is not None else None
    return str(language) if language else current_language()


def _english() -> bool:
    return window_language() == ENGLISH
