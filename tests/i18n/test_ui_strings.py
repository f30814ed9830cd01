"""Every Chinese word of the window goes through Qt's translation system, and every source
string has a finished English translation in resources/translations/workbench_en.ts."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

from tests.i18n.ui_strings import EXEMPT, UI, chinese_literals, source_strings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
CLI_MODULES = (
    *sorted(f"workbench/cli/{p.name}" for p in (ROOT / "workbench" / "cli").glob("*.py")),
    *sorted(f"workbench/app/{p.name}" for p in (ROOT / "workbench" / "app").glob("*.py")),
    "workbench/io/errors.py",
    "workbench/core/compare/report.py",
)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}\s]*)?\}")


def _messages(path: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) → (type attribute, translation) of a .ts file."""
    root = ElementTree.parse(str(path)).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            found[(name, message.findtext("source") or "")] = (node.get("type"), node.text or "")
    return found


def _cli_sources() -> set[tuple[str, str]]:
    found = set()
    for module in CLI_MODULES:
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
            ):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_chinese_literal_in_the_ui_is_translated_or_exempt():
    untranslated = [
        f"{lit.file}:{lit.line} {lit.text!r}"
        for lit in chinese_literals()
        if not lit.translated and (lit.file, lit.text) not in EXEMPT
    ]
    assert not untranslated, "wrap in self.tr()/QCoreApplication.translate():\n" + "\n".join(
        untranslated
    )


def test_the_exemption_list_names_only_literals_that_exist():
    present = {(lit.file, lit.text) for lit in chinese_literals() if not lit.translated}
    assert EXEMPT <= present, sorted(EXEMPT - present)


def test_the_scan_catches_an_unwrapped_label(tmp_path):
    (tmp_path / "panel.py").write_text(
        "from PySide6.QtWidgets import QLabel, QWidget\n"
        "class Panel(QWidget):\n"
        "    def build(self, n):\n"
        "        QLabel(self.tr('审核'))\n"
        "        QLabel('检查结果')\n"
        "        QLabel(f'共 {n} 行')\n"
        "        QLabel(self.tr(f'已选中 {n} 行'))\n",
        encoding="utf-8",
    )
    found = {(lit.text, lit.translated) for lit in chinese_literals(tmp_path)}
    assert found == {("审核", True), ("检查结果", False), ("共 ", False), ("已选中 ", False)}


def test_every_source_string_has_a_finished_english_translation():
    english = _messages(TRANSLATIONS / "workbench_en.ts")
    finished = {key for key, (kind, text) in english.items() if kind is None and text}
    wanted = source_strings() | _cli_sources()  # looked up by (context, source) at run time
    assert len(wanted) > 350
    missing = sorted(wanted - finished)
    assert not missing, missing
    unfinished = [source for (_c, source), (kind, _t) in english.items() if kind is not None]
    assert not unfinished, unfinished


def test_english_keeps_the_placeholders_and_leaves_no_chinese_words_behind():
    english = _messages(TRANSLATIONS / "workbench_en.ts")
    # Chinese inside English on purpose: font names and a column name the user may type.
    allowed = {"方正小标宋简体", "黑体", "宋体", "项目名称", "语言"}
    for (context, source), (_kind, text) in english.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
            text,
        )
        leftover = set(re.findall(r"[\u4e00-\u9fff]+", text)) - allowed
        assert not leftover, (context, source, text)
        assert source.count("&") == text.count("&"), (source, text)  # one mnemonic each


def test_both_languages_list_the_same_sources():
    english = _messages(TRANSLATIONS / "workbench_en.ts")
    chinese = _messages(TRANSLATIONS / "workbench_zh_CN.ts")
    assert set(english) == set(chinese)


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "pyside6-lupdate").exists()
    and not (Path(sys.executable).parent / "pyside6-lupdate.exe").exists(),
    reason="pyside6-lupdate is not installed beside this Python",
)
def test_the_ts_and_qm_files_are_current():
    """update.py --check re-runs lupdate and lrelease into a copy and compares bytes."""
    result = subprocess.run(
        [sys.executable, str(TRANSLATIONS / "update.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_compiled_english_translates_through_qt(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("workbench_en", str(TRANSLATIONS))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("WindowMenus", "文件(&F)") == "&File"
        assert QCoreApplication.translate("core", "待审") == "Pending"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("WindowMenus", "文件(&F)") == "文件(&F)"


def test_ui_package_is_where_the_scan_looks():
    assert (UI / "main_window.py").exists()


def test_english_menus_mark_their_shortcut_letter_in_a_word():
    """Chinese menus write the access key after the text, 打开(&O); English ones mark a letter
    of a word, &Open — a literal "(T)" on an English menu reads as a typo (issue 23, 11)."""
    bracketed = [
        translation
        for (_, source), (_, translation) in _messages(TRANSLATIONS / "workbench_en.ts").items()
        if re.search(r"\(&[A-Za-z]\)", translation or "")
    ]
    assert not bracketed, bracketed


def test_every_core_message_template_is_a_literal_the_translation_files_list():
    """A Message built from a variable template would never reach the .ts files: the window
    would show it in Chinese in an English session without anyone noticing."""
    sys.path.insert(0, str(TRANSLATIONS))
    import update

    hidden = []
    for folder in ("core", "charts", "io"):
        for path in sorted((ROOT / "workbench" / folder).rglob("*.py")):
            if path.name == "message.py":  # the class itself and word(), for vocabulary words
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "Message"
                    and not (node.args and update._literals(node.args[0]))
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, hidden
    english = _messages(TRANSLATIONS / "workbench_en.ts")
    missing = [t for t in update.message_templates() if ("core", t) not in english]
    assert not missing, missing
