"""The hearing calendar: a week of hearings by room and arbitrator, and the
rule that no room and no arbitrator is booked twice at the same time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationHearing,
    ArbitrationHearingMember,
    HearingStatus,
)
from app.errors import UserError
from app.store.engine import Store
from app.store.locks import serialise_on

# A held hearing took its room and its people as a scheduled one does: a new booking
# may not be put on top of it (the demo once did, and the calendar showed it).
ACTIVE = (HearingStatus.SCHEDULED.value, HearingStatus.HELD.value)
ROOMS_SETTING = "hearing_rooms"
ROOM_NAME_LIMIT = 64  # arbitration_hearing.room


def _hm(t: time) -> str:
    return t.strftime("%H:%M")


def parse_hm(text: str) -> time:
    return time.fromisoformat(text)


def check_room_registered(session: Session, room: str) -> None:
    """A hearing is held in a room of the register an administrator keeps (setting
    hearing_rooms); an empty register accepts any room."""
    from app.kernel.settings import read_setting

    rooms = [str(r) for r in read_setting(session, ROOMS_SETTING) or []]
    if rooms and room.strip() not in rooms:
        raise UserError("hearing.room_unknown", field="room", room=room.strip(), rooms="、".join(rooms))


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
    check_room_registered(session, room)
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
    member_clash = session.execute(
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
    if member_clash is not None:
        h, case_no, name = member_clash
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
        first = monday_of(any_day)
        return self.between(first, first + timedelta(days=6), room=room, member_id=member_id)

    def between(self, first: date, last: date, *, room: str | None = None,
                member_id: int | None = None) -> list[HearingSlot]:
        """The scheduled and held hearings from `first` to `last`, both included."""
        self.actor.require(Permission.ARBITRATION_VIEW)
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


def find_clashes(slots: Iterable[HearingSlot]) -> dict[int, list[HearingSlot]]:
    """Scheduled hearings that overlap another one on the same day in the same room or
    with one of the same people: hearing id → the hearings it clashes with.  The service
    refuses new clashes; this finds the ones already in the data (imported, or older)."""
    by_day: dict[date, list[HearingSlot]] = {}
    for slot in slots:
        if slot.status in ACTIVE:
            by_day.setdefault(slot.held_on, []).append(slot)
    clashes: dict[int, list[HearingSlot]] = {}
    for day_slots in by_day.values():
        for i, a in enumerate(day_slots):
            for b in day_slots[i + 1:]:
                overlap = a.starts_at < b.ends_at and b.starts_at < a.ends_at
                shared = a.room == b.room or set(a.member_ids) & set(b.member_ids)
                if overlap and shared:
                    clashes.setdefault(a.hearing_id, []).append(b)
                    clashes.setdefault(b.hearing_id, []).append(a)
    return clashes


def hearing_rooms(store: Store, actor: Actor) -> list[str]:
    from app.kernel.settings import SettingsService

    actor.require(Permission.ARBITRATION_VIEW)
    return [str(r) for r in SettingsService(store, actor).get(ROOMS_SETTING) or []]


def save_hearing_rooms(store: Store, actor: Actor, rooms: Iterable[str]) -> list[str]:
    """Replace the register of hearing rooms (administrators).  Hearings already booked
    in a room taken off the list keep it."""
    from app.kernel.settings import SettingsService

    cleaned: list[str] = []
    for room in (" ".join(r.split()) for r in rooms):
        if not room:
            continue
        if len(room) > ROOM_NAME_LIMIT:
            raise UserError("hearing_rooms.too_long", limit=ROOM_NAME_LIMIT, room=room)
        if room in cleaned:
            raise UserError("hearing_rooms.duplicate", room=room)
        cleaned.append(room)
    if not cleaned:
        raise UserError("hearing_rooms.empty")
    SettingsService(store, actor).set(ROOMS_SETTING, cleaned)
    return cleaned
