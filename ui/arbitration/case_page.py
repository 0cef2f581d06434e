"""The case page: who, what is claimed, every deadline and how it was computed,
the timeline of events, and the steps the case's state allows now.

Each step opens a `StepDialog` (the `ask` seam tests patch) and calls the
service; the page then shows the case as the service returns it — the
deadlines are derived afresh from the events each time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.arbitration import service as arb
from app.arbitration.deadlines import DeadlineState, Owner, shanghai_today, state_label
from app.arbitration.lifecycle import TRANSITIONS
from app.arbitration.models import Procedure
from app.arbitration.service import (
    CATEGORY_LABELS,
    CLOSURE_LABELS,
    PROCEDURE_LABELS,
    REFUSAL_GROUNDS,
    REFUSAL_GROUNDS_EN,
    ROLE_LABELS,
    SERVICE_DOCUMENTS,
    ArbitrationCaseService,
    AwardItem,
    CaseView,
    ClaimInput,
    tribunal_candidates,
)
from app.legal.deadlines import Unit, time_left
from app.legal.rates import format_yuan
from ui.arbitration.application_form import zh_or_en
from ui.arbitration.document_dialog import DocumentDialog
from ui.context import AppContext
from ui.widgets.case_steps import CaseStepPage, WritesOnTheWriter, gate_button
from ui.widgets.follow_record import FollowRecord
from ui.widgets.stale_save import AtVersion
from ui.widgets.step_dialog import Field
from ui.widgets.table_cells import filled_cell
from ui.words import list_separator

RED = QColor("#b00020")
AMBER = QColor("#a65e00")
GREY = QColor("#777777")
STEPS_PER_ROW = 8
# Steps on one claim: a button under the claims table, not in the steps grid.
CLAIM_ACTIONS = frozenset({"correct_claim_category"})


class CasePage(QWidget, CaseStepPage):
    # The case changed (the docket refreshes): (case id)
    changed = Signal(int)
    transitions = TRANSITIONS

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None, *,
                 service: ArbitrationCaseService | None = None, today: Callable[[], date] = shanghai_today) -> None:
        super().__init__(parent)
        self.setObjectName("case_page")
        self.context = context
        self.case_id = case_id
        self.today = today
        self.service = service or ArbitrationCaseService(context.store, context.actor, today=today)
        self.view: CaseView | None = None

        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.summary = QLabel()
        self.summary.setObjectName("case_summary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        # the steps the case's state allows (claim steps: under the claims table, for the selected claim)
        steps = self.make_step_bar(self.tr("Steps"), skip=CLAIM_ACTIONS, per_row=STEPS_PER_ROW)

        self.deadlines = self._table("deadlines", [self.tr("What must happen"), self.tr("From"), self.tr("Due"),
                                                   self.tr("Time left"), self.tr("State")])
        self.timeline = self._table("timeline", [self.tr("Date"), self.tr("Step"), self.tr("Note"), self.tr("By")])
        self.claims = self._table("claims_table", [self.tr("Category"), self.tr("Claim"), self.tr("Claimed"),
                                                   self.tr("Awarded"), self.tr("Result"), self.tr("Final")])
        self.claims.itemDoubleClicked.connect(lambda *_: self._correct_selected_category())
        # 更正请求类别: a claim recorded under the wrong category (migration 0016 read 工伤待遇 claims
        # from their wording), put right before the award
        self.correct_category_button = QPushButton(self.tr("Correct the category…"))
        self.correct_category_button.setObjectName("correct_claim_category")
        self.correct_category_button.clicked.connect(self._correct_selected_category)
        self.deadline_note = QLabel()
        self.deadline_note.setObjectName("deadline_note")
        self.deadline_note.setWordWrap(True)
        self.deadlines.currentCellChanged.connect(self._show_explanation)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Deadlines (derived from the events)")))
        left_layout.addWidget(self.deadlines, 2)
        left_layout.addWidget(self.deadline_note)
        claims_header = QHBoxLayout()
        claims_header.addWidget(QLabel(self.tr("Claims")), 1)
        claims_header.addWidget(self.correct_category_button)
        left_layout.addLayout(claims_header)
        left_layout.addWidget(self.claims, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Timeline")))
        right_layout.addWidget(self.timeline)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([640, 480])

        self.documents_button = QPushButton(self.tr("Documents…"))
        self.documents_button.setObjectName("documents")
        self.documents_button.clicked.connect(self.open_documents)
        self.document_dialog: DocumentDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.documents_button)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(steps)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.reload()
        # another desk's change to this case shows here within seconds (ui/widgets/follow_record.py)
        self.follower = FollowRecord(
            self, context.store,
            record=lambda: ("arbitration_case", self.case_id, self.view.version) if self.view is not None else None,
            fetch=lambda: self.service.get(self.case_id), show=self._show_followed, tell=self._tell_other_desk)

    # ---------------------------------------------------------------- showing
    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def reload(self) -> None:
        self.show_case(self.service.get(self.case_id))

    def _show_followed(self, view: CaseView) -> None:
        self.show_case(view)
        self.changed.emit(self.case_id)

    def _tell_other_desk(self, text: str) -> None:
        self.status.setStyleSheet("color: #8a5a00")
        self.status.setText(text)

    def _show_saved_case(self) -> int:
        """Another desk saved this case first: show it as saved now; its version for the retry."""
        self.reload()
        self.changed.emit(self.case_id)
        assert self.view is not None
        return self.view.version

    def show_case(self, view: CaseView) -> None:
        self.view = view
        lang = self.context.language
        self.title.setText(view.case_no or self.tr("Application received %1 (no case number yet)").replace(
            "%1", view.received_on.isoformat()))
        status = arb.status_label(view.status, lang)
        if view.closure_method:
            how = zh_or_en(CLOSURE_LABELS[view.closure_method], lang)
            status += f" ({how})" if lang == "en" else f"（{how}）"
        tribunal = list_separator(lang).join(m[1] for m in (view.tribunal["chief"], view.tribunal["second"], view.tribunal["third"]) if m)
        self.summary.setText(
            self.tr("Status: %1 · Procedure: %2 · Applicant: %3 · Respondent: %4 · Claimed: %5 yuan · Tribunal: %6")
            .replace("%1", status)
            .replace("%2", zh_or_en(PROCEDURE_LABELS[Procedure(view.procedure)], lang))
            .replace("%3", list_separator(lang).join(view.names("applicant")))
            .replace("%4", list_separator(lang).join(view.names("respondent")))
            .replace("%5", format_yuan(view.claimed_fen))
            .replace("%6", tribunal or "—")
        )
        today = self.today()
        shown = [d for d in view.deadlines if d.state is not DeadlineState.VOID]
        self.deadlines.setRowCount(len(shown))
        for row, d in enumerate(shown):
            state = state_label(d.state, lang)
            if d.state is DeadlineState.MET and d.met_on:
                state += f" {d.met_on.isoformat()}"
            if not d.deadline.calendar_complete:
                state += " ⚠"
            if d.owner is Owner.PARTY:
                state += self.tr(" (party's period)")
            # the deadline's name for the clerk; its rule id (A2 …) only in the tooltip's account
            left = ""
            if d.state is DeadlineState.OPEN:
                remaining = time_left(d.due, today, working_days=d.deadline.unit is Unit.WORKING_DAYS,
                                      calendar=self.service.calendar)
                left = remaining.en() if lang == "en" else remaining.zh()
            cells = [d.name(lang), d.deadline.start.isoformat(), d.due.isoformat(), left, state]
            colour = None
            if d.state is DeadlineState.OPEN and d.owner is Owner.INSTITUTE:
                colour = RED if d.due < today else AMBER if d.due == today else None
            elif d.state is not DeadlineState.OPEN:
                colour = GREY
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(d.how_computed(lang))  # the rule id (A2 …) is here, not in the name
                if col == 3 and d.state is DeadlineState.OPEN and d.due < today:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setData(Qt.ItemDataRole.UserRole, d.key)
                if colour is not None:
                    item.setForeground(QBrush(colour))
                self.deadlines.setItem(row, col, item)
        self.deadlines.resizeColumnsToContents()
        self.deadline_note.setText(self.tr("Select a deadline to see how it was computed."))
        self.timeline.setRowCount(len(view.events))
        for row, e in enumerate(reversed(view.events)):
            for col, text in enumerate((e.on.isoformat(), e.label_in(lang), e.note, e.actor)):
                self.timeline.setItem(row, col, QTableWidgetItem(text))
        self.timeline.resizeColumnsToContents()
        self.claims.setRowCount(len(view.claims))
        for row, c in enumerate(view.claims):
            final = "" if c.final is None else (self.tr("final") if c.final else self.tr("not final"))
            # a claim with no sum (确认劳动关系 …) shows "—", not 0.00
            money = c.amount_claimed_fen != 0 or bool(c.amount_awarded_fen)
            claimed = format_yuan(c.amount_claimed_fen) if money else "—"
            awarded = "" if c.amount_awarded_fen is None else format_yuan(c.amount_awarded_fen) if money else "—"
            cells = [zh_or_en(CATEGORY_LABELS[c.category], lang), c.description, claimed, awarded, arb.result_label(c.result, lang), final]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.claims.setItem(row, col, item)
        self.claims.resizeColumnsToContents()
        from app.arbitration.documents import available_documents

        fitting = available_documents(view)
        self.documents_button.setEnabled(bool(fitting))
        self.documents_button.setToolTip("" if fitting else self.tr("No document fits the case yet."))
        allowed = self.service.allowed_actions(view.status)
        correctable = "correct_claim_category" in allowed and any(not c.withdrawn for c in view.claims)
        gate_button(self.context, self.correct_category_button, TRANSITIONS["correct_claim_category"],
                    visible=correctable)
        if self.context.can(TRANSITIONS["correct_claim_category"].permission):
            self.correct_category_button.setToolTip(
                self.tr("A claim recorded under the wrong category, corrected before the award (with the reason)."))
        self.step_bar.show_allowed(allowed)

    def deadline_rows(self) -> list[tuple[str, str, str, str]]:
        """(what must happen, due, time left, state) as shown — what tests read."""
        rows = []
        for r in range(self.deadlines.rowCount()):
            what, due, left, state = (filled_cell(self.deadlines, r, c).text() for c in (0, 2, 3, 4))
            rows.append((what, due, left, state))
        return rows

    def _show_explanation(self, row: int, *_: Any) -> None:
        item = self.deadlines.item(row, 0) if row >= 0 else None
        if item is not None:
            self.deadline_note.setText(item.toolTip())

    def open_documents(self) -> DocumentDialog | None:
        from app.arbitration import documents as docs
        from app.kernel.settings import SettingsService

        view = self.service.get(self.case_id)
        offered = {kind: docs.DOCUMENTS[kind] for kind in docs.available_documents(view)}  # those that fit its state
        if not offered:
            return None

        organisation = SettingsService(self.context.store, self.context.actor).get("organisation")["arbitration_commission"]
        dialog = DocumentDialog(self.context, offered,
                                lambda kind: docs.draft(kind, self.service.get(self.case_id), organisation,
                                                        today=self.today()), self,
                                case=("arbitration_case", self.case_id))
        self.document_dialog = dialog
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- steps
    def step_today(self) -> date:
        return self.today()

    def step_service(self, view: CaseView) -> Any:
        # every step carries the version the clerk saw: a case changed meanwhile at
        # another desk is refused (record.changed_elsewhere), not overwritten
        # every write runs on the task runner's single writer, off the GUI thread
        return AtVersion(WritesOnTheWriter(self.context, self, self.service, self.tr("Saving")), view.version,
                         on_stale=self._show_saved_case)

    def recorded_text(self, action: str) -> str:
        t = TRANSITIONS[action]
        return self.tr("Recorded: %1").replace("%1", t.label_en if self.context.language == "en" else t.label_zh)

    def step_recorded(self, action: str, outcome: CaseView) -> None:
        self.show_case(outcome)
        self.changed.emit(self.case_id)

    def _correct_selected_category(self) -> CaseView | None:
        if not self.correct_category_button.isVisible() or not self.correct_category_button.isEnabled():
            return None
        return self.run_step("correct_claim_category")

    def selected_claim_id(self) -> int | None:
        """The claim of the claims table's current row (None when none is chosen)."""
        item = self.claims.item(self.claims.currentRow(), 0) if self.claims.currentRow() >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _hearing_rooms(self) -> list[str]:
        """The rooms an administrator keeps (系统设置 hearing_rooms)."""
        from app.kernel.settings import SettingsService

        return [str(r) for r in SettingsService(self.context.store, self.context.actor).get("hearing_rooms") or []]

    def step_choices(self, action: str, view: CaseView) -> dict[str, Sequence[tuple[str, Any]]]:
        """The choices that come from the case, the register or the settings."""
        lang = self.context.language
        if action == "refuse":  # only the grounds of 办案规则 art 31 (art 30 items (1)–(3))
            names = REFUSAL_GROUNDS_EN if lang == "en" else REFUSAL_GROUNDS
            return {"ground": [(names[code], code) for code in REFUSAL_GROUNDS]}
        if action in ("form_tribunal", "change_tribunal"):
            members = tribunal_candidates(self.context.store, self.context.actor)
            arbitrators = [(m.name, m.id) for m in members if "arbitrator" in m.roles]
            optional = [(self.tr("(none)"), None), *arbitrators]
            return {"chief": arbitrators, "second": optional, "third": optional,
                    "clerk": [(m.name, m.id) for m in members if "arb_clerk" in m.roles]}
        if action == "record_service":
            return {"document": [(label, key) for key, label in SERVICE_DOCUMENTS.items()],
                    "party": [(p.name, p.party_id) for p in view.parties]}
        if action in ("schedule_hearing", "postpone_hearing"):
            rooms = self._hearing_rooms()  # none kept: the room is typed in
            return {"room": [(r, r) for r in rooms]} if rooms else {}
        if action == "convert_procedure":
            other = "ordinary" if view.procedure == "simple" else "simple"
            return {"procedure": [(zh_or_en(PROCEDURE_LABELS[Procedure(other)], lang), other)]}
        if action == "add_party":
            return {"role": [(zh_or_en(ROLE_LABELS[r], lang), str(r)) for r in ROLE_LABELS]}
        if action in ("change_claims", "join_counterclaim"):
            return {"category": [(zh_or_en(pair, lang), str(key)) for key, pair in CATEGORY_LABELS.items()]}
        if action == "correct_claim_category":
            live, chosen = self._live_claims(view), self._chosen_claim(view)
            claims = [(f"{zh_or_en(CATEGORY_LABELS[c.category], lang)} {c.description}".strip()[:40], c.id) for c in live]
            # the category offered first is another one than the claim has now
            categories = [(zh_or_en(pair, lang), str(key)) for key, pair in CATEGORY_LABELS.items()
                          if chosen is None or str(key) != chosen.category]
            categories += [(zh_or_en(CATEGORY_LABELS[chosen.category], lang), chosen.category)] if chosen else []
            return {"claim": claims, "category": categories}
        return {}

    def step_defaults(self, action: str, view: CaseView) -> dict[str, Any]:
        if action == "add_party":
            from app.parties.service import PartyService

            return {"party": PartyService(self.context.store, self.context.actor)}  # the picker searches the register
        if action == "correct_claim_category":
            chosen = self._chosen_claim(view)
            return {"claim": chosen.id} if chosen else {}
        return {}

    def step_arguments(self, action: str, view: CaseView) -> dict[str, Any]:
        if action in ("postpone_hearing", "hold_hearing"):
            scheduled = [h for h in view.hearings if h.status == "scheduled"]
            return {"hearing_id": scheduled[-1].id if scheduled else 0}
        return {}

    def _live_claims(self, view: CaseView) -> list[Any]:
        return [c for c in view.claims if not c.withdrawn]

    def _chosen_claim(self, view: CaseView) -> Any:
        live, selected = self._live_claims(view), self.selected_claim_id()
        return next((c for c in live if c.id == selected), live[0] if live else None)

    def step_form(self, action: str, view: CaseView) -> tuple[list[Field], Callable[[dict[str, Any]], CaseView]] | None:
        """The steps whose form depends on the case's claims (one input per claim) or builds a claim."""
        s, cid, lang = self.step_service(view), view.id, self.context.language
        live = self._live_claims(view)
        fields = self.step_fields(action, view)
        if action in ("change_claims", "join_counterclaim"):
            return fields, lambda v: s.change_claims(
                cid, v["on"], add=[ClaimInput(v["category"], v["amount"] or 0, v["description"])],
                counterclaim=action == "join_counterclaim")
        if action == "close_award":
            results = [(self.tr("upheld"), "upheld"), (self.tr("partly upheld"), "partly_upheld"),
                       (self.tr("dismissed"), "dismissed")]
            for c in live:
                label = f"{zh_or_en(CATEGORY_LABELS[c.category], lang)} {c.description}"[:30]
                fields.append(Field(f"award_{c.id}", label, "money", default=c.amount_claimed_fen))
                fields.append(Field(f"result_{c.id}", self.tr("Result:"), "choice", results))
            return fields, lambda v: s.close_award(cid, v["on"], [
                AwardItem(c.id, v[f"award_{c.id}"] or 0, v[f"result_{c.id}"]) for c in live])
        if action == "close_mediation":
            fields += [Field(f"amount_{c.id}", f"{zh_or_en(CATEGORY_LABELS[c.category], lang)}", "money",
                             default=c.amount_claimed_fen) for c in live]
            return fields, lambda v: s.close_mediation(cid, v["on"], amounts={c.id: v[f"amount_{c.id}"] or 0 for c in live})
        return None
