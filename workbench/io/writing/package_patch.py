"""Change a few cells inside an xlsx package and copy every other byte as it was.

Loading a department's workbook into a spreadsheet library and saving it again rewrites every
part: formulas lose their cached values (a total reads blank in any tool that does not
recalculate), and whatever the library does not model (charts, some validations, extension
lists) is dropped. Write-back therefore edits the package itself: only the `<c>` elements of
corrected cells are replaced, in the sheets that hold them, and every other zip member is
copied byte for byte. Formula cells that depend on a corrected cell get a new cached value when
the formula is a plain sum (SUM over ranges, + and -); for anything else the workbook is asked
to recalculate on open (`fullCalcOnLoad`) and the cell is reported, so it can be listed.
"""

from __future__ import annotations

import html
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from workbench.io.reading.package import (
    rels_part,
    safe_member_name,
    sheet_parts,
    workbook_part,
)
from workbench.io.reading.sheet_reach import column_index

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
WORKSHEET_TYPE = REL_NS + "/worksheet"
WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
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
        match = _V_RE.search(self.inner)
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
_V_RE = re.compile(r"<(?:\w+:)?v(?:\s*/>|>(.*?)</(?:\w+:)?v>)", re.S)
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


def _escape(text: str) -> str:
    return html.escape(_ILLEGAL_XML.sub("", text), quote=False)


def _cell_xml(prefix: str, attrs: str, value: Any) -> str:
    """A `<c>` keeping its reference and style, with a new value (inline text, no shared
    strings part to renumber)."""
    kept = re.sub(r'\s+\b(t|cm|vm|ph)="[^"]*"', "", attrs)
    if value is None or value == "":
        return f"<{prefix}c{kept}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise PackageError("数值不是有限数")
        return f"<{prefix}c{kept}><{prefix}v>{number_text(value)}</{prefix}v></{prefix}c>"
    text = _escape(str(value))
    return (
        f'<{prefix}c{kept} t="inlineStr"><{prefix}is><{prefix}t xml:space="preserve">{text}'
        f"</{prefix}t></{prefix}is></{prefix}c>"
    )


# ---- simple formulas --------------------------------------------------------------------------
_TOKEN = re.compile(
    r"\s*(?:(?P<range>\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)|(?P<ref>\$?[A-Z]{1,3}\$?\d+)"
    r"|(?P<sum>SUM\()|(?P<num>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?)|(?P<op>[-+*/(),]))"
)
_REF_ANY = re.compile(
    r"(?<![A-Za-z_!.'\]])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\w(!])"
)


class NotSimple(Exception):
    pass


def _tokens(formula: str) -> list[tuple[str, str]]:
    out, pos, text = [], 0, formula.strip().lstrip("=").upper()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise NotSimple(formula)
        out.append((m.lastgroup or "", m.group(m.lastgroup or 0).strip()))
        pos = m.end()
    return out


def _rc(ref: str) -> tuple[int, int]:
    row, col = xl_cell_to_rowcol(ref.replace("$", ""))
    return row + 1, col + 1


def references(formula: str) -> list[tuple[int, int, int, int]]:
    """Same-sheet references of any formula as (row1, col1, row2, col2), 1-based."""
    out = []
    for first, last in _REF_ANY.findall(formula.upper()):
        r1, c1 = _rc(first)
        r2, c2 = _rc(last) if last else (r1, c1)
        out.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return out


def evaluate(formula: str, value_at) -> float:
    """Evaluate + - * / ( ) numbers, cell references and SUM(refs, ranges); NotSimple else."""
    tokens = _tokens(formula)
    pos = 0

    def peek() -> tuple[str, str] | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal pos
        if pos >= len(tokens):
            raise NotSimple(formula)
        pos += 1
        return tokens[pos - 1]

    def number(ref: str, in_sum: bool) -> float:
        value = value_at(*_rc(ref))
        if value is None:
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if in_sum:
                return 0.0
            raise NotSimple(formula)
        return float(value)

    def expr() -> float:
        value = term()
        while peek() and peek()[1] in "+-" and peek()[0] == "op":
            op = take()[1]
            value = value + term() if op == "+" else value - term()
        return value

    def term() -> float:
        value = unary()
        while peek() and peek()[0] == "op" and peek()[1] in "*/":
            op = take()[1]
            right = unary()
            if op == "/" and right == 0:
                raise NotSimple(formula)
            value = value * right if op == "*" else value / right
        return value

    def unary() -> float:
        if peek() and peek() == ("op", "-"):
            take()
            return -unary()
        if peek() and peek() == ("op", "+"):
            take()
        return atom()

    def atom() -> float:
        kind, text = take()
        if kind == "num":
            return float(text)
        if kind == "ref":
            return number(text, False)
        if kind == "op" and text == "(":
            value = expr()
            if take() != ("op", ")"):
                raise NotSimple(formula)
            return value
        if kind == "sum":
            total = 0.0
            while True:
                kind, text = take()
                if kind == "range":
                    a, b = text.split(":")
                    r1, c1 = _rc(a)
                    r2, c2 = _rc(b)
                    if (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1) > 1_000_000:
                        raise NotSimple(formula)
                    for r in range(min(r1, r2), max(r1, r2) + 1):
                        for c in range(min(c1, c2), max(c1, c2) + 1):
                            v = value_at(r, c)
                            if isinstance(v, (int, float)) and not isinstance(v, bool):
                                total += v
                elif kind == "ref":
                    total += number(text, True)
                elif kind == "num":
                    total += float(text)
                else:
                    raise NotSimple(formula)
                sep = take()
                if sep == ("op", ")"):
                    return total
                if sep != ("op", ","):
                    raise NotSimple(formula)
        raise NotSimple(formula)

    result = expr()
    if pos != len(tokens):
        raise NotSimple(formula)
    return result


def _shift_formula(formula: str, d_row: int, d_col: int) -> str:
    """A shared formula's text as seen from another cell: relative references move."""

    def move(m: re.Match) -> str:
        ref = m.group(0)
        parts = re.match(r"(\$?)([A-Z]{1,3})(\$?)(\d+)", ref)
        col_abs, letters, row_abs, digits = parts.groups()
        col = column_index(letters.upper()) + (0 if col_abs else d_col)
        row = int(digits) + (0 if row_abs else d_row)
        if col < 1 or row < 1:
            raise NotSimple(formula)
        text = xl_rowcol_to_cell(row - 1, col - 1)
        letters_new = re.match(r"[A-Z]+", text).group(0)
        return f"{col_abs}{letters_new}{row_abs}{row}"

    return re.sub(r"(?<![A-Za-z_!.'\]])\$?[A-Z]{1,3}\$?\d+(?![\w(!])", move, formula.upper())


# ---- the package --------------------------------------------------------------------------
@dataclass
class Recomputed:
    sheet: str
    ref: str
    formula: str
    old: Any
    new: float | None  # None: left for the spreadsheet to recalculate on open


@dataclass
class PatchResult:
    old_values: dict[tuple[str, int, int], Any]  # what each patched cell showed before
    formula_cells: list[tuple[str, int, int]]  # asked to patch a formula: left alone
    recomputed: list[Recomputed]
    patched_parts: list[str]


class Package:
    """An xlsx opened for patching: sheet names → parts, shared strings on demand. `source`
    is the checked bytes (a file object over them), so the patch reads what the limits
    passed; member names that climb out of the package (../, /, C:) are refused, never
    copied into the output."""

    def __init__(self, source) -> None:
        try:
            self.zip = zipfile.ZipFile(source)
            self.names = self.zip.namelist()
            unsafe = next((n for n in self.names if not safe_member_name(n)), None)
            if unsafe is not None:
                raise PackageError(f"原表中有不安全的部件名“{unsafe[:80]}”，疑似被改动过")
            self.workbook_part = workbook_part(self.zip)
            self.workbook_xml = self.zip.read(self.workbook_part).decode("utf-8")
            self.sheets = sheet_parts(self.zip, self.workbook_part)
        except (zipfile.BadZipFile, KeyError, ET.ParseError, UnicodeDecodeError) as exc:
            raise PackageError(f"不是可写回的 xlsx 文件（{exc}）") from None
        except DefusedXmlException:
            raise PackageError("原表含有 XML 实体定义（疑似 XML 炸弹）") from None
        self._shared: list[str] | None = None

    def close(self) -> None:
        self.zip.close()

    def rels_part(self, part: str) -> str:
        return rels_part(part)

    @property
    def shared_strings(self) -> list[str]:
        if self._shared is None:
            self._shared = []
            part = next((n for n in self.names if n.lower().endswith("sharedstrings.xml")), None)
            if part:
                root = ET.fromstring(self.zip.read(part))
                for si in root.iter(f"{{{MAIN_NS}}}si"):
                    texts = [
                        t.text or ""
                        for t in si.iter(f"{{{MAIN_NS}}}t")
                        if not _inside_phonetic(si, t)
                    ]
                    self._shared.append("".join(texts))
        return self._shared

    def sheet_xml(self, name: str) -> SheetXml:
        return SheetXml(self.zip.read(self.sheets[name]).decode("utf-8"))


def _inside_phonetic(si, t) -> bool:
    for rph in si.iter(f"{{{MAIN_NS}}}rPh"):
        if any(child is t for child in rph.iter()):
            return True
    return False


def _apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _patch_sheet(
    sheet: SheetXml, writes: dict[tuple[int, int], Any], recomputed: dict[tuple[int, int], float]
) -> str:
    p = sheet.prefix
    edits: list[tuple[int, int, str]] = []
    new_rows: dict[int, list[str]] = {}
    for (row, col), value in sorted(writes.items()):
        ref = xl_rowcol_to_cell(row - 1, col - 1)
        cell = sheet.cell(row, col)
        if cell is not None:
            edits.append((cell.start, cell.end, _cell_xml(p, cell.attrs, value)))
            continue
        xml = _cell_xml(p, f' r="{ref}"', value)
        info = sheet.rows.get(row)
        if info is None:
            new_rows.setdefault(row, []).append(xml)
        elif info.inner_start is None:
            edits.append((info.start, info.end, f"<{p}row{info.attrs}>{xml}</{p}row>"))
        else:
            after = next((c for c in info.cells if c.col > col), None)
            at = after.start if after else info.end - len(f"</{p}row>")
            edits.append((at, at, xml))
    for (row, col), value in recomputed.items():
        cell = sheet.cell(row, col)
        v = f"<{p}v>{number_text(value)}</{p}v>"
        inner = cell.inner
        match = _V_RE.search(inner)
        inner = inner[: match.start()] + v + inner[match.end() :] if match else inner + v
        attrs = re.sub(r'\s+\bt="[^"]*"', "", cell.attrs)
        edits.append((cell.start, cell.end, f"<{p}c{attrs}>{inner}</{p}c>"))
    for row, cells in new_rows.items():
        xml = f'<{p}row r="{row}">{"".join(cells)}</{p}row>'
        after = next((r for r in sheet.order if r > row), None)
        if sheet.data_self_closing:
            edits.append((sheet.data_start, sheet.data_end, f"<{p}sheetData>{xml}</{p}sheetData>"))
        else:
            at = sheet.rows[after].start if after else sheet.data_end
            edits.append((at, at, xml))
    return _apply_edits(sheet.text, edits)


def _decimals(value: Any) -> int:
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
        if "e" in text or "E" in text:
            return 10
        return len(text.split(".")[1])
    return 0


def _recompute(
    sheet_name: str, sheet: SheetXml, writes: dict[tuple[int, int], Any], shared: list[str]
) -> tuple[dict[tuple[int, int], float], list[Recomputed]]:
    """New cached values for plain-sum formulas that depend on written cells."""
    formulas = sheet.formulas()
    if not formulas:
        return {}, []
    masters: dict[str, tuple[int, int, str]] = {}
    texts: dict[tuple[int, int], str] = {}
    for cell in formulas:
        attrs, text = cell.formula_attrs, cell.formula or ""
        si = re.search(r'\bsi="(\d+)"', attrs)
        if 't="shared"' in attrs and si and text:
            masters[si.group(1)] = (cell.row, cell.col, text)
    for cell in formulas:
        attrs, text = cell.formula_attrs, cell.formula or ""
        si = re.search(r'\bsi="(\d+)"', attrs)
        if not text and 't="shared"' in attrs and si and si.group(1) in masters:
            r0, c0, master = masters[si.group(1)]
            try:
                text = _shift_formula(master, cell.row - r0, cell.col - c0)
            except NotSimple:
                text = "#SHARED"
        texts[(cell.row, cell.col)] = text
    by_pos = {(c.row, c.col): c for c in formulas}
    changed = set(writes)
    dependent: set[tuple[int, int]] = set()
    refs = {pos: references(text) for pos, text in texts.items()}
    grew = True
    while grew:
        grew = False
        hot = changed | dependent
        for pos, ranges in refs.items():
            if pos in dependent:
                continue
            if any(r1 <= r <= r2 and c1 <= c <= c2 for (r, c) in hot for r1, c1, r2, c2 in ranges):
                dependent.add(pos)
                grew = True
    values: dict[tuple[int, int], Any] = {}

    def value_at(r: int, c: int) -> Any:
        if (r, c) in writes:
            return writes[(r, c)]
        if (r, c) in values:
            return values[(r, c)]
        if (r, c) in dependent:
            raise _Pending()
        return cell_value(sheet.cell(r, c), shared)

    results: dict[tuple[int, int], float] = {}
    report: list[Recomputed] = []
    pending = sorted(dependent)
    unsolved: set[tuple[int, int]] = set()
    for _ in range(len(pending) + 1):
        progress = False
        for pos in list(pending):
            try:
                value = evaluate(texts[pos], value_at)
            except _Pending:
                continue
            except (NotSimple, ValueError, ZeroDivisionError, IndexError):
                unsolved.add(pos)
                pending.remove(pos)
                values[pos] = None
                progress = True
                continue
            inputs = [v for v in writes.values() if isinstance(v, (int, float))]
            digits = max(
                [_decimals(v) for v in inputs] + [_decimals(cell_value(by_pos[pos], shared)), 0]
            )
            value = round(value, min(digits + 2, 10))
            values[pos] = results[pos] = value
            pending.remove(pos)
            progress = True
        if not pending or not progress:
            break
    unsolved |= set(pending)
    # A formula that uses an unsolved one is unsolved too: its new value is not known.
    for pos in sorted(results):
        if any(
            r1 <= r <= r2 and c1 <= c <= c2 for (r, c) in unsolved for r1, c1, r2, c2 in refs[pos]
        ):
            unsolved.add(pos)
            del results[pos]
    for pos in sorted(dependent):
        old = cell_value(by_pos[pos], shared)
        ref = xl_rowcol_to_cell(pos[0] - 1, pos[1] - 1)
        report.append(Recomputed(sheet_name, ref, "=" + texts[pos], old, results.get(pos)))
    return results, report


class _Pending(Exception):
    pass


def _cross_sheet_dependents(package: Package, patched: set[str]) -> list[Recomputed]:
    """Formulas on other sheets that name a patched sheet: left to recalculation on open."""
    out = []
    for name, part in package.sheets.items():
        if name in patched or part not in package.names:
            continue
        raw = package.zip.read(part)
        if b"<f" not in raw and b":f" not in raw:
            continue
        sheet = SheetXml(raw.decode("utf-8"))
        for cell in sheet.formulas():
            text = cell.formula or ""
            if any(f"{s}!" in text or f"'{s}'!" in text for s in patched):
                ref = xl_rowcol_to_cell(cell.row - 1, cell.col - 1)
                out.append(
                    Recomputed(
                        name, ref, "=" + text, cell_value(cell, package.shared_strings), None
                    )
                )
    return out


def _full_calc_on_load(workbook_xml: str) -> str:
    m = re.search(r"<(\w+:)?calcPr\b([^>]*?)(/?)>", workbook_xml)
    if m:
        attrs = re.sub(r'\s+fullCalcOnLoad="[^"]*"', "", m.group(2))
        tag = f'<{m.group(1) or ""}calcPr{attrs} fullCalcOnLoad="1"{m.group(3)}>'
        return workbook_xml[: m.start()] + tag + workbook_xml[m.end() :]
    prefix = re.search(r"<(\w+:)?sheets\b", workbook_xml).group(1) or ""
    later = re.search(
        rf"<{re.escape(prefix)}(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|"
        rf"webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|</{re.escape(prefix)}workbook>",
        workbook_xml,
    )
    tag = f'<{prefix}calcPr fullCalcOnLoad="1"/>'
    return workbook_xml[: later.start()] + tag + workbook_xml[later.start() :]


@dataclass
class NewSheet:
    """A sheet to add (修订记录): rows of values, column widths, row heights, a bold header."""

    name: str
    rows: list[list[Any]]
    widths: list[float]
    heights: list[float | None]
    header_rows: int = 1
    title_row: bool = False  # the first row is a title merged across the columns
    footer: str = "&L&A&C第 &P 页"


def _add_styles(styles: str) -> tuple[str, int, int, int]:
    """Append a wrapped bordered body style and a bold header style; existing indices stay."""

    def append(tag: str, child: str, xml: str, text: str) -> tuple[str, int]:
        m = re.search(rf"<(\w+:)?{tag}\b([^>]*?)(/?)>", text)
        if m is None:
            raise PackageError(f"styles.xml 中没有 {tag}")
        prefix = m.group(1) or ""
        xml = xml.replace("<", f"<{prefix}").replace(f"<{prefix}/", f"</{prefix}")
        if m.group(3) == "/":
            count = 0
            new = f"<{prefix}{tag}{m.group(2)}>{xml}</{prefix}{tag}>"
            text = text[: m.start()] + new + text[m.end() :]
        else:
            close = text.find(f"</{prefix}{tag}>", m.end())
            count = len(re.findall(rf"<{re.escape(prefix)}{child}\b", text[m.end() : close]))
            text = text[:close] + xml + text[close:]
        head = re.search(rf"<(\w+:)?{tag}\b([^>]*?)(/?)>", text)
        attrs = re.sub(r'\s+count="\d+"', "", head.group(2)) + f' count="{count + 1}"'
        text = text[: head.start()] + f"<{prefix}{tag}{attrs}{head.group(3)}>" + text[head.end() :]
        return text, count

    styles, font = append(
        "fonts", "font", '<font><b/><sz val="10.5"/><name val="宋体"/></font>', styles
    )
    styles, title_font = append(
        "fonts", "font", '<font><b/><sz val="14"/><name val="黑体"/></font>', styles
    )
    styles, body_font = append(
        "fonts", "font", '<font><sz val="10.5"/><name val="宋体"/></font>', styles
    )
    styles, border = append(
        "borders",
        "border",
        '<border><left style="thin"/><right style="thin"/><top style="thin"/>'
        '<bottom style="thin"/><diagonal/></border>',
        styles,
    )
    styles, body = append(
        "cellXfs",
        "xf",
        f'<xf numFmtId="0" fontId="{body_font}" fillId="0" borderId="{border}" applyFont="1" '
        f'applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
        styles,
    )
    styles, header = append(
        "cellXfs",
        "xf",
        f'<xf numFmtId="0" fontId="{font}" fillId="0" borderId="{border}" applyFont="1" '
        f'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" '
        f'wrapText="1"/></xf>',
        styles,
    )
    styles, title = append(
        "cellXfs",
        "xf",
        f'<xf numFmtId="0" fontId="{title_font}" fillId="0" borderId="0" applyFont="1" '
        f'applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>',
        styles,
    )
    return styles, body, header, title


def _sheet_part_xml(sheet: NewSheet, body: int, header: int, title: int) -> str:
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(sheet.widths, start=1)
    )
    merge = ""
    if sheet.title_row:
        last = xl_rowcol_to_cell(0, len(sheet.widths) - 1)
        merge = f'<mergeCells count="1"><mergeCell ref="A1:{last}"/></mergeCells>'
    rows = []
    for r, values in enumerate(sheet.rows, start=1):
        style = title if r == 1 and sheet.title_row else header if r <= sheet.header_rows else body
        cells = "".join(
            _cell_xml("", f' r="{xl_rowcol_to_cell(r - 1, c)}" s="{style}"', v)
            if v not in (None, "")
            else f'<c r="{xl_rowcol_to_cell(r - 1, c)}" s="{style}"/>'
            for c, v in enumerate(values)
        )
        height = sheet.heights[r - 1] if r - 1 < len(sheet.heights) else None
        ht = f' ht="{height:g}" customHeight="1"' if height else ""
        rows.append(f'<row r="{r}"{ht}>{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{sheet.header_rows}" '
        f'topLeftCell="A{sheet.header_rows + 1}" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>"
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
        f"<sheetData>{''.join(rows)}</sheetData>{merge}"
        '<pageMargins left="0.5" right="0.5" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0" useFirstPageNumber="1"/>'
        f"<headerFooter><oddFooter>{_escape(sheet.footer)}</oddFooter></headerFooter>"
        "</worksheet>"
    )


def _add_sheet(files: dict[str, bytes], package: Package, sheet: NewSheet) -> list[str]:
    """Add a worksheet part and register it in the workbook, its rels and the content types."""
    n = 1
    while f"xl/worksheets/sheet{n}.xml" in package.names:
        n += 1
    part = f"xl/worksheets/sheet{n}.xml"
    styles_part = next((n for n in package.names if n.lower() == "xl/styles.xml"), None)
    if styles_part is None:
        raise PackageError("原表缺少样式部件 styles.xml")
    styles, body, header, title = _add_styles(
        files.get(styles_part, package.zip.read(styles_part)).decode("utf-8")
    )
    files[styles_part] = styles.encode("utf-8")
    files[part] = _sheet_part_xml(sheet, body, header, title).encode("utf-8")

    rels_part = package.rels_part(package.workbook_part)
    rels = files.get(rels_part, package.zip.read(rels_part)).decode("utf-8")
    ids = {int(i) for i in re.findall(r'Id="rId(\d+)"', rels)}
    rid = f"rId{max(ids | {0}) + 1}"
    target = posixpath.relpath(part, posixpath.dirname(package.workbook_part))
    rel_prefix = re.search(r"<(\w+:)?Relationships\b", rels).group(1) or ""
    rels = rels.replace(
        f"</{rel_prefix}Relationships>",
        f'<{rel_prefix}Relationship Id="{rid}" Type="{WORKSHEET_TYPE}" Target="{target}"/>'
        f"</{rel_prefix}Relationships>",
    )
    files[rels_part] = rels.encode("utf-8")

    workbook = files.get(package.workbook_part, package.workbook_xml.encode("utf-8")).decode(
        "utf-8"
    )
    prefix = re.search(r"<(\w+:)?sheets\b", workbook).group(1) or ""
    # Only a declaration on the root is in scope for a new <sheet>; openpyxl declares the
    # prefix on each <sheet> element instead.
    root = re.search(r"<(\w+:)?workbook\b[^>]*>", workbook)
    root_tag = root.group(0) if root else ""
    r_prefix = re.search(rf'xmlns:(\w+)="{re.escape(REL_NS)}"', root_tag)
    if r_prefix is None:
        ns_decl = f' xmlns:wbr="{REL_NS}"'
        r_name = "wbr"
    else:
        ns_decl, r_name = "", r_prefix.group(1)
    sheet_ids = [int(i) for i in re.findall(r'\bsheetId="(\d+)"', workbook)]
    entry = (
        f'<{prefix}sheet name="{html.escape(sheet.name)}" sheetId="{max(sheet_ids + [0]) + 1}"'
        f'{ns_decl} {r_name}:id="{rid}"/>'
    )
    workbook = workbook.replace(f"</{prefix}sheets>", entry + f"</{prefix}sheets>", 1)
    files[package.workbook_part] = workbook.encode("utf-8")

    types = files.get("[Content_Types].xml", package.zip.read("[Content_Types].xml")).decode(
        "utf-8"
    )
    types = types.replace(
        "</Types>", f'<Override PartName="/{part}" ContentType="{WORKSHEET_CONTENT}"/></Types>'
    )
    files["[Content_Types].xml"] = types.encode("utf-8")
    return [styles_part, part, rels_part, package.workbook_part, "[Content_Types].xml"]


def read_cells(
    package: Package, sheet: str, cells: list[tuple[int, int]]
) -> dict[tuple[int, int], Any]:
    """What the given cells show now (for 原值 and for precision)."""
    xml = package.sheet_xml(sheet)
    return {(r, c): cell_value(xml.cell(r, c), package.shared_strings) for r, c in cells}


def patch_package(
    package: Package,
    output,
    writes: dict[str, dict[tuple[int, int], Any]],
    new_sheet_factory=None,
) -> PatchResult:
    """Write `output`: the original package with `writes` applied (sheet → (row, col) → value,
    1-based) and, when `new_sheet_factory(result)` returns a NewSheet, that sheet added."""
    files: dict[str, bytes] = {}
    result = PatchResult({}, [], [], [])
    shared = package.shared_strings
    for name, cells in writes.items():
        sheet = package.sheet_xml(name)
        plain: dict[tuple[int, int], Any] = {}
        for pos, value in cells.items():
            cell = sheet.cell(*pos)
            if cell is not None and cell.formula is not None:
                result.formula_cells.append((name, *pos))
                continue
            result.old_values[(name, *pos)] = cell_value(cell, shared)
            plain[pos] = value
        if not plain:
            continue
        recomputed, report = _recompute(name, sheet, plain, shared)
        result.recomputed.extend(report)
        files[package.sheets[name]] = _patch_sheet(sheet, plain, recomputed).encode("utf-8")
    patched = {name for name, cells in writes.items() if package.sheets[name] in files}
    if patched:
        result.recomputed.extend(_cross_sheet_dependents(package, patched))
    if any(item.new is None for item in result.recomputed):
        files[package.workbook_part] = _full_calc_on_load(package.workbook_xml).encode("utf-8")
    new_sheet = new_sheet_factory(result) if new_sheet_factory else None
    if new_sheet is not None:
        _add_sheet(files, package, new_sheet)
    result.patched_parts = sorted(files)
    with zipfile.ZipFile(output, "w") as out:
        for info in package.zip.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)  # the source's stays intact
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            if info.filename in files:
                out.writestr(copy, files.pop(info.filename))
            else:
                copy.file_size = info.file_size
                with package.zip.open(info) as src, out.open(copy, "w") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
        for name, data in files.items():
            out.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return result
