"""Allocating case and document numbers inside the caller's unit of work.

One counter per (issuing body, document type, year); a number once handed
out is never handed out again, even if the record is later voided.
"""

from __future__ import annotations

from sqlalchemy import select

from app.kernel.numbering_model import IssuedNumber, NumberCounter
from app.kernel.settings import DEFAULTS, read_setting
from app.kernel.unit_of_work import UnitOfWork
from app.store.locks import serialise_on


def allocate_number(
    uow: UnitOfWork,
    doc_type: str,
    year: int,
    *,
    body: str | None = None,
    record_table: str | None = None,
    record_id: int | None = None,
) -> str:
    """The next number, formatted with the pattern for `doc_type` (settings)."""
    session = uow.session
    if body is None:
        body = read_setting(session, "organisation")["district"]
    patterns = read_setting(session, "case_number_patterns")
    # A pattern added to the defaults later is used until the administrator's saved table names it.
    pattern = patterns.get(doc_type) or DEFAULTS["case_number_patterns"].get(doc_type)
    if pattern is None:
        raise ValueError(f"no case-number pattern for {doc_type}")
    this_counter = (
        select(NumberCounter)
        .where(NumberCounter.body == body, NumberCounter.doc_type == doc_type, NumberCounter.year == year)
        .with_for_update()
    )
    counter = session.scalar(this_counter)
    if counter is None:
        # The year's first number: two desks may both find no counter.  The one that
        # gets the lock first creates it; the other, once let through, finds it.
        serialise_on(session, [f"number-counter:{body}:{doc_type}:{year}"])
        counter = session.scalar(this_counter)
    if counter is None:
        counter = NumberCounter(body=body, doc_type=doc_type, year=year, last_value=0)
        session.add(counter)
    counter.last_value += 1
    text: str = pattern.format(body=body, district=body, year=year, n=counter.last_value)
    session.add(
        IssuedNumber(
            body=body,
            doc_type=doc_type,
            year=year,
            value=counter.last_value,
            text=text,
            record_table=record_table,
            record_id=record_id,
        )
    )
    uow.flush()
    return text


def void_number(uow: UnitOfWork, text: str, reason: str) -> None:
    """Mark a number void (the record it named was withdrawn); it is never reused."""
    issued = uow.session.scalar(select(IssuedNumber).where(IssuedNumber.text == text))
    if issued is None:
        raise ValueError(f"unknown number {text}")
    issued.void = True
    issued.void_reason = reason
