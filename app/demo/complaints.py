"""The demo district's complaints: the collective site cases through their whole life
cycle, the imported ledger of the simpler ones, reports (举报), refusals and redirections."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from app.complaints.importing import import_ledger
from app.complaints.models import Complaint
from app.complaints.service import ComplaintService
from app.demo.helpers import split_total
from app.demo.plan import COMPLAINT_MATTERS, PROJECT_SITES, REDIRECT_TO, REFUSE_GROUNDS
from app.demo.state import BuilderState


class ComplaintSteps(BuilderState):
    # -------------------------------------------------------- complaints
    def _months_text(self, received: date) -> str:
        months = self.rng.randint(1, 4)
        end = (received.replace(day=1) - timedelta(days=1)).month
        start = (end - months) % 12 + 1
        return f"{start}月至{end}月" if start != end else f"{end}月"

    def _wages(self, count: int, total: int) -> list[int]:
        """`count` workers' recovered wages (fen) summing to `total`: a month's pay
        (2,800–7,500 yuan) times 0.5–4 months, scaled to the total, to 10 yuan."""
        rng = self.rng
        raw = [rng.randrange(2_800, 7_600, 100) * rng.choice((0.5, 1, 1, 1.5, 2, 2, 2.5, 3, 4)) for _ in range(count)]
        return split_total(total, raw, unit=1_000, minimum=50_000)

    def make_complaints(self) -> None:
        rng, year, days = self.rng, self.year, self.days
        intake = ComplaintService(self.store, self.actors["shouli"])
        inspector = ComplaintService(self.store, self.actors["jiancha"])
        plan = self.plan
        collective_cases = plan.collective_cases
        collective_workers = plan.collective_workers
        paid_rows = plan.workers_recovered - collective_workers
        wages = self._wages(plan.workers_recovered, plan.wages_recovered_fen)
        rng.shuffle(wages)
        collective_wages, row_wages = wages[:collective_workers], wages[collective_workers:]
        total_steps = plan.complaints_received
        done = 0

        # --- 1. collective cases on the construction sites: the whole life cycle
        sizes = split_total(collective_workers, [rng.uniform(8, 40) for _ in range(collective_cases)],
                            unit=1, minimum=6)
        worker_fields = [self.people.person(year) for _ in range(collective_workers)]
        worker_ids = self.import_parties(worker_fields, actor="shouli")
        at = 0
        channel_choices = ("visit", "phone", "online", "assigned", "referred")
        for c in range(collective_cases):
            size = sizes[c]
            ids = worker_ids[at: at + size]
            amounts = collective_wages[at: at + size]
            at += size
            project_id = self.project_ids[c % len(self.project_ids)]
            labour_id = self.project_labour[project_id]
            partial = c % 7 == 1  # a plan still running at the year's end
            received = days.intake(latest=date(year, 10, 31) if not partial else date(year, 11, 30))
            owed = [a + (rng.randrange(20, 60) * 10_000 if partial else 0) for a in amounts]
            complainant = ids[0]
            detail, _warnings = intake.register({
                "kind": "complaint", "channel": rng.choice(channel_choices),
                "received_at": datetime.combine(received, time(rng.randint(8, 17), rng.choice((0, 15, 30, 45)))),
                "complainant": complainant,
                "employers": [{"party": labour_id, "role": "subcontractor"},
                              {"party": self._contractor_of(project_id), "role": "general_contractor"}],
                "workers": [{"party": pid, "owed_fen": o} for pid, o in zip(ids, owed, strict=True)],
                "project_id": project_id,
                "matters": f"{size}名农民工反映在{PROJECT_SITES[c % len(PROJECT_SITES)][0]}务工，被拖欠{self._months_text(received)}工资",
                "requests": "要求支付拖欠的工资", "evidence": "考勤表、工资表复印件，微信聊天记录",
            })
            on = days.working_after(received, 1, 3)
            detail = inspector.accept(detail.id, detail.version, on, "符合受理条件")
            detail = inspector.assign_officers(detail.id, detail.version, rng.sample(self.enforcers, 2), on)
            visit = days.working_after(on, 1, 4)
            detail = inspector.record_action(detail.id, "site_inspection", visit,
                                             "赴项目现场检查，调取考勤记录、工资支付台账和农民工工资专用账户流水")
            first_due = days.working_after(visit, 5, 15)
            second_due = days.working_after(first_due, 10, 20)
            if partial:
                second_due = date(year + 1, 1, 20)
            instalments = []
            for w, o in zip(detail.workers, owed, strict=True):
                half = o // 2 // 100 * 100
                instalments.append({"worker_id": w.id, "due_on": first_due, "amount_fen": half})
                instalments.append({"worker_id": w.id, "due_on": second_due, "amount_fen": o - half})
            detail = inspector.set_plan(detail.id, detail.version, instalments, visit)
            # 一案一策: how it is handled and which department answers for the site.
            detail = inspector.set_disposal(detail.id, detail.version, "coordinated", "区住房和城乡建设局", visit)
            last_paid = first_due
            payroll = []
            for w, amount in zip(detail.workers, amounts, strict=True):
                paid_on = days.capped(days.working_after(first_due, 0, 12))
                last_paid = max(last_paid, paid_on)
                payroll.append({"worker_id": w.id, "paid_on": paid_on, "amount_fen": amount, "method": "银行代发",
                                "note": "总承包单位通过农民工工资专用账户代发"})
            inspector.record_payments(detail.id, payroll)
            if not partial:
                detail = inspector.get(detail.id)
                closed = days.capped(days.working_after(last_paid, 1, 5))
                detail = inspector.close(detail.id, detail.version, closed, "paid", "拖欠工资已全部支付到位")
                inspector.notify_result(detail.id, detail.version, closed, "电话告知投诉人处理结果")
            done += 1
            self.progress("投诉举报", done, total_steps)

        # --- 2. the ledger of the simpler cases, imported at once
        rows: list[dict[str, Any]] = []
        kinds: list[str] = []
        weights = {"phone": 35, "online": 25, "visit": 28, "assigned": 5, "referred": 5, "letter": 2}
        chan_names, chan_weights = zip(*weights.items(), strict=True)
        plan_kinds = (["paid"] * paid_rows + ["refuse"] * plan.refused + ["redirect"] * plan.redirected
                      + ["open"] * plan.open_investigations + ["pending"] * plan.pending_decision
                      + ["no_violation"] * plan.no_violation)
        rng.shuffle(plan_kinds)
        wage_iter = iter(row_wages)
        self.redirected_people: list[dict[str, Any]] = []
        paid_seen = 0
        for kind in plan_kinds:
            person = self.people.person(year)
            employer_id, employer = self.employer()
            if kind == "pending":
                received = days.intake(earliest=date(year, 12, 22))
            elif kind == "open":
                received = days.intake(earliest=date(year, 10, 20), latest=date(year, 12, 20))
            else:
                received = days.intake(latest=date(year, 12, 15))
            row: dict[str, Any] = {
                "received_on": received, "channel": rng.choices(chan_names, weights=chan_weights)[0],
                "kind": "complaint", "worker_name": person["name"], "worker_id_no": person["id_no"],
                "worker_phone": person.get("phone"), "is_migrant_worker": True,
                "employer_name": employer["name"], "employer_uscc": employer["uscc"],
                "role": "subcontractor" if "劳务" in str(employer["name"]) else "employer",
                "matters": rng.choice(COMPLAINT_MATTERS).format(months=self._months_text(received)),
                "requests": "要求用人单位支付拖欠工资",
            }
            if kind == "paid":
                amount = next(wage_iter)
                accepted = days.capped(days.working_after(received, 1, 4))
                paid_on = days.capped(days.working_after(accepted, 2, 25))
                row.update(owed_fen=amount, accepted_on=accepted, paid_fen=amount, paid_on=paid_on)
                paid_seen += 1
                if paid_seen > plan.closed_of_imported:  # those are closed below, by officers on screen
                    # The ledger records the closure three working days after the payment (no draw from
                    # the random stream: the rest of the year stays as it was).
                    row["closed_on"] = days.capped(days.cal.add_working_days(days.cal.roll_forward(paid_on), 3))
            else:
                row["owed_fen"] = rng.randrange(2_000, 30_000, 100) * 100
                if kind in ("open", "no_violation"):
                    row["accepted_on"] = days.capped(days.working_after(received, 1, 4))
            if kind == "redirect":
                self.redirected_people.append({"person": person, "employer_id": employer_id, "employer": employer,
                                               "received": received})
            rows.append(row)
            kinds.append(kind)
        report = import_ledger(
            inspector, enumerate(rows, start=1), total=len(rows),
            progress=lambda d, _t: self.progress("投诉举报", done + d, total_steps),
        )
        if report.refused:
            raise RuntimeError(f"demo complaints refused: {report.refused[:3]}")
        done += len(rows)

        # --- 3. decisions and closures on the imported cases (their versions read once, not case by case)
        versions = self._versions(Complaint, report.imported_ids)
        closed_paid = 0
        for complaint_id, kind, row in zip(report.imported_ids, kinds, rows, strict=True):
            received = row["received_on"]
            version = versions[complaint_id]
            if kind == "refuse":
                inspector.refuse(complaint_id, version, days.working_after(received, 1, 5),
                                 rng.choice(REFUSE_GROUNDS))
            elif kind == "redirect":
                inspector.redirect(complaint_id, version, days.working_after(received, 1, 5),
                                   rng.choice(REDIRECT_TO), "属于劳动争议，告知申请劳动人事争议仲裁")
            elif kind == "no_violation":
                on = row["accepted_on"]
                assigned = inspector.assign_officers(complaint_id, version, rng.sample(self.enforcers, 2), on)
                closed = days.capped(days.working_after(on, 5, 20))
                inspector.close(complaint_id, assigned.version, closed, "no_violation",
                                "经调查，工资已按约定支付，查无拖欠工资违法事实")
            elif kind == "open" and rng.random() < 0.5:
                inspector.assign_officers(complaint_id, version, rng.sample(self.enforcers, 2),
                                          row["accepted_on"])
            elif kind == "paid" and closed_paid < plan.closed_of_imported:
                closed_paid += 1
                on = row["paid_on"]
                assigned = inspector.assign_officers(complaint_id, version, rng.sample(self.enforcers, 2),
                                                     row["accepted_on"])
                inspector.close(complaint_id, assigned.version, on, "paid", "经协调，用人单位已全额支付拖欠工资")

        # --- 4. reports (举报): anonymous or named, the employer ordered to put things right
        for _ in range(plan.reports):
            employer_id, _employer = self.employer()
            received = days.intake(latest=date(year, 11, 15))
            anonymous = rng.random() < 0.6
            fields: dict[str, Any] = {
                "kind": "report", "channel": rng.choice(("phone", "online", "letter")),
                "received_at": datetime.combine(received, time(rng.randint(8, 17), 0)),
                "anonymous": anonymous,
                "complainant": None if anonymous else self.people.person(year, migrant=False),
                "employers": [{"party": employer_id, "role": "employer"}],
                "matters": rng.choice(("用人单位未与劳动者签订书面劳动合同", "用人单位安排劳动者超时加班且未支付加班费",
                                       "用人单位未按时足额支付工资", "用人单位使用童工嫌疑")),
            }
            detail, _warnings = intake.register(fields)
            on = days.working_after(received, 1, 5)
            detail = inspector.accept(detail.id, detail.version, on, "举报线索属实，立案调查")
            detail = inspector.assign_officers(detail.id, detail.version, rng.sample(self.enforcers, 2), on)
            order_on = days.working_after(on, 3, 10)
            detail = inspector.order_rectification(detail.id, detail.version, order_on,
                                                   days.working_after(order_on, 10, 15), "责令限期改正")
            fixed = days.working_after(order_on, 5, 15)
            detail = inspector.mark_rectified(detail.id, detail.version, fixed, "经复查，用人单位已改正")
            inspector.close(detail.id, detail.version, days.capped(days.working_after(fixed, 1, 5)), "other",
                            "用人单位已按期改正违法行为")
            done += 1
            self.progress("投诉举报", done, total_steps)
        self.counts["complaints"] = collective_cases + len(rows) + plan.reports

    def _contractor_of(self, project_id: int) -> int:
        index = self.project_ids.index(project_id) % len(PROJECT_SITES)
        return self.contractor_ids[index % len(self.contractor_ids)]
