"""The case page of one complaint: decide, officers, investigation, plan, payments, close.

Every button calls one service method with the case's current version and
shows the fresh case it returns; a refusal (a transition the state does not
allow, an officer without a valid certificate, a payment beyond what is owed…)
is shown in the status line in the user's language and changes nothing.
Deadlines are shown as the service derives them; overdue ones in red, with
节假日安排未导入 when the calendar lacks a year.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.service import (
    OFFICER_CATEGORY,
    ComplaintDetail,
    ComplaintService,
)
from app.errors import StorageError, UserError
from app.legal.rates import format_yuan
from ui.complaints.case_documents import ComplaintCaseDocuments
from ui.context import AppContext
from ui.widgets.follow_record import FollowRecord
from ui.words import bracketed, item_separator, wide_space

RED = QColor("#b00020")
# the tabs, in order: 受理, 调查, 支付计划与支付, 告知申辩与听证, 法制审核与决定, 结案, 文书与证据, 办理记录
INVESTIGATION_TAB, PAYMENTS_TAB, REVIEW_TAB, CLOSURE_TAB = 1, 2, 4, 5
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ComplaintCasePage(ComplaintCaseDocuments):
    """One complaint: the layout (case_tabs.py), the steps (case_actions.py), the documents
    (case_documents.py) and, here, how the case is shown in them."""

    def __init__(
        self, context: AppContext, service: ComplaintService, complaint_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_case")
        self.context = context
        self.service = service
        self.language = context.language
        self.last_error: UserError | StorageError | None = None
        self.detail: ComplaintDetail = service.get(complaint_id)
        self._officer_rows: list[Any] = []
        self.step_buttons = {}

        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        # each tab scrolls rather than stretching the page past a 1366×768 screen
        for page, title in (
            (self._decision_tab(), self.tr("Acceptance")),
            (self._investigation_tab(), self.tr("Investigation")),
            (self._payments_tab(), self.tr("Plan and payments")),
            (self._procedure_tab(), self.tr("Notice, defence and hearing")),
            (self._review_tab(), self.tr("Legal review and decision")),
            (self._close_tab(), self.tr("Closure")),
            (self._files_tab(), self.tr("Documents and evidence")),
            (self._history_tab(), self.tr("History")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        self.tabs.currentChanged.connect(self._clear_status)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.deadlines)
        layout.addWidget(self.totals)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1000, screen.width() - 40), min(760, screen.height() - 60))  # within a laptop's screen
        self._apply_permissions()
        self.show_detail(self.detail)
        # another desk's change to this case shows here within seconds (ui/widgets/follow_record.py)
        self.follower = FollowRecord(
            self, context.store, record=lambda: ("complaint", self.detail.id, self.detail.version),
            fetch=lambda: self.service.get(self.detail.id), show=self.show_detail, tell=self._tell_other_desk)

    def _apply_permissions(self) -> None:
        for button in self.findChildren(QPushButton):
            permission = button.property("permission")
            if permission and not self.context.can(Permission(permission)):
                button.setEnabled(False)
                button.setToolTip(self.context.missing_permission_tip(Permission(permission)))

    # ---------------------------------------------------------------- showing
    def _clear_status(self, *_: Any) -> None:
        """A message belongs to the tab it was made on: another tab starts clean."""
        self.status.clear()
        self.status.setStyleSheet("")

    def _show_allowed_steps(self, d: ComplaintDetail) -> None:
        """Only the steps the case's state allows (complaint_rules: TRANSITIONS and RECORDING_STEPS);
        where none is left, what was decided shows read-only instead of empty fields."""
        allowed = d.allowed_steps()
        # a transition's button, and a recording step's that is its own group, shows where the state allows it
        buttons = {step: button for step, button in self.step_buttons.items()
                   if step in rules.TRANSITIONS or step in rules.RECORDING_STEPS}
        buttons["legal_review"] = self.review_button
        deciding = bool(allowed & {"accept", "refuse", "redirect", "request_correction", "corrected"})
        self.decision_fields.setVisible(deciding)
        self.decision_done.setVisible(not deciding)
        self.decision_done.setText("" if deciding else self._decision_made(d))
        self.officer_list.setVisible("assign_officers" in allowed)
        self.assign_row.setVisible("assign_officers" in allowed)
        rows = {
            self.action_button: "record_action" in allowed,
            self.disposal_button: "set_disposal" in allowed,
            self.extend_button: "extend" in allowed,
            self.rectify_button: bool(allowed & {"order_rectification", "rectified", "not_rectified"}),
            self.transfer_button: "transfer" in allowed,
        }
        for index in range(self.investigation_form.rowCount()):
            field = self.investigation_form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            row_layout = field.layout() if field is not None else None
            visible = any(row_layout is not None and row_layout.indexOf(b) >= 0 and shown for b, shown in rows.items())
            self.investigation_form.setRowVisible(index, visible)
        self.investigation_steps.setVisible(any(rows.values()))
        for w in (self.rectify_by_label, self.rectify_by):
            w.setVisible("order_rectification" in allowed)
        # after the rows: showing a row shows every widget in it, the rectification row's three buttons too
        for step, button in buttons.items():
            button.setVisible(step in allowed)
        self.plan_entry.setVisible("payments" in allowed)
        self.pay_entry.setVisible("payments" in allowed)
        self.notice_group.setVisible("procedure" in allowed)
        self.defence_group.setVisible("procedure" in allowed)
        self.review_group.setVisible("legal_review" in allowed)
        self._deciding = bool(allowed & {"admin_decision", "penalty"})
        publishing = d.publish_required and d.decision_issued_on is not None and d.published_on is None
        buttons_row = self.decision_form.rowCount() - 2  # then the last row: the decision as issued
        for row in range(buttons_row):
            self.decision_form.setRowVisible(row, self._deciding)
        self.decision_form.setRowVisible(buttons_row, self._deciding or publishing)
        self._decision_kind_changed()
        self.issue_button.setVisible(self._deciding)
        self.published_button.setVisible(publishing)
        self.decision_group.setVisible(self._deciding or bool(d.decision_no))
        closing = "close" in allowed
        self.close_fields.setVisible(closing)
        self.closed_text.setVisible(d.closed_on is not None)
        self.closed_text.setText(self._closure_made(d))
        self.officers_group.setVisible("assign_officers" in allowed or bool(d.officers))
        # a tab with nothing to show or do in this state is greyed out (its name says what comes later)
        usable = {
            INVESTIGATION_TAB: "assign_officers" in allowed or any(rows.values()) or bool(d.officers),
            PAYMENTS_TAB: "payments" in allowed or bool(d.instalments or d.payments),
            REVIEW_TAB: "legal_review" in allowed or self._deciding or bool(d.reviews or d.decision_no),
            CLOSURE_TAB: closing or d.closed_on is not None,
        }
        for index, enabled in usable.items():
            self.tabs.setTabEnabled(index, enabled)

    def _decision_made(self, d: ComplaintDetail) -> str:
        if d.filed_on is not None:
            return self.tr("Accepted and opened as case %1 on %2.").replace("%1", d.case_no or "—").replace(
                "%2", d.filed_on.isoformat())
        when = d.decided_on.isoformat() if d.decided_on else "—"
        what = self._l(rules.STATUS_LABELS, d.status)
        detail = d.redirected_to or d.decision_ground
        colon = ": " if self.language == "en" else "："
        return what + bracketed(when, self.language) + (f"{colon}{detail}" if detail else "")

    def _closure_made(self, d: ComplaintDetail) -> str:
        if d.closed_on is None:
            return ""
        how = self._l(rules.CLOSURE_LABELS, d.closure_kind) if d.closure_kind else ""
        text = self.tr("Closed on %1: %2").replace("%1", d.closed_on.isoformat()).replace("%2", how)
        return text + (bracketed(d.close_reason, self.language) if d.close_reason else "")

    def show_detail(self, d: ComplaintDetail) -> None:
        self.detail = d
        self.setWindowTitle(f"{d.number} — {self._l(rules.STATUS_LABELS, d.status)}")
        case_word, received_word = self.tr("Case"), self.tr("received")
        complainant_word, employers_word = self.tr("Complainant"), self.tr("Employers")
        project_word, matters_word = self.tr("Project"), self.tr("Matters")
        gap = wide_space(self.language)
        number = d.number + (f"{gap}{case_word} {d.case_no}" if d.case_no else "")
        state = self._l(rules.STATUS_LABELS, d.status)
        self.title.setText(f"{number}{gap}" + (f"[{state}]" if self.language == "en" else f"【{state}】"))
        employers = item_separator(self.language).join(
            e.name + bracketed(self._l(rules.ROLE_LABELS, e.role), self.language) for e in d.employers)
        parts = [
            f"{self._l(rules.KIND_LABELS, d.kind)} · {self._l(rules.CHANNEL_LABELS, d.channel)} · "
            f"{received_word} {d.received_on.isoformat()}",
            f"{complainant_word}: {d.complainant or '—'}",
            f"{employers_word}: {employers}",
        ]
        if d.project:
            parts.append(f"{project_word}: {d.project}")
        parts.append(f"{matters_word}: {d.matters}")
        self.summary.setText("\n".join(parts))
        lines = []
        for view in d.deadlines:
            label = view.label_zh if self.language != "en" else view.label_en
            left = view.remaining
            # 剩余3个工作日 against a working-day limit (counted on the legal calendar); overdue in red, bold
            if self.language == "en":
                text = f"{label}: {view.due.isoformat()} ({left.en()})"
            else:
                text = f"{label}：{view.due.isoformat()}（{left.zh()}）"
            if left.overdue:
                text = f"<span style='color:#b00020; font-weight:bold'>{text}</span>"
            warning = view.warning_in(self.language)
            if warning:
                text += f" <span style='color:#b36b00'>⚠ {warning}</span>"
            lines.append(text)
        # rich text collapses spaces: the English lines are parted by a middle dot
        self.deadlines.setText((" · " if self.language == "en" else "\u3000").join(lines) if lines else "")
        # each deadline's rule (I1, I2 …) and how it was computed: in the tooltip, not in the name
        self.deadlines.setToolTip("\n".join(
            f"{v.rule_id} {v.label_en if self.language == 'en' else v.label_zh}: "
            f"{(v.explanation_en or v.explanation) if self.language == 'en' else v.explanation}"
            for v in d.deadlines if v.rule_id))
        self.totals.setText(
            self.tr("Owed %1 · planned %2 · recovered %3 · outstanding %4 (yuan)")
            .replace("%1", format_yuan(d.owed_fen))
            .replace("%2", format_yuan(d.planned_fen))
            .replace("%3", format_yuan(d.recovered_fen))
            .replace("%4", format_yuan(d.outstanding_fen))
        )
        self._fill(self.workers_table, [
            (w.name, w.id_no, format_yuan(w.owed_fen), format_yuan(w.planned_fen), format_yuan(w.recovered_fen),
             format_yuan(w.outstanding_fen))
            for w in d.workers
        ], money_columns={2, 3, 4, 5})
        self._fill(self.plan_table, [
            (i.worker_name, i.due_on.isoformat(), format_yuan(i.amount_fen), format_yuan(i.covered_fen),
             self.tr("paid") if i.paid else (self.tr("overdue") if i.overdue else self.tr("to pay")))
            for i in d.instalments
        ], money_columns={2, 3}, red_rows={n for n, i in enumerate(d.instalments) if i.overdue})
        self._fill(self.payments_table, [
            (p.worker_name, p.paid_on.isoformat(), format_yuan(p.amount_fen), p.method) for p in d.payments
        ], money_columns={2})
        self._fill(self.events_table, [
            (e.occurred_on.isoformat(), self._l(rules.ACTION_LABELS, e.action),
             self._l(rules.STATUS_LABELS, e.to_status) if e.to_status else "", e.actor, e.officers, e.note)
            for e in d.events
        ])
        still_owed, lead_word = self.tr("still owed"), self.tr("lead")
        for combo in (self.plan_worker, self.pay_worker):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for w in d.workers:
                combo.addItem(w.name + bracketed(f"{still_owed} {format_yuan(w.outstanding_fen)}", self.language), w.id)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._fill(self.reviews_table, [
            (r.reviewed_on.isoformat(), r.reviewer, self._l(rules.ACTION_LABELS, r.decision_kind),
             self._l(rules.OPINION_LABELS, r.opinion), r.text)
            for r in d.reviews
        ])
        self._fill(self.steps_table, [
            (st.occurred_on.isoformat(), self._l(procedure_rules.DECISION_LABELS, st.decision_kind),
             self._l(procedure_rules.STEP_LABELS, st.step)
             + (bracketed(self.tr("waived"), self.language) if st.waived else "")
             + (bracketed(self.tr("hearing offered"), self.language) if st.hearing_offered else ""),
             st.number, st.content or st.persons)
            for st in d.steps
        ])
        self._fill(self.services_table, [
            (r.served_on.isoformat(), f"{procedure_rules.SERVED_DOCUMENTS.get(r.document, r.document)} {r.document_no}",
             self._l(procedure_rules.METHOD_LABELS, r.method), r.recipient,
             self.tr("signed") if r.signed else r.note)
            for r in d.services
        ])
        self._fill_files()
        self.project_button.setEnabled(d.project_id is not None)
        self.decision_summary.setText(self._decision_text(d))
        self.assigned.setText(
            item_separator(self.language).join(
                f"{o.name}{bracketed(lead_word, self.language) if o.lead else ''} {o.certificate_no}" for o in d.officers
            )
        )
        self._fill_officers()
        self._show_allowed_steps(d)

    def _decision_text(self, d: ComplaintDetail) -> str:
        if not d.decision_no or d.decision_issued_on is None:
            return ""
        kind = self.tr("Penalty decision") if d.decision_kind == "penalty" else self.tr("Handling decision")
        text = (self.tr("%1 %2 issued on %3")
                .replace("%1", kind)
                .replace("%2", d.decision_no)
                .replace("%3", d.decision_issued_on.isoformat()))
        if d.fine_fen is not None:
            text += self.tr(", fine %1 yuan").replace("%1", format_yuan(d.fine_fen))
        if d.ordered_fen is not None:
            text += self.tr(", ordered to pay %1 yuan").replace("%1", format_yuan(d.ordered_fen))
        return text

    def _fill(
        self, table: QTableWidget, rows: list[tuple[Any, ...]], *, money_columns: AbstractSet[int] = frozenset(),
        red_rows: AbstractSet[int] = frozenset(),
    ) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))  # a long note cut by its column reads in full here
                if c in money_columns:
                    item.setTextAlignment(RIGHT)
                if r in red_rows:
                    item.setForeground(QBrush(RED))
                table.setItem(r, c, item)

    def _fill_files(self) -> None:
        from app.complaints.documents import DOCUMENTS, available_documents

        current = self.document_kind.currentData()
        self.document_kind.clear()
        for kind in available_documents(self.detail):
            self.document_kind.addItem(DOCUMENTS[kind], kind)
        self.document_kind.setCurrentIndex(max(self.document_kind.findData(current), 0))
        try:
            from app.complaints.evidence import EvidenceService

            self.evidence_rows = EvidenceService(self.context.store, self.context.actor).list(self.detail.id)
        except (UserError, StorageError):
            self.evidence_rows = []
        self._fill(self.evidence_table, [
            (e.filename, f"{e.size:,}", e.added_on.isoformat(), e.sha256, e.description) for e in self.evidence_rows
        ])

    def _fill_officers(self) -> None:
        if self._officer_rows:
            return
        try:
            from app.staff.service import StaffService

            # each officer with their best certificate that may serve on a labour-inspection case
            self._officer_rows = StaffService(self.context.store, self.context.actor).roster(
                category=OFFICER_CATEGORY, blank_counts=True
            )
        except (UserError, StorageError):
            self._officer_rows = []
        self.reviewer.clear()
        for row in self._officer_rows:
            if row.has_legal_qualification:
                self.reviewer.addItem(row.name + bracketed(row.legal_qualification_no or "—", self.language), row.id)
        assigned = {o.officer_id for o in self.detail.officers}
        self.officer_list.clear()
        no_cert = self.tr("no labour-inspection certificate")
        expires, not_valid = self.tr("expires"), self.tr("not valid today")
        for row in self._officer_rows:
            cert = row.certificate
            gap = wide_space(self.language)
            text = f"{row.name}{gap}{cert.number if cert else no_cert}"
            if cert is not None:
                text += bracketed(f"{expires} {cert.expiry_date.isoformat()}", self.language)
            if not row.valid:
                text += f"{gap}{not_valid}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if not row.valid:
                item.setForeground(QBrush(RED))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in assigned else Qt.CheckState.Unchecked)
            self.officer_list.addItem(item)

    def keyPressEvent(self, event: Any) -> None:  # Qt override
        # Enter in an amount field records it; it must not also close the page (QDialog default).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)
