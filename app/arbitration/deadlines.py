"""Every deadline of an arbitration case, derived from its events (DOMAIN A1, B §2.1).

Nothing here is typed in by hand: `derive` reads the case's milestone dates,
events, hearings and service records and returns each time limit that
follows from them, with the engine's `Deadline` (rule, basis, start, excluded
days, extension, calendar and rule versions, a Chinese explanation) and its
state: open, met (with the date), paused (awaiting 补正, or suspended) or void
(the case ended before it mattered).  A pure function: the case page calls
it on every view, the service calls it after every event to refresh the
cache Today's desk reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.clock import bureau_today
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES, Deadline, RuleTable, award_due, due
from app.legal.rule_names import rule_name

# Today at the bureau, whatever the machine's clock zone (the deadlines are Chinese days).
shanghai_today = bureau_today


class DeadlineState(StrEnum):
    OPEN = "open"
    MET = "met"
    PAUSED = "paused"
    VOID = "void"


class Owner(StrEnum):
    INSTITUTE = "institute"  # the arbitration institute must act: shown on Today's desk
    PARTY = "party"  # a party's period (answer, suing): shown on the case page only


STATE_ZH = {
    DeadlineState.OPEN: "进行中",
    DeadlineState.MET: "已完成",
    DeadlineState.PAUSED: "暂停计算",
    DeadlineState.VOID: "不再适用",
}


@dataclass(frozen=True)
class EventFact:
    kind: str
    on: date
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HearingFact:
    id: int
    held_on: date
    status: str
    notice_served_on: date | None


@dataclass(frozen=True)
class ServiceFact:
    document: str
    party_id: int
    served_on: date
    notice_days: int = 0


@dataclass(frozen=True)
class CaseFacts:
    status: str
    received_on: date
    accepted_on: date | None
    decided_on: date | None
    closed_on: date | None
    extension_days: int
    respondent_ids: tuple[int, ...]
    events: tuple[EventFact, ...]
    hearings: tuple[HearingFact, ...] = ()
    services: tuple[ServiceFact, ...] = ()
    any_non_final: bool = True  # the award has at least one non-final item


@dataclass(frozen=True)
class CaseDeadline:
    key: str
    rule_id: str
    label: str  # Chinese, what must happen
    owner: Owner
    state: DeadlineState
    deadline: Deadline
    met_on: date | None = None
    note: str = ""
    label_en: str = ""  # what must happen, in English
    note_en: str = ""

    @property
    def due(self) -> date:
        return self.deadline.due

    def name(self, language: str) -> str:
        """What must happen, as the clerk reads it (the rule id only in `how_computed`)."""
        return self.label_en if language == "en" and self.label_en else self.label

    def how_computed(self, language: str = "zh_CN") -> str:
        """The full account the case page shows (rule, basis, explanation, versions).  The
        basis cites the laws by their Chinese titles in either language."""
        d = self.deadline
        if language == "en":
            text = f"{self.rule_id} {self.name(language)}: {d.explained(language)} Basis: {d.basis}."
            text += f" (rules version {d.rule_version}, calendar version {d.calendar_version})"
            if self.note_en or self.note:
                text += " " + (self.note_en or self.note)
            return text
        text = f"{self.rule_id} {self.label}：{d.explanation} 依据：{d.basis}。"
        text += f"（规则版本{d.rule_version}，日历版本{d.calendar_version}）"
        if self.note:
            text += self.note
        return text


ENDED = {"not_accepted", "not_competent", "withdrawn_before_acceptance", "closed"}
RESTART_ZH = {"add_party": "追加当事人", "change_claims": "增加或变更仲裁请求", "join_counterclaim": "反申请合并审理"}
RESTART_EN = {"add_party": "a party added", "change_claims": "claims added or changed",
              "join_counterclaim": "a counterclaim joined"}
RESTART_EVENTS = set(RESTART_ZH)
STATE_EN = {
    DeadlineState.OPEN: "running",
    DeadlineState.MET: "met",
    DeadlineState.PAUSED: "paused",
    DeadlineState.VOID: "no longer applies",
}


def state_label(state: DeadlineState, language: str) -> str:
    return STATE_EN[state] if language == "en" else STATE_ZH[state]


def derive(
    facts: CaseFacts,
    *,
    calendar: LegalCalendar,
    rules: RuleTable = DEFAULT_RULES,
) -> list[CaseDeadline]:
    out: list[CaseDeadline] = []
    ended = facts.status in ENDED

    def add(key: str, rule_id: str, label: tuple[str, str], owner: Owner, deadline: Deadline,
            met_on: date | None, paused: bool = False, note: tuple[str, str] = ("", ""), void: bool = False) -> None:
        if met_on is not None:
            state = DeadlineState.MET
        elif ended or void:
            state = DeadlineState.VOID
        elif paused:
            state = DeadlineState.PAUSED
        else:
            state = DeadlineState.OPEN
        out.append(CaseDeadline(key, rule_id, label[0], owner, state, deadline, met_on, note[0],
                                label_en=label[1], note_en=note[1]))

    # A2 / A3: the decision on acceptance; a 补正 restarts the clock from the correction.
    corrections = [e.on for e in facts.events if e.kind == "correct"]
    awaiting = facts.status == "awaiting_correction"
    if corrections and corrections[-1] >= facts.received_on:
        d = due(corrections[-1], rules.get("A3"), calendar=calendar)
        add("A3", "A3", ("补正后决定是否受理", "Decide on acceptance after the correction"), Owner.INSTITUTE, d, facts.decided_on, awaiting)
    else:
        d = due(facts.received_on, rules.get("A2"), calendar=calendar)
        add("A2", "A2", ("决定受理或者不予受理", "Decide whether to accept"), Owner.INSTITUTE, d, facts.decided_on,
            awaiting, ("（待补正期间暂停）", "(paused while awaiting the correction)") if awaiting else ("", ""))
    if facts.accepted_on is None:
        return out
    accepted = facts.accepted_on
    respondents = set(facts.respondent_ids)

    # A4: the copy of the application served on every respondent.
    copies = [s for s in facts.services if s.document == "application_copy" and s.party_id in respondents]
    served_all = respondents and respondents <= {s.party_id for s in copies}
    add("A4", "A4", ("向被申请人送达仲裁申请书副本", "Serve the application on the respondent"), Owner.INSTITUTE,
        due(accepted, rules.get("A4"), calendar=calendar),
        max(s.served_on for s in copies) if served_all else None)
    # A5: each respondent's answer period from its own receipt of the copy.
    answered = [e.on for e in facts.events if e.kind == "record_answer"]
    for s in copies:
        add(f"A5#{s.party_id}", "A5", ("被申请人提交答辩书", "Respondent's defence"), Owner.PARTY,
            due(s.served_on, rules.get("A5"), calendar=calendar),
            answered[0] if answered else None)
    # A7: the tribunal notified.
    formed = [e.on for e in facts.events if e.kind == "form_tribunal"]
    add("A7", "A7", ("书面通知仲裁庭组成情况", "Notify the parties of the tribunal"), Owner.INSTITUTE,
        due(accepted, rules.get("A7"), calendar=calendar), formed[0] if formed else None)
    # A8: each scheduled hearing's notice, at least 5 days before it.
    for h in facts.hearings:
        if h.status not in ("scheduled", "held"):
            continue
        # a hearing held with no service of its notice recorded: the period is past, not met
        held_unrecorded = h.status == "held" and h.notice_served_on is None
        add(f"A8#{h.id}", "A8", (f"送达开庭通知书（{h.held_on.isoformat()}开庭）",
                                 f"Serve the hearing notice (hearing on {h.held_on.isoformat()})"), Owner.INSTITUTE,
            due(h.held_on, rules.get("A8"), calendar=calendar), h.notice_served_on,
            note=("（已开庭，未登记开庭通知书送达）", "(heard; no service of the notice recorded)")
            if held_unrecorded else ("", ""), void=held_unrecorded)
    # A9: the award, from acceptance or the latest restart, plus extension,
    # suspended days and public-notice days.
    restarts = sorted(e.on for e in facts.events if e.kind in RESTART_EVENTS and e.on >= accepted)
    suspensions: list[tuple[date, date]] = []
    open_suspension: date | None = None
    for e in facts.events:
        if e.kind == "suspend":
            open_suspension = e.on
        elif e.kind == "resume" and open_suspension is not None:
            suspensions.append((open_suspension, e.on))
            open_suspension = None
    notice_days = sum(s.notice_days for s in facts.services if s.notice_days)
    a9 = award_due(
        accepted,
        extension_days=facts.extension_days,
        suspensions=suspensions,
        notice_days=notice_days,
        restarts=restarts,
        calendar=calendar,
        rule=rules.get("A9"),
    )
    note = note_en = ""
    if restarts:
        kinds = {e.kind for e in facts.events if e.kind in RESTART_EVENTS and e.on == restarts[-1]}
        why = "、".join(RESTART_ZH[k] for k in sorted(kinds))
        note += f"（受理日{accepted.isoformat()}；因{why}自{restarts[-1].isoformat()}重新计算审理期限）"
        note_en += (f"(accepted {accepted.isoformat()}; counted again from {restarts[-1].isoformat()}: "
                    f"{', '.join(RESTART_EN[k] for k in sorted(kinds))})")
    if open_suspension:
        note += f"（自{open_suspension.isoformat()}起中止审理，恢复后重新计算）"
        note_en += f"(suspended since {open_suspension.isoformat()}; counted again on resumption)"
    add("A9", "A9", ("作出仲裁裁决（结案）", "Make the award (close the case)"), Owner.INSTITUTE, a9, facts.closed_on,
        open_suspension is not None, (note, note_en))
    # A12/A13: the parties' remedy window from each one's receipt of the award.
    for s in facts.services:
        if s.document != "award":
            continue
        rule_id = "A13" if facts.any_non_final else ("A12a" if s.party_id in respondents else "A12")
        rule = rules.get(rule_id)
        out.append(CaseDeadline(f"{rule_id}#{s.party_id}", rule_id, rule.description, Owner.PARTY,
                                DeadlineState.OPEN, due(s.served_on, rule, calendar=calendar),
                                label_en=rule_name(rule, "en")))
    return out


def open_institute_deadlines(deadlines: Sequence[CaseDeadline]) -> list[CaseDeadline]:
    """What Today's desk watches: the institute's own open periods."""
    return [d for d in deadlines if d.owner is Owner.INSTITUTE and d.state is DeadlineState.OPEN]
