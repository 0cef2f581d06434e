"""Construction projects and the six wage-payment systems (6项制度, DOMAIN A3, B §4.4, §6)."""

from __future__ import annotations

from datetime import date
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
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.privacy import Sensitive
from app.sorting import name_sort_key
from app.store.base import Base, TravellingRecord


class ProjectStatus(StrEnum):
    ACTIVE = "active"  # 在建
    HALTED = "halted"  # 停工
    COMPLETED = "completed"  # 完工


class GuaranteeForm(StrEnum):
    DEPOSIT = "deposit"  # 工资保证金
    BANK_GUARANTEE = "bank_guarantee"  # 银行保函
    INSURANCE = "insurance"  # 工程保证保险
    NONE = "none"


class SubcontractorRole(StrEnum):
    SUBCONTRACTOR = "subcontractor"  # 分包
    LABOUR = "labour"  # 劳务分包


class ItemStatus(StrEnum):
    IN_FORCE = "in_force"  # 落实
    NOT_IN_FORCE = "not_in_force"  # 未落实
    NOT_APPLICABLE = "not_applicable"  # 不适用


# DOMAIN A3: the default list, versioned by year; an administrator may edit a year's list.
DEFAULT_COMPLIANCE_ITEMS: tuple[tuple[str, str], ...] = (
    ("real_name", "农民工实名制管理"),
    ("wage_account", "农民工工资专用账户"),
    ("paid_by_contractor", "施工总承包单位代发工资"),
    ("wage_guarantee", "农民工工资保证金"),
    ("rights_notice", "维权信息公示"),
    ("wage_manager", "劳资专管员"),
)


class Project(TravellingRecord, Base):
    __tablename__ = "construction_project"
    __audited__ = True
    __sensitive__ = {"wage_manager_phone": Sensitive.PHONE, "wage_account_no": Sensitive.BANK_ACCOUNT}
    __audit_derived__ = frozenset({"name_sort"})

    name: Mapped[str] = mapped_column(String(200))
    # The pinyin of the name (app.sorting): projects sort as the parties register does.
    name_sort: Mapped[str] = mapped_column(String(400), default="", server_default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    permit_no: Mapped[str | None] = mapped_column(String(64))  # 施工许可证号
    builder_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), index=True)  # 建设单位
    contractor_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), index=True)  # 施工总承包
    contract_value_fen: Mapped[int | None] = mapped_column(BigInteger)
    start_date: Mapped[date | None]
    planned_completion: Mapped[date | None]
    completed_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default=ProjectStatus.ACTIVE.value)
    on_realname_platform: Mapped[bool] = mapped_column(Boolean, default=True)  # 纳入实名制平台
    wage_manager_name: Mapped[str | None] = mapped_column(String(50))  # 劳资专管员
    wage_manager_phone: Mapped[str | None] = mapped_column(String(32))
    wage_account_bank: Mapped[str | None] = mapped_column(String(100))
    wage_account_no: Mapped[str | None] = mapped_column(String(64))  # masked everywhere
    guarantee_form: Mapped[str] = mapped_column(String(16), default=GuaranteeForm.NONE.value)
    guarantee_amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    guarantee_date: Mapped[date | None]

    subcontractors: Mapped[list[ProjectSubcontractor]] = relationship(
        back_populates="project", cascade="all, delete-orphan", lazy="selectin"
    )
    checks: Mapped[list[ComplianceCheck]] = relationship(
        back_populates="project", order_by="ComplianceCheck.checked_on", lazy="selectin"
    )

    __table_args__ = (Index("ix_construction_project_name_sort_id", "name_sort", "id"),)

    @validates("name")
    def _keep_sort_key(self, _key: str, name: str) -> str:
        self.name_sort = name_sort_key(name or "")
        return name


class ProjectSubcontractor(TravellingRecord, Base):
    __tablename__ = "project_subcontractor"
    __audited__ = True

    project_id: Mapped[int] = mapped_column(ForeignKey("construction_project.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default=SubcontractorRole.SUBCONTRACTOR.value)

    project: Mapped[Project] = relationship(back_populates="subcontractors")

    __table_args__ = (UniqueConstraint("project_id", "party_id"),)


class ComplianceItem(TravellingRecord, Base):
    """One item of a year's checklist."""

    __tablename__ = "compliance_item"
    __audited__ = True

    year: Mapped[int]
    code: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("year", "code"),)


class ComplianceCheck(TravellingRecord, Base):
    """A dated check of one project against that year's checklist."""

    __tablename__ = "compliance_check"
    __audited__ = True

    project_id: Mapped[int] = mapped_column(ForeignKey("construction_project.id"), index=True)
    checked_on: Mapped[date]
    inspector: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="checks")
    items: Mapped[list[ComplianceCheckItem]] = relationship(
        back_populates="check", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_compliance_check_project_date", "project_id", "checked_on"),)


class ComplianceCheckItem(TravellingRecord, Base):
    __tablename__ = "compliance_check_item"
    __audited__ = True

    check_id: Mapped[int] = mapped_column(ForeignKey("compliance_check.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    rectify_by: Mapped[date | None]  # for 未落实 items
    rectified_on: Mapped[date | None]
    evidence: Mapped[str | None] = mapped_column(Text)

    check: Mapped[ComplianceCheck] = relationship(back_populates="items")

    __table_args__ = (UniqueConstraint("check_id", "item_code"),)
