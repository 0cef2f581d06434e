"""Enforcement staff (执法人员) and their certificates (DOMAIN B §7)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.privacy import Sensitive
from app.sorting import name_sort_key
from app.store.base import Base, TravellingRecord


class StaffingType(StrEnum):
    CIVIL_SERVANT = "civil_servant"  # 行政编制
    MANAGED_AS_CIVIL_SERVANT = "managed_as_civil_servant"  # 参公
    INSTITUTION = "institution"  # 事业编制
    OTHER = "other"


class CertificateType(StrEnum):
    ADMIN_ENFORCEMENT = "admin_enforcement"  # 行政执法证
    LABOUR_INSPECTION = "labour_inspection"  # 劳动保障监察证
    SUPERVISION = "supervision"  # 执法监督证


class CertificateStatus(StrEnum):
    """The stored status.  Expiry is not stored: it follows from the date."""

    VALID = "valid"  # 有效
    SUSPENDED = "suspended"  # 暂扣
    CANCELLED = "cancelled"  # 注销
    WITHDRAWN = "withdrawn"  # 收回


class Officer(TravellingRecord, Base):
    __tablename__ = "officer"
    __audited__ = True
    __sensitive__ = {"id_no": Sensitive.ID_NO}
    __audit_derived__ = frozenset({"name_sort"})

    name: Mapped[str] = mapped_column(String(50))
    # The pinyin of the name (app.sorting): the roster sorts as the parties register does.
    name_sort: Mapped[str] = mapped_column(String(400), default="", server_default="")
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None]
    id_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    section: Mapped[str] = mapped_column(String(100), default="")
    post: Mapped[str] = mapped_column(String(100), default="")  # 职务/职级
    staffing_type: Mapped[str] = mapped_column(String(32), default=StaffingType.CIVIL_SERVANT.value)
    has_legal_qualification: Mapped[bool] = mapped_column(Boolean, default=False)  # 法律职业资格
    legal_qualification_no: Mapped[str | None] = mapped_column(String(64))
    on_roster: Mapped[bool] = mapped_column(Boolean, default=True)  # False: left the bureau

    certificates: Mapped[list[Certificate]] = relationship(
        back_populates="officer", order_by="Certificate.expiry_date", lazy="selectin"
    )

    __table_args__ = (Index("ix_officer_name_sort_id", "name_sort", "id"),)

    @validates("name")
    def _keep_sort_key(self, _key: str, name: str) -> str:
        self.name_sort = name_sort_key(name or "", person=True)
        return name


class Certificate(TravellingRecord, Base):
    __tablename__ = "officer_certificate"
    __audited__ = True

    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    cert_type: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    issuing_authority: Mapped[str] = mapped_column(String(100), default="")
    issue_date: Mapped[date]
    expiry_date: Mapped[date]
    category: Mapped[str] = mapped_column(String(100), default="")  # 执法类别/区域, e.g. 劳动保障监察
    status: Mapped[str] = mapped_column(String(16), default=CertificateStatus.VALID.value)

    officer: Mapped[Officer] = relationship(back_populates="certificates")
    reviews: Mapped[list[CertificateReview]] = relationship(
        back_populates="certificate", order_by="CertificateReview.year", lazy="selectin"
    )

    __table_args__ = (Index("ix_officer_certificate_expiry", "expiry_date", "officer_id"),)


class CertificateReview(TravellingRecord, Base):
    """Annual review (年度验审/注册)."""

    __tablename__ = "certificate_review"
    __audited__ = True

    certificate_id: Mapped[int] = mapped_column(ForeignKey("officer_certificate.id"), index=True)
    year: Mapped[int]
    result: Mapped[str] = mapped_column(String(16))  # passed | failed
    reviewed_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    certificate: Mapped[Certificate] = relationship(back_populates="reviews")

    __table_args__ = (UniqueConstraint("certificate_id", "year"),)
