"""The demo district's first steps: the accounts, the roster and its training, the
employers in the parties register, and the construction projects with their checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.accounts.actor import setup_actor
from app.accounts.service import AccountService, actor_of
from app.demo.plan import (
    ACCOUNTS,
    BUILDER,
    CERTIFIED_STAFF,
    CONTRACTORS,
    DEMO_PASSWORD,
    DISTRICT,
    PROJECT_SITES,
    STUDY_SESSIONS,
    DemoAccount,
)
from app.demo.state import BuilderState
from app.kernel.settings import SettingsService
from app.projects.service import ProjectService
from app.staff.service import StaffService
from app.training.service import TrainingService


class RegisterSteps(BuilderState):
    # -------------------------------------------------------- accounts
    def make_accounts(self) -> None:
        username, display, role = ACCOUNTS[0]
        admin = AccountService(self.store, setup_actor()).create_first_admin(username, display, DEMO_PASSWORD)
        self.actors[username] = admin
        self.user_ids[username] = admin.user_id or 0
        self.accounts.append(DemoAccount(admin.user_id or 0, username, display, role.value, DEMO_PASSWORD))
        # the administrator names the bureau first: case numbers read 南明区…字〔2023〕第n号
        SettingsService(self.store, admin).set("organisation", {
            "district": DISTRICT, "bureau": f"{DISTRICT}人力资源和社会保障局",
            "arbitration_commission": f"{DISTRICT}劳动人事争议仲裁委员会",
            "inspection_brigade": f"{DISTRICT}劳动保障监察大队",
            "review_authority": f"{DISTRICT}人民政府", "court": f"{DISTRICT}人民法院",
        })
        service = AccountService(self.store, admin)
        for username, display, role in ACCOUNTS[1:]:
            row = service.create_user(username, display, DEMO_PASSWORD, [role.value])
            self.actors[username] = actor_of(row)
            self.user_ids[username] = row.id
            self.accounts.append(DemoAccount(row.id, username, display, role.value, DEMO_PASSWORD))
        self.progress("账号", len(ACCOUNTS), len(ACCOUNTS))

    # -------------------------------------------------------- staff and training
    def make_staff(self) -> None:
        rng, year = self.rng, self.year
        sections = ("劳动保障监察大队", "劳动保障监察大队", "劳动保障监察大队", "法规股", "劳动关系股",
                    "仲裁院", "办公室")
        posts = ("大队长", "副大队长", "科员", "一级科员", "四级主任科员", "二级主任科员", "副股长")
        rows: list[tuple[int, dict[str, Any]]] = []
        plan: list[str] = ["valid"] * CERTIFIED_STAFF + ["expired", "cancelled", "none"]
        for i, kind in enumerate(plan):
            person = self.people.person(year, min_age=26, max_age=56, migrant=False)
            fields: dict[str, Any] = {
                "name": person["name"], "id_no": person["id_no"], "unit": f"{DISTRICT}人力资源和社会保障局",
                "section": sections[i % len(sections)], "post": posts[i % len(posts)],
                "staffing_type": "civil_servant" if i % 4 else "managed_as_civil_servant",
                "on_roster": kind != "cancelled",
            }
            if i % 6 == 1:
                fields["legal_qualification_no"] = f"A{year - 6 - i % 5}52010{rng.randrange(10**6):06d}"
            if kind != "none":
                if kind == "valid":
                    # two officers got their certificates this year; the rest earlier
                    issued = date(year, 4, 10 + i) if i >= CERTIFIED_STAFF - 2 else date(year - 1 - i % 4, 3 + i % 8, 15)
                    expiry = date(issued.year + 5, issued.month, issued.day)
                elif kind == "expired":
                    issued, expiry = date(year - 5, 6, 30), date(year, 6, 30)
                else:
                    issued, expiry = date(year - 3, 5, 20), date(year + 2, 5, 20)
                fields.update({
                    "cert_type": "labour_inspection" if i % 3 else "admin_enforcement",
                    "cert_number": f"GZ{issued.year}LBJC{i + 1:04d}",
                    "cert_issuing_authority": "贵州省人民政府" if i % 3 == 0 else "贵州省人力资源和社会保障厅",
                    "cert_issue_date": issued, "cert_expiry_date": expiry,
                    "cert_category": "劳动保障监察",
                    "cert_status": "cancelled" if kind == "cancelled" else "valid",
                })
            rows.append((i + 1, fields))
        report = StaffService(self.store, self.actors["fazhi"]).import_records(rows, total=len(rows))
        if report.refused:
            raise RuntimeError(f"demo staff refused: {report.refused[:3]}")
        ids = report.imported_ids
        self.officer_ids = ids
        self.enforcers = ids[: CERTIFIED_STAFF - 2]  # valid all year
        self.roster = [oid for oid, kind in zip(ids, plan, strict=True) if kind != "cancelled"]
        self.counts["officers"] = len(ids)
        self.progress("执法人员", len(ids), len(ids))

    def make_training(self) -> None:
        rng, year = self.rng, self.year
        service = TrainingService(self.store, self.actors["fazhi"])
        topics = {
            "party_group": ("党组理论学习中心组专题学习习近平法治思想", "中心组专题学法：《保障农民工工资支付条例》",
                            "中心组专题学法：新修订《行政处罚法》", "中心组专题学法：法治政府建设实施纲要"),
            "bureau_wide": ("全局干部职工集中学习《宪法》", "集中学习《劳动合同法》", "集中学习《劳动争议调解仲裁法》",
                            "集中学习《工伤保险条例》", "集中学习《就业促进法》", "集中学习《社会保险法》",
                            "集中学习《劳动保障监察条例》"),
            "party_branch": ("党支部“三会一课”专题学法", "党支部专题研讨：依法行政", "党支部专题学习：谁执法谁普法"),
        }
        months = {"party_group": (3, 6, 9, 11), "bureau_wide": (2, 3, 5, 6, 8, 10, 12), "party_branch": (4, 7, 11)}
        leaders = self.roster[:6]
        made = 0
        for kind, count in STUDY_SESSIONS:
            for n in range(count):
                held = self.cal.roll_forward(date(year, months[kind][n], 10 + rng.randrange(12)))
                attendees = leaders if kind == "party_group" else (
                    self.roster if kind == "bureau_wide" else self.roster[::2])
                service.create_session({
                    "kind": kind, "held_on": held, "topic": topics[kind][n], "organiser": "局办公室",
                    "hours": rng.choice(("2", "2.5", "3", "4")), "on_rule_of_law": True,
                }, attendees)
                made += 1
        exams = (
            ("行政执法人员专业法律知识考试", date(year, 6, 16), self.roster[:CERTIFIED_STAFF + 1]),
            ("全局干部职工学法用法考试", date(year, 11, 24), self.roster),
        )
        for title, held, who in exams:
            results = [{"officer_id": oid, "required": True, "attended": True,
                        "score": str(rng.randint(72, 98))} for oid in who]
            service.create_exam({"title": title, "held_on": self.cal.roll_forward(held), "pass_mark": "60",
                                 "max_score": "100", "organiser": "区人社局法规股"}, results)
            made += 1
        self.counts["study_sessions"] = sum(c for _, c in STUDY_SESSIONS)
        self.counts["exams"] = len(exams)
        self.progress("学法培训", made, made)

    # -------------------------------------------------------- parties
    def make_employers(self) -> None:
        fixed = [{"kind": "org", "name": BUILDER, "uscc": self.people.uscc("520102"),
                  "legal_rep": self.people.name(True)}]
        fixed += [{"kind": "org", "name": name, "uscc": self.people.uscc("520000"), "legal_rep": self.people.name(True)}
                  for name in CONTRACTORS]
        labour = [self.people.employer("建筑劳务有限公司") for _ in range(self.plan.labour_firms)]
        others = [self.people.employer() for _ in range(self.plan.employers)]
        records = fixed + labour + others
        ids = self.import_parties(records)
        self.builder_id = ids[0]
        self.contractor_ids = ids[1: 1 + len(CONTRACTORS)]
        n0 = 1 + len(CONTRACTORS)
        self.labour = list(zip(ids[n0: n0 + len(labour)], labour, strict=True))
        self.others = list(zip(ids[n0 + len(labour):], others, strict=True))
        self.counts["employers"] = len(ids)
        self.progress("用人单位", len(ids), len(ids))


    # -------------------------------------------------------- projects
    def make_projects(self) -> None:
        rng, year = self.rng, self.year
        service = ProjectService(self.store, self.actors["jiancha"])
        codes = ("real_name", "wage_account", "paid_by_contractor", "wage_guarantee", "rights_notice",
                 "wage_manager")
        self.project_ids: list[int] = []
        self.project_labour: dict[int, int] = {}
        inspectors = ("王强、李娜", "王强、张勇", "陈刚、李娜")
        total = self.plan.projects
        for k in range(total):
            i = k % len(PROJECT_SITES)
            name, location = PROJECT_SITES[i]
            if k >= len(PROJECT_SITES):
                name = f"{name}（{k // len(PROJECT_SITES) + 1}标段）"
            labour_id = self.labour[k % len(self.labour)][0]
            start = date(year - (i % 2), 3 + i % 8, 1 + rng.randrange(20))
            row = service.create({
                "name": name, "location": location, "permit_no": f"520102{start:%Y%m}{k + 11:04d}0101",
                "builder_id": self.builder_id, "contractor_id": self.contractor_ids[i % len(self.contractor_ids)],
                "subcontractors": [(labour_id, "labour")],
                "contract_value_fen": rng.randrange(3_000, 60_000) * 1_000_000, "start_date": start,
                "planned_completion": date(year + 1 + i % 2, 6 + i % 6, 30), "status": "active",
                "on_realname_platform": True,
                "wage_manager_name": self.people.name(rng.random() < 0.6),
                "wage_manager_phone": self.people.phone(), "wage_account_bank": rng.choice(
                    ("中国工商银行贵阳南明支行", "中国建设银行贵阳花果园支行", "贵阳农村商业银行南明支行",
                     "中国农业银行贵阳兴关路支行")),
                "wage_account_no": f"2402{rng.randrange(10**15):015d}", "guarantee_form": "deposit",
                "guarantee_amount_fen": rng.randrange(30, 150) * 1_000_000,
                "guarantee_date": start - timedelta(days=10),
            })
            self.project_ids.append(row.id)
            self.project_labour[row.id] = labour_id
            # a first check in spring (two items still to fix), the latest in November (DOMAIN A4)
            statuses: dict[str, Any] = dict.fromkeys(codes, "in_force")
            exempt = i < 6  # 6 projects exempted from the guarantee (good credit): 66 applicable items
            if exempt:
                statuses["wage_guarantee"] = "not_applicable"
            first_day = max(start, date(year, 4, 10)) + timedelta(days=rng.randrange(20))
            first_day = self.cal.roll_forward(first_day)
            early = dict(statuses)
            early["rights_notice"] = {"status": "not_in_force", "rectify_by": first_day + timedelta(days=15),
                                      "evidence": "施工现场维权信息告示牌未设置"}
            if not exempt and i % 3 == 0:
                early["wage_guarantee"] = {"status": "not_in_force", "rectify_by": first_day + timedelta(days=30),
                                           "evidence": "工资保证金未足额存储"}
            service.record_check(row.id, first_day, early, inspector=rng.choice(inspectors),
                                 today=self.days.last)
            final = dict(statuses)
            if i in (6, 7, 8):  # three items not in force at the year's last check: 63 of 66
                final["rights_notice"] = {"status": "not_in_force", "rectify_by": date(year, 12, 20),
                                          "evidence": "维权信息告示牌内容未及时更新"}
            service.record_check(row.id, self.cal.roll_forward(date(year, 11, 1 + i)), final,
                                 inspector=rng.choice(inspectors), today=self.days.last)
            self.progress("在建项目", k + 1, total)
        self.counts["projects"] = total
