"""A small district built through the area services, with records on both sides of
the 2023/2024 boundary (no tests here; test_reports*.py and tests/ui use it).

What 2023 must show (each by the date of its own event):
- complaints: C1 received 2023-06-01, C2 received 2023-12-31 (accepted 2024-01-02) → 2 received;
  payments 2023-07-01 (w1 1,000.00), 2023-12-31 (w2 500.00), 2024-01-01 (w3 700.00)
  → 2 workers, 1,500.00 yuan in 2023; 1 worker, 700.00 in 2024.
- arbitration: A4 received 2022-12-20 accepted 2023-01-04; A2 received 2023-03-01 accepted 03-03,
  closed by mediation 06-01; A3 received 2023-03-01 refused 03-03; A5 received 2023-05-01 accepted
  05-05 (pending); A1 received 2023-12-31 accepted 2024-01-02
  → R 4, A 3, N 1, ΔP 0, B 0, C 1, E 2; amount = A2 + A4 + A5 claims.
- mediation (online): M1 agreed 2023-12-31, M2 failed 2024-01-02; M3 on site agreed 2023-06-20
  → online handled 1, successful 1.
- staff: 2 inspectors valid to 2026, one certificate expiring 2023-12-30, one 2023-12-31 → 3 on 31 Dec.
- training: party_group 2023-12-31 and 2024-01-01, bureau_wide 2023-03-08; an exam 2023-11-20
  (two required, both sat and passed) → 100.00 / 100.00.
- projects: tests/unit/test_projects.py seed_report_projects → 12 under way, 63/66 = 95.45 %.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.services.arbitration import ArbitrationCaseService
from app.services.mediation import MediationService
from app.services.staff import StaffService
from app.services.training import TrainingService
from tests.conftest import make_actor
from tests.unit.test_arbitration_fixtures import MEDIATOR, make_world, wage_claims
from tests.unit.test_complaints import intake, service
from tests.unit.test_projects import seed_report_projects

LATER = date(2024, 3, 1)
CLAIMS_FEN = sum(c.amount_fen for c in wage_claims())  # 42,000.00 yuan per application


def seed_boundary_world(store: Any, *, projects: bool = True) -> dict[str, Any]:
    ids: dict[str, Any] = {}
    # ---- staff (the two inspectors the complaint needs, plus the two boundary certificates)
    staff = StaffService(store, make_actor("admin", username="admin"))
    officers = []
    for i, (name, expiry) in enumerate((("王明", date(2026, 1, 1)), ("陈静", date(2026, 1, 1)),
                                        ("刘洋", date(2023, 12, 30)), ("黄丽", date(2023, 12, 31)))):
        officer = staff.create({"name": name, "unit": "区人社局", "section": "劳动保障监察大队"})
        staff.add_certificate(officer.id, {"number": f"LBJC-{i:04d}", "issue_date": date(2020, 1, 1),
                                           "expiry_date": expiry, "category": "劳动保障监察"})
        officers.append(officer.id)
    ids["officers"] = officers

    # ---- complaints
    svc = service(store, today=LATER)
    c1, _ = svc.register(intake(3, 500_000))
    c1 = svc.accept(c1.id, c1.version, date(2023, 6, 5))
    c1 = svc.assign_officers(c1.id, c1.version, officers[:2], date(2023, 6, 5))
    w1, w2, w3 = (w.id for w in c1.workers)
    svc.record_payment(c1.id, w1, date(2023, 7, 1), 100_000)
    svc.record_payment(c1.id, w2, date(2023, 12, 31), 50_000)
    svc.record_payment(c1.id, w3, date(2024, 1, 1), 70_000)
    c2, _ = svc.register(intake(1, 300_000, received_at=datetime(2023, 12, 31, 10, 0),
                                employers=[{"party": {"name": "某餐饮管理有限公司"}, "role": "employer"}]))
    svc.accept(c2.id, c2.version, date(2024, 1, 2))
    ids["complaints"] = [c1.id, c2.id]

    # ---- arbitration
    world = make_world(store)
    arb = ArbitrationCaseService(store, make_actor("arb_clerk", username="clerk"), today=lambda: LATER)

    def receive(on: date) -> int:
        return arb.receive(applicants=[world.worker], respondents=[world.employer], claims=wage_claims(),
                           received_on=on, cause="劳动报酬争议")

    a4 = receive(date(2022, 12, 20))
    arb.accept(a4, date(2023, 1, 4))
    a2 = receive(date(2023, 3, 1))
    arb.accept(a2, date(2023, 3, 3))
    arb.close_mediation(a2, date(2023, 6, 1), amounts={arb.get(a2).claims[0].id: 800_000})
    a3 = receive(date(2023, 3, 1))
    arb.refuse(a3, date(2023, 3, 3), "outside_scope", "社会保险费征缴")
    a5 = receive(date(2023, 5, 1))
    arb.accept(a5, date(2023, 5, 5))
    a1 = receive(date(2023, 12, 31))
    arb.accept(a1, date(2024, 1, 2))
    ids["arbitration"] = {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5}

    # ---- mediation
    med = MediationService(store, MEDIATOR, today=lambda: LATER)

    def mediation(received: date, channel: str) -> int:
        case = med.apply(applicants=[world.worker2], respondents=[world.employer2], claims=wage_claims()[:1],
                         received_on=received, channel=channel, organisation="某街道劳动保障服务中心")
        med.accept(case, received)
        return case

    m1 = mediation(date(2023, 12, 20), "online")
    med.agree(m1, date(2023, 12, 31), terms="被申请人于2024年1月10日前支付工资12000元", amount_agreed_fen=1_200_000)
    m2 = mediation(date(2023, 12, 25), "online")
    med.fail(m2, date(2024, 1, 2), "双方分歧较大")
    m3 = mediation(date(2023, 6, 10), "on_site")
    med.agree(m3, date(2023, 6, 20), terms="当场支付", amount_agreed_fen=500_000)
    ids["mediation"] = [m1, m2, m3]

    # ---- training
    training = TrainingService(store, make_actor("admin", username="admin"))
    for kind, on in (("party_group", date(2023, 12, 31)), ("party_group", date(2024, 1, 1)),
                     ("bureau_wide", date(2023, 3, 8))):
        training.create_session({"kind": kind, "held_on": on, "topic": "习近平法治思想专题学习", "hours": "2",
                                 "on_rule_of_law": True}, officers[:2])
    training.create_exam({"title": "2023年度行政执法人员法律知识考试", "held_on": date(2023, 11, 20), "pass_mark": "60"},
                         [{"officer_id": o, "attended": True, "score": "90"} for o in officers[:2]])

    # ---- projects
    if projects:
        ids["projects"] = seed_report_projects(store, make_actor("admin", username="admin"))
    return ids
