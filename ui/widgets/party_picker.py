"""Pick an employer (or any party) from the parties register by name or credit code.

The clerk types part of the name or the 18-character credit code; after a pause
(SearchBox debounce) the matches fill the drop-down (at most MATCH_LIMIT, the
register's own search), and the first is chosen.  `party_id()` is the chosen
party's id (None when nothing matches or the field is empty); `set_party(id,
name, number)` shows a saved choice.  The service still checks the choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from app.errors import StorageError, UserError
from app.legal.identity import normalise_uscc
from app.parties.models import PartyKind
from ui.lists import SearchBox

MATCH_LIMIT = 20


class PartyPicker(QWidget):
    # The chosen party changed: (party id or None).
    changed = Signal(object)

    def __init__(
        self,
        service: Any,  # app.parties.service.PartyService
        parent: QWidget | None = None,
        *,
        kind: str | None = PartyKind.ORG.value,
        debounce_ms: int = 250,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.kind = kind
        self.search = SearchBox(debounce_ms=debounce_ms)
        self.search.setObjectName("party_search")
        self.search.setPlaceholderText(self.tr("Type a name or credit code"))
        self.search.search_changed.connect(self.offer_matches)
        self.choices = QComboBox()
        self.choices.setObjectName("party_choices")
        self.choices.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.choices.setMinimumContentsLength(16)
        self.search.setMinimumWidth(120)
        self.choices.currentIndexChanged.connect(self._chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.choices, 2)
        self._show_none()

    def _chosen(self, _index: int) -> None:
        self.choices.setToolTip(self.choices.currentText())  # long names are cut in the box
        self.changed.emit(self.party_id())

    @staticmethod
    def describe(name: str, number: str) -> str:
        return f"{name}（{number}）" if number else name

    def _show_none(self, text: str | None = None) -> None:
        self.choices.blockSignals(True)
        self.choices.clear()
        self.choices.addItem(text if text is not None else self.tr("(none chosen)"), None)
        self.choices.blockSignals(False)

    def offer_matches(self, text: str) -> list[Any]:
        """Search the register and offer the matches; returns them."""
        text = text.strip()
        before = self.party_id()
        if not text:
            self._show_none()
            if before is not None:
                self.changed.emit(None)
            return []
        try:
            matches: list[Any] = []
            code = normalise_uscc(text)
            if len(code) == 18 and code.isalnum():
                exact = self.service.find_by_number(code)
                if exact is not None and (self.kind is None or exact.kind == self.kind):
                    matches = [exact]
            if not matches:
                matches = self.service.query(text=text, kind=self.kind).page(0, MATCH_LIMIT)
        except (UserError, StorageError):
            matches = []
        self.choices.blockSignals(True)
        self.choices.clear()
        for row in matches:
            self.choices.addItem(self.describe(row.name, row.uscc or ""), row.id)
        if not matches:
            self.choices.addItem(self.tr("No employer found"), None)
        self.choices.setCurrentIndex(0)
        self.choices.setToolTip(self.choices.currentText())
        self.choices.blockSignals(False)
        if self.party_id() != before:
            self.changed.emit(self.party_id())
        return matches

    def party_id(self) -> int | None:
        value = self.choices.currentData()
        return int(value) if value is not None else None

    def party_text(self) -> str:
        return self.choices.currentText() if self.party_id() is not None else ""

    def set_party(self, party_id: int | None, name: str = "", number: str = "") -> None:
        """Show a saved choice (no search)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if party_id is None:
            self._show_none()
            return
        self.choices.blockSignals(True)
        self.choices.clear()
        self.choices.addItem(self.describe(name, number), party_id)
        self.choices.setToolTip(self.choices.currentText())
        self.choices.blockSignals(False)

    def clear_choice(self) -> None:
        self.set_party(None)
        self.changed.emit(None)
