"""Complaints and reports to labour-security inspection (劳动保障监察投诉/举报) and
the wage-arrears recovery that follows (DOMAIN A3, B §2.3, §3.1, §5.2).

The life cycle (``ComplaintStatus``) is an explicit state machine kept in
``app/complaints/service.py``; every transition writes a ``ComplaintEvent``.
Recovered amounts are never stored: they are the sums of ``WagePayment`` rows.
Deadlines are derived from the event dates by the deadline engine; the dates
it computed are kept (with the calendar version) only so lists can filter
"overdue" in SQL.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.parties.models import Party
from app.store.base import Base, TravellingRecord


class ComplaintKind(StrEnum):
    COMPLAINT = "complaint"  # 投诉 (the worker's own rights)
    REPORT = "report"  # 举报 (anyone; the reporter's identity is confidential, 条例 art 9)


class Channel(StrEnum):
    VISIT = "visit"  # 来访
    PHONE = "phone"  # 来电/12345
    LETTER = "letter"  # 来信
    ONLINE = "online"  # 网上/根治欠薪线索平台
    ASSIGNED = "assigned"  # 上级交办
    REFERRED = "referred"  # 部门转办
    OTHER = "other"  # 其他


class EmployerRole(StrEnum):
    EMPLOYER = "employer"  # 用人单位
    BUILDER = "builder"  # 建设单位
    GENERAL_CONTRACTOR = "general_contractor"  # 施工总承包
    SUBCONTRACTOR = "subcontractor"  # 分包
    GANG_MASTER = "gang_master"  # 包工头


class ComplaintStatus(StrEnum):
    RECEIVED = "received"  # 已登记（待审查）
    NEED_CORRECTION = "need_correction"  # 待补正
    NOT_ACCEPTED = "not_accepted"  # 不予受理 [end]
    REDIRECTED = "redirected"  # 告知/转送 [end]
    FILED = "filed"  # 已受理立案
    INVESTIGATING = "investigating"  # 调查中
    RECTIFICATION_ORDERED = "rectification_ordered"  # 限期改正
    RECTIFIED = "rectified"  # 已改正
    NOT_RECTIFIED = "not_rectified"  # 逾期未改正
    ADMIN_DECISION = "admin_decision"  # 行政处理
    PENALTY = "penalty"  # 行政处罚
    CASE_WITHDRAWN = "case_withdrawn"  # 撤销立案
    TRANSFERRED = "transferred"  # 移送
    CLOSED = "closed"  # 已结案
    RESULT_NOTIFIED = "result_notified"  # 已告知投诉人
    ARCHIVED = "archived"  # 已归档


class DisposalMethod(StrEnum):
    ENFORCEMENT = "enforcement"  # 行政执法
    COORDINATED = "coordinated"  # 协调支付
    POLICE = "police"  # 移送公安
    OTHER = "other"  # 其他


class ClosureKind(StrEnum):
    PAID = "paid"  # 欠薪已全部支付
    NO_VIOLATION = "no_violation"  # 查无违法事实
    DECISION = "decision"  # 已作出处理/处罚决定
    TRANSFERRED = "transferred"  # 已移送
    WITHDRAWN = "withdrawn"  # 撤销立案
    OTHER = "other"  # 其他


class ActionKind(StrEnum):
    INQUIRY = "inquiry"  # 询问
    SITE_INSPECTION = "site_inspection"  # 现场检查
    RECORDS = "records"  # 调取材料
    OTHER = "other"


class ReviewOpinion(StrEnum):
    AGREE = "agree"  # 同意
    AMEND = "amend"  # 修改
    RETURN = "return"  # 退回补充调查


class Complaint(TravellingRecord, Base):
    __tablename__ = "complaint"
    __audited__ = True

    number: Mapped[str] = mapped_column(String(100), unique=True)  # 登记号 (complaint pattern)
    case_no: Mapped[str | None] = mapped_column(String(100), unique=True)  # 立案号 (inspection_case)
    kind: Mapped[str] = mapped_column(String(16), default=ComplaintKind.COMPLAINT.value)
    channel: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime]  # UTC
    received_on: Mapped[date]  # the Shanghai calendar day of received_at: statistics count by it
    received_by: Mapped[str] = mapped_column(String(100), default="")  # the clerk's user name
    complainant_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), index=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("construction_project.id"), index=True)
    matters: Mapped[str] = mapped_column(Text, default="")  # 投诉事项
    requests: Mapped[str] = mapped_column(Text, default="")  # 请求
    evidence: Mapped[str] = mapped_column(Text, default="")  # 证据材料清单
    status: Mapped[str] = mapped_column(String(24), default=ComplaintStatus.RECEIVED.value)
    # decision on acceptance
    decided_on: Mapped[date | None]
    decision_ground: Mapped[str | None] = mapped_column(Text)  # 不予受理/告知 ground
    redirected_to: Mapped[str | None] = mapped_column(String(200))
    filed_on: Mapped[date | None]  # 立案 (= acceptance day, 若干规定 art 18)
    # investigation
    extension_days: Mapped[int] = mapped_column(Integer, default=0)  # I2 approved extension (WD)
    extension_approved_by: Mapped[str | None] = mapped_column(String(100))
    disposal_method: Mapped[str | None] = mapped_column(String(16))
    responsible_department: Mapped[str | None] = mapped_column(String(200))
    rectification_no: Mapped[str | None] = mapped_column(String(100), unique=True)
    rectification_ordered_on: Mapped[date | None]
    rectification_due: Mapped[date | None]  # officer-set (I9)
    decision_kind: Mapped[str | None] = mapped_column(String(16))  # admin_decision | penalty
    decision_no: Mapped[str | None] = mapped_column(String(100), unique=True)
    decision_issued_on: Mapped[date | None]
    # what the decision says (migration 0008; NULL on older rows and until a decision is issued)
    decision_facts: Mapped[str | None] = mapped_column(Text)  # 违法事实（及证据）
    decision_basis: Mapped[str | None] = mapped_column(Text)  # 处理/处罚依据
    decision_order: Mapped[str | None] = mapped_column(Text)  # 责令事项 (处理决定) / 其他处罚内容
    ordered_fen: Mapped[int | None] = mapped_column(BigInteger)  # 责令支付金额 (行政处理决定), fen
    fine_fen: Mapped[int | None] = mapped_column(BigInteger)  # 罚款金额 (行政处罚决定), fen
    publish_required: Mapped[bool] = mapped_column(Boolean, default=False)
    published_on: Mapped[date | None]
    # closure
    closed_on: Mapped[date | None]
    closure_kind: Mapped[str | None] = mapped_column(String(16))
    close_reason: Mapped[str | None] = mapped_column(Text)
    # derived deadlines (engine output, kept for SQL filters), and the calendar they used
    decision_due: Mapped[date | None]
    investigation_due: Mapped[date | None]
    deadline_calendar: Mapped[str | None] = mapped_column(String(64))

    complainant: Mapped[Party | None] = relationship(lazy="raise_on_sql")
    employers: Mapped[list[ComplaintEmployer]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan", lazy="selectin", order_by="ComplaintEmployer.id"
    )
    workers: Mapped[list[ComplaintWorker]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan", lazy="selectin", order_by="ComplaintWorker.id"
    )

    __table_args__ = (
        Index("ix_complaint_received_on_id", "received_on", "id"),
        Index("ix_complaint_status_received_on_id", "status", "received_on", "id"),
        Index("ix_complaint_channel_received_on_id", "channel", "received_on", "id"),
    )


class ComplaintEmployer(TravellingRecord, Base):
    __tablename__ = "complaint_employer"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(24), default=EmployerRole.EMPLOYER.value)

    complaint: Mapped[Complaint] = relationship(back_populates="employers")
    party: Mapped[Party] = relationship(lazy="raise_on_sql")

    __table_args__ = (UniqueConstraint("complaint_id", "party_id"),)


class ComplaintWorker(TravellingRecord, Base):
    """A worker concerned by the complaint and what is owed to them (the ledger row)."""

    __tablename__ = "complaint_worker"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    owed_fen: Mapped[int] = mapped_column(BigInteger)

    complaint: Mapped[Complaint] = relationship(back_populates="workers")
    party: Mapped[Party] = relationship(lazy="raise_on_sql")

    __table_args__ = (UniqueConstraint("complaint_id", "party_id"),)


class ComplaintOfficer(TravellingRecord, Base):
    __tablename__ = "complaint_officer"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    lead: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_on: Mapped[date]

    __table_args__ = (UniqueConstraint("complaint_id", "officer_id"),)


class ComplaintEvent(TravellingRecord, Base):
    """One step of the case: a state transition or an investigative action, dated, with who did it."""

    __tablename__ = "complaint_event"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    occurred_on: Mapped[date]
    action: Mapped[str] = mapped_column(String(32))  # transition name or ActionKind
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(100))  # user name of whoever recorded it
    officers: Mapped[str] = mapped_column(String(300), default="")  # names of the officers who acted
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_complaint_event_complaint_date", "complaint_id", "occurred_on", "id"),)


class PaymentInstalment(TravellingRecord, Base):
    """One line of the payment plan (一案一策): pay this worker this much by this date."""

    __tablename__ = "payment_instalment"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("complaint_worker.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date]
    amount_fen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_payment_instalment_due_on", "due_on", "worker_id"),)


class WagePayment(TravellingRecord, Base):
    """Wages actually paid to a worker: the only source of 'recovered'."""

    __tablename__ = "wage_payment"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("complaint_worker.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date]
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(50), default="")  # 现金/银行转账/代发
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_wage_payment_paid_on", "paid_on", "worker_id"),)


class LegalReview(TravellingRecord, Base):
    """法制审核 of a major enforcement decision (三项制度)."""

    __tablename__ = "complaint_legal_review"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    decision_kind: Mapped[str] = mapped_column(String(16))  # admin_decision | penalty
    opinion: Mapped[str] = mapped_column(String(16))
    reviewed_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text, default="")


class EvidenceFile(TravellingRecord, Base):
    """A scan, photo or recording attached to the case, stored in the data folder by its SHA-256."""

    __tablename__ = "complaint_evidence"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text, default="")
    added_on: Mapped[date]


class ProcedureStep(StrEnum):
    """The steps before a 行政处罚决定 / 行政处理决定 (行政处罚法 arts 44–45, 57 ¶2, 62–65;
    若干规定 art 34 for a 行政处理决定)."""

    PRIOR_NOTICE = "prior_notice"  # 事先告知书 (+ 听证告知)
    STATEMENT = "statement"  # 陈述申辩: given, or waived in writing
    HEARING_REQUEST = "hearing_request"  # 要求听证, or 书面放弃听证
    HEARING_NOTICE = "hearing_notice"  # 听证通知书: date and place of the hearing
    HEARING = "hearing"  # 听证 held: by whom, 听证笔录
    COLLECTIVE_DISCUSSION = "collective_discussion"  # 负责人集体讨论记录


class ServiceMethod(StrEnum):
    """送达方式 (民事诉讼法 arts 87–95, applied by 行政处罚法 art 61)."""

    DIRECT = "direct"  # 直接送达
    LEFT = "left"  # 留置送达
    POST = "post"  # 邮寄送达
    ENTRUSTED = "entrusted"  # 委托送达
    ELECTRONIC = "electronic"  # 电子送达 (with the party's written consent, 行政处罚法 art 61 ¶2)
    PUBLIC_NOTICE = "public_notice"  # 公告送达


class ComplaintProcedureStep(TravellingRecord, Base):
    """One dated step of the procedure before a decision (see ``ProcedureStep``)."""

    __tablename__ = "complaint_procedure_step"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    decision_kind: Mapped[str] = mapped_column(String(16))  # admin_decision | penalty
    step: Mapped[str] = mapped_column(String(24))
    occurred_on: Mapped[date]
    number: Mapped[str | None] = mapped_column(String(100), unique=True)  # the notice's document number
    content: Mapped[str] = mapped_column(Text, default="")  # intended measure / statement / record / conclusion
    intended_fine_fen: Mapped[int | None] = mapped_column(BigInteger)  # notice: the fine it announces
    hearing_offered: Mapped[bool | None] = mapped_column(Boolean)  # notice: 听证告知 included
    complex_case: Mapped[bool | None] = mapped_column(Boolean)  # notice: 情节复杂或者重大 (art 57 ¶2)
    waived: Mapped[bool | None] = mapped_column(Boolean)  # statement / hearing request: waived in writing
    persons: Mapped[str] = mapped_column(String(300), default="")  # hearing host and clerk / who discussed
    scheduled_on: Mapped[date | None]  # hearing notice: the hearing's date
    place: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (Index("ix_complaint_procedure_step_case", "complaint_id", "occurred_on", "id"),)


class ServiceRecord(TravellingRecord, Base):
    """送达回证: a document of the case served on its addressee."""

    __tablename__ = "complaint_service_record"
    __audited__ = True

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    document: Mapped[str] = mapped_column(String(32))  # a key of complaint_documents.SERVED_DOCUMENTS
    document_no: Mapped[str] = mapped_column(String(100), default="")
    method: Mapped[str] = mapped_column(String(16))
    served_on: Mapped[date]
    recipient: Mapped[str] = mapped_column(String(200))
    signed: Mapped[bool] = mapped_column(Boolean, default=True)  # the recipient signed the 送达回证
    note: Mapped[str] = mapped_column(Text, default="")  # reason for no signature (refusal, 留置 witnesses …)
    server: Mapped[str] = mapped_column(String(200), default="")  # who served it

    __table_args__ = (Index("ix_complaint_service_record_case", "complaint_id", "document", "served_on"),)
