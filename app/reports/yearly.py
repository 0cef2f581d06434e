"""年度法治建设数据: the year's figures of the rule-of-law report (DOMAIN A3, A4, B §5.2).

`yearly_figures(store, actor, year)` gathers every figure from the areas' own
year functions — ComplaintService.figures, ArbitrationCaseService.year_counts,
MediationService.year_counts, StaffService.count_certified_on,
TrainingService.year_summary, ProjectService.compliance — so each figure is
defined once, as a query over records by the date of its own event.  The
screen, the PDF, the Excel workbook, the JSON of `main.py report yearly` and
the drill-downs (app/reports/drilldown.py) all read this one object.

With `date_from`/`date_to` the same definitions run over that range
(app/reports/periods.py) instead of the calendar year.

`YearlyFigures.to_json()` has stable keys (documented in the README); money
and rates are Decimal here and exact strings in JSON ("5233000.00",
"523.30", "95.45"); a rate with no denominator is null.

The figures are aggregates without personal data: anyone with REPORT_VIEW
(every role, and the anonymous reader of the command line) may see them.
They are computed as a read-only reader of every area; the drill-down lists
still need the area's own permission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.accounts.actor import Actor
from app.accounts.permissions import Permission, Role
from app.arbitration.models import ClosureMethod
from app.errors import UserError
from app.kernel.progress import ProgressCallback, raise_if_cancelled
from app.legal.rates import fen_to_wan_yuan, fen_to_yuan
from app.mediation.models import Channel
from app.reports import periods
from app.reports.periods import Period
from app.sites.figures import mediation_by_site
from app.store.engine import Store
from app.training.models import SessionKind

ONLINE = Channel.ONLINE.value
CLOSURE_ORDER = tuple(m.value for m in ClosureMethod)
CLOSURE_LABELS_ZH = {
    ClosureMethod.AWARD.value: "裁决",
    ClosureMethod.MEDIATION.value: "仲裁调解",
    ClosureMethod.WITHDRAWAL.value: "撤回",
    ClosureMethod.REVOCATION.value: "撤销案件",
    ClosureMethod.TERMINATION.value: "终止审理",
    ClosureMethod.TRANSFER.value: "移送管辖",
}
MEDIATION_OUTCOME_LABELS_ZH = {
    "agreement": "达成调解协议",
    "failure": "未达成协议",
    "withdrawal": "撤回",
    "not_accepted": "不予受理",
}
SESSION_KINDS = tuple(k.value for k in SessionKind)

# The definitions printed as footnotes (PDF), in the 说明 sheet (Excel) and as tooltips.
DEFINITIONS_ZH: dict[str, str] = {
    "complaints_received": "各渠道登记的投诉举报（含线索）件数，按登记日期统计。",
    "workers_recovered": "统计期内实际获得支付工资的劳动者人数，按身份证号去重，按支付日期统计。",
    "wages_recovered": "统计期内实际支付到位的工资金额之和（不含仅责令支付未到位的金额），按支付日期统计。",
    "projects_active": "截至统计期末在建（已开工、未停工、未完工）的工程建设项目数。",
    "project_compliance_rate": "“6项制度”综合达标率＝落实项数÷适用项数（不适用项不计），取各项目统计期内最近一次检查；"
                               "项目达标率＝全部适用项均落实的项目数÷参评项目数。",
    "arbitration_received": "统计期内收到（登记）的仲裁申请件数（R）。",
    "arbitration_accepted": "统计期内作出受理决定的件数（A），按受理日期统计。",
    "arbitration_not_accepted": "统计期内出具不予受理通知书的件数（N）。",
    "arbitration_amount": "统计期内受理案件的受理时请求金额之和（涉案金额）。",
    "arbitration_closed": "统计期内结案件数（C），按结案日期统计；“裁决和调解结案”＝裁决＋仲裁调解。",
    "arbitration_pending": "统计期末已受理未结案件数（E，含中止审理）。",
    "mediation_online": "乡镇（街道）调解组织通过“互联网+调解”在统计期内结案（处理）的件数；调解成功＝达成调解协议。",
    "certified_staff": "统计期末持有效执法证件的人数（证件状态有效且在有效期内）。",
    "study_sessions": "统计期内举办的学习培训次数，按学习类别统计。",
    "exam_rates": "参考率＝实际参考人数÷应参考人数；合格率＝合格人数÷实际参考人数（或按设置÷应参考人数）；无分母时为“—”。",
    "reconciliation_received": "R＝A＋N＋（J＋W0＋ΔP）：J为告知向有管辖权的仲裁委申请，W0为受理前撤回，ΔP为期末与期初审查中（含待补正）件数之差。",
    "reconciliation_stock": "B＋A＝C＋E：B为期初未结，A为受理，C为结案，E为期末未结。",
}


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
        return (self.arbitration_closed_by.get(ClosureMethod.AWARD.value, 0)
                + self.arbitration_closed_by.get(ClosureMethod.MEDIATION.value, 0))

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
            "arbitration_closed_by": {m: self.arbitration_closed_by.get(m, 0) for m in CLOSURE_ORDER},
            "arbitration_pending": self.arbitration_pending,
            "mediation_online_handled": self.mediation_online_handled,
            "mediation_online_successful": self.mediation_online_successful,
            "certified_staff": self.certified_staff,
            "study_sessions": dict(self.study_sessions),
            "study_sessions_rule_of_law": dict(self.study_sessions_rule_of_law),
            "exam_participation_rate": rate(self.exam_participation_rate),
            "exam_pass_rate": rate(self.exam_pass_rate),
            "reconciliations": [r.to_json() for r in self.reconciliations],
        }


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
    """Every figure of DOMAIN A4 for `year` (or for [date_from, date_to])."""
    from app.arbitration.service import ArbitrationCaseService
    from app.complaints.service import ComplaintService
    from app.mediation.service import MediationService
    from app.projects.service import ProjectService
    from app.staff.service import StaffService
    from app.training.service import (
        ExamTally,
        TrainingService,
        participation_rate,
        pass_rate,
        tally_results,
    )

    actor.require(Permission.REPORT_VIEW)
    period = _check_period(year, date_from, date_to)
    reader = _aggregate_reader(actor)
    whole_year = period.is_calendar_year and period.first.year == year
    steps = 7

    def step(n: int) -> None:
        raise_if_cancelled(cancel)
        if progress:
            progress(n, steps)

    step(0)
    # -- inspection
    if whole_year:
        inspection = ComplaintService(store, reader).figures(year)
        received, helped, recovered = inspection.received, inspection.workers_helped, inspection.wages_recovered_fen
    else:
        with store.read() as session:
            ip = periods.inspection(session, period)
        received, helped, recovered = ip.received, ip.workers_helped, ip.wages_recovered_fen
    with store.read() as session:
        monthly = {f"inspection.{k}": v for k, v in periods.inspection_months(session, period).items()}
    step(1)

    # -- arbitration
    arb_service = ArbitrationCaseService(store, reader)
    if whole_year:
        counts = arb_service.year_counts(year)
        arb = periods.ArbitrationPeriod(
            counts.received, counts.accepted, counts.not_accepted, counts.not_competent,
            counts.withdrawn_before_decision, {str(k): int(v) for k, v in counts.closed_by.items() if k},
            counts.pending_at_year_end, counts.amount_in_dispute_fen)
        with store.read() as session:  # B: what year_counts(year - 1) calls pending at its year end
            pending_start = periods.arbitration_pending_on(session, period.day_before())
    else:
        reader.require(Permission.ARBITRATION_VIEW)
        with store.read() as session:
            arb = periods.arbitration(session, period)
            pending_start = periods.arbitration_pending_on(session, period.day_before())
    with store.read() as session:
        review_start = periods.arbitration_under_review_on(session, period.day_before())
        review_end = periods.arbitration_under_review_on(session, period.last)
        monthly.update({f"arbitration.{k}": v for k, v in periods.arbitration_months(session, period).items()})
    step(2)

    # -- mediation
    med_service = MediationService(store, reader)
    if whole_year:
        online = med_service.year_counts(year, channel=ONLINE)
        everything = med_service.year_counts(year)
    else:
        reader.require(Permission.MEDIATION_VIEW)
        with store.read() as session:
            online = periods.mediation(session, period, ONLINE)
            everything = periods.mediation(session, period, None)
    with store.read() as session:
        outcomes = periods.mediation_outcomes(session, period, ONLINE)
        by_site = mediation_by_site(session, period.first, period.last)
        monthly.update({f"mediation.online_{k}": v for k, v in periods.mediation_months(session, period, ONLINE).items()})
    step(3)

    # -- staff: on the period's last day, and at each month's end for the chart
    staff = StaffService(store, reader)
    certified = staff.count_certified_on(period.last)
    month_ends = []
    for y, m in period.months():
        end = date(y + (m == 12), m % 12 + 1, 1)
        end = min(date.fromordinal(end.toordinal() - 1), period.last)
        month_ends.append(staff.count_certified_on(end))
    monthly["staff.certified_at_month_end"] = month_ends
    step(4)

    # -- training
    training = TrainingService(store, reader)
    if whole_year:
        summary = training.year_summary(year)
        sessions = {k.kind: k.sessions for k in summary.by_kind}
        law = {k.kind: k.rule_of_law for k in summary.by_kind}
        tally = summary.exam_totals
    else:
        basis = training.pass_rate_basis()
        with store.read() as session:
            kinds = periods.sessions_by_kind(session, period)
            tally = sum((tally_results(results, exam.pass_mark, basis)
                         for exam, results in periods.exam_results(session, period)), ExamTally(basis=basis))
        sessions, law = kinds.sessions, kinds.rule_of_law
    for kind in SESSION_KINDS:
        sessions.setdefault(kind, 0)
        law.setdefault(kind, 0)
    step(5)

    # -- projects: each project's latest check in the period, standing on its last day
    compliance = ProjectService(store, reader).compliance(period.last, since=period.first)
    project_lines = tuple(
        ProjectLine(p.project_id, p.name, p.under_way, p.on_platform, p.in_force, p.applicable, p.item_rate,
                    p.checked_on)
        for p in compliance.projects
    )
    step(6)

    figures = YearlyFigures(
        year=year, first=period.first, last=period.last, organisation=_organisation(store),
        complaints_received=received, workers_recovered=helped, wages_recovered_fen=recovered,
        projects_active=compliance.projects_under_way, projects_on_platform=compliance.projects_on_platform,
        project_items_in_force=compliance.items_in_force, project_items_applicable=compliance.items_applicable,
        project_compliance_rate=compliance.item_rate, projects_compliant=compliance.projects_compliant,
        projects_rated=compliance.projects_rated, project_rate=compliance.project_rate, projects=project_lines,
        arbitration_received=arb.received, arbitration_accepted=arb.accepted,
        arbitration_not_accepted=arb.not_accepted, arbitration_not_competent=arb.not_competent,
        arbitration_withdrawn_before_decision=arb.withdrawn_before_decision,
        arbitration_under_review_start=review_start, arbitration_under_review_end=review_end,
        arbitration_pending_start=pending_start, arbitration_pending=arb.pending_at_end,
        arbitration_closed_by=dict(arb.closed_by), arbitration_amount_fen=arb.amount_in_dispute_fen,
        mediation_online_handled=online["handled"], mediation_online_successful=online["successful"],
        mediation_handled=everything["handled"], mediation_successful=everything["successful"],
        mediation_outcomes=outcomes,
        certified_staff=certified, study_sessions=dict(sessions), study_sessions_rule_of_law=dict(law),
        exam_required=tally.required, exam_attended=tally.attended, exam_passed=tally.passed,
        exam_participation_rate=participation_rate(tally), exam_pass_rate=pass_rate(tally),
        exam_pass_basis=tally.basis,
        months=tuple(period.months()), monthly=monthly, mediation_by_site=by_site,
    )
    step(7)
    return figures


__all__ = [
    "CLOSURE_LABELS_ZH",
    "DEFINITIONS_ZH",
    "MEDIATION_OUTCOME_LABELS_ZH",
    "ProjectLine",
    "Reconciliation",
    "YearlyFigures",
    "yearly_figures",
]
