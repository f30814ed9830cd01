"""Read back the collection workbooks departments return, and offer their changes.

A returned workbook is lined up with the plan by the hidden key of each row (written by
`io.writing.collection_workbook`), so sorting or inserting rows does not disturb it. Rows
without a key (inserted by the department, or whose key was damaged) are paired with the
sent rows left over through the comparison engine (`core.compare.align`), so a row deleted
and retyped is still one row. Each workbook is checked: rows not filled, values that are
not numbers or not one of the choices (named by cell), rows added or deleted, a money
column whose unit was changed (converted back to the plan's unit and said so).

The differences become a `core.compare` Comparison whose old side is the plan's own table,
so `core.compare.reconcile` turns accepted ones into ordinary edits (provenance 部门报送);
`accept` applies them with the file's name as the change log's reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbench.core import units
from workbench.core.choices import choose
from workbench.core.compare.align import compare_tables, field_changes
from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.reconcile import Item, edit_for, items_of
from workbench.core.compare.result import Comparison, MatchHow, RowKind, RowMatch
from workbench.core.compare.tolerance import Tolerances, same_value
from workbench.core.compare.unit_slip import UnitSlip, unit_slips
from workbench.core.document import PlanDocument
from workbench.core.edits import Edit
from workbench.core.metadata import TableRole
from workbench.core.numbers import parse_number
from workbench.core.schema import FUNDING, NATURES, TableKind, fields_for
from workbench.core.table import Table
from workbench.io.errors import FileProblem
from workbench.io.writing.collection_workbook import (
    BY_FIELDS,
    COLUMNS,
    DATA_SHEET,
    FORMAT_ID,
    GUIDE_SHEET,
    KEY_HEADER,
    META_SHEET,
    MONEY,
    SENT_SHEET,
    collection_table,
    group_rows,
)

RETURN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".et")
_CHOICES = {"funding": FUNDING, "nature": NATURES}
_LABEL_UNIT = re.compile(r"^(?P<label>[^（(]+)[（(](?P<unit>[^）)]*)[）)]\s*$")


@dataclass
class ReturnedWorkbook:
    """One department's returned workbook, checked and compared with what was sent."""

    path: Path
    unit: str
    by: str
    table_id: str
    comparison: Comparison
    problems: list[str] = field(default_factory=list)  # invalid values, damaged keys…
    unfilled: list[str] = field(default_factory=list)  # names of rows with figures to fill
    unit_changes: list[str] = field(default_factory=list)
    contact: dict[str, Any] = field(default_factory=dict)  # 填报人, 联系电话, 填报日期

    @property
    def name(self) -> str:
        return self.path.name

    def counts(self) -> dict[str, int]:
        c = self.comparison.counts()
        return {
            "changed": c[RowKind.CHANGED],
            "added": c[RowKind.ADDED],
            "removed": c[RowKind.REMOVED],
            "suggested": c["suggested"],
        }

    @property
    def changes(self) -> int:
        c = self.counts()
        return c["changed"] + c["added"] + c["removed"]

    def items(self) -> list[Item]:
        return items_of(self.comparison)

    def unit_slips(self) -> list[UnitSlip]:
        """Figures that look typed in the wrong unit (万元 where 亿元 is asked)."""
        return unit_slips(self.comparison)

    def edit(self, items: Iterable[Item] | None = None) -> Edit | None:
        """The edit accepting `items` (all by default) into the plan."""
        return edit_for(self.comparison, self.items() if items is None else items)

    def accept(self, doc: PlanDocument, items: Iterable[Item] | None = None) -> Edit | None:
        """Apply the accepted changes through the one edit path; returns the inverse (None
        when there was nothing to accept). The change log's reason is the file's name."""
        edit = self.edit(items)
        if edit is None:
            return None
        return doc.apply(edit, reason=f"部门报送：{self.name}")

    def to_dict(self) -> dict[str, Any]:
        comparison = self.comparison
        label = comparison.key_column
        return {
            "path": str(self.path),
            "unit": self.unit,
            "counts": self.counts(),
            "changed": [
                {
                    "key": m.old_key,
                    "name": comparison.old_name(m.old_key),
                    "changes": [c.to_dict() for c in m.changes],
                }
                for m in comparison.changed
            ],
            "added": [dict(comparison.new.rows[k]) for k in comparison.added],
            "removed": [{"key": k, label: comparison.old_name(k)} for k in comparison.removed],
            "problems": list(self.problems),
            "unfilled": list(self.unfilled),
            "unit_changes": list(self.unit_changes),
            "unit_slips": [
                {
                    "name": comparison.new_name(u.new_key),
                    "field": u.field,
                    "old": u.old,
                    "new": u.new,
                    "reason": u.reason,
                }
                for u in self.unit_slips()
            ],
            "contact": {k: str(v) for k, v in self.contact.items()},
        }


@dataclass
class ReturnSummary:
    """Who returned, who did not, and how many changes each brought."""

    table_id: str
    by: str
    returned: list[ReturnedWorkbook] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # units with no returned file
    unreadable: list[str] = field(default_factory=list)  # one line per file that failed

    def lines(self) -> list[str]:
        out = [
            f"已返回 {len(self.returned)} 个单位，未返回 {len(self.missing)} 个"
            + (f"，无法读取 {len(self.unreadable)} 个文件" if self.unreadable else "")
        ]
        for item in self.returned:
            c = item.counts()
            line = (
                f"  {item.unit}（{item.name}）：修改 {c['changed']} 行，新增 {c['added']} 行，"
                f"删除 {c['removed']} 行"
            )
            if item.unfilled:
                line += f"，未填 {len(item.unfilled)} 行"
            if item.problems:
                line += f"，问题 {len(item.problems)} 处"
            out.append(line)
            out.extend(f"    {p}" for p in item.problems + item.unit_changes)
        if self.missing:
            out.append("未返回：" + "、".join(self.missing))
        out.extend(f"无法读取：{m}" for m in self.unreadable)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table_id,
            "by": self.by,
            "returned": [r.to_dict() for r in self.returned],
            "missing": list(self.missing),
            "unreadable": list(self.unreadable),
        }


# ---- reading one workbook ---------------------------------------------------------------------
class _Book:
    """The sheets of a returned file by name, empty cells as None. Read through the same
    safe reader as every spreadsheet (`workbook_source`), so a return saved by Excel, WPS
    or LibreOffice as .xlsx, .xls or .ods is read alike, hidden sheets included."""

    def __init__(self, path: Path) -> None:
        from workbench.io.reading.workbook_source import read_workbook

        if not path.is_file():
            raise FileProblem("文件不存在", path)
        raw = read_workbook(path)
        self.sheets = {
            sheet.name: [tuple(None if v == "" else v for v in row) for row in sheet.rows]
            for sheet in raw.sheets
        }

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        return self.sheets[name]


def _meta(workbook: _Book, path: Path) -> dict[str, str]:
    if META_SHEET not in workbook.sheetnames:
        raise FileProblem("不是本工作台生成的部门填报表（缺少隐藏的填报信息表）", path)
    meta: dict[str, str] = {}
    for row in workbook.rows(META_SHEET):
        if len(row) >= 2 and isinstance(row[0], str):
            meta[row[0]] = "" if row[1] is None else _plain(row[1])
    if meta.get("格式") != FORMAT_ID:
        raise FileProblem(f"填报表格式“{meta.get('格式', '')}”无法识别", path, META_SHEET)
    return meta


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def _number(value: Any) -> tuple[float | None, str | None]:
    """(number, problem): a money cell as typed, or text read by the one number parser
    (WPS often keeps a pasted figure as text); a percentage is not money."""
    parsed = parse_number(value)
    if parsed.error:
        return None, parsed.error
    if parsed.percent:
        return None, f"“{value}”是百分数，不是金额"
    return parsed.value, None


def read_returned(
    path: str | os.PathLike, doc: PlanDocument, crosswalk: Crosswalk | None = None
) -> ReturnedWorkbook:
    """Check one returned workbook and compare it with the plan's rows of its unit."""
    path = Path(path)
    workbook = _Book(path)
    meta = _meta(workbook, path)
    table_id = meta.get("表标识", "")
    if table_id not in doc.tables:
        raise FileProblem(f"计划中没有这份填报表对应的表（{table_id}）", path, META_SHEET)
    plan = doc.tables[table_id]
    if plan.kind is not TableKind.PROJECTS:
        raise FileProblem(f"“{plan.title}”不是项目表", path, META_SHEET)
    by = meta.get("分组", "owner")
    unit = meta.get("填报单位", "")
    sent = [k for k in meta.get("已发送行", "").split(",") if k]
    sent_set = set(sent)
    if DATA_SHEET not in workbook.sheetnames:
        raise FileProblem(f"缺少工作表“{DATA_SHEET}”", path)
    rows = workbook.rows(DATA_SHEET)
    header_at = next(
        (i for i, row in enumerate(rows[:20]) if any(v == KEY_HEADER for v in row)), None
    )
    if header_at is None:
        raise FileProblem(f"找不到表头（“{KEY_HEADER}”列）", path, DATA_SHEET)
    header = rows[header_at]
    specs = {f.key: f for f in fields_for(TableKind.PROJECTS)}
    by_label = {specs[k].label: k for k in COLUMNS}
    columns: dict[str, int] = {}
    factors: dict[str, tuple[str, str]] = {}  # money field → (unit written, unit expected)
    unit_changes: list[str] = []
    key_col = -1
    for c, text in enumerate(header):
        if text == KEY_HEADER:
            key_col = c
            continue
        if not isinstance(text, str):
            continue
        found = _LABEL_UNIT.match(text.strip())
        label, written = (
            (found["label"].strip(), found["unit"].strip()) if found else (text.strip(), "")
        )
        key = by_label.get(label)
        if key is None:
            continue
        columns[key] = c
        if key in MONEY and written and written != (specs[key].unit or ""):
            expected = specs[key].unit or "亿元"
            if units.convertible(written, expected):
                factors[key] = (written, expected)
                unit_changes.append(
                    f"“{label}”的单位被改为{written}，已换算为{expected}（{_cell(header_at, c)}）"
                )
            else:
                unit_changes.append(
                    f"“{label}”的单位被改为“{written}”，无法换算（{_cell(header_at, c)}）"
                )
    missing = [specs[k].label for k in ("name",) if k not in columns]
    if missing:
        raise FileProblem(f"表头缺少“{'、'.join(missing)}”列", path, DATA_SHEET)

    snapshot = _snapshot(workbook)
    group_field = BY_FIELDS.get(by, "owner")
    returned = Table(
        id=plan.id, kind=TableKind.PROJECTS, title=f"{plan.title}（{path.name}）", unit=plan.unit
    )
    problems: list[str] = []
    loose: list[str] = []  # returned rows without a usable key
    seen: set[str] = set()
    extra = 0
    for i in range(header_at + 1, len(rows)):
        row = rows[i]
        values: dict[str, Any] = {}
        raw_key = row[key_col] if 0 <= key_col < len(row) else None
        for key, c in columns.items():
            values[key] = _text(row[c]) if c < len(row) else None
        if all(v is None for v in values.values()):
            continue  # a blank row (the template leaves some for new projects)
        key = None
        if isinstance(raw_key, str) and "|" in raw_key:
            tid, _, rk = raw_key.partition("|")
            if tid == plan.id and rk in sent_set and rk not in seen and rk in plan.rows:
                key = rk
        if raw_key not in (None, "") and key is None:
            problems.append(f"第 {i + 1} 行的行标识“{raw_key}”无法识别或重复，按新增行处理")
        base = plan.rows[key] if key else {}
        for name, c in columns.items():
            value = values[name]
            if name in MONEY:
                number, problem = _number(value)
                if problem:
                    problems.append(f"单元格 {_cell(i, c)}：{problem}，未采用")
                    values[name] = base.get(name)
                    continue
                if number is not None and name in factors:
                    number = units.convert(number, *factors[name])
                if number is not None and number < 0:
                    problems.append(f"单元格 {_cell(i, c)}：{value} 为负数，未采用")
                    values[name] = base.get(name)
                    continue
                values[name] = number
            elif name in _CHOICES and value is not None:
                chosen = choose(name, value, _CHOICES[name])  # 民间投资 reads as on import
                if chosen is None:
                    problems.append(
                        f"单元格 {_cell(i, c)}：“{value}”不是{'/'.join(_CHOICES[name])}之一，未采用"
                    )
                    values[name] = base.get(name)
                else:
                    values[name] = chosen
            elif value is not None and not isinstance(value, str):
                values[name] = _plain(value)
        full = {c: base.get(c) for c in returned.columns}
        sent_values = snapshot.get(key) if key else None
        for name, value in values.items():
            # untouched since sent: the plan's value stands (it may have been revised since)
            if sent_values is None or not same_value(sent_values.get(name), value):
                full[name] = value
        if key is None:
            if full.get(group_field) is None and unit:
                full[group_field] = unit  # a new row of this unit's own workbook
            extra += 1
            key = f"n{extra}"
            loose.append(key)
        seen.add(key)
        returned.append(full, key=key)

    fields = tuple(k for k in COLUMNS if k in columns)
    comparison = Comparison(
        old=plan,
        new=returned,
        key_column="name",
        fields=fields,
        crosswalk=crosswalk if crosswalk is not None else Crosswalk.of(doc),
        tolerances=Tolerances(),
        group_field="sector",
    )
    keyed = [k for k in returned.keys if k not in loose]
    gone = [k for k in sent if k not in seen and k in plan.rows]
    pairs: dict[str, RowMatch] = {}
    if gone and loose:  # a row deleted and typed again is still one row: the engine decides
        left_old = _subtable(plan, gone)
        left_new = _subtable(returned, loose)
        sub = compare_tables(left_old, left_new, crosswalk=comparison.crosswalk)
        for match in sub.matched:
            pairs[match.new_key] = match
        comparison.suggestions.extend(sub.suggestions)
    paired_old = {m.old_key for m in pairs.values()}
    for key in returned.keys:
        if key in pairs:
            m = pairs[key]
            comparison.matched.append(
                RowMatch(m.old_key, key, m.how, m.score, field_changes(comparison, m.old_key, key))
            )
        elif key in keyed:
            comparison.matched.append(
                RowMatch(key, key, MatchHow.KEY, 1.0, field_changes(comparison, key, key))
            )
        else:
            comparison.added.append(key)
    comparison.removed = [k for k in gone if k not in paired_old]

    figure = "completed" if plan.meta.role is TableRole.EXECUTION else "annual_plan"
    unfilled = [
        str(row.get("name") or "")
        for _, row in returned
        if figure in columns and row.get(figure) is None
    ]
    return ReturnedWorkbook(
        path=path,
        unit=unit,
        by=by,
        table_id=plan.id,
        comparison=comparison,
        problems=problems,
        unfilled=unfilled,
        unit_changes=unit_changes,
        contact=_contact(workbook),
    )


def _snapshot(workbook) -> dict[str, dict[str, Any]]:
    """The values as sent, per row key; empty for a file without the sheet."""
    if SENT_SHEET not in workbook.sheetnames:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in workbook.rows(SENT_SHEET):
        if row and isinstance(row[0], str):
            cells = list(row[1:]) + [None] * len(COLUMNS)
            out[row[0]] = {name: _text(cells[i]) for i, name in enumerate(COLUMNS)}
    return out


def _subtable(table: Table, keys: list[str]) -> Table:
    part = Table(id=table.id, kind=table.kind, title=table.title, unit=table.unit)
    for key in keys:
        part.append(dict(table.rows[key]), key=key)
    return part


def _plain(value: Any) -> Any:
    """A non-text cell in a text column (a number typed as a district code, a date)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return str(value)


def _contact(workbook) -> dict[str, Any]:
    if GUIDE_SHEET not in workbook.sheetnames:
        return {}
    out: dict[str, Any] = {}
    for row in workbook.rows(GUIDE_SHEET):
        label, value = (row[0], row[1]) if len(row) >= 2 else (None, None)
        if label in ("填报人", "联系电话", "填报日期") and value not in (None, ""):
            out[label] = value.date().isoformat() if isinstance(value, datetime) else value
    return out


def _cell(row: int, col: int) -> str:
    """A1-style name of a 0-based cell."""
    letters, n = "", col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


# ---- a folder ---------------------------------------------------------------------------------
def read_returns(
    folder: str | os.PathLike,
    doc: PlanDocument,
    *,
    by: str | None = None,
    crosswalk: Crosswalk | None = None,
) -> ReturnSummary:
    """Every returned workbook in `folder`; units of the plan with no file are `missing`.
    Files that are not collection workbooks (a cover letter, a stray copy) are listed as
    unreadable with the reason, never silently skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileProblem("文件夹不存在", folder)
    returned: list[ReturnedWorkbook] = []
    unreadable: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in RETURN_SUFFIXES or path.name.startswith(("~$", ".~")):
            continue
        try:
            returned.append(read_returned(path, doc, crosswalk))
        except FileProblem as exc:
            unreadable.append(str(exc))
    table = doc.tables.get(returned[0].table_id) if returned else collection_table(doc)
    assert table is not None
    grouping = by or (returned[0].by if returned else "owner")
    units = list(group_rows(table, grouping))
    got = {r.unit for r in returned}
    return ReturnSummary(
        table_id=table.id,
        by=grouping,
        returned=returned,
        missing=[u for u in units if u not in got],
        unreadable=unreadable,
    )
