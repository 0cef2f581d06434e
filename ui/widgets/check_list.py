"""A checkable list with a filter box: pick several people (or anything with an id).

    picker = CheckList()
    picker.set_items([(officer.id, "张伟  劳动保障监察大队"), ...])
    picker.set_checked_ids({3, 7})
    picker.checked_ids()            # [3, 7] in list order
    picker.checked_changed.connect(...)   # (number checked)

The filter only hides rows; checked rows stay checked while hidden.  Lists
here are short (a bureau's roster), so a QListWidget is the right tool.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


class CheckList(QWidget):
    checked_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("check_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.textChanged.connect(self._apply_filter)
        self.all_button = QPushButton(self.tr("Check all shown"))
        self.all_button.setObjectName("check_all")
        self.all_button.clicked.connect(lambda: self._set_shown(True))
        self.none_button = QPushButton(self.tr("Uncheck all"))
        self.none_button.setObjectName("check_none")
        self.none_button.clicked.connect(lambda: self.set_checked_ids(()))
        self.count = QLabel()
        self.count.setObjectName("check_count")
        self.list = QListWidget()
        self.list.setObjectName("check_list")
        self.list.itemChanged.connect(self._changed)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self._show_count()

    def set_items(self, items: Iterable[tuple[int, str]]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for item_id, text in items:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, item_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        self._changed()

    def add_item(self, item_id: int, text: str, *, checked: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, item_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def item_for(self, item_id: int) -> QListWidgetItem | None:
        return next((i for i in self.items() if i.data(ID_ROLE) == item_id), None)

    def checked_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.items() if i.checkState() == Qt.CheckState.Checked]

    def set_checked_ids(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self.list.blockSignals(True)
        for item in self.items():
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._changed()

    def _set_shown(self, checked: bool) -> None:
        self.list.blockSignals(True)
        for item in self.items():
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._changed()

    def _apply_filter(self, text: str) -> None:
        term = text.strip()
        for item in self.items():
            item.setHidden(bool(term) and term not in item.text())

    def _changed(self, *_args: object) -> None:
        self._show_count()
        self.checked_changed.emit(len(self.checked_ids()))

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n checked", "", len(self.checked_ids())))
