"""The complaint case page's steps: each button reads its fields, calls one service method
with the case's current version and shows the fresh case it returns; a refusal is shown in
the status line in the user's language and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from app.complaints.service import (
    ComplaintDetail,
    today_in_shanghai,
)
from app.errors import StorageError, UserError
from ui.complaints.case_tabs import ComplaintCaseTabs
from ui.widgets.case_steps import on_the_writer
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.stale_save import is_changed_elsewhere, keep_input_note


class ComplaintCaseActions(ComplaintCaseTabs):
    """The steps of the case page: each reads its tab's fields and runs one service method."""

    last_error: UserError | StorageError | None
    _writing = False  # a step is being saved on the writer

    def show_detail(self, d: ComplaintDetail) -> None:  # the page shows the case (ComplaintCasePage)
        raise NotImplementedError

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

    def _run(self, step: Callable[..., ComplaintDetail], *args: Any, done: str = "", **kwargs: Any) -> bool:
        """Run `step(*args, **kwargs)` — the values already read from the tab — on the task
        runner's single writer, then show the case it returns; False if it was refused."""
        if self._writing:  # one step at a time: a second click while the first is saved does nothing
            return False
        self._writing = True
        try:
            detail = on_the_writer(self.context, self, self.tr("Saving"), lambda: step(*args, **kwargs))
        except (UserError, StorageError) as err:
            return self._fail(err)
        finally:
            self._writing = False
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
        return self._run(self.service.accept, d.id, d.version, self._day(self.decision_date))

    def refuse_case(self) -> bool:
        d = self.detail
        return self._run(self.service.refuse, d.id, d.version, self._day(self.decision_date), self.decision_text.text())

    def redirect_case(self) -> bool:
        d = self.detail
        return self._run(self.service.redirect, d.id, d.version, self._day(self.decision_date), self.decision_text.text())

    def request_correction(self) -> bool:
        d = self.detail
        return self._run(self.service.request_correction, d.id, d.version, self._day(self.decision_date), self.decision_text.text()
        )

    def corrected(self) -> bool:
        d = self.detail
        return self._run(self.service.corrected, d.id, d.version, self._day(self.decision_date))

    def checked_officers(self) -> list[int]:
        return [
            int(self.officer_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.officer_list.count())
            if self.officer_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def assign_officers(self) -> bool:
        d = self.detail
        ids = self.checked_officers()
        return self._run(self.service.assign_officers, d.id, d.version, ids, self._day(self.officer_date))

    def record_action(self) -> bool:
        d = self.detail
        ok = self._run(self.service.record_action,
            d.id, self.action_kind.currentData(), self._day(self.action_date), self.action_note.text())
        if ok:
            self.action_note.clear()
        return ok

    def set_disposal(self) -> bool:
        d = self.detail
        return self._run(self.service.set_disposal,
            d.id, d.version, self.disposal.currentData(), self.department.text(), today_in_shanghai())

    def extend(self) -> bool:
        d = self.detail
        return self._run(self.service.extend,
            d.id, d.version, self.extension.value(), today_in_shanghai(), self.approver.text())

    def order_rectification(self) -> bool:
        d = self.detail
        return self._run(self.service.order_rectification,
            d.id, d.version, today_in_shanghai(), self._day(self.rectify_by))

    def transfer(self) -> bool:
        d = self.detail
        return self._run(self.service.transfer, d.id, d.version, today_in_shanghai(), self.transfer_to.text())

    def _simple(self, method: str) -> bool:
        d = self.detail
        return self._run(getattr(self.service, method), d.id, d.version, today_in_shanghai())

    def mark_rectified(self) -> bool:
        return self._simple("mark_rectified")

    def mark_not_rectified(self) -> bool:
        return self._simple("mark_not_rectified")

    def notify_result(self) -> bool:
        return self._simple("notify_result")

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
        ok = self._run(self.service.set_plan, d.id, d.version, plan)
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
        ok = self._run(self.service.record_payment,
            d.id, self.pay_worker.currentData(), self._day(self.pay_date), amount, method=self.pay_method.text())
        if ok:
            self.pay_amount.clear()
        return ok

    def close_case(self) -> bool:
        d = self.detail
        return self._run(self.service.close,
            d.id, d.version, self._day(self.close_date), self.closure_kind.currentData(), self.close_reason.text())

    def record_review(self) -> bool:
        d = self.detail
        reviewer = self.reviewer.currentData()
        if reviewer is None:
            return self._fail(UserError("complaint.officer_not_found", field="reviewer"))
        return self._run(self.service.record_legal_review,
            d.id, int(reviewer), self.review_kind.currentData(), self.opinion.currentData(),
            self._day(self.review_date), self.review_text.text())

    def issue_decision(self) -> bool:
        d = self.detail
        kind = self.review_kind.currentData()
        try:  # only the amount the kind of decision carries is read
            fine = self.fine_amount.fen() if kind == "penalty" else None
            ordered = self.ordered_amount.fen() if kind == "admin_decision" else None
        except UserError as err:
            return self._fail(err)
        return self._run(self.service.issue_decision,
            d.id, d.version, kind, self._day(self.issue_date),
            facts=self.decision_facts.toPlainText(), basis=self.decision_basis.text(),
            order=self.decision_order.text(), fine_fen=fine, ordered_fen=ordered,
            publish=self.publish.isChecked())

    def record_notice(self) -> bool:
        d = self.detail
        kind = self.proc_kind.currentData()
        try:
            fine = self.notice_fine.fen() if kind == "penalty" else None
        except UserError as err:
            return self._fail(err)
        ok = self._run(self.service.record_prior_notice,
            d.id, kind, self._day(self.notice_date), self.notice_content.text(), intended_fine_fen=fine,
            other_serious_penalty=self.notice_serious.isChecked(), complex_case=self.notice_complex.isChecked())
        if ok:
            self.service_document.setCurrentIndex(self.service_document.findData("prior_notice"))
        return ok

    def record_service(self) -> bool:
        d = self.detail
        return self._run(self.service.record_service,
            d.id, self.service_document.currentData(), self.service_method.currentData(), self._day(self.service_date),
            self.service_recipient.text(), signed=self.service_signed.isChecked(), note=self.service_note.text())

    def record_statement(self) -> bool:
        d = self.detail
        return self._run(self.service.record_statement,
            d.id, self.proc_kind.currentData(), self._day(self.statement_date),
            waived=self.statement_waived.isChecked(), content=self.statement_content.text())

    def record_hearing_request(self) -> bool:
        d = self.detail
        return self._run(self.service.record_hearing_request,
            d.id, self._day(self.hearing_request_date), waived=self.hearing_waived.isChecked())

    def record_hearing_notice(self) -> bool:
        d = self.detail
        ok = self._run(self.service.record_hearing_notice,
            d.id, self._day(self.hearing_notice_date), self._day(self.hearing_on), self.hearing_place.text(),
            hearing_time=self.hearing_time.text(), host=self.hearing_notice_host.text())
        if ok:  # the notice is served next (art 64(2) counts to its service)
            self.service_document.setCurrentIndex(self.service_document.findData("hearing_notice"))
        return ok

    def record_hearing(self) -> bool:
        d = self.detail
        return self._run(self.service.record_hearing,
            d.id, self._day(self.hearing_held_date), self.hearing_host.text(), self.hearing_record.text())

    def record_discussion(self) -> bool:
        d = self.detail
        return self._run(self.service.record_collective_discussion,
            d.id, self._day(self.discussion_date), self.discussion_persons.text(), self.discussion_conclusion.text())

    def published(self) -> bool:
        d = self.detail
        return self._run(self.service.record_publication, d.id, d.version, today_in_shanghai())
