"""在建项目: the list's SQL — each project with its latest check's date, counts and
overdue rectifications — and what makes a project 在建 on a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import aliased

from app.parties.models import Party
from app.privacy import Sensitive, mask
from app.projects.models import (
    ComplianceCheck,
    ComplianceCheckItem,
    GuaranteeForm,
    ItemStatus,
    Project,
    ProjectStatus,
)
from app.projects.rows import ProjectRow, SubcontractorRow
from app.projects.rules import COLUMN_FIELDS

builder_alias = aliased(Party, name="builder")
contractor_alias = aliased(Party, name="contractor")


def latest_check_id(as_of: date | None = None) -> Any:
    statement = select(ComplianceCheck.id).where(ComplianceCheck.project_id == Project.id)
    if as_of is not None:
        statement = statement.where(ComplianceCheck.checked_on <= as_of)
    return (
        statement.order_by(ComplianceCheck.checked_on.desc(), ComplianceCheck.id.desc())
        .limit(1)
        .correlate(Project)
        .scalar_subquery()
    )


def _item_count(check_id: Any, *conditions: ColumnElement[bool]) -> Any:
    return (
        select(func.count(ComplianceCheckItem.id))
        .where(ComplianceCheckItem.check_id == check_id, *conditions)
        .correlate(Project)
        .scalar_subquery()
    )


def overdue_conditions(today: date) -> tuple[ColumnElement[bool], ...]:
    return (
        ComplianceCheckItem.status == ItemStatus.NOT_IN_FORCE.value,
        ComplianceCheckItem.rectify_by < today,
        ComplianceCheckItem.rectified_on.is_(None),
    )


def list_statement(today: date) -> tuple[Select[Any], Any, Any]:
    latest = latest_check_id().label("latest_check_id")
    latest_on = (
        select(ComplianceCheck.checked_on)
        .where(ComplianceCheck.id == latest_check_id())
        .correlate(Project)
        .scalar_subquery()
        .label("latest_checked_on")
    )
    check_id = latest_check_id()
    overdue = _item_count(check_id, *overdue_conditions(today)).label("overdue")
    statement = (
        select(
            *(getattr(Project, name) for name in ("id", "version", *COLUMN_FIELDS)),
            builder_alias.name.label("builder_name"),
            builder_alias.uscc.label("builder_uscc"),
            contractor_alias.name.label("contractor_name"),
            contractor_alias.uscc.label("contractor_uscc"),
            latest,
            latest_on,
            _item_count(check_id, ComplianceCheckItem.status == ItemStatus.IN_FORCE.value).label("latest_in_force"),
            _item_count(check_id, ComplianceCheckItem.status != ItemStatus.NOT_APPLICABLE.value).label(
                "latest_applicable"
            ),
            overdue,
        )
        .outerjoin(builder_alias, builder_alias.id == Project.builder_id)
        .outerjoin(contractor_alias, contractor_alias.id == Project.contractor_id)
    )
    return statement, overdue, latest_on


def row_from(values: Any, subcontractors: tuple[SubcontractorRow, ...] = ()) -> ProjectRow:
    return ProjectRow(
        id=values.id,
        version=values.version,
        name=values.name,
        location=values.location or "",
        permit_no=values.permit_no or "",
        builder_id=values.builder_id,
        builder_name=values.builder_name or "",
        builder_uscc=values.builder_uscc or "",
        contractor_id=values.contractor_id,
        contractor_name=values.contractor_name or "",
        contractor_uscc=values.contractor_uscc or "",
        contract_value_fen=values.contract_value_fen,
        start_date=values.start_date,
        planned_completion=values.planned_completion,
        completed_on=values.completed_on,
        status=values.status,
        on_realname_platform=bool(values.on_realname_platform),
        wage_manager_name=values.wage_manager_name or "",
        wage_manager_phone=mask(Sensitive.PHONE, values.wage_manager_phone),
        wage_account_bank=values.wage_account_bank or "",
        wage_account_no=mask(Sensitive.BANK_ACCOUNT, values.wage_account_no),
        guarantee_form=values.guarantee_form or GuaranteeForm.NONE.value,
        guarantee_amount_fen=values.guarantee_amount_fen,
        guarantee_date=values.guarantee_date,
        latest_check_id=values.latest_check_id,
        latest_checked_on=values.latest_checked_on,
        latest_in_force=int(values.latest_in_force or 0),
        latest_applicable=int(values.latest_applicable or 0),
        overdue=int(values.overdue or 0),
        subcontractors=subcontractors,
    )


def filtered_statement(text: str, status: str | None, overdue_only: bool, today: date) -> tuple[Select[Any], Any]:
    statement, overdue, latest_on = list_statement(today)
    for word in text.split():
        statement = statement.where(or_(*(column.contains(word, autoescape=True)
                                          for column in (Project.name, Project.location, Project.permit_no))))
    if status:
        statement = statement.where(Project.status == ProjectStatus(status).value)
    if overdue_only:
        statement = statement.where(overdue > 0)
    return statement, latest_on


def is_under_way(start_date: date | None, status: str, completed_on: date | None, as_of: date) -> bool:
    """在建 on `as_of`: started by then (or no start date given) and not completed by then.

    A halted (停工) project is not under way; a completed one was, until its
    completion date (when recorded)."""
    if start_date is not None and start_date > as_of:
        return False
    if status == ProjectStatus.ACTIVE.value:
        return True
    return status == ProjectStatus.COMPLETED.value and completed_on is not None and completed_on > as_of
