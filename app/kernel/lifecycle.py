"""The one life-cycle engine: a case's life cycle as data.

Each `Transition` says which action leads from which states (`sources`) to which state
(`target`, None when the step records on the case without moving it or the service
decides), the permission it needs, the inputs its step form asks for (`fields`) and the
service method that performs it (`apply`).  The service refuses an action in any other
state; the case page (ui/widgets/case_steps.py) offers exactly the actions `allowed`
returns and builds each step's form from its fields, so the two never disagree.

Used by the complaints (app/complaints/rules.py), the arbitration docket
(app/arbitration/lifecycle.py) and township mediation (app/mediation/lifecycle.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.unit_of_work import changed_elsewhere

# What a step form can ask for.  "choice" lists come from the page (the case's parties,
# the arbitrators …); "hidden" is not shown: its default, or today, is handed back;
# "flag" is a yes/no box, "persons" a list of people to tick (the complaint's officers).
FIELD_KINDS = frozenset({"date", "text", "line", "money", "int", "time", "choice", "person", "party", "hidden",
                         "flag", "persons"})

StatusT = TypeVar("StatusT", bound=str)
TargetT = TypeVar("TargetT", bound="str | None")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class StepField:
    """One input of a step's form."""

    name: str  # the value's key (and the widget's object name)
    kind: str  # one of FIELD_KINDS
    label_en: str
    label_zh: str
    required: bool = True
    argument: str = ""  # the service method's keyword, when it is not `name`
    default: Any = None
    # the fixed choices of a "choice" field: (English, Chinese, value); a page adds the
    # case's own (its parties, claims …) for a choice field declared without any
    choices: tuple[tuple[str, str, Any], ...] = ()
    # a time that follows another: (the other field's name, minutes after it)
    follows: tuple[str, int] | None = None

    def __post_init__(self) -> None:
        if self.kind not in FIELD_KINDS:
            raise ValueError(f"unknown step field kind {self.kind!r}")

    @property
    def keyword(self) -> str:
        return self.argument or self.name

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_zh

    def choice_labels(self, language: str) -> list[tuple[str, Any]]:
        """The fixed choices as (words in this language, value)."""
        return [(en if language == "en" else zh, value) for en, zh, value in self.choices]


@dataclass(frozen=True)
class Transition(Generic[StatusT, TargetT]):
    action: str
    sources: frozenset[StatusT]  # the states that allow the action
    target: TargetT  # the state it leads to (None: it stays, or the service decides)
    permission: Permission
    fields: tuple[StepField, ...] = ()
    apply: str = ""  # the name of the service method that performs it ("" = the action's name)
    label_en: str = ""
    label_zh: str = ""

    def allows(self, status: str) -> bool:
        return status in self.sources

    def label(self, language: str) -> str:
        """The action as a button says it."""
        return _capitalised(self.label_en) if language == "en" else self.label_zh

    @property
    def method(self) -> str:
        return self.apply or self.action

    def field(self, name: str) -> StepField:
        return next(f for f in self.fields if f.name == name)

    def arguments(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The step form's values as the service method's keywords."""
        return {f.keyword: values[f.name] for f in self.fields if f.name in values}


def table(transitions: Iterable[Transition[StatusT, TargetT]]) -> dict[str, Transition[StatusT, TargetT]]:
    """The transitions by action, in the order given (the order the case page shows them)."""
    out: dict[str, Transition[StatusT, TargetT]] = {}
    for t in transitions:
        if t.action in out:
            raise ValueError(f"action {t.action!r} declared twice")
        out[t.action] = t
    return out


def allowed(transitions: Mapping[str, Transition[Any, Any]], status: str) -> list[str]:
    """The actions `status` allows, in the table's order (the order the case page shows them)."""
    return [action for action, t in transitions.items() if t.allows(status)]


def event_labels(transitions: Mapping[str, Transition[Any, Any]], language: str,
                 **extra: str) -> dict[str, str]:
    """A timeline's words for each step: `extra` (the first event's …) and every action's label."""
    return {**extra, **{k: t.label(language) for k, t in transitions.items()}}


def action_words(transitions: Mapping[str, Transition[Any, Any]], action: str, language: str) -> str:
    """An action as a sentence names it (a refusal's message): its label as written, not capitalised."""
    transition = transitions.get(action)
    if transition is None:
        return action
    return transition.label_en if language == "en" else transition.label_zh


def check_step(session: Session, case: Any, transition: Transition[Any, Any], *, version: int | None, on: date,
               refused_code: str, event_model: Any) -> None:
    """What every recorded step of a case checks before it is applied (arbitration, mediation):
    the version the clerk saw, a state that allows the step, a date not before the last event's.
    A refusal carries the raw action and status; the area's `message_values` word them."""
    if version is not None and case.version != version:
        raise changed_elsewhere(session, case)
    if not transition.allows(case.status):
        raise UserError(refused_code, action=transition.action, status=str(case.status))
    previous = session.scalar(select(func.max(event_model.on)).where(event_model.case_id == case.id))
    if previous is not None and on < previous:
        raise UserError("arbitration.date_before_previous", field="on", date=on.isoformat(),
                        previous=previous.isoformat())
