"""Shared set-up for the arbitration, mediation and desk tests (no tests here).

A calendar with chinesecalendar's data; parties from the register; tribunal
members inserted as user accounts straight into the store (no password work).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models.user import User
from app.services.actor import setup_actor
from app.services.arbitration import ArbitrationCaseService, ClaimInput
from app.services.mediation import MediationService
from app.services.parties import PartyService
from tests.conftest import make_actor

CLERK = make_actor("arb_clerk", username="clerk")
ARBITRATOR = make_actor("arbitrator", username="arb")
MEDIATOR = make_actor("mediator", username="med")


@dataclass
class World:
    store: object
    worker: int
    worker2: int
    employer: int
    employer2: int
    chief: int
    second: int
    third: int
    clerk: int
    other_chief: int

    def clerk_service(self, today: date = date(2024, 1, 1)) -> ArbitrationCaseService:
        return ArbitrationCaseService(self.store, CLERK, today=lambda: today)  # type: ignore[arg-type]

    def mediation(self, today: date = date(2024, 1, 1)) -> MediationService:
        return MediationService(self.store, MEDIATOR, today=lambda: today)  # type: ignore[arg-type]


def make_world(store) -> World:  # type: ignore[no-untyped-def]
    parties = PartyService(store, setup_actor())
    worker = parties.create({"kind": "person", "name": "张伟"}).id
    worker2 = parties.create({"kind": "person", "name": "李娜"}).id
    employer = parties.create({"kind": "org", "name": "贵州某建筑工程有限公司"}).id
    employer2 = parties.create({"kind": "org", "name": "某劳务有限公司"}).id
    ids = []
    with store.sessions() as session:
        for username, name, roles in (
            ("chief", "王仲裁", "arbitrator"),
            ("second", "李仲裁", "arbitrator"),
            ("third", "赵仲裁", "arbitrator"),
            ("clerk", "陈书记", "arb_clerk"),
            ("chief2", "周仲裁", "arbitrator"),
        ):
            user = User(username=username, display_name=name, password_hash="x", roles=roles)
            session.add(user)
            session.flush()
            ids.append(user.id)
        session.commit()
    return World(store, worker, worker2, employer, employer2, *ids)


def wage_claims() -> list[ClaimInput]:
    return [
        ClaimInput("wages", 1_200_000, "2023年6月至8月工资", date(2023, 6, 1), date(2023, 8, 31)),
        ClaimInput("compensation", 3_000_000, "解除劳动合同经济补偿"),
    ]


def receive(world: World, on: date = date(2023, 9, 25)) -> int:
    return world.clerk_service().receive(
        applicants=[world.worker], respondents=[world.employer], claims=wage_claims(), received_on=on,
        cause="劳动报酬争议",
    )


# -- one operation per permission, for tests/unit/test_permissions.py


def _employer(store) -> int:  # type: ignore[no-untyped-def]
    return PartyService(store, setup_actor()).create({"kind": "org", "name": "权限测试公司"}).id


def permission_receive(store, actor, pid: int):  # type: ignore[no-untyped-def]
    return ArbitrationCaseService(store, actor).receive(
        applicants=[pid], respondents=[_employer(store)], claims=[ClaimInput("wages", 100)], received_on=date(2024, 3, 1)
    )


def permission_handle(store, actor, pid: int):  # type: ignore[no-untyped-def]
    cid = permission_receive(store, setup_actor(), pid)
    ArbitrationCaseService(store, setup_actor()).accept(cid, date(2024, 3, 4))
    return ArbitrationCaseService(store, actor).convert_procedure(cid, date(2024, 3, 5), "simple")


def permission_mediate(store, actor, pid: int):  # type: ignore[no-untyped-def]
    return MediationService(store, actor).apply(
        applicants=[pid], respondents=[_employer(store)], claims=[ClaimInput("wages", 100)], received_on=date(2024, 3, 1)
    )
