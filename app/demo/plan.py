"""The demo district's plan: how many of each kind of case the year has (DOMAIN A4),
the bureau's accounts, the names of its sites, centres and rooms, and what a build returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import time

from app.accounts.permissions import Role

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


CLAIM_TEXT = {
    "wages": "支付拖欠的劳动报酬", "overtime": "支付延时加班工资", "compensation": "支付解除劳动合同经济补偿金",
    "damages": "支付违法解除劳动合同赔偿金", "double_wage": "支付未签订书面劳动合同二倍工资差额",
    "injury": "支付一次性伤残补助金、一次性工伤医疗补助金等工伤保险待遇", "social_insurance": "补缴社会保险费或赔偿损失",
    "confirm_relationship": "确认申请人与被申请人存在劳动关系",
}
