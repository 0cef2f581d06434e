"""系统管理 → 站点与交换: this installation as a site, the peers it trusts, and the
bundles carried between them on a USB stick; 冲突处理 settles records changed at
both ends, field by field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, UserError
from app.kernel.areas import areas
from app.sites.exchange import (
    DELETED,
    KEPT,
    RECORD_FIELD,
    ConflictView,
    ExchangeService,
    ExportResult,
    ImportResult,
)
from app.sites.identity import SiteService
from app.sites.travel import KIND_LABELS, Kind
from ui.context import AppContext
from ui.errors import show_user_error
from ui.widgets import files

BUNDLE_FILTER = "交换包 / bundle (*.rsx)"
KEY_FILTER = "站点公钥 / site key (*.key *.json)"


def choose_folder(parent: QWidget | None, caption: str) -> Path | None:
    """The folder (the USB stick) to write a bundle to, or None if the user cancelled: the program's
    one file dialog (it never opens a database file), starting where the last bundle went."""
    from ui import file_dialogs

    return file_dialogs.choose_folder(parent, caption, kind="exchange")


_KIND_WORDS: dict[str, tuple[str, str]] = {k.value: pair for k, pair in KIND_LABELS.items()}


def _kind_label(kind: str, language: str) -> str:
    en, zh = _KIND_WORDS.get(kind, (kind, kind))
    return en if language == "en" else zh


class SitesTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sites_tab")
        self.context = context
        self.sites = SiteService(context.store, context.actor)
        self.exchange = ExchangeService(context.store, context.actor)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # -- this site
        self.identity = QLabel()
        self.identity.setObjectName("identity")
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText("TA01")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in Kind:
            self.kind.addItem(_kind_label(kind.value, context.language), kind.value)
        # the body its case numbers carry (某区, 甲镇): a township's differs from the district's
        self.issuing_body = QLineEdit()
        self.issuing_body.setObjectName("issuing_body")
        self.issuing_body.setToolTip(self.tr("The issuing body that opens this site's case numbers (a township's short name). "
                                             "A township's must differ from the district's."))
        self.init_button = QPushButton(self.tr("Set up this site"))
        self.init_button.setObjectName("init")
        self.init_button.clicked.connect(self.set_up)
        self.setup_form = QWidget()
        form = QFormLayout(self.setup_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Issuing body:"), self.issuing_body)
        form.addRow("", self.init_button)
        self.export_key_button = QPushButton(self.tr("Export public key…"))
        self.export_key_button.setObjectName("export_key")
        self.export_key_button.clicked.connect(self.export_key)
        self.trust_button = QPushButton(self.tr("Trust a site's key file…"))
        self.trust_button.setObjectName("trust")
        self.trust_button.clicked.connect(self.trust)
        site_box = QGroupBox(self.tr("This site"))
        site_layout = QVBoxLayout(site_box)
        site_layout.addWidget(self.identity)
        site_layout.addWidget(self.fingerprint)
        site_layout.addWidget(self.setup_form)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.export_key_button)
        key_buttons.addWidget(self.trust_button)
        key_buttons.addStretch(1)
        site_layout.addLayout(key_buttons)

        # -- peers and bundles
        self.peers = QTableWidget(0, 10)
        self.peers.setObjectName("peers")
        self.peers.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Fingerprint"), self.tr("Last sent"),
            self.tr("Acknowledged"), self.tr("Last received"), self.tr("Open conflicts"), self.tr("Held bundles"),
            self.tr("Not sent")])
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers.verticalHeader().hide()
        self.peers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.peers.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.setObjectName("export_bundle")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.setObjectName("import_bundle")
        self.import_button.clicked.connect(self.import_bundle)
        self.conflicts_button = QPushButton(self.tr("Conflicts…"))
        self.conflicts_button.setObjectName("conflicts")
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.narrow_button = QPushButton(self.tr("What goes to this site…"))
        self.narrow_button.setObjectName("narrow")
        self.narrow_button.clicked.connect(self.open_narrowing)
        peers_box = QGroupBox(self.tr("Trusted sites and exchange"))
        peers_layout = QVBoxLayout(peers_box)
        peers_layout.addWidget(self.peers, 1)
        bundle_buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.conflicts_button, self.narrow_button):
            bundle_buttons.addWidget(button)
        bundle_buttons.addStretch(1)
        peers_layout.addLayout(bundle_buttons)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(site_box)
        layout.addWidget(peers_box, 1)
        layout.addWidget(self.status)
        self.refresh()

    # ---------------------------------------------------------------- showing
    def refresh(self) -> None:
        me = self.sites.show()
        self.setup_form.setVisible(me is None)
        for button in (self.export_key_button, self.trust_button, self.export_button, self.import_button,
                       self.conflicts_button, self.narrow_button):
            button.setEnabled(me is not None)
        if me is None:
            self.identity.setText(self.tr("This installation is not a site yet. Give its code, name and kind."))
            self.fingerprint.clear()
            if not self.issuing_body.text():
                from app.kernel.settings import SettingsService

                organisation = SettingsService(self.context.store, self.context.actor).get("organisation")
                self.issuing_body.setText(str(organisation.get("district") or ""))
        else:
            self.identity.setText(f"{me.code}  {me.name}  ({_kind_label(me.kind, self.context.language)})")
            self.fingerprint.setText(self.tr("Fingerprint: %1").replace("%1", me.fingerprint))
        peers = self.exchange.status() if me is not None else []
        self.peers.setRowCount(len(peers))
        for row, p in enumerate(peers):
            values = [p["code"], p["name"], _kind_label(p["kind"], self.context.language),
                      next((v.fingerprint for v in self.sites.peers() if v.code == p["code"]), ""),
                      str(p["last_sent"]), str(p["last_acknowledged"]), str(p["last_received"]),
                      str(p["open_conflicts"]), "、".join(str(n) for n in p["held"]),
                      "、".join(table_label(t, self.context.language) for t in p["excluded_tables"])]
            for column, value in enumerate(values):
                self.peers.setItem(row, column, QTableWidgetItem(value))
        if peers and not self.peers.selectedItems():
            self.peers.selectRow(0)

    def selected_peer(self) -> str | None:
        rows = self.peers.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.peers.item(rows[0].row(), 0)
        return item.text() if item else None

    def _tell(self, err: BaseException) -> None:
        if isinstance(err, UserError | StorageError):
            self.status.setText(err.message(self.context.language))
            if self.context.error_windows:
                show_user_error(self, err, self.context.language, block=False)
            return
        raise err

    # ---------------------------------------------------------------- actions
    def set_up(self) -> None:
        try:
            view = self.sites.init(code=self.code.text(), name=self.name.text(), kind=self.kind.currentData(),
                                   issuing_body=self.issuing_body.text())
        except (UserError, StorageError) as err:
            self._tell(err)
            return
        self.refresh()
        self.status.setText(self.tr("This site is set up. Fingerprint: %1").replace("%1", view.fingerprint))

    def export_key(self) -> None:
        me = self.sites.show()
        path = files.choose_save_path(self, self.tr("Export public key"), f"{me.code if me else 'site'}.key",
                                      KEY_FILTER)
        if path is None:
            return
        try:
            view = self.sites.export_key(path)
        except (UserError, StorageError) as err:
            self._tell(err)
            return
        self.status.setText(self.tr("Public key saved to %1. Fingerprint: %2")
                            .replace("%1", str(path)).replace("%2", view.fingerprint))

    def trust(self) -> None:
        path = files.choose_open_path(self, self.tr("Trust a site's key file"), KEY_FILTER)
        if path is None:
            return
        try:
            view = self.sites.trust(path)
        except (UserError, StorageError) as err:
            self._tell(err)
            return
        self.refresh()
        self.status.setText(self.tr("Trusted %1 %2. Compare its fingerprint by telephone: %3")
                            .replace("%1", view.code).replace("%2", view.name).replace("%3", view.fingerprint))

    def export_bundle(self) -> None:
        peer = self.selected_peer()
        if peer is None:
            self.status.setText(self.tr("Choose the site to send the bundle to."))
            return
        folder = choose_folder(self, self.tr("Where to save the bundle (the USB stick)"))
        if folder is None:
            return
        self.context.tasks.run(
            lambda progress, cancel: self.exchange.export(peer, folder, progress=progress),
            on_success=self._exported, on_error=self._tell, label=self.tr("Exporting the bundle"),
            parent=self, cancellable=False, writes=True)

    def _exported(self, result: ExportResult) -> None:
        self.refresh()
        self.status.setText(self.tr("Bundle %1 for %2 saved: %3 records, %4 files → %5")
                            .replace("%1", str(result.sequence)).replace("%2", result.to)
                            .replace("%3", str(result.records)).replace("%4", str(result.files))
                            .replace("%5", result.path))

    def import_bundle(self) -> None:
        path = files.choose_open_path(self, self.tr("Import a bundle"), BUNDLE_FILTER)
        if path is None:
            return
        self.context.tasks.run(
            lambda progress, cancel: self.exchange.import_bundle(path, progress=progress),
            on_success=self._imported, on_error=self._tell, label=self.tr("Importing the bundle"),
            parent=self, cancellable=False, writes=True)

    def _imported(self, result: ImportResult) -> None:
        self.refresh()
        if result.held:
            self.status.setText(self.tr("Bundle %1 from %2 is held: bundle %3 has not been imported yet. "
                                        "Import it, and this one is applied right after.")
                                .replace("%1", str(result.sequence)).replace("%2", result.sender)
                                .replace("%3", str(result.missing_sequence)))
            return
        if result.already_applied:
            self.status.setText(self.tr("Bundle %1 from %2 was imported before; nothing changed.")
                                .replace("%1", str(result.sequence)).replace("%2", result.sender))
            return
        arrived = "，".join(f"{table_label(t, self.context.language)} {n}" for t, n in sorted(result.counts.items()))
        self.status.setText(self.tr("Bundle %1 from %2 imported: %3 new, %4 updated, %5 conflicts. %6")
                            .replace("%1", str(result.sequence)).replace("%2", result.sender)
                            .replace("%3", str(result.records_new)).replace("%4", str(result.records_updated))
                            .replace("%5", str(result.conflicts)).replace("%6", arrived)
                            + "".join("\n" + self.tr("Then held bundle %1: %2 new, %3 updated, %4 conflicts.")
                                      .replace("%1", str(r.sequence)).replace("%2", str(r.records_new))
                                      .replace("%3", str(r.records_updated)).replace("%4", str(r.conflicts))
                                      for r in result.released))

    def open_narrowing(self) -> NarrowDialog | None:
        peer = self.selected_peer()
        if peer is None:
            self.status.setText(self.tr("Choose the site first."))
            return None
        dialog = NarrowDialog(self.context, self.exchange, peer, self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
        return dialog

    def open_conflicts(self) -> ConflictDialog:
        dialog = ConflictDialog(self.context, self.exchange, self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
        return dialog


def table_label(table_name: str, language: str) -> str:
    """A travelling table as this screen names it in a sentence, in the words of the area that
    declares it (app/<area>/area.py, `exchange_labels`); its own name when no area does."""
    pair = next((spec.exchange_labels[table_name] for spec in areas() if table_name in spec.exchange_labels), None)
    return (pair[0] if language == "en" else pair[1]) if pair else table_name


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


class NarrowDialog(QDialog):
    """What goes to one peer: every table that goes its way by default, each ticked unless
    an administrator narrowed it out.  A record another one refers to goes all the same."""

    def __init__(self, context: AppContext, exchange: ExchangeService, peer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("narrow_dialog")
        self.setWindowTitle(self.tr("What goes to %1").replace("%1", peer))
        self.context, self.exchange, self.peer = context, exchange, peer
        excluded: list[str] = next((p["excluded_tables"] for p in exchange.status() if p["code"] == peer), [])
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, table_name in enumerate(exchange.narrowable(peer)):
            box = QCheckBox(table_label(table_name, context.language))
            box.setObjectName(f"send_{table_name}")
            box.setChecked(table_name not in excluded)
            self.boxes[table_name] = box
            grid.addWidget(box, i // 3, i % 3)
        note = QLabel(self.tr("Unticked: nothing of it is sent to %1 of its own accord. A record that another "
                              "one sent refers to still goes with it.").replace("%1", peer))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.exchange.narrow(self.peer, [t for t, box in self.boxes.items() if not box.isChecked()])
        except (UserError, StorageError) as err:
            self.status.setText(err.message(self.context.language))
            return
        self.accept()


class ConflictDialog(QDialog):
    """冲突处理: the records changed here and at another site, field by field, side by side."""

    def __init__(self, context: AppContext, exchange: ExchangeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Conflicts"))
        self.context = context
        self.exchange = exchange
        self.conflicts: list[ConflictView] = []
        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.currentRowChanged.connect(self._show)
        self.header = QLabel()
        self.header.setObjectName("conflict_header")
        self.header.setWordWrap(True)
        self.fields = QTableWidget(0, 4)
        self.fields.setObjectName("fields")
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.apply_button = QPushButton(self.tr("Apply the choices"))
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.header)
        right.addWidget(self.fields, 1)
        right.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(900, 480)
        self.load()

    def load(self) -> None:
        self.conflicts = self.exchange.conflicts()
        self.list.clear()
        for c in self.conflicts:
            QListWidgetItem(f"{table_label(c.table_name, self.context.language)} #{c.record_id} · {c.peer}", self.list)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        self.fields.setRowCount(0)
        self.apply_button.setEnabled(0 <= row < len(self.conflicts))
        if not 0 <= row < len(self.conflicts):
            self.header.setText(self.tr("No conflicts: every record agrees with the other sites."))
            return
        c = self.conflicts[row]
        mine_when = c.mine_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.mine_at else ""
        theirs_when = c.theirs_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.theirs_at else ""
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This site"), c.peer, self.tr("Keep")])
        self.header.setText(self.header_text(c, mine_when, theirs_when))
        self.fields.setRowCount(len(c.fields))
        # a delete against an edit offers one choice: the record kept or deleted
        record_words = {KEPT: self.tr("kept (changed)"), DELETED: self.tr("deleted")}
        for i, f in enumerate(c.fields):
            whole = f.name == RECORD_FIELD
            self.fields.setItem(i, 0, QTableWidgetItem(self.tr("The whole record") if whole else f.name))
            self.fields.setItem(i, 1, QTableWidgetItem(record_words[f.mine] if whole else _shown(f.mine)))
            self.fields.setItem(i, 2, QTableWidgetItem(record_words[f.theirs] if whole else _shown(f.theirs)))
            choice = QComboBox()
            choice.setObjectName(f"choice_{f.name}")
            choice.addItem(self.tr("this site's"), "mine")
            choice.addItem(self.tr("the other site's"), "theirs")
            self.fields.setCellWidget(i, 3, choice)

    def header_text(self, c: ConflictView, mine_when: str, theirs_when: str) -> str:
        """What happened on each side, in words: an edit against an edit, or a delete against an edit."""
        record = table_label(c.table_name, self.context.language)
        whole = bool(c.fields) and c.fields[0].name == RECORD_FIELD
        if whole and c.fields[0].theirs == DELETED:
            what = self.tr("%1 #%2 was deleted at %3 but changed here since they last agreed. "
                           "Choose whether the record is kept, with this site's changes, or deleted.")
            sides = self.tr("This site: changed by %1 at %2.  %3: deleted by %4 at %5.")
        elif whole:
            what = self.tr("%1 #%2 was deleted here but changed at %3 since they last agreed. "
                           "Choose whether the record is kept, with %3's changes, or deleted.")
            sides = self.tr("This site: deleted by %1 at %2.  %3: changed by %4 at %5.")
        else:
            what = self.tr("%1 #%2 was changed here and at %3 since they last agreed. "
                           "Choose, field by field, which value to keep.")
            sides = self.tr("This site: last changed by %1 at %2.  %3: changed by %4 at %5.")
        return (what.replace("%1", record).replace("%2", str(c.record_id)).replace("%3", c.peer)
                + "\n" + sides.replace("%1", c.mine_author or "?").replace("%2", mine_when or "?")
                .replace("%3", c.peer).replace("%4", c.theirs_author or "?").replace("%5", theirs_when or "?"))

    def choose(self, field: str, choice: str) -> None:
        combo = self.findChild(QComboBox, f"choice_{field}")
        assert combo is not None
        combo.setCurrentIndex(combo.findData(choice))

    def apply(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        c = self.conflicts[row]
        choices = {}
        for i, f in enumerate(c.fields):
            combo = self.fields.cellWidget(i, 3)
            choices[f.name] = combo.currentData() if isinstance(combo, QComboBox) else "mine"
        try:
            self.exchange.resolve(c.id, choices)
        except (UserError, StorageError) as err:
            self.status.setText(err.message(self.context.language))
            return
        self.status.setText(self.tr("Settled; the result goes to %1 with the next bundle.").replace("%1", c.peer))
        self.load()
