"""Mediation on Today's desk (今日待办): the end of an open mediation's period (M1)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.arbitration.models import PartyRole
from app.desk.service import DeskItem, party_names
from app.legal.deadlines import DEFAULT_RULES
from app.mediation.models import MediationCase, MediationParty, MediationStatus

_MEDIATION_OPEN = (MediationStatus.APPLIED.value, MediationStatus.ACCEPTED.value)


class MediationDeskProvider:
    area = "mediation"
    permission = Permission.MEDIATION_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        c = MediationCase
        dialect = session.get_bind().dialect.name
        rows = session.execute(
            select(
                c.id, c.case_no, c.received_on, c.due_on, c.due_calendar_complete,
                party_names(MediationParty, MediationParty.case_id, c.id, PartyRole.APPLICANT.value, dialect),
                party_names(MediationParty, MediationParty.case_id, c.id, PartyRole.RESPONDENT.value, dialect),
            )
            .where(c.status.in_(_MEDIATION_OPEN), c.due_on <= until)
            .order_by(c.due_on, c.id)
            .limit(limit)
        ).all()
        rule = DEFAULT_RULES.get("M1")
        return [
            DeskItem(
                area=self.area,
                case_id=case_id,
                reference=case_no or f"调解申请{received_on.isoformat()}",
                parties=f"{applicants or ''} 与 {respondents or ''}",
                reference_en=case_no or f"application of {received_on.isoformat()}",
                parties_en=f"{applicants or ''} and {respondents or ''}",
                rule_id="M1",
                what=f"调解期限届满（{rule.amount}日），未达成协议的可申请仲裁",
                what_en=f"The {rule.amount}-day mediation period ends: without an agreement the parties may apply "
                        "for arbitration",
                due=due_on,
                calendar_complete=complete,
            )
            for case_id, case_no, received_on, due_on, complete, applicants, respondents in rows
        ]

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        c = MediationCase
        statement = select(func.count()).select_from(c).where(c.status.in_(_MEDIATION_OPEN), c.due_on <= until)
        if after is not None:
            statement = statement.where(c.due_on > after)
        return int(session.scalar(statement) or 0)
