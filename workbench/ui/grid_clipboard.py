"""What the grid does to cells and rows: copy and paste with Excel and WPS, fill down,
clear, insert and delete rows. Each is one core edit addressed by row key, so one Ctrl+Z
undoes it and a sorted or filtered view can never misdirect it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.core.edits import Compound, DeleteRows, InsertRows, RowData
from workbench.ui.table_model import KEY_ROLE


class GridEditing:
    """Mixed into GridView (before QTableView)."""

    def copy_selection(self) -> None:
        indexes = self.selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        block = [
            [str(self.model().index(r, c).data() or "") if (r, c) in chosen else "" for c in cols]
            for r in rows
        ]
        from workbench.io.clipboard_formats import to_html, to_tsv

        mime = QMimeData()
        mime.setText(to_tsv(block))
        mime.setHtml(to_html(block))
        QApplication.clipboard().setMimeData(mime)
        self.message.emit(
            self.tr("已复制 {n_rows} 行 × {n_cols} 列").format(n_rows=len(rows), n_cols=len(cols))
        )

    def paste(self) -> None:
        from workbench.io.clipboard_formats import parse_html_table, parse_tsv

        mime = QApplication.clipboard().mimeData()
        block: list[list[str]] = []
        if mime.hasText():
            block = parse_tsv(mime.text())
        if mime.hasHtml() and (not block or all(len(r) <= 1 for r in block)):
            html_block = parse_html_table(mime.html())
            if html_block:
                block = html_block
        if not block or self.plan_model is None:
            return
        self.paste_block(block)

    def paste_block(self, block: list[list[str]]) -> bool:
        """Paste a block at the current cell, as one undo step; asks before adding rows."""
        model = self.plan_model
        start = self.currentIndex()
        if model is None or not start.isValid():
            return False
        view_row, view_col = start.row(), start.column()
        if len(block) == 1 and len(block[0]) == 1 and len(self.selectedIndexes()) > 1:
            # One value onto a selection fills the selection, as in Excel.
            cells = [(r, c, block[0][0]) for r, c in self.selected_cells()]
            return self._apply_cells(cells, "粘贴")
        table = model.table
        extra = view_row + len(block) - self.view_row_count()
        new_keys: list[str] = []
        if extra > 0:
            answer = QMessageBox.question(
                self,
                self.tr("粘贴"),
                self.tr("粘贴的内容比表格多出 {extra} 行，是否在表尾添加 {extra} 行？").format(
                    extra=extra
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                new_keys = [table.allocate_key() for _ in range(extra)]
            else:
                block = block[: len(block) - extra]
        columns = [
            self.to_source(self.model().index(0, c)).column()
            for c in range(
                view_col, min(view_col + max(len(r) for r in block), self.model().columnCount())
            )
        ]
        cells: list[tuple[str, int, str]] = []
        for i, values in enumerate(block):
            r = view_row + i
            if r < self.view_row_count():
                key = self.model().index(r, 0).data(KEY_ROLE)
            else:
                key = new_keys[r - self.view_row_count()]
            cells.extend((key, column, text) for column, text in zip(columns, values, strict=False))
        if not any(model.edit_field(c) for _, c, _ in cells):
            self.message.emit(self.tr("所选单元格不可编辑（计算列）"))
            return False
        # One parse per cell; new rows need not exist yet, the compound edit inserts them
        # before setting their cells. A cell that cannot take its text stops the whole paste.
        cell_edit = model.edit_for_keys(cells, "粘贴")
        if cell_edit is None:
            return False
        edits: list = []
        if new_keys:
            start_at = len(table.keys)
            edits.append(
                InsertRows(
                    table.id,
                    tuple((start_at + i, RowData(k, {})) for i, k in enumerate(new_keys)),
                    self.tr("粘贴"),
                )
            )
        edits.append(cell_edit)
        ok = model.session.do(Compound(tuple(edits), "粘贴") if len(edits) > 1 else edits[0])
        if ok:
            self.message.emit(
                self.tr("已粘贴 {n_block} 行 × {n_columns} 列").format(
                    n_block=len(block), n_columns=len(columns)
                )
            )
        return ok

    def _apply_cells(self, cells: list[tuple[int, int, str]], label: str) -> bool:
        model = self.plan_model
        if model is None:
            return False
        editable = [(r, c, t) for r, c, t in cells if model.edit_field(c)]
        if not editable:
            self.message.emit(self.tr("所选单元格不可编辑（计算列）"))
            return False
        edit = model.edit_for(editable, label)
        return edit is not None and model.session.do(edit)

    def fill_down(self) -> None:
        """Copy the top cell of each selected column into the cells below it (Ctrl+D)."""
        indexes = self.selectedIndexes()
        if not indexes:
            return
        by_column: dict[int, list[int]] = {}
        for index in indexes:
            by_column.setdefault(index.column(), []).append(index.row())
        cells = []
        for column, rows in by_column.items():
            rows.sort()
            text = self.model().index(rows[0], column).data(Qt.ItemDataRole.EditRole) or ""
            for r in rows[1:]:
                source = self.to_source(self.model().index(r, column))
                cells.append((source.row(), source.column(), text))
        if cells and self._apply_cells(cells, "向下填充"):
            self.message.emit(self.tr("已向下填充 {n_cells} 个单元格").format(n_cells=len(cells)))

    def clear_cells(self) -> None:
        cells = [(r, c, "") for r, c in self.selected_cells()]
        if cells:
            self._apply_cells(cells, "清除内容")

    def insert_row(self) -> None:
        model = self.plan_model
        if model is None:
            return
        index = self.currentIndex()
        current = self.current_key()
        # the table's own position of the current row (the view may be sorted or filtered)
        position = model.table.index_of(current) if current else len(model.table.keys)
        key = model.table.allocate_key()
        values = {}
        group = (
            "sector"
            if "sector" in model.table.columns
            else "category"
            if "category" in model.table.columns
            else None
        )
        if current and group:
            values[group] = model.table.rows[current].get(
                group
            )  # a new row joins its neighbour's group
        if model.session.do(InsertRows(model.table.id, ((position, RowData(key, values)),))):
            # the cursor goes to the new row, in the column it was in, as in Excel
            column = index.column() if index.isValid() else 0
            new = self.from_source(model.index(model.row_of(key), column))
            self.selectionModel().setCurrentIndex(
                new, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.message.emit(self.tr("已插入 1 行"))

    def delete_rows(self) -> None:
        model = self.plan_model
        keys = self.selected_keys()
        if model is None or not keys:
            return
        if model.session.do(DeleteRows(model.table.id, tuple(keys), f"删除 {len(keys)} 行")):
            self.message.emit(self.tr("已删除 {n_keys} 行（可撤销）").format(n_keys=len(keys)))
