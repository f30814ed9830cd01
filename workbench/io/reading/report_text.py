"""Read a report's text: plain text (UTF-8 or GB18030) or Word .docx, lines joined.

Plain text keeps its lines, so findings name the line a reviewer sees in an editor; a .docx
has paragraphs instead, and its "line" is the paragraph number (tables' cells follow, one
paragraph per cell). Anything else, or anything too big to be a report, is a FileProblem
with a one-line Chinese reason.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.text.layout import JoinedText, join_lines
from workbench.core.text.quantities import Statement, extract
from workbench.io.errors import FileProblem

MAX_BYTES = 20 * 1024 * 1024  # a report is a few hundred kB; a larger file is not one
# A 300-page report has some 30,000 paragraphs and 300,000 characters; its document part is
# a few MB. Past these bounds a .docx is not a report, whatever it holds.
MAX_PARAGRAPHS = 200_000
MAX_CHARACTERS = 5_000_000
MAX_DOCUMENT_PART = 32 * 1024 * 1024
_PARAGRAPH = re.compile(rb"<(?:[\w.-]+:)?p[\s/>]")
TEXT_SUFFIXES = (".txt", ".text", ".md")
WORD_SUFFIXES = (".docx",)
REPORT_SUFFIXES = TEXT_SUFFIXES + WORD_SUFFIXES


@dataclass
class ReportText:
    """The report's lines as read, joined for reading sentences."""

    path: Path
    lines: list[str]
    encoding: str
    breaks: frozenset[int] = frozenset()  # lines that always start a paragraph (table cells)
    joined: JoinedText = field(init=False)

    def __post_init__(self) -> None:
        self.joined = join_lines(self.lines, self.breaks)

    def statements(self) -> list[Statement]:
        return extract(self.joined)


def is_report(path: str | os.PathLike) -> bool:
    """A file `check` should read as report text rather than as a table."""
    return Path(path).suffix.lower() in REPORT_SUFFIXES + (".doc",)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise FileProblem("不是文本文件（含二进制内容）；报告请存为 .txt 或 .docx", path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    raise FileProblem("无法识别文本编码（既不是 UTF-8 也不是 GB18030/GBK）", path)


def check_report_package(data: bytes, path: Path) -> None:
    """The workbook limits for a .docx (end record, directory, part sizes and ratio, CRC,
    entities), then a bound on its paragraphs, all before python-docx parses anything."""
    from workbench.io.reading.bounds import MAX_INFLATED_BYTES
    from workbench.io.reading.package import open_package, read_member
    from workbench.io.reading.part_scan import declares_entities

    if not zipfile.is_zipfile(io.BytesIO(data)):  # reads the end record only
        raise FileProblem("不是有效的 Word 文档（不是完整的压缩包）", path)
    inflated = 0
    with open_package(data, path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.filename == "word/document.xml" and info.file_size > MAX_DOCUMENT_PART:
                raise FileProblem(
                    f"Word 文档正文部件解压后 {info.file_size // 2**20} MB，超过 "
                    f"{MAX_DOCUMENT_PART // 2**20} MB 的上限，不像是报告正文",
                    path,
                )
            part = read_member(archive, info, path)
            inflated += len(part)
            if inflated > MAX_INFLATED_BYTES:
                raise FileProblem(
                    f"解压后总大小超过上限 {MAX_INFLATED_BYTES // 2**20} MB，拒绝打开", path
                )
            if info.filename.endswith((".xml", ".rels")) and declares_entities(part):
                raise FileProblem(
                    f"文件的“{info.filename}”含有 XML 实体或文档类型定义（疑似 XML 炸弹），拒绝打开",
                    path,
                )
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                paragraphs = len(_PARAGRAPH.findall(part))
                if paragraphs > MAX_PARAGRAPHS:
                    raise FileProblem(
                        f"Word 文档有 {paragraphs} 个段落，超过 {MAX_PARAGRAPHS // 10000} 万段的上限，"
                        "不像是报告正文，拒绝读取",
                        path,
                    )


def _docx_lines(data: bytes, path: Path) -> tuple[list[str], frozenset[int]]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise FileProblem("读取 .docx 需要 python-docx 组件", path) from None
    check_report_package(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FileProblem(f"不是有效的 Word 文档（{type(exc).__name__}）", path) from None
    except Exception as exc:  # lxml and zip errors of a damaged file
        raise FileProblem(f"Word 文档已损坏，无法读取：{exc}", path) from None
    lines = [p.text for p in document.paragraphs]
    breaks = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                breaks.add(len(lines) + 1)
                lines.extend(p.text for p in cell.paragraphs)
                if len(lines) > MAX_PARAGRAPHS:  # merged cells repeat their paragraphs
                    raise FileProblem(
                        f"Word 文档的表格展开后超过 {MAX_PARAGRAPHS // 10000} 万段，不像是报告正文，拒绝读取",
                        path,
                    )
    characters = sum(map(len, lines))
    if characters > MAX_CHARACTERS:
        raise FileProblem(
            f"Word 文档有 {characters // 10000} 万个字符，超过 {MAX_CHARACTERS // 10000} 万字的上限，"
            "不像是报告正文，拒绝读取",
            path,
        )
    return lines, frozenset(breaks)


def read_report(path: str | os.PathLike) -> ReportText:
    """The report at `path`; FileProblem (naming the file) when it cannot be one."""
    from workbench.io.reading.limits import read_bounded

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise FileProblem("不支持旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx", path)
    try:
        data = read_bounded(path, MAX_BYTES)  # the one read: every later step uses these bytes
    except FileProblem as exc:
        if "过大" not in exc.message:
            raise
        raise FileProblem(
            f"文件过大（上限 {MAX_BYTES // 1048576} MB），不像是报告正文", path
        ) from None
    if suffix in WORD_SUFFIXES:
        lines, breaks = _docx_lines(data, path)
        return ReportText(path, lines, "docx", breaks)
    if data[:2] == b"PK" and zipfile.is_zipfile(io.BytesIO(data)):
        raise FileProblem(
            "这是一个压缩包或 Office 文件，不是纯文本；Word 文档请用 .docx 扩展名", path
        )
    text, encoding = _decode(data, path)
    return ReportText(path, text.splitlines(), encoding)
