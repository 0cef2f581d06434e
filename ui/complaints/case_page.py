"""The case page of one complaint: decide, officers, investigation, plan, payments, close.

Every button calls one service method with the case's current version and
shows the fresh case it returns; a refusal (a transition the state does not
allow, an officer without a valid certificate, a payment beyond what is owed…)
is shown in the status line in the user's language and changes nothing.
Deadlines are shown as the service derives them; overdue ones in red, with
节假日安排未导入 when the calendar lacks a year.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.models import ActionKind, ClosureKind, DisposalMethod
from app.complaints.service import (
    OFFICER_CATEGORY,
    ComplaintDetail,
    ComplaintService,
    today_in_shanghai,
)
from app.errors import StorageError, UserError
from app.legal.rates import format_yuan
from ui.context import AppContext
from ui.widgets.follow_record import FollowRecord
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.stale_save import is_changed_elsewhere, keep_input_note
from ui.words import bracketed, item_separator, wide_space

RED = QColor("#b00020")
# the tabs, in order: 受理, 调查, 支付计划与支付, 告知申辩与听证, 法制审核与决定, 结案, 文书与证据, 办理记录
INVESTIGATION_TAB, PAYMENTS_TAB, REVIEW_TAB, CLOSURE_TAB = 1, 2, 4, 5
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _date_edit(name: str, value: date | None = None) -> OptionalDateEdit:
    edit = OptionalDateEdit(empty=False)
    edit.setObjectName(name)
    edit.set_value(value or today_in_shanghai())
    return edit


class ComplaintCasePage(QDialog):
    changed = Signal(object)  # ComplaintDetail after every successful step

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

        self.title = QLabel(objectName="title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadlines = QLabel(objectName="deadlines")
        self.deadlines.setWordWrap(True)
        self.totals = QLabel(objectName="totals")
        self.totals.setStyleSheet("font-weight: bold;")
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)

        self.tabs = QTabWidget(objectName="tabs")
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

    # ---------------------------------------------------------------- tabs
    def _button(self, name: str, text: str, slot: Callable[[], Any], permission: Permission) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        button.setProperty("permission", permission.value)
        button.setAutoDefault(False)
        return button

    def _decision_tab(self) -> QWidget:
        page = QWidget()
        self.decision_date = _date_edit("decision_date")
        self.decision_text = QLineEdit(objectName="decision_text")
        self.decision_text.setPlaceholderText(self.tr("Ground, destination or what must be corrected"))
        self.accept_button = self._button("accept", self.tr("Accept and open the case"), self.accept_case, Permission.COMPLAINT_HANDLE)
        self.refuse_button = self._button("refuse", self.tr("Refuse"), self.refuse_case, Permission.COMPLAINT_HANDLE)
        self.redirect_button = self._button("redirect", self.tr("Redirect"), self.redirect_case, Permission.COMPLAINT_HANDLE)
        self.correction_button = self._button("request_correction", self.tr("Ask for correction"), self.request_correction, Permission.COMPLAINT_HANDLE)
        self.corrected_button = self._button("corrected", self.tr("Corrected"), self.corrected, Permission.COMPLAINT_HANDLE)
        self.workers_table = self._table("workers", [
            self.tr("Worker"), self.tr("ID number"), self.tr("Owed"), self.tr("Planned"), self.tr("Recovered"),
            self.tr("Outstanding"),
        ])
        # the decision's fields, shown while the case awaits it; afterwards the decision as made, read-only
        self.decision_fields = QWidget(objectName="decision_fields")
        form = QFormLayout(self.decision_fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Date"), self.decision_date)
        form.addRow(self.tr("Ground / to"), self.decision_text)
        row = QHBoxLayout()
        for b in (self.accept_button, self.refuse_button, self.redirect_button, self.correction_button, self.corrected_button):
            row.addWidget(b)
        row.addStretch(1)
        form.addRow(row)
        self.decision_done = QLabel(objectName="decision_done")
        self.decision_done.setWordWrap(True)
        self.decision_done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.decision_fields)
        layout.addWidget(self.decision_done)
        layout.addWidget(QLabel(self.tr("Workers concerned")))
        layout.addWidget(self.workers_table, 1)
        return page

    def _investigation_tab(self) -> QWidget:
        page = QWidget()
        self.officer_list = QListWidget(objectName="officer_list")
        self.officer_list.setFixedHeight(110)
        self.officer_date = _date_edit("officer_date")
        self.assign_button = self._button("assign", self.tr("Assign the checked officers"), self.assign_officers, Permission.COMPLAINT_HANDLE)
        self.assigned = QLabel(objectName="assigned")
        self.assigned.setWordWrap(True)
        self.officers_group = officers = QGroupBox(self.tr("Handling officers (at least two, valid certificates)"))
        o = QVBoxLayout(officers)
        o.addWidget(self.officer_list)
        self.assign_row = QWidget()
        orow = QHBoxLayout(self.assign_row)
        orow.setContentsMargins(0, 0, 0, 0)
        orow.addWidget(QLabel(self.tr("From")))
        orow.addWidget(self.officer_date)
        orow.addWidget(self.assign_button)
        orow.addStretch(1)
        o.addWidget(self.assign_row)
        o.addWidget(self.assigned)

        self.action_kind = QComboBox(objectName="action_kind")
        for code in (ActionKind.INQUIRY, ActionKind.SITE_INSPECTION, ActionKind.RECORDS, ActionKind.OTHER):
            self.action_kind.addItem(rules.label(rules.ACTION_LABELS, code, self.language), code.value)
        self.action_date = _date_edit("action_date")
        self.action_note = QLineEdit(objectName="action_note")
        self.action_button = self._button("record_action", self.tr("Record"), self.record_action, Permission.COMPLAINT_HANDLE)
        self.disposal = QComboBox(objectName="disposal")
        for code in DisposalMethod:
            self.disposal.addItem(rules.label(rules.DISPOSAL_LABELS, code, self.language), code.value)
        self.department = QLineEdit(objectName="department")
        self.disposal_button = self._button("set_disposal", self.tr("Set"), self.set_disposal, Permission.COMPLAINT_HANDLE)
        self.extension = QSpinBox(objectName="extension")
        self.extension.setRange(1, 30)
        self.extension.setValue(30)
        self.approver = QLineEdit(objectName="approver")
        self.extend_button = self._button("extend", self.tr("Extend"), self.extend, Permission.COMPLAINT_HANDLE)
        self.rectify_by = _date_edit("rectify_by")
        self.rectify_button = self._button("order_rectification", self.tr("Order rectification"), self.order_rectification, Permission.COMPLAINT_HANDLE)
        self.rectified_button = self._button("rectified", self.tr("Rectified"), lambda: self._simple("mark_rectified"), Permission.COMPLAINT_HANDLE)
        self.not_rectified_button = self._button("not_rectified", self.tr("Not rectified"), lambda: self._simple("mark_not_rectified"), Permission.COMPLAINT_HANDLE)
        self.transfer_to = QLineEdit(objectName="transfer_to")
        self.transfer_button = self._button("transfer", self.tr("Transfer"), self.transfer, Permission.COMPLAINT_HANDLE)

        self.investigation_steps = steps = QGroupBox(self.tr("Investigation"))
        self.investigation_form = f = QFormLayout(steps)
        r1 = QHBoxLayout()
        for w in (self.action_kind, self.action_date, self.action_note, self.action_button):
            r1.addWidget(w, 1 if w is self.action_note else 0)
        f.addRow(self.tr("Action"), r1)
        r2 = QHBoxLayout()
        for w in (self.disposal, QLabel(self.tr("Responsible department")), self.department, self.disposal_button):
            r2.addWidget(w, 1 if w is self.department else 0)
        f.addRow(self.tr("Disposal"), r2)
        r3 = QHBoxLayout()
        for w in (self.extension, QLabel(self.tr("working days, approved by")), self.approver, self.extend_button):
            r3.addWidget(w, 1 if w is self.approver else 0)
        f.addRow(self.tr("Extension"), r3)
        r4 = QHBoxLayout()
        self.rectify_by_label = QLabel(self.tr("Rectify by"))
        for w in (self.rectify_by_label, self.rectify_by, self.rectify_button, self.rectified_button, self.not_rectified_button):
            r4.addWidget(w)
        r4.addStretch(1)
        f.addRow(self.tr("Rectification"), r4)
        r5 = QHBoxLayout()
        r5.addWidget(self.transfer_to, 1)
        r5.addWidget(self.transfer_button)
        f.addRow(self.tr("Transfer to"), r5)

        layout = QVBoxLayout(page)
        layout.addWidget(officers)
        layout.addWidget(steps)
        layout.addStretch(1)
        return page

    def _payments_tab(self) -> QWidget:
        page = QWidget()
        self.plan_worker = QComboBox(objectName="plan_worker")
        self.plan_due = _date_edit("plan_due")
        self.plan_amount = MoneyEdit(field="amount")
        self.plan_amount.setObjectName("plan_amount")
        self.plan_button = self._button("add_instalment", self.tr("Add instalment"), self.add_instalment, Permission.COMPLAINT_HANDLE)
        self.plan_amount.returnPressed.connect(self.add_instalment)
        self.plan_table = self._table("instalments", [
            self.tr("Worker"), self.tr("Due"), self.tr("Amount"), self.tr("Paid towards it"), self.tr("State"),
        ])
        self.pay_worker = QComboBox(objectName="pay_worker")
        self.pay_date = _date_edit("pay_date")
        self.pay_amount = MoneyEdit(field="amount")
        self.pay_amount.setObjectName("pay_amount")
        self.pay_method = QLineEdit(objectName="pay_method")
        self.pay_method.setPlaceholderText(self.tr("bank transfer, cash…"))
        self.pay_button = self._button("record_payment", self.tr("Record payment"), self.record_payment, Permission.COMPLAINT_HANDLE)
        self.pay_amount.returnPressed.connect(self.record_payment)
        self.payments_table = self._table("payments", [self.tr("Worker"), self.tr("Paid on"), self.tr("Amount"), self.tr("Method")])

        plan = QGroupBox(self.tr("Payment plan (one plan per case)"))
        p = QVBoxLayout(plan)
        self.plan_entry = QWidget()
        prow = QHBoxLayout(self.plan_entry)
        prow.setContentsMargins(0, 0, 0, 0)
        for w in (self.plan_worker, QLabel(self.tr("due")), self.plan_due, self.plan_amount, self.plan_button):
            prow.addWidget(w)
        p.addWidget(self.plan_entry)
        p.addWidget(self.plan_table)
        pay = QGroupBox(self.tr("Payments made"))
        q = QVBoxLayout(pay)
        self.pay_entry = QWidget()
        qrow = QHBoxLayout(self.pay_entry)
        qrow.setContentsMargins(0, 0, 0, 0)
        for w in (self.pay_worker, QLabel(self.tr("paid on")), self.pay_date, self.pay_amount, self.pay_method, self.pay_button):
            qrow.addWidget(w)
        q.addWidget(self.pay_entry)
        q.addWidget(self.payments_table)
        layout = QVBoxLayout(page)
        layout.addWidget(plan, 1)
        layout.addWidget(pay, 1)
        return page

    def _close_tab(self) -> QWidget:
        page = QWidget()
        self.closure_kind = QComboBox(objectName="closure_kind")
        for code in ClosureKind:
            self.closure_kind.addItem(rules.label(rules.CLOSURE_LABELS, code, self.language), code.value)
        self.close_date = _date_edit("close_date")
        self.close_reason = QLineEdit(objectName="close_reason")
        self.close_button = self._button("close", self.tr("Close the case"), self.close_case, Permission.COMPLAINT_CLOSE)
        self.notify_button = self._button("notify_result", self.tr("Complainant told of the result"), lambda: self._simple("notify_result"), Permission.COMPLAINT_CLOSE)
        self.archive_button = self._button("archive", self.tr("Archive"), self.archive, Permission.COMPLAINT_CLOSE)
        self.close_fields = QWidget(objectName="close_fields")
        form = QFormLayout(self.close_fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("How"), self.closure_kind)
        form.addRow(self.tr("Date"), self.close_date)
        form.addRow(self.tr("Reason"), self.close_reason)
        self.closed_text = QLabel(objectName="closed_text")
        self.closed_text.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.close_button, self.notify_button, self.archive_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.close_fields)
        layout.addWidget(self.closed_text)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _procedure_tab(self) -> QWidget:
        """事先告知 → 送达 → 陈述申辩 → (听证) → 集体讨论: the steps before a decision, each dated."""
        page = QWidget()
        self.proc_kind = QComboBox(objectName="proc_kind")
        for kind in ("penalty", "admin_decision"):
            self.proc_kind.addItem(self._l(procedure_rules.DECISION_LABELS, kind), kind)
        self.notice_date = _date_edit("notice_date")
        self.notice_content = QLineEdit(objectName="notice_content")
        self.notice_content.setPlaceholderText(self.tr("Intended measure, its facts, reasons and basis"))
        self.notice_fine = MoneyEdit(field="fine")
        self.notice_fine.setObjectName("notice_fine")
        self.notice_serious = QCheckBox(self.tr("Another penalty of art 63 (suspension, licence …)"), objectName="notice_serious")
        self.notice_complex = QCheckBox(self.tr("Complex or serious case (collective discussion)"), objectName="notice_complex")
        self.notice_button = self._button("record_notice", self.tr("Record the prior notice"), self.record_notice, Permission.COMPLAINT_HANDLE)

        self.service_document = QComboBox(objectName="service_document")
        for key, name in procedure_rules.SERVED_DOCUMENTS.items():
            self.service_document.addItem(name, key)
        self.service_method = QComboBox(objectName="service_method")
        for code in procedure_rules.METHOD_LABELS:
            self.service_method.addItem(self._l(procedure_rules.METHOD_LABELS, code), str(code))
        self.service_date = _date_edit("service_date")
        self.service_recipient = QLineEdit(objectName="service_recipient")
        self.service_recipient.setPlaceholderText(self.tr("Who received it"))
        self.service_signed = QCheckBox(self.tr("Signed"), objectName="service_signed")
        self.service_signed.setChecked(True)
        self.service_note = QLineEdit(objectName="service_note")
        self.service_note.setPlaceholderText(self.tr("If not signed: why (refused, witnesses …)"))
        self.service_button = self._button("record_service", self.tr("Record service"), self.record_service, Permission.COMPLAINT_HANDLE)

        self.statement_date = _date_edit("statement_date")
        self.statement_waived = QCheckBox(self.tr("Waived in writing"), objectName="statement_waived")
        self.statement_content = QLineEdit(objectName="statement_content")
        self.statement_content.setPlaceholderText(self.tr("What the party stated"))
        self.statement_button = self._button("record_statement", self.tr("Record"), self.record_statement, Permission.COMPLAINT_HANDLE)

        self.hearing_request_date = _date_edit("hearing_request_date")
        self.hearing_waived = QCheckBox(self.tr("Hearing waived in writing"), objectName="hearing_waived")
        self.hearing_request_button = self._button("record_hearing_request", self.tr("Record the request"), self.record_hearing_request, Permission.COMPLAINT_HANDLE)
        self.hearing_notice_date = _date_edit("hearing_notice_date")
        self.hearing_on = _date_edit("hearing_on")
        self.hearing_place = QLineEdit(objectName="hearing_place")
        self.hearing_place.setPlaceholderText(self.tr("Place"))
        # 听证通知书 (行政处罚法 art 64(2), (4)): the time of day and the designated host print on the notice
        self.hearing_time = QLineEdit(objectName="hearing_time")
        self.hearing_time.setPlaceholderText(self.tr("Time (0930)"))
        self.hearing_time.setMaximumWidth(90)
        self.hearing_notice_host = QLineEdit(objectName="hearing_notice_host")
        self.hearing_notice_host.setPlaceholderText(self.tr("Designated host"))
        self.hearing_notice_button = self._button("record_hearing_notice", self.tr("Record the hearing notice"), self.record_hearing_notice, Permission.COMPLAINT_HANDLE)
        self.hearing_held_date = _date_edit("hearing_held_date")
        self.hearing_host = QLineEdit(objectName="hearing_host")
        self.hearing_host.setPlaceholderText(self.tr("Host (not an investigator) and clerk"))
        self.hearing_record = QLineEdit(objectName="hearing_record")
        self.hearing_record.setPlaceholderText(self.tr("What the hearing record says"))
        self.hearing_button = self._button("record_hearing", self.tr("Record the hearing"), self.record_hearing, Permission.COMPLAINT_HANDLE)

        self.discussion_date = _date_edit("discussion_date")
        self.discussion_persons = QLineEdit(objectName="discussion_persons")
        self.discussion_persons.setPlaceholderText(self.tr("Responsible persons present"))
        self.discussion_conclusion = QLineEdit(objectName="discussion_conclusion")
        self.discussion_conclusion.setPlaceholderText(self.tr("Conclusion"))
        self.discussion_button = self._button("record_discussion", self.tr("Record"), self.record_discussion, Permission.COMPLAINT_HANDLE)

        self.steps_table = self._table("procedure_steps", [
            self.tr("Date"), self.tr("Decision"), self.tr("Step"), self.tr("Number"), self.tr("Content"),
        ])
        self.services_table = self._table("services", [
            self.tr("Served on"), self.tr("Document"), self.tr("Service method"), self.tr("Recipient"), self.tr("Signature"),
        ])

        def row(*widgets: QWidget, stretch: QWidget | None = None) -> QHBoxLayout:
            line = QHBoxLayout()
            for w in widgets:
                line.addWidget(w, 1 if w is stretch else 0)
            if stretch is None:
                line.addStretch(1)
            return line

        self.notice_group = notice = QGroupBox(self.tr("Prior notice (Administrative Penalty Law art. 44; Several Provisions art. 34)"))
        f = QFormLayout(notice)
        f.addRow(self.tr("Decision"), row(self.proc_kind, self.notice_date, QLabel(self.tr("fine (yuan)")), self.notice_fine))
        f.addRow(self.tr("Content"), self.notice_content)
        f.addRow("", row(self.notice_serious, self.notice_complex, self.notice_button))
        service = QGroupBox(self.tr("Service of documents"))
        g = QFormLayout(service)
        g.addRow(self.tr("Document"), row(self.service_document, self.service_method, self.service_date))
        g.addRow(self.tr("Recipient"), row(self.service_recipient, self.service_signed, self.service_note,
                                           self.service_button, stretch=self.service_note))
        self.defence_group = steps = QGroupBox(self.tr("Defence, hearing, collective discussion"))
        h = QFormLayout(steps)
        h.addRow(self.tr("Defence"), row(self.statement_date, self.statement_waived, self.statement_content,
                                        self.statement_button, stretch=self.statement_content))
        h.addRow(self.tr("Hearing request"), row(self.hearing_request_date, self.hearing_waived, self.hearing_request_button))
        h.addRow(self.tr("Hearing notice"), row(self.hearing_notice_date, QLabel(self.tr("hearing on")), self.hearing_on,
                                               self.hearing_time, self.hearing_place, self.hearing_notice_host,
                                               self.hearing_notice_button, stretch=self.hearing_place))
        h.addRow(self.tr("Hearing held"), row(self.hearing_held_date, self.hearing_host, self.hearing_record,
                                             self.hearing_button, stretch=self.hearing_record))
        h.addRow(self.tr("Collective discussion"), row(self.discussion_date, self.discussion_persons,
                                                      self.discussion_conclusion, self.discussion_button,
                                                      stretch=self.discussion_conclusion))
        layout = QVBoxLayout(page)
        layout.addWidget(notice)
        layout.addWidget(service)
        layout.addWidget(steps)
        layout.addWidget(self.steps_table, 1)
        layout.addWidget(self.services_table, 1)
        return page

    def _review_tab(self) -> QWidget:
        page = QWidget()
        self.reviewer = QComboBox(objectName="reviewer")
        self.review_kind = QComboBox(objectName="review_kind")
        self.review_kind.addItem(self._l(rules.ACTION_LABELS, "admin_decision"), "admin_decision")
        self.review_kind.addItem(self._l(rules.ACTION_LABELS, "penalty"), "penalty")
        self.opinion = QComboBox(objectName="opinion")
        for code in rules.OPINION_LABELS:
            self.opinion.addItem(self._l(rules.OPINION_LABELS, code), str(code))
        self.review_date = _date_edit("review_date")
        self.review_text = QLineEdit(objectName="review_text")
        self.review_button = self._button("record_review", self.tr("Record the legal review"), self.record_review, Permission.LEGAL_REVIEW)
        self.reviews_table = self._table("reviews", [
            self.tr("Date"), self.tr("Reviewer"), self.tr("Decision"), self.tr("Opinion"), self.tr("Text"),
        ])
        self.publish = QCheckBox(self.tr("To be published"), objectName="publish")
        self.publish.setChecked(True)
        self.issue_date = _date_edit("decision_issue_date")
        self.decision_facts = QPlainTextEdit(objectName="decision_facts")
        self.decision_facts.setPlaceholderText(self.tr("Facts found and the evidence"))
        self.decision_facts.setTabChangesFocus(True)
        self.decision_facts.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.decision_basis = QLineEdit(objectName="decision_basis")
        self.decision_basis.setPlaceholderText(self.tr("Articles applied, e.g. Labour Security Supervision Regulations art. 26"))
        self.decision_order = QLineEdit(objectName="decision_order")
        self.fine_amount = MoneyEdit(field="fine")
        self.fine_amount.setObjectName("fine_amount")
        self.ordered_amount = MoneyEdit(field="ordered")
        self.ordered_amount.setObjectName("ordered_amount")
        self.decision_summary = QLabel(objectName="decision_summary")
        self.decision_summary.setWordWrap(True)
        self.issue_button = self._button("issue_decision", self.tr("Issue the decision"), self.issue_decision, Permission.COMPLAINT_HANDLE)
        self.published_button = self._button("published", self.tr("Published"), self.published, Permission.COMPLAINT_HANDLE)
        self.review_group = review = QGroupBox(self.tr("Legal review — a reviewer with the legal qualification"))
        f = QFormLayout(review)
        f.addRow(self.tr("Reviewer"), self.reviewer)
        r = QHBoxLayout()
        for w in (self.review_kind, self.opinion, self.review_date):
            r.addWidget(w)
        r.addStretch(1)
        f.addRow(self.tr("Decision / opinion"), r)
        f.addRow(self.tr("Text"), self.review_text)
        f.addRow("", self.review_button)
        self.decision_group = decision = QGroupBox(self.tr("Decision"))
        self.decision_form = QFormLayout(decision)
        d = QHBoxLayout()
        for w in (self.issue_date, self.publish):
            d.addWidget(w)
        d.addStretch(1)
        self.decision_form.addRow(self.tr("Date"), d)
        self.decision_form.addRow(self.tr("Facts found"), self.decision_facts)
        self.decision_form.addRow(self.tr("Legal basis"), self.decision_basis)
        self.order_label = QLabel()
        self.decision_form.addRow(self.order_label, self.decision_order)
        self.decision_form.addRow(self.tr("Fine (yuan)"), self.fine_amount)
        self.decision_form.addRow(self.tr("Amount ordered to be paid (yuan)"), self.ordered_amount)
        buttons = QHBoxLayout()
        for w in (self.issue_button, self.published_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        self.decision_form.addRow("", buttons)
        self.decision_form.addRow(self.decision_summary)
        self._deciding = True
        self.review_kind.currentIndexChanged.connect(self._decision_kind_changed)
        self._decision_kind_changed()
        layout = QVBoxLayout(page)
        layout.addWidget(review)
        layout.addWidget(self.reviews_table, 1)
        layout.addWidget(decision)
        return page

    def _decision_kind_changed(self) -> None:
        """A penalty states its fine; a handling decision what is ordered and the amount to pay."""
        penalty = self.review_kind.currentData() == "penalty"
        deciding = getattr(self, "_deciding", True)
        self.decision_form.setRowVisible(self.fine_amount, deciding and penalty)
        self.decision_form.setRowVisible(self.ordered_amount, deciding and not penalty)
        if penalty:
            self.order_label.setText(self.tr("Other penalty (if any)"))
            self.decision_order.setPlaceholderText(self.tr("Besides the fine, e.g. 警告"))
        else:
            self.order_label.setText(self.tr("Ordered to"))
            self.decision_order.setPlaceholderText(self.tr("What the employer must do, and by when"))

    def _files_tab(self) -> QWidget:
        page = QWidget()
        self.document_kind = QComboBox(objectName="document_kind")
        self.print_button = self._button("print", self.tr("Save as PDF"), self.print_document, Permission.COMPLAINT_VIEW)
        self.preview_document_button = self._button("print_preview", self.tr("Print preview"), self.preview_document,
                                                    Permission.COMPLAINT_VIEW)
        self.print_now_button = self._button("print_now", self.tr("Print…"), self.print_document_now,
                                             Permission.COMPLAINT_VIEW)
        self.evidence_table = self._table("evidence", [
            self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("SHA-256"), self.tr("Description"),
        ])
        self.evidence_note = QLineEdit(objectName="evidence_note")
        self.evidence_note.setPlaceholderText(self.tr("What the file shows"))
        self.attach_button = self._button("attach", self.tr("Attach a file"), self.attach_file, Permission.COMPLAINT_HANDLE)
        self.check_button = self._button("check", self.tr("Check and save a copy"), self.check_file, Permission.COMPLAINT_VIEW)
        self.employer_button = self._button("employer_view", self.tr("All complaints of this employer"), self.employer_view, Permission.COMPLAINT_VIEW)
        self.project_button = self._button("project_view", self.tr("All complaints of this project"), self.project_view, Permission.COMPLAINT_VIEW)
        docs = QGroupBox(self.tr("Documents"))
        dl = QHBoxLayout(docs)
        dl.addWidget(self.document_kind, 1)
        dl.addWidget(self.print_button)
        dl.addWidget(self.preview_document_button)
        dl.addWidget(self.print_now_button)
        ev = QGroupBox(self.tr("Evidence and process records (stored by SHA-256)"))
        el = QVBoxLayout(ev)
        er = QHBoxLayout()
        er.addWidget(self.evidence_note, 1)
        er.addWidget(self.attach_button)
        er.addWidget(self.check_button)
        el.addLayout(er)
        el.addWidget(self.evidence_table)
        links = QHBoxLayout()
        links.addWidget(self.employer_button)
        links.addWidget(self.project_button)
        links.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(docs)
        layout.addWidget(ev, 1)
        layout.addLayout(links)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget()
        self.events_table = self._table("events", [
            self.tr("Date"), self.tr("Step"), self.tr("State"), self.tr("Recorded by"), self.tr("Officers"), self.tr("Note"),
        ])
        layout = QVBoxLayout(page)
        layout.addWidget(self.events_table)
        return page

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        # Small, bounded tables of one case (a handful of rows): not a list of records.
        table = QTableWidget(0, len(headers), objectName=name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

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
        buttons = {
            "accept": self.accept_button, "refuse": self.refuse_button, "redirect": self.redirect_button,
            "request_correction": self.correction_button, "corrected": self.corrected_button,
            "order_rectification": self.rectify_button, "rectified": self.rectified_button,
            "not_rectified": self.not_rectified_button, "transfer": self.transfer_button,
            "close": self.close_button, "notify_result": self.notify_button, "archive": self.archive_button,
            "assign_officers": self.assign_button, "record_action": self.action_button,
            "set_disposal": self.disposal_button, "extend": self.extend_button, "legal_review": self.review_button,
        }
        for step, button in buttons.items():
            button.setVisible(step in allowed)
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

    def _l(self, table: dict[str, tuple[str, str]], value: str | None) -> str:
        return rules.label(table, value, self.language)

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
        self, table: QTableWidget, rows: list[tuple[Any, ...]], *, money_columns: set[int] = frozenset(),  # type: ignore[assignment]
        red_rows: set[int] = frozenset(),  # type: ignore[assignment]
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

    # ---------------------------------------------------------------- steps
    def _tell_other_desk(self, text: str) -> None:
        self.status.setStyleSheet("color: #8a5a00;")
        self.status.setText(text)

    def _fail(self, err: UserError | StorageError) -> bool:
        self.last_error = err
        text = err.message(self.language)
        if is_changed_elsewhere(err):
            # another desk saved this case first: show it as saved now; what the clerk entered
            # in the step's fields stays (show_detail leaves the inputs alone)
            try:
                self.show_detail(self.service.get(self.detail.id))
                text += "\n" + keep_input_note()
            except (UserError, StorageError) as failed:
                text += "\n" + failed.message(self.language)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)
        return False

    def _run(self, step: Callable[[], ComplaintDetail], done: str = "") -> bool:
        try:
            detail = step()
        except (UserError, StorageError) as err:
            return self._fail(err)
        self.last_error = None
        self.status.setStyleSheet("")
        self.status.setText(done or self.tr("Saved."))
        self.show_detail(detail)
        self.changed.emit(detail)
        return True

    def _day(self, edit: OptionalDateEdit) -> date:
        return edit.value() or today_in_shanghai()

    def accept_case(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.accept(d.id, d.version, self._day(self.decision_date)))

    def refuse_case(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.refuse(d.id, d.version, self._day(self.decision_date), self.decision_text.text()))

    def redirect_case(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.redirect(d.id, d.version, self._day(self.decision_date), self.decision_text.text()))

    def request_correction(self) -> bool:
        d = self.detail
        return self._run(
            lambda: self.service.request_correction(d.id, d.version, self._day(self.decision_date), self.decision_text.text())
        )

    def corrected(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.corrected(d.id, d.version, self._day(self.decision_date)))

    def checked_officers(self) -> list[int]:
        return [
            int(self.officer_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.officer_list.count())
            if self.officer_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def assign_officers(self) -> bool:
        d = self.detail
        ids = self.checked_officers()
        return self._run(lambda: self.service.assign_officers(d.id, d.version, ids, self._day(self.officer_date)))

    def record_action(self) -> bool:
        d = self.detail
        ok = self._run(lambda: self.service.record_action(
            d.id, self.action_kind.currentData(), self._day(self.action_date), self.action_note.text()))
        if ok:
            self.action_note.clear()
        return ok

    def set_disposal(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.set_disposal(
            d.id, d.version, self.disposal.currentData(), self.department.text(), today_in_shanghai()))

    def extend(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.extend(
            d.id, d.version, self.extension.value(), today_in_shanghai(), self.approver.text()))

    def order_rectification(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.order_rectification(
            d.id, d.version, today_in_shanghai(), self._day(self.rectify_by)))

    def transfer(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.transfer(d.id, d.version, today_in_shanghai(), self.transfer_to.text()))

    def _simple(self, method: str) -> bool:
        d = self.detail
        return self._run(lambda: getattr(self.service, method)(d.id, d.version, today_in_shanghai()))

    def archive(self) -> bool:
        return self._simple("archive")

    def add_instalment(self) -> bool:
        d = self.detail
        try:
            amount = self.plan_amount.fen()
        except UserError as err:
            return self._fail(err)
        if amount is None:
            return False
        plan = [{"worker_id": i.worker_id, "due_on": i.due_on, "amount_fen": i.amount_fen} for i in d.instalments]
        plan.append({"worker_id": self.plan_worker.currentData(), "due_on": self._day(self.plan_due), "amount_fen": amount})
        ok = self._run(lambda: self.service.set_plan(d.id, d.version, plan))
        if ok:
            self.plan_amount.clear()
        return ok

    def record_payment(self) -> bool:
        d = self.detail
        try:
            amount = self.pay_amount.fen()
        except UserError as err:
            return self._fail(err)
        if amount is None:
            return False
        ok = self._run(lambda: self.service.record_payment(
            d.id, self.pay_worker.currentData(), self._day(self.pay_date), amount, method=self.pay_method.text()))
        if ok:
            self.pay_amount.clear()
        return ok

    def close_case(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.close(
            d.id, d.version, self._day(self.close_date), self.closure_kind.currentData(), self.close_reason.text()))

    def record_review(self) -> bool:
        d = self.detail
        reviewer = self.reviewer.currentData()
        if reviewer is None:
            return self._fail(UserError("complaint.officer_not_found", field="reviewer"))
        return self._run(lambda: self.service.record_legal_review(
            d.id, int(reviewer), self.review_kind.currentData(), self.opinion.currentData(),
            self._day(self.review_date), self.review_text.text()))

    def issue_decision(self) -> bool:
        d = self.detail
        kind = self.review_kind.currentData()
        try:  # only the amount the kind of decision carries is read
            fine = self.fine_amount.fen() if kind == "penalty" else None
            ordered = self.ordered_amount.fen() if kind == "admin_decision" else None
        except UserError as err:
            return self._fail(err)
        return self._run(lambda: self.service.issue_decision(
            d.id, d.version, kind, self._day(self.issue_date),
            facts=self.decision_facts.toPlainText(), basis=self.decision_basis.text(),
            order=self.decision_order.text(), fine_fen=fine, ordered_fen=ordered,
            publish=self.publish.isChecked()))

    def record_notice(self) -> bool:
        d = self.detail
        kind = self.proc_kind.currentData()
        try:
            fine = self.notice_fine.fen() if kind == "penalty" else None
        except UserError as err:
            return self._fail(err)
        ok = self._run(lambda: self.service.record_prior_notice(
            d.id, kind, self._day(self.notice_date), self.notice_content.text(), intended_fine_fen=fine,
            other_serious_penalty=self.notice_serious.isChecked(), complex_case=self.notice_complex.isChecked()))
        if ok:
            self.service_document.setCurrentIndex(self.service_document.findData("prior_notice"))
        return ok

    def record_service(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_service(
            d.id, self.service_document.currentData(), self.service_method.currentData(), self._day(self.service_date),
            self.service_recipient.text(), signed=self.service_signed.isChecked(), note=self.service_note.text()))

    def record_statement(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_statement(
            d.id, self.proc_kind.currentData(), self._day(self.statement_date),
            waived=self.statement_waived.isChecked(), content=self.statement_content.text()))

    def record_hearing_request(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_hearing_request(
            d.id, self._day(self.hearing_request_date), waived=self.hearing_waived.isChecked()))

    def record_hearing_notice(self) -> bool:
        d = self.detail
        ok = self._run(lambda: self.service.record_hearing_notice(
            d.id, self._day(self.hearing_notice_date), self._day(self.hearing_on), self.hearing_place.text(),
            hearing_time=self.hearing_time.text(), host=self.hearing_notice_host.text()))
        if ok:  # the notice is served next (art 64(2) counts to its service)
            self.service_document.setCurrentIndex(self.service_document.findData("hearing_notice"))
        return ok

    def record_hearing(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_hearing(
            d.id, self._day(self.hearing_held_date), self.hearing_host.text(), self.hearing_record.text()))

    def record_discussion(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_collective_discussion(
            d.id, self._day(self.discussion_date), self.discussion_persons.text(), self.discussion_conclusion.text()))

    def published(self) -> bool:
        d = self.detail
        return self._run(lambda: self.service.record_publication(d.id, d.version, today_in_shanghai()))

    def print_document(self) -> Path | None:
        from app.complaints.documents import write_complaint_document
        from app.kernel.exports import document_trace
        from app.kernel.settings import SettingsService
        from ui.widgets import files

        kind = self.document_kind.currentData()
        if kind is None:
            return None
        name = f"{self.document_kind.currentText()}-{self.detail.case_no or self.detail.number}.pdf"
        path = files.choose_save_path(self, self.tr("Save the document as PDF"), name, "PDF (*.pdf)")
        if path is None:
            return None
        try:
            organisation = SettingsService(self.context.store, self.context.actor).get("organisation")
            d = self.detail
            trace = document_trace(self.context.store, self.context.actor, table_name="complaint", case_id=d.id,
                                   case_no=d.case_no or d.number, document=kind,
                                   title=self.document_kind.currentText())
            write_complaint_document(kind, d, path, organisation=organisation, trace=trace)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved %1.").replace("%1", str(path)))
        return path

    # ---------------------------------------------------------------- 打印预览 / 打印 (issue 17)
    def _document_for_printing(self) -> Path | None:
        """The chosen document written into the private temporary folder (ui.printing.print_path)."""
        from app.complaints.documents import write_complaint_document
        from app.kernel.settings import SettingsService
        from ui.printing import print_path

        kind = self.document_kind.currentData()
        if kind is None:
            return None
        path = print_path(f"{self.document_kind.currentText()}-{self.detail.case_no or self.detail.number}")
        try:
            organisation = SettingsService(self.context.store, self.context.actor).get("organisation")
            write_complaint_document(kind, self.detail, path, organisation=organisation)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        return path

    def preview_document(self) -> Any:
        from ui.printing import PdfPrinting

        path = self._document_for_printing()
        if path is not None:
            self.preview_dialog = PdfPrinting.preview(self, path)
        return path

    def print_document_now(self) -> Any:
        from ui.printing import PdfPrinting

        path = self._document_for_printing()
        if path is not None:
            PdfPrinting.print_now(self, path)
        return path

    def attach_file(self) -> bool:
        from app.complaints.evidence import EvidenceService
        from ui.widgets import files

        path = files.choose_open_path(self, self.tr("Attach an evidence file"), self.tr("All files (*)"))
        if path is None:
            return False
        evidence = EvidenceService(self.context.store, self.context.actor)
        d = self.detail
        note = self.evidence_note.text()
        ok = self._run(lambda: (evidence.attach(d.id, path, description=note, on=today_in_shanghai()),
                                self.service.get(d.id))[1])
        if ok:
            self.evidence_note.clear()
        return ok

    def check_file(self) -> Path | None:
        from app.complaints.evidence import EvidenceService
        from ui.widgets import files

        row = self.evidence_table.currentRow()
        if row < 0 or row >= len(self.evidence_rows):
            return None
        entry = self.evidence_rows[row]
        target = files.choose_save_path(self, self.tr("Save a checked copy"), entry.filename, self.tr("All files (*)"))
        if target is None:
            return None
        try:
            out = EvidenceService(self.context.store, self.context.actor).export_copy(entry.id, target)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("SHA-256 checked: %1").replace("%1", entry.sha256))
        return out

    def employer_view(self) -> QDialog | None:
        if not self.detail.employers:
            return None
        return self._group(employer_id=self.detail.employers[0].party_id)

    def project_view(self) -> QDialog | None:
        if self.detail.project_id is None:
            return None
        return self._group(project_id=self.detail.project_id)

    def _group(self, **key: int) -> QDialog:
        from ui.complaints.group_view import ComplaintGroupView

        view = ComplaintGroupView(self.context, self.service, parent=self, **key)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        self.group_view = view
        return view
