"""The arbitration docket (劳动人事争议仲裁): cases, their parties, claims item by
item, the events that make up the timeline, hearings, service records and
the deadlines derived from the events (DOMAIN B §2.1, §3.2, §4.2).

The case row keeps the milestone dates the yearly report counts by (received,
decided, accepted, closed; closure method) and the amount in dispute as
accepted; the events are the history and the source of every deadline.
`arbitration_deadline` is a cache of the open deadlines, rewritten by the
service at each event, so that Today's desk is one indexed query.

Tribunal members and clerks are user accounts (roles 仲裁员 / 书记员): they sign
in, are booked for hearings and are the people the desk speaks to.  The
enforcement roster (officers) is the inspectors' register and is not used here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class ArbitrationStatus(StrEnum):
    RECEIVED = "received"  # 收件，待审查
    AWAITING_CORRECTION = "awaiting_correction"  # 待补正
    ACCEPTED = "accepted"  # 已受理
    TRIBUNAL_FORMED = "tribunal_formed"  # 已组庭
    HEARING_SCHEDULED = "hearing_scheduled"  # 已排期开庭
    HEARD = "heard"  # 已开庭
    SUSPENDED = "suspended"  # 中止审理
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    NOT_COMPETENT = "not_competent"  # 告知向有管辖权的仲裁委申请
    WITHDRAWN_BEFORE_ACCEPTANCE = "withdrawn_before_acceptance"  # 受理前撤回
    CLOSED = "closed"  # 结案 (closure_method says how)


class ClosureMethod(StrEnum):
    AWARD = "award"  # 裁决
    MEDIATION = "mediation"  # 仲裁调解
    WITHDRAWAL = "withdrawal"  # 撤回 / 按撤回处理
    REVOCATION = "revocation"  # 撤销案件
    TERMINATION = "termination"  # 终止审理
    TRANSFER = "transfer"  # 移送管辖


class Procedure(StrEnum):
    ORDINARY = "ordinary"  # 一般程序
    SIMPLE = "simple"  # 简易处理


class PartyRole(StrEnum):
    APPLICANT = "applicant"  # 申请人
    RESPONDENT = "respondent"  # 被申请人
    THIRD_PARTY = "third_party"  # 第三人


class ClaimCategory(StrEnum):
    WAGES = "wages"  # 劳动报酬
    OVERTIME = "overtime"  # 加班费
    DOUBLE_WAGE = "double_wage"  # 未签劳动合同二倍工资差额
    COMPENSATION = "compensation"  # 经济补偿
    DAMAGES = "damages"  # 违法解除赔偿金
    # 法 art 47(1) makes 工伤医疗费 final-eligible, not every 工伤待遇: the two are separate categories.
    # Rows stored before the split keep "injury", now read as the other benefits (not final-eligible).
    INJURY_MEDICAL = "injury_medical"  # 工伤医疗费
    INJURY = "injury"  # 其他工伤待遇（一次性伤残补助金、停工留薪期工资等）
    SOCIAL_INSURANCE = "social_insurance"  # 社会保险
    ANNUAL_LEAVE = "annual_leave"  # 未休年休假工资
    CONFIRM_RELATIONSHIP = "confirm_relationship"  # 确认劳动关系
    OTHER = "other"  # 其他


class ClaimResult(StrEnum):
    UPHELD = "upheld"  # 支持
    PARTLY_UPHELD = "partly_upheld"  # 部分支持
    DISMISSED = "dismissed"  # 驳回
    WITHDRAWN = "withdrawn"  # 撤回


class HearingStatus(StrEnum):
    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    HELD = "held"
    CANCELLED = "cancelled"


class ArbitrationCase(TravellingRecord, Base):
    __tablename__ = "arbitration_case"
    __audited__ = True

    case_no: Mapped[str | None] = mapped_column(String(100), unique=True)  # given on acceptance
    status: Mapped[str] = mapped_column(String(32))
    procedure: Mapped[str] = mapped_column(String(16), default=Procedure.ORDINARY.value)
    cause: Mapped[str] = mapped_column(String(200), default="")  # 案由
    facts: Mapped[str] = mapped_column(Text, default="")  # 事实与理由 as the applicant states them
    collective: Mapped[bool] = mapped_column(Boolean, default=False)
    # milestone dates: the yearly report counts each by its own date (DOMAIN A3, B §5.2)
    received_on: Mapped[date]
    correction_requested_on: Mapped[date | None]
    corrected_on: Mapped[date | None]
    decided_on: Mapped[date | None]  # accept / refuse / not competent / withdrawn before decision
    accepted_on: Mapped[date | None]
    refusal_ground: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None]
    closure_method: Mapped[str | None] = mapped_column(String(16))
    closure_note: Mapped[str | None] = mapped_column(Text)
    resume_status: Mapped[str | None] = mapped_column(String(32))  # where a suspension resumes
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    # amounts, integer fen: the current claims and the claims as accepted
    claimed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    accepted_claims_fen: Mapped[int | None] = mapped_column(BigInteger)
    awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    # tribunal (user accounts)
    chief_arbitrator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    arbitrator_2_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    arbitrator_3_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # the township mediation this application came from (转仲裁); the mediation
    # case finds it back through this column (linked both ways by one fact)
    from_mediation_id: Mapped[int | None] = mapped_column(ForeignKey("mediation_case.id"), unique=True)

    __table_args__ = (
        Index("ix_arbitration_case_received_on_id", "received_on", "id"),
        Index("ix_arbitration_case_status_received_on_id", "status", "received_on", "id"),
        Index("ix_arbitration_case_accepted_on", "accepted_on"),
        Index("ix_arbitration_case_decided_on", "decided_on"),
        Index("ix_arbitration_case_closed_on", "closed_on"),
        Index("ix_arbitration_case_chief_arbitrator_id", "chief_arbitrator_id"),
    )


class ArbitrationParty(TravellingRecord, Base):
    __tablename__ = "arbitration_party"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    added_on: Mapped[date | None]  # 追加当事人: the decision date (restarts the 45 days)


class ArbitrationClaim(TravellingRecord, Base):
    __tablename__ = "arbitration_claim"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    amount_claimed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    original_amount_fen: Mapped[int | None] = mapped_column(BigInteger)  # as accepted first
    amount_awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    amount_mediated_fen: Mapped[int | None] = mapped_column(BigInteger)
    result: Mapped[str | None] = mapped_column(String(16))
    final: Mapped[bool | None] = mapped_column(Boolean)  # computed at the award (终局)
    added_on: Mapped[date | None]  # a claim added after acceptance (restart)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class ArbitrationEvent(TravellingRecord, Base):
    """One step in the case's life: the timeline and the source of its deadlines."""

    __tablename__ = "arbitration_event"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"))
    kind: Mapped[str] = mapped_column(String(32))
    on: Mapped[date]
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_arbitration_event_case_id_on_id", "case_id", "on", "id"),)


class ArbitrationHearing(TravellingRecord, Base):
    __tablename__ = "arbitration_hearing"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"), index=True)
    held_on: Mapped[date]
    # "HH:MM" local time (zero-padded, so text order is time order; the audit
    # record keeps plain JSON values)
    starts_at: Mapped[str] = mapped_column(String(5))
    ends_at: Mapped[str] = mapped_column(String(5))
    room: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=HearingStatus.SCHEDULED.value)
    notice_served_on: Mapped[date | None]

    __table_args__ = (Index("ix_arbitration_hearing_held_on_room", "held_on", "room"),)


class ArbitrationHearingMember(TravellingRecord, Base):
    """An arbitrator (or clerk) sitting at a hearing: what double booking is checked on."""

    __tablename__ = "arbitration_hearing_member"
    __audited__ = True

    hearing_id: Mapped[int] = mapped_column(ForeignKey("arbitration_hearing.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    held_on: Mapped[date]  # copied from the hearing so the conflict query is one index

    __table_args__ = (Index("ix_arbitration_hearing_member_user_id_held_on", "user_id", "held_on"),)


class ArbitrationService(TravellingRecord, Base):
    """送达回证: one document served on one party."""

    __tablename__ = "arbitration_service"
    __audited__ = True

    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"), index=True)
    document: Mapped[str] = mapped_column(String(32))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    method: Mapped[str] = mapped_column(String(16))  # direct, post, electronic, public_notice …
    served_on: Mapped[date]
    notice_days: Mapped[int] = mapped_column(Integer, default=0)  # 公告送达: days not counted


class ArbitrationDeadline(Base):
    """The open deadlines of a case as last derived from its events (a local
    cache for Today's desk, rewritten at each event; it never travels — the
    case page always derives the deadlines afresh)."""

    __tablename__ = "arbitration_deadline"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("arbitration_case.id"), index=True)
    key: Mapped[str] = mapped_column(String(32))  # the rule id, with a suffix for repeated ones
    rule_id: Mapped[str] = mapped_column(String(16))
    start: Mapped[date]
    due: Mapped[date]
    calendar_complete: Mapped[bool] = mapped_column(Boolean, default=True)
    calendar_version: Mapped[str] = mapped_column(String(100))
    rule_version: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_arbitration_deadline_due_case_id", "due", "case_id"),)
