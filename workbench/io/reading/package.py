"""The OOXML package as every stage sees it: one zip, opened from bytes already read.

A zip's central directory can list millions of entries in a few megabytes, and a zip reader
builds an object for each before anyone can count them; the end record says how many there
are and how large the directory is, so it is read first (`check_directory_record`). After
that the directory's declared sizes are checked (`check_directory`), each part is inflated
with its CRC and size verified (`read_member`), and a sheet's part is found one way, through
the workbook part's relationships (`sheet_parts`): the limits, the number-format reader and
write-back all ask here.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from pathlib import Path

from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import (
    MAX_DIRECTORY_BYTES,
    MAX_INFLATED_BYTES,
    MAX_MEMBER_RATIO,
    MAX_MEMBERS,
    MAX_PART_BYTES,
    MIN_RATIO_BYTES,
)

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_END_SIZE = 22
_SEARCH = _END_SIZE + 0xFFFF  # the end record, then at most a 64 KB comment
_END64_BYTES = 56 + 20  # a zip64 end record and its locator, just before the end record

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def directory_claims(tail: bytes, tail_offset: int = 0, whole: bytes | None = None):
    """(entries, directory bytes) as the end record claims them, the zip64 record's claims
    included; None when there is no end record. `tail` is the end of the file, starting at
    `tail_offset`; `whole` the file itself, if at hand (for a zip64 record outside `tail`)."""
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        return None
    _sig, _disk, _cd_disk, _here, entries, size, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + _END_SIZE]
    )
    locator = at - 20
    if locator >= 0 and tail[locator : locator + 4] == _END64_LOCATOR:
        (record,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        source, start = (whole, record) if whole is not None else (tail, record - tail_offset)
        if source is not None and 0 <= start and source[start : start + 4] == _END64:
            fields = struct.unpack("<4sQ2H2L4Q", source[start : start + 56])
            entries = max(entries, fields[7])
            size = max(size, fields[8])
        else:  # a zip64 locator pointing nowhere: the reader would give up anyway
            entries = max(entries, 0xFFFF)
    return entries, size


def check_directory_record(claims, path: Path) -> None:
    """Refuse, before any zip reader runs, a directory too long to be a workbook's."""
    if claims is None:
        return  # no end record: the zip reader says the file is damaged
    entries, size = claims
    if entries > MAX_MEMBERS:
        raise FileProblem(f"压缩包内文件过多（{entries} 个），拒绝打开", path)
    if size > MAX_DIRECTORY_BYTES:
        raise FileProblem(
            f"压缩包的目录过大（{size // 2**20} MB，上限 {MAX_DIRECTORY_BYTES // 2**20} MB），拒绝打开",
            path,
        )


def check_file_directory(path: Path) -> None:
    """The end-record check for a file on disk, reading only its last 64 KB."""
    with open(path, "rb") as handle:
        handle.seek(0, io.SEEK_END)
        start = max(0, handle.tell() - _SEARCH - _END64_BYTES)
        handle.seek(start)
        check_directory_record(directory_claims(handle.read(), start), path)


def open_package(data: bytes, path: Path) -> zipfile.ZipFile:
    """The zip of `data`, its end record and directory checked; FileProblem if refused."""
    start = max(0, len(data) - _SEARCH - _END64_BYTES)
    check_directory_record(directory_claims(data[start:], start, data), path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise FileProblem(f"文件已损坏，不是完整的压缩包（{exc}）", path) from None
    check_directory(archive.infolist(), path)
    return archive


def check_directory(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """The declared sizes in the zip directory, checked before anything is inflated. A
    member listed twice is refused: readers disagree on which copy they take."""
    if len(infos) > MAX_MEMBERS:
        raise FileProblem(f"压缩包内文件过多（{len(infos)} 个），拒绝打开", path)
    total = 0
    seen: set[str] = set()
    for info in infos:
        key = info.filename.replace("\\", "/").lower()
        if key in seen:
            raise FileProblem(
                f"压缩包中“{info.filename}”出现了不止一次，无法确定哪一份是真的，拒绝打开", path
            )
        seen.add(key)
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise FileProblem(
                f"压缩包中的“{info.filename}”解压后 {info.file_size // 2**20} MB，超过单个部件 "
                f"{MAX_PART_BYTES // 2**20} MB 的上限，拒绝打开",
                path,
            )
        if info.file_size > MIN_RATIO_BYTES and info.file_size > MAX_MEMBER_RATIO * max(
            info.compress_size, 1
        ):
            raise FileProblem(
                f"疑似压缩炸弹：{info.filename} 声明解压后 {info.file_size // 2**20} MB，"
                f"压缩比超过 {MAX_MEMBER_RATIO}:1，拒绝打开",
                path,
            )
    if total > MAX_INFLATED_BYTES:
        raise FileProblem(
            f"解压后总大小 {total // 2**20} MB 超过上限 {MAX_INFLATED_BYTES // 2**20} MB，拒绝打开",
            path,
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """One part, inflated and checked against its CRC and declared size."""
    if info.file_size > MAX_PART_BYTES:
        check_directory([info], path)
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        member_error(exc, info, path)
    if len(data) != info.file_size:
        raise FileProblem(
            f"文件已损坏：压缩包中的“{info.filename}”实际大小与声明不符，拒绝读取", path
        )
    return data


def member_error(exc: BaseException, info: zipfile.ZipInfo, path: Path) -> None:
    """The one-line reason for what went wrong inflating a part (always raises)."""
    if isinstance(exc, zipfile.BadZipFile):
        if "CRC" in str(exc):
            raise FileProblem(
                f"文件已损坏：压缩包中的“{info.filename}”校验失败（内容与校验值不符），拒绝读取",
                path,
            ) from None
        raise FileProblem(f"文件已损坏（压缩包中的“{info.filename}”：{exc}）", path) from None
    if isinstance(exc, NotImplementedError):
        raise FileProblem(
            f"压缩包中的“{info.filename}”使用了不支持的压缩方式，请在 Excel/WPS 中另存为 xlsx 后再打开",
            path,
        ) from None
    if isinstance(exc, (zlib.error, EOFError, OSError, ValueError)):
        raise FileProblem(
            f"文件已损坏（压缩包中的“{info.filename}”无法解压：{exc}）", path
        ) from None
    raise exc


SMALL_PART_BYTES = 4 * 1024 * 1024  # the workbook part and its relations: a few KB


def small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part that lists things (workbook, relationships), read at most 4 MB."""
    with archive.open(name) as handle:
        return handle.read(SMALL_PART_BYTES)


def rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """The part a relationship of `source_part` points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook part the package's root relationships name (xl/workbook.xml usually)."""
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(small_part(archive, "_rels/.rels"))
    except KeyError:
        return "xl/workbook.xml"
    for rel in root:
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "").lstrip("/")
    raise KeyError("officeDocument")


def sheet_parts(archive: zipfile.ZipFile, book_part: str | None = None) -> dict[str, str]:
    """Sheet name → its part, in workbook order, through the workbook's relationships."""
    from defusedxml import ElementTree

    book_part = book_part or workbook_part(archive)
    rels = ElementTree.fromstring(small_part(archive, rels_part(book_part)))
    targets = {
        rel.get("Id"): resolve_target(book_part, rel.get("Target") or "")
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
        if rel.get("Target")
    }
    book = ElementTree.fromstring(small_part(archive, book_part))
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{{{MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{REL_NS}}}id"))
        if target:
            parts[sheet.get("name") or ""] = target
    return parts


def safe_member_name(name: str) -> bool:
    """A member name that stays inside the package: no "..", no absolute path, no drive."""
    plain = name.replace("\\", "/")
    return not (
        plain.startswith("/")
        or (len(plain) > 1 and plain[1] == ":")
        or ".." in plain.split("/")
        or "\x00" in plain
    )
