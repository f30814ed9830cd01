"""One worksheet's XML located by offset, never re-serialised: its rows and cells, what a
cell shows, and the `<c>` element that replaces a corrected cell.

Write-back patches a department's workbook in place; parsing the sheet into a tree and
writing it out again would change every byte. So the rows and cells are found by their
offsets, and only the corrected `<c>` elements are replaced (package_patch).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Any

from workbench.io.reading.sheet_reach import column_index

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class PackageError(Exception):
    """The package is not an xlsx we can patch (missing part, unreadable XML)."""


@dataclass
class CellInfo:
    row: int  # 1-based
    col: int  # 1-based
    start: int  # offsets of the whole <c> element in the sheet XML
    end: int
    attrs: str
    inner: str

    @property
    def formula(self) -> str | None:
        match = _F_RE.search(self.inner)
        if match is None:
            return None
        return html.unescape(match.group(2) or "")

    @property
    def formula_attrs(self) -> str:
        match = _F_RE.search(self.inner)
        return match.group(1) if match else ""

    def attr(self, name: str) -> str | None:
        match = re.search(rf'\b{name}="([^"]*)"', self.attrs)
        return match.group(1) if match else None

    @property
    def cached(self) -> str | None:
        match = VALUE_RE.search(self.inner)
        return html.unescape(match.group(1)) if match and match.group(1) is not None else None


@dataclass
class RowInfo:
    row: int
    start: int
    end: int
    attrs: str
    inner_start: int | None  # None: a self-closing <row/>
    cells: list[CellInfo] = field(default_factory=list)


_F_RE = re.compile(r"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
VALUE_RE = re.compile(r"<(?:\w+:)?v(?:\s*/>|>(.*?)</(?:\w+:)?v>)", re.S)
_T_RE = re.compile(r"<(?:\w+:)?t(?:\s[^>]*)?>(.*?)</(?:\w+:)?t>", re.S)
_RPH_RE = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)


class SheetXml:
    """One worksheet's XML with its rows and cells located by offset (never re-serialised)."""

    def __init__(self, text: str) -> None:
        self.text = text
        head = re.search(r"<(\w+:)?sheetData\b[^>]*?(/?)>", text)
        if head is None:
            raise PackageError("工作表中没有 sheetData")
        self.prefix = head.group(1) or ""
        p = re.escape(self.prefix)
        self.data_self_closing = head.group(2) == "/"
        self.data_start = head.start()
        self.data_inner = head.end()
        if self.data_self_closing:
            self.data_end = head.end()
        else:
            close = text.find(f"</{self.prefix}sheetData>", head.end())
            if close < 0:
                raise PackageError("工作表的 sheetData 没有结束")
            self.data_end = close
        self.rows: dict[int, RowInfo] = {}
        self.order: list[int] = []
        row_re = re.compile(rf"<{p}row\b([^>]*?)(/>|>)")
        cell_re = re.compile(rf"<{p}c\b([^>]*?)(/>|>(.*?)</{p}c>)", re.S)
        pos, last_row = self.data_inner, 0
        while pos < self.data_end:
            m = row_re.search(text, pos, self.data_end)
            if m is None:
                break
            r_attr = re.search(r'\br="(\d+)"', m.group(1))
            number = int(r_attr.group(1)) if r_attr else last_row + 1
            last_row = number
            if m.group(2) == "/>":
                info = RowInfo(number, m.start(), m.end(), m.group(1), None)
                pos = m.end()
            else:
                close = text.find(f"</{self.prefix}row>", m.end())
                info = RowInfo(
                    number, m.start(), close + len(f"</{self.prefix}row>"), m.group(1), m.end()
                )
                col = 0
                for c in cell_re.finditer(text, m.end(), close):
                    ref = re.search(r'\br="([A-Za-z]+)(\d+)"', c.group(1))
                    col = column_index(ref.group(1).upper()) if ref else col + 1
                    info.cells.append(
                        CellInfo(number, col, c.start(), c.end(), c.group(1), c.group(3) or "")
                    )
                pos = info.end
            self.rows[number] = info
            self.order.append(number)

    def cell(self, row: int, col: int) -> CellInfo | None:
        info = self.rows.get(row)
        if info is None:
            return None
        for cell in info.cells:
            if cell.col == col:
                return cell
        return None

    def formulas(self) -> list[CellInfo]:
        return [
            c
            for r in self.order
            for c in self.rows[r].cells
            if "<" in c.inner and _F_RE.search(c.inner)
        ]


def cell_value(cell: CellInfo | None, shared: list[str]) -> Any:
    """What the cell shows: a number, text, a boolean or None (errors as their text)."""
    if cell is None:
        return None
    kind = cell.attr("t") or "n"
    if kind == "inlineStr":
        body = _RPH_RE.sub("", cell.inner)
        return "".join(html.unescape(t) for t in _T_RE.findall(body))
    raw = cell.cached
    if raw is None:
        return None
    if kind == "s":
        try:
            return shared[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind in ("str", "e"):
        return raw
    if kind == "b":
        return raw.strip() == "1"
    try:
        number = float(raw)
    except ValueError:
        return raw
    return (
        int(number) if number.is_integer() and "." not in raw and "E" not in raw.upper() else number
    )


def number_text(value: float) -> str:
    """How a number goes into `<v>`: the shortest text that reads back as the same double."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def escape_text(text: str) -> str:
    return html.escape(_ILLEGAL_XML.sub("", text), quote=False)


def cell_xml(prefix: str, attrs: str, value: Any) -> str:
    """A `<c>` keeping its reference and style, with a new value (inline text, no shared
    strings part to renumber)."""
    kept = re.sub(r'\s+\b(t|cm|vm|ph)="[^"]*"', "", attrs)
    if value is None or value == "":
        return f"<{prefix}c{kept}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise PackageError("数值不是有限数")
        return f"<{prefix}c{kept}><{prefix}v>{number_text(value)}</{prefix}v></{prefix}c>"
    text = escape_text(str(value))
    return (
        f'<{prefix}c{kept} t="inlineStr"><{prefix}is><{prefix}t xml:space="preserve">{text}'
        f"</{prefix}t></{prefix}is></{prefix}c>"
    )
