"""Running the case before the award: the tribunal, the service of documents, the answer and
the hearings (组庭, 送达, 答辩, 开庭, 延期开庭)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models import User
from app.arbitration.hearings import check_free
from app.arbitration.labels import SERVICE_DOCUMENTS
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationHearing,
    ArbitrationHearingMember,
    ArbitrationParty,
    ArbitrationService,
    HearingStatus,
    Procedure,
)
from app.arbitration.models import ArbitrationStatus as S
from app.arbitration.steps import CaseSteps, ViewT
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork


class TribunalSteps(CaseSteps[ViewT]):
    def form_tribunal(self, case_id: int, on: date, *, chief_id: int, clerk_id: int,
                      arbitrator_2_id: int | None = None, arbitrator_3_id: int | None = None, **kw: Any) -> ViewT:
        return self._tribunal(case_id, on, "form_tribunal", (chief_id, arbitrator_2_id, arbitrator_3_id), clerk_id, **kw)

    def change_tribunal(self, case_id: int, on: date, *, chief_id: int, clerk_id: int,
                        arbitrator_2_id: int | None = None, arbitrator_3_id: int | None = None, **kw: Any) -> ViewT:
        """The tribunal formed anew (a member replaced after a 回避决定 …), before a hearing is scheduled."""
        return self._tribunal(case_id, on, "change_tribunal", (chief_id, arbitrator_2_id, arbitrator_3_id), clerk_id, **kw)

    def _tribunal(self, case_id: int, on: date, action: str, arbitrators: tuple[int, int | None, int | None],
                  clerk_id: int, **kw: Any) -> ViewT:
        chief_id, arbitrator_2_id, arbitrator_3_id = arbitrators

        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            members = [m for m in (chief_id, arbitrator_2_id, arbitrator_3_id) if m]
            if case.procedure == Procedure.ORDINARY.value and len(members) != 3:
                raise UserError("arbitration.tribunal_incomplete", field="arbitrators")
            if not clerk_id:
                raise UserError("arbitration.clerk_required", field="clerk")
            everyone = [*members, clerk_id]
            if len(set(everyone)) != len(everyone):
                raise UserError("arbitration.tribunal_member_twice", field="arbitrators")
            found = set(uow.session.scalars(select(User.id).where(User.id.in_(everyone))).all())
            if found != set(everyone):
                raise UserError("arbitration.user_not_found", field="arbitrators")
            case.chief_arbitrator_id = chief_id
            case.arbitrator_2_id = arbitrator_2_id
            case.arbitrator_3_id = arbitrator_3_id
            case.clerk_id = clerk_id
            case.status = S.TRIBUNAL_FORMED.value
            return {"chief": chief_id, "arbitrators": members, "clerk": clerk_id}
        return self._act(case_id, action, on, apply, **kw)

    def record_service(self, case_id: int, *, document: str, party_id: int, method: str, served_on: date,
                       notice_days: int = 0, **kw: Any) -> ViewT:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if document not in SERVICE_DOCUMENTS:
                raise UserError("arbitration.document_unknown", field="document", value=document)
            in_case = uow.session.scalar(select(ArbitrationParty.id).where(
                ArbitrationParty.case_id == case.id, ArbitrationParty.party_id == party_id))
            if in_case is None:
                raise UserError("arbitration.party_not_in_case", field="party")
            if notice_days < 0:
                raise UserError("arbitration.amount_negative", field="notice_days")
            uow.session.add(ArbitrationService(case_id=case.id, document=document, party_id=party_id,
                                               method=method, served_on=served_on, notice_days=notice_days))
            if document == "hearing_notice":
                hearing = uow.session.scalars(select(ArbitrationHearing).where(
                    ArbitrationHearing.case_id == case.id,
                    ArbitrationHearing.status == HearingStatus.SCHEDULED.value).order_by(ArbitrationHearing.id.desc())).first()
                if hearing is not None and hearing.notice_served_on is None:
                    hearing.notice_served_on = served_on
            return {"document": document, "party_id": party_id, "method": method}
        return self._act(case_id, "record_service", served_on, apply, **kw)

    def record_answer(self, case_id: int, on: date, note: str = "", **kw: Any) -> ViewT:
        return self._act(case_id, "record_answer", on, lambda u, c: None, note=note, **kw)

    def schedule_hearing(self, case_id: int, on: date, *, held_on: date, starts_at: time, ends_at: time,
                         room: str, **kw: Any) -> ViewT:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            members = [m for m in (case.chief_arbitrator_id, case.arbitrator_2_id, case.arbitrator_3_id) if m]
            if not members:
                raise UserError("arbitration.no_tribunal")
            check_free(uow.session, held_on, starts_at, ends_at, room, members)
            hearing = ArbitrationHearing(case_id=case.id, held_on=held_on, starts_at=starts_at.strftime("%H:%M"),
                                         ends_at=ends_at.strftime("%H:%M"), room=room.strip(),
                                         status=HearingStatus.SCHEDULED.value)
            uow.session.add(hearing)
            uow.flush()
            for m in members:
                uow.session.add(ArbitrationHearingMember(hearing_id=hearing.id, user_id=m, held_on=held_on))
            case.status = S.HEARING_SCHEDULED.value
            return {"hearing_id": hearing.id, "held_on": held_on.isoformat(), "starts_at": starts_at.strftime("%H:%M"),
                    "room": room.strip()}
        return self._act(case_id, "schedule_hearing", on, apply, **kw)

    def _hearing(self, session: Session, case: ArbitrationCase, hearing_id: int) -> ArbitrationHearing:
        hearing = session.get(ArbitrationHearing, hearing_id)
        if hearing is None or hearing.case_id != case.id:
            raise UserError("arbitration.hearing_not_found")
        return hearing

    def postpone_hearing(self, case_id: int, on: date, *, hearing_id: int, reason: str,
                         held_on: date, starts_at: time, ends_at: time, room: str | None = None, **kw: Any) -> ViewT:
        """延期开庭: the old hearing is marked postponed and a new one booked."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            old = self._hearing(uow.session, case, hearing_id)
            new_room = (room or old.room).strip()
            members = list(uow.session.scalars(select(ArbitrationHearingMember.user_id).where(
                ArbitrationHearingMember.hearing_id == old.id)).all())
            check_free(uow.session, held_on, starts_at, ends_at, new_room, members, exclude_hearing_id=old.id)
            old.status = HearingStatus.POSTPONED.value
            hearing = ArbitrationHearing(case_id=case.id, held_on=held_on, starts_at=starts_at.strftime("%H:%M"),
                                         ends_at=ends_at.strftime("%H:%M"), room=new_room,
                                         status=HearingStatus.SCHEDULED.value)
            uow.session.add(hearing)
            uow.flush()
            for m in members:
                uow.session.add(ArbitrationHearingMember(hearing_id=hearing.id, user_id=m, held_on=held_on))
            return {"postponed": old.id, "hearing_id": hearing.id, "held_on": held_on.isoformat()}
        return self._act(case_id, "postpone_hearing", on, apply, note=reason, **kw)

    def hold_hearing(self, case_id: int, on: date, *, hearing_id: int, note: str = "", **kw: Any) -> ViewT:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            hearing = self._hearing(uow.session, case, hearing_id)
            hearing.status = HearingStatus.HELD.value
            case.status = S.HEARD.value
            return {"hearing_id": hearing.id}
        return self._act(case_id, "hold_hearing", on, apply, note=note, **kw)

