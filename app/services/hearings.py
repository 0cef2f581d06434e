"""The hearing calendar: a week of hearings by room and arbitrator, and the
rule that no room and no arbitrator is booked twice at the same time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models.arbitration import (
    ArbitrationCase,
    ArbitrationHearing,
    ArbitrationHearingMember,
    HearingStatus,
)
from app.models.user import User
from app.services.actor import Actor
from app.services.permissions import Permission
from app.store.engine import Store
from app.store.locks import serialise_on

ACTIVE = (HearingStatus.SCHEDULED.value,)


def _hm(t: time) -> str:
    return t.strftime("%H:%M")


def parse_hm(text: str) -> time:
    return time.fromisoformat(text)


def check_free(
    session: Session,
    held_on: date,
    starts_at: time,
    ends_at: time,
    room: str,
    member_ids: Iterable[int],
    *,
    exclude_hearing_id: int | None = None,
) -> None:
    """Refuse a booking that overlaps another scheduled hearing in the same
    room or with one of the same people (UserError hearing.room_taken /
    hearing.member_taken)."""
    if not room.strip():
        raise UserError("hearing.room_required", field="room")
    if ends_at <= starts_at:
        raise UserError("hearing.time_order", field="ends_at")
    members = sorted(set(member_ids))
    # Two desks booking at the same moment: both take the locks of the room and the
    # people on that day before looking, so the second sees the first's booking.
    serialise_on(session, [f"hearing-room:{held_on}:{room.strip()}",
                           *(f"hearing-member:{held_on}:{m}" for m in members)])
    start_text, end_text = _hm(starts_at), _hm(ends_at)
    overlapping = (
        (ArbitrationHearing.held_on == held_on)
        & (ArbitrationHearing.status.in_(ACTIVE))
        & (ArbitrationHearing.starts_at < end_text)
        & (ArbitrationHearing.ends_at > start_text)
    )
    if exclude_hearing_id is not None:
        overlapping &= ArbitrationHearing.id != exclude_hearing_id
    clash = session.execute(
        select(ArbitrationHearing, ArbitrationCase.case_no)
        .join(ArbitrationCase, ArbitrationCase.id == ArbitrationHearing.case_id)
        .where(overlapping, ArbitrationHearing.room == room.strip())
        .limit(1)
    ).first()
    if clash is not None:
        h, case_no = clash
        raise UserError("hearing.room_taken", field="room", room=room.strip(), date=held_on.isoformat(),
                        start=h.starts_at, end=h.ends_at, case_no=case_no or "")
    if not members:
        return
    clash = session.execute(
        select(ArbitrationHearing, ArbitrationCase.case_no, User.display_name)
        .join(ArbitrationHearingMember, ArbitrationHearingMember.hearing_id == ArbitrationHearing.id)
        .join(ArbitrationCase, ArbitrationCase.id == ArbitrationHearing.case_id)
        .join(User, User.id == ArbitrationHearingMember.user_id)
        .where(
            ArbitrationHearingMember.held_on == held_on,
            ArbitrationHearingMember.user_id.in_(members),
            overlapping,
        )
        .limit(1)
    ).first()
    if clash is not None:
        h, case_no, name = clash
        raise UserError("hearing.member_taken", field="members", name=name, date=held_on.isoformat(),
                        start=h.starts_at, end=h.ends_at, case_no=case_no or "")


@dataclass(frozen=True)
class HearingSlot:
    hearing_id: int
    case_id: int
    case_no: str
    held_on: date
    starts_at: time
    ends_at: time
    room: str
    status: str
    members: tuple[str, ...]
    member_ids: tuple[int, ...]

    @property
    def time_text(self) -> str:
        return f"{_hm(self.starts_at)}—{_hm(self.ends_at)}"


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


class HearingCalendar:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def week(self, any_day: date, *, room: str | None = None, member_id: int | None = None) -> list[HearingSlot]:
        """The scheduled and held hearings of the week (Monday–Sunday) holding `any_day`."""
        self.actor.require(Permission.ARBITRATION_VIEW)
        first = monday_of(any_day)
        last = first + timedelta(days=6)
        statement = (
            select(ArbitrationHearing, ArbitrationCase.case_no)
            .join(ArbitrationCase, ArbitrationCase.id == ArbitrationHearing.case_id)
            .where(
                ArbitrationHearing.held_on.between(first, last),
                ArbitrationHearing.status.in_((HearingStatus.SCHEDULED.value, HearingStatus.HELD.value)),
            )
            .order_by(ArbitrationHearing.held_on, ArbitrationHearing.starts_at, ArbitrationHearing.room)
        )
        if room:
            statement = statement.where(ArbitrationHearing.room == room)
        if member_id is not None:
            statement = statement.where(
                ArbitrationHearing.id.in_(
                    select(ArbitrationHearingMember.hearing_id).where(ArbitrationHearingMember.user_id == member_id)
                )
            )
        with self.store.read() as session:
            rows = session.execute(statement).all()
            ids = [h.id for h, _ in rows]
            names: dict[int, list[tuple[int, str]]] = {}
            if ids:
                for hid, uid, name in session.execute(
                    select(ArbitrationHearingMember.hearing_id, User.id, User.display_name)
                    .join(User, User.id == ArbitrationHearingMember.user_id)
                    .where(ArbitrationHearingMember.hearing_id.in_(ids))
                    .order_by(ArbitrationHearingMember.id)
                ):
                    names.setdefault(hid, []).append((uid, name))
            return [
                HearingSlot(
                    hearing_id=h.id,
                    case_id=h.case_id,
                    case_no=case_no or "",
                    held_on=h.held_on,
                    starts_at=parse_hm(h.starts_at),
                    ends_at=parse_hm(h.ends_at),
                    room=h.room,
                    status=h.status,
                    members=tuple(n for _, n in names.get(h.id, [])),
                    member_ids=tuple(u for u, _ in names.get(h.id, [])),
                )
                for h, case_no in rows
            ]
