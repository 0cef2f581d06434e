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


def _complaint_steps() -> list[tuple[str, Transition]]:
    return [*complaints.TRANSITIONS.items(), *complaints.STEPS.items()]


@pytest.mark.parametrize(("action", "t"), _complaint_steps(), ids=[a for a, _ in _complaint_steps()])
def test_every_complaint_step_names_a_service_method_that_takes_its_fields(action, t) -> None:
    """The case page calls `getattr(service, t.method)(case_id, **t.arguments(values))`: the method
    must exist, accept every declared keyword, and get every argument it requires from the fields."""
    from app.complaints.service import ComplaintService

    assert t.action == action and t.label_zh and t.label_en
    parameters = inspect.signature(getattr(ComplaintService, t.method)).parameters
    keywords = [f.keyword for f in t.fields]
    assert len(keywords) == len(set(keywords)), action
    for f in t.fields:
        assert f.kind in FIELD_KINDS and f.label_zh and f.label_en, (action, f.name)
        assert f.keyword in parameters, (action, f.name, f.keyword)
        assert parameters[f.keyword].kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                               inspect.Parameter.KEYWORD_ONLY), (action, f.keyword)
    required = [name for name, p in parameters.items()
                if name not in ("self", "complaint_id") and p.default is inspect.Parameter.empty]
    assert set(required) <= set(keywords), (action, set(required) - set(keywords))
    # the version the clerk saw is handed exactly where the method checks one
    assert ("version" in parameters) == ("version" in keywords), action


def test_complaint_steps_keep_their_permissions_and_the_transitions_their_labels() -> None:
    closing = {a for a, t in complaints.TRANSITIONS.items() if t.permission is Permission.COMPLAINT_CLOSE}
    assert closing == {"close", "notify_result", "archive"}
    assert complaints.STEPS["record_review"].permission is Permission.LEGAL_REVIEW
    assert {t.permission for a, t in complaints.STEPS.items() if a != "record_review"} == {Permission.COMPLAINT_HANDLE}
    assert all(t.target is None for t in complaints.STEPS.values())
    assert not set(complaints.STEPS) & set(complaints.TRANSITIONS)
    assert complaints.step("rectified").method == "mark_rectified" and complaints.step("close").method == "close"
    assert complaints.step("record_notice").method == "record_prior_notice"
    # the recording steps are allowed where their group is (allowed_steps as before)
    assert complaints.STEPS["add_instalment"].sources == complaints.RECORDING_STEPS["payments"]
    assert complaints.STEPS["record_hearing"].sources == complaints.RECORDING_STEPS["procedure"]
    assert complaints.allowed_steps("investigating", decided=False) >= {"procedure", "payments", "close"}
    assert "procedure" not in complaints.allowed_steps("penalty", decided=True)
