"""Which tables travel between sites, in which direction, and how each merges.

Every area declares its audited tables in its declaration (app/<area>/area.py):
either as travelling (with the direction its records go by default and how a
record changed on both sides is settled) or as local (with the reason it
stays); TRAVELLING and LOCAL below gather them.  A test fails
when an audited table is in neither.

Directions: UP is township → district (or arbitration institute), DOWN is
district → township.  Beside the default direction, a record that was once
exchanged with a peer goes back to that peer whenever it changes here (a
township's mediation case, accepted as an arbitration case at the district,
comes back with its case number and state).  Records a travelling record
refers to travel with it when the peer is not known to have them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    DISTRICT = "district"  # 区局
    ARBITRATION = "arbitration"  # 仲裁院
    TOWNSHIP = "township"  # 乡镇调解中心 / 劳动保障所


KIND_LABELS = {Kind.DISTRICT: ("district bureau", "区局"), Kind.ARBITRATION: ("arbitration institute", "仲裁院"),
               Kind.TOWNSHIP: ("township centre", "乡镇调解中心")}
HUB_KINDS = frozenset({Kind.DISTRICT.value, Kind.ARBITRATION.value})

UP = "up"
DOWN = "down"


class Merge(StrEnum):
    # A record changed at both sites becomes a conflict, kept both ways, settled field by field.
    FIELDS = "fields"
    # The district's register supersedes the township's copy; the township's version
    # is kept in the conflict table, marked superseded (never silently dropped).
    DISTRICT_WINS = "district_wins"


@dataclass(frozen=True)
class Travel:
    directions: frozenset[str]
    merge: Merge = Merge.FIELDS
    # columns that name the same thing on every site: a record another site made
    # for it is matched to ours instead of clashing (e.g. the same ID number)
    natural_keys: tuple[str, ...] = ()
    # which rows travel, when not all of them do (given the row's column values)
    only: Callable[[dict[str, Any]], bool] | None = field(default=None, compare=False)
    # columns computed from another (a sort key): never offered in a conflict, they
    # follow the choice made for the column they come from
    derived: dict[str, str] = field(default_factory=dict, compare=False)


# Settings a township takes from the district; its own names and numbering stay its own.
SHARED_SETTINGS = frozenset({"minimum_wage", "training_hours_target", "hearing_rooms"})

UP_ONLY = _UP = frozenset({UP})
DOWN_ONLY = _DOWN = frozenset({DOWN})
BOTH = _BOTH = frozenset({UP, DOWN})

# The kernel's own tables; every area declares its tables in its declaration (app/<area>/area.py,
# `travelling=` with the direction and the merge, `local=` with the reason a table stays).
KERNEL_TRAVELLING: dict[str, Travel] = {
    "setting": Travel(_DOWN, merge=Merge.DISTRICT_WINS, natural_keys=("key",),
                      only=lambda row: row.get("key") in SHARED_SETTINGS),
}

KERNEL_LOCAL: dict[str, str] = {
    "number_counter": "each site issues its own numbers",
    "issued_number": "each site issues its own numbers",
}


class _Declared(Mapping[str, Any]):
    """The kernel's tables and every area's (`travelling=` or `local=`), read when first used."""

    def __init__(self, kernel: dict[str, Any], attribute: str) -> None:
        self._kernel = kernel
        self._attribute = attribute
        self._cache: tuple[int, dict[str, Any]] | None = None

    def _all(self) -> dict[str, Any]:
        from app.kernel.areas import areas, generation

        if self._cache is None or self._cache[0] != generation():
            found = dict(self._kernel)
            for spec in areas():
                found.update(getattr(spec, self._attribute))
            self._cache = (generation(), found)
        return self._cache[1]

    def __getitem__(self, table_name: str) -> Any:
        return self._all()[table_name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


TRAVELLING: Mapping[str, Travel] = _Declared(KERNEL_TRAVELLING, "travelling")
LOCAL: Mapping[str, str] = _Declared(KERNEL_LOCAL, "local")


def direction(sender_kind: str, receiver_kind: str) -> frozenset[str]:
    """The default directions whose tables go from a site of one kind to another."""
    if sender_kind == Kind.TOWNSHIP.value:
        return _UP
    if receiver_kind == Kind.TOWNSHIP.value:
        return _DOWN
    return _BOTH  # district ↔ arbitration institute


def travels(table_name: str) -> bool:
    return table_name in TRAVELLING


def undeclared(audited_tables: list[str]) -> list[str]:
    """Audited tables declared neither travelling nor local."""
    return sorted(t for t in audited_tables if t not in TRAVELLING and t not in LOCAL)
