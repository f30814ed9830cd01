"""Text typed or pasted into a cell → the value its column holds, or a reason it cannot.

The grid and paste both go through here, so "8.3%", "８．３", "12,500" and "约束" mean the same
whether typed or pasted from Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.choices import choose
from workbench.core.numbers import normalise_text, parse_number
from workbench.core.schema import Field, FieldType


@dataclass(frozen=True)
class CellInput:
    value: Any
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_cell(spec: Field, text: Any) -> CellInput:
    if text is None:
        return CellInput(None)
    if not isinstance(text, str):
        text = str(text)
    raw = normalise_text(text)
    if raw == "":
        return CellInput(None)
    if spec.type in (FieldType.NUMBER, FieldType.INTEGER):
        parsed = parse_number(raw)
        if parsed.error:
            return CellInput(None, f"“{spec.label}”需要数值：{parsed.error}")
        if parsed.value is None:
            return CellInput(None)
        if spec.type is FieldType.INTEGER:
            if not float(parsed.value).is_integer():
                return CellInput(None, f"“{spec.label}”需要整数，而不是 {raw}")
            return CellInput(int(parsed.value))
        return CellInput(parsed.value)
    if spec.type is FieldType.CHOICE:
        chosen = choose(spec.key, raw, spec.choices)  # the words an annex may use, too
        if chosen is not None:
            return CellInput(chosen)
        return CellInput(None, f"“{spec.label}”应为 {'/'.join(spec.choices)} 之一")
    return CellInput(text.strip())
