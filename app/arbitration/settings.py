"""The minimum-wage table the 终局 test reads (月最低工资标准 by effective date).

Kept in the settings store under "minimum_wage" ({"tier", "table": [{"effective",
"monthly_fen"}]}); the award uses the row in force on the award date.
Administrators keep it (the settings permission).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.settings import SettingsService
from app.store.engine import Store

KEY = "minimum_wage"


@dataclass(frozen=True)
class MinimumWage:
    effective: date
    monthly_fen: int


def read_table(store: Store, actor: Actor) -> tuple[str, list[MinimumWage]]:
    actor.require(Permission.ARBITRATION_VIEW)
    value = SettingsService(store, actor).get(KEY) or {"tier": "", "table": []}
    rows = [MinimumWage(date.fromisoformat(str(r["effective"])), int(r["monthly_fen"])) for r in value.get("table", [])]
    return str(value.get("tier", "")), sorted(rows, key=lambda r: r.effective)


def save_table(store: Store, actor: Actor, tier: str, rows: Iterable[MinimumWage]) -> list[MinimumWage]:
    cleaned = sorted(rows, key=lambda r: r.effective)
    if not cleaned:
        raise UserError("minimum_wage.empty")
    seen: set[date] = set()
    for row in cleaned:
        if row.monthly_fen <= 0:
            raise UserError("minimum_wage.amount", date=row.effective.isoformat())
        if row.effective in seen:
            raise UserError("minimum_wage.duplicate", date=row.effective.isoformat())
        seen.add(row.effective)
    SettingsService(store, actor).set(KEY, {
        "tier": tier.strip(),
        "table": [{"effective": r.effective.isoformat(), "monthly_fen": r.monthly_fen} for r in cleaned],
    })
    return cleaned
