"""How large the tables of an .ods content part become once their repeats are expanded.

An .ods row may say it is repeated a million times and a cell that it spans a thousand
columns; the readers expand both. The content part is followed here with expat (entities
and document type declarations refused) the way the readers count, before any reader runs.
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

from workbench import progress
from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import (
    EXCEL_ROWS,
    MAX_CELLS_IN_MEMORY,
    MAX_TOTAL_CELLS,
    too_many_cells,
)
from workbench.io.reading.sheet_reach import check_area

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class _OdsBounds:
    """Follows repeated rows and cells the way the readers expand them: empty repeats at the
    end cost nothing, anything with a value in it (or after it) counts in full."""

    def __init__(self) -> None:
        self.areas: dict[str, tuple[int, int]] = {}
        self.table = ""
        self.row = 0
        self.max_row = 0
        self.max_col = 0
        self.row_repeat = 1
        self.col = 0
        self.row_max_col = 0
        self.cell_repeat = 0
        self.cell_filled = False
        self.depth_in_cell = 0
        self.rows_seen = 0

    @staticmethod
    def _repeat(attrs: dict[str, str], name: str) -> int:
        text = attrs.get(f"{_TABLE_NS} {name}", "1")
        try:
            return max(1, min(int(text), EXCEL_ROWS * 16))
        except ValueError:
            return 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.depth_in_cell:
            self.depth_in_cell += 1
            self.cell_filled = True
            return
        if name == f"{_TABLE_NS} table":
            self.table = attrs.get(f"{_TABLE_NS} name", "") or f"表{len(self.areas) + 1}"
            self.row = self.max_row = self.max_col = 0
        elif name == f"{_TABLE_NS} table-row":
            self.rows_seen += 1
            if not self.rows_seen % 8192:
                progress.check()
            self.row_repeat = self._repeat(attrs, "number-rows-repeated")
            self.col = self.row_max_col = 0
        elif name in (f"{_TABLE_NS} table-cell", f"{_TABLE_NS} covered-table-cell"):
            self.cell_repeat = self._repeat(attrs, "number-columns-repeated")
            self.cell_filled = f"{_OFFICE_NS} value-type" in attrs
            self.depth_in_cell = 1

    def end(self, name: str) -> None:
        if self.depth_in_cell > 1:
            self.depth_in_cell -= 1
            return
        if self.depth_in_cell == 1:
            self.depth_in_cell = 0
            self.col += self.cell_repeat
            if self.cell_filled:
                self.row_max_col = self.col
            return
        if name == f"{_TABLE_NS} table-row":
            self.row += self.row_repeat
            if self.row_max_col:
                self.max_row = self.row
                self.max_col = max(self.max_col, self.row_max_col)
        elif name == f"{_TABLE_NS} table":
            self.areas[self.table] = (self.max_row, self.max_col)


def cell_elements(data: bytes) -> int:
    """At least how many cell elements a content part holds, by one byte count (C speed):
    each table-cell or covered-table-cell element names "table-cell" once (<x/>) or twice
    (start and end tag), whatever its namespace prefix."""
    return data.count(b"table-cell") // 2


def scan_ods_content(
    data: bytes, path: Path, file_bytes: int | None = None
) -> dict[str, tuple[int, int]]:
    """The area each table of an .ods content part would take once its repeats are expanded.

    The walk calls back into Python for every element (a content part near the part limit
    took 7-18 s), so its size is bounded first: a part with more cell elements than the
    memory bound lets a read hold is refused by a byte count, before the walk. The count
    cannot bound the area (repeats); the walk does, and checks for 取消 every 8,192 rows."""
    elements = cell_elements(data)
    if elements > MAX_CELLS_IN_MEMORY:
        raise FileProblem(
            too_many_cells(elements, file_bytes or len(data), MAX_CELLS_IN_MEMORY), path
        )
    bounds = _OdsBounds()
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse_dtd(*_args) -> None:
        raise FileProblem("文件含有 XML 实体或文档类型定义（疑似 XML 炸弹），拒绝打开", path)

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = bounds.start
    parser.EndElementHandler = bounds.end
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, LookupError, ValueError, UnicodeError) as exc:
        raise FileProblem(f"文件内部的 XML 已损坏（content.xml：{exc}）", path) from None
    total = 0
    for name, (rows, cols) in bounds.areas.items():
        check_area(path, f"工作表“{name}”", rows, cols)
        total += rows * cols
    if total > MAX_TOTAL_CELLS:
        raise FileProblem(
            f"各工作表合计约 {total / 10000:.0f} 万个单元格，超过上限 {MAX_TOTAL_CELLS // 10000} 万，拒绝打开",
            path,
        )
    return bounds.areas
