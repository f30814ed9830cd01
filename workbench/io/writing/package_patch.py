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

import re
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from xlsxwriter.utility import xl_rowcol_to_cell

from workbench.io.reading.package import (
    MAIN_NS,
    rels_part,
    safe_member_name,
    sheet_parts,
    workbook_part,
)
from workbench.io.writing.added_sheet import NewSheet, add_sheet  # noqa: F401
from workbench.io.writing.formula_sums import NotSimple, evaluate, references, shift_formula
from workbench.io.writing.sheet_xml import (  # noqa: F401 - what write-back reads from here
    VALUE_RE,
    CellInfo,
    PackageError,
    SheetXml,
    cell_value,
    cell_xml,
    number_text,
)


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
            edits.append((cell.start, cell.end, cell_xml(p, cell.attrs, value)))
            continue
        xml = cell_xml(p, f' r="{ref}"', value)
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
        match = VALUE_RE.search(inner)
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
                text = shift_formula(master, cell.row - r0, cell.col - c0)
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
        add_sheet(files, package, new_sheet)
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
