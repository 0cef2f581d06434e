"""A year of a district bureau (DOMAIN A4), made record by record through the services.

Everything is written by the services of app/services with a signed-in
account of the right role, so every record is audited like a clerk's:

1. accounts: the first administrator (create_first_admin, the set-up actor's
   one act), then one account per role made by that administrator;
2. the legal office (法制审核员) keeps the roster, certificates, study sessions
   and exams; the inspector keeps the construction projects and their
   six-system checks and handles complaints that the intake clerk registers
   (and imports a ledger of the simpler ones); the township mediator runs the
   online and on-site mediations (and forwards failed ones to arbitration);
   the arbitration clerk receives, accepts or refuses applications and runs
   the cases, with the arbitrators as tribunal members.

The figures of A4 are not typed in: they follow from the records, and the
plan below is arranged so that for `scale=1` and year 2023 the yearly report
gives exactly 861 / 1,020 / 5,233,000.00 / 12 / 95.45 % / 757 / 673 / 84 /
4,965.37 万元 / 660 / 13 / 54 / 27 / 17 / 4·7·3 / 100 % · 100 %.  `scale=N`
multiplies the cases (complaints, workers, money, projects, arbitration and
mediation); the roster and the study programme stay one bureau's.

All randomness comes from one `random.Random(seed)`, so a seed gives the same
district every time (names, numbers, dates, amounts).
"""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import event, func, select

from app.accounts.actor import Actor, setup_actor
from app.accounts.permissions import Role
from app.accounts.service import AccountService, actor_of
from app.arbitration.importing import import_docket
from app.arbitration.models import ArbitrationClaim
from app.arbitration.service import ArbitrationCaseService, AwardItem, ClaimInput
from app.complaints.importing import import_ledger
from app.complaints.models import Complaint
from app.complaints.service import ComplaintService
from app.demo.identities import IdentityMaker
from app.errors import UserError
from app.kernel.settings import SettingsService
from app.legal.calendar import LegalCalendar, default_calendar
from app.mediation.service import MediationService
from app.parties.service import PartyService
from app.projects.service import ProjectService
from app.staff.service import StaffService
from app.store.engine import Store
from app.training.service import TrainingService

Progress = Callable[[str, int, int], None]

# ---------------------------------------------------------------- the A4 plan (scale 1)
CERTIFIED_STAFF = 17
STUDY_SESSIONS = (("party_group", 4), ("bureau_wide", 7), ("party_branch", 3))


@dataclass(frozen=True)
class Plan:
    """How many of each kind of case the year has.  The defaults give DOMAIN A4's
    figures: 861 complaints, 1,020 workers, 523.3 万元, 12 projects, 757/673/84,
    4,965.37 万元, 660 closed and 13 pending, 54 online mediations with 27 agreed."""

    # complaints: collective site cases (whole life cycle) and the imported ledger
    workers_recovered: int = 1020
    wages_recovered_fen: int = 523_300_000
    collective_cases: int = 14
    collective_workers: int = 300
    refused: int = 25
    redirected: int = 45  # told to apply for arbitration; some of them do (监察+仲裁)
    reports: int = 8  # 举报, rectified
    open_investigations: int = 30
    pending_decision: int = 9
    no_violation: int = 10
    closed_of_imported: int = 40
    # construction projects (six-system checks: 63 of 66 items in force per 12)
    projects: int = 12
    # arbitration (no case carried in from the year before)
    arb_accepted: int = 673
    arb_not_accepted: int = 84
    arb_pending: int = 13
    arb_amount_fen: int = 4_965_370_000
    # township mediation: online (互联网+调解) and on site
    online_agreed: int = 27
    online_transferred: int = 6  # failed, forwarded to arbitration (counted among the received)
    online_failed: int = 11
    online_withdrawn: int = 6
    online_refused: int = 4
    online_open: int = 3
    onsite_agreed: int = 11
    onsite_failed: int = 5
    onsite_withdrawn: int = 2
    onsite_open: int = 2
    # employers in the register
    employers: int = 260
    labour_firms: int = 16

    def scaled(self, n: int) -> Plan:
        return Plan(**{f.name: getattr(self, f.name) * n for f in fields(self)})

    @property
    def complaints_received(self) -> int:
        return (self.collective_cases + self.workers_recovered - self.collective_workers + self.refused
                + self.redirected + self.reports + self.open_investigations + self.pending_decision
                + self.no_violation)

    @property
    def arb_received(self) -> int:
        return self.arb_accepted + self.arb_not_accepted

    @property
    def online_handled(self) -> int:
        return (self.online_agreed + self.online_transferred + self.online_failed + self.online_withdrawn
                + self.online_refused)


A4_PLAN = Plan()
# A small year for tests (same shape, about a twentieth of the cases).
SMALL_PLAN = Plan(
    workers_recovered=60, wages_recovered_fen=30_000_000, collective_cases=2, collective_workers=20, refused=3,
    redirected=4, reports=1, open_investigations=2, pending_decision=1, no_violation=1, closed_of_imported=3,
    projects=12, arb_accepted=30, arb_not_accepted=4, arb_pending=3, arb_amount_fen=300_000_000,
    online_agreed=3, online_transferred=1, online_failed=1, online_withdrawn=1, online_refused=1, online_open=1,
    onsite_agreed=1, onsite_failed=1, onsite_withdrawn=0, onsite_open=0, employers=30, labour_firms=4,
)

DEMO_PASSWORD = "Renshe-2023"
DISTRICT = "南明区"

ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "系统管理员", Role.ADMIN),
    ("shouli", "周敏", Role.INTAKE),
    ("jiancha", "王强", Role.INSPECTOR),
    ("zhongcai1", "刘洋", Role.ARBITRATOR),
    ("zhongcai2", "陈静", Role.ARBITRATOR),
    ("zhongcai3", "杨勇", Role.ARBITRATOR),
    ("shuji", "黄丽", Role.ARB_CLERK),
    ("tiaojie", "赵磊", Role.MEDIATOR),
    ("fazhi", "吴娟", Role.LEGAL_REVIEWER),
    ("lingdao", "孙明", Role.LEADERSHIP),
)

PROJECT_SITES = (
    ("南明区花果园棚户区改造安置房（一期）", "南明区花果园街道"),
    ("南明区第十八中学教学综合楼", "南明区兴关路街道"),
    ("贵阳市公共卫生救治中心二期", "南明区太慈桥街道"),
    ("青山小区老旧小区改造", "南明区青山街道"),
    ("南明河沿岸截污管网提升工程", "南明区沙冲路街道"),
    ("龙洞堡食品产业园标准厂房", "南明区龙洞堡街道"),
    ("五里冲片区市政道路（含综合管廊）", "南明区五里冲街道"),
    ("二七路小学改扩建", "南明区二戈寨街道"),
    ("南明区人民医院住院楼", "南明区遵义路街道"),
    ("甘荫塘农贸市场改造", "南明区新华路街道"),
    ("云关乡安置点配套道路", "南明区云关乡"),
    ("小碧布依族苗族乡中心幼儿园", "南明区小碧乡"),
)
CONTRACTORS = (
    "贵州建工集团第一建筑工程有限责任公司", "中建四局第三建设有限公司", "贵州筑城建设工程有限公司",
    "中铁五局集团第一工程有限责任公司", "贵州黔城建筑工程有限公司",
)
BUILDER = "贵阳市南明区城市建设投资有限责任公司"
MEDIATION_CENTRES = (
    "花果园街道劳动争议调解中心", "兴关路街道劳动争议调解中心", "太慈桥街道劳动争议调解中心",
    "沙冲路街道劳动争议调解中心", "龙洞堡街道劳动争议调解中心", "云关乡劳动争议调解中心",
)
ROOMS = ("第一仲裁庭", "第二仲裁庭", "第三仲裁庭")
HEARING_STARTS = (time(9, 30), time(14, 30))  # two hearings of two hours a day
COMPLAINT_MATTERS = (
    "拖欠{months}工资", "拖欠{months}工资，多次催要未果", "离职后未结清{months}工资",
    "工地完工后未支付{months}工资", "以资金周转困难为由拖欠{months}工资",
)
REFUSE_GROUNDS = (
    "违法行为发生已超过两年，依法不予受理", "所反映事项不属于劳动保障监察管辖范围",
    "投诉人未提供用人单位基本信息且经补正仍无法核实",
)
REDIRECT_TO = (
    "区劳动人事争议仲裁院", "区劳动人事争议仲裁院（需确认劳动关系）", "区人民法院（劳务合同纠纷）",
)
ARB_CAUSES = (
    ("劳动报酬争议", ("wages", "overtime")),
    ("解除劳动合同争议", ("compensation", "wages")),
    ("违法解除劳动合同争议", ("damages", "wages")),
    ("未签订书面劳动合同争议", ("double_wage", "wages")),
    ("工伤保险待遇争议", ("injury",)),
    ("社会保险争议", ("social_insurance", "compensation")),
    ("确认劳动关系争议", ("confirm_relationship", "wages")),
)
# Only the grounds of 办案规则 art 31 (art 30 items (1)–(3)), with the particulars.  时效 and the
# existence of an employment relationship are decided on the merits after acceptance, never at the door.
REFUSAL_GROUNDS_ARB = (
    ("outside_scope", "申请人请求责令用人单位补缴社会保险费，属社会保险费征缴事项"),
    ("outside_scope", "申请人的请求为追讨工程款，属建设工程施工合同纠纷"),
    ("no_clear_claim", "经告知补正后仍未写明具体仲裁请求"),
    ("no_clear_respondent", "申请书所列被申请人名称、住所无法确定"),
)


@dataclass(frozen=True)
class DemoAccount:
    user_id: int
    username: str
    display_name: str
    role: str
    password: str


@dataclass
class DemoResult:
    year: int
    seed: int
    scale: int
    accounts: list[DemoAccount]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


# ---------------------------------------------------------------- helpers
def database_is_empty(store: Store) -> bool:
    """True when no table holds a row (the audit chain's head and key aside)."""
    import app.models  # noqa: F401  (every table in the metadata)
    from app.store.base import Base

    with store.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("audit_head", "audit_key"):  # made by the schema itself
                continue
            if session.execute(select(func.count()).select_from(table)).scalar():
                return False
    return True


def split_total(total: int, weights: Sequence[float], *, unit: int = 100, minimum: int = 100) -> list[int]:
    """`total` split in proportion to `weights`: each part at least `minimum` and a
    multiple of `unit` above it, the last remainder on the largest part; sums exactly."""
    n = len(weights)
    if n == 0:
        return []
    if n * minimum > total:
        raise ValueError("the total is too small for so many parts")
    factor = (total - n * minimum) / sum(weights)
    parts = [minimum + int(w * factor) // unit * unit for w in weights]
    diff = total - sum(parts)
    order = sorted(range(n), key=lambda i: -weights[i])
    k = 0
    while diff >= unit:
        parts[order[k % n]] += unit
        diff -= unit
        k += 1
    parts[order[0]] += diff
    return parts


class Days:
    """Dates of the year: intake weighted by season, with the Spring Festival and
    National Day lulls (statutory rest days get nothing, the days around them little)."""

    def __init__(self, year: int, rng: random.Random, calendar: LegalCalendar) -> None:
        self.year = year
        self.rng = rng
        self.cal = calendar
        self.first = date(year, 1, 1)
        self.last = date(year, 12, 31)
        self.last_working = calendar.roll_backward(self.last)
        month_factor = {1: 1.5, 2: 0.8, 3: 1.0, 4: 0.95, 5: 0.9, 6: 1.0, 7: 1.0, 8: 1.0, 9: 1.05, 10: 0.7,
                        11: 1.2, 12: 1.45}
        holidays = set(calendar.rest_days_on_weekdays(year))
        days: list[date] = []
        weights: list[float] = []
        d = self.first
        while d <= self.last:
            near_holiday = any(abs((d - h).days) <= 2 for h in holidays)
            if d in holidays or (near_holiday and not calendar.is_working_day(d)):
                w = 0.0  # the holiday itself, weekend days included
            elif calendar.is_working_day(d):
                w = 1.0
            else:
                w = 0.12  # online and 12345 leads still come in at weekends
            if w and any(abs((d - h).days) <= 3 for h in holidays):
                w *= 0.5  # just before and after a long holiday
            days.append(d)
            weights.append(w * month_factor[d.month])
            d += timedelta(days=1)
        self._days = days
        self._weights = weights
        self._cum: list[float] = []
        acc = 0.0
        for w in weights:
            acc += w
            self._cum.append(acc)

    def intake(self, *, earliest: date | None = None, latest: date | None = None) -> date:
        """A day something came in (weighted), within [earliest, latest]."""
        lo = (earliest or self.first) - self.first
        hi = (latest or self.last) - self.first
        lo_i, hi_i = lo.days, max(lo.days, hi.days)
        base = self._cum[lo_i - 1] if lo_i > 0 else 0.0
        top = self._cum[hi_i]
        if top <= base:
            return self.cal.roll_forward(earliest or self.first)
        x = base + self.rng.random() * (top - base)
        # bisect
        a, b = lo_i, hi_i
        while a < b:
            m = (a + b) // 2
            if self._cum[m] < x:
                a = m + 1
            else:
                b = m
        return self._days[a]

    def working_after(self, d: date, low: int, high: int) -> date:
        """A working day `low`..`high` working days after `d` (0 = d itself, rolled forward)."""
        n = self.rng.randint(low, high)
        start = self.cal.roll_forward(d)
        return start if n == 0 else self.cal.add_working_days(start, n)

    def capped(self, d: date) -> date:
        return min(d, self.last_working)


@dataclass(frozen=True)
class _Version:
    version: int


def _relax_durability(store: Store) -> Callable[[], None]:
    """WAL with synchronous=NORMAL while the demo writes (commits are not fsynced one
    by one; the database stays consistent, only the last moments could be lost on a
    power cut — acceptable for demo data).  Returns the function that restores FULL."""
    engine = store.engine
    if engine.dialect.name != "sqlite":
        return lambda: None

    def relaxed(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(engine, "connect", relaxed)
    engine.dispose()

    def restore() -> None:
        event.remove(engine, "connect", relaxed)
        engine.dispose()

    return restore


# ---------------------------------------------------------------- the builder
class DistrictBuilder:
    def __init__(self, store: Store, *, year: int, seed: int, scale: int, progress: Progress | None,
                 calendar: LegalCalendar | None = None, plan: Plan = A4_PLAN) -> None:
        self.store = store
        self.plan = plan.scaled(scale)
        self.year = year
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(seed)
        self.people = IdentityMaker(self.rng)
        self.cal = calendar or default_calendar()
        self.days = Days(year, self.rng, self.cal)
        self.progress = progress or (lambda _label, _done, _total: None)
        self.counts: dict[str, int] = {}
        self.accounts: list[DemoAccount] = []
        self.actors: dict[str, Actor] = {}
        self.user_ids: dict[str, int] = {}

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
    def import_parties(self, records: list[dict[str, Any]], actor: str = "admin") -> list[int]:
        report = PartyService(self.store, self.actors[actor]).import_records(
            enumerate(records, start=1), total=len(records))
        if report.refused:
            raise RuntimeError(f"demo parties refused: {report.refused[:3]}")
        return list(report.imported_ids)

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

    def employer(self) -> tuple[int, dict[str, Any]]:
        """An employer for a complaint or a dispute: small firms far more often than the sites' labour firms."""
        rng = self.rng
        pool = self.labour if rng.random() < 0.3 else self.others
        # a tenth of the employers draw a third of the complaints (a long tail)
        if rng.random() < 0.33:
            return pool[rng.randrange(max(1, len(pool) // 10))]
        return pool[rng.randrange(len(pool))]

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
            inspector.record_action(detail.id, "site_inspection", visit,
                                    "赴项目现场检查，调取考勤记录、工资支付台账和农民工工资专用账户流水")
            detail = inspector.get(detail.id)
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
            for w, amount in zip(detail.workers, amounts, strict=True):
                paid_on = days.capped(days.working_after(first_due, 0, 12))
                last_paid = max(last_paid, paid_on)
                inspector.record_payment(detail.id, w.id, paid_on, amount, method="银行代发",
                                         note="总承包单位通过农民工工资专用账户代发")
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
            detail = _Version(versions[complaint_id])
            if kind == "refuse":
                inspector.refuse(complaint_id, detail.version, days.working_after(received, 1, 5),
                                 rng.choice(REFUSE_GROUNDS))
            elif kind == "redirect":
                inspector.redirect(complaint_id, detail.version, days.working_after(received, 1, 5),
                                   rng.choice(REDIRECT_TO), "属于劳动争议，告知申请劳动人事争议仲裁")
            elif kind == "no_violation":
                on = row["accepted_on"]
                detail = inspector.assign_officers(complaint_id, detail.version, rng.sample(self.enforcers, 2), on)
                closed = days.capped(days.working_after(on, 5, 20))
                inspector.close(complaint_id, detail.version, closed, "no_violation",
                                "经调查，工资已按约定支付，查无拖欠工资违法事实")
            elif kind == "open" and rng.random() < 0.5:
                inspector.assign_officers(complaint_id, detail.version, rng.sample(self.enforcers, 2),
                                          row["accepted_on"])
            elif kind == "paid" and closed_paid < plan.closed_of_imported:
                closed_paid += 1
                on = row["paid_on"]
                detail = inspector.assign_officers(complaint_id, detail.version, rng.sample(self.enforcers, 2),
                                                   row["accepted_on"])
                inspector.close(complaint_id, detail.version, on, "paid", "经协调，用人单位已全额支付拖欠工资")

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
        clerk = ArbitrationCaseService(self.store, self.actors["shuji"], calendar=self.cal)
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
        claims = self._claims([c[0] for c in accepted_cases])
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
                view = self._tribunal(clerk, case_id, tribunal_on, arbitrators, clerk_id)
                view = clerk.schedule_hearing(case_id, schedule_on, held_on=held_on, starts_at=starts_at,
                                              ends_at=time(starts_at.hour + 2, starts_at.minute),
                                              room=rng.choice(ROOMS))
                hearing_id = view.hearings[-1].id
                view = clerk.hold_hearing(case_id, held_on, hearing_id=hearing_id, note="双方到庭，进行了举证质证和辩论")
                items = []
                for claim in view.claims:
                    if claim.category == "confirm_relationship":
                        items.append(AwardItem(claim.id, 0, rng.choice(("upheld", "dismissed"))))
                        continue
                    share = rng.choice((1.0, 1.0, 0.8, 0.6, 0.5, 0.0))
                    result = "upheld" if share == 1.0 else ("dismissed" if share == 0 else "partly_upheld")
                    items.append(AwardItem(claim.id, int(claim.amount_claimed_fen * share) // 100 * 100, result))
                clerk.close_award(case_id, award_on, items, note="依法作出裁决")
                awards += 1
            else:
                on = days.capped(days.working_after(accepted_on, 3, 20))
                amounts = {claim_id: amount * rng.randrange(55, 96) // 100 // 100 * 100
                           for claim_id, amount in claims[case_id]}
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
                    view = clerk.schedule_hearing(case_id, tribunal_on, held_on=held_on, starts_at=time(14, 30),
                                                  ends_at=time(16, 30), room=ROOMS[n % len(ROOMS)])
            steps += 1
            self.progress("仲裁办案", steps, total_steps)
        self.counts.update(arbitration_received=received_total, arbitration_awards=awards,
                           arbitration_mediations=mediations, arbitration_pending=len(pending))

    def _versions(self, model: Any, ids: Sequence[int]) -> dict[int, int]:
        """The records' current versions in one read (a step on a case names the version it saw)."""
        with self.store.read() as session:
            found: dict[int, int] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start: start + 500]
                for record_id, version in session.execute(select(model.id, model.version).where(model.id.in_(chunk))):
                    found[record_id] = version
            return found

    def _claims(self, case_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        """Each case's live claims (id, amount claimed) in one read."""
        out: dict[int, list[tuple[int, int]]] = {cid: [] for cid in case_ids}
        with self.store.read() as session:
            for start in range(0, len(case_ids), 500):
                chunk = case_ids[start: start + 500]
                rows = session.execute(
                    select(ArbitrationClaim.case_id, ArbitrationClaim.id, ArbitrationClaim.amount_claimed_fen)
                    .where(ArbitrationClaim.case_id.in_(chunk), ArbitrationClaim.withdrawn.is_(False))
                    .order_by(ArbitrationClaim.case_id, ArbitrationClaim.position)
                )
                for case_id, claim_id, amount in rows:
                    out[case_id].append((claim_id, amount))
        return out

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

    def _tribunal(self, clerk: ArbitrationCaseService, case_id: int, on: date, arbitrators: list[int],
                  clerk_id: int, procedure: str = "ordinary") -> Any:
        """组庭: three arbitrators under the ordinary procedure (every case the docket receives
        starts as ordinary), one under the simple procedure."""
        if procedure == "ordinary":
            chief, second, third = self.rng.sample(arbitrators, 3)
            return clerk.form_tribunal(case_id, on, chief_id=chief, clerk_id=clerk_id, arbitrator_2_id=second,
                                       arbitrator_3_id=third)
        return clerk.form_tribunal(case_id, on, chief_id=self.rng.choice(arbitrators), clerk_id=clerk_id)


CLAIM_TEXT = {
    "wages": "支付拖欠的劳动报酬", "overtime": "支付延时加班工资", "compensation": "支付解除劳动合同经济补偿金",
    "damages": "支付违法解除劳动合同赔偿金", "double_wage": "支付未签订书面劳动合同二倍工资差额",
    "injury": "支付一次性伤残补助金、一次性工伤医疗补助金等工伤保险待遇", "social_insurance": "补缴社会保险费或赔偿损失",
    "confirm_relationship": "确认申请人与被申请人存在劳动关系",
}


def build_district(store: Store, *, year: int = 2023, seed: int = 2023, scale: int = 1,
                   progress: Progress | None = None, calendar: LegalCalendar | None = None,
                   plan: Plan = A4_PLAN) -> DemoResult:
    """Fill an EMPTY database with the demo district's `year` (see the module docstring)."""
    if scale < 1:
        raise UserError("demo.scale_invalid", value=scale)
    if year < 2000 or date(year, 12, 31) >= date.today():
        raise UserError("demo.year_not_past", value=year)
    if not database_is_empty(store):
        raise UserError("demo.database_not_empty")
    started = _time.perf_counter()
    restore = _relax_durability(store)
    try:
        builder = DistrictBuilder(store, year=year, seed=seed, scale=scale, progress=progress, calendar=calendar,
                                  plan=plan)
        builder.make_accounts()
        builder.make_staff()
        builder.make_training()
        builder.make_employers()
        builder.make_projects()
        builder.make_complaints()
        forwarded = builder.make_mediation()
        builder.make_arbitration(forwarded)
    finally:
        restore()
    return DemoResult(year=year, seed=seed, scale=scale, accounts=builder.accounts, counts=builder.counts,
                      seconds=_time.perf_counter() - started)

