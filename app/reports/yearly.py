"""年度法治建设数据: the year's figures of the rule-of-law report (DOMAIN A3, A4, B §5.2).

`yearly_figures(store, actor, year)` gathers every figure from the areas' own
parts of the year's figures: each area that counts something declares, in its
AreaSpec, `figures=` (app/kernel/figures.py: the function computing its part for
a period, the 说明 texts and its labels), and this module iterates the area
registry; it imports no case area.  Each figure is defined once, in its area, as
a query over records by the date of its own event.  The screen, the PDF, the
Excel workbook, the JSON of `main.py report yearly` and the drill-downs
(app/reports/drilldown.py) all read this one object; the report knows where each
figure goes.

With `date_from`/`date_to` the same definitions run over that range instead of
the calendar year.

`YearlyFigures.to_json()` has stable keys (documented in the README); money
and rates are Decimal here and exact strings in JSON ("5233000.00",
"523.30", "95.45"); a rate with no denominator is null.  The parts of areas
the report does not place (a plug-in's) are listed under "other_areas", a key
present only when there is such an area.

The figures are aggregates without personal data: anyone with REPORT_VIEW
(every role, and the anonymous reader of the command line) may see them.
They are computed as a read-only reader of every area; the drill-down lists
still need the area's own permission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.accounts.actor import Actor
from app.accounts.permissions import Permission, Role
from app.errors import UserError
from app.kernel import areas
from app.kernel.figures import AreaFigures, FiguresRequest, Period
from app.kernel.progress import ProgressCallback, raise_if_cancelled
from app.legal.rates import fen_to_wan_yuan, fen_to_yuan
from app.store.engine import Store

# The areas whose parts the report places (in the overview, the sections, the JSON); their
# `figures` parts are read by these keys below.  Any other area's part is carried as it is.
PLACED_AREAS = ("complaints", "arbitration", "mediation", "sites", "staff", "training", "projects")
# The 说明 texts in the order of the report's sections (the PDF's notes, the Excel 说明 sheet).
DEFINITION_ORDER = (
    "complaints_received", "workers_recovered", "wages_recovered", "projects_active", "project_compliance_rate",
    "arbitration_received", "arbitration_accepted", "arbitration_not_accepted", "arbitration_amount",
    "arbitration_closed", "arbitration_pending", "mediation_online", "certified_staff", "study_sessions",
    "exam_rates", "reconciliation_received", "reconciliation_stock",
)
# The award and arbitral mediation closures: "裁决和调解结案".
AWARD, MEDIATION = "award", "mediation"


@dataclass(frozen=True)
class Reconciliation:
    """A checked relation between figures: left == right, or the difference shown."""

    name: str
    formula: str
    left: int
    right: int
    terms: dict[str, int]

    @property
    def holds(self) -> bool:
        return self.left == self.right

    @property
    def difference(self) -> int:
        return self.left - self.right

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "formula": self.formula, "left": self.left, "right": self.right,
                "holds": self.holds, "difference": self.difference, "terms": dict(self.terms)}


@dataclass(frozen=True)
class ProjectLine:
    """One project's standing in the report (its latest check in the period)."""

    project_id: int
    name: str
    under_way: bool
    on_platform: bool
    in_force: int
    applicable: int
    item_rate: Decimal | None
    checked_on: date | None


@dataclass(frozen=True)
class YearlyFigures:
    year: int
    first: date
    last: date
    organisation: str
    # inspection
    complaints_received: int
    workers_recovered: int
    wages_recovered_fen: int
    # projects
    projects_active: int
    projects_on_platform: int
    project_items_in_force: int
    project_items_applicable: int
    project_compliance_rate: Decimal | None
    projects_compliant: int
    projects_rated: int
    project_rate: Decimal | None
    projects: tuple[ProjectLine, ...]
    # arbitration
    arbitration_received: int
    arbitration_accepted: int
    arbitration_not_accepted: int
    arbitration_not_competent: int
    arbitration_withdrawn_before_decision: int
    arbitration_under_review_start: int
    arbitration_under_review_end: int
    arbitration_pending_start: int
    arbitration_pending: int
    arbitration_closed_by: dict[str, int]
    arbitration_amount_fen: int
    # mediation (互联网+调解 channel; all channels beside it)
    mediation_online_handled: int
    mediation_online_successful: int
    mediation_handled: int
    mediation_successful: int
    mediation_outcomes: dict[str, int]
    # staff and training
    certified_staff: int
    study_sessions: dict[str, int]
    study_sessions_rule_of_law: dict[str, int]
    exam_required: int
    exam_attended: int
    exam_passed: int
    exam_participation_rate: Decimal | None
    exam_pass_rate: Decimal | None
    exam_pass_basis: str
    # per month (the charts and the Excel sheets): key -> one value per month of the period
    months: tuple[tuple[int, int], ...] = ()
    monthly: dict[str, list[int]] = field(default_factory=dict)
    # mediation closed in the period per site the case came from (app/sites); empty when not a site
    mediation_by_site: tuple[Any, ...] = ()
    # gathered from the areas with the figures: figure key -> 说明 text (in DEFINITION_ORDER, then any
    # other area's), label name -> {value: Chinese label} ("closure", "outcome", "session_kind")
    definitions: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # the parts of areas the report does not place (a plug-in's), by area key, as the area gave them
    other_areas: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    # ------------------------------------------------------------ derived
    @property
    def wages_recovered_yuan(self) -> Decimal:
        return fen_to_yuan(self.wages_recovered_fen)

    @property
    def wages_recovered_wan_yuan(self) -> Decimal:
        return fen_to_wan_yuan(self.wages_recovered_fen)

    @property
    def arbitration_amount_wan_yuan(self) -> Decimal:
        return fen_to_wan_yuan(self.arbitration_amount_fen)

    @property
    def arbitration_closed(self) -> int:
        return sum(self.arbitration_closed_by.values())

    @property
    def arbitration_closed_award_or_mediation(self) -> int:
        return self.arbitration_closed_by.get(AWARD, 0) + self.arbitration_closed_by.get(MEDIATION, 0)

    @property
    def arbitration_under_review_change(self) -> int:
        return self.arbitration_under_review_end - self.arbitration_under_review_start

    @property
    def reconciliations(self) -> tuple[Reconciliation, ...]:
        received = Reconciliation(
            "received", "R = A + N + (J + W0 + ΔP)", self.arbitration_received,
            self.arbitration_accepted + self.arbitration_not_accepted + self.arbitration_not_competent
            + self.arbitration_withdrawn_before_decision + self.arbitration_under_review_change,
            {"R": self.arbitration_received, "A": self.arbitration_accepted, "N": self.arbitration_not_accepted,
             "J": self.arbitration_not_competent, "W0": self.arbitration_withdrawn_before_decision,
             "ΔP": self.arbitration_under_review_change},
        )
        stock = Reconciliation(
            "stock", "B + A = C + E", self.arbitration_pending_start + self.arbitration_accepted,
            self.arbitration_closed + self.arbitration_pending,
            {"B": self.arbitration_pending_start, "A": self.arbitration_accepted, "C": self.arbitration_closed,
             "E": self.arbitration_pending},
        )
        return (received, stock)

    @property
    def is_calendar_year(self) -> bool:
        return Period(self.first, self.last).is_calendar_year

    def to_json(self) -> dict[str, Any]:
        """The stable keys (README): ints, exact decimal strings, null for a rate without denominator."""

        def rate(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return {
            "year": self.year,
            "date_from": self.first.isoformat(),
            "date_to": self.last.isoformat(),
            "complaints_received": self.complaints_received,
            "workers_recovered": self.workers_recovered,
            "wages_recovered_yuan": str(self.wages_recovered_yuan),
            "wages_recovered_wan_yuan": str(self.wages_recovered_wan_yuan),
            "projects_active": self.projects_active,
            "projects_on_platform": self.projects_on_platform,
            "project_compliance_rate": rate(self.project_compliance_rate),
            "project_rate": rate(self.project_rate),
            "arbitration_received": self.arbitration_received,
            "arbitration_accepted": self.arbitration_accepted,
            "arbitration_not_accepted": self.arbitration_not_accepted,
            "arbitration_amount_wan_yuan": str(self.arbitration_amount_wan_yuan),
            "arbitration_closed_award_or_mediation": self.arbitration_closed_award_or_mediation,
            "arbitration_closed": self.arbitration_closed,
            "arbitration_closed_by": {m: self.arbitration_closed_by.get(m, 0) for m in self.closure_order},
            "arbitration_pending": self.arbitration_pending,
            "mediation_online_handled": self.mediation_online_handled,
            "mediation_online_successful": self.mediation_online_successful,
            "certified_staff": self.certified_staff,
            "study_sessions": dict(self.study_sessions),
            "study_sessions_rule_of_law": dict(self.study_sessions_rule_of_law),
            "exam_participation_rate": rate(self.exam_participation_rate),
            "exam_pass_rate": rate(self.exam_pass_rate),
            "reconciliations": [r.to_json() for r in self.reconciliations],
            **({"other_areas": {key: dict(part) for key, part in self.other_areas.items()}} if self.other_areas else {}),
        }

    # ------------------------------------------------------------ the areas' labels, in their order
    @property
    def closure_order(self) -> tuple[str, ...]:
        return tuple(self.labels.get("closure", {}))

    def label(self, name: str, value: str) -> str:
        """The Chinese label of `value` among the area labels `name` (the value itself when none)."""
        return self.labels.get(name, {}).get(value, value)


def _aggregate_reader(actor: Actor) -> Actor:
    """The actor the area services see while the figures are gathered: read-only
    leadership (every area's VIEW permission, nothing else)."""
    if actor.is_setup:
        return actor
    return Actor(username=actor.username, user_id=actor.user_id, roles=frozenset({Role.LEADERSHIP.value}),
                 machine=actor.machine)


def _check_period(year: int, date_from: date | None, date_to: date | None) -> Period:
    if not 1900 <= year <= 2999:
        raise UserError("report.year_invalid", field="year", value=year)
    first = date_from or date(year, 1, 1)
    last = date_to or date(year, 12, 31)
    if first > last:
        raise UserError("report.range_invalid", field="date_to", first=first.isoformat(), last=last.isoformat())
    return Period(first, last)


def _organisation(store: Store) -> str:
    from app.kernel.settings import read_setting

    with store.read() as session:
        value = read_setting(session, "organisation") or {}
    return str(value.get("bureau", "")) if isinstance(value, dict) else str(value)


def figure_parts() -> dict[str, AreaFigures]:
    """Every area's declared part of the year's figures, by area key, in the registry's order."""
    return {spec.key: areas.load(spec.figures) for spec in areas.areas() if spec.figures}


def gathered_definitions(parts: Mapping[str, AreaFigures]) -> dict[str, str]:
    """The areas' 说明 texts: those the report places in its order, then any other area's."""
    merged: dict[str, str] = {}
    for part in parts.values():
        merged.update(part.definitions)
    placed = {key: merged.pop(key) for key in DEFINITION_ORDER if key in merged}
    return {**placed, **merged}


def yearly_figures(
    store: Store,
    actor: Actor,
    year: int,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> YearlyFigures:
    """Every figure of DOMAIN A4 for `year` (or for [date_from, date_to]), gathered from the areas."""
    actor.require(Permission.REPORT_VIEW)
    period = _check_period(year, date_from, date_to)
    request = FiguresRequest(store, _aggregate_reader(actor), year, period)
    parts = figure_parts()
    steps = len(parts) + 1

    gathered: dict[str, Mapping[str, Any]] = {}
    for n, (key, part) in enumerate(parts.items()):
        raise_if_cancelled(cancel)
        if progress:
            progress(n, steps)
        gathered[key] = part.compute(request)
    raise_if_cancelled(cancel)
    if progress:
        progress(len(parts), steps)

    monthly: dict[str, list[int]] = {}
    for key in PLACED_AREAS:
        monthly.update(gathered.get(key, {}).get("monthly", {}))
    inspection, arbitration, mediation = gathered["complaints"], gathered["arbitration"], gathered["mediation"]
    training = gathered["training"]
    arb = arbitration["counts"]
    compliance = gathered["projects"]["compliance"]
    labels: dict[str, Mapping[str, str]] = {}
    for part in parts.values():
        labels.update(part.labels)
    figures = YearlyFigures(
        year=year, first=period.first, last=period.last, organisation=_organisation(store),
        complaints_received=inspection["received"], workers_recovered=inspection["workers_helped"],
        wages_recovered_fen=inspection["wages_recovered_fen"],
        projects_active=compliance.projects_under_way, projects_on_platform=compliance.projects_on_platform,
        project_items_in_force=compliance.items_in_force, project_items_applicable=compliance.items_applicable,
        project_compliance_rate=compliance.item_rate, projects_compliant=compliance.projects_compliant,
        projects_rated=compliance.projects_rated, project_rate=compliance.project_rate,
        projects=tuple(ProjectLine(p.project_id, p.name, p.under_way, p.on_platform, p.in_force, p.applicable,
                                   p.item_rate, p.checked_on) for p in compliance.projects),
        arbitration_received=arb.received, arbitration_accepted=arb.accepted,
        arbitration_not_accepted=arb.not_accepted, arbitration_not_competent=arb.not_competent,
        arbitration_withdrawn_before_decision=arb.withdrawn_before_decision,
        arbitration_under_review_start=arbitration["under_review_start"],
        arbitration_under_review_end=arbitration["under_review_end"],
        arbitration_pending_start=arbitration["pending_start"], arbitration_pending=arb.pending_at_end,
        arbitration_closed_by=dict(arb.closed_by), arbitration_amount_fen=arb.amount_in_dispute_fen,
        mediation_online_handled=mediation["online"]["handled"],
        mediation_online_successful=mediation["online"]["successful"],
        mediation_handled=mediation["all_channels"]["handled"],
        mediation_successful=mediation["all_channels"]["successful"],
        mediation_outcomes=mediation["online_outcomes"],
        certified_staff=gathered["staff"]["certified"], study_sessions=training["sessions"],
        study_sessions_rule_of_law=training["rule_of_law"], exam_required=training["required"],
        exam_attended=training["attended"], exam_passed=training["passed"],
        exam_participation_rate=training["participation_rate"], exam_pass_rate=training["pass_rate"],
        exam_pass_basis=training["pass_basis"],
        months=tuple(period.months()), monthly=monthly,
        mediation_by_site=gathered.get("sites", {}).get("mediation_by_site", ()),
        definitions=gathered_definitions(parts), labels=labels,
        other_areas={key: part for key, part in gathered.items() if key not in PLACED_AREAS},
    )
    if progress:
        progress(steps, steps)
    return figures


__all__ = [
    "DEFINITION_ORDER",
    "ProjectLine",
    "Reconciliation",
    "YearlyFigures",
    "yearly_figures",
]
