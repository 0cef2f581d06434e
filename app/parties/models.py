"""Parties: the workers and employers every case refers to (当事人库)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.privacy import Sensitive
from app.store.base import Base, TravellingRecord


class PartyKind(StrEnum):
    PERSON = "person"
    ORG = "org"


class IdType(StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证
    HMT_RESIDENCE = "hmt_residence"  # 港澳台居民居住证
    FOREIGN_PR = "foreign_pr"  # 外国人永久居留身份证
    PASSPORT = "passport"  # 护照
    OTHER = "other"


class OrgType(StrEnum):
    ENTERPRISE = "enterprise"  # 企业
    INDIVIDUAL_BUSINESS = "individual_business"  # 个体工商户
    PRIVATE_NON_ENTERPRISE = "private_non_enterprise"  # 民办非企业单位
    PUBLIC_INSTITUTION = "public_institution"  # 机关事业单位
    UNLICENSED = "unlicensed"  # 无营业执照或被吊销
    CONTRACTOR = "contractor"  # 个人承包经营者/包工头


class Party(TravellingRecord, Base):
    __tablename__ = "party"
    __audited__ = True
    __sensitive__ = {"id_no": Sensitive.ID_NO, "phone": Sensitive.PHONE, "address": Sensitive.ADDRESS}
    __audit_derived__ = frozenset({"name_sort"})

    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200))
    # The pinyin of the name (app.sorting): lists sort by it, as clerks expect.
    name_sort: Mapped[str] = mapped_column(String(400), default="", server_default="")
    # natural persons
    id_type: Mapped[str | None] = mapped_column(String(16))
    id_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None]
    is_migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    # organisations
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    org_type: Mapped[str | None] = mapped_column(String(32))
    legal_rep: Mapped[str | None] = mapped_column(String(100))
    # both
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        Index("ix_party_name_sort_id", "name_sort", "id"),
        Index("ix_party_kind_name_sort_id", "kind", "name_sort", "id"),
    )
