"""The document as plain JSON data, with a schema version.

This is what the native file's hidden sheet holds (and what autosave writes): everything
needed to rebuild the document exactly, values, provenance and review state included. A file
from a newer version is refused rather than half-read.

Version 1 grew one optional member per table, `extras` ({row key: {"series": {...},
"actual_year": 2022}}), for the yearly figures of indicator-by-year tables. It is additive:
files without it load as before, and a reader that predates it ignores it (losing only the
series, as it always did), so the version number stays 1 and older programs still open newer
files.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

from workbench.core.document import LogEntry, PlanDocument, ReadWarning
from workbench.core.metadata import TableMeta
from workbench.core.properties import DocumentProperties
from workbench.core.review import ReviewMark
from workbench.core.schema import check_extra
from workbench.core.status import StatusPolicy
from workbench.core.table import CellSource, Table

FORMAT = "plan-workbench"
VERSION = 1


class SchemaError(ValueError):
    """The data is not a plan document this version can read."""


def table_to_data(table: Table) -> dict[str, Any]:
    columns = list(table.columns)
    return {
        "id": table.id,
        "kind": str(table.kind),
        "title": table.title,
        "sheet_name": table.sheet_name,
        "year": table.year,
        "unit": table.unit,
        "default_provenance": table.default_provenance,
        "notes": list(table.notes),
        "subtotals": table.subtotals,
        "meta": table.meta.to_data(),
        "source": asdict(table.source) if table.source else None,
        "row_source": table.row_source,
        "next_key": table.next_key,
        "columns": columns,
        "rows": [[key, *[table.rows[key].get(c) for c in columns]] for key in table.keys],
        **_extras_data(table),
        "provenance": table.provenance,
        "review": {k: [m.status, m.comment] for k, m in table.review.items()},
    }


def _extras_data(table: Table) -> dict[str, Any]:
    """{"extras": {key: {name: value}}} for rows carrying optional members, else nothing, so
    tables without them are saved exactly as before."""
    names = table.extras
    if not names:
        return {}
    extras: dict[str, dict[str, Any]] = {}
    for key in table.keys:
        row = table.rows[key]
        held = {n: row[n] for n in names if row.get(n) is not None}
        if held:
            extras[key] = held
    return {"extras": extras} if extras else {}


def _read_extras(table: Table, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    extras = data.get("extras")
    if extras is None:
        return {}
    if not isinstance(extras, dict):
        raise SchemaError(f"表“{table.title}”的附加数据已损坏")
    checked: dict[str, dict[str, Any]] = {}
    for key, held in extras.items():
        if not isinstance(held, dict):
            raise SchemaError(f"表“{table.title}”行 {key!r} 的附加数据已损坏")
        unknown = set(held) - set(table.extras)
        if unknown:
            raise SchemaError(f"表“{table.title}”含未知的附加数据 {sorted(unknown)}")
        try:
            checked[key] = {n: check_extra(n, v) for n, v in held.items()}
        except ValueError as exc:
            raise SchemaError(f"表“{table.title}”行 {key!r}：{exc}") from None
    return checked


def table_from_data(data: dict[str, Any]) -> Table:
    source = data.get("source")
    table = Table(
        id=data["id"],
        kind=data["kind"],
        title=data["title"],
        sheet_name=data.get("sheet_name", ""),
        year=data.get("year"),
        unit=data.get("unit"),
        default_provenance=data.get("default_provenance", "示例"),
        notes=list(data.get("notes", [])),
        subtotals=list(data.get("subtotals", [])),
        meta=TableMeta.from_data(data.get("meta")),
        source=CellSource(**{**source, "header_rows": tuple(source.get("header_rows", ()))})
        if source
        else None,
        row_source=dict(data.get("row_source", {})),
    )
    columns = data["columns"]
    unknown = set(columns) - set(table.columns)
    if unknown:
        raise SchemaError(f"表“{table.title}”含未知字段 {sorted(unknown)}")
    provenance = data.get("provenance", {})
    review = data.get("review", {})
    extras = _read_extras(table, data)
    for item in data["rows"]:
        key, values = item[0], dict(zip(columns, item[1:], strict=True))
        if key in extras:
            values.update(extras[key])
        mark = ReviewMark(*review[key]) if key in review else None
        table.append(values, provenance.get(key), mark, key=key)
    table.next_key = max(table.next_key, int(data.get("next_key", 1)))
    return table


def document_to_data(doc: PlanDocument) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "document": {
            "region": doc.region,
            "exec_year": doc.exec_year,
            "plan_year": doc.plan_year,
            "title": doc.title,
            "properties": doc.properties.to_data(),
            "policy": asdict(doc.policy),
        },
        "tables": [table_to_data(t) for t in doc.tables.values()],
        "warnings": [asdict(w) for w in doc.warnings],
        "change_log": [e.to_dict() for e in doc.change_log],
    }


def document_from_data(data: dict[str, Any], where: str = "") -> PlanDocument:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SchemaError(f"{where}不是计划审核工作台的文档数据")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise SchemaError(f"{where}文档版本号无效：{version!r}")
    if version > VERSION:
        raise SchemaError(
            f"{where}由更新版本的工作台保存（格式版本 {version}，本程序支持到 {VERSION}），请升级后再打开"
        )
    head = data.get("document", {})
    doc = PlanDocument(
        region=head.get("region", ""),
        exec_year=head.get("exec_year"),
        plan_year=head.get("plan_year"),
        title=head.get("title", ""),
        properties=DocumentProperties.from_data(head.get("properties")),
        policy=StatusPolicy(**head.get("policy", {})),
    )
    if doc.policy.problem:
        raise SchemaError(f"{where}审核容差无效：{doc.policy.problem}")
    for table_data in data.get("tables", []):
        doc.add_table(table_from_data(table_data))
    doc.warnings = [ReadWarning(**w) for w in data.get("warnings", [])]
    doc.change_log = [LogEntry.from_dict(e) for e in data.get("change_log", [])]
    return doc


# Characters JSON leaves alone but XML 1.0 (inside an xlsx) cannot carry.
_XML_UNSAFE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def encode(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _XML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def decode(text: str, where: str = "") -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{where}文档数据已损坏（第 {exc.pos} 个字符处：{exc.msg}）") from None
    if not isinstance(data, dict):
        raise SchemaError(f"{where}不是计划审核工作台的文档数据")
    return data


def dumps(doc: PlanDocument) -> str:
    return encode(document_to_data(doc))


def loads(text: str, where: str = "") -> PlanDocument:
    return document_from_data(decode(text, where), where)


def dumps_utf8(doc: PlanDocument) -> bytes:
    """The document as UTF-8 JSON bytes, for stores outside a workbook (the archive): no XML
    escaping, and orjson's encoder, eight times the standard one's speed on a 100k-row
    list. What orjson refuses (an integer past 64 bits, a key that is no string) is encoded
    by the standard one, so the data read back is the same either way."""
    import orjson

    data = document_to_data(doc)
    try:
        return orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads_utf8(blob: bytes, where: str = "") -> PlanDocument:
    """What dumps_utf8 wrote, or any UTF-8 plan JSON."""
    import orjson

    try:
        data = orjson.loads(blob)
    except orjson.JSONDecodeError:
        return loads(blob.decode("utf-8"), where)  # names the place it is damaged
    if not isinstance(data, dict):
        raise SchemaError(f"{where}不是计划审核工作台的文档数据")
    return document_from_data(data, where)
