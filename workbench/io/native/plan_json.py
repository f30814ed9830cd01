"""The document as plain JSON data, with a schema version.

This is what the native file's hidden sheet holds (and what autosave writes): everything
needed to rebuild the document exactly, values, provenance and review state included. A file
from a newer version is refused rather than half-read.
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
        "provenance": table.provenance,
        "review": {k: [m.status, m.comment] for k, m in table.review.items()},
    }


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
    for item in data["rows"]:
        key, values = item[0], dict(zip(columns, item[1:], strict=True))
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
