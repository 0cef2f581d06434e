"""Receiving and deciding on an application (受理, 补正, 不予受理, 告知管辖, 受理前撤回)."""

from __future__ import annotations

from datetime import date
from typing import Any, Unpack

from sqlalchemy import select

from app.accounts.permissions import Permission
from app.arbitration.intake import create_received_case
from app.arbitration.labels import REFUSAL_GROUNDS, refusal_ground_code
from app.arbitration.models import ArbitrationCase, ArbitrationClaim
from app.arbitration.models import ArbitrationStatus as S
from app.arbitration.steps import CaseSteps, ViewT
from app.arbitration.views import Application
from app.errors import UserError
from app.kernel.numbering import allocate_number
from app.kernel.unit_of_work import UnitOfWork


class AcceptanceSteps(CaseSteps[ViewT]):
    def receive(self, **application: Unpack[Application]) -> int:
        """A received application (收件): the case under review, its id."""
        with UnitOfWork(self.store, self.actor, Permission.ARBITRATION_RECEIVE) as uow:
            case = create_received_case(uow, calendar=self.calendar, **application)
            return case.id

    # -- before the decision
    def request_correction(self, case_id: int, on: date, note: str, **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not note.strip():
                raise UserError("arbitration.ground_required", field="note")
            case.status = S.AWAITING_CORRECTION.value
            case.correction_requested_on = on
            return {}
        return self._act(case_id, "request_correction", on, apply, note=note, **kw)

    def correct(self, case_id: int, on: date, note: str = "", **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            case.status = S.RECEIVED.value
            case.corrected_on = on
        return self._act(case_id, "correct", on, apply, note=note, **kw)

    def accept(self, case_id: int, on: date, note: str = "", **kw: Any) -> ViewT:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            case.case_no = allocate_number(uow, "arbitration", on.year, record_table=ArbitrationCase.__tablename__,
                                           record_id=case.id)
            case.status = S.ACCEPTED.value
            case.decided_on = case.accepted_on = on
            claims = uow.session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id)).all()
            for claim in claims:
                claim.original_amount_fen = claim.amount_claimed_fen
            case.accepted_claims_fen = sum(cl.amount_claimed_fen for cl in claims if not cl.withdrawn)
            return {"case_no": case.case_no}
        return self._act(case_id, "accept", on, apply, note=note, **kw)

    def _decide_against(self, case_id: int, on: date, action: str, status: S, ground: str, **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            if not ground.strip():
                raise UserError("arbitration.ground_required", field="ground")
            case.status = status.value
            case.decided_on = on
            case.refusal_ground = ground.strip()
        return self._act(case_id, action, on, apply, note=ground, **kw)

    def refuse(self, case_id: int, on: date, ground: str, detail: str = "", **kw: Any) -> ViewT:
        """不予受理 (办案规则 art 31) on one of the rules' own grounds (art 30 items (1)–(3)), given by
        its code or its words, with the particulars in `detail`.  时效 and whether an employment
        relationship exists are merits questions decided after acceptance, not refusal grounds;
        a case outside this commission's jurisdiction (item (4)) is `not_competent`, not refused."""
        code = refusal_ground_code(ground)
        if code is None:
            raise UserError("arbitration.refusal_ground_unknown", field="ground", value=ground.strip(),
                            grounds="；".join(REFUSAL_GROUNDS.values()))
        text = REFUSAL_GROUNDS[code] + (f"：{detail.strip()}" if detail.strip() else "")
        return self._decide_against(case_id, on, "refuse", S.NOT_ACCEPTED, text, **kw)

    def not_competent(self, case_id: int, on: date, competent_body: str, **kw: Any) -> ViewT:
        return self._decide_against(case_id, on, "not_competent", S.NOT_COMPETENT, competent_body, **kw)

    def withdraw_before_acceptance(self, case_id: int, on: date, reason: str, **kw: Any) -> ViewT:
        return self._decide_against(case_id, on, "withdraw_before_acceptance", S.WITHDRAWN_BEFORE_ACCEPTANCE, reason, **kw)

