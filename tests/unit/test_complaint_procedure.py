"""The procedure before a complaint's decision (行政处罚法 arts 44–45, 57 ¶2, 62–65; 若干规定 art 34),
service of the documents, and the texts the decisions print."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.complaints.documents import write_complaint_document
from app.errors import UserError
from app.kernel.settings import DEFAULTS, SettingsService
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.fixtures.complaints import PENALTY, opened_case, service

ORG = DEFAULTS["organisation"]
NOTICE_ON, SERVED_ON = date(2023, 6, 26), date(2023, 6, 28)
# I5b / I5: five working days after Wed 06-28 → Thu 29, Fri 30, Mon 07-03, Tue 04, Wed 07-05.
DEFENCE_DUE = date(2023, 7, 5)


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace("\n", "")


def reviewed(store: Any, kind: str) -> tuple[Any, Any]:
    svc, detail = opened_case(store)
    lawyer = StaffService(store, make_actor("admin")).create(
        {"name": "法制科孙某", "has_legal_qualification": True, "legal_qualification_no": "A20191234"})
    service(store, make_actor("legal_reviewer", username="legal")).record_legal_review(
        detail.id, lawyer.id, kind, "agree", date(2023, 6, 22), "事实清楚，证据确凿，同意")
    return svc, svc.get(detail.id)


def refusal(svc: Any, detail: Any, kind: str, on: date, **fields: Any) -> UserError:
    detail = svc.get(detail.id)
    with pytest.raises(UserError) as caught:
        svc.issue_decision(detail.id, detail.version, kind, on, **(fields or PENALTY))
    return caught.value


def test_a_penalty_is_refused_step_by_step_until_the_procedure_is_complete(store) -> None:
    svc, detail = reviewed(store, "penalty")
    # Before: a legal review alone was enough.  Now the notice comes first.
    error = refusal(svc, detail, "penalty", date(2023, 7, 10))
    assert error.code == "procedure.notice_required" and "事先告知书" in error.message()

    detail = svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟对你单位罚款二万元",
                                     intended_fine_fen=PENALTY["fine_fen"])
    (notice,) = detail.steps
    assert notice.number == "某区人社告字〔2023〕1号" and notice.hearing_offered  # 20,000 yuan ≥ the threshold
    error = refusal(svc, detail, "penalty", date(2023, 7, 10))
    assert error.code == "procedure.notice_not_served" and notice.number in error.message()

    detail = svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    keys = {d.key: d for d in detail.deadlines}
    assert keys["defence_penalty"].due == DEFENCE_DUE and keys["defence_penalty"].rule_id == "I5b"
    assert keys["hearing_request"].due == DEFENCE_DUE  # art 64(1): 5 working days from service
    error = refusal(svc, detail, "penalty", date(2023, 7, 5))
    assert error.code == "procedure.defence_period_running"
    assert error.message() == ("陈述申辩期限至2023-07-05（事先告知书于2023-06-28送达），"
                               "期满或者当事人已陈述申辩、书面放弃之前不能作出行政处罚决定。")

    svc.record_statement(detail.id, "penalty", date(2023, 6, 29), waived=True)
    error = refusal(svc, detail, "penalty", date(2023, 7, 3))
    assert error.code == "procedure.hearing_period_running" and "2023-07-05" in error.message()
    svc.record_hearing_request(detail.id, date(2023, 6, 29), waived=True)
    error = refusal(svc, detail, "penalty", date(2023, 7, 3))
    assert error.code == "procedure.discussion_required" and "集体讨论" in error.message()
    svc.record_collective_discussion(detail.id, date(2023, 6, 30), "局长王某、副局长李某、大队长赵某", "同意罚款二万元")
    detail = svc.get(detail.id)
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 3), **PENALTY)
    assert detail.status == "penalty"
    assert [e.action for e in detail.events if e.action.startswith("procedure_") or e.action == "service"] == [
        "procedure_prior_notice", "service", "procedure_statement", "procedure_hearing_request",
        "procedure_collective_discussion"]


def test_when_the_period_runs_out_without_a_word_the_decision_may_follow(store) -> None:
    svc, detail = reviewed(store, "penalty")
    # a small fine: no hearing to offer (below the local 较大数额), no collective discussion
    small = {**PENALTY, "fine_fen": 300_000}
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款三千元", intended_fine_fen=300_000)
    detail = svc.record_service(detail.id, "prior_notice", "post", SERVED_ON, "李会计")
    assert not detail.steps[0].hearing_offered
    assert refusal(svc, detail, "penalty", DEFENCE_DUE, **small).code == "procedure.defence_period_running"
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 6), **small)
    assert detail.status == "penalty"


def test_the_hearing_threshold_is_a_local_setting(store) -> None:
    SettingsService(store, make_actor("admin")).set(
        "penalty_hearing_threshold", {"person_fen": 50_000, "organisation_fen": 200_000})
    svc, detail = reviewed(store, "penalty")
    detail = svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款三千元", intended_fine_fen=300_000)
    assert detail.steps[0].hearing_offered


def test_the_hearing_steps_keep_the_statutory_periods(store) -> None:
    svc, detail = reviewed(store, "penalty")
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款二万元", intended_fine_fen=PENALTY["fine_fen"])
    svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    with pytest.raises(UserError) as caught:  # art 64(1): within five working days of the notice
        svc.record_hearing_request(detail.id, date(2023, 7, 6))
    assert caught.value.code == "procedure.hearing_request_late"
    svc.record_statement(detail.id, "penalty", date(2023, 6, 30), waived=False, content="工资已部分支付，请求从轻")
    svc.record_hearing_request(detail.id, date(2023, 7, 3))
    assert refusal(svc, detail, "penalty", date(2023, 7, 20)).code == "procedure.hearing_not_held"
    # art 64(2): seven working days before the hearing; Fri 07-14's latest notice day is Wed 07-05
    with pytest.raises(UserError) as caught:
        svc.record_hearing_notice(detail.id, date(2023, 7, 6), date(2023, 7, 14), "区人社局第一会议室")
    assert caught.value.code == "procedure.hearing_notice_late" and "2023-07-05" in caught.value.message()
    detail = svc.record_hearing_notice(detail.id, date(2023, 7, 5), date(2023, 7, 14), "区人社局第一会议室")
    with pytest.raises(UserError) as caught:  # art 64(4): not hosted by an investigator
        svc.record_hearing(detail.id, date(2023, 7, 14), "王明", "当事人到场申辩")
    assert caught.value.code == "procedure.host_is_investigator"
    svc.record_hearing(detail.id, date(2023, 7, 14), "法制科孙某（记录：周某）", "调查人员出示证据，当事人质证并申辩")
    svc.record_collective_discussion(detail.id, date(2023, 7, 17), "局长王某、副局长李某", "维持罚款二万元")
    detail = svc.get(detail.id)
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 18), **PENALTY)
    assert detail.status == "penalty"


def test_a_handling_decision_needs_notice_and_defence_but_no_hearing(store) -> None:
    svc, detail = reviewed(store, "admin_decision")
    fields = {"facts": "拖欠工资15,000.00元", "basis": "《劳动保障监察条例》第二十六条", "order": "责令支付所欠工资"}
    assert refusal(svc, detail, "admin_decision", date(2023, 7, 3), **fields).code == "procedure.notice_required"
    svc.record_prior_notice(detail.id, "admin_decision", NOTICE_ON, "拟责令支付所欠工资15,000.00元")
    svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    with pytest.raises(UserError) as caught:
        svc.record_hearing_request(detail.id, date(2023, 6, 29))
    assert caught.value.code == "procedure.no_notice"  # a hearing belongs to the penalty procedure only
    detail = svc.record_statement(detail.id, "admin_decision", date(2023, 6, 30), waived=False,
                                  content="资金困难，请求分期支付")
    detail = svc.issue_decision(detail.id, detail.version, "admin_decision", date(2023, 7, 3), **fields)
    assert detail.decision_no == "某区人社监处字〔2023〕1号"


def test_deadlines_counted_from_service_count_from_the_recorded_service(store) -> None:
    svc, detail = reviewed(store, "penalty")
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款三千元", intended_fine_fen=300_000)
    detail = svc.get(detail.id)
    assert not [d for d in detail.deadlines if d.key.startswith("defence")]  # nothing runs before service
    with pytest.raises(UserError) as caught:
        svc.record_service(detail.id, "prior_notice", "direct", date(2023, 6, 25), "李会计")
    assert caught.value.code == "service.before_issue"
    with pytest.raises(UserError) as caught:  # no signature: say why
        svc.record_service(detail.id, "prior_notice", "left", SERVED_ON, "李会计", signed=False)
    assert caught.value.code == "service.reason_required"
    svc.record_service(detail.id, "prior_notice", "left", SERVED_ON, "李会计", signed=False,
                       note="拒绝签收，见证人：社区干部刘某")
    detail = svc.get(detail.id)
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 6),
                                **{**PENALTY, "fine_fen": 300_000})
    assert "fine" not in {d.key for d in detail.deadlines}  # the decision is not served yet
    detail = svc.record_service(detail.id, "penalty", "direct", date(2023, 7, 10), "李会计")
    keys = {d.key: d for d in detail.deadlines}
    # I7: 15 days from receipt (Mon 07-10 → Tue 07-25); I11: 60 days (→ Fri 09-08)
    assert keys["fine"].due == date(2023, 7, 25) and keys["review"].due == date(2023, 9, 8)
    assert detail.services[-1].document_no == detail.decision_no


def test_the_penalty_documents_from_filing_to_decision(store, tmp_path) -> None:
    """立案 → 事先告知书 → 陈述申辩 (waived) → 决定, rendered to PDF (and looked at as PNG)."""
    from app.complaints.evidence import EvidenceService

    svc, detail = reviewed(store, "penalty")
    scan = tmp_path / "工资表.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scan\n")
    EvidenceService(store, make_actor("inspector", username="inspector"), root=tmp_path / "evidence").attach(
        detail.id, scan, description="2023年3月至5月工资表", on=date(2023, 6, 15))
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟对你单位处以罚款", intended_fine_fen=300_000)
    svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    svc.record_statement(detail.id, "penalty", date(2023, 6, 29), waived=True)
    detail = svc.get(detail.id)
    detail = svc.issue_decision(
        detail.id, detail.version, "penalty", date(2023, 7, 3),
        facts="经查，你单位拖欠3名劳动者2023年3月至5月工资共计15,000.00元", basis=PENALTY["basis"], fine_fen=300_000)
    for kind in ("filing", "prior_notice", "statement", "penalty"):
        path = tmp_path / f"{kind}.pdf"
        assert write_complaint_document(kind, detail, path, organisation=ORG, printed_on=date(2023, 7, 3)) >= 1
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / kind)], check=True)
    notice = _text(tmp_path / "prior_notice.pdf")
    assert "行政处罚事先告知书" in notice and "某区人社告字〔2023〕1号" in notice
    assert "五个工作日内" in notice and "听证" not in notice  # 3,000 yuan: no hearing to offer
    assert "放弃陈述、申辩" in _text(tmp_path / "statement.pdf")
    decision = _text(tmp_path / "penalty.pdf")
    assert "经查，你单位拖欠" in decision and "经查，你单位存在以下违法事实：经查" not in decision
    assert "经查，经查" not in decision
    # the procedure and its dates (art 62), the evidence (art 59(2)), the remedy route (art 59(5))
    assert "2023年6月26日向你单位制发《行政处罚事先告知书》（某区人社告字〔2023〕1号）并于2023年6月28日送达" in decision
    assert "你单位于2023年6月29日书面表示放弃陈述、申辩" in decision
    assert "2023年3月至5月工资表" in decision and "书证（电子文档）" in decision
    assert f"向{ORG['review_authority']}申请行政复议" in decision and f"向{ORG['court']}提起行政诉讼" in decision
    print("PNG pages:", sorted(p.name for p in tmp_path.glob("*.png")))


def test_the_remedy_bodies_are_settings_the_decision_prints(store, tmp_path) -> None:
    svc, detail = reviewed(store, "penalty")
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款", intended_fine_fen=300_000)
    svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    detail = svc.record_statement(detail.id, "penalty", date(2023, 6, 29), waived=True)
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 3),
                                **{**PENALTY, "fine_fen": 300_000})
    org = {**ORG, "review_authority": "南明区人民政府", "court": "贵阳市南明区人民法院"}
    path = tmp_path / "penalty.pdf"
    write_complaint_document("penalty", detail, path, organisation=org)
    content = _text(path)
    assert "向南明区人民政府申请行政复议" in content and "向贵阳市南明区人民法院提起行政诉讼" in content


def test_the_rectification_order_cites_the_norm_broken(store, tmp_path) -> None:
    svc, detail = opened_case(store)
    detail = svc.order_rectification(detail.id, detail.version, date(2023, 6, 20), date(2023, 7, 5))
    path = tmp_path / "order.pdf"
    write_complaint_document("rectification", detail, path, organisation=ORG)
    content = _text(path)
    # migrant workers, no construction project on the case: 劳动法, 劳动合同法 and 条例 art 3 only
    assert "违反了《中华人民共和国劳动法》第五十条、《中华人民共和国劳动合同法》第三十条、《保障农民工工资支付条例》第三条第一款的规定" in content
    assert "第三十条、第三十条" not in content and "和《劳动保障监察条例》的有关规定" not in content


def test_the_hearing_notice_is_its_own_document_served_seven_working_days_before(store, tmp_path) -> None:
    """听证通知书 (行政处罚法 art 64(2)): numbered, listed with the case's documents, served with a 送达回证;
    a notice served too late cannot carry the hearing, and the 听证笔录 names the notice and its dates."""
    from app.complaints.documents import available_documents

    svc, detail = reviewed(store, "penalty")
    svc.record_prior_notice(detail.id, "penalty", NOTICE_ON, "拟罚款二万元", intended_fine_fen=PENALTY["fine_fen"])
    svc.record_service(detail.id, "prior_notice", "direct", SERVED_ON, "李会计")
    svc.record_hearing_request(detail.id, date(2023, 6, 30))
    with pytest.raises(UserError) as caught:
        svc.record_hearing_notice(detail.id, date(2023, 7, 3), date(2023, 7, 14), "区人社局第一会议室",
                                  hearing_time="9点半")
    assert caught.value.code == "procedure.hearing_time_invalid"
    with pytest.raises(UserError) as caught:  # art 64(4): the designated host did not investigate
        svc.record_hearing_notice(detail.id, date(2023, 7, 3), date(2023, 7, 14), "区人社局第一会议室", host="王明")
    assert caught.value.code == "procedure.host_is_investigator"
    detail = svc.record_hearing_notice(detail.id, date(2023, 7, 3), date(2023, 7, 14), "区人社局第一会议室",
                                       hearing_time="0930", host="法制科孙某")
    notice = detail.steps[-1]
    assert notice.number == "某区人社听通字〔2023〕1号" and notice.content == "09:30"
    assert "hearing_notice" in available_documents(detail)
    assert {d.key for d in detail.deadlines} >= {"hearing_notice"}  # not served yet: the latest day shows

    # Served on Thu 07-06, after the latest lawful day (Wed 07-05 for Fri 07-14): the hearing cannot be held on it.
    detail = svc.record_service(detail.id, "hearing_notice", "direct", date(2023, 7, 6), "李会计")
    assert detail.services[-1].document_no == notice.number
    assert "hearing_notice" not in {d.key for d in detail.deadlines}
    with pytest.raises(UserError) as caught:
        svc.record_hearing(detail.id, date(2023, 7, 14), "法制科孙某", "当事人到场申辩")
    assert caught.value.code == "procedure.hearing_notice_served_late"
    assert caught.value.message() == (
        "听证通知书于2023-07-06送达，2023-07-14举行的听证应当最迟于2023-07-05通知当事人（提前七个工作日，"
        "《行政处罚法》第六十四条第二项）。请另行制发听证通知书，重新确定听证日期。")

    # A new notice for a later hearing, served in time: the hearing follows it.
    detail = svc.record_hearing_notice(detail.id, date(2023, 7, 6), date(2023, 7, 18), "区人社局第二会议室",
                                       hearing_time="14:00", host="法制科孙某")
    renewed = detail.steps[-1]
    assert renewed.number == "某区人社听通字〔2023〕2号"
    svc.record_service(detail.id, "hearing_notice", "direct", date(2023, 7, 7), "李会计")
    detail = svc.record_hearing(detail.id, date(2023, 7, 18), "法制科孙某（记录：周某）", "调查人员出示证据，当事人质证并申辩")

    for kind in ("hearing_notice", "hearing_record", "service_receipt"):
        path = tmp_path / f"{kind}.pdf"
        pages = write_complaint_document(kind, detail, path, organisation=ORG, printed_on=date(2023, 7, 18))
        assert pages == (2 if kind == "hearing_notice" else 1)  # the notice's last item goes over with the 落款
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(tmp_path / kind)], check=True)
    print("PNG pages:", tmp_path)
    letter = _text(tmp_path / "hearing_notice.pdf")
    assert "听证通知书" in letter and "某区人社听通字〔2023〕2号" in letter
    assert "你单位于2023年6月30日要求听证（《行政处罚事先告知书》某区人社告字〔2023〕1号）" in letter
    assert "听证时间：2023年7月18日下午2时。" in letter and "听证地点：区人社局第二会议室。" in letter
    assert "听证主持人：法制科孙某" in letter and "申请回避" in letter
    assert "委托一至二人代理" in letter and "视为放弃听证权利" in letter and "不承担" in letter
    assert "张伟" not in letter and "投诉" not in letter  # nothing about the complainant (条例 art 9)
    record = _text(tmp_path / "hearing_record.pdf")
    assert "听证通知书某区人社听通字〔2023〕2号，2023年7月6日制发，2023年7月7日送达" in record
    assert "听证通知书 某区人社听通字〔2023〕1号" in _text(tmp_path / "service_receipt.pdf")

    # The decision recites the hearing notice with its number and service, then the hearing (art 62, art 64).
    svc.record_collective_discussion(detail.id, date(2023, 7, 19), "局长王某、副局长李某", "维持罚款二万元")
    detail = svc.get(detail.id)
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 20), **PENALTY)
    write_complaint_document("penalty", detail, tmp_path / "penalty.pdf", organisation=ORG)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(tmp_path / "penalty.pdf"), str(tmp_path / "penalty")], check=True)
    assert ("于2023年6月30日要求听证，本机关于2023年7月6日制发《听证通知书》（某区人社听通字〔2023〕2号）"
            "并于2023年7月7日送达，于2023年7月18日依法举行了听证（主持人：法制科孙某（记录：周某））") in _text(
        tmp_path / "penalty.pdf")


@pytest.mark.parametrize(("typed", "stored", "printed"), [
    ("0930", "09:30", "上午9时30分"), ("9:30", "09:30", "上午9时30分"), ("14：00", "14:00", "下午2时"),
    ("1200", "12:00", "中午12时"), ("", "", ""),
])
def test_the_hearing_time_is_typed_loosely_and_printed_as_a_notice_says_it(typed: str, stored: str, printed: str) -> None:
    from app.complaints.procedure import StepLine, hearing_time_label
    from app.complaints.service import _hearing_clock

    assert _hearing_clock(typed) == stored
    step = StepLine(1, "penalty", "hearing_notice", NOTICE_ON, "", stored, None, False, False, False, "", None, "")
    assert hearing_time_label(step) == printed


@pytest.mark.parametrize("typed", ["9点", "2460", "930am", "9:3", "12345"])
def test_a_hearing_time_that_is_not_a_time_is_refused(typed: str) -> None:
    from app.complaints.service import _hearing_clock

    with pytest.raises(UserError) as caught:
        _hearing_clock(typed)
    assert caught.value.code == "procedure.hearing_time_invalid" and typed in caught.value.message()


def test_the_handling_notice_cites_the_rules_that_require_it(store, tmp_path) -> None:
    """行政处理事先告知书: the notice rule for a 行政处理决定 is 劳动保障监察条例 art 19 (hear the statement and
    defence before a 处罚 or 处理 decision) and 若干规定 (劳社部令第25号) art 34 (tell the employer first),
    both checked against their texts; not 行政处罚法, which governs penalties."""
    svc, detail = reviewed(store, "admin_decision")
    svc.record_prior_notice(detail.id, "admin_decision", NOTICE_ON, "拟责令支付所欠工资15,000.00元")
    path = tmp_path / "notice.pdf"
    assert write_complaint_document("prior_notice", svc.get(detail.id), path, organisation=ORG,
                                    printed_on=NOTICE_ON) >= 1
    notice = _text(path)
    assert "行政处理事先告知书" in notice and "行政处罚法" not in notice
    assert "《劳动保障监察条例》第十九条、《关于实施〈劳动保障监察条例〉若干规定》第三十四条" in notice.replace("\n", "")
