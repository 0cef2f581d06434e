"""A case's life cycle as data: each action, the states that allow it, its words and
the permission it needs.  The service refuses an action in any other state; the case
page offers exactly the actions `allowed` returns, so the two never disagree.

A first piece of the one life-cycle engine (issue 12: ``Transition(action, sources,
target, permission, fields, apply)``); the arbitration docket and township mediation
use it, the complaints keep their own table in ``complaint_rules`` for now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.accounts.permissions import Permission


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]  # the states that allow the action
    label_en: str
    label_zh: str
    permission: Permission

    def allows(self, status: str) -> bool:
        return status in self.sources

    def label(self, language: str) -> str:
        """The action as a button says it."""
        return self.label_en[:1].upper() + self.label_en[1:] if language == "en" else self.label_zh


def allowed(table: Mapping[str, Transition], status: str) -> list[str]:
    """The actions `status` allows, in the table's order (the order the case page shows them)."""
    return [action for action, t in table.items() if t.allows(status)]
