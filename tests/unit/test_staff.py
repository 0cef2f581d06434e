"""执法人员: roster, certificates, validity on a date, who may be assigned, the counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.errors import UserError
from app.privacy import Sensitive, mask
from app.staff.models import Certificate, CertificateReview, Officer
from app.staff.service import (
    CertificateRow,
    RosterFilter,
    StaffService,
    category_matches,
    certificate_valid_on,
    display_status,
    expires_soon,
    normalise_category,
)
from tests.conftest import make_actor
from tests.fixtures.identities import make_id

ISSUE = date(2021, 5, 2)
EXPIRY = date(2026, 5, 1)


def cert(status: str = "valid", issue: date = ISSUE, expiry: date = EXPIRY) -> CertificateRow:
    return CertificateRow(1, 1, 1, "labour_inspection", "X1", "", issue, expiry, "劳动保障监察", status)


@pytest.fixture
def staff(store, admin_actor) -> StaffService:
    return StaffService(store, admin_actor)


def add_officer(staff: StaffService, name: str, number: str | None = None, **cert_fields):
    officer = staff.create({"name": name, "unit": "区人社局", "section": "劳动保障监察大队", "post": "科员"})
    if number:
        fields = {"cert_type": "labour_inspection", "number": number, "issuing_authority": "省人社厅",
                  "issue_date": ISSUE, "expiry_date": EXPIRY, "category": "劳动保障监察"}
        fields.update(cert_fields)
        staff.add_certificate(officer.id, fields)
    return officer


# ---------------------------------------------------------------- validity on a date
def test_valid_on_the_issue_day_and_the_expiry_day_not_the_day_after() -> None:
    c = cert()
    assert not certificate_valid_on(c, ISSUE - timedelta(days=1))
    assert certificate_valid_on(c, ISSUE)
    assert certificate_valid_on(c, EXPIRY)
    assert not certificate_valid_on(c, EXPIRY + timedelta(days=1))
    assert display_status(c, EXPIRY) == "valid"
    assert display_status(c, EXPIRY + timedelta(days=1)) == "expired"
    assert display_status(c, ISSUE - timedelta(days=1)) == "not_yet_valid"


@pytest.mark.parametrize("status", ["suspended", "cancelled", "withdrawn"])
def test_suspended_cancelled_withdrawn_are_never_valid(status: str) -> None:
    c = cert(status)
    assert not certificate_valid_on(c, date(2023, 6, 1))
    assert display_status(c, date(2023, 6, 1)) == status
    assert display_status(None, date(2023, 6, 1)) == "none"


def test_sixty_day_warning() -> None:
    c = cert()
    assert expires_soon(c, EXPIRY - timedelta(days=60))
    assert not expires_soon(c, EXPIRY - timedelta(days=61))
    assert expires_soon(c, EXPIRY)
    assert not expires_soon(c, EXPIRY + timedelta(days=1))  # expired: no longer a warning


def test_categories_are_whole_words() -> None:
    assert normalise_category("劳动保障监察, 劳动用工；社会保险") == "劳动保障监察、劳动用工、社会保险"
    assert category_matches("劳动保障监察、社会保险", "社会保险")
    assert not category_matches("劳动保障监察", "监察")
    assert category_matches("任何", None)


def test_a_blank_category_counts_only_when_asked() -> None:
    assert not category_matches("", "劳动保障监察")
    assert not category_matches(None, "劳动保障监察")
    assert category_matches("", "劳动保障监察", blank_counts=True)
    assert category_matches(" 、 ", "劳动保障监察", blank_counts=True)  # nothing but separators is blank
    assert not category_matches("安全生产", "劳动保障监察", blank_counts=True)
    assert category_matches("安全生产、劳动保障监察", "劳动保障监察", blank_counts=True)


# ---------------------------------------------------------------- roster and certificates
def test_officer_id_number_is_validated_and_masked(staff) -> None:
    number = make_id("520102", "19880315", 31)
    row = staff.create({"name": "张伟", "id_no": number, "staffing_type": "managed_as_civil_servant",
                        "legal_qualification_no": "A20181234"})
    assert row.id_no == mask(Sensitive.ID_NO, number) != number
    assert row.sex == "M" and row.birth_date == date(1988, 3, 15)
    assert row.has_legal_qualification and row.legal_qualification_no == "A20181234"
    with pytest.raises(UserError) as caught:
        staff.create({"name": "李四", "id_no": number[:-1] + ("0" if number[-1] != "0" else "1")})
    assert caught.value.code == "id_no.checksum" and caught.value.field == "id_no"
    with pytest.raises(UserError) as caught:
        staff.create({"name": "王五", "id_no": number})
    assert caught.value.code == "staff.duplicate_id_no"
    assert "张伟" in caught.value.message()
    with pytest.raises(UserError) as caught:
        staff.create({"name": "  "})
    assert caught.value.code == "staff.name_required"


def test_update_sends_only_changes_and_keeps_the_id(staff) -> None:
    number = make_id("520102", "19900101", 12)
    row = staff.create({"name": "王芳", "id_no": number})
    updated = staff.update(row.id, row.version, {"post": "副大队长", "on_roster": False})
    assert updated.post == "副大队长" and not updated.on_roster
    assert updated.sex == "F" and updated.birth_date == date(1990, 1, 1)
    with pytest.raises(UserError) as caught:
        staff.update(row.id, row.version, {"post": "大队长"})
    assert caught.value.code == "record.changed_by"


def test_duplicate_certificate_number_is_refused_naming_the_holder(staff, store) -> None:
    add_officer(staff, "张伟", "52000123")
    other = add_officer(staff, "李娜")
    with pytest.raises(UserError) as caught:
        staff.add_certificate(other.id, {"number": " 52000123 ", "issue_date": ISSUE, "expiry_date": EXPIRY})
    assert caught.value.code == "staff.duplicate_certificate"
    assert caught.value.message() == "证件编号52000123已登记在张伟名下。"
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 1


def test_expiry_before_issue_is_refused_and_nothing_saved(staff, store) -> None:
    officer = add_officer(staff, "张伟")
    with pytest.raises(UserError) as caught:
        staff.add_certificate(officer.id, {"number": "N1", "issue_date": date(2023, 5, 1),
                                           "expiry_date": date(2023, 4, 30)})
    assert caught.value.code == "staff.expiry_before_issue" and caught.value.field == "expiry_date"
    assert "早于发证日期" in caught.value.message()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0
    # Same day is fine (a one-day certificate).
    staff.add_certificate(officer.id, {"number": "N1", "issue_date": date(2023, 5, 1), "expiry_date": date(2023, 5, 1)})


def test_update_certificate_and_reviews(staff) -> None:
    officer = add_officer(staff, "张伟", "C-1")
    detail = staff.get(officer.id)
    c = detail.certificates[0]
    changed = staff.update_certificate(c.id, c.version, {"status": "suspended"})
    assert changed.status == "suspended"
    with pytest.raises(UserError) as caught:
        staff.update_certificate(c.id, changed.version, {"expiry_date": date(2020, 1, 1)})
    assert caught.value.code == "staff.expiry_before_issue"
    review = staff.add_review(c.id, {"year": 2023, "result": "passed", "reviewed_on": date(2023, 12, 20)})
    assert review.year == 2023
    with pytest.raises(UserError) as caught:
        staff.add_review(c.id, {"year": 2023, "result": "failed"})
    assert caught.value.code == "staff.duplicate_review"
    with pytest.raises(UserError):
        staff.add_review(c.id, {"year": 2024, "result": "maybe"})
    assert [r.year for r in staff.get(officer.id).certificates[0].reviews] == [2023]
    staff.delete_review(review.id)
    assert staff.get(officer.id).certificates[0].reviews == ()


def test_writes_need_staff_edit(store, staff) -> None:
    officer = add_officer(staff, "张伟")
    clerk = StaffService(store, make_actor("intake"))
    assert clerk.query().count() == 1  # everyone may look
    with pytest.raises(UserError) as caught:
        clerk.create({"name": "李四"})
    assert caught.value.code == "permission.denied"
    with pytest.raises(UserError):
        clerk.add_certificate(officer.id, {"number": "X", "issue_date": ISSUE, "expiry_date": EXPIRY})


# ---------------------------------------------------------------- the roster query
def test_roster_rows_carry_the_best_certificate_and_status(staff) -> None:
    zhang = add_officer(staff, "张伟", "OLD-1", issue_date=date(2015, 1, 1), expiry_date=date(2020, 1, 1))
    staff.add_certificate(zhang.id, {"number": "NEW-1", "issue_date": date(2020, 1, 2), "expiry_date": EXPIRY})
    add_officer(staff, "李娜", "S-1", status="suspended")
    add_officer(staff, "王芳", "E-1", issue_date=date(2018, 1, 1), expiry_date=date(2023, 5, 1))
    add_officer(staff, "赵强")
    day = date(2023, 6, 1)
    rows = {r.name: r for r in staff.query(as_of=day).page(0, 10)}
    assert rows["张伟"].certificate.number == "NEW-1" and rows["张伟"].status == "valid"
    assert rows["李娜"].status == "suspended"
    assert rows["王芳"].status == "expired"
    assert rows["赵强"].status == "none" and rows["赵强"].certificate is None

    def names(show, on=day, **kw):
        return [r.name for r in staff.query(as_of=on, show=show, **kw).page(0, 10)]

    assert names(RosterFilter.VALID) == ["张伟"]
    assert names(RosterFilter.EXPIRED) == ["王芳"]
    assert sorted(names(RosterFilter.NO_VALID)) == sorted(["李娜", "王芳", "赵强"])
    assert sorted(names(RosterFilter.VALID, on=date(2023, 5, 1))) == sorted(["张伟", "王芳"])
    assert names(RosterFilter.EXPIRING, on=date(2023, 4, 1)) == ["王芳"]
    assert names(RosterFilter.EXPIRING, on=date(2023, 3, 1)) == []
    assert names(RosterFilter.ALL, text="张") == ["张伟"]
    assert names(RosterFilter.ALL, text="E-1") == ["王芳"]
    rows = staff.query(as_of=day, sort="expiry", descending=True).page(0, 10)
    assert rows[-1].name == "赵强" and rows[-2].name == "王芳"


def test_officers_valid_on_and_check_assignable_say_why(staff) -> None:
    ok = add_officer(staff, "张伟", "A1")
    expired = add_officer(staff, "王芳", "A2", issue_date=date(2018, 5, 2), expiry_date=date(2023, 5, 1))
    suspended = add_officer(staff, "李娜", "A3", status="suspended")
    none = add_officer(staff, "赵强")
    other_category = add_officer(staff, "陈静", "A4", category="社会保险")
    left = add_officer(staff, "刘洋", "A5")
    staff.update(left.id, left.version, {"on_roster": False})
    day = date(2023, 6, 1)

    assert sorted(o.name for o in staff.officers_valid_on(day)) == sorted(["张伟", "陈静"])
    assert [o.name for o in staff.officers_valid_on(day, "劳动保障监察")] == ["张伟"]
    staff.check_assignable(ok.id, day, "劳动保障监察")
    staff.check_assignable(ok.id, EXPIRY)

    def reason(officer, category=None, on=day):
        with pytest.raises(UserError) as caught:
            staff.check_assignable(officer.id, on, category)
        return caught.value.code, caught.value.message()

    assert reason(expired) == ("staff.certificate_expired", "王芳的执法证（A2）已过期（2023-05-01到期）。")
    assert reason(suspended) == ("staff.certificate_suspended", "李娜的执法证（A3）被暂扣。")
    assert reason(none) == ("staff.no_certificate", "赵强无执法证，不能指派执法。")
    assert reason(other_category, "劳动保障监察") == (
        "staff.certificate_other_category", "陈静的执法证（A4）类别为社会保险，不能承办劳动保障监察案件。")
    assert reason(none, "劳动保障监察")[0] == "staff.no_certificate"
    assert reason(left)[0] == "staff.not_on_roster" and "不在编" in reason(left)[1]
    assert reason(ok, on=EXPIRY + timedelta(days=1))[0] == "staff.certificate_expired"
    assert reason(ok, on=ISSUE - timedelta(days=1))[0] == "staff.certificate_not_yet_valid"


def test_a_blank_category_serves_for_any_category_when_asked(staff) -> None:
    day = date(2023, 6, 1)
    far = date(2099, 12, 31)  # the picker's list is as of today
    blank = add_officer(staff, "王明", "B1", category="", expiry_date=far)
    safety = add_officer(staff, "周安", "S1", category="安全生产", expiry_date=far)
    both = add_officer(staff, "陈静", "S2", category="安全生产", expiry_date=far)
    staff.add_certificate(both.id, {"number": "L2", "issue_date": ISSUE, "expiry_date": far,
                                    "category": "劳动保障监察"})
    # lapsed labour certificate, valid safety one: the labour one decides, and says why
    lapsed = add_officer(staff, "刘洋", "S3", category="安全生产")
    staff.add_certificate(lapsed.id, {"number": "L3", "issue_date": date(2018, 1, 1), "expiry_date": date(2023, 1, 1),
                                      "category": "劳动保障监察"})

    def reason(officer, **kw):
        with pytest.raises(UserError) as caught:
            staff.check_assignable(officer.id, day, "劳动保障监察", **kw)
        return caught.value.code, caught.value.message()

    staff.check_assignable(blank.id, day, "劳动保障监察", blank_counts=True)
    assert reason(blank) == ("staff.no_certificate_for_category", "王明无“劳动保障监察”类别执法证，不能指派执法。")
    assert reason(safety, blank_counts=True) == (
        "staff.certificate_other_category", "周安的执法证（S1）类别为安全生产，不能承办劳动保障监察案件。")
    staff.check_assignable(both.id, day, "劳动保障监察", blank_counts=True)
    assert reason(lapsed, blank_counts=True)[0] == "staff.certificate_expired"
    assert "L3" in reason(lapsed, blank_counts=True)[1]
    # the picker's list follows the same rule: each officer with their best certificate of the category
    rows = {r.name: r for r in staff.roster(category="劳动保障监察", blank_counts=True)}
    assert (rows["王明"].certificate.number, rows["王明"].valid) == ("B1", True)
    assert rows["周安"].certificate is None and not rows["周安"].valid
    assert (rows["陈静"].certificate.number, rows["陈静"].valid) == ("L2", True)
    assert (rows["刘洋"].certificate.number, rows["刘洋"].valid) == ("L3", False)
    assert [o.name for o in staff.officers_valid_on(day, "劳动保障监察")] == ["陈静"]  # strict by default


def test_count_certified_on_31_december(staff) -> None:
    for i in range(17):
        add_officer(staff, f"执法员{i:02d}", f"N{i:03d}")
    add_officer(staff, "过期者", "EXP", issue_date=date(2018, 1, 1), expiry_date=date(2023, 12, 30))
    add_officer(staff, "暂扣者", "SUS", status="suspended")
    add_officer(staff, "新证者", "NEW", issue_date=date(2024, 1, 1), expiry_date=date(2029, 1, 1))
    assert staff.count_certified_on(date(2023, 12, 31)) == 17
    assert staff.count_certified_on(date(2023, 12, 30)) == 18


def test_public_roster_has_nothing_personal(staff) -> None:
    officer = staff.create({"name": "张伟", "id_no": make_id("520102", "19880315", 31), "unit": "区人社局"})
    staff.add_certificate(officer.id, {"cert_type": "admin_enforcement", "number": "P-1", "issue_date": ISSUE,
                                       "expiry_date": EXPIRY, "category": "劳动保障监察"})
    add_officer(staff, "王芳", "P-2", status="suspended")
    entries = staff.public_roster(date(2023, 6, 1))
    assert [(e.name, e.number, e.category) for e in entries] == [("张伟", "P-1", "劳动保障监察")]
    assert not hasattr(entries[0], "id_no")


def test_a_refused_write_leaves_nothing(staff, store) -> None:
    add_officer(staff, "张伟", "D-1")
    with store.read() as session:
        before = (session.scalar(select(func.count()).select_from(Officer)),
                  session.scalar(select(func.count()).select_from(CertificateReview)))
    with pytest.raises(UserError):
        staff.add_review(999, {"year": 2023, "result": "passed"})
    with store.read() as session:
        after = (session.scalar(select(func.count()).select_from(Officer)),
                 session.scalar(select(func.count()).select_from(CertificateReview)))
    assert before == after


def test_public_roster_pdf(staff, tmp_path) -> None:
    from pypdf import PdfReader

    from app.staff.documents import write_public_roster_pdf

    number = make_id("520102", "19880315", 31)
    officer = staff.create({"name": "张伟", "id_no": number, "unit": "某区人力资源和社会保障局"})
    staff.add_certificate(officer.id, {"cert_type": "labour_inspection", "number": "5201020190016",
                                       "issue_date": ISSUE, "expiry_date": EXPIRY,
                                       "category": "劳动保障监察、社会保险"})
    path = tmp_path / "roster.pdf"
    assert write_public_roster_pdf(staff.public_roster(date(2023, 6, 1)), path, as_of=date(2023, 6, 1),
                                   organisation="某区人力资源和社会保障局") == 1
    content = "".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in ("行政执法人员公示名单", "张伟", "5201020190016", "劳动保障监察证", "截至2023年6月1日"):
        assert expected in content
    assert number not in content and number[6:14] not in content and "1988" not in content
    assert not list(tmp_path.glob(".*.part"))


def test_the_roster_sorts_names_by_pinyin_as_the_parties_register_does(staff) -> None:
    # By code point 周 (U+5468) comes before 张 (U+5F20); by pinyin zhang comes before zhou.
    for name in ("周涛", "张伟", "吕强", "刘洋"):
        staff.create({"name": name})
    assert [r.name for r in staff.query(sort="name").page(0, 10)] == ["刘洋", "吕强", "张伟", "周涛"]
    renamed = next(r for r in staff.query().page(0, 10) if r.name == "刘洋")
    staff.update(renamed.id, renamed.version, {"name": "赵敏"})
    assert [r.name for r in staff.query(sort="name").page(0, 10)] == ["吕强", "张伟", "赵敏", "周涛"]
