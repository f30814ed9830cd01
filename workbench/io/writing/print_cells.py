"""How one cell of an annex sheet is printed: XlsxWriter formats per style and review mark,
the cell writer that keeps text as text, header merges that survive constant_memory mode,
sheet names Excel accepts and the page setup. The print layout (print_layout.py) draws with
these."""

from __future__ import annotations

import math
from typing import Any

from workbench.core.review import DOUBTFUL, RETURNED
from workbench.core.vocab import (
    ADDED_FILL,
    CHANGED_FILL,
    DISAGREE_FILL,
    HEADER_FILL,
    PRINT_DERIVED_TEXT,
    REVIEW_ROW_FILLS,
)

NUMBER_FORMATS = {"number": "General", "money": "#,##0.00", "rate": "0.0", "integer": "0"}
# Review marks: a changed cell, rows a reviewer has doubts about or sent back, added rows.
VARIANT_FILLS = {
    "changed": CHANGED_FILL,
    "doubtful": REVIEW_ROW_FILLS[DOUBTFUL],
    "returned": REVIEW_ROW_FILLS[RETURNED],
    "disagree": DISAGREE_FILL,  # a stated figure ≠ its rows: the grid's colour for the same
    "added": ADDED_FILL,
}
LEGEND = (
    ("changed", "已修改（批注为原值）"),
    ("doubtful", DOUBTFUL),
    ("returned", RETURNED),
    ("disagree", "与明细不符"),
    ("added", "新增行"),
)
MISSING = "—"
MAX_CELL = 32767  # characters Excel keeps in one cell
TOO_LONG = "……（超过单元格上限 32767 字，全文保存在工作台文档中）"
BODY_SIZE = 10.5
# Padding inside the ruled cells: one indent level keeps left text and right-aligned figures
# off the vertical rules ("117.6 | 铜梁区人民政府", never "117.6铜梁区人民政府"); a level
# is about one digit wide, which a text column's wrapping allows for (print_plan.text_room).
CELL_PAD = 1
TEXT_PAD = 1.0  # the same, in column-width units


class Formats:
    """XlsxWriter formats, made once per workbook; cell formats per (style, mark, decimals).

    `clean=True` is the print copy that goes out: no fills."""

    def __init__(
        self, workbook, title_font: str = "黑体", body_font: str = "宋体", clean: bool = False
    ) -> None:
        self._workbook = workbook
        self._body_font = body_font
        self.clean = clean
        self.title = self._make(
            font_name=title_font, font_size=16, bold=True, align="center", valign="vcenter"
        )
        self.label = self._make(font_name=title_font, font_size=12)
        self.unit = self._make(font_name=body_font, font_size=BODY_SIZE, align="right")
        self.header = self._make(
            font_name=title_font,
            font_size=BODY_SIZE,
            bold=True,
            align="center",
            valign="vcenter",
            border=1,
            text_wrap=True,
            **({} if clean else {"bg_color": HEADER_FILL}),
        )
        self.category = self._make(
            **self._border(), bold=True, text_wrap=True, align="left", indent=CELL_PAD
        )
        self.note = self._make(font_name=body_font, font_size=9, text_wrap=True, valign="top")
        self.plain_header = self.header
        self.plain = self._make(**self._border(), text_wrap=True)
        self.plain_center = self._make(**self._border(), text_wrap=True, align="center")
        self._cells: dict[tuple, Any] = {}

    def _make(self, **kw):
        return self._workbook.add_format(kw)

    def _border(self) -> dict[str, Any]:
        return {
            "border": 1,
            "valign": "vcenter",
            "font_name": self._body_font,
            "font_size": BODY_SIZE,
        }

    def cell(
        self,
        style: str,
        variant: str | None = None,
        decimals: int | None = None,
        derived: bool = False,
        bold: bool = False,
        indent: bool = False,
    ):
        if self.clean:
            variant = None
        key = (style, variant, decimals, derived, bold, indent)
        fmt = self._cells.get(key)
        if fmt is None:
            props: dict[str, Any] = self._border()
            if style == "text":
                props.update(text_wrap=True, align="left", indent=CELL_PAD)
            elif style in ("center", "missing"):
                props.update(align="center", text_wrap=True)
            else:
                number = NUMBER_FORMATS[style]
                if decimals is not None and style in ("number", "rate"):
                    number = "0" if decimals == 0 else "0." + "0" * decimals
                props.update(num_format=number, align="right", indent=CELL_PAD)
            if variant:
                props["bg_color"] = VARIANT_FILLS[variant]
            if derived:
                props.update(italic=True, font_color=PRINT_DERIVED_TEXT)
            if bold:
                props["bold"] = True
            if indent:  # a sub-item (其中：…) sits two levels in from its parent
                props.update(align="left", indent=CELL_PAD + 2)
            fmt = self._cells[key] = self._make(**props)
        return fmt

    def legend(self, variant: str):
        return self.cell("center", variant)


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def safe_sheet_name(name: str, used: set[str]) -> str:
    """A name Excel accepts (≤31 characters, no []:*?/\\, unique ignoring case)."""
    base = (name or "Sheet").translate(_BAD_SHEET_CHARS).strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.lower())
    return candidate


def page_setup(sheet, footer: str = "") -> None:
    """A4 landscape, one page wide, page numbers counted per sheet. The footer names the table
    as the reader knows it (附件（三） and its title), not the workbook's sheet name."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    sheet.set_start_page(1)
    # "共 &N 页" would count the pages of the whole workbook in some spreadsheets.
    left = "&A" if not footer else footer_text(footer)
    sheet.set_footer(f"&L{left}&C第 &P 页")


def footer_text(text: str, limit: int = 100) -> str:
    """Text as a header/footer section shows it: & doubled (a lone & starts a code), one line,
    short enough for Excel's 255-character limit on the whole footer."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return one_line.replace("&", "&&")


def register_merge(
    sheet, first_row: int, first_col: int, last_row: int, last_col: int, text: str, fmt
) -> None:
    """Merge a header range whose cells are already written.

    In constant_memory mode XlsxWriter refuses merge_range() on a row it has flushed, and a
    vertical header merge flushes its first row as soon as it touches the second. The cells
    are written in order by the caller, so only the range itself is left to record: it goes
    in the worksheet's list of merges, which XlsxWriter writes out when the sheet closes.
    """
    if sheet.merge_range(first_row, first_col, last_row, last_col, text, fmt) == 0:
        return
    merges = getattr(sheet, "merge", None)
    if isinstance(merges, list):
        merges.append([first_row, first_col, last_row, last_col])


def cell_sized(text: str) -> list[str]:
    """Text cut into pieces a cell can hold (all of it, in order)."""
    if len(text) <= MAX_CELL:
        return [text]
    return [text[i : i + MAX_CELL] for i in range(0, len(text), MAX_CELL)]


def write_cell(sheet, row: int, col: int, value: Any, fmt) -> None:
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            sheet.write_string(row, col, MISSING, fmt)
        else:
            sheet.write_number(row, col, value, fmt)
    else:
        text = str(value)
        if len(text) > MAX_CELL:  # Excel cuts a cell at 32,767 characters: say so in it
            text = text[: MAX_CELL - len(TOO_LONG)] + TOO_LONG
        # write_string, never write(): text such as "=1+1" or "-2%" stays text.
        sheet.write_string(row, col, text, fmt)
