"""The crosswalk editor: the document's old → new renames as a table, edited through the one
edit path (SetCrosswalk), so every change is undoable and saved with the document."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.compare.crosswalk import Crosswalk, SetCrosswalk
from workbench.core.compare.crosswalk_profiles import (
    crosswalk_profile,
    crosswalk_profiles,
    profile_edits,
)
from workbench.core.edits import Compound


class CrosswalkEditor(QWidget):
    """The document's crosswalk as a table: old name, new name (empty: no successor), kind.
    Every change is a SetCrosswalk edit through the session, so it is undoable and saved
    with the document."""

    KINDS = {
        "sector": QT_TRANSLATE_NOOP("CrosswalkEditor", "板块/领域"),
        "name": QT_TRANSLATE_NOOP("CrosswalkEditor", "名称"),
    }

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from PySide6.QtWidgets import QTableWidget

        self.session = session
        self.setWindowTitle(self.tr("对照表（更名与归并）"))
        self.resize(560, 360)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("原名称"), self.tr("新名称（空为无对应）")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 200)
        self.kind_combo = QComboBox(self)
        for key, label in self.KINDS.items():
            self.kind_combo.addItem(self.tr(label), key)
        from PySide6.QtWidgets import QLineEdit

        self.old_edit = QLineEdit(self)
        self.old_edit.setPlaceholderText(self.tr("原名称"))
        self.new_edit = QLineEdit(self)
        self.new_edit.setPlaceholderText(self.tr("新名称（空为无对应）"))
        self.add_button = QPushButton(self.tr("添加/修改(&A)"), self)
        self.remove_button = QPushButton(self.tr("删除所选(&D)"), self)
        row = QHBoxLayout()
        for widget in (self.kind_combo, self.old_edit, self.new_edit, self.add_button):
            row.addWidget(widget)
        # A region's renames between two years (resources/crosswalks/), added when picked.
        self.profile_combo = QComboBox(self)
        try:
            for profile in crosswalk_profiles():
                self.profile_combo.addItem(profile.title, profile.name)
                index = self.profile_combo.count() - 1
                self.profile_combo.setItemData(index, profile.source, Qt.ItemDataRole.ToolTipRole)
        except ValueError:  # a damaged profile file: the other ways to edit still work
            self.profile_combo.clear()
        self.profile_button = QPushButton(self.tr("套用地区方案(&P)"), self)
        self.profile_button.setEnabled(self.profile_combo.count() > 0)
        profiles = QHBoxLayout()
        profiles.addWidget(QLabel(self.tr("地区方案："), self))
        profiles.addWidget(self.profile_combo, 1)
        profiles.addWidget(self.profile_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.remove_button)
        layout.addLayout(profiles)
        self.profile_button.clicked.connect(self.apply_profile)
        self.add_button.clicked.connect(self.add_entry)
        self.new_edit.returnPressed.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._item_changed)
        session.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        walk = Crosswalk.of(self.session.doc)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for kind in self.KINDS:
            for old, new in walk.entries(kind).items():
                row = self.table.rowCount()
                self.table.insertRow(row)
                label = QTableWidgetItem(self.tr(self.KINDS[kind]))
                label.setData(Qt.ItemDataRole.UserRole, kind)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                old_item = QTableWidgetItem(old)
                old_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, 0, label)
                self.table.setItem(row, 1, old_item)
                self.table.setItem(row, 2, QTableWidgetItem(new or ""))
        self.table.blockSignals(False)

    def _entry(self, row: int) -> tuple[str, str]:
        return self.table.item(row, 0).data(Qt.ItemDataRole.UserRole), self.table.item(
            row, 1
        ).text()

    def _item_changed(self, item) -> None:
        if item.column() != 2:
            return
        kind, old = self._entry(item.row())
        self.session.do(SetCrosswalk(kind, old, item.text().strip() or None))

    def add_entry(self) -> None:
        old = self.old_edit.text().strip()
        if not old:
            return
        kind = self.kind_combo.currentData()
        if self.session.do(SetCrosswalk(kind, old, self.new_edit.text().strip() or None)):
            self.old_edit.clear()
            self.new_edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        edits = tuple(SetCrosswalk(*self._entry(r), remove=True) for r in rows)
        if edits:
            self.session.do(edits[0] if len(edits) == 1 else Compound(edits, "修改对照表"))

    def apply_profile(self) -> None:
        """The picked region's renames into the document's crosswalk, as one undoable step."""
        name = self.profile_combo.currentData()
        if not name:
            return
        edits = tuple(profile_edits(crosswalk_profile(name)))
        if edits:
            self.session.do(Compound(edits, "修改对照表"))
