"""The demo district's disputes: the township centres' mediations (some forwarded to
arbitration) and the arbitration commission's year — the docket, refusals, tribunals,
hearings, awards and mediated settlements."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from app.arbitration.importing import import_docket
from app.arbitration.service import (
    ArbitrationCaseService,
    ArbitrationCaseSteps,
    AwardItem,
    ClaimInput,
)
from app.demo.helpers import split_total
from app.demo.plan import (
    ARB_CAUSES,
    CLAIM_TEXT,
    HEARING_STARTS,
    MEDIATION_CENTRES,
    REFUSAL_GROUNDS_ARB,
    ROOMS,
)
from app.demo.state import BuilderState
from app.mediation.service import MediationService


class DisputeSteps(BuilderState):
    # -------------------------------------------------------- mediation
    def make_mediation(self) -> list[tuple[int, date]]:
        """The township centres' year; returns the arbitration cases made by forwarding failed mediations."""
        rng, year, days = self.rng, self.year, self.days
        mediator = MediationService(self.store, self.actors["tiaojie"])
        mediator_id = self.user_ids["tiaojie"]
        plan = self.plan
        outcomes: list[tuple[str, str]] = (
            [("online", "agree")] * plan.online_agreed
            + [("online", "transfer")] * plan.online_transferred
            + [("online", "fail")] * plan.online_failed
            + [("online", "withdraw")] * plan.online_withdrawn
            + [("online", "refuse")] * plan.online_refused
            + [("online", "open")] * plan.online_open
            + [("on_site", "agree")] * plan.onsite_agreed
            + [("on_site", "fail")] * plan.onsite_failed
            + [("on_site", "withdraw")] * plan.onsite_withdrawn
            + [("on_site", "open")] * plan.onsite_open
        )
        rng.shuffle(outcomes)
        people = self.import_parties([self.people.person(year) for _ in outcomes])
        self._claim_sets = self._arbitration_claim_sets()  # the forwarded mediations carry the first sets
        forwarded: list[tuple[int, date]] = []
        for n, ((channel, outcome), person_id) in enumerate(zip(outcomes, people, strict=True)):
            employer_id, _employer = self.employer()
            if outcome == "open":
                received = days.intake(earliest=date(year, 12, 20))
            elif outcome == "transfer":
                received = days.intake(latest=date(year, 10, 31))
            else:
                received = days.intake(latest=date(year, 12, 10))
            if outcome == "transfer":
                claims = self._forwarded_claims.pop()
            else:
                amount = rng.randrange(3_000, 40_000, 100) * 100
                claims = [ClaimInput("wages", amount, "支付拖欠工资")]
            oral = channel == "on_site" and rng.random() < 0.3
            case_id = mediator.apply(
                applicants=[person_id], respondents=[employer_id], claims=claims, received_on=received,
                matter=rng.choice(("拖欠工资纠纷", "解除劳动合同经济补偿纠纷", "加班费纠纷", "工伤待遇纠纷")),
                channel=channel, application_form="oral" if oral else "written",
                oral_record="申请人口头申请，要求被申请人支付拖欠工资" if oral else "",
                organisation=rng.choice(MEDIATION_CENTRES), mediator_id=mediator_id,
            )
            if outcome == "refuse":
                mediator.refuse(case_id, days.working_after(received, 0, 2), "对方当事人拒绝调解")
            elif outcome != "open" or rng.random() < 0.5:
                accepted = days.working_after(received, 0, 2)
                mediator.accept(case_id, accepted)
                session_on = days.working_after(accepted, 1, 5)
                if outcome == "agree":
                    if rng.random() < 0.4:
                        mediator.record_session(case_id, session_on, "通过“互联网+调解”平台视频调解"
                                                if channel == "online" else "组织双方当面调解")
                    agreed = days.working_after(session_on, 0, 4)
                    amount = sum(c.amount_fen for c in claims)
                    mediator.agree(case_id, agreed, terms="被申请人于协议签订之日起十日内一次性支付申请人工资",
                                   amount_agreed_fen=amount * rng.randrange(70, 101) // 100 // 100 * 100)
                elif outcome in ("fail", "transfer"):
                    failed = days.working_after(session_on, 1, 6)
                    mediator.fail(case_id, failed, "双方对支付金额分歧较大，未能达成调解协议")
                    if outcome == "transfer":
                        on = days.working_after(failed, 0, 3)
                        view = mediator.transfer_to_arbitration(case_id, on)
                        arb_id = ArbitrationCaseService(self.store, self.actors["shuji"]).find_by_mediation(view.id)
                        assert arb_id is not None
                        forwarded.append((arb_id, on))
                elif outcome == "withdraw":
                    mediator.withdraw(case_id, days.working_after(session_on, 0, 3), "用人单位已主动支付，申请人撤回申请")
            self.progress("调解", n + 1, len(outcomes))
        self.counts["mediations"] = len(outcomes)
        return forwarded

    # -------------------------------------------------------- arbitration
    def _arbitration_claim_sets(self) -> list[list[ClaimInput]]:
        """The claims of every case accepted in the year, scaled so that they add up to
        the amount in dispute exactly; the forwarded mediations take the first few."""
        rng = self.rng
        accepted = self.plan.arb_accepted
        shapes: list[tuple[str, tuple[str, ...]]] = [rng.choice(ARB_CAUSES) for _ in range(accepted)]
        raw: list[float] = []
        cats: list[tuple[int, str]] = []
        for case_index, (_cause, categories) in enumerate(shapes):
            for category in categories:
                if category == "confirm_relationship":
                    continue
                base = {"wages": 25_000, "overtime": 18_000, "compensation": 60_000, "damages": 110_000,
                        "double_wage": 45_000, "injury": 160_000, "social_insurance": 30_000}[category]
                raw.append(base * rng.lognormvariate(0, 0.6))
                cats.append((case_index, category))
        amounts = split_total(self.plan.arb_amount_fen, raw, unit=100, minimum=100_000)
        sets: list[list[ClaimInput]] = [[] for _ in range(accepted)]
        for (case_index, category), amount in zip(cats, amounts, strict=True):
            sets[case_index].append(ClaimInput(category, amount, CLAIM_TEXT[category]))
        for case_index, (_cause, categories) in enumerate(shapes):
            if "confirm_relationship" in categories:
                sets[case_index].insert(0, ClaimInput("confirm_relationship", 0, CLAIM_TEXT["confirm_relationship"]))
        self._arb_causes = [cause for cause, _ in shapes]
        transferred = self.plan.online_transferred
        self._forwarded_claims = sets[:transferred]
        return sets

    def make_arbitration(self, forwarded: list[tuple[int, date]]) -> None:
        rng, year, days = self.rng, self.year, self.days
        clerk = ArbitrationCaseSteps(self.store, self.actors["shuji"], calendar=self.cal)  # no case read back
        sets = self._claim_sets
        causes = self._arb_causes
        transferred = len(forwarded)
        received_total = self.plan.arb_received
        refused = self.plan.arb_not_accepted
        # rows of the docket: the accepted ones (claims from the plan) and the refused ones
        rows: list[dict[str, Any]] = []
        linked = list(self.redirected_people)
        rng.shuffle(linked)
        for i in range(transferred, len(sets)):
            rows.append(self._docket_row(sets[i], causes[i], linked, accepted=True))
        for _ in range(refused):
            category = rng.choice(("wages", "compensation", "social_insurance"))
            claims = [ClaimInput(category, rng.randrange(5_000, 80_000, 100) * 100, CLAIM_TEXT[category])]
            rows.append(self._docket_row(claims, "劳动争议", linked, accepted=False))
        assert len(rows) + transferred == received_total
        order = list(range(len(rows)))
        rng.shuffle(order)
        rows = [rows[i] for i in order]
        report = import_docket(self.store, self.actors["shuji"], enumerate(rows, start=1), total=len(rows),
                               progress=lambda d, t: self.progress("仲裁收案", d, t), calendar=self.cal)
        if report.refused:
            raise RuntimeError(f"demo arbitration refused: {report.refused[:3]}")
        accepted_cases: list[tuple[int, date, bool]] = []  # (case id, accepted on, collective)
        steps = 0
        total_steps = received_total
        for case_id, row in zip(report.imported_ids, rows, strict=True):
            if row.get("accepted_on") is None:
                clerk.refuse(case_id, days.working_after(row["received_on"], 2, 5), *rng.choice(REFUSAL_GROUNDS_ARB))
                steps += 1
                self.progress("仲裁办案", steps, total_steps)
            else:
                accepted_cases.append((case_id, row["accepted_on"], False))
        for case_id, received in forwarded:
            on = days.working_after(received, 1, 5)
            clerk.accept(case_id, on, "由乡镇调解中心转来，经审查符合受理条件")
            accepted_cases.append((case_id, on, False))
        accepted_cases.sort(key=lambda c: (c[1], c[0]))
        live_claims = self._claims([c[0] for c in accepted_cases])
        cut = len(accepted_cases) - self.plan.arb_pending
        pending = accepted_cases[cut:]
        closing = accepted_cases[:cut]
        arbitrators = [self.user_ids[u] for u in ("zhongcai1", "zhongcai2", "zhongcai3")]
        clerk_id = self.user_ids["shuji"]
        awards = mediations = 0
        # Every ordinary tribunal sits with the same three arbitrators: one hearing per
        # half-day at most, or the hearing calendar shows clashes no real docket has.
        booked: set[tuple[date, time]] = set()
        for case_id, accepted_on, _collective in closing:
            award_end = self._award_dates(accepted_on)
            slot = None
            if award_end is not None and rng.random() < 0.33:
                slot = self._free_half_day(award_end[2], award_end[3], booked)
            if award_end is not None and slot is not None:
                tribunal_on, schedule_on, _planned, award_on = award_end
                held_on, starts_at = slot
                self._tribunal(clerk, case_id, tribunal_on, arbitrators, clerk_id)
                scheduled = clerk.schedule_hearing(case_id, schedule_on, held_on=held_on, starts_at=starts_at,
                                              ends_at=time(starts_at.hour + 2, starts_at.minute),
                                              room=rng.choice(ROOMS))
                hearing_id = scheduled.details["hearing_id"]
                clerk.hold_hearing(case_id, held_on, hearing_id=hearing_id, note="双方到庭，进行了举证质证和辩论")
                items = []
                for claim_id, amount, category in live_claims[case_id]:
                    if category == "confirm_relationship":
                        items.append(AwardItem(claim_id, 0, rng.choice(("upheld", "dismissed"))))
                        continue
                    share = rng.choice((1.0, 1.0, 0.8, 0.6, 0.5, 0.0))
                    result = "upheld" if share == 1.0 else ("dismissed" if share == 0 else "partly_upheld")
                    items.append(AwardItem(claim_id, int(amount * share) // 100 * 100, result))
                clerk.close_award(case_id, award_on, items, note="依法作出裁决")
                awards += 1
            else:
                on = days.capped(days.working_after(accepted_on, 3, 20))
                amounts = {claim_id: amount * rng.randrange(55, 96) // 100 // 100 * 100
                           for claim_id, amount, _category in live_claims[case_id]}
                clerk.close_mediation(case_id, on, amounts=amounts, note="经仲裁庭主持调解，双方自愿达成调解协议")
                mediations += 1
            steps += 1
            self.progress("仲裁办案", steps, total_steps)
        # the cases still open on 31 December, at their different stages
        for n, (case_id, accepted_on, _collective) in enumerate(pending):
            stage = n % 4
            if stage >= 1:
                tribunal_on = days.capped(days.working_after(accepted_on, 1, 2))
                self._tribunal(clerk, case_id, tribunal_on, arbitrators, clerk_id)
                if stage >= 2:
                    held_on = self.cal.add_working_days(date(year + 1, 1, 3), n)
                    clerk.schedule_hearing(case_id, tribunal_on, held_on=held_on, starts_at=time(14, 30),
                                                  ends_at=time(16, 30), room=ROOMS[n % len(ROOMS)])
            steps += 1
            self.progress("仲裁办案", steps, total_steps)
        self.counts.update(arbitration_received=received_total, arbitration_awards=awards,
                           arbitration_mediations=mediations, arbitration_pending=len(pending))


    def _docket_row(self, claims: list[ClaimInput], cause: str, linked: list[dict[str, Any]], *,
                    accepted: bool) -> dict[str, Any]:
        rng, year, days = self.rng, self.year, self.days
        if linked and rng.random() < 0.4 and linked[-1]["received"] <= date(year, 11, 30):
            # 监察+仲裁: a worker told by the inspectors to apply for arbitration does so
            link = linked.pop()
            person, employer = link["person"], link["employer"]
            received = days.intake(earliest=link["received"] + timedelta(days=7), latest=date(year, 12, 15))
        else:
            person = self.people.person(year)
            _employer_id, employer = self.employer()
            received = days.intake(latest=date(year, 12, 15))
        row: dict[str, Any] = {
            "received_on": received, "applicant": person["name"], "applicant_id_no": person["id_no"],
            "respondent": employer["name"], "respondent_uscc": employer["uscc"],
            "claims": [(c.category, c.amount_fen) for c in claims], "cause": cause,
        }
        if accepted:
            row["accepted_on"] = days.capped(days.working_after(received, 1, 5))
        return row

    def _free_half_day(self, first: date, before: date, booked: set[tuple[date, time]]) -> tuple[date, time] | None:
        """The first half-day from `first` (a working day) to the day before `before` that
        holds no hearing yet, booked; None when the days run out."""
        day = first
        while day < before:
            for start in HEARING_STARTS:
                if (day, start) not in booked:
                    booked.add((day, start))
                    return day, start
            day = self.cal.next_working_day(day)
        return None

    def _award_dates(self, accepted_on: date) -> tuple[date, date, date, date] | None:
        days = self.days
        tribunal_on = days.working_after(accepted_on, 1, 4)
        schedule_on = days.working_after(tribunal_on, 0, 2)
        held_on = days.working_after(schedule_on, 5, 12)
        award_on = days.working_after(held_on, 3, 12)
        if award_on > days.last_working:
            return None
        return tribunal_on, schedule_on, held_on, award_on

    def _tribunal(self, clerk: ArbitrationCaseSteps, case_id: int, on: date, arbitrators: list[int],
                  clerk_id: int, procedure: str = "ordinary") -> Any:
        """组庭: three arbitrators under the ordinary procedure (every case the docket receives
        starts as ordinary), one under the simple procedure."""
        if procedure == "ordinary":
            chief, second, third = self.rng.sample(arbitrators, 3)
            return clerk.form_tribunal(case_id, on, chief_id=chief, clerk_id=clerk_id, arbitrator_2_id=second,
                                       arbitrator_3_id=third)
        return clerk.form_tribunal(case_id, on, chief_id=self.rng.choice(arbitrators), clerk_id=clerk_id)
