"""The complaint case page's tabs as laid out: 受理, 调查, 支付计划与支付, 告知申辩与听证,
法制审核与决定, 结案, 文书与证据, 办理记录 — their fields and buttons (the page's layout;
ui/complaints/case_page.py shows the case in them, case_actions.py runs their steps).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
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
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.models import ActionKind, ClosureKind, DisposalMethod
from app.complaints.service import ComplaintDetail, ComplaintService, today_in_shanghai
from ui.context import AppContext
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.naming import named
from ui.widgets.optional_date import OptionalDateEdit


def _date_edit(name: str, value: date | None = None) -> OptionalDateEdit:
    edit = OptionalDateEdit(empty=False)
    edit.setObjectName(name)
    edit.set_value(value or today_in_shanghai())
    return edit


class ComplaintCaseTabs(QDialog):
    """The page's layout: builds the tabs' widgets as attributes of the page.

    ComplaintCasePage is this, with its steps (ComplaintCaseActions) and its documents
    (ComplaintCaseDocuments) on top.  A step's button names its action (ComplaintCaseActions.run_step
    reads the step's fields from the widgets of their names); the other buttons name their methods."""

    changed = Signal(object)  # ComplaintDetail after every successful step
    context: AppContext
    service: ComplaintService
    language: str
    detail: ComplaintDetail
    status: QLabel  # the line under the tabs: what a step did, or why it was refused
    step_buttons: dict[str, QPushButton]  # the steps' buttons by action (_step_button)

    def _slot(self, name: str) -> Callable[..., Any]:
        """The page's method a button or an Enter runs (defined by the classes above this one)."""
        method: Callable[..., Any] = getattr(self, name)
        return method

    def _l(self, table: dict[str, tuple[str, str]], value: str | None) -> str:
        return rules.label(table, value, self.language)

    # ---------------------------------------------------------------- tabs
    def _button(self, name: str, text: str, slot: str | Callable[[], Any], permission: Permission) -> QPushButton:
        """A button that runs `slot`: the page's method of that name (case_documents.py …), or a callable."""
        button = named(QPushButton(text), name)
        button.clicked.connect(self._slot(slot) if isinstance(slot, str) else slot)
        button.setProperty("permission", permission.value)
        button.setAutoDefault(False)
        return button

    def _run_step(self, action: str) -> Callable[[], Any]:
        """What runs the step `action` (ComplaintCaseActions.run_step): a button's click, an Enter."""
        return lambda: self._slot("run_step")(action)

    def _step_button(self, name: str, text: str, action: str) -> QPushButton:
        """A step's button: runs the step by action, gated by the permission the life cycle declares."""
        button = self._button(name, text, self._run_step(action), rules.step(action).permission)
        self.step_buttons[action] = button
        return button

    def _decision_tab(self) -> QWidget:
        page = QWidget()
        self.decision_date = _date_edit("decision_date")
        self.decision_text = named(QLineEdit(), "decision_text")
        self.decision_text.setPlaceholderText(self.tr("Ground, destination or what must be corrected"))
        self.accept_button = self._step_button("accept", self.tr("Accept and open the case"), "accept")
        self.refuse_button = self._step_button("refuse", self.tr("Refuse"), "refuse")
        self.redirect_button = self._step_button("redirect", self.tr("Redirect"), "redirect")
        self.correction_button = self._step_button("request_correction", self.tr("Ask for correction"), "request_correction")
        self.corrected_button = self._step_button("corrected", self.tr("Corrected"), "corrected")
        self.workers_table = self._table("workers", [
            self.tr("Worker"), self.tr("ID number"), self.tr("Owed"), self.tr("Planned"), self.tr("Recovered"),
            self.tr("Outstanding"),
        ])
        # the decision's fields, shown while the case awaits it; afterwards the decision as made, read-only
        self.decision_fields = named(QWidget(), "decision_fields")
        form = QFormLayout(self.decision_fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Date"), self.decision_date)
        form.addRow(self.tr("Ground / to"), self.decision_text)
        row = QHBoxLayout()
        for b in (self.accept_button, self.refuse_button, self.redirect_button, self.correction_button, self.corrected_button):
            row.addWidget(b)
        row.addStretch(1)
        form.addRow(row)
        self.decision_done = named(QLabel(), "decision_done")
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
        self.officer_list = named(QListWidget(), "officer_list")
        self.officer_list.setFixedHeight(110)
        self.officer_date = _date_edit("officer_date")
        self.assign_button = self._step_button("assign", self.tr("Assign the checked officers"), "assign_officers")
        self.assigned = named(QLabel(), "assigned")
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

        self.action_kind = named(QComboBox(), "action_kind")
        for code in (ActionKind.INQUIRY, ActionKind.SITE_INSPECTION, ActionKind.RECORDS, ActionKind.OTHER):
            self.action_kind.addItem(rules.label(rules.ACTION_LABELS, code, self.language), code.value)
        self.action_date = _date_edit("action_date")
        self.action_note = named(QLineEdit(), "action_note")
        self.action_button = self._step_button("record_action", self.tr("Record"), "record_action")
        self.disposal = named(QComboBox(), "disposal")
        for method in DisposalMethod:
            self.disposal.addItem(rules.label(rules.DISPOSAL_LABELS, method, self.language), method.value)
        self.department = named(QLineEdit(), "department")
        self.disposal_button = self._step_button("set_disposal", self.tr("Set"), "set_disposal")
        self.extension = named(QSpinBox(), "extension")
        self.extension.setRange(1, 30)
        self.extension.setValue(30)
        self.approver = named(QLineEdit(), "approver")
        self.extend_button = self._step_button("extend", self.tr("Extend"), "extend")
        self.rectify_by = _date_edit("rectify_by")
        self.rectify_button = self._step_button("order_rectification", self.tr("Order rectification"), "order_rectification")
        self.rectified_button = self._step_button("rectified", self.tr("Rectified"), "rectified")
        self.not_rectified_button = self._step_button("not_rectified", self.tr("Not rectified"), "not_rectified")
        self.transfer_to = named(QLineEdit(), "transfer_to")
        self.transfer_button = self._step_button("transfer", self.tr("Transfer"), "transfer")

        self.investigation_steps = steps = QGroupBox(self.tr("Investigation"))
        self.investigation_form = f = QFormLayout(steps)
        r1 = QHBoxLayout()
        w: QWidget  # the rows below mix kinds of widget
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
        self.plan_worker = named(QComboBox(), "plan_worker")
        self.plan_due = _date_edit("plan_due")
        self.plan_amount = MoneyEdit(field="amount")
        self.plan_amount.setObjectName("plan_amount")
        self.plan_button = self._step_button("add_instalment", self.tr("Add instalment"), "add_instalment")
        self.plan_amount.returnPressed.connect(self._run_step("add_instalment"))
        self.plan_table = self._table("instalments", [
            self.tr("Worker"), self.tr("Due"), self.tr("Amount"), self.tr("Paid towards it"), self.tr("State"),
        ])
        self.pay_worker = named(QComboBox(), "pay_worker")
        self.pay_date = _date_edit("pay_date")
        self.pay_amount = MoneyEdit(field="amount")
        self.pay_amount.setObjectName("pay_amount")
        self.pay_method = named(QLineEdit(), "pay_method")
        self.pay_method.setPlaceholderText(self.tr("bank transfer, cash…"))
        self.pay_button = self._step_button("record_payment", self.tr("Record payment"), "record_payment")
        self.pay_amount.returnPressed.connect(self._run_step("record_payment"))
        self.payments_table = self._table("payments", [self.tr("Worker"), self.tr("Paid on"), self.tr("Amount"), self.tr("Method")])

        plan = QGroupBox(self.tr("Payment plan (one plan per case)"))
        p = QVBoxLayout(plan)
        self.plan_entry = QWidget()
        prow = QHBoxLayout(self.plan_entry)
        prow.setContentsMargins(0, 0, 0, 0)
        w: QWidget  # the rows below mix kinds of widget
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
        self.closure_kind = named(QComboBox(), "closure_kind")
        for code in ClosureKind:
            self.closure_kind.addItem(rules.label(rules.CLOSURE_LABELS, code, self.language), code.value)
        self.close_date = _date_edit("close_date")
        self.close_reason = named(QLineEdit(), "close_reason")
        self.close_button = self._step_button("close", self.tr("Close the case"), "close")
        self.notify_button = self._step_button("notify_result", self.tr("Complainant told of the result"), "notify_result")
        self.archive_button = self._step_button("archive", self.tr("Archive"), "archive")
        self.close_fields = named(QWidget(), "close_fields")
        form = QFormLayout(self.close_fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("How"), self.closure_kind)
        form.addRow(self.tr("Date"), self.close_date)
        form.addRow(self.tr("Reason"), self.close_reason)
        self.closed_text = named(QLabel(), "closed_text")
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
        self.proc_kind = named(QComboBox(), "proc_kind")
        for kind in ("penalty", "admin_decision"):
            self.proc_kind.addItem(self._l(procedure_rules.DECISION_LABELS, kind), kind)
        self.notice_date = _date_edit("notice_date")
        self.notice_content = named(QLineEdit(), "notice_content")
        self.notice_content.setPlaceholderText(self.tr("Intended measure, its facts, reasons and basis"))
        self.notice_fine = MoneyEdit(field="fine")
        self.notice_fine.setObjectName("notice_fine")
        self.notice_serious = named(QCheckBox(self.tr("Another penalty of art 63 (suspension, licence …)")), "notice_serious")
        self.notice_complex = named(QCheckBox(self.tr("Complex or serious case (collective discussion)")), "notice_complex")
        self.notice_button = self._step_button("record_notice", self.tr("Record the prior notice"), "record_notice")

        self.service_document = named(QComboBox(), "service_document")
        for key, name in procedure_rules.SERVED_DOCUMENTS.items():
            self.service_document.addItem(name, key)
        self.service_method = named(QComboBox(), "service_method")
        for code in procedure_rules.METHOD_LABELS:
            self.service_method.addItem(self._l(procedure_rules.METHOD_LABELS, code), str(code))
        self.service_date = _date_edit("service_date")
        self.service_recipient = named(QLineEdit(), "service_recipient")
        self.service_recipient.setPlaceholderText(self.tr("Who received it"))
        self.service_signed = named(QCheckBox(self.tr("Signed")), "service_signed")
        self.service_signed.setChecked(True)
        self.service_note = named(QLineEdit(), "service_note")
        self.service_note.setPlaceholderText(self.tr("If not signed: why (refused, witnesses …)"))
        self.service_button = self._step_button("record_service", self.tr("Record service"), "record_service")

        self.statement_date = _date_edit("statement_date")
        self.statement_waived = named(QCheckBox(self.tr("Waived in writing")), "statement_waived")
        self.statement_content = named(QLineEdit(), "statement_content")
        self.statement_content.setPlaceholderText(self.tr("What the party stated"))
        self.statement_button = self._step_button("record_statement", self.tr("Record"), "record_statement")

        self.hearing_request_date = _date_edit("hearing_request_date")
        self.hearing_waived = named(QCheckBox(self.tr("Hearing waived in writing")), "hearing_waived")
        self.hearing_request_button = self._step_button("record_hearing_request", self.tr("Record the request"), "record_hearing_request")
        self.hearing_notice_date = _date_edit("hearing_notice_date")
        self.hearing_on = _date_edit("hearing_on")
        self.hearing_place = named(QLineEdit(), "hearing_place")
        self.hearing_place.setPlaceholderText(self.tr("Place"))
        # 听证通知书 (行政处罚法 art 64(2), (4)): the time of day and the designated host print on the notice
        self.hearing_time = named(QLineEdit(), "hearing_time")
        self.hearing_time.setPlaceholderText(self.tr("Time (0930)"))
        self.hearing_time.setMaximumWidth(90)
        self.hearing_notice_host = named(QLineEdit(), "hearing_notice_host")
        self.hearing_notice_host.setPlaceholderText(self.tr("Designated host"))
        self.hearing_notice_button = self._step_button("record_hearing_notice", self.tr("Record the hearing notice"), "record_hearing_notice")
        self.hearing_held_date = _date_edit("hearing_held_date")
        self.hearing_host = named(QLineEdit(), "hearing_host")
        self.hearing_host.setPlaceholderText(self.tr("Host (not an investigator) and clerk"))
        self.hearing_record = named(QLineEdit(), "hearing_record")
        self.hearing_record.setPlaceholderText(self.tr("What the hearing record says"))
        self.hearing_button = self._step_button("record_hearing", self.tr("Record the hearing"), "record_hearing")

        self.discussion_date = _date_edit("discussion_date")
        self.discussion_persons = named(QLineEdit(), "discussion_persons")
        self.discussion_persons.setPlaceholderText(self.tr("Responsible persons present"))
        self.discussion_conclusion = named(QLineEdit(), "discussion_conclusion")
        self.discussion_conclusion.setPlaceholderText(self.tr("Conclusion"))
        self.discussion_button = self._step_button("record_discussion", self.tr("Record"), "record_discussion")

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
        self.reviewer = named(QComboBox(), "reviewer")
        self.review_kind = named(QComboBox(), "review_kind")
        self.review_kind.addItem(self._l(rules.ACTION_LABELS, "admin_decision"), "admin_decision")
        self.review_kind.addItem(self._l(rules.ACTION_LABELS, "penalty"), "penalty")
        self.opinion = named(QComboBox(), "opinion")
        for code in rules.OPINION_LABELS:
            self.opinion.addItem(self._l(rules.OPINION_LABELS, code), str(code))
        self.review_date = _date_edit("review_date")
        self.review_text = named(QLineEdit(), "review_text")
        self.review_button = self._step_button("record_review", self.tr("Record the legal review"), "record_review")
        self.reviews_table = self._table("reviews", [
            self.tr("Date"), self.tr("Reviewer"), self.tr("Decision"), self.tr("Opinion"), self.tr("Text"),
        ])
        self.publish = named(QCheckBox(self.tr("To be published")), "publish")
        self.publish.setChecked(True)
        self.issue_date = _date_edit("decision_issue_date")
        self.decision_facts = named(QPlainTextEdit(), "decision_facts")
        self.decision_facts.setPlaceholderText(self.tr("Facts found and the evidence"))
        self.decision_facts.setTabChangesFocus(True)
        self.decision_facts.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.decision_basis = named(QLineEdit(), "decision_basis")
        self.decision_basis.setPlaceholderText(self.tr("Articles applied, e.g. Labour Security Supervision Regulations art. 26"))
        self.decision_order = named(QLineEdit(), "decision_order")
        self.fine_amount = MoneyEdit(field="fine")
        self.fine_amount.setObjectName("fine_amount")
        self.ordered_amount = MoneyEdit(field="ordered")
        self.ordered_amount.setObjectName("ordered_amount")
        self.decision_summary = named(QLabel(), "decision_summary")
        self.decision_summary.setWordWrap(True)
        self.issue_button = self._step_button("issue_decision", self.tr("Issue the decision"), "issue_decision")
        self.published_button = self._step_button("published", self.tr("Published"), "published")
        self.review_group = review = QGroupBox(self.tr("Legal review — a reviewer with the legal qualification"))
        f = QFormLayout(review)
        f.addRow(self.tr("Reviewer"), self.reviewer)
        r = QHBoxLayout()
        w: QWidget  # the rows below mix kinds of widget
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
        self.document_kind = named(QComboBox(), "document_kind")
        self.print_button = self._button("print", self.tr("Save as PDF"), "print_document", Permission.COMPLAINT_VIEW)
        self.preview_document_button = self._button("print_preview", self.tr("Print preview"), "preview_document",
                                                    Permission.COMPLAINT_VIEW)
        self.print_now_button = self._button("print_now", self.tr("Print…"), "print_document_now",
                                             Permission.COMPLAINT_VIEW)
        self.evidence_table = self._table("evidence", [
            self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("SHA-256"), self.tr("Description"),
        ])
        self.evidence_note = named(QLineEdit(), "evidence_note")
        self.evidence_note.setPlaceholderText(self.tr("What the file shows"))
        self.attach_button = self._button("attach", self.tr("Attach a file"), "attach_file", Permission.COMPLAINT_HANDLE)
        self.check_button = self._button("check", self.tr("Check and save a copy"), "check_file", Permission.COMPLAINT_VIEW)
        self.employer_button = self._button("employer_view", self.tr("All complaints of this employer"), "employer_view", Permission.COMPLAINT_VIEW)
        self.project_button = self._button("project_view", self.tr("All complaints of this project"), "project_view", Permission.COMPLAINT_VIEW)
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
        table = named(QTableWidget(0, len(headers)), name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table
