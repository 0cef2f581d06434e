"""What the docket's callers hand in (claims, award items) and get back (rows, parts of a case,
the year's figures): frozen records, no behaviour beyond sums.  The case itself (`CaseView`)
and its timeline steps are in app/arbitration/service.py, beside the life cycle whose words
they use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import NotRequired, TypedDict


@dataclass(frozen=True)
class ClaimInput:
    category: str
    amount_fen: int
    description: str = ""
    period_from: date | None = None
    period_to: date | None = None


class Application(TypedDict):
    """What an arbitration application states: `ArbitrationCaseService.receive` takes it, and
    `create_received_case` records it (its defaults: no cause or facts, the ordinary procedure,
    not collective)."""

    applicants: Sequence[int]
    respondents: Sequence[int]
    claims: Sequence[ClaimInput]
    received_on: date
    cause: NotRequired[str]
    facts: NotRequired[str]
    procedure: NotRequired[str]
    collective: NotRequired[bool]


@dataclass(frozen=True)
class AwardItem:
    claim_id: int
    awarded_fen: int
    result: str


@dataclass(frozen=True)
class DocketRow:
    id: int
    version: int
    case_no: str
    status: str
    procedure: str
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    closure_method: str | None
    applicants: str
    respondents: str
    claimed_fen: int
    next_due: date | None
    chief_arbitrator: str = ""


@dataclass(frozen=True)
class PartyView:
    party_id: int
    name: str
    role: str
    kind: str
    added_on: date | None


@dataclass(frozen=True)
class ClaimView:
    id: int
    position: int
    category: str
    description: str
    period_from: date | None
    period_to: date | None
    amount_claimed_fen: int
    original_amount_fen: int | None
    amount_awarded_fen: int | None
    amount_mediated_fen: int | None
    result: str | None
    final: bool | None
    withdrawn: bool


@dataclass(frozen=True)
class HearingView:
    id: int
    held_on: date
    starts_at: time
    ends_at: time
    room: str
    status: str
    notice_served_on: date | None
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class ServiceView:
    id: int
    document: str
    party_id: int
    party_name: str
    method: str
    served_on: date
    notice_days: int


@dataclass(frozen=True)
class DecisionCounts:
    """What was received, decided and closed in a period, each by its own date: the figures the
    yearly counts (YearCounts) and any period's (app.reports.periods.ArbitrationPeriod) share."""

    received: int
    accepted: int
    not_accepted: int
    not_competent: int
    withdrawn_before_decision: int
    closed_by: dict[str, int]


@dataclass(frozen=True)
class YearCounts(DecisionCounts):
    """The yearly report's arbitration figures (DOMAIN A3, B §5.2), each by its own date."""

    pending_at_year_end: int
    amount_in_dispute_fen: int
    pending_at_year_start: int = 0  # B
    received_under_review_at_year_end: int = 0  # received in the year, still awaiting a decision (or 补正)
    decided_from_earlier_years: int = 0  # decisions in the year on applications received before it

    @property
    def closed(self) -> int:
        return sum(self.closed_by.values())

    @property
    def stock_and_flow_holds(self) -> bool:
        """B + A = C + E (DOMAIN B §5.2)."""
        return self.pending_at_year_start + self.accepted == self.closed + self.pending_at_year_end

    @property
    def receipts_reconcile(self) -> bool:
        """R = A + N + J + W₀ + ΔP, counting the decisions on this year's receipts
        (ΔP: this year's applications still under review at year end, less the
        decisions taken this year on earlier years' applications)."""
        decided = self.accepted + self.not_accepted + self.not_competent + self.withdrawn_before_decision
        return self.received == decided - self.decided_from_earlier_years + self.received_under_review_at_year_end
