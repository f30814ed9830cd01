"""The main window: a navigator of the document's tables beside a grid of the chosen one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
)

from workbench import __version__
from workbench.core import provenance as prov
from workbench.core.document import PlanDocument
from workbench.core.schema import TableKind
from workbench.ui.table_model import PlanTableModel

APP_NAME = "计划审核工作台"
_GROUPS = {
    TableKind.INDICATORS: "主要指标",
    TableKind.PROJECTS: "重大建设项目",
    TableKind.SUMMARY: "汇总表",
}


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.doc: PlanDocument | None = None
        self.path: Path | None = None
        self.model: PlanTableModel | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)

        self.grid = QTableView(self)
        self.grid.setAlternatingRowColors(True)
        self.grid.setWordWrap(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.setCentralWidget(self.grid)

        self.navigator = QTreeWidget(self)
        self.navigator.setHeaderHidden(True)
        self.navigator.itemSelectionChanged.connect(self._navigator_changed)
        dock = QDockWidget("数据表", self)
        dock.setObjectName("navigator")
        dock.setWidget(self.navigator)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

        self.table_label = QLabel(self)
        self.legend = QLabel(
            f"<span style='color:#0b3d91'>■ {prov.REPORT}</span>　"
            f"<span style='color:#7a7a7a'><i>■ {prov.SAMPLE}</i></span>",
            self,
        )
        self.statusBar().addWidget(self.table_label, 1)
        self.statusBar().addPermanentWidget(self.legend)
        self._build_menus()

    # ---- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.open_action = QAction("打开(&O)…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction("退出(&X)", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于(&A)", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"关于{APP_NAME}",
            f"{APP_NAME} {__version__}\n审核年度计划报告附件：指标执行、重大项目与汇总表。",
        )

    # ---- documents -----------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "打开计划文档", "", "计划文档与表格 (*.xlsx *.xlsm);;所有文件 (*)"
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        from workbench.io.errors import FileProblem
        from workbench.io.opener import open_document

        try:
            doc = open_document(path)
        except FileProblem as exc:
            QMessageBox.warning(self, "无法打开", str(exc))
            self.statusBar().showMessage(str(exc), 10000)
            return False
        self.set_document(doc, path)
        return True

    def set_document(self, doc: PlanDocument, path: Path | None) -> None:
        self.doc = doc
        self.path = path
        title = doc.title or (path.name if path else "未命名")
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.navigator.clear()
        groups: dict[TableKind, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for table in doc.tables.values():
            parent = groups.get(table.kind)
            if parent is None:
                parent = QTreeWidgetItem(self.navigator, [_GROUPS[table.kind]])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[table.kind] = parent
            item = QTreeWidgetItem(parent, [table.sheet_name])
            item.setData(0, Qt.ItemDataRole.UserRole, table.id)
            item.setToolTip(0, table.title)
            first = first or item
        self.navigator.expandAll()
        if first is not None:
            self.navigator.setCurrentItem(first)

    def show_table(self, table_id: str) -> None:
        assert self.doc is not None
        table = self.doc.table(table_id)
        old = self.model
        self.model = PlanTableModel(self.doc, table, self)
        self.grid.setModel(self.model)
        if old is not None:
            old.detach()
            old.deleteLater()
        self._fit_columns()
        unit = f"，单位：{table.unit}" if table.unit else ""
        self.table_label.setText(f"{table.title}　共 {len(table)} 行{unit}")

    def _fit_columns(self) -> None:
        """Widths from the annex layout, widened so no header is clipped."""
        assert self.model is not None
        cell = self.grid.fontMetrics()
        header = self.grid.horizontalHeader().fontMetrics()
        for i, spec in enumerate(self.model.columns):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            width = max(
                int(spec.width * cell.horizontalAdvance("0") * 1.15),
                header.horizontalAdvance(title),
            )
            self.grid.setColumnWidth(i, width + 16)

    def current_table_id(self) -> str | None:
        return self.model.table.id if self.model else None

    def _navigator_changed(self) -> None:
        items = self.navigator.selectedItems()
        if items:
            table_id = items[0].data(0, Qt.ItemDataRole.UserRole)
            if table_id:
                self.show_table(table_id)
