"""The sheet write-back adds to a department's workbook (修订记录): its part, its styles, its
relationship, its entry in the workbook and the content types, written as XML beside the
original parts, which stay byte for byte as they were.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from xlsxwriter.utility import xl_rowcol_to_cell

from workbench.io.reading.package import MAIN_NS, REL_NS
from workbench.io.writing.sheet_xml import PackageError, cell_xml, escape_text

if TYPE_CHECKING:
    from workbench.io.writing.package_patch import Package

WORKSHEET_TYPE = REL_NS + "/worksheet"
WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


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
            cell_xml("", f' r="{xl_rowcol_to_cell(r - 1, c)}" s="{style}"', v)
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
        f"<headerFooter><oddFooter>{escape_text(sheet.footer)}</oddFooter></headerFooter>"
        "</worksheet>"
    )


def add_sheet(files: dict[str, bytes], package: Package, sheet: NewSheet) -> list[str]:
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
