"""Which language the app speaks, and English words for the command line — without Qt.

Chinese is the default and needs no lookup: every source string in the code is the Chinese
text. English comes from `resources/translations/workbench_en.ts`, the same file Qt's
translator uses in the window (compiled to `.qm`). The command line reads the `.ts` itself
(defusedxml), and only when English is wanted, so a Chinese start-up pays nothing.

The choice, first match wins:
1. `WORKBENCH_LANG` (`zh_CN` / `en`): for tests and scripts;
2. the setting the 语言 / Language menu stores (QSettings "PlanWorkbench"/"workbench", key
   `language`), read here without Qt: the INI file on Linux, the registry on Windows;
3. the system locale: `LC_ALL` / `LC_MESSAGES` / `LANG` (the first one set), or on Windows
   the user's UI language. English when it is English, Chinese otherwise.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
SETTINGS_KEY = "language"
ENV_VAR = "WORKBENCH_LANG"


def normalize(value: str | None) -> str | None:
    """A setting or locale name as one of LANGUAGES; None when it says nothing usable."""
    if not value:
        return None
    text = str(value).strip().lower().replace("-", "_")
    if not text or text in ("c", "posix", "c.utf_8", "c.utf8"):
        return None
    if text.startswith("en"):
        return ENGLISH
    if text.startswith("zh"):
        return CHINESE
    return CHINESE  # another language: the app's own, Chinese


def stored_language() -> str | None:
    """The language chosen in the window's menu, read without Qt (None when never chosen)."""
    from workbench.stored_settings import stored_text

    return normalize(stored_text(SETTINGS_KEY))


def system_language() -> str:
    """English when the system speaks English, Chinese otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return normalize(value) or CHINESE
    if sys.platform == "win32":
        try:
            import ctypes

            lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
            return ENGLISH if lang_id & 0x3FF == 0x09 else CHINESE  # LANG_ENGLISH
        except (AttributeError, OSError):
            return CHINESE
    return CHINESE


_ENV_NAMES = (ENV_VAR, "LC_ALL", "LC_MESSAGES", "LANG", "XDG_CONFIG_HOME")
_remembered: tuple[tuple, str] | None = None


def current_language() -> str:
    """The language to speak now (see the module docstring for the order).

    Remembered until the environment or the settings file changes: the command line asks
    for every label it prints, sometimes once per row."""
    global _remembered
    key: tuple = tuple(os.environ.get(name) for name in _ENV_NAMES)
    if sys.platform != "win32":
        from workbench.stored_settings import settings_file

        try:
            key += (settings_file().stat().st_mtime_ns,)
        except OSError:
            key += (None,)
    if _remembered is not None and _remembered[0] == key and sys.platform != "win32":
        return _remembered[1]
    language = normalize(os.environ.get(ENV_VAR)) or stored_language() or system_language()
    _remembered = (key, language)
    return language


def translations_folder() -> Path:
    from workbench.shipped import shipped_file

    return shipped_file("workbench.resources", "resources", "translations")


@cache
def _english_table() -> dict[tuple[str, str], str]:
    from defusedxml import ElementTree

    path = translations_folder() / "workbench_en.ts"
    try:
        root = ElementTree.parse(str(path)).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete"):
                continue
            if node.get("type") == "vanished" or not node.text:
                continue
            table[(name, source)] = node.text
    return table


def translate(context: str, text: str) -> str:
    """The command line's words in the current language (Qt-free twin of
    QCoreApplication.translate; pyside6-lupdate finds these calls by name)."""
    if current_language() != ENGLISH:
        return text
    return _english_table().get((context, text), text)
