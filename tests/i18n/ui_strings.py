"""Find the Chinese text in workbench/ui and whether it goes through Qt's translation system.

Shared by the tests: a literal is *translated* when it is an argument of `tr()`,
`QCoreApplication.translate()` or `QT_TRANSLATE_NOOP()`; anything else with a CJK ideograph is
either on the exemption list below or a test failure.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "workbench" / "ui"
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

# Chinese that stays Chinese in an English window, on purpose. Each is data or a document,
# not a word of the interface:
EXEMPT = {
    # Labels of edits: they go into the change log and the 修订记录 sheet of the exported
    # annex, which is a Chinese document.
    ("grid_clipboard.py", "粘贴"),
    ("grid_clipboard.py", "向下填充"),
    ("grid_clipboard.py", "清除内容"),
    ("grid_clipboard.py", "删除 "),
    ("grid.py", "标记为"),
    ("grid.py", "填写审核意见"),
    ("review_panel.py", "设定判定方向"),
    ("review_panel.py", "标记为"),
    ("review_panel.py", "填写审核意见"),
    ("review_panel.py", "设定本行容差"),
    ("table_model.py", "修改单元格"),
    ("compare_view.py", "确认同一行"),
    ("crosswalk_editor.py", "修改对照表"),
    # Review statuses are data (stored in the file); menus show them through core_word().
    ("main_window.py", "退回"),
    # Names of files the user saves: the documents are Chinese.
    ("file_commands.py", "计划文档"),
    ("file_commands.py", "（审核）.xlsx"),
    ("file_commands.py", "附件.xlsx"),
    ("file_commands.py", "（打印稿）.xlsx"),
    ("file_commands.py", "（导出）.xlsx"),
    ("file_commands.py", "（已修订）.xlsx"),
    ("user_guide.py", "使用指南.md"),
    # One Chinese character measured (never shown): how wide a column of text may shrink.
    ("window_settings.py", "国"),
    # The language menu speaks both languages at once, so the wrong one is never a trap.
    ("window_settings.py", "中文"),
    ("window_settings.py", "语言 / Language"),
    (
        "window_settings.py",
        "界面语言将在下次启动时切换。\nThe interface language changes the next time you start the app.",
    ),
    # The application's name for QSettings and the OS (one name in every language).
    ("app.py", "计划审核工作台"),
    # The crash log is written for technical support, in Chinese.
    ("crash_report.py", "计划审核工作台 崩溃报告"),
    ("crash_report.py", "时间："),
    ("crash_report.py", "版本：workbench "),
    ("crash_report.py", "系统："),
    ("crash_report.py", "程序："),
    ("crash_report.py", "（打包版）"),
    ("crash_report.py", "命令行："),
    ("crash_report.py", "线程："),
    # A pattern that reads core's year labels (2025年), not text.
    ("words.py", "^(\\d{4})年(.*)$"),
}


@dataclass(frozen=True)
class Literal:
    file: str
    line: int
    text: str  # the literal, or for an f-string its first Chinese part
    translated: bool
    context: str = ""  # where Qt looks it up: the class for self.tr, else translate()'s first


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr):
            found.add(id(node.body[0].value))
    return found


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def chinese_literals(folder: Path = UI) -> list[Literal]:
    """Every string literal with a CJK ideograph in the UI package (docstrings aside)."""
    found: list[Literal] = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        parents: dict[int, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
        for node in ast.walk(tree):
            if id(node) in docs:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if isinstance(parents.get(id(node)), ast.JoinedStr):
                    continue  # judged with its f-string
                text, is_fstring = node.value, False
            elif isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
                chinese = [p for p in parts if IDEOGRAPH.search(p)]
                if not chinese:
                    continue
                text, is_fstring = chinese[0], True
            else:
                continue
            if not IDEOGRAPH.search(text):
                continue
            parent = parents.get(id(node))
            translated = (
                not is_fstring
                and isinstance(parent, ast.Call)
                and _call_name(parent) in TRANSLATING
                and node in parent.args
            )
            context = _context(parent, parents) if translated else ""
            found.append(Literal(path.name, node.lineno, text, translated, context))
    return found


def _context(call: ast.Call, parents: dict[int, ast.AST]) -> str:
    """The translation context Qt will use: translate("ctx", …) names it; self.tr() uses the
    class the method is defined in."""
    if _call_name(call) in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) == 2:
        first = call.args[0]
        return first.value if isinstance(first, ast.Constant) else "?"
    node: ast.AST | None = call
    while node is not None:
        if isinstance(node, ast.ClassDef):
            return node.name
        node = parents.get(id(node))
    return "?"


def source_strings(folder: Path = UI) -> set[tuple[str, str]]:
    """(context, Chinese source) pairs the UI hands to the translation system."""
    return {(lit.context, lit.text) for lit in chinese_literals(folder) if lit.translated}
