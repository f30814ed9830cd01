"""文件 → 比较… and 与另一年度比较: open a second file (or this document's other year) into a
compare window; the current document stays as it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from workbench.ui.compare_view import CompareView
from workbench.ui.series_view import FILE_FILTER

# ---- opening from the main window ---------------------------------------------------------------


def compare_file(window, path: Path | None = None) -> CompareView | None:
    """文件 → 比较…: open a second file into a compare view; the current document stays."""
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document

    if window.session is None:
        return None
    if path is None:
        start = str(window.session.path.parent) if window.session.path else ""
        name, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("compare_view", "选择要比较的文件"),
            start,
            QCoreApplication.translate("main_window", FILE_FILTER),
        )
        if not name:
            return None
        path = Path(name)
    from workbench.ui.long_task import Cancelled, run_long

    try:
        other = run_long(
            window,
            QCoreApplication.translate("compare_view", "正在读取“{name}”").format(
                name=Path(path).name
            ),
            lambda: open_document(path),
        )
    except Cancelled:
        window.show_message(QCoreApplication.translate("compare_view", "已取消比较"))
        return None
    except FileProblem as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("compare_view", "无法比较"), str(exc)
        )
        return None
    view = CompareView(
        window.session, other, Path(path).name, old_table=window.current_table_id(), parent=window
    )
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view


def compare_years(window) -> CompareView | None:
    """This year's execution beside next year's plan (附件一 / 附件二), in one document."""
    if window.session is None:
        return None
    doc = window.session.doc
    current = doc.tables.get(window.current_table_id() or "")
    kind = current.kind if current is not None else None
    same_kind = sorted(
        (t for t in doc.tables.values() if kind is None or t.kind == kind),
        key=lambda t: t.year or 0,
    )
    if len(same_kind) < 2:
        window.show_message(
            QCoreApplication.translate("compare_view", "文档中没有两个年度的同类表可比较")
        )
        return None
    view = CompareView(
        window.session,
        doc,
        QCoreApplication.translate("compare_view", "本文档"),
        old_table=same_kind[0].id,
        new_table=same_kind[-1].id,
        reconcile=False,
        parent=window,
    )
    view.setWindowTitle(
        QCoreApplication.translate("compare_view", "年度对比：{sheet_name} / {sheet_name2}").format(
            sheet_name=same_kind[0].sheet_name, sheet_name2=same_kind[-1].sheet_name
        )
    )
    view.show()
    window.compare_views = [*getattr(window, "compare_views", []), view]
    return view
