"""培训考试: sessions, attendees, hours against the target, exams and the two rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import UserError
from app.legal.rates import format_percent
from app.staff.service import StaffService
from app.training.models import ExamResult, SessionKind, TrainingAttendance, TrainingSession
from app.training.service import (
    ExamTally,
    TrainingService,
    participation_rate,
    pass_rate,
    tally_results,
)
from tests.conftest import make_actor


@pytest.fixture
def training(store, admin_actor) -> TrainingService:
    return TrainingService(store, admin_actor)


@pytest.fixture
def officers(store, admin_actor) -> list[int]:
    staff = StaffService(store, admin_actor)
    return [staff.create({"name": name, "unit": "区人社局"}).id for name in ("张伟", "王芳", "李娜", "赵强")]


def session_fields(**overrides):
    fields = {"kind": "bureau_wide", "held_on": date(2023, 3, 8), "topic": "学习《保障农民工工资支付条例》",
              "organiser": "局办公室", "hours": "2.5", "on_rule_of_law": True}
    fields.update(overrides)
    return fields


def count(store, model) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------- the rates, alone
def test_rates_are_decimal_half_up_and_dash_when_empty() -> None:
    assert participation_rate(ExamTally(required=3, attended_required=2, attended=2, passed=1)) == Decimal("66.67")
    assert pass_rate(ExamTally(required=3, attended_required=2, attended=2, passed=1)) == Decimal("50.00")
    empty = ExamTally()
    assert participation_rate(empty) is None and pass_rate(empty) is None  # no ZeroDivisionError
    assert format_percent(participation_rate(empty)) == "—"
    nobody_sat = ExamTally(required=5)
    assert participation_rate(nobody_sat) == Decimal("0.00") and pass_rate(nobody_sat) is None
    assert participation_rate(ExamTally(required=8, attended_required=1)) == Decimal("12.50")
    assert participation_rate(ExamTally(required=200, attended_required=1)) == Decimal("0.50")
    assert participation_rate(ExamTally(required=3, attended_required=1)) == Decimal("33.33")
    assert participation_rate(ExamTally(required=6, attended_required=1)) == Decimal("16.67")  # half-up


def test_tally_counts_passed_from_attendance_and_score() -> None:
    lines = [
        {"required": True, "attended": True, "score": Decimal("60")},  # exactly the pass mark: passed
        {"required": True, "attended": True, "score": Decimal("59.9")},
        {"required": True, "attended": False, "score": None},
        {"required": False, "attended": True, "score": Decimal("90")},  # sat voluntarily
    ]
    tally = tally_results(lines, Decimal("60"))
    assert tally == ExamTally(required=3, attended_required=2, attended=3, passed=2, passed_required=1)


# ---------------------------------------------------------------- sessions
def test_session_with_attendees(training, officers, store) -> None:
    row = training.create_session(session_fields(), officers[:3])
    assert row.hours == Decimal("2.5") and row.attendee_count == 3
    detail = training.get_session(row.id)
    assert detail.attendee_ids == tuple(sorted(officers[:3]))
    listed = training.sessions(year=2023).page(0, 10)
    assert [(s.topic, s.attendee_count) for s in listed] == [("学习《保障农民工工资支付条例》", 3)]
    assert training.sessions(year=2022).count() == 0
    updated = training.update_session(row.id, row.version, {}, attendee_ids=[officers[0], officers[3]])
    assert updated.attendee_count == 2 and updated.version > row.version
    assert training.get_session(row.id).attendee_ids == tuple(sorted([officers[0], officers[3]]))
    training.delete_session(row.id)
    assert count(store, TrainingAttendance) == 0


@pytest.mark.parametrize(
    ("hours", "code"),
    [("0", "training.hours_range"), ("-1", "training.hours_range"), ("1.25", "training.hours_one_decimal"),
     ("abc", "training.hours_invalid"), ("", "training.hours_required"), ("250", "training.hours_range")],
)
def test_bad_hours_are_refused(training, officers, store, hours, code) -> None:
    with pytest.raises(UserError) as caught:
        training.create_session(session_fields(hours=hours), officers)
    assert caught.value.code == code and caught.value.field == "hours"
    assert count(store, TrainingSession) == 0


def test_attendee_not_on_the_roster_is_refused_by_name(training, officers, store, admin_actor) -> None:
    staff = StaffService(store, admin_actor)
    left = staff.get(officers[1]).officer
    staff.update(left.id, left.version, {"on_roster": False})
    with pytest.raises(UserError) as caught:
        training.create_session(session_fields(), [officers[0], officers[1]])
    assert caught.value.code == "training.attendee_not_on_roster"
    assert caught.value.message() == "王芳不在执法人员名册中，不能登记。"
    with pytest.raises(UserError) as caught:
        training.create_session(session_fields(), [officers[0], 9999])
    assert caught.value.code == "training.attendee_unknown"
    assert count(store, TrainingSession) == 0 and count(store, TrainingAttendance) == 0


def test_someone_who_left_stays_on_an_old_session(training, officers, store, admin_actor) -> None:
    row = training.create_session(session_fields(), officers[:2])
    staff = StaffService(store, admin_actor)
    left = staff.get(officers[1]).officer
    staff.update(left.id, left.version, {"on_roster": False})
    updated = training.update_session(row.id, row.version, {"topic": "新主题"}, attendee_ids=officers[:2])
    assert updated.topic == "新主题" and updated.attendee_count == 2


# ---------------------------------------------------------------- hours per person
def test_hours_per_person_against_the_configurable_target(training, officers) -> None:
    training.create_session(session_fields(hours="30"), officers[:2])
    training.create_session(session_fields(hours="10.5", kind="special_training"), officers[:1])
    training.create_session(session_fields(hours="8", held_on=date(2022, 12, 31)), officers)  # other year
    hours = {p.name: p for p in training.hours_by_person(2023)}
    assert hours["张伟"].hours == Decimal("40.5") and hours["张伟"].meets_target
    assert hours["王芳"].hours == Decimal("30.0") and not hours["王芳"].meets_target
    assert hours["王芳"].behind_by == Decimal("10.0")
    assert hours["赵强"].hours == Decimal("0.0") and hours["赵强"].sessions == 0
    assert training.hours_target() == Decimal("40")
    assert training.set_hours_target("30") == Decimal("30.0")
    hours = {p.name: p for p in training.hours_by_person(2023)}
    assert hours["王芳"].meets_target and hours["王芳"].target == Decimal("30.0")
    summary = training.year_summary(2023)
    assert summary.total_person_hours == Decimal("70.5")
    assert summary.average_hours == Decimal("17.6")  # 70.5 / 4, half-up
    assert summary.persons_meeting_target == 2 and summary.hours_completion_rate == Decimal("50.00")
    with pytest.raises(UserError):
        training.set_hours_target("0")
    with pytest.raises(UserError):
        TrainingService(training.store, make_actor("intake")).set_hours_target("20")


def test_sessions_by_kind_for_the_year(training, officers) -> None:
    for i in range(4):
        training.create_session(session_fields(kind="party_group", held_on=date(2023, 2 + i, 1)), officers[:1])
    for i in range(7):
        training.create_session(session_fields(kind="bureau_wide", held_on=date(2023, 1 + i, 15),
                                               on_rule_of_law=i % 2 == 0), officers)
    for i in range(3):
        training.create_session(session_fields(kind="party_branch", held_on=date(2023, 9 + i, 3)), officers[:2])
    training.create_session(session_fields(kind="party_group", held_on=date(2024, 1, 3)), officers[:1])
    summary = training.year_summary(2023)
    assert summary.sessions_of(SessionKind.PARTY_GROUP) == 4
    assert summary.sessions_of("bureau_wide") == 7
    assert summary.sessions_of("party_branch") == 3
    assert summary.sessions_total == 14
    bureau = next(k for k in summary.by_kind if k.kind == "bureau_wide")
    assert bureau.rule_of_law == 4 and bureau.hours == Decimal("17.5")
    assert [k.kind for k in summary.by_kind] == [k.value for k in SessionKind]


# ---------------------------------------------------------------- exams
def results(officers, *lines):
    return [dict(officer_id=o, **line) for o, line in zip(officers, lines, strict=False)]


def test_exam_rates_per_exam_and_per_year(training, officers) -> None:
    exam = training.create_exam(
        {"title": "2023年度行政执法人员法律知识考试", "held_on": date(2023, 11, 20), "pass_mark": "60"},
        results(officers,
                {"attended": True, "score": "88"},
                {"attended": True, "score": "59.5"},
                {"attended": False, "absence_reason": "病假"},
                {"required": False, "attended": True, "score": "75"}),
    )
    assert exam.exam.tally == ExamTally(required=3, attended_required=2, attended=3, passed=2, passed_required=1)
    assert exam.exam.participation_rate == Decimal("66.67")
    assert exam.exam.pass_rate == Decimal("66.67")
    by_name = {r.officer_name: r for r in exam.results}
    assert by_name["张伟"].passed and not by_name["王芳"].passed
    assert by_name["李娜"].absence_reason == "病假"
    listed = training.exams(year=2023).page(0, 10)
    assert listed[0].tally == exam.exam.tally  # the SQL counts agree with the Python ones
    second = training.create_exam(
        {"title": "补考", "held_on": date(2023, 12, 5), "pass_mark": 60, "max_score": 100},
        results(officers[2:3], {"attended": True, "score": 61}),
    )
    assert second.exam.participation_rate == Decimal("100.00")
    totals = training.exam_totals(2023)
    assert totals == ExamTally(required=4, attended_required=3, attended=4, passed=3, passed_required=2)
    summary = training.year_summary(2023)
    assert summary.participation_text() == "75.00%" and summary.pass_text() == "75.00%"
    assert training.year_summary(2022).participation_text() == "—"  # no exams: a dash, not an error
    # Some reports count 合格率 as passed / required: a setting, applied everywhere at once.
    assert training.pass_rate_basis() == "attended"
    training.set_pass_rate_basis("required")
    assert training.exams(year=2023).page(0, 10)[-1].pass_rate == Decimal("33.33")  # 1 of 3 required passed
    assert training.get_exam(exam.exam.id).exam.pass_rate == Decimal("33.33")
    assert training.year_summary(2023).pass_text() == "50.00%"  # 2 of 4 required
    assert training.year_summary(2023).participation_text() == "75.00%"  # unchanged
    with pytest.raises(UserError) as caught:
        training.set_pass_rate_basis("everyone")
    assert caught.value.code == "training.pass_basis_unknown"
    with pytest.raises(UserError):
        TrainingService(training.store, make_actor("intake")).set_pass_rate_basis("attended")


def test_exam_with_nobody_required_shows_dashes(training) -> None:
    exam = training.create_exam({"title": "空考试", "held_on": date(2023, 5, 1), "pass_mark": 60}, [])
    assert exam.exam.participation_rate is None and exam.exam.pass_rate is None
    assert format_percent(training.exams().page(0, 1)[0].pass_rate) == "—"


def test_score_above_the_full_mark_is_refused_and_nothing_saved(training, officers, store) -> None:
    with pytest.raises(UserError) as caught:
        training.create_exam({"title": "考试", "held_on": date(2023, 5, 1), "pass_mark": 60},
                             results(officers, {"attended": True, "score": "80"}, {"attended": True, "score": "100.5"}))
    assert caught.value.code == "training.score_above_max"
    assert caught.value.message() == "王芳的成绩100.5超过满分100。"
    assert count(store, ExamResult) == 0
    with pytest.raises(UserError) as caught:
        training.create_exam({"title": "考试", "held_on": date(2023, 5, 1), "pass_mark": 60},
                             results(officers, {"attended": False, "score": "80"}))
    assert caught.value.code == "training.score_without_attendance"
    with pytest.raises(UserError) as caught:
        training.create_exam({"title": "考试", "held_on": date(2023, 5, 1), "pass_mark": 120}, [])
    assert caught.value.code == "training.pass_mark_above_max"
    with pytest.raises(UserError) as caught:
        training.create_exam({"title": "考试", "held_on": date(2023, 5, 1), "pass_mark": 60},
                             results(officers, {"attended": True, "score": "-1"}))
    assert caught.value.code == "training.score_negative"


def test_update_exam_results_replace_the_grid(training, officers) -> None:
    exam = training.create_exam({"title": "考试", "held_on": date(2023, 5, 1), "pass_mark": 60},
                                results(officers[:2], {"attended": True, "score": 50}, {"attended": False}))
    assert exam.exam.pass_rate == Decimal("0.00")
    updated = training.update_exam(exam.exam.id, exam.exam.version, {"pass_mark": "50"},
                                   results(officers[:2], {"attended": True, "score": 50},
                                           {"attended": True, "score": 70}))
    assert updated.exam.tally == ExamTally(2, 2, 2, 2, 2)
    with pytest.raises(UserError) as caught:  # the full mark cannot drop below a recorded score
        training.update_exam(exam.exam.id, updated.exam.version, {"max_score": "60", "pass_mark": "50"})
    assert caught.value.code == "training.score_above_max"
    trimmed = training.update_exam(exam.exam.id, updated.exam.version, {}, results(officers[:1], {"attended": True, "score": 50}))
    assert [r.officer_name for r in trimmed.results] == ["张伟"]


def test_training_writes_need_training_edit(store, officers) -> None:
    viewer = TrainingService(store, make_actor("inspector"))
    assert viewer.sessions().count() == 0
    with pytest.raises(UserError) as caught:
        viewer.create_session(session_fields(), officers)
    assert caught.value.code == "permission.denied"


def test_year_summary_pdf(training, officers, tmp_path) -> None:
    from pypdf import PdfReader

    from app.training.documents import write_training_summary_pdf

    training.create_session(session_fields(kind="party_group", hours="45"), officers[:1])
    training.create_exam({"title": "法律知识考试", "held_on": date(2023, 11, 20), "pass_mark": 60},
                         results(officers[:2], {"attended": True, "score": 90}, {"attended": False}))
    path = tmp_path / "summary.pdf"
    assert write_training_summary_pdf(training.year_summary(2023), path, organisation="某区人社局") >= 1
    content = "".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in ("2023年度学习培训和考试情况", "党组中心组学习", "张伟", "差40学时", "已完成", "50.00%", "100.00%"):
        assert expected in content
    # No exam at all: dashes, not an error.
    empty = tmp_path / "empty.pdf"
    write_training_summary_pdf(training.year_summary(2020), empty)
    assert "—" in "".join(page.extract_text() for page in PdfReader(empty).pages)


def test_the_summary_heading_is_the_bureau_from_the_organisation_settings(store, admin_actor, training) -> None:
    """The 年度汇总 exports and print ask the service for the bureau's name (on the task runner)
    instead of reading the settings in the window."""
    from app.kernel.settings import SettingsService

    assert training.bureau_name() == "某区人力资源和社会保障局"  # the default organisation
    organisation = SettingsService(store, admin_actor).get("organisation")
    SettingsService(store, admin_actor).set("organisation", {**organisation, "bureau": "东城区人力资源和社会保障局"})
    assert training.bureau_name() == "东城区人力资源和社会保障局"
    with pytest.raises(UserError):
        TrainingService(store, make_actor(username="nobody")).bureau_name()  # no role: no training view
