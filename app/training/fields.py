"""培训考试: checking what a clerk gives for a session, an exam and its results, and that the
people named are on the roster."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.staff.models import Officer
from app.training.figures import MAX_SESSION_HOURS, TENTH, TEXT_LIMIT, TOPIC_LIMIT, format_number
from app.training.models import SessionKind


def parse_decimal(value: Any, name: str, code: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise UserError(code, field=name, value=value) from exc
    if not number.is_finite():
        raise UserError(code, field=name, value=value)
    return number


def one_place(value: Decimal, name: str, code: str) -> Decimal:
    if value != value.quantize(TENTH):
        raise UserError(code, field=name, value=str(value))
    return value.quantize(TENTH)


def _text(fields: Mapping[str, Any], name: str, limit: int = TEXT_LIMIT) -> str:
    value = " ".join(str(fields.get(name) or "").split())
    if len(value) > limit:
        raise UserError("training.text_too_long", field=name, limit=limit)
    return value


def _held_on(fields: Mapping[str, Any]) -> date:
    value = fields.get("held_on")
    if isinstance(value, date):
        return value
    if not value:
        raise UserError("training.date_required", field="held_on")
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError("training.bad_date", field="held_on", value=value) from exc


def clean_hours(value: Any) -> Decimal:
    """学时: more than 0, at most one decimal place."""
    if value in (None, ""):
        raise UserError("training.hours_required", field="hours")
    hours = parse_decimal(value, "hours", "training.hours_invalid")
    if hours <= 0 or hours > MAX_SESSION_HOURS:
        raise UserError("training.hours_range", field="hours", value=str(hours), maximum=str(MAX_SESSION_HOURS))
    return one_place(hours, "hours", "training.hours_one_decimal")


SESSION_FIELDS = ("kind", "held_on", "topic", "organiser", "hours", "on_rule_of_law")


def clean_session(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"unknown session fields: {sorted(unknown)}")
    kind = fields.get("kind") or ""
    try:
        kind = SessionKind(kind).value
    except ValueError as exc:
        raise UserError("training.kind_unknown", field="kind", value=kind) from exc
    topic = _text(fields, "topic", TOPIC_LIMIT)
    if not topic:
        raise UserError("training.topic_required", field="topic")
    return {
        "kind": kind,
        "held_on": _held_on(fields),
        "topic": topic,
        "organiser": _text(fields, "organiser"),
        "hours": clean_hours(fields.get("hours")),
        "on_rule_of_law": bool(fields.get("on_rule_of_law")),
    }


EXAM_FIELDS = ("title", "held_on", "pass_mark", "max_score", "organiser")


def clean_exam(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EXAM_FIELDS)
    if unknown:
        raise ValueError(f"unknown exam fields: {sorted(unknown)}")
    title = _text(fields, "title", TOPIC_LIMIT)
    if not title:
        raise UserError("training.title_required", field="title")
    raw_max = fields.get("max_score")
    max_score = parse_decimal(100 if raw_max in (None, "") else raw_max, "max_score", "training.score_invalid")
    if max_score <= 0 or max_score > 1000:
        raise UserError("training.max_score_range", field="max_score", value=str(max_score))
    max_score = one_place(max_score, "max_score", "training.score_one_decimal")
    if fields.get("pass_mark") in (None, ""):
        raise UserError("training.pass_mark_required", field="pass_mark")
    pass_mark = one_place(parse_decimal(fields.get("pass_mark"), "pass_mark", "training.score_invalid"),
                           "pass_mark", "training.score_one_decimal")
    if pass_mark < 0:
        raise UserError("training.score_negative", field="pass_mark", value=str(pass_mark))
    if pass_mark > max_score:
        raise UserError("training.pass_mark_above_max", field="pass_mark", pass_mark=format_number(pass_mark),
                        max_score=format_number(max_score))
    return {
        "title": title,
        "held_on": _held_on(fields),
        "pass_mark": pass_mark,
        "max_score": max_score,
        "organiser": _text(fields, "organiser"),
    }


def clean_result(result: Mapping[str, Any], max_score: Decimal, name: str) -> dict[str, Any]:
    """One person's line: a score needs attendance and lies in 0..max; a reason only for absence."""
    attended = bool(result.get("attended"))
    required = bool(result.get("required", True))
    raw = result.get("score")
    score: Decimal | None = None
    if raw not in (None, ""):
        score = one_place(parse_decimal(raw, "score", "training.score_invalid"), "score", "training.score_one_decimal")
        if score < 0:
            raise UserError("training.score_negative", field="score", name=name, value=str(score))
        if score > max_score:
            raise UserError("training.score_above_max", field="score", name=name, score=format_number(score),
                            max_score=format_number(max_score))
        if not attended:
            raise UserError("training.score_without_attendance", field="score", name=name)
    reason = str(result.get("absence_reason") or "").strip()
    return {
        "officer_id": int(result["officer_id"]),
        "required": required,
        "attended": attended,
        "score": score,
        "absence_reason": (reason or None) if not attended else None,
    }


def unique_ids(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def check_on_roster(session: Session, officer_ids: Iterable[int]) -> None:
    """Refuse anyone who is not (or no longer) on the roster, by name."""
    ids = list(officer_ids)
    if not ids:
        return
    found = {r.id: r for r in session.execute(select(Officer.id, Officer.name, Officer.on_roster)
                                              .where(Officer.id.in_(ids)))}
    for officer_id in ids:
        row = found.get(officer_id)
        if row is None:
            raise UserError("training.attendee_unknown", field="attendees", number=officer_id)
        if not row.on_roster:
            raise UserError("training.attendee_not_on_roster", field="attendees", name=row.name)


def officer_names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r.id: r.name for r in session.execute(select(Officer.id, Officer.name).where(Officer.id.in_(ids)))}
