"""Text core writes for a person, kept as a template with its parameters so that a display
layer can say it in another language — without core knowing about languages or Qt.

A Message *is* its Chinese text (a str subclass): files, JSON, the command line and every
comparison see exactly the words they saw before. A display layer that speaks another
language calls `render(translate)` with a function from a Chinese template to its
translation (the window hands Qt's translator, context "core"; workbench.i18n has a Qt-free
twin); arguments that are themselves Messages are rendered the same way, so a status word
inside a reason is translated too, while names, targets and figures stay as written.

Moving a message over is local: `f"{a} 完成"` becomes `Message("{a} 完成", a=a)`.
resources/translations/update.py finds every `Message("…")` with a literal template in core,
charts and io, so a new template arrives in the translation files as unfinished work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Message(str):
    """Chinese text that remembers `template` and `args` (see the module docstring)."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Message:
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = args
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        """Pickled and copied as template and arguments (a child process hands findings back)."""
        return (self.template,), self.args

    def render(self, translate: Callable[[str], str]) -> str:
        """The text in the language `translate` speaks; the Chinese text when the
        translation does not fit the arguments (a placeholder mistyped in a .ts file)."""
        args = {
            name: value.render(translate) if isinstance(value, Message) else value
            for name, value in self.args.items()
        }
        try:
            return translate(self.template).format(**args) if args else translate(self.template)
        except (KeyError, IndexError, ValueError):
            return str(self)


def rendered(text: Any, translate: Callable[[str], str]) -> Any:
    """`text` in another language when it is a Message; anything else as it is."""
    return text.render(translate) if isinstance(text, Message) else text


def word(text: str) -> Message:
    """One word of core's vocabularies (a status, a column title) as a Message argument, so
    it is translated with the sentence around it; the translation files list these words from
    the vocabularies themselves (update.py core_words), not from this call."""
    return Message(str(text))
