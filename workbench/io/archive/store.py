"""Adding versions to the archive and reading them back.

Saving always adds a version, in one transaction (the plan row if new, the version, its
document, change log and query rows): a failure or a killed process leaves the archive as it
was. Nothing is updated in place except the 审定 mark, and a version so marked stays as it is.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from workbench.core.document import LogEntry, PlanDocument
from workbench.io.archive import rows as query_rows
from workbench.io.archive.connection import ArchiveProblem, Connection, open_archive
from workbench.io.archive.schema import (
    changes,
    documents,
    entries,
    plans,
    version_tables,
    versions,
)

DEFAULT_KIND = "年度计划"
_INSERT_BATCH = 20_000
# zlib level 3: a quarter of level 6's time for 6 % more bytes
_PLAN_LEVEL = 3


@dataclass(frozen=True)
class VersionInfo:
    id: int
    region: str
    year: int
    kind: str
    label: str
    source_name: str
    source_format: str
    sha256: str
    author: str
    created: str
    note: str
    approved: bool
    approved_by: str | None = None
    approved_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "year": self.year,
            "region": self.region,
            "kind": self.kind,
            "label": self.label,
            "created": self.created,
            "author": self.author,
            "source_name": self.source_name,
            "sha256": self.sha256,
            "approved": self.approved,
            "note": self.note,
        }


@dataclass(frozen=True)
class NewVersion:
    """What a save puts in: the file as added and the document read from it."""

    year: int
    label: str
    source_name: str
    source_format: str
    source: bytes
    document: PlanDocument
    author: str
    note: str = ""
    region: str = ""
    kind: str = DEFAULT_KIND


@dataclass(frozen=True)
class TablePart:
    table_id: str
    kind: str
    title: str
    sheet: str
    year: int | None
    rows: int


@dataclass(frozen=True)
class SeriesRow:
    year: int
    version_id: int
    label: str
    approved: bool
    name: str | None
    unit: str | None
    target: str | None
    target_value: float | None
    actual: float | None
    status: str | None


_INFO_COLUMNS = (
    versions.c.id,
    plans.c.region,
    plans.c.year,
    plans.c.kind,
    versions.c.label,
    versions.c.source_name,
    versions.c.source_format,
    versions.c.sha256,
    versions.c.author,
    versions.c.created,
    versions.c.note,
    versions.c.approved,
    versions.c.approved_by,
    versions.c.approved_at,
)


def _info(row: Any) -> VersionInfo:
    return VersionInfo(*row[:11], bool(row[11]), row[12], row[13])


_INF = float("inf")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_field(value: Any) -> str:
    """One value in COPY's text format (NULL is \\N; floats in full precision)."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        return (
            repr(value)
            if value not in (_INF, -_INF)
            else ("Infinity" if value > 0 else "-Infinity")
        )
    return str(value)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Archive:
    """One open archive. Every method is one transaction."""

    def __init__(self, connection: Connection):
        self.connection = connection

    @classmethod
    def open(cls, named: str | os.PathLike | None = None, *, create: bool = True) -> Archive:
        return cls(open_archive(named, create=create))

    @property
    def where(self) -> str:
        return self.connection.where

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------------------
    def add(self, new: NewVersion) -> VersionInfo:
        from workbench.core.compare.crosswalk import Crosswalk
        from workbench.io.native import plan_json

        doc = new.document
        plan_text = plan_json.dumps_utf8(doc)
        record = {
            "label": new.label,
            "source_name": new.source_name,
            "source_format": new.source_format,
            "sha256": hashlib.sha256(new.source).hexdigest(),
            "author": new.author,
            "created": _now(),
            "note": new.note,
            "approved": False,
            "crosswalk": json.dumps(Crosswalk.of(doc).to_dict(), ensure_ascii=False),
        }
        # zlib lets go of the interpreter while it compresses, so the document's JSON is
        # packed on a second thread while this one writes the query rows
        with ThreadPoolExecutor(1) as pool:
            packing = pool.submit(zlib.compress, plan_text, _PLAN_LEVEL)
            del plan_text
            with self.connection.writing() as conn:
                plan_id = self._plan_id(conn, new.region, new.year, new.kind)
                version_id = conn.execute(
                    versions.insert().values(plan_id=plan_id, **record).returning(versions.c.id)
                ).scalar_one()
                log = query_rows.log_rows(doc)
                if log:
                    conn.execute(changes.insert(), [{"version_id": version_id, **e} for e in log])
                for table in doc.tables.values():
                    if table.kind in query_rows.QUERIED_KINDS:
                        self._add_table(conn, doc, table, version_id)
                self._insert_document(conn, version_id, new.source, packing.result())
        self._analyze()
        return self.version(version_id)

    def _add_table(self, conn: sa.engine.Connection, doc: PlanDocument, table, version_id: int):
        vtable_id = conn.execute(
            version_tables.insert()
            .values(
                version_id=version_id,
                table_id=table.id,
                kind=str(table.kind),
                title=table.title or "",
                sheet=table.sheet_name or "",
                year=table.year,
            )
            .returning(version_tables.c.id)
        ).scalar_one()
        columns = query_rows.columns_of(table)
        rows = query_rows.table_rows(doc, table, vtable_id)
        if self.connection.is_sqlite:
            marks = ", ".join("?" * len(columns))
            statement = f"INSERT INTO entries ({', '.join(columns)}) VALUES ({marks})"
            while batch := list(itertools.islice(rows, _INSERT_BATCH)):
                conn.exec_driver_sql(statement, batch)
        else:
            self._copy_rows(conn, columns, rows)

    def _insert_document(
        self, conn: sa.engine.Connection, version_id: int, source: bytes, plan: bytes
    ) -> None:
        if self.connection.is_sqlite:
            conn.execute(documents.insert().values(version_id=version_id, source=source, plan=plan))
            return
        # bytea as binary parameters: as text, psycopg would send each byte as two hex digits
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute(
            "INSERT INTO documents (version_id, source, plan) VALUES (%s, %s, %s)",
            (version_id, source, plan),
            binary=True,
        )

    def _analyze(self) -> None:
        """PostgreSQL plans a series by its statistics; a version adds a hundred thousand
        rows at once, far faster than autovacuum notices, so refresh them now (a sample,
        well under a second). SQLite's planner needs none for the archive's queries.
        The version is committed by then, so a failure here is no failure of the add:
        the server's autovacuum gathers the statistics later."""
        if self.connection.is_sqlite:
            return
        try:
            with self.connection.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "ANALYZE plans, versions, version_tables, entries"
                )
        except sa.exc.SQLAlchemyError:
            pass

    def _plan_id(self, conn: sa.engine.Connection, region: str, year: int, kind: str) -> int:
        found = conn.execute(
            sa.select(plans.c.id).where(
                plans.c.region == region, plans.c.year == year, plans.c.kind == kind
            )
        ).scalar()
        if found is not None:
            return found
        return conn.execute(
            plans.insert().values(region=region, year=year, kind=kind).returning(plans.c.id)
        ).scalar_one()

    def _copy_rows(self, conn: sa.engine.Connection, columns: tuple[str, ...], rows) -> None:
        """PostgreSQL's COPY: the 100k rows of a project list in one stream, inside the
        version's transaction (psycopg's own cursor on the same connection). The rows are
        written as COPY text in large blocks: psycopg's row-by-row writer costs more than
        the server's work."""
        cursor = conn.connection.driver_connection.cursor()
        field = _copy_field
        with cursor.copy(f"COPY entries ({', '.join(columns)}) FROM STDIN") as copy:
            while batch := list(itertools.islice(rows, _INSERT_BATCH)):
                copy.write("".join(["\t".join([field(v) for v in row]) + "\n" for row in batch]))

    def approve(self, version_id: int, who: str) -> VersionInfo:
        """Mark a version 审定: from then on it is read-only."""
        info = self.version(version_id)
        if info.approved:
            raise ArchiveProblem(f"版本 {version_id} 已审定，不能再改动", self.where)
        with self.connection.writing() as conn:
            done = conn.execute(
                versions.update()
                .where(versions.c.id == version_id, versions.c.approved == sa.false())
                .values(approved=True, approved_by=who, approved_at=_now())
            )
            if done.rowcount != 1:
                raise ArchiveProblem(f"版本 {version_id} 已审定，不能再改动", self.where)
        return self.version(version_id)

    # ---- reading ----------------------------------------------------------------------------
    def versions(self, year: int | None = None) -> list[VersionInfo]:
        """Newest first."""
        query = sa.select(*_INFO_COLUMNS).join(plans, plans.c.id == versions.c.plan_id)
        if year is not None:
            query = query.where(plans.c.year == year)
        with self.connection.reading() as conn:
            found = conn.execute(query.order_by(versions.c.id.desc())).all()
        return [_info(row) for row in found]

    def version(self, version_id: int) -> VersionInfo:
        query = (
            sa.select(*_INFO_COLUMNS)
            .join(plans, plans.c.id == versions.c.plan_id)
            .where(versions.c.id == version_id)
        )
        with self.connection.reading() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise ArchiveProblem(f"没有编号为 {version_id} 的版本", self.where)
        return _info(row)

    def source(self, version_id: int) -> bytes:
        """The file exactly as it was added."""
        return bytes(self._document_column(version_id, documents.c.source))

    def document(self, version_id: int) -> PlanDocument:
        """The whole document as it was saved, without reading a workbook."""
        from workbench.io.native import plan_json

        blob = self._document_column(version_id, documents.c.plan)
        try:
            return plan_json.loads_utf8(zlib.decompress(blob), f"版本 {version_id}")
        except (zlib.error, UnicodeDecodeError, ValueError) as exc:
            raise ArchiveProblem(
                f"版本 {version_id} 的文档数据已损坏（{exc}）", self.where
            ) from None

    def _document_column(self, version_id: int, column) -> bytes:
        with self.connection.reading() as conn:
            blob = conn.execute(
                sa.select(column).where(documents.c.version_id == version_id)
            ).scalar()
        if blob is None:
            self.version(version_id)  # names a missing version
            raise ArchiveProblem(f"版本 {version_id} 没有文档数据", self.where)
        return blob

    def tables(self, version_id: int) -> list[TablePart]:
        count = (
            sa.select(sa.func.count())
            .where(entries.c.vtable_id == version_tables.c.id)
            .scalar_subquery()
        )
        query = (
            sa.select(
                version_tables.c.table_id,
                version_tables.c.kind,
                version_tables.c.title,
                version_tables.c.sheet,
                version_tables.c.year,
                count,
            )
            .where(version_tables.c.version_id == version_id)
            .order_by(version_tables.c.id)
        )
        with self.connection.reading() as conn:
            return [TablePart(*row) for row in conn.execute(query)]

    def change_log(self, version_id: int) -> list[LogEntry]:
        query = (
            sa.select(
                changes.c.seq,
                changes.c.at,
                changes.c.who,
                changes.c.label,
                changes.c.kind,
                changes.c.table_id,
                changes.c.row_key,
                changes.c.column_name,
                changes.c.old,
                changes.c.new,
                changes.c.reason,
            )
            .where(changes.c.version_id == version_id)
            .order_by(changes.c.seq)
        )
        with self.connection.reading() as conn:
            found = conn.execute(query).all()
        return [
            LogEntry.from_dict(
                {
                    "seq": r[0],
                    "time": r[1],
                    "user": r[2],
                    "label": r[3],
                    "kind": r[4],
                    "table": r[5],
                    "key": r[6],
                    "column": r[7],
                    "old": json.loads(r[8]) if r[8] is not None else None,
                    "new": json.loads(r[9]) if r[9] is not None else None,
                    "reason": r[10],
                }
            )
            for r in found
        ]

    def crosswalks(self, first: int | None = None, last: int | None = None) -> list[dict]:
        """Each version's crosswalk in the years asked (oldest first)."""
        query = sa.select(versions.c.crosswalk).join(plans, plans.c.id == versions.c.plan_id)
        if first is not None:
            query = query.where(plans.c.year >= first)
        if last is not None:
            query = query.where(plans.c.year <= last)
        with self.connection.reading() as conn:
            texts = conn.execute(query.order_by(versions.c.id)).scalars().all()
        return [json.loads(text or "{}") for text in texts]

    def indicator_rows(
        self, name_keys: set[str], first: int | None = None, last: int | None = None
    ) -> list[SeriesRow]:
        """Every archived row of the indicators with these matching keys, any version."""
        year = sa.func.coalesce(version_tables.c.year, plans.c.year)
        query = (
            sa.select(
                year,
                versions.c.id,
                versions.c.label,
                versions.c.approved,
                entries.c.name,
                entries.c.unit,
                entries.c.target,
                entries.c.target_value,
                entries.c.actual,
                entries.c.status,
            )
            .select_from(entries)
            .join(version_tables, version_tables.c.id == entries.c.vtable_id)
            .join(versions, versions.c.id == version_tables.c.version_id)
            .join(plans, plans.c.id == versions.c.plan_id)
            .where(entries.c.name_key.in_(sorted(name_keys)))
        )
        if first is not None:
            query = query.where(year >= first)
        if last is not None:
            query = query.where(year <= last)
        with self.connection.reading() as conn:
            found = conn.execute(query).all()
        return [SeriesRow(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in found]
