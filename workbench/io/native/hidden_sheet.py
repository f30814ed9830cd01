"""The hidden sheet that makes an .xlsx a native plan file: its name, its marker, and the
versioned JSON document split over its cells.

The writer and the reader both come here, so the marker and the chunking are defined once.
"""

from __future__ import annotations

from typing import Any

from workbench.io.native import plan_json

META_SHEET = "_workbench"
MARKER = "plan-workbench-document"
CHUNK = 32000  # Excel holds at most 32,767 characters in a cell
# A plan document takes about 100 characters a row: 24 M characters is some 200,000 rows
# with their provenance and change log. More is not a document this program saved, and
# decoding it would take gigabytes.
MAX_DOCUMENT_CHARACTERS = 24_000_000


def write_hidden_sheet(workbook: Any, data: dict[str, Any]) -> None:
    """Add the hidden document sheet to an XlsxWriter workbook."""
    text = plan_json.encode(data)
    meta = workbook.add_worksheet(META_SHEET)
    meta.write_string(0, 0, MARKER)
    meta.write_number(0, 1, plan_json.VERSION)
    for i in range(0, len(text), CHUNK):
        meta.write_string(1 + i // CHUNK, 0, text[i : i + CHUNK])
    meta.hide()


def names_hidden_sheet(workbook_xml: bytes) -> bool:
    """Whether a workbook part lists the hidden document sheet."""
    return f'name="{META_SHEET}"'.encode() in workbook_xml


def hidden_text(cells: list[list[Any]]) -> tuple[bool, Any, str]:
    """(marker present, format version, the joined JSON text) of the hidden sheet's cells."""
    if not cells or not cells[0] or cells[0][0] != MARKER:
        return False, None, ""
    version = cells[0][1] if len(cells[0]) > 1 else None
    chunks = [str(row[0]) for row in cells[1:] if row and row[0] != ""]
    size = sum(map(len, chunks))
    if size > MAX_DOCUMENT_CHARACTERS:
        raise DocumentTooLarge(size)
    return True, version, "".join(chunks)


class DocumentTooLarge(ValueError):
    """The hidden document is larger than any plan this program saves."""

    def __init__(self, size: int) -> None:
        super().__init__(
            f"文档数据过大（约 {size / 10000:.0f} 万字符，上限 {MAX_DOCUMENT_CHARACTERS // 10000} 万），"
            "不是本程序保存的计划文档，文件可能已被改动"
        )
