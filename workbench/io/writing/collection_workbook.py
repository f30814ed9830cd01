"""Collection workbooks: one per responsible unit (or sector), sent to departments to fill.

Each workbook holds only that unit's project rows, in the annex layout, and is built so that
what comes back can be read without guessing:

- a hidden key column (行标识) per row: the returned file lines up exactly with the plan
  even after the department sorted the rows or inserted new ones;
- typed cells: data validation for numbers (money ≥ 0) and the choices 建设性质/投资来源;
- the structure protected: columns cannot be inserted or deleted, the title, header, key
  and the unit's own column are locked; figures, names and notes are editable; rows may be
  inserted (or filled into the blank rows left below the list) and deleted;
- an instructions sheet in Chinese (units, column meanings, deadline, who filled it);
- a hidden sheet (_填报信息) naming the plan, the table, the grouping, the unit, the
  columns and the keys sent, and a very hidden one (_发送内容) with the values as sent,
  which `io.reading.returned_workbook` reads back: a department's change is what differs
  from what it was sent, not from the plan as it is by then.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.schema import FUNDING, NATURES, FieldType, TableKind, fields_for
from workbench.core.table import Table
from workbench.core.vocab import HEADER_FILL
from workbench.io.errors import FileProblem

FORMAT_ID = "workbench-collection/1"
DATA_SHEET = "填报表"
GUIDE_SHEET = "填报说明"
META_SHEET = "_填报信息"
SENT_SHEET = "_发送内容"  # the values as sent, so edits made in the plan since are not undone
KEY_HEADER = "行标识（请勿修改）"
SEQ_HEADER = "序号"
HEADER_ROW = 3  # 0-based sheet row of the column header; data start below it
BLANK_ROWS = 20  # unlocked rows below the list for new projects
BY_FIELDS = {"owner": "owner", "sector": "sector"}
BY_WORDS = {"owner": "责任单位", "sector": "领域"}
NO_GROUP = "（未填）"
# The project columns a department fills, in annex order (completion_rate is computed).
COLUMNS: tuple[str, ...] = (
    "name",
    "sector",
    "funding",
    "nature",
    "total_investment",
    "annual_plan",
    "completed",
    "owner",
    "district",
    "note",
)
MONEY = ("total_investment", "annual_plan", "completed")
MEANINGS = {
    "name": "项目全称，与立项批复一致；可更正错字，请勿合并或拆分项目",
    "sector": "项目所属领域（板块）",
    "funding": "政府投资 / 企业投资，从下拉列表选择",
    "nature": "新开工 / 续建 / 竣工 / 前期，从下拉列表选择",
    "total_investment": "项目总投资",
    "annual_plan": "本年度计划完成的投资",
    "completed": "本年度已完成的投资（执行情况填报时填写）",
    "owner": "项目责任单位或业主",
    "district": "项目所在区县",
    "note": "需要说明的情况（如调整原因、前期进展）",
}
WIDTHS = {
    "name": 34,
    "sector": 12,
    "funding": 10,
    "nature": 9,
    "owner": 18,
    "district": 10,
    "note": 28,
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\[\]\x00-\x1f]')


@dataclass(frozen=True)
class CollectionWorkbook:
    path: Path
    unit: str
    rows: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "unit": self.unit, "rows": self.rows}


def collection_table(doc: PlanDocument) -> Table:
    """The project table departments fill: the plan year's, else the latest one."""
    projects = [t for t in doc.tables.values() if t.kind is TableKind.PROJECTS]
    if not projects:
        raise ValueError("计划中没有项目表，无法生成部门填报表")
    for table in projects:
        if doc.plan_year is not None and table.year == doc.plan_year:
            return table
    return max(projects, key=lambda t: t.year or 0)


def group_rows(table: Table, by: str) -> dict[str, list[str]]:
    """Row keys per unit, in the order units first appear."""
    if by not in BY_FIELDS:
        raise ValueError(f"分组方式应为 owner 或 sector，而不是“{by}”")
    column = BY_FIELDS[by]
    groups: dict[str, list[str]] = {}
    for key, row in table:
        value = row.get(column)
        name = value.strip() if isinstance(value, str) and value.strip() else NO_GROUP
        groups.setdefault(name, []).append(key)
    return groups


def file_name(unit: str, year: int | None, used: set[str]) -> str:
    stem = _UNSAFE.sub("_", unit).strip(" .") or "未命名单位"
    base = f"{stem}_{year}年填报表" if year else f"{stem}_填报表"
    name, n = f"{base}.xlsx", 2
    while name.lower() in used:
        name, n = f"{base}_{n}.xlsx", n + 1
    used.add(name.lower())
    return name


def header_label(key: str) -> str:
    spec = next(f for f in fields_for(TableKind.PROJECTS) if f.key == key)
    return f"{spec.label}（{spec.unit}）" if spec.unit else spec.label


def write_collection_workbooks(
    doc: PlanDocument,
    folder: str | os.PathLike,
    *,
    by: str = "owner",
    deadline: date | None = None,
    table: Table | None = None,
) -> list[CollectionWorkbook]:
    """One workbook per unit into `folder` (created if missing)."""
    table = table or collection_table(doc)
    groups = group_rows(table, by)
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(f"无法创建输出文件夹：{exc.strerror or exc}", out) from None
    used: set[str] = set()
    written = []
    for unit, keys in groups.items():
        path = out / file_name(unit, table.year, used)
        write_collection_workbook(doc, table, unit, keys, path, by=by, deadline=deadline)
        written.append(CollectionWorkbook(path, unit, len(keys)))
    return written


def write_collection_workbook(
    doc: PlanDocument,
    table: Table,
    unit: str,
    keys: list[str],
    path: str | os.PathLike,
    *,
    by: str = "owner",
    deadline: date | None = None,
) -> Path:
    import xlsxwriter

    path = Path(path)
    workbook = xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True})
    try:
        _write(workbook, doc, table, unit, keys, by, deadline)
    finally:
        try:
            workbook.close()
        except OSError as exc:
            raise FileProblem(f"无法写入：{exc.strerror or exc}", path) from None
    return path


def _write(workbook, doc, table, unit, keys, by, deadline) -> None:
    body = {"font_name": "宋体", "font_size": 10.5, "border": 1, "valign": "vcenter"}
    fmt = {
        "title": workbook.add_format(
            {"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}
        ),
        "sub": workbook.add_format({"font_name": "宋体", "font_size": 10.5}),
        "header": workbook.add_format(
            {
                **body,
                "font_name": "黑体",
                "bold": True,
                "align": "center",
                "text_wrap": True,
                "bg_color": HEADER_FILL,
            }
        ),
        "locked": workbook.add_format({**body, "bg_color": HEADER_FILL}),
        "text": workbook.add_format({**body, "locked": False}),
        "money": workbook.add_format({**body, "locked": False, "num_format": "0.0000"}),
        "guide": workbook.add_format({"font_name": "宋体", "font_size": 11, "text_wrap": True}),
        "guide_head": workbook.add_format({"font_name": "黑体", "font_size": 12, "bold": True}),
        "input": workbook.add_format({"border": 1, "locked": False}),
        "date": workbook.add_format({"border": 1, "locked": False, "num_format": "yyyy-mm-dd"}),
    }
    group_column = BY_FIELDS[by]
    money_unit = table.unit or "亿元"
    sheet = workbook.add_worksheet(DATA_SHEET)
    guide = workbook.add_worksheet(GUIDE_SHEET)
    meta = workbook.add_worksheet(META_SHEET)
    sheet.activate()

    # ---- the data sheet ---------------------------------------------------------------
    last_col = len(COLUMNS) + 1  # 序号 + columns + key
    sheet.merge_range(0, 0, 0, last_col - 1, f"{table.title}——{unit}", fmt["title"])
    sheet.set_row(0, 28)
    due = f"　填报截止：{deadline.isoformat()}" if deadline else ""
    sheet.write_string(1, 0, f"填报单位：{unit}　　单位：{money_unit}{due}", fmt["sub"])
    sheet.write_string(2, 0, "（灰色单元格不可修改；新增项目请填在表末空白行）", fmt["sub"])
    sheet.write_string(HEADER_ROW, 0, SEQ_HEADER, fmt["header"])
    for c, key in enumerate(COLUMNS, start=1):
        sheet.write_string(HEADER_ROW, c, header_label(key), fmt["header"])
    sheet.write_string(HEADER_ROW, last_col, KEY_HEADER, fmt["header"])
    sheet.set_row(HEADER_ROW, 30)
    sheet.set_column(0, 0, 6)
    for c, key in enumerate(COLUMNS, start=1):
        sheet.set_column(c, c, WIDTHS.get(key, 13))
    sheet.set_column(last_col, last_col, 14, None, {"hidden": True})
    first = HEADER_ROW + 1
    for i, key in enumerate(keys):
        r = first + i
        row = table.rows[key]
        sheet.write_number(r, 0, i + 1, fmt["locked"])
        for c, name in enumerate(COLUMNS, start=1):
            value = row.get(name)
            style = fmt["money"] if name in MONEY else fmt["text"]
            if name == group_column:
                style = fmt["locked"]
            _cell(sheet, r, c, value, style)
        sheet.write_string(r, last_col, f"{table.id}|{key}", fmt["locked"])
    end = first + len(keys) + BLANK_ROWS - 1
    for r in range(first + len(keys), end + 1):
        sheet.write_blank(r, 0, None, fmt["text"])
        for c, name in enumerate(COLUMNS, start=1):
            sheet.write_blank(r, c, None, fmt["money"] if name in MONEY else fmt["text"])
        sheet.write_blank(r, last_col, None, fmt["text"])
    _validations(sheet, table, first, end)
    sheet.freeze_panes(first, 2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    sheet.repeat_rows(HEADER_ROW)
    sheet.print_area(0, 0, end, last_col - 1)
    sheet.protect(
        "",
        {
            "insert_rows": True,
            "delete_rows": True,
            "sort": True,
            "autofilter": True,
            "format_columns": True,
            "format_rows": True,
            "insert_columns": False,
            "delete_columns": False,
        },
    )

    # ---- the instructions ---------------------------------------------------------------
    guide.set_column(0, 0, 22)
    guide.set_column(1, 1, 70)
    lines: list[tuple[str, str]] = [
        ("填报单位", unit),
        ("计划", doc.title or table.title),
        ("表", table.title),
        ("金额单位", f"{money_unit}（请勿改为万元；小数保留至四位）"),
        ("填报截止", deadline.isoformat() if deadline else "按通知要求"),
        ("项目数", f"{len(keys)} 个"),
    ]
    guide.merge_range(0, 0, 0, 1, "部门填报说明", fmt["title"])
    r = 2
    for label, text in lines:
        guide.write_string(r, 0, label, fmt["guide_head"])
        guide.write_string(r, 1, text, fmt["guide"])
        r += 1
    r += 1
    guide.write_string(r, 0, "各列含义", fmt["guide_head"])
    r += 1
    for key in COLUMNS:
        guide.write_string(r, 0, header_label(key), fmt["guide"])
        guide.write_string(r, 1, MEANINGS[key], fmt["guide"])
        r += 1
    r += 1
    guide.write_string(r, 0, "填报要求", fmt["guide_head"])
    r += 1
    rules = (
        "1. 请在“填报表”工作表中填写白色单元格；灰色单元格（序号、表头、"
        f"{BY_WORDS[by]}）不可修改。",
        "2. 新增项目请填在表末的空白行，或插入整行后填写；不再实施的项目可删除整行，并在报送函中说明。",
        "3. 可以筛选；如需排序，可先“撤消工作表保护”（无密码）再排序，行的顺序不影响汇总。"
        "请勿增删列，请勿修改隐藏的“行标识”列。",
        "4. 数字请直接填写数值，不要带单位或文字；建设性质、投资来源请从下拉列表选择。",
        "5. 填好后请保存为 .xlsx 格式（Excel、WPS 均可），文件名保持不变，按期报送。",
    )
    for text in rules:
        guide.merge_range(r, 0, r, 1, text, fmt["guide"])
        r += 1
    r += 1
    guide.write_string(r, 0, "填报人", fmt["guide_head"])
    guide.write_blank(r, 1, None, fmt["input"])
    guide.write_string(r + 1, 0, "联系电话", fmt["guide_head"])
    guide.write_blank(r + 1, 1, None, fmt["input"])
    guide.write_string(r + 2, 0, "填报日期", fmt["guide_head"])
    guide.write_blank(r + 2, 1, None, fmt["date"])
    guide.data_validation(
        r + 2,
        1,
        r + 2,
        1,
        {
            "validate": "date",
            "criteria": ">=",
            "value": datetime(2000, 1, 1),
            "error_title": "日期无效",
            "error_message": "请填写日期，如 2022-01-15",
        },
    )
    guide.fit_to_pages(1, 0)
    guide.set_paper(9)
    guide.protect("", {"format_columns": True})

    # ---- what the reader needs ----------------------------------------------------------
    entries = [
        ("格式", FORMAT_ID),
        ("计划", doc.title),
        ("表标识", table.id),
        ("表名", table.title),
        ("年度", str(table.year or "")),
        ("分组", by),
        ("填报单位", unit),
        ("金额单位", money_unit),
        ("列", ",".join(COLUMNS)),
        ("行数", str(len(keys))),
        ("生成时间", datetime.now().isoformat(timespec="seconds")),
        ("截止日期", deadline.isoformat() if deadline else ""),
        ("已发送行", ",".join(keys)),
    ]
    for i, (label, value) in enumerate(entries):
        meta.write_string(i, 0, label)
        meta.write_string(i, 1, value)
    meta.hide()
    meta.protect("")
    snapshot = workbook.add_worksheet(SENT_SHEET)
    for i, key in enumerate(keys):
        snapshot.write_string(i, 0, key)
        row = table.rows[key]
        for c, name in enumerate(COLUMNS, start=1):
            _cell(snapshot, i, c, row.get(name), None)
    snapshot.very_hidden()
    snapshot.protect("")


def _cell(sheet, r: int, c: int, value: Any, style) -> None:
    if value is None or value == "":
        sheet.write_blank(r, c, None, style)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(r, c, value, style)
    else:
        sheet.write_string(r, c, str(value), style)


def _validations(sheet, table: Table, first: int, end: int) -> None:
    specs = {f.key: f for f in table.fields}
    for c, key in enumerate(COLUMNS, start=1):
        spec = specs[key]
        if key in MONEY:
            sheet.data_validation(
                first,
                c,
                end,
                c,
                {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0,
                    "input_title": spec.label,
                    "input_message": f"单位：{table.unit or '亿元'}，填数值",
                    "error_title": "应为数值",
                    "error_message": f"“{spec.label}”应为不小于 0 的数值（单位：{table.unit or '亿元'}）",
                },
            )
        elif spec.type is FieldType.CHOICE:
            choices = {"funding": FUNDING, "nature": NATURES}.get(key, spec.choices)
            sheet.data_validation(
                first,
                c,
                end,
                c,
                {
                    "validate": "list",
                    "source": list(choices),
                    "error_title": "请从列表选择",
                    "error_message": f"“{spec.label}”应为 {'、'.join(choices)} 之一",
                },
            )
