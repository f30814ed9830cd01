"""Text tables (CSV, TSV, semicolon- or bar-separated) from the bytes read once.

The encoding is UTF-8 (with or without BOM), GB18030/GBK or UTF-16; the separator is the one
the first lines use most; line ends may be Windows, Unix or classic Mac (CR only).
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path
from typing import Any

from workbench import progress
from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import (
    LARGE_CELLS,
    MAX_CELLS_IN_MEMORY,
    MAX_INFLATED_BYTES,
    too_many_cells,
)
from workbench.io.reading.raw import MAX_COLUMNS, MAX_ROWS, RawSheet

MAX_TEXT_FIELD = 1024 * 1024  # characters in one CSV field (Excel holds 32,767 in a cell)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem("文本编码无法识别（不是 UTF-8、GB18030/GBK 或 UTF-16）", path)


def _lines(text: str):
    """The text's lines with their endings, sliced one at a time (io.StringIO would first
    copy the whole text at four bytes a character)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _offset(text: str, lines: int) -> int:
    """Characters of `text` up to the end of line `lines` (an estimate's denominator)."""
    at = -1
    for _ in range(lines):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at + 1


def _parse_text(text: str, delimiter: str, strict: bool, path: Path, size: int = 0):
    """(rows, truncated, error, line where the failing row starts). Reading stops, refused,
    as soon as the cells pass the memory bound: what is held never grows past it."""
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=strict)
    rows: list[list[Any]] = []
    truncated = False
    cells = 0
    start = 1
    try:
        for n, row in enumerate(reader):
            if n >= MAX_ROWS:
                truncated = True
                break
            if not n % 4096:
                progress.check()
            if len(row) > MAX_COLUMNS:
                row = row[:MAX_COLUMNS]
                truncated = True
            cells += len(row)
            if cells > MAX_CELLS_IN_MEMORY:
                # the rest of the file, at this row's density, for the message's estimate
                whole = int(cells * len(text) / max(_offset(text, reader.line_num), 1))
                raise FileProblem(
                    too_many_cells(max(whole, cells), size, MAX_CELLS_IN_MEMORY), path
                )
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        return rows, truncated, exc, start
    return rows, truncated, None, start


class TextReader:
    """The csv module over the decoded text, strict first."""

    name = "csv"

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = Path(path)

    def sheets(self) -> list[RawSheet]:
        path = self.path
        if len(self.data) > MAX_INFLATED_BYTES:
            raise FileProblem(f"文件过大，超过 {MAX_INFLATED_BYTES // 2**20} MB 上限", path)
        size = len(self.data)
        text = _decode(self.data, path)
        self.data = b""
        if "\r" in text and "\n" not in text:  # classic Mac line ends: CR alone
            text = text.replace("\r", "\n")
        sample = text[:20000]
        first_lines = sample.splitlines()[:20]
        delimiter = max(
            ("\t", ",", ";", "|"), key=lambda d: sum(line.count(d) for line in first_lines)
        )
        if not any(delimiter in line for line in first_lines):
            delimiter = ","
        per_char = sum(line.count(delimiter) + 1 for line in first_lines) / max(
            sum(len(line) + 1 for line in first_lines), 1
        )
        estimate = int(per_char * len(text))
        if estimate > LARGE_CELLS:
            progress.step(f"文本表格较大（约 {estimate / 10000:.0f} 万个单元格），读取需要一些时间")
        # Strict first, so that a quote left open is noticed instead of swallowing the rest of
        # the file into one cell; a stray quote inside a field (which Excel accepts) is read
        # leniently as before.
        rows, truncated, error, line = _parse_text(text, delimiter, True, path, size)
        if error is not None and "unexpected end of data" not in str(error):
            if "field larger" not in str(error):
                rows, truncated, error, line = _parse_text(text, delimiter, False, path, size)
        if error is not None:
            if "field larger" in str(error):
                raise FileProblem(
                    f"从第 {line} 行起有一个单元格超过 {csv.field_size_limit()} 个字符（可能是引号没有闭合），拒绝读取",
                    path,
                )
            if "unexpected end of data" in str(error):
                raise FileProblem(
                    f"第 {line} 行开始的引号直到文件末尾都没有闭合，文件可能被截断或已损坏", path
                )
            raise FileProblem(f"第 {line} 行无法解析（文本表格的格式不对：{error}）", path)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        return [RawSheet(path.stem[:31] or "Sheet1", rows, [], truncated)]
