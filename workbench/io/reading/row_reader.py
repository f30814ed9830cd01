"""Turn the rows under an annex header into canonical records, keeping text as written.

A `RowReader` holds what a pass over the rows needs — the current category or sector, the
last parent row for "其中" items, whether the footnotes have begun — on itself, so that each
kind of row has its own short method. Whatever had to be guessed or could not be read becomes
a warning naming the sheet and cell; no value is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench import progress
from workbench.core import choices as choice_vocab
from workbench.core import units
from workbench.core.document import ReadWarning
from workbench.core.keys import as_written
from workbench.core.message import Message
from workbench.core.numbers import format_number, parse_approximate, parse_number
from workbench.core.schema import ATTRIBUTES, TableKind
from workbench.core.table import Table
from workbench.io.reading import header_vocabulary as vocab
from workbench.io.reading import row_fast_path
from workbench.io.reading.layout_detection import Column, Layout, NoTable, cell_ref, texts

NUMERIC = {
    TableKind.INDICATORS: ("base", "actual"),
    TableKind.PROJECTS: ("total_investment", "annual_plan", "completed", "completion_rate"),
}
MONEY = ("total_investment", "annual_plan", "completed")
# Fields whose figures are percentages: a cell formatted 0.0% holding 0.43 means 43.0 there.
RATE_FIELDS = {
    TableKind.INDICATORS: ("base", "actual", "series"),
    TableKind.PROJECTS: ("completion_rate",),
}
Factor = tuple[str, float]
TO_YI: Factor = ("*", 1.0)
_EMPTY_MARKS = ("-", "—", "－", "/")
_DASHES = ("-", "—", "－", "/", "／", "--", "——")


@dataclass
class Context:
    """Where warnings go, and the file and sheet they name."""

    file: str
    sheet: str
    warnings: list[ReadWarning]

    def warn(self, message: str, row: int | None = None, column: int | None = None) -> None:
        cell = (
            cell_ref(row, column)
            if row is not None and column is not None
            else (f"第 {row + 1} 行" if row is not None else "")
        )
        self.warnings.append(ReadWarning(message, self.file, self.sheet, cell))


# ---- money units ----------------------------------------------------------------------------
def money_factor(unit: str | None) -> Factor | None:
    """How a figure in the sheet's money unit ("万元", "万元/年") becomes 亿元, from the one
    unit table (core/units); None when `unit` is no money unit."""
    found = units.leading_unit(unit, "money") if unit else None
    return units.conversion(found.name, "亿元") if found else None


def unit_name(unit: str | None) -> str | None:
    found = units.leading_unit(unit, "money") if unit else None
    return found.name if found else None


def from_yi(value: float, unit: str) -> float:
    """亿元 back to the sheet's own unit, for writing corrections into the original."""
    converted = units.convert(value, "亿元", unit)
    return value if converted is None else converted


def to_yi(value: float, factor: Factor) -> float:
    op, amount = factor
    return value / amount if op == "/" else value * amount


def _unit_from_name(name: str) -> tuple[str, str | None]:
    match = re.search(r"[（(]\s*([^（()）]{1,10})\s*[)）]\s*$", name)
    if match and units.names_unit(match.group(1)) and not re.search(r"\d{4}", match.group(1)):
        return name[: match.start()].rstrip(), match.group(1).strip()
    return name, None


def _as_text(value: Any) -> str:
    return format_number(value) if isinstance(value, float) else as_written(value)


def _percent_value(value: float) -> float:
    return round(value * 100, 10)


class RowReader:
    """One pass over the rows below the header of one sheet."""

    def __init__(
        self,
        rows: list[list[Any]],
        banners: set[int],
        layout: Layout,
        table: Table,
        ctx: Context,
        factors: dict[str, Factor],
        percent_columns: set[int],
        percent_cells: set[tuple[int, int]],
    ) -> None:
        self.rows = rows
        self.banners = banners
        self.layout = layout
        self.kind = layout.kind
        self.table = table
        self.ctx = ctx
        self.factors = factors
        self.by_field: dict[str, list[Column]] = {}
        for column in layout.columns:
            if column.field and column.field not in ("_seq", "series"):
                self.by_field.setdefault(column.field, []).append(column)
        self.year_columns = [c for c in layout.columns if c.field == "series"]
        self.unmapped = [c for c in layout.columns if c.field is None]
        self.name_col = self.by_field["name"][0].index
        self.seq_col = next((c.index for c in layout.columns if c.field == "_seq"), None)
        self.group_field = "sector" if self.kind is TableKind.PROJECTS else "category"
        self.has_group_column = self.group_field in self.by_field
        self.value_columns = [
            c
            for f, cols in self.by_field.items()
            if f not in ("name", self.group_field)
            for c in cols
        ] + self.year_columns
        self.percent_columns = percent_columns
        self.percent_cells = percent_cells
        self.template = dict.fromkeys(table.columns)
        # State of the pass.
        self.current_group: str | None = None
        self.last_index: int | None = None
        self.in_notes = False
        self.out: list[dict[str, Any]] = []
        self.sources: list[int] = []
        self.parents: dict[int, int] = {}
        self.subtotal_rows: dict[int, dict[str, Any]] = {}

    # ---- the pass ---------------------------------------------------------------------------
    def read(self) -> None:
        fast = self._fast_converter() if not self.unmapped and not self.year_columns else None
        start = self.layout.header_rows[-1] + 1
        rows = self.rows
        out, sources = self.out, self.sources
        add, add_source = out.append, sources.append
        # The pass's state, held in locals between full-path rows (only they change it):
        # a 100k-row annex runs this loop once a row.
        group = self.current_group
        index_due = False  # the fast path added the last record; last_index not yet set
        for r in range(start, len(rows)):
            if not r % 4096:
                progress.check()  # a safe point to stop when the window's 取消 was pressed
            row = rows[r]
            # Fast path: an ordinary project row whose cells need no judgement.
            if fast is not None:
                record = fast(row, group)
                if record is not None:
                    add(record)
                    add_source(r + 1)
                    index_due = True
                    continue
            if index_due:
                self.last_index = len(out) - 1
                index_due = False
            self._full_row(r, row)
            group = self.current_group
            if self.in_notes:
                fast = None  # everything after the first footnote takes the full path
        if index_due:
            self.last_index = len(out) - 1
        if not out:
            raise NoTable("表头下没有数据行")

    def finish(self, errors: dict[tuple[int, int], str]) -> None:
        """Hand the records to the table, with error cells put back where they were."""
        if errors:
            self._keep_errors(errors)
        table = self.table
        keys = table.bulk_append(self.out)
        if not self.layout.transposed:  # turned on its side, a record has no sheet row
            table.row_source.update(zip(keys, self.sources, strict=True))
        if self.parents:  # 其中/# rows: part of their parent, never summed
            table.meta.sub_items = {
                keys[child]: keys[parent] for child, parent in self.parents.items()
            }

    # ---- fast path ----------------------------------------------------------------------------
    def _fast_converter(self) -> Callable[[list[Any], int, dict], dict | None] | None:
        """Per-field converters for plain project rows, or None when some field needs the
        full path (two columns for one field). Each returns the record, or None → full path."""
        kind, by_field = self.kind, self.by_field
        if kind is not TableKind.PROJECTS or any(len(cols) > 1 for cols in by_field.values()):
            return None
        numbers: list[tuple[str, int, bool, float]] = []  # field, column, divide?, amount
        choices: list[tuple[str, int, Any]] = []
        text_fields: list[tuple[str, int]] = []
        groups: list[tuple[str, int]] = []
        for f, (column,) in by_field.items():
            if f == "name":
                continue
            if f in NUMERIC[kind]:
                op, amount = self.factors.get(column.label, TO_YI) if f in MONEY else ("*", 1.0)
                if column.index in self.percent_columns:
                    op, amount = "*", 100.0
                numbers.append((f, column.index, op == "/", amount))
            elif f in ("funding", "nature"):
                words = choice_vocab.words(f)
                choices.append((f, column.index, words))
            elif f == self.group_field:
                groups.append((f, column.index))
            else:
                text_fields.append((f, column.index))
        indexes = [c.index for f, (c,) in by_field.items()]
        if self.seq_col is not None:
            indexes.append(self.seq_col)
        return row_fast_path.compile_converter(
            numbers,
            choices,
            text_fields,
            groups,
            max(indexes, default=0),
            self.name_col,
            self.seq_col,
            self.template,
            self.group_field,
        )

    # ---- full path ---------------------------------------------------------------------------
    def _full_row(self, r: int, row: list[Any]) -> None:
        cells = texts(row)
        if not cells:
            return
        width = len(row)
        kind, name_col, seq_col = self.kind, self.name_col, self.seq_col
        first_text = cells[0][1]
        name = _as_text(row[name_col] if name_col < width else "")
        if self.in_notes or vocab.FOOTNOTE.match(first_text):
            self.in_notes = True  # everything after the first footnote belongs to the notes
            self.table.notes.append(" ".join(as_written(t) for _, t in cells))
            return

        seq_text = as_written(row[seq_col]) if seq_col is not None and seq_col < width else ""
        label = name or seq_text or as_written(first_text)
        has_values = any(
            c.index < width and row[c.index] not in ("", None) for c in self.value_columns
        )
        if vocab.TOTAL.match(vocab.compact(label)):
            self.table.subtotals.append(self._subtotal(row, r, label))
            return
        if vocab.CATEGORY.match(name):
            category_text = name
        elif vocab.CATEGORY.match(first_text):
            category_text = as_written(first_text)
        else:
            category_text = ""
        if (
            category_text
            and (not has_values or kind is TableKind.PROJECTS)
            and not (
                seq_col is not None and cells[0][0] == seq_col and vocab.NUMBERING.match(first_text)
            )
        ):
            self.current_group = vocab.strip_category(category_text)
            if has_values:  # a sector row carrying its sums
                self.table.subtotals.append(self._subtotal(row, r, category_text))
            return
        if r in self.banners or (len(cells) == 1 and not name):
            # A lone text outside the name column: a heading we do not know; keep it visible.
            text = as_written(first_text)
            if vocab.COUNT_SUFFIX.search(first_text) and kind is TableKind.PROJECTS:
                self.current_group = vocab.strip_category(text)
                return
            self.table.notes.append(text)
            self.ctx.warn(Message("无法归类的行“{text}”，已作为表注保留", text=text[:30]), r)
            return
        if not name:
            self.ctx.warn("名称为空的行，已按数据行读取", r, name_col)
        self._data_row(r, row, name)

    def _data_row(self, r: int, row: list[Any], name: str) -> None:
        kind, width = self.kind, len(row)
        values: dict[str, Any] = {}
        sub = vocab.SUB_ITEM.match(name)
        if sub:
            name = name[sub.end() :].strip()
        if kind is TableKind.INDICATORS:
            name = vocab.NUMBERING.sub("", name, count=1)
        values["name"] = name
        notes: list[str] = []
        for f, columns in self.by_field.items():
            if f == "name":
                continue
            column = columns[0]
            raw: Any = row[column.index] if column.index < width else ""
            for candidate in columns:
                value = row[candidate.index] if candidate.index < width else ""
                if value not in ("", None) and str(value).strip() not in _EMPTY_MARKS:
                    raw, column = value, candidate
                    break
            for other in columns:  # values of a second column for the same field go to the note
                value = row[other.index] if other.index < width else ""
                if (
                    other is not column
                    and value not in ("", None)
                    and str(value).strip() not in _EMPTY_MARKS
                ):
                    notes.append(f"{other.label}：{_as_text(value)}")
            values[f] = self._convert(f, raw, column, r, notes, values)
        if self.year_columns:
            self._series(r, row, values, notes)
        if kind is TableKind.INDICATORS and not values.get("unit"):
            values["name"], unit = _unit_from_name(values["name"])
            if unit:
                values["unit"] = unit
        group_field = self.group_field
        if not self.has_group_column or not values.get(group_field):
            values[group_field] = self.current_group
        else:
            values[group_field] = vocab.strip_category(values[group_field])
        for column in self.unmapped:
            raw = row[column.index] if column.index < width else ""
            if raw not in ("", None):
                notes.append(f"{column.label}：{_as_text(raw)}")
        if notes:
            values["note"] = "；".join(filter(None, [values.get("note"), *notes]))
        record = dict(self.template)
        record.update((k, v) for k, v in values.items() if k in self.template)
        for extra in ("series", "actual_year"):
            if extra in values:
                record[extra] = values[extra]
        self.out.append(record)
        self.sources.append(r + 1)
        if sub and self.last_index is not None:
            self.parents[len(self.out) - 1] = self.last_index
        elif not sub:
            self.last_index = len(self.out) - 1

    def _series(self, r: int, row: list[Any], values: dict[str, Any], notes: list[str]) -> None:
        """An indicator-by-year row: {year: value}, and the latest year with a value as the
        actual where no column says otherwise."""
        series: dict[str, float] = {}
        width = len(row)
        for column in self.year_columns:
            raw = row[column.index] if column.index < width else ""
            parsed = parse_number(raw)
            if parsed.value is not None:
                value = parsed.value
                if type(raw) is float and (r, column.index) in self.percent_cells:
                    value = _percent_value(value)
                series[str(column.year)] = value
            elif parsed.error:
                self.ctx.warn(f"{parsed.error}，原文记入备注", r, column.index)
                notes.append(f"{column.label}：{as_written(raw)}")
        values["series"] = series
        if values.get("actual") is None and series:
            latest = max(series, key=int)
            values["actual"] = series[latest]
            values["actual_year"] = int(latest)

    def _convert(
        self, f: str, raw: Any, column: Column, r: int, notes: list[str], values: dict[str, Any]
    ) -> Any:
        ctx = self.ctx
        if f in NUMERIC[self.kind]:
            parsed = parse_number(raw)
            if parsed.error and (approximate := parse_approximate(raw)) is not None:
                text = as_written(raw)
                value, words = approximate
                ctx.warn(
                    f"“{text}”带有“{words}”，按 {format_number(value)} 读取，原文记入备注",
                    r,
                    column.index,
                )
                notes.append(f"{column.label}原文：{text}")
                return to_yi(value, self.factors.get(column.label, TO_YI)) if f in MONEY else value
            if parsed.error:
                text = as_written(raw)
                ctx.warn(f"{parsed.error}，已留空并把原文记入备注", r, column.index)
                notes.append(f"{column.label}原文：{text}")
                return None
            if parsed.value is None:
                words = parsed.no_value_text
                if f == "actual" and words and words not in _DASHES:
                    values["status"] = values.get("status") or words  # 暂无数据 is a status
                return None
            value = parsed.value
            if f in MONEY:
                return to_yi(value, self.factors.get(column.label, TO_YI))
            if type(raw) is float and f in RATE_FIELDS[self.kind]:
                if column.index in self.percent_columns or (r, column.index) in self.percent_cells:
                    value = _percent_value(value)
            return value
        if raw in ("", None):
            return values.get(f) if f == "status" else None  # keep a 暂无数据 read from the actual
        text = _as_text(raw)
        if f == "attribute":
            chosen = choice_vocab.choose("attribute", text)
            if chosen is not None:
                return chosen
            if text not in ATTRIBUTES:
                ctx.warn(
                    Message("属性“{text}”不是约束性/预期性，已留空并记入备注", text=text),
                    r,
                    column.index,
                )
                notes.append(f"属性原文：{text}")
                return None
        if f == "funding":
            result = choice_vocab.choose("funding", text)
            if result is None:
                ctx.warn(
                    f"投资来源“{text}”无法判断为政府投资或企业投资，已留空并记入备注",
                    r,
                    column.index,
                )
                notes.append(f"投资来源原文：{text}")
            return result
        if f == "nature":
            result = choice_vocab.choose("nature", text)
            if result is None:
                ctx.warn(
                    Message("建设性质“{text}”无法识别，已留空并记入备注", text=text),
                    r,
                    column.index,
                )
                notes.append(f"建设性质原文：{text}")
            return result
        return text

    def _subtotal(self, row: list[Any], r: int, label: str) -> dict[str, Any]:
        record: dict[str, Any] = {"label": label, "row": r + 1}
        for f in NUMERIC[self.kind]:
            for column in self.by_field.get(f, []):
                raw = row[column.index] if column.index < len(row) else ""
                parsed = parse_number(raw)
                if parsed.value is not None:
                    value = parsed.value
                    if f in MONEY:
                        value = to_yi(value, self.factors.get(column.label, TO_YI))
                    elif type(raw) is float and column.index in self.percent_columns:
                        value = _percent_value(value)
                    record[f] = value
                    break
                if parsed.error:
                    self.ctx.warn(f"合计行中“{as_written(raw)}”不是数值", r, column.index)
        count = re.search(r"(\d+)\s*个", label)
        if count:
            record["count"] = int(count.group(1))
        self.subtotal_rows[r] = record
        return record

    # ---- error cells ---------------------------------------------------------------------------
    def _keep_errors(self, errors: dict[tuple[int, int], str]) -> None:
        """Error cells (#N/A, #DIV/0!) as written: text fields hold them, figures keep them in
        the note; each one is named in a warning."""
        start = self.layout.header_rows[-1] + 1
        if self.layout.transposed:
            for (r, c), text in sorted(errors.items()):
                self.ctx.warn(f"单元格为错误值“{text}”，表格按年份转置读取，未放入字段", r, c)
            return
        record_of = {source - 1: i for i, source in enumerate(self.sources)}
        field_of: dict[int, Column] = {c.index: c for c in self.layout.columns}
        for (r, c), text in sorted(errors.items()):
            column = field_of.get(c)
            label = column.label if column else f"{c + 1}列"
            if r < start:
                self.ctx.warn(f"表头单元格为错误值“{text}”", r, c)
                continue
            if r in self.subtotal_rows:
                self.subtotal_rows[r].setdefault("errors", {})[label] = text
                self.ctx.warn(f"合计行单元格为错误值“{text}”，已原样保留在合计行中", r, c)
                continue
            index = record_of.get(r)
            if index is None:
                self.ctx.warn(f"单元格为错误值“{text}”，所在行不是数据行，未读入", r, c)
                continue
            record = self.out[index]
            f = column.field if column else None
            if (
                f in self.template
                and f not in (*NUMERIC[self.kind], "series")
                and not record.get(f)
            ):
                if f not in ("attribute", "funding", "nature"):
                    record[f] = text
                    self.ctx.warn(f"单元格为错误值“{text}”，已原样保留", r, c)
                    continue
            record["note"] = "；".join(filter(None, [record.get("note"), f"{label}：{text}"]))
            self.ctx.warn(f"单元格为错误值“{text}”，数值留空，原文记入备注", r, c)
