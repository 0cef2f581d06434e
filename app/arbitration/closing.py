"""Closing a case (裁决, 调解, 撤回, 撤销, 终止, 移送) and the finality of an award's items (法 art 47)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from app.arbitration.labels import CATEGORY_LABELS
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationHearing,
    ClaimCategory,
    ClaimResult,
    ClosureMethod,
    HearingStatus,
)
from app.arbitration.models import ArbitrationStatus as S
from app.arbitration.steps import CaseSteps, ViewT
from app.arbitration.views import AwardItem
from app.errors import UserError
from app.kernel.settings import read_setting
from app.kernel.unit_of_work import UnitOfWork
from app.legal.rates import format_yuan

FINAL_MONETARY = frozenset(
    {ClaimCategory.WAGES, ClaimCategory.OVERTIME, ClaimCategory.DOUBLE_WAGE, ClaimCategory.COMPENSATION,
     ClaimCategory.DAMAGES, ClaimCategory.INJURY_MEDICAL}
)
FINAL_STANDARDS = frozenset({ClaimCategory.SOCIAL_INSURANCE, ClaimCategory.ANNUAL_LEAVE})

# ------------------------------------------------------------------ finality (法 art 47)


def minimum_wage_on(table: Sequence[Mapping[str, Any]], on: date) -> int:
    """The monthly minimum wage (fen) in force on `on`: the latest row effective by then."""
    best: tuple[date, int] | None = None
    for row in table:
        effective = date.fromisoformat(str(row["effective"]))
        if effective <= on and (best is None or effective > best[0]):
            best = (effective, int(row["monthly_fen"]))
    if best is None:
        raise ValueError(f"no minimum wage in force on {on}")
    return best[1]


def is_final(category: str, awarded_fen: int, monthly_minimum_fen: int) -> bool:
    """终局: a 劳动报酬/工伤医疗费/经济补偿/赔偿金 item whose awarded amount is at most
    12 months' minimum wage, or an item under the national standards on
    working time, rest and leave, or social insurance.  Each item on its own."""
    if category in FINAL_STANDARDS:
        return True
    return category in FINAL_MONETARY and 0 <= awarded_fen <= 12 * monthly_minimum_fen


class ClosingSteps(CaseSteps[ViewT]):
    # -- closing
    def _close(self, case: ArbitrationCase, on: date, method: ClosureMethod, note: str = "") -> None:
        case.status = S.CLOSED.value
        case.closed_on = on
        case.closure_method = method.value
        case.closure_note = note.strip() or None
        case.resume_status = None

    def close_award(self, case_id: int, on: date, items: Sequence[AwardItem], note: str = "", **kw: Any) -> ViewT:
        """裁决结案: every live claim item gets its awarded amount and result; each
        item's finality follows from the minimum wage in force on the award date."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            session = uow.session
            claims = {c.id: c for c in session.scalars(select(ArbitrationClaim).where(
                ArbitrationClaim.case_id == case.id, ArbitrationClaim.withdrawn.is_(False)))}
            given = {i.claim_id: i for i in items}
            if set(given) != set(claims):
                raise UserError("arbitration.award_items", field="items")
            table = read_setting(session, "minimum_wage")["table"]
            minimum = minimum_wage_on(table, on)
            for claim_id, item in given.items():
                if item.awarded_fen < 0:
                    raise UserError("arbitration.amount_negative", field="items")
                result = ClaimResult(item.result).value
                claim = claims[claim_id]
                if item.awarded_fen > claim.amount_claimed_fen:  # 超裁: an award never exceeds what was claimed
                    label = CATEGORY_LABELS.get(claim.category, (claim.category, claim.category))[1]
                    raise UserError("arbitration.award_above_claim", field="items",
                                    item=f"{label}{('（' + claim.description + '）') if claim.description else ''}",
                                    claimed=format_yuan(claim.amount_claimed_fen), awarded=format_yuan(item.awarded_fen))
                claim.amount_awarded_fen = item.awarded_fen
                claim.result = result
                claim.final = is_final(claim.category, item.awarded_fen, minimum)
            case.awarded_fen = sum(i.awarded_fen for i in items)
            self._close(case, on, ClosureMethod.AWARD, note)
            return {"awarded_fen": case.awarded_fen, "minimum_wage_fen": minimum,
                    "final": {str(k): c.final for k, c in claims.items()}}
        return self._act(case_id, "close_award", on, apply, note=note, **kw)

    def close_mediation(self, case_id: int, on: date, *, amounts: Mapping[int, int], signed_on: date | None = None,
                        note: str = "", **kw: Any) -> ViewT:
        """调解结案: effective when both parties have signed for the 调解书 (法 art 42); `on` is that date."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            claims = {c.id: c for c in uow.session.scalars(select(ArbitrationClaim).where(
                ArbitrationClaim.case_id == case.id, ArbitrationClaim.withdrawn.is_(False)))}
            for claim_id, amount in amounts.items():
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                if amount < 0:
                    raise UserError("arbitration.amount_negative", field="amounts")
                claims[claim_id].amount_mediated_fen = amount
            self._close(case, on, ClosureMethod.MEDIATION, note)
            return {"mediated_fen": sum(amounts.values()), "signed_on": (signed_on or on).isoformat()}
        return self._act(case_id, "close_mediation", on, apply, note=note, **kw)

    def _close_other(self, case_id: int, on: date, action: str, method: ClosureMethod, reason: str, *,
                     details: dict[str, Any] | None = None, **kw: Any) -> ViewT:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any] | None:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            for hearing in uow.session.scalars(select(ArbitrationHearing).where(
                    ArbitrationHearing.case_id == case.id, ArbitrationHearing.status == HearingStatus.SCHEDULED.value)):
                hearing.status = HearingStatus.CANCELLED.value
            self._close(case, on, method, reason)
            return details
        return self._act(case_id, action, on, apply, note=reason, **kw)

    def close_withdrawal(self, case_id: int, on: date, reason: str, *, deemed: bool = False, **kw: Any) -> ViewT:
        """撤回; `deemed`: 按撤回处理 (an applicant properly notified who did not appear, 法 art 36)."""
        return self._close_other(case_id, on, "close_withdrawal", ClosureMethod.WITHDRAWAL, reason,
                                 details={"deemed": True} if deemed else None, **kw)

    def revoke(self, case_id: int, on: date, reason: str, **kw: Any) -> ViewT:
        return self._close_other(case_id, on, "revoke", ClosureMethod.REVOCATION, reason, **kw)

    def terminate(self, case_id: int, on: date, reason: str, **kw: Any) -> ViewT:
        return self._close_other(case_id, on, "terminate", ClosureMethod.TERMINATION, reason, **kw)

    def transfer_out(self, case_id: int, on: date, to_body: str, **kw: Any) -> ViewT:
        return self._close_other(case_id, on, "transfer_out", ClosureMethod.TRANSFER, to_body, **kw)

