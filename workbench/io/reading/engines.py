"""One reader class per reading library, each reading the bytes the limits checked.

python-calamine reads everything fast; openpyxl (normal mode, never read-only, which trusts a
wrong <dimension>) rescues the files calamine rejects. Neither is ever given a path: the file
was read once, checked, and these bytes are what they parse (a file swapped on disk after the
check is never read).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from workbench import progress
from workbench.io.errors import FileProblem
from workbench.io.reading.bounds import MAX_SHEET_CELLS
from workbench.io.reading.raw import MAX_COLUMNS, MAX_ROWS, RawSheet, cap_rows, clip_merged


class CalamineReader:
    """python-calamine: decides the format by content, from the bytes."""

    name = "calamine"

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = Path(path)

    def sheets(self) -> list[RawSheet]:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(self.data))
        sheets = []
        hidden = {m.name for m in workbook.sheets_metadata if "Visible" not in str(m.visible)}
        kinds = {m.name: str(m.typ) for m in workbook.sheets_metadata}
        for name in workbook.sheet_names:
            if "WorkSheet" not in kinds.get(name, "WorkSheet"):
                continue  # chart sheets, dialog and macro sheets hold no table
            progress.step(f"工作表“{name}”")
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            rows, truncated = cap_rows(rows)
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            merged = clip_merged(merged, rows, self.path, name)
            sheets.append(RawSheet(name, rows, merged, truncated, name in hidden))
        return sheets


class OpenpyxlReader:
    """openpyxl in normal mode, for the xlsx files calamine rejects."""

    name = "openpyxl"

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = Path(path)

    def sheets(self) -> list[RawSheet]:
        import warnings

        import openpyxl  # uses defusedxml when it is installed

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(
                io.BytesIO(self.data), data_only=True, read_only=False, keep_links=False
            )
        sheets = []
        for ws in workbook.worksheets:
            rows: list[list[Any]] = []
            max_col = min(ws.max_column or 0, MAX_COLUMNS)
            truncated = (ws.max_column or 0) > MAX_COLUMNS
            if (ws.max_row or 0) * max(max_col, 1) > MAX_SHEET_CELLS:
                raise FileProblem(
                    f"数据区域过大（约 {(ws.max_row or 0) * max_col / 10000:.0f} 万个单元格），疑似恶意或损坏的文件，拒绝打开",
                    self.path,
                    ws.title,
                )
            for n, row in enumerate(ws.iter_rows(max_col=max_col, values_only=True)):
                if n >= MAX_ROWS:
                    truncated = True
                    break
                rows.append(["" if v is None else v for v in row])
            merged = [
                (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                for m in ws.merged_cells.ranges
            ]
            merged = clip_merged(merged, rows, self.path, ws.title)
            sheets.append(RawSheet(ws.title, rows, merged, truncated, ws.sheet_state != "visible"))
        return sheets


ENGINES = {reader.name: reader for reader in (CalamineReader, OpenpyxlReader)}
