"""Which language the app speaks: WORKBENCH_LANG, then the stored menu choice, then the
system locale (English when it is English, Chinese otherwise)."""

from __future__ import annotations

import pytest

from workbench import i18n


@pytest.fixture
def clean(monkeypatch, tmp_path):
    for name in ("WORKBENCH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "de_DE.UTF-8"}, "zh_CN"),  # not English: the app's own language
        ({"LANG": "C.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL first
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "WORKBENCH_LANG": "zh_CN"}, "zh_CN"),
    ],
)
def test_system_locale_and_override(clean, env, expected):
    for name, value in env.items():
        clean.setenv(name, value)
    assert i18n.current_language() == expected


def test_the_stored_choice_beats_lang(clean, tmp_path):
    clean.setenv("LANG", "en_US.UTF-8")
    folder = tmp_path / "PlanWorkbench"
    folder.mkdir()
    (folder / "workbench.conf").write_text(
        "[General]\ngeometry=@ByteArray(x)\nlanguage=zh_CN\n\n[columns]\nlanguage=en\n",
        encoding="utf-8",
    )
    assert i18n.stored_language() == "zh_CN"
    assert i18n.current_language() == "zh_CN"


def test_qsettings_writes_what_the_command_line_reads(clean, tmp_path, qapp):
    from PySide6.QtCore import QSettings

    path = tmp_path / "PlanWorkbench" / "workbench.conf"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("language", "en")
    settings.sync()
    assert i18n.stored_language() == "en"


def test_english_lookup_and_chinese_passthrough(clean):
    clean.setenv("WORKBENCH_LANG", "en")
    assert i18n.translate("cli", "输出一个 JSON 文档") == "print one JSON document"
    assert i18n.translate("cli", "没有这句") == "没有这句"  # unknown: as written
    clean.setenv("WORKBENCH_LANG", "zh_CN")
    assert i18n.translate("cli", "输出一个 JSON 文档") == "输出一个 JSON 文档"


def test_core_words_follow_the_window_language(qapp):
    from workbench.ui.app import install_language
    from workbench.ui.words import core_word

    assert core_word("2021年") == "2021年" and core_word("待审") == "待审"
    install_language(qapp, "en")
    try:
        assert core_word("待审") == "Pending"
        assert core_word("2021年") == "2021"
        assert core_word("2021年年度计划") == "2021 Annual plan"
        assert core_word("经济发展") == "经济发展"  # data is never translated
    finally:
        install_language(qapp, "zh_CN")
    assert core_word("2021年") == "2021年"
