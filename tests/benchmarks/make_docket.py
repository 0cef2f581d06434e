"""Build the arbitration docket the docket, desk and report benchmarks read: `cases` cases
received 2016–2026 with parties, claims, events and the open ones' deadlines, through raw
sqlite3 `executemany` into the Alembic-migrated schema (a read benchmark: no unit of work).

    python -m tests.benchmarks.make_docket PATH [CASES]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

BUILDER_VERSION = 1
CASES = 1_000_000
PEOPLE = 60_000
EMPLOYERS = 8_000
TODAY = date(2026, 11, 30)
FIRST = date(2016, 1, 1)
BATCH = 50_000
NOW = "2026-11-29 12:00:00.000000"


def _uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def build(path: Path, cases: int = CASES) -> None:
    # 60,000 people and 8,000 employers for a million cases; fewer for the small default run.
    people, employers = min(PEOPLE, max(1_000, cases // 16)), min(EMPLOYERS, max(100, cases // 125))
    from app.store.migrate import upgrade

    upgrade(f"sqlite:///{path}", backup_first=None)
    rng = random.Random(20261130)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚"
    db.executemany(
        "INSERT INTO party (id, uuid, version, created_at, updated_at, kind, name, is_migrant_worker) "
        "VALUES (?, ?, 1, ?, ?, ?, ?, 0)",
        [(i, _uuid(rng), NOW, NOW, "person", rng.choice(surnames) + rng.choice(given) + rng.choice(given))
         for i in range(1, people + 1)]
        + [(people + i, _uuid(rng), NOW, NOW, "org", f"贵州某{rng.choice('建筑劳务餐饮物流制造')}有限公司{i}")
           for i in range(1, employers + 1)],
    )
    span = (TODAY - FIRST).days
    case_id = party_link = claim_id = event_id = deadline_id = 0
    while case_id < cases:
        case_rows, links, claims, events, deadlines = [], [], [], [], []
        for _ in range(min(BATCH, cases - case_id)):
            case_id += 1
            received = FIRST + timedelta(days=int(span * case_id / cases))
            age = (TODAY - received).days
            amount1, amount2 = rng.randrange(100_000, 5_000_000), rng.randrange(0, 3_000_000)
            total = amount1 + amount2
            status, decided, accepted, closed, method, number = "received", None, None, None, None, None
            if age > 5:
                if rng.random() < 0.1:
                    status, decided = "not_accepted", received + timedelta(days=3)
                else:
                    decided = accepted = received + timedelta(days=3)
                    number = f"某区劳人仲案字〔{accepted.year}〕第{case_id}号"
                    status = "accepted"
                    if age > 60:
                        status, closed = "closed", accepted + timedelta(days=rng.randrange(20, 58))
                        method = rng.choice(("award", "award", "mediation", "withdrawal"))
            case_rows.append((case_id, _uuid(rng), NOW, NOW, number, status, "ordinary", "劳动报酬争议", "", 0,
                              received.isoformat(), _d(decided), _d(accepted), _d(closed), method, 0, total,
                              total if accepted else None))
            links.append((party_link + 1, _uuid(rng), NOW, NOW, case_id, rng.randrange(1, people + 1), "applicant", 0))
            links.append((party_link + 2, _uuid(rng), NOW, NOW, case_id, people + rng.randrange(1, employers + 1),
                          "respondent", 0))
            party_link += 2
            claims.append((claim_id + 1, _uuid(rng), NOW, NOW, case_id, 0, "wages", amount1))
            claims.append((claim_id + 2, _uuid(rng), NOW, NOW, case_id, 1, "compensation", amount2))
            claim_id += 2
            for kind, on in (("receive", received), ("accept" if accepted else "refuse", decided),
                             ("close_award", closed)):
                if on is not None:
                    event_id += 1
                    events.append((event_id, _uuid(rng), NOW, NOW, case_id, kind, on.isoformat()))
            if status == "received":
                deadlines.append((deadline_id + 1, case_id, "A2", "A2", received, received + timedelta(days=7)))
                deadline_id += 1
            elif status == "accepted":
                for rule, days in (("A4", 7), ("A7", 7), ("A9", 45)):
                    due_on = accepted + timedelta(days=days)
                    if rule == "A9" or due_on >= TODAY - timedelta(days=3) or rng.random() < 0.02:
                        deadline_id += 1
                        deadlines.append((deadline_id, case_id, rule, rule, accepted, due_on))
        db.executemany(
            "INSERT INTO arbitration_case (id, uuid, version, created_at, updated_at, case_no, status, procedure, "
            "cause, facts, collective, received_on, decided_on, accepted_on, closed_on, closure_method, "
            "extension_days, claimed_fen, accepted_claims_fen) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        db.executemany(
            "INSERT INTO arbitration_party (id, uuid, version, created_at, updated_at, case_id, party_id, role, position) "
            "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)", links)
        db.executemany(
            "INSERT INTO arbitration_claim (id, uuid, version, created_at, updated_at, case_id, position, category, "
            "description, amount_claimed_fen, withdrawn) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '', ?, 0)", claims)
        db.executemany(
            "INSERT INTO arbitration_event (id, uuid, version, created_at, updated_at, case_id, kind, \"on\", details, "
            "note, actor) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '{}', '', 'import')", events)
        db.executemany(
            "INSERT INTO arbitration_deadline (id, case_id, key, rule_id, start, due, calendar_complete, "
            "calendar_version, rule_version) VALUES (?, ?, ?, ?, ?, ?, 1, 'chinesecalendar', 'builtin')",
            [(i, c, k, r, s.isoformat(), d.isoformat()) for i, c, k, r, s, d in deadlines])
        db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    print(f"built {cases} cases in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else CASES)
