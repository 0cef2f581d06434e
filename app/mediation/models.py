"""Township / street labour-dispute mediation (乡镇/街道劳动争议调解, DOMAIN B §2.2, §3.3).

The 15-day clock (M1) runs from the centre's receipt of the application; the
case keeps its due date (derived from `received_on` by the service, on the
legal calendar) so that Today's desk is one indexed query.  A failed
mediation becomes an arbitration application (转仲裁): the arbitration case
points back here through `ArbitrationCase.from_mediation_id`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class MediationStatus(StrEnum):
    APPLIED = "applied"  # 申请（书面/口头）
    ACCEPTED = "accepted"  # 受理，调解中
    NOT_ACCEPTED = "not_accepted"  # 不予受理（书面告知）
    AGREED = "agreed"  # 达成调解协议
    FAILED = "failed"  # 调解不成 / 终止调解（含15日届满）
    WITHDRAWN = "withdrawn"  # 申请人撤回
    TRANSFERRED = "transferred"  # 调解不成，已转仲裁


class MediationClosure(StrEnum):
    AGREEMENT = "agreement"  # 达成调解协议
    FAILURE = "failure"  # 未达成调解协议
    WITHDRAWAL = "withdrawal"  # 撤回
    NOT_ACCEPTED = "not_accepted"


class OrganisationType(StrEnum):
    """MA1 categories."""

    ENTERPRISE = "enterprise"  # 企业劳动争议调解委员会
    TOWNSHIP = "township"  # 乡镇街道劳动争议调解组织
    ARBITRATION_PRE_FILING = "arbitration_pre_filing"  # 仲裁机构案外调解
    PEOPLES = "peoples"  # 人民调解组织
    OTHER = "other"


class Channel(StrEnum):
    ON_SITE = "on_site"  # 现场
    ONLINE = "online"  # 互联网+调解


class ApplicationForm(StrEnum):
    WRITTEN = "written"
    ORAL = "oral"  # recorded on the spot (M2)


class MediationCase(TravellingRecord, Base):
    __tablename__ = "mediation_case"
    __audited__ = True

    case_no: Mapped[str | None] = mapped_column(String(100), unique=True)  # given on acceptance
    status: Mapped[str] = mapped_column(String(16))
    organisation_type: Mapped[str] = mapped_column(String(32), default=OrganisationType.TOWNSHIP.value)
    organisation: Mapped[str] = mapped_column(String(200), default="")  # e.g. 某镇劳动保障所
    channel: Mapped[str] = mapped_column(String(16), default=Channel.ON_SITE.value)
    application_form: Mapped[str] = mapped_column(String(16), default=ApplicationForm.WRITTEN.value)
    oral_record: Mapped[str] = mapped_column(Text, default="")  # 口头申请笔录
    matter: Mapped[str] = mapped_column(Text, default="")  # 争议事项
    received_on: Mapped[date]
    due_on: Mapped[date]  # M1: 15 days from receipt (derived by the service)
    due_calendar_complete: Mapped[bool] = mapped_column(Boolean, default=True)
    accepted_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    closure: Mapped[str | None] = mapped_column(String(16))
    closure_note: Mapped[str | None] = mapped_column(Text)
    agreement_terms: Mapped[str | None] = mapped_column(Text)  # 协议内容
    agreement_signed_on: Mapped[date | None]
    amount_requested_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_agreed_fen: Mapped[int | None] = mapped_column(BigInteger)
    amount_paid_fen: Mapped[int | None] = mapped_column(BigInteger)
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        Index("ix_mediation_case_received_on_id", "received_on", "id"),
        Index("ix_mediation_case_status_due_on", "status", "due_on"),
        Index("ix_mediation_case_closed_on", "closed_on"),
    )


class MediationParty(TravellingRecord, Base):
    __tablename__ = "mediation_party"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # applicant / respondent (as in arbitration)
    position: Mapped[int] = mapped_column(Integer, default=0)


class MediationClaim(TravellingRecord, Base):
    __tablename__ = "mediation_claim"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class MediationEvent(TravellingRecord, Base):
    __tablename__ = "mediation_event"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"))
    kind: Mapped[str] = mapped_column(String(32))
    on: Mapped[date]
    details: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_mediation_event_case_id_on_id", "case_id", "on", "id"),)
