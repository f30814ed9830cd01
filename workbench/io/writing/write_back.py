"""Write corrections back into the department's own workbook, keeping its layout.

Only the corrected cells change (each gets a comment with the original value); a 修订记录
sheet lists every change. Rows added or deleted in review cannot be put back into someone
else's layout faithfully, so they are listed there instead of being guessed at.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.document import PlanDocument
from workbench.core.revisions import changed_cells
from workbench.core.schema import label as field_label
from workbench.core.vocab import ROW_CHANGES
from workbench.io.errors import FileProblem
from workbench.io.native.atomic import atomic_path
from workbench.io.reading.annex_reader import column_letter, from_yi


@dataclass
class WriteBackReport:
    output: Path
    written: int
    skipped: list[str]
    sheets: list[str]  # sheets whose cells were corrected, then the 修订记录 sheet added


def write_back(
    doc: PlanDocument,
    original: str | os.PathLike,
    output: str | os.PathLike,
    *,
    overwrite: bool = False,
) -> WriteBackReport:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    original, output = Path(original), Path(output)
    if original.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FileProblem("只能写回 xlsx/xlsm 格式的原表；其他格式请导出标准附件", original)
    if output.resolve() == original.resolve() and not overwrite:
        raise FileProblem(
            "输出文件与原表相同；为避免覆盖原表，请另选输出文件名（或明确要求覆盖）", output
        )
    from workbench.io.reading import limits
    from workbench.io.reading.sniff import sniff

    # The original is a department's file too: the same limits before openpyxl sees it.
    if sniff(original).kind != "xlsx":
        raise FileProblem("只能写回 xlsx/xlsm 格式的原表；其他格式请导出标准附件", original)
    limits.check_package(limits.read_bounded(original), original, "xlsx")
    try:
        book = openpyxl.load_workbook(original, keep_vba=original.suffix.lower() == ".xlsm")
    except Exception as exc:
        raise FileProblem(f"原表无法用于写回：{exc}", original) from None

    written = 0
    skipped: list[str] = []
    log: list[list[Any]] = []
    revisions = changed_cells(doc)
    for (table_id, key, column), revision in sorted(revisions.items()):
        table = doc.tables[table_id]
        source = table.source
        where = f"表“{table.title}”“{table.rows[key].get('name') or key}”的{field_label(table.kind, column)}"
        if source is None or source.sheet not in book.sheetnames:
            skipped.append(f"{where}：原表中找不到工作表")
            continue
        col = source.columns.get(column)
        row = table.row_source.get(key)
        if col is None or row is None:
            skipped.append(f"{where}：原表中没有对应的单元格")
            continue
        value = revision.current
        if isinstance(value, float) and column in source.units:
            value = from_yi(value, source.units[column])
        cell = book[source.sheet].cell(row=row, column=col)
        if cell.data_type == "f":
            skipped.append(f"{where}：原单元格 {column_letter(col - 1)}{row} 是公式，未覆盖")
            continue
        old_display = cell.value
        _set_text_safe(cell, value)
        cell.comment = Comment(
            f"原值：{old_display}\n修改人：{revision.user}\n时间：{revision.time}", "计划审核工作台"
        )
        written += 1
        log.append(
            [
                source.sheet,
                f"{column_letter(col - 1)}{row}",
                table.rows[key].get("name") or key,
                field_label(table.kind, column),
                old_display,
                value,
                revision.user,
                revision.time,
                revision.reason,
            ]
        )
    for entry in doc.change_log:
        if entry.kind in ROW_CHANGES:
            skipped.append(
                f"{entry.action}“{entry.new or entry.old or entry.key}”：行的增删未写回原表"
            )

    name = "修订记录"
    while name in book.sheetnames:
        name += "1"
    sheet = book.create_sheet(name)
    sheet.append(["工作表", "单元格", "行", "字段", "原值", "新值", "修改人", "时间", "原因"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(log, start=2):
        for c, value in enumerate(row, start=1):
            _set_text_safe(sheet.cell(row=r, column=c), value)
    for note in skipped:
        sheet.append(["未写回", "", note])
    for letter, width in zip("ABCDEFGHI", (16, 8, 30, 12, 14, 14, 10, 20, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    with atomic_path(output) as tmp:
        book.save(tmp)
    touched = list(dict.fromkeys(entry[0] for entry in log))
    return WriteBackReport(output, written, skipped, [*touched, name])


def _set_text_safe(cell, value: Any) -> None:
    """openpyxl turns any string starting with "=" into a formula: keep text as text."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
