"""Changes to a running case: suspension and resumption, the extension, the procedure, the
parties and the claims (中止/恢复, 延长, 程序转换, 追加当事人, 变更请求, 更正类别)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.arbitration.intake import add_claims, clean_claims
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationParty,
    ClaimCategory,
    ClaimResult,
    PartyRole,
    Procedure,
)
from app.arbitration.models import ArbitrationStatus as S
from app.arbitration.steps import CaseSteps, ViewT
from app.arbitration.views import ClaimInput
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.legal.deadlines import DEFAULT_RULES
from app.parties.models import Party


class ProceedingSteps(CaseSteps[ViewT]):
    def suspend(self, case_id: int, on: date, *, ground: str, approver: str, **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not ground.strip():
                raise UserError("arbitration.ground_required", field="ground")
            if not approver.strip():
                raise UserError("arbitration.approver_required", field="approver")
            case.resume_status = case.status
            case.status = S.SUSPENDED.value
            return {"ground": ground.strip(), "approver": approver.strip()}
        return self._act(case_id, "suspend", on, apply, note=ground, **kw)

    def resume(self, case_id: int, on: date, note: str = "", **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            case.status = case.resume_status or S.ACCEPTED.value
            case.resume_status = None
        return self._act(case_id, "resume", on, apply, note=note, **kw)

    def extend(self, case_id: int, on: date, *, days: int, approver: str, reason: str = "", **kw: Any) -> ViewT:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if case.extension_days:
                raise UserError("arbitration.extension_once")
            if not approver.strip():
                raise UserError("arbitration.approver_required", field="approver")
            rule = DEFAULT_RULES.get("A9")
            if days <= 0 or (rule.max_extension is not None and days > rule.max_extension):
                raise UserError("deadline.extension_too_long", field="days", rule="A9", maximum=rule.max_extension,
                                unit=rule.unit.value)
            case.extension_days = days
            return {"days": days, "approver": approver.strip()}
        return self._act(case_id, "extend", on, apply, note=reason, **kw)

    def convert_procedure(self, case_id: int, on: date, procedure: str, note: str = "", **kw: Any) -> ViewT:
        """简易↔一般 (规则 art 61: the clock keeps running from the original acceptance)."""
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            new = Procedure(procedure).value
            if new == case.procedure:
                raise UserError("arbitration.procedure_same")
            old, case.procedure = case.procedure, new
            return {"from": old, "to": new}
        return self._act(case_id, "convert_procedure", on, apply, note=note, **kw)

    def add_party(self, case_id: int, on: date, *, party_id: int, role: str, **kw: Any) -> ViewT:
        """追加当事人: the 45 days restart from the decision to add (A9a)."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            try:
                role_value = PartyRole(role).value
            except ValueError as exc:
                raise UserError("arbitration.party_role_unknown", field="role", value=role) from exc
            party = uow.session.get(Party, party_id)
            if party is None:
                raise UserError("arbitration.party_not_found", field="party")
            if uow.session.scalar(select(ArbitrationParty.id).where(
                    ArbitrationParty.case_id == case.id, ArbitrationParty.party_id == party_id)):
                raise UserError("arbitration.party_twice", field="party", name=party.name)
            position = uow.session.scalar(select(func.count()).select_from(ArbitrationParty).where(
                ArbitrationParty.case_id == case.id, ArbitrationParty.role == role_value)) or 0
            uow.session.add(ArbitrationParty(case_id=case.id, party_id=party_id, role=role_value,
                                             position=position, added_on=on))
            return {"party_id": party_id, "role": role_value}
        return self._act(case_id, "add_party", on, apply, **kw)

    def change_claims(self, case_id: int, on: date, *, add: Sequence[ClaimInput] = (),
                      amounts: Mapping[int, int] | None = None, withdraw: Sequence[int] = (),
                      counterclaim: bool = False, **kw: Any) -> ViewT:
        """增加/变更/撤回请求 (or a joined 反申请): the 45 days restart (A9a)."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            session = uow.session
            claims = {c.id: c for c in session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id))}
            for claim_id, amount in (amounts or {}).items():
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                if amount < 0:
                    raise UserError("arbitration.amount_negative", field="claims")
                claims[claim_id].amount_claimed_fen = amount
            for claim_id in withdraw:
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                claims[claim_id].withdrawn = True
                claims[claim_id].result = ClaimResult.WITHDRAWN.value
            new = add_claims(session, case.id, clean_claims(add), start=len(claims), added_on=on) if add else []
            uow.flush()
            current = [c for c in [*claims.values(), *new] if not c.withdrawn]
            case.claimed_fen = sum(c.amount_claimed_fen for c in current)
            # the amount in dispute follows the latest accepted claim set (B §5.2)
            case.accepted_claims_fen = case.claimed_fen
            return {"added": [c.id for c in new], "amounts": {str(k): v for k, v in (amounts or {}).items()},
                    "withdrawn": list(withdraw)}
        action = "join_counterclaim" if counterclaim else "change_claims"
        return self._act(case_id, action, on, apply, **kw)

    def correct_claim_category(self, case_id: int, on: date, *, claim_id: int, category: str, reason: str,
                               **kw: Any) -> ViewT:
        """更正请求类别: a claim item recorded under the wrong category is put right, with the reason.

        The category decides whether an award item can be final (调解仲裁法 art 47(1) names
        工伤医疗费, not the other injury benefits), so a wrong one must be correctable: migration
        0016 read stored 工伤待遇 claims from their descriptions, and a clerk can mistype one at
        intake.  This is a correction of the record, not a change of what the applicant asks for
        (that is 增加或变更仲裁请求, which restarts the 45 days, A9a): the amount and wording stay,
        and no period restarts.  Only before the award: an issued award's items are what the
        award says (法释〔2020〕26号 art 18; see migration 0016), so a closed case is refused by
        the life cycle.  The claim's update is audited with its old and new category, and the
        step stands on the timeline with its reason."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            claim = uow.session.get(ArbitrationClaim, claim_id)
            if claim is None or claim.case_id != case.id or claim.withdrawn:
                raise UserError("arbitration.claim_not_found")
            try:
                new = ClaimCategory(category).value
            except ValueError as exc:
                raise UserError("arbitration.claim_category_unknown", field="category", value=category) from exc
            if not reason.strip():
                raise UserError("arbitration.category_reason_required", field="reason")
            if claim.category == new:
                raise UserError("arbitration.category_unchanged", field="category", category=new)
            old = claim.category
            claim.category = new
            return {"claim_id": claim.id, "from": old, "to": new, "reason": reason.strip()}
        return self._act(case_id, "correct_claim_category", on, apply, note=reason, **kw)

