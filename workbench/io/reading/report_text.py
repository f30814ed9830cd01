"""Read a report's text: plain text (UTF-8 or GB18030) or Word .docx, lines joined.

Plain text keeps its lines, so findings name the line a reviewer sees in an editor; a .docx
has paragraphs instead, and its "line" is the paragraph number (tables' cells follow, one
paragraph per cell). Anything else, or anything too big to be a report, is a FileProblem
with a one-line Chinese reason.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.text.layout import JoinedText, join_lines
from workbench.core.text.quantities import Statement, extract
from workbench.io.errors import FileProblem

MAX_BYTES = 20 * 1024 * 1024  # a report is a few hundred kB; a larger file is not one
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


def _docx_lines(path: Path) -> tuple[list[str], frozenset[int]]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise FileProblem("读取 .docx 需要 python-docx 组件", path) from None
    try:
        document = docx.Document(str(path))
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
    return lines, frozenset(breaks)


def read_report(path: str | os.PathLike) -> ReportText:
    """The report at `path`; FileProblem (naming the file) when it cannot be one."""
    path = Path(path)
    if not path.exists():
        raise FileProblem("文件不存在", path)
    if path.is_dir():
        raise FileProblem("这是一个文件夹，不是文件", path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FileProblem(
            f"文件过大（{size / 1048576:.0f} MB，上限 {MAX_BYTES // 1048576} MB），不像是报告正文",
            path,
        )
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise FileProblem("不支持旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx", path)
    if suffix in WORD_SUFFIXES:
        lines, breaks = _docx_lines(path)
        return ReportText(path, lines, "docx", breaks)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"无法读取：{exc.strerror or exc}", path) from None
    if data[:2] == b"PK" and zipfile.is_zipfile(path):
        raise FileProblem(
            "这是一个压缩包或 Office 文件，不是纯文本；Word 文档请用 .docx 扩展名", path
        )
    text, encoding = _decode(data, path)
    return ReportText(path, text.splitlines(), encoding)
