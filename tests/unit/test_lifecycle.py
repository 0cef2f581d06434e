"""The one life-cycle engine (app/kernel/lifecycle.py) and the three tables that use it:
complaints, the arbitration docket and township mediation.  A step form's fields must
name arguments the service method really takes, or the case page could not run it."""

from __future__ import annotations

import inspect

import pytest

from app.accounts.permissions import Permission
from app.arbitration import lifecycle as arbitration
from app.arbitration.service import ArbitrationCaseService
from app.complaints import rules as complaints
from app.complaints.models import ComplaintStatus
from app.kernel import lifecycle
from app.kernel.lifecycle import FIELD_KINDS, StepField, Transition
from app.mediation import lifecycle as mediation
from app.mediation.service import MediationService

# steps whose form adds one input per claim of the case (the page builds those)
PER_CLAIM = {"close_award", "close_mediation"}


@pytest.mark.parametrize(("table", "service"), [(arbitration.TRANSITIONS, ArbitrationCaseService),
                                                (mediation.TRANSITIONS, MediationService)])
def test_every_step_form_names_the_arguments_of_its_service_method(table, service) -> None:
    for action, t in table.items():
        assert t.action == action
        method = getattr(service, t.method)  # `apply` names a real method
        parameters = inspect.signature(method).parameters
        assert t.fields and t.fields[0].name == "on", action  # every step is dated
        for f in t.fields:
            assert f.kind in FIELD_KINDS
            assert f.label_zh and f.label_en, (action, f.name)
            if action not in PER_CLAIM and action not in ("change_claims", "join_counterclaim") or f.name == "on":
                assert f.keyword in parameters, (action, f.name, f.keyword)


def test_one_form_of_words_for_the_three_life_cycles() -> None:
    assert arbitration.TRANSITIONS["accept"].label("zh_CN") == "受理"
    assert arbitration.TRANSITIONS["accept"].label("en") == "Accept"  # a button's capital
    assert arbitration.EVENT_LABELS["receive"] == "收到仲裁申请" and arbitration.EVENT_LABELS["close_award"] == "裁决结案"
    assert arbitration.EVENT_LABELS_EN["close_award"] == "Close by award"
    assert mediation.EVENT_LABELS["apply"] == "收到调解申请" and mediation.EVENT_LABELS_EN["agree"] == "Record the agreement"
    close = complaints.TRANSITIONS["close"]
    assert (close.label_zh, close.label_en, close.target) == ("结案", "Close", ComplaintStatus.CLOSED)
    assert close.permission is Permission.COMPLAINT_CLOSE
    assert complaints.TRANSITIONS["accept"].permission is Permission.COMPLAINT_HANDLE
    assert complaints.ACTION_LABELS["accept"] == ("受理并立案", "Accept and open the case")
    assert all(isinstance(t, Transition) for tbl in (arbitration.TRANSITIONS, mediation.TRANSITIONS,
                                                     complaints.TRANSITIONS) for t in tbl.values())


def test_allowed_keeps_the_tables_order_and_only_the_states_sources() -> None:
    assert lifecycle.allowed(mediation.TRANSITIONS, "applied") == [
        "accept", "refuse", "fail", "withdraw", "transfer_to_arbitration"]
    assert lifecycle.allowed(mediation.TRANSITIONS, "withdrawn") == []
    received = lifecycle.allowed(arbitration.TRANSITIONS, "received")
    assert received[:3] == ["accept", "request_correction", "refuse"] and "form_tribunal" not in received
    assert lifecycle.allowed(complaints.TRANSITIONS, "received") == [
        "request_correction", "accept", "refuse", "redirect"]


def test_field_values_become_the_service_methods_keywords() -> None:
    refuse = arbitration.TRANSITIONS["refuse"]
    assert refuse.arguments({"on": 1, "ground": "no_clear_claim", "reason": "x"}) == {
        "on": 1, "ground": "no_clear_claim", "detail": "x"}
    assert mediation.TRANSITIONS["agree"].arguments({"on": 1, "terms": "t", "amount": 5}) == {
        "on": 1, "terms": "t", "amount_agreed_fen": 5}
    assert arbitration.TRANSITIONS["join_counterclaim"].method == "change_claims"


def test_a_table_refuses_a_mistake() -> None:
    with pytest.raises(ValueError, match="twice"):
        lifecycle.table([mediation.TRANSITIONS["accept"], mediation.TRANSITIONS["accept"]])
    with pytest.raises(ValueError, match="kind"):
        StepField("on", "calendar", "Date:", "日期：")
