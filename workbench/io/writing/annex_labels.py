"""Every data sheet carries its 附件 label, written the way the department writes it."""

from __future__ import annotations

import re

from workbench.core.columns import ordinal
from workbench.core.document import PlanDocument

_CN = "一二三四五六七八九十"
_LABEL = re.compile(r"^(附\s*件|附表)\s*([（(]?)\s*([一二三四五六七八九十]+|\d+)\s*([)）]?)\s*$")


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN.index(tens) + 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(text) + 1


def annex_labels(doc: PlanDocument) -> dict[str, str]:
    """Every table's 附件 label: the department's as it wrote it, the rest numbered on in the
    same style (附件（一）, 附件（二） → 附件（三）; 附件3 → 附件4)."""
    labels: dict[str, str] = {}
    style = ("附件", "（", True, "）")  # word, open bracket, Chinese numeral, close bracket
    highest = 0
    for table in doc.tables.values():
        label = table.meta.annex_label.strip()
        if not label:
            continue
        labels[table.id] = label
        m = _LABEL.match(label)
        if m:
            word, opening, number, closing = m.groups()
            style = (word, opening, not number.isdigit(), closing)
            highest = max(highest, _cn_number(number))
    word, opening, chinese, closing = style
    for table in doc.tables.values():
        if table.id in labels:
            continue
        highest += 1
        number = ordinal(highest) if chinese else str(highest)
        labels[table.id] = f"{word}{opening}{number}{closing}"
    return labels
