"""Text typed or pasted into a cell → the value its column holds, or a reason it cannot.

The grid and paste both go through here, so "8.3%", "８．３", "12,500" and "约束" mean the same
whether typed or pasted from Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.numbers import normalise_text, parse_number
from workbench.core.schema import Field, FieldType

# Short forms people type for the choices of a column.
_SYNONYMS = {
    "约束": "约束性",
    "预期": "预期性",
    "政府": "政府投资",
    "财政": "政府投资",
    "企业": "企业投资",
    "社会": "企业投资",
    "新建": "新开工",
    "开工": "新开工",
    "在建": "续建",
    "完工": "竣工",
    "建成": "竣工",
    "higher": "higher",
    "越高越好": "higher",
    "越低越好": "lower",
    "区间": "band",
}


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
        if raw in spec.choices:
            return CellInput(raw)
        for short, full in _SYNONYMS.items():
            if short in raw and full in spec.choices:
                return CellInput(full)
        return CellInput(None, f"“{spec.label}”应为 {'/'.join(spec.choices)} 之一")
    return CellInput(text.strip())
