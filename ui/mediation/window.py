"""调解: township mediation cases — the list, a new application (written or
oral), and the case panel with its 15-day clock, the agreement, failure and
转仲裁 (one action: the arbitration application is created with the same
parties and claims, and the two cases point at each other)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.arbitration.deadlines import shanghai_today
from app.legal.deadlines import time_left
from app.legal.rates import format_yuan
from app.mediation import service as med
from app.mediation.models import Channel
from app.mediation.service import CHANNEL_LABELS, MediationRow, MediationService, MediationView
from ui.arbitration.application_form import ApplicationForm, zh_or_en
from ui.arbitration.document_dialog import DocumentDialog
from ui.context import AppContext
from ui.lists import (
    KEEP_END,
    OVERDUE_RED,
    RIGHT,
    Column,
    PagedTableModel,
)
from ui.lists.filters import choice_filter, search_box
from ui.lists.register_window import Action, action_buttons, paged_list
from ui.widgets.case_steps import CaseStepPage, WritesOnTheWriter
from ui.widgets.follow_record import FollowRecord
from ui.widgets.stale_save import AtVersion
from ui.words import list_separator


class MediationWindow(QWidget, CaseStepPage):
    """The register of mediation cases above, the chosen case below.  Its steps are the
    shared case page's (ui/widgets/case_steps.py): the buttons and the step forms come
    from the life cycle (app/mediation/lifecycle.py); the case is `current` (`view` is the list)."""

    transitions = med.TRANSITIONS

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = shanghai_today) -> None:
        super().__init__(parent)
        self.setObjectName("mediation_window")
        self.context = context
        self.today = today
        self.service = MediationService(context.store, context.actor, today=today)
        self.form: ApplicationForm | None = None
        self.current: MediationView | None = None

        lang = context.language
        self.search = search_box(self.tr("Search by case number or party name"), self.refresh)
        self.status_filter = choice_filter("status_filter", [
            (self.tr("All"), None), *((med.status_label(key, lang), str(key)) for key in med.STATUS_LABELS)],
            self.refresh)
        self.channel_filter = choice_filter("channel_filter", [
            (self.tr("All"), None), *((zh_or_en(pair, lang), str(key)) for key, pair in CHANNEL_LABELS.items())],
            self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Channel:")))
        filters.addWidget(self.channel_filter)
        self.list_buttons: dict[str, QPushButton] = {}  # `buttons` are the case's steps
        action_buttons(context, [Action("new_application", self.tr("New application"), self.new_application,
                                        Permission.MEDIATION_HANDLE)], filters, self.list_buttons)

        self.model: PagedTableModel[MediationRow] = PagedTableModel(self._columns(), self)
        self.view = paged_list(context.store, self.model, "mediation_table", conflicts="mediation_case")
        self.view.row_activated.connect(lambda r: self.open_case(r.id))
        self.view.selection_changed_ids.connect(lambda ids: self.open_case(ids[0]) if ids else None)

        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.details = QLabel()
        self.details.setObjectName("case_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        # the steps the case's state allows, in the life cycle's order, on one row without a frame
        row.addWidget(self.make_step_bar(None, per_row=len(self.transitions)))
        row.addStretch(1)
        self.documents_button = QPushButton(self.tr("Documents…"))
        self.documents_button.setObjectName("documents")
        self.documents_button.clicked.connect(self.open_documents)
        row.addWidget(self.documents_button)
        self.document_dialog: DocumentDialog | None = None
        panel = QGroupBox(self.tr("Case"))
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.title)
        panel_layout.addLayout(row)
        panel_layout.addWidget(self.details, 1)
        panel_layout.addWidget(self.status)
        # another desk's change to the case on screen shows within seconds (ui/widgets/follow_record.py)
        self.follower = FollowRecord(
            self, context.store,
            record=lambda: ("mediation_case", self.current.id, self.current.version) if self.current is not None else None,
            fetch=lambda: self.service.get(self.current.id) if self.current is not None else None,
            show=self._show, tell=self.status.setText, inputs=panel)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.view)
        split.addWidget(top)
        split.addWidget(panel)
        split.setSizes([380, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.refresh()
        self._show(None)

    def _columns(self) -> list[Column[MediationRow]]:
        lang = self.context.language
        return [
            Column("case_no", self.tr("Case number"), lambda r: r.case_no, width=12, fit=True, elide=KEEP_END),
            Column("received_on", self.tr("Received"), lambda r: r.received_on, width=6),
            Column("status", self.tr("Status"), lambda r: med.status_label(r.status, lang), width=6, fit=True),
            Column("channel", self.tr("Channel"), lambda r: zh_or_en(CHANNEL_LABELS[Channel(r.channel)], lang), width=6),
            Column("applicants", self.tr("Applicant"), lambda r: r.applicants, width=6),
            Column("respondents", self.tr("Respondent"), lambda r: r.respondents, width=12),
            Column("amount", self.tr("Requested (yuan)"), lambda r: format_yuan(r.amount_requested_fen), align=RIGHT, width=7),
            Column("due_on", self.tr("15-day limit"), lambda r: r.due_on, width=6,
                   foreground=lambda r: OVERDUE_RED if r.status in med.OPEN and r.due_on < self.today() else None),
        ]

    def refresh(self, *_args: Any) -> None:
        self.model.set_query(self.service.query(text=self.search.search_text, status=self.status_filter.currentData(),
                                                channel=self.channel_filter.currentData()))

    def new_application(self) -> ApplicationForm:
        form = ApplicationForm(self.context, self, mediation=True, today=self.today())
        form.accepted.connect(lambda: self._created(form))
        self.form = form
        form.open()
        return form

    def _created(self, form: ApplicationForm) -> None:
        self.refresh()
        if form.saved_id is not None:
            self.open_case(form.saved_id)

    def open_case(self, case_id: int) -> MediationView:
        view = self.service.get(case_id)
        self._show(view)
        return view

    def _show(self, view: MediationView | None) -> None:
        self.current = view
        lang = self.context.language
        self.step_bar.show_allowed(self.service.allowed_actions(view.status) if view is not None else [])
        from app.mediation.documents import available_documents

        self.documents_button.setEnabled(view is not None and bool(available_documents(view)))
        if view is None:
            self.title.setText(self.tr("Choose a case in the list."))
            self.details.setText("")
            return
        self.title.setText(view.case_no or self.tr("Application of %1").replace("%1", view.received_on.isoformat()))
        clock = view.clock
        lines = [
            self.tr("Status: %1").replace("%1", med.status_label(view.status, lang)),
            self.tr("Applicant: %1 · Respondent: %2").replace("%1", list_separator(lang).join(view.names("applicant")))
            .replace("%2", list_separator(lang).join(view.names("respondent"))),
            self.tr("Channel: %1 · Centre: %2").replace("%1", zh_or_en(CHANNEL_LABELS[Channel(view.channel)], lang))
            .replace("%2", view.organisation or "—"),
            self.tr("Requested: %1 yuan · Agreed: %2 · Paid: %3").replace("%1", format_yuan(view.amount_requested_fen))
            .replace("%2", format_yuan(view.amount_agreed_fen) if view.amount_agreed_fen is not None else "—")
            .replace("%3", format_yuan(view.amount_paid_fen) if view.amount_paid_fen is not None else "—"),
            self._clock_line(view),
        ]
        if view.arbitration_case_id is not None:
            lines.append(self.tr("Transferred to arbitration: %1").replace(
                "%1", view.arbitration_case_no or self.tr("application no. %1").replace("%1", str(view.arbitration_case_id))))
        lines.append(self.tr("Timeline:"))
        lines += [f"  {on.isoformat()} {med.event_label(kind, lang)} {note}" for kind, on, note in view.events]
        self.details.setText("\n".join(lines))
        self.details.setToolTip(f"{clock.rule_id} {clock.basis}")

    def _clock_line(self, view: MediationView) -> str:
        """The 15-day mediation period by its name (the rule id M1 only in the tooltip), with the days left."""
        clock = view.clock
        line = self.tr("15-day mediation period: %1 — %2").replace("%1", clock.due.isoformat()).replace(
            "%2", clock.explained(self.context.language))
        if view.clock_running:
            left = time_left(clock.due, self.today(), working_days=False)
            line += f" ({left.en()})" if self.context.language == "en" else f"（{left.zh()}）"
        return line

    def open_documents(self) -> DocumentDialog | None:
        from app.kernel.settings import SettingsService
        from app.mediation import documents as docs

        view = self.current
        if view is None:
            return None
        organisation = SettingsService(self.context.store, self.context.actor).get("organisation")["bureau"]
        offered = {kind: docs.DOCUMENTS[kind] for kind in docs.available_documents(view)}  # those that fit its state
        dialog = DocumentDialog(self.context, offered,
                                lambda kind: docs.draft(kind, self.service.get(view.id), organisation, today=self.today()),
                                self, case=("mediation_case", view.id))
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def _show_saved_case(self, case_id: int) -> int:
        """Another desk saved this case first: the list and the case as saved now; its version."""
        self.refresh()
        return self.open_case(case_id).version

    # ---------------------------------------------------------------- steps (CaseStepPage)
    def step_case(self) -> MediationView | None:
        return self.current

    def step_today(self) -> date:
        return self.today()

    def step_service(self, view: MediationView) -> Any:
        # the version the clerk saw: a case changed elsewhere meanwhile is refused, the case is
        # shown as saved now and the step dialog keeps the clerk's entries (ui/widgets/stale_save.py)
        # every step runs on the task runner's single writer, off the GUI thread (issue 12)
        writer = WritesOnTheWriter(self.context, self, self.service, self.tr("Saving"))
        return AtVersion(writer, view.version, on_stale=lambda: self._show_saved_case(view.id))

    def show_case(self, view: MediationView) -> None:
        self._show(view)

    def reload(self) -> None:
        if self.current is not None:
            self._show_saved_case(self.current.id)

    def recorded_text(self, action: str) -> str:
        return self.tr("Recorded: %1").replace("%1", med.TRANSITIONS[action].label(self.context.language))

    def step_recorded(self, action: str, outcome: MediationView) -> None:
        self.refresh()
        self._show(outcome)
