"""Say what a file really is before any parser touches it, and refuse the dangerous ones.

Extensions lie (an .xlsx that is an old .xls, an .ods that is an .xlsx), encrypted workbooks
are OLE2 containers that every zip reader calls "not a zip file", and a zip directory can
promise gigabytes from a few kilobytes. All of that is decided here from the bytes, cheaply.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import MAX_FILE_BYTES
from workbench.io.reading.file_kinds import FileKind
from workbench.io.reading.limits import read_bounded
from workbench.io.reading.package import open_package

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# The limits themselves live in limits.py: one set for every path.


@dataclass(frozen=True)
class Sniffed:
    kind: FileKind
    path: Path


def _refuse(message: str, path: Path) -> FileProblem:
    return FileProblem(message, path)


def _zip_names(data: bytes, path: Path) -> set[str]:
    """The member names, once the end record and the directory passed the limits."""
    with open_package(data, path) as archive:
        return {info.filename for info in archive.infolist()}


def _ole2_is_encrypted(data: bytes) -> bool:
    """Encrypted OOXML is an OLE2 file with EncryptionInfo/EncryptedPackage streams; the
    stream names are UTF-16 in the directory sectors, which sit near the start in practice."""
    needles = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
    head = data[: 4 * 1024 * 1024]
    return any(n in head for n in needles)


def sniff(path: str | os.PathLike) -> Sniffed:
    """What the file at `path` is, from one bounded read of it."""
    path = Path(path)
    return sniff_data(read_bounded(path), path)


def sniff_data(data: bytes, path: Path) -> Sniffed:
    """What `data` (the whole file, as read once) is; FileProblem for what is refused."""
    size = len(data)
    head = data[:8192]
    if size == 0:
        raise _refuse("文件是空的（0 字节）", path)
    if size > MAX_FILE_BYTES:
        raise _refuse(
            f"文件过大（{size // 2**20} MB），超过 {MAX_FILE_BYTES // 2**20} MB 上限", path
        )
    if path.name.startswith("~$") and size < 4096:
        raise _refuse("这是 Excel/WPS 打开文件时生成的临时锁定文件，不是表格本身", path)

    if head.startswith(OLE2_MAGIC):
        from workbench.io.reading import biff

        if _ole2_is_encrypted(data) or biff.is_encrypted(data):
            raise _refuse("文件已加密（设有打开密码），请在 Excel/WPS 中取消密码后再打开", path)
        return Sniffed(FileKind.XLS, path)
    if head.startswith(ZIP_MAGIC):
        names = _zip_names(data, path)
        if "xl/workbook.xml" in names or any(
            n.endswith("workbook.xml") and n.startswith("xl/") for n in names
        ):
            return Sniffed(FileKind.XLSX, path)
        if "xl/workbook.bin" in names:
            return Sniffed(FileKind.XLSB, path)
        if "content.xml" in names:
            return Sniffed(FileKind.ODS, path)
        flat = {n.replace("\\", "/").lower() for n in names}
        if (
            any(n.startswith("xl/") for n in flat)
            or "[content_types].xml" in flat
            or "_rels/.rels" in flat
        ):
            # Workbook part at an unusual path or with Windows separators: the readers
            # follow the package relationships and explain if they cannot.
            return Sniffed(FileKind.XLSX, path)
        if "word/document.xml" in names:
            raise _refuse("这是 Word 文档，不是表格", path)
        if "ppt/presentation.xml" in names:
            raise _refuse("这是 PowerPoint 演示文稿，不是表格", path)
        raise _refuse("压缩包中没有工作簿（不是 xlsx/ods 文件）", path)
    if head.startswith(b"PK"):
        raise _refuse("文件已损坏（压缩包头不完整）", path)
    if head[:4] in (
        b"\x09\x00\x04\x00",
        b"\x09\x02\x06\x00",
        b"\x09\x04\x06\x00",
        b"\x09\x08\x06\x00",
        b"\x09\x00\x04\x00",
    ):
        raise _refuse(
            "这是 Excel 2.x–4.x 的旧格式（BIFF2–4），请在 Excel/WPS 中另存为 xlsx 后再打开", path
        )
    if head.startswith((b"%PDF",)):
        raise _refuse("这是 PDF 文件，不是表格", path)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        raise _refuse("这是图片文件，不是表格", path)
    if _looks_like_text(head):
        return Sniffed(FileKind.TEXT, path)
    raise _refuse("无法识别的文件格式（既不是 xlsx/xls/ods，也不是文本表格）", path)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:4096]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 4:  # a character cut at the end of the sample
                return True
    return False
