"""Which tables travel between sites, in which direction, and how each merges.

The one place every area declares its audited tables: either in TRAVELLING
(with the direction its records go by default and how a record changed on
both sides is settled) or in LOCAL (with the reason it stays).  A test fails
when an audited table is in neither.

Directions: UP is township → district (or arbitration institute), DOWN is
district → township.  Beside the default direction, a record that was once
exchanged with a peer goes back to that peer whenever it changes here (a
township's mediation case, accepted as an arbitration case at the district,
comes back with its case number and state).  Records a travelling record
refers to travel with it when the peer is not known to have them.
"""

from __future__ import annotations

from collections.abc import Callable
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

_UP = frozenset({UP})
_DOWN = frozenset({DOWN})
_BOTH = frozenset({UP, DOWN})

TRAVELLING: dict[str, Travel] = {
    # parties: registered anywhere, the register is the district's and goes down again
    "party": Travel(_BOTH, natural_keys=("id_no", "uscc"), derived={"name_sort": "name"}),
    # mediation (townships)
    "mediation_case": Travel(_UP),
    "mediation_party": Travel(_UP),
    "mediation_claim": Travel(_UP),
    "mediation_event": Travel(_UP),
    # complaints registered at a township; the district's own go nowhere unless shared
    "complaint": Travel(_UP),
    "complaint_employer": Travel(_UP),
    "complaint_worker": Travel(_UP),
    "complaint_officer": Travel(_UP),
    "complaint_event": Travel(_UP),
    "payment_instalment": Travel(_UP),
    "wage_payment": Travel(_UP),
    "complaint_legal_review": Travel(_UP),
    "complaint_evidence": Travel(_UP),
    # arbitration applications made at a township (转仲裁) go up; the institute's
    # decisions on them come back as changes to records once exchanged
    "arbitration_case": Travel(_UP),
    "arbitration_party": Travel(_UP),
    "arbitration_claim": Travel(_UP),
    "arbitration_event": Travel(_UP),
    "arbitration_service": Travel(frozenset()),
    "arbitration_hearing": Travel(frozenset()),
    # the district's registers
    "officer": Travel(_DOWN, merge=Merge.DISTRICT_WINS, natural_keys=("id_no",), derived={"name_sort": "name"}),
    "officer_certificate": Travel(_DOWN, merge=Merge.DISTRICT_WINS, natural_keys=("number",)),
    "certificate_review": Travel(_DOWN, merge=Merge.DISTRICT_WINS),
    "holiday_day": Travel(_DOWN, merge=Merge.DISTRICT_WINS, natural_keys=("day",)),
    "setting": Travel(_DOWN, merge=Merge.DISTRICT_WINS, natural_keys=("key",),
                      only=lambda row: row.get("key") in SHARED_SETTINGS),
}

LOCAL: dict[str, str] = {
    "app_user": "accounts and passwords never travel",
    "import_batch": "which files this installation imported (its refusal of a second import is its own)",
    "import_row_key": "which rows this installation imported, with its import batches",
    "complaint_procedure_step": "the procedure before a decision is the deciding bureau's own file",
    "complaint_service_record": "service of the deciding bureau's documents, kept with its procedure",
    "number_counter": "each site issues its own numbers",
    "issued_number": "each site issues its own numbers",
    "arbitration_hearing_member": "names a local account (arbitrator or clerk)",
    "training_session": "the district's training records",
    "training_attendance": "the district's training records",
    "exam": "the district's training records",
    "exam_result": "the district's training records",
    "construction_project": "the inspectors' project checks stay at the district",
    "project_subcontractor": "the inspectors' project checks stay at the district",
    "compliance_item": "the inspectors' project checks stay at the district",
    "compliance_check": "the inspectors' project checks stay at the district",
    "compliance_check_item": "the inspectors' project checks stay at the district",
}


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
