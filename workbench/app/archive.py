"""The plan archive's commands, for the command line and the window alike.

Each command opens the archive the user named (`db`: a URL or file path; None: WORKBENCH_DB,
then the embedded file in the user's data folder), does one thing, and returns a typed
result; problems are ArchiveProblem or FileProblem with one Chinese line naming the archive
or the file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.document import PlanDocument, current_user
from workbench.io.archive.connection import ArchiveProblem, head_revision
from workbench.io.archive.store import Archive, NewVersion, SeriesRow, TablePart, VersionInfo
from workbench.io.errors import FileProblem

# Version names as commissions write them in file names, most specific first.
KNOWN_LABELS = (
    "征求意见稿",
    "审定稿",
    "送审稿",
    "报送稿",
    "修订稿",
    "修改稿",
    "审核稿",
    "讨论稿",
    "初稿",
    "定稿",
)
READABLE_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb", ".ods", ".csv")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")

Db = str | os.PathLike | None


@contextmanager
def opened(db: Db, *, create: bool = True) -> Iterator[Archive]:
    archive = Archive.open(db, create=create)
    try:
        yield archive
    finally:
        archive.close()


# ---- init ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InitResult:
    where: str
    revision: str
    versions: int


def init(db: Db) -> InitResult:
    """Create the archive, or upgrade an older one, to the newest schema."""
    with opened(db) as archive:
        return InitResult(archive.where, head_revision(), len(archive.versions()))


# ---- add -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Unplaced:
    file: str
    reason: str


@dataclass
class FolderResult:
    added: list[VersionInfo] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def label_in_name(name: str) -> str | None:
    for label in KNOWN_LABELS:
        if label in name:
            return label
    return None


def year_of(doc: PlanDocument, path: Path) -> int | None:
    """The plan's year: the year it plans (附件二), else the year it reports, else the one
    its file name carries."""
    if doc.plan_year or doc.exec_year:
        return doc.plan_year or doc.exec_year
    years = _YEAR_IN_NAME.findall(path.stem)
    return int(years[-1]) if years else None


def _source_format(doc: PlanDocument, path: Path) -> str:
    from workbench.io.native.plan_file import is_native

    if is_native(path):
        return "native"
    origin = doc.properties.origin
    return origin.format if origin and origin.format else path.suffix.lstrip(".").lower()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"无法读取文件（{exc.strerror}）", path) from None


def _new_version(
    path: Path, year: int | None, label: str | None, note: str, doc: PlanDocument | None = None
) -> NewVersion:
    """The version a file makes. Its bytes are read before and after it is parsed, so the
    stored file is the one the query rows came from (not one saved over it meanwhile)."""
    from workbench.io.opener import open_document

    source = _read_bytes(path) if doc is None else None
    if doc is None:
        doc = open_document(path)
    year = year or year_of(doc, path)
    if year is None:
        raise FileProblem("无法确定计划年度（文件中和文件名里都没有年份），请用 --year 指定", path)
    label = label or label_in_name(path.stem)
    if not label:
        raise FileProblem("无法确定版本名称（如 报送稿、修订稿、审定稿），请用 --label 指定", path)
    after = _read_bytes(path)
    if source is not None and after != source:
        raise FileProblem("文件在读取期间被改动，未存入；请关闭编辑后再试", path)
    return NewVersion(
        year=year,
        label=label,
        source_name=path.name,
        source_format=_source_format(doc, path),
        source=after,
        document=doc,
        author=current_user(),
        note=note,
        region=doc.region or "",
    )


def add_file(
    db: Db,
    path: str | os.PathLike,
    *,
    year: int | None = None,
    label: str | None = None,
    note: str = "",
) -> VersionInfo:
    """One new version from a file any reader accepts; nothing already archived changes."""
    new = _new_version(Path(path), year, label, note)
    with opened(db) as archive:
        return archive.add(new)


def add_folder(
    db: Db,
    folder: str | os.PathLike,
    *,
    label: str | None = None,
    note: str = "",
    progress: Callable[[str], None] | None = None,
) -> FolderResult:
    """Each workbook of a folder of past years filed under its year and label (the label in
    its name, else `label`); what could not be placed is listed with the reason. A file
    already archived under the same year and label is not added twice."""
    from workbench.io.opener import open_document

    result = FolderResult()
    files = sorted(p for p in Path(folder).iterdir() if p.is_file())
    with opened(db) as archive:
        held = {(v.year, v.label, v.sha256) for v in archive.versions()}
        for path in files:
            if path.name.startswith("~$") or path.suffix.lower() not in READABLE_SUFFIXES:
                result.unplaced.append(Unplaced(path.name, "不是可读取的表格文件"))
                continue
            if progress is not None:
                progress(path.name)
            try:
                doc = open_document(path)
                new = _new_version(path, None, label_in_name(path.stem) or label, note, doc)
            except FileProblem as exc:
                result.unplaced.append(Unplaced(path.name, exc.message))
                continue
            digest = hashlib.sha256(new.source).hexdigest()
            if (new.year, new.label, digest) in held:
                result.unplaced.append(Unplaced(path.name, "已在计划库中（同一年度、同一版本）"))
                continue
            info = archive.add(new)
            held.add((info.year, info.label, info.sha256))
            result.added.append(info)
    return result


def save_document(
    db: Db,
    doc: PlanDocument,
    *,
    label: str,
    note: str = "",
    year: int | None = None,
    name: str = "",
) -> VersionInfo:
    """The window's 保存到计划库: the document as the native file would hold it, added as a
    new version."""
    from workbench.io.native.plan_file import save_plan

    year = year or doc.plan_year or doc.exec_year
    if not year:
        raise ArchiveProblem("文档没有计划年度，无法存入计划库")
    stem = Path(name).stem if name else (doc.title or "计划")
    with tempfile.TemporaryDirectory(prefix="workbench-archive-") as folder:
        path = Path(folder) / f"{stem}.xlsx"
        save_plan(doc, path)
        source = path.read_bytes()
    new = NewVersion(
        year=year,
        label=label,
        source_name=path.name,
        source_format="native",
        source=source,
        document=doc,
        author=current_user(),
        note=note,
        region=doc.region or "",
    )
    with opened(db) as archive:
        return archive.add(new)


# ---- reading ---------------------------------------------------------------------------------
def list_versions(db: Db, year: int | None = None) -> list[VersionInfo]:
    with opened(db) as archive:
        return archive.versions(year)


@dataclass(frozen=True)
class VersionDetail:
    version: VersionInfo
    tables: list[TablePart]
    changes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.version.to_dict(),
            "source_format": self.version.source_format,
            "approved_by": self.version.approved_by,
            "approved_at": self.version.approved_at,
            "tables": [
                {
                    "id": t.table_id,
                    "kind": t.kind,
                    "title": t.title,
                    "sheet": t.sheet,
                    "year": t.year,
                    "rows": t.rows,
                }
                for t in self.tables
            ],
            "changes": self.changes,
        }


def show(db: Db, version_id: int) -> VersionDetail:
    with opened(db) as archive:
        info = archive.version(version_id)
        return VersionDetail(info, archive.tables(version_id), len(archive.change_log(version_id)))


def open_version(db: Db, version_id: int) -> tuple[PlanDocument, VersionInfo]:
    """The archived document, ready to show (read-only when the version is 审定)."""
    with opened(db) as archive:
        info = archive.version(version_id)
        return archive.document(version_id), info


def approve(db: Db, version_id: int) -> VersionInfo:
    with opened(db) as archive:
        return archive.approve(version_id, current_user())


@dataclass(frozen=True)
class ExportResult:
    output: str
    version: VersionInfo
    size: int


def export(db: Db, version_id: int, output: str | os.PathLike) -> ExportResult:
    """The file exactly as it was added, written atomically."""
    from workbench.io.native.atomic import atomic_path

    output = Path(output)
    with opened(db, create=False) as archive:
        info = archive.version(version_id)
        data = archive.source(version_id)
    wanted = Path(info.source_name).suffix.lower()
    if wanted and output.suffix.lower() != wanted:
        raise FileProblem(
            f"版本 {version_id} 的原文件是 {wanted} 文件，请用相同的扩展名导出", output
        )
    if not output.parent.is_dir():
        raise FileProblem("输出文件夹不存在", output)
    try:
        with atomic_path(output) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise FileProblem(f"无法写入（{exc.strerror}），原有文件未受影响", output) from None
    return ExportResult(str(output), info, len(data))


# ---- compare ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class VersionDiff:
    old: VersionInfo
    new: VersionInfo
    old_table: Any
    new_table: Any
    comparison: Any

    def payload(self) -> dict[str, Any]:
        from workbench.core.compare.report import diff_payload

        data = diff_payload(self.comparison)
        for side, info, table in (
            ("old", self.old, self.old_table),
            ("new", self.new, self.new_table),
        ):
            data[f"{side}_version"] = {
                "id": info.id,
                "year": info.year,
                "label": info.label,
                "sheet": table.sheet_name,
                "rows": len(table),
            }
        return data


def paired_tables(old: PlanDocument, new: PlanDocument, sheet: str | None = None):
    """The table to compare in each version: the one named, else the first table of the old
    version that the new one holds under the same id, else the first of the same kind."""
    if sheet:
        pair = old.find_table(sheet), new.find_table(sheet)
        if None in pair:
            raise ArchiveProblem(f"两个版本中没有都包含“{sheet}”这个表")
        return pair
    for table_id, table in old.tables.items():
        if table_id in new.tables and new.tables[table_id].kind == table.kind:
            return table, new.tables[table_id]
    for table in old.tables.values():
        for other in new.tables.values():
            if other.kind == table.kind:
                return table, other
    raise ArchiveProblem("两个版本没有可比较的同类表")


def diff(db: Db, old_id: int, new_id: int, *, sheet: str | None = None) -> VersionDiff:
    """The compare engine `workbench diff` runs, on two archived versions."""
    from workbench.core.compare.align import compare_tables
    from workbench.core.compare.crosswalk import Crosswalk

    with opened(db, create=False) as archive:
        old_info, new_info = archive.version(old_id), archive.version(new_id)
        old_doc, new_doc = archive.document(old_id), archive.document(new_id)
    old_table, new_table = paired_tables(old_doc, new_doc, sheet)
    crosswalk = Crosswalk.of(old_doc).merged(Crosswalk.of(new_doc))
    comparison = compare_tables(old_table, new_table, crosswalk=crosswalk)
    return VersionDiff(old_info, new_info, old_table, new_table, comparison)


# ---- series ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SeriesPoint:
    year: int
    version: int
    label: str
    name: str | None
    target: str | None
    target_value: float | None
    actual: float | None
    unit: str | None
    status: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "version": self.version,
            "label": self.label,
            "name": self.name,
            "target": self.target,
            "target_value": self.target_value,
            "actual": self.actual,
            "unit": self.unit,
            "status": self.status,
        }


@dataclass(frozen=True)
class Series:
    indicator: str
    points: list[SeriesPoint]

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "points": [p.to_dict() for p in self.points]}


def renamed_keys(name: str, crosswalks: list[dict]) -> set[str]:
    """The matching keys of every name linked to `name` by a rename in any version's
    crosswalk, in either direction and through chains (2019 → 2021 → 2023)."""
    from workbench.core.keys import match_key

    links: dict[str, set[str]] = {}
    for walk in crosswalks:
        for old, new in (walk.get("name") or {}).items():
            if new is None:
                continue
            a, b = match_key(old), match_key(new)
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    start = match_key(name)
    found, todo = {start}, [start]
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in found:
                found.add(other)
                todo.append(other)
    return found


def _rank(row: SeriesRow) -> tuple:
    filled = (row.target is not None) + (row.actual is not None)
    return (row.approved, filled, row.version_id)


def series_points(rows: list[SeriesRow]) -> list[SeriesPoint]:
    """One point per year from the best version of it (审定 first, then the one saying the
    most, then the newest); an actual missing there comes from the newest version that
    reports it (next year's plan reports this year's execution)."""
    by_year: dict[int, list[SeriesRow]] = {}
    for row in rows:
        by_year.setdefault(row.year, []).append(row)
    points = []
    for year in sorted(by_year):
        ranked = sorted(by_year[year], key=_rank, reverse=True)
        best = ranked[0]
        actual = best.actual
        if actual is None:
            actual = next((r.actual for r in ranked if r.actual is not None), None)
        points.append(
            SeriesPoint(
                year,
                best.version_id,
                best.label,
                best.name,
                best.target,
                best.target_value,
                actual,
                best.unit,
                best.status,
            )
        )
    return points


def series(db: Db, name: str, first: int | None = None, last: int | None = None) -> Series:
    """An indicator's target, actual and status per archived year, across renames."""
    with opened(db, create=False) as archive:
        keys = renamed_keys(name, archive.crosswalks())
        rows = archive.indicator_rows(keys, first, last)
    return Series(name, series_points(rows))
