"""The case page: who, what is claimed, every deadline and how it was computed,
the timeline of events, and the steps the case's state allows now.

Each step opens a `StepDialog` (the `ask` seam tests patch) and calls the
service; the page then shows the case as the service returns it — the
deadlines are derived afresh from the events each time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
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
from app.arbitration.service import (
    CATEGORY_LABELS,
    CLOSURE_LABELS,
    PROCEDURE_LABELS,
    REFUSAL_GROUNDS,
    REFUSAL_GROUNDS_EN,
    ROLE_LABELS,
    SERVICE_DOCUMENTS,
    SIDE_EVENTS,
    TRANSITIONS,
    ArbitrationCaseService,
    AwardItem,
    CaseView,
    ClaimInput,
    side_event_label,
    tribunal_candidates,
)
from app.errors import StorageError, UserError
from app.legal.deadlines import Unit, time_left
from app.legal.rates import format_yuan
from ui.arbitration.application_form import zh_or_en
from ui.arbitration.document_dialog import DocumentDialog
from ui.arbitration.step_dialog import Field, StepDialog
from ui.context import AppContext
from ui.widgets.follow_record import FollowRecord
from ui.widgets.stale_save import AtVersion, SavedElsewhere, is_changed_elsewhere
from ui.words import list_separator

RED = QColor("#b00020")
AMBER = QColor("#a65e00")
GREY = QColor("#777777")
STEPS_PER_ROW = 8
# Steps on one claim: a button under the claims table, not in the steps grid.
CLAIM_ACTIONS = frozenset({"correct_claim_category"})


class CasePage(QWidget):
    # The case changed (the docket refreshes): (case id)
    changed = Signal(int)

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

        self.buttons: dict[str, QPushButton] = {}
        self.steps_grid = grid = QGridLayout()
        for action in TRANSITIONS:  # the service's life cycle: its order, its words, its permissions
            if action in CLAIM_ACTIONS:
                continue  # under the claims table, for the selected claim
            button = QPushButton(self._action_label(action))
            button.setObjectName(action)
            button.clicked.connect(lambda _=False, a=action: self.run_step(a))
            self.buttons[action] = button
        steps = QGroupBox(self.tr("Steps"))
        steps.setLayout(grid)

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

    def _action_label(self, action: str) -> str:
        return TRANSITIONS[action].label(self.context.language)

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
            .replace("%2", zh_or_en(PROCEDURE_LABELS[view.procedure], lang))
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
        permission = TRANSITIONS["correct_claim_category"].permission
        self.correct_category_button.setVisible(correctable)
        self.correct_category_button.setEnabled(correctable and self.context.can(permission))
        self.correct_category_button.setToolTip(
            self.tr("A claim recorded under the wrong category, corrected before the award (with the reason).")
            if self.context.can(permission) else self.context.missing_permission_tip(permission))
        allowed = [a for a in allowed if a in self.buttons]
        # only the steps the state allows, packed left to right
        for button in self.buttons.values():
            self.steps_grid.removeWidget(button)
        for i, action in enumerate(allowed):
            self.steps_grid.addWidget(self.buttons[action], i // STEPS_PER_ROW, i % STEPS_PER_ROW)
        for action, button in self.buttons.items():
            permission = TRANSITIONS[action].permission
            visible = action in allowed
            button.setVisible(visible)
            button.setEnabled(visible and self.context.can(permission))
            if visible and not self.context.can(permission):
                button.setToolTip(self.context.missing_permission_tip(permission))

    def deadline_rows(self) -> list[tuple[str, str, str, str]]:
        """(what must happen, due, time left, state) as shown — what tests read."""
        return [tuple(self.deadlines.item(r, c).text() for c in (0, 2, 3, 4)) for r in range(self.deadlines.rowCount())]  # type: ignore[misc]

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
    def run_step(self, action: str) -> CaseView | None:
        assert self.view is not None
        fields, call = self._step(action, self.view)
        _en, zh = TRANSITIONS[action].label_en, TRANSITIONS[action].label_zh
        # The dialog runs the step itself: a refusal (a room taken, say) is shown there and
        # the clerk's entries stay.  A patched `ask` (tests) hands back values instead.
        submitted: dict[str, Any] = {}
        values = StepDialog.ask(self._action_label(action), fields, self, today=self.today(),
                                submit=call, submitted=submitted)
        if values is None:
            return None
        try:
            view = submitted["outcome"] if "outcome" in submitted else call(values)
        except (UserError, StorageError) as err:
            if is_changed_elsewhere(err) and not isinstance(err, SavedElsewhere):
                self.reload()  # the case as the other desk left it, before the clerk tries again
            self.status.setText(err.message(self.context.language))
            self.status.setStyleSheet("color: #b00020")
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Recorded: %1").replace("%1", zh if self.context.language != "en" else _en))
        self.show_case(view)
        self.changed.emit(self.case_id)
        return view

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

    def _step(self, action: str, view: CaseView) -> tuple[list[Field], Callable[[dict[str, Any]], CaseView]]:
        # every step carries the version the clerk saw: a case changed meanwhile at
        # another desk is refused (record.changed_elsewhere), not overwritten
        s, cid = AtVersion(self.service, view.version, on_stale=self._show_saved_case), view.id
        on = Field("on", self.tr("Date:"), "date")
        reason = Field("reason", self.tr("Reason:"), "text")
        if action in ("accept", "correct", "resume", "record_answer"):
            return [on], lambda v: getattr(s, action)(cid, v["on"])
        if action == "close_withdrawal":
            kinds = [(self.tr("the applicant withdrew"), False), (self.tr("deemed withdrawn (absent without cause)"), True)]
            return [on, Field("deemed", self.tr("Withdrawal:"), "choice", kinds), reason], \
                lambda v: s.close_withdrawal(cid, v["on"], v["reason"], deemed=bool(v["deemed"]))
        if action == "record_side_event":
            kinds = [(side_event_label(key, self.context.language), key) for key in SIDE_EVENTS]
            return [on, Field("what", self.tr("What:"), "choice", kinds), Field("note", self.tr("Note:"), "text")], \
                lambda v: s.record_side_event(cid, v["on"], what=v["what"], note=v["note"])
        if action == "refuse":  # only the grounds of 办案规则 art 31 (art 30 items (1)–(3))
            names = REFUSAL_GROUNDS_EN if self.context.language == "en" else REFUSAL_GROUNDS
            grounds = [(names[code], code) for code in REFUSAL_GROUNDS]
            return [on, Field("ground", self.tr("Ground:"), "choice", grounds),
                    Field("reason", self.tr("Particulars:"), "text")], \
                lambda v: s.refuse(cid, v["on"], v["ground"], v["reason"])
        if action in ("withdraw_before_acceptance", "revoke", "terminate"):
            return [on, reason], lambda v: getattr(s, action)(cid, v["on"], v["reason"])
        if action == "request_correction":
            return [on, Field("note", self.tr("What to correct:"), "text")], lambda v: s.request_correction(cid, v["on"], v["note"])
        if action == "not_competent":
            return [on, Field("body", self.tr("Competent commission:"))], lambda v: s.not_competent(cid, v["on"], v["body"])
        if action == "transfer_out":
            return [on, Field("body", self.tr("Transferred to:"))], lambda v: s.transfer_out(cid, v["on"], v["body"])
        if action in ("form_tribunal", "change_tribunal"):
            members = tribunal_candidates(self.context.store, self.context.actor)
            arbitrators = [(m.name, m.id) for m in members if "arbitrator" in m.roles]
            clerks = [(m.name, m.id) for m in members if "arb_clerk" in m.roles]
            none = [(self.tr("(none)"), None)]
            fields = [on, Field("chief", self.tr("Chief / sole arbitrator:"), "choice", arbitrators),
                      Field("second", self.tr("Arbitrator:"), "choice", none + arbitrators),
                      Field("third", self.tr("Arbitrator:"), "choice", none + arbitrators),
                      Field("clerk", self.tr("Clerk:"), "choice", clerks)]
            return fields, lambda v: getattr(s, action)(cid, v["on"], chief_id=v["chief"], arbitrator_2_id=v["second"],
                                                        arbitrator_3_id=v["third"], clerk_id=v["clerk"])
        if action == "record_service":
            docs = [(label, key) for key, label in SERVICE_DOCUMENTS.items()]
            parties = [(p.name, p.party_id) for p in view.parties]
            methods = [(self.tr("in person"), "direct"), (self.tr("by post"), "post"), (self.tr("electronic"), "electronic"),
                       (self.tr("left at the address"), "left_at_address"), (self.tr("public notice"), "public_notice")]
            fields = [Field("on", self.tr("Served on:"), "date"), Field("document", self.tr("Document:"), "choice", docs),
                      Field("party", self.tr("Served on party:"), "choice", parties),
                      Field("method", self.tr("Method:"), "choice", methods),
                      Field("notice_days", self.tr("Public-notice days (not counted):"), "int")]
            return fields, lambda v: s.record_service(cid, document=v["document"], party_id=v["party"], method=v["method"],
                                                      served_on=v["on"], notice_days=v["notice_days"])
        rooms = self._hearing_rooms()
        hearing_fields = [Field("held_on", self.tr("Hearing date:"), "date"), Field("starts_at", self.tr("From:"), "time"),
                          Field("ends_at", self.tr("To:"), "time", follows=("starts_at", 120)),
                          Field("room", self.tr("Room:"), "choice", [(r, r) for r in rooms]) if rooms
                          else Field("room", self.tr("Room:"), "line")]
        if action == "schedule_hearing":
            # One date on the form, the hearing's; the step is recorded today.
            recorded = Field("on", self.tr("Date:"), "hidden")
            return [recorded, *hearing_fields], lambda v: s.schedule_hearing(cid, v["on"], held_on=v["held_on"],
                                                                       starts_at=v["starts_at"], ends_at=v["ends_at"], room=v["room"])
        scheduled = [h for h in view.hearings if h.status == "scheduled"]
        hearing_id = scheduled[-1].id if scheduled else 0
        if action == "postpone_hearing":
            return [Field("on", self.tr("Postponed on:"), "date"), reason, *hearing_fields], lambda v: s.postpone_hearing(
                cid, v["on"], hearing_id=hearing_id, reason=v["reason"], held_on=v["held_on"],
                starts_at=v["starts_at"], ends_at=v["ends_at"], room=v["room"])
        if action == "hold_hearing":
            return [on], lambda v: s.hold_hearing(cid, v["on"], hearing_id=hearing_id)
        approver = Field("approver", self.tr("Approved by:"))
        if action == "suspend":
            return [on, Field("ground", self.tr("Ground:"), "text"), approver], lambda v: s.suspend(
                cid, v["on"], ground=v["ground"], approver=v["approver"])
        if action == "extend":
            return [on, Field("days", self.tr("Extension (days, at most 15):"), "int", default=15), approver, reason], \
                lambda v: s.extend(cid, v["on"], days=v["days"], approver=v["approver"], reason=v["reason"])
        if action == "convert_procedure":
            other = "ordinary" if view.procedure == "simple" else "simple"
            choices = [(zh_or_en(PROCEDURE_LABELS[other], self.context.language), other)]
            return [on, Field("procedure", self.tr("Procedure:"), "choice", choices)], \
                lambda v: s.convert_procedure(cid, v["on"], v["procedure"])
        if action == "add_party":
            from app.parties.service import PartyService

            roles = [(zh_or_en(ROLE_LABELS[r], self.context.language), str(r)) for r in ROLE_LABELS]
            return [on, Field("party", self.tr("Party (from the register):"), "party",
                              default=PartyService(self.context.store, self.context.actor)),
                    Field("role", self.tr("As:"), "choice", roles, default="third_party")], \
                lambda v: s.add_party(cid, v["on"], party_id=v["party"] or 0, role=v["role"])
        if action in ("change_claims", "join_counterclaim"):
            categories = [(zh_or_en(pair, self.context.language), str(key)) for key, pair in CATEGORY_LABELS.items()]
            fields = [on, Field("category", self.tr("Category:"), "choice", categories),
                      Field("description", self.tr("Claim:")), Field("amount", self.tr("Amount (yuan):"), "money")]
            return fields, lambda v: s.change_claims(
                cid, v["on"], add=[ClaimInput(v["category"], v["amount"] or 0, v["description"])],
                counterclaim=action == "join_counterclaim")
        live = [c for c in view.claims if not c.withdrawn]
        if action == "correct_claim_category":
            lang = self.context.language
            claims = [(f"{zh_or_en(CATEGORY_LABELS[c.category], lang)} {c.description}".strip()[:40], c.id) for c in live]
            selected = self.selected_claim_id()
            chosen = next((c for c in live if c.id == selected), live[0] if live else None)
            # the category offered first is another one than the claim has now
            categories = [(zh_or_en(pair, lang), str(key)) for key, pair in CATEGORY_LABELS.items()
                          if chosen is None or str(key) != chosen.category]
            categories += [(zh_or_en(CATEGORY_LABELS[chosen.category], lang), chosen.category)] if chosen else []
            return [on, Field("claim", self.tr("Claim:"), "choice", claims, default=chosen.id if chosen else None),
                    Field("category", self.tr("Correct category:"), "choice", categories),
                    Field("reason", self.tr("Reason:"), "text")], \
                lambda v: s.correct_claim_category(cid, v["on"], claim_id=v["claim"], category=v["category"],
                                                   reason=v["reason"])
        if action == "close_award":
            results = [(self.tr("upheld"), "upheld"), (self.tr("partly upheld"), "partly_upheld"),
                       (self.tr("dismissed"), "dismissed")]
            fields = [on]
            for c in live:
                label = f"{zh_or_en(CATEGORY_LABELS[c.category], self.context.language)} {c.description}"[:30]
                fields.append(Field(f"award_{c.id}", label, "money", default=c.amount_claimed_fen))
                fields.append(Field(f"result_{c.id}", self.tr("Result:"), "choice", results))
            return fields, lambda v: s.close_award(cid, v["on"], [
                AwardItem(c.id, v[f"award_{c.id}"] or 0, v[f"result_{c.id}"]) for c in live])
        if action == "close_mediation":
            fields = [on] + [Field(f"amount_{c.id}", f"{zh_or_en(CATEGORY_LABELS[c.category], self.context.language)}", "money",
                                   default=c.amount_claimed_fen) for c in live]
            return fields, lambda v: s.close_mediation(cid, v["on"], amounts={c.id: v[f"amount_{c.id}"] or 0 for c in live})
        raise KeyError(action)
