"""Arbitration on Today's desk (今日待办): every open time limit of the docket's cases
(ArbitrationDeadline, kept by the service), with the applicants and respondents."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationCase, ArbitrationDeadline, ArbitrationParty, PartyRole
from app.desk.service import DeskItem, party_names
from app.legal.deadlines import DEFAULT_RULES
from app.legal.rule_names import rule_name


class ArbitrationDeskProvider:
    area = "arbitration"
    permission = Permission.ARBITRATION_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        d = ArbitrationDeadline
        dialect = session.get_bind().dialect.name
        rows = session.execute(
            select(
                d.case_id, d.rule_id, d.key, d.due, d.calendar_complete, ArbitrationCase.case_no,
                ArbitrationCase.received_on,
                party_names(ArbitrationParty, ArbitrationParty.case_id, d.case_id, PartyRole.APPLICANT.value, dialect),
                party_names(ArbitrationParty, ArbitrationParty.case_id, d.case_id, PartyRole.RESPONDENT.value, dialect),
            )
            .join(ArbitrationCase, ArbitrationCase.id == d.case_id)
            .where(d.due <= until)
            .order_by(d.due, d.case_id, d.id)
            .limit(limit)
        ).all()
        return [
            DeskItem(
                area=self.area,
                case_id=case_id,
                reference=case_no or f"收件{received_on.isoformat()}",
                parties=f"{applicants or ''} 诉 {respondents or ''}",
                reference_en=case_no or f"received {received_on.isoformat()}",
                parties_en=f"{applicants or ''} v. {respondents or ''}",
                rule_id=rule_id,
                what=DEFAULT_RULES.get(rule_id).description if rule_id in DEFAULT_RULES else rule_id,
                what_en=rule_name(rule_id, "en", DEFAULT_RULES.get(rule_id).description
                                  if rule_id in DEFAULT_RULES else rule_id),
                due=due_on,
                calendar_complete=complete,
            )
            for case_id, rule_id, _key, due_on, complete, case_no, received_on, applicants, respondents in rows
        ]

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        statement = select(func.count()).select_from(ArbitrationDeadline).where(ArbitrationDeadline.due <= until)
        if after is not None:
            statement = statement.where(ArbitrationDeadline.due > after)
        return int(session.scalar(statement) or 0)
