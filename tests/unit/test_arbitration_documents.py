"""The arbitration and mediation documents: filled from the case, editable, rendered."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.arbitration import documents as docs
from app.arbitration.service import AwardItem
from app.errors import UserError
from app.mediation import documents as mdocs
from tests.fixtures.arbitration import make_world, receive, wage_claims
from tests.fixtures.arbitration_documents import ORG, pdf_text


@pytest.fixture
def awarded(store):
    w = make_world(store)
    s = w.clerk_service()
    cid = receive(w, date(2023, 9, 25))
    s.accept(cid, date(2023, 9, 27))
    s.form_tribunal(cid, date(2023, 9, 28), chief_id=w.chief, arbitrator_2_id=w.second, arbitrator_3_id=w.third,
                    clerk_id=w.clerk)
    s.record_service(cid, document="application_copy", party_id=w.employer, method="post", served_on=date(2023, 9, 28))
    v = s.schedule_hearing(cid, date(2023, 9, 28), held_on=date(2023, 10, 20), starts_at=time(9), ends_at=time(11),
                           room="第一仲裁庭")
    s.suspend(cid, date(2023, 10, 9), ground="等待工伤认定结论", approver="仲裁委主任")
    s.resume(cid, date(2023, 10, 16))
    s.extend(cid, date(2023, 10, 17), days=15, approver="仲裁院院长")
    v = s.hold_hearing(cid, date(2023, 10, 20), hearing_id=v.hearings[0].id)
    return w, s.close_award(cid, date(2023, 11, 20), [AwardItem(v.claims[0].id, 1_200_000, "upheld"),
                                                      AwardItem(v.claims[1].id, 2_500_000, "partly_upheld")])


def test_every_document_the_case_has_reached_renders(awarded, tmp_path: Path) -> None:
    _w, case = awarded
    expected = {
        "acceptance": ["受理通知书", "张伟：", "决定立案受理", "2023年9月27日"],
        "answer_notice": ["应诉（答辩）通知书", "十日内"],
        "tribunal": ["组庭通知书", "王仲裁担任首席仲裁员", "书记员陈书记"],
        "hearing": ["开庭通知书", "2023年10月20日09时00分在第一仲裁庭"],
        "extension": ["延期审理通知书", "延长15日"],
        "suspension": ["中止审理决定书", "等待工伤认定结论"],
        "resumption": ["恢复审理通知书", "2023年10月16日起恢复审理"],
        "award": ["仲裁裁决书", "某区劳人仲案字〔2023〕第1号", "劳动报酬12,000.00元", "经济补偿25,000.00元",
                  "驳回申请人的其他仲裁请求", "终局裁决", "首席仲裁员王仲裁", "2023年11月20日"],
        "service_receipt": ["送达回证", "邮寄送达", "贵州某建筑工程有限公司"],
    }
    for kind, words in expected.items():
        path = tmp_path / f"{kind}.pdf"
        docs.render(docs.draft(kind, case, ORG), path)
        found = pdf_text(path)
        for word in words:
            assert word.replace(" ", "") in found, (kind, word)
    for kind in ("refusal", "mediation", "withdrawal"):
        with pytest.raises(UserError) as caught:
            docs.draft(kind, case, ORG)
        assert caught.value.code == "document.not_yet"


def test_free_text_is_edited_before_printing(awarded, tmp_path: Path) -> None:
    _w, case = awarded
    d = docs.draft("award", case, ORG)
    assert "（请填写裁决理由" in d.editable_text()
    edited = d.editable_text().replace("本委认为：（请填写裁决理由及所依据的法律规定）",
                                       "本委认为：被申请人拖欠申请人工资，事实清楚，证据充分。")
    d = d.with_paragraphs(edited.split("\n\n"))
    path = tmp_path / "award.pdf"
    pages = docs.render(d, path)
    assert pages >= 1
    text = pdf_text(path)
    assert "被申请人拖欠申请人工资，事实清楚，证据充分。" in text and "请填写裁决理由" not in text
    fonts = {str(f) for page in PdfReader(str(path)).pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # the subset font is embedded (see tests/unit/test_documents.py for the base)


def test_refusal_and_mediation_documents(store, tmp_path: Path) -> None:
    w = make_world(store)
    s = w.clerk_service()
    cid = receive(w, date(2023, 9, 25))
    case = s.refuse(cid, date(2023, 9, 27), "outside_scope", "申请人的请求为追讨工程款")
    path = tmp_path / "refusal.pdf"
    docs.render(docs.draft("refusal", case, ORG), path)
    text = pdf_text(path).replace("\n", "")
    assert "追讨工程款" in text
    # 规则 art 31 is the refusal article; 调解仲裁法 art 29 sets no time limit for going to court
    assert "第三十一条的规定，本委决定不予受理" in text and "第三十条的规定，本委决定不予受理" not in text
    assert "十五日内" not in text and "可以就该劳动争议事项向人民法院提起诉讼" in text

    m = w.mediation()
    mid = m.apply(applicants=[w.worker], respondents=[w.employer], claims=wage_claims(), received_on=date(2024, 2, 1),
                  organisation="某镇劳动争议调解中心")
    m.accept(mid, date(2024, 2, 2))
    view = m.agree(mid, date(2024, 2, 6), terms="被申请人于2024年2月20日前支付工资12000元。", amount_agreed_fen=1_200_000)
    path = tmp_path / "agreement.pdf"
    docs.render(mdocs.draft("agreement", view, ORG), path)
    text = pdf_text(path)
    assert "调解协议书" in text and "支付令" in text and "某镇劳动争议调解中心" in text and "12,000.00" in text
    mid2 = m.apply(applicants=[w.worker2], respondents=[w.employer2], claims=wage_claims(), received_on=date(2024, 2, 1))
    view = m.fail(mid2, date(2024, 2, 10), "被申请人拒绝调解")
    path = tmp_path / "termination.pdf"
    docs.render(mdocs.draft("termination", view, ORG), path)
    assert "被申请人拒绝调解" in pdf_text(path) and "申请仲裁" in pdf_text(path)


def test_revocation_and_termination_decisions(store, tmp_path: Path) -> None:
    w = make_world(store)
    s = w.clerk_service()
    for kind, close in (("revocation", s.revoke), ("termination", s.terminate)):
        cid = receive(w, date(2023, 9, 25))
        s.accept(cid, date(2023, 9, 27))
        case = close(cid, date(2023, 10, 9), "申请人已就同一争议向人民法院起诉且法院已立案")
        path = tmp_path / f"{kind}.pdf"
        docs.render(docs.draft(kind, case, ORG), path)
        text = pdf_text(path)
        assert docs.DOCUMENTS[kind] in text and "法院已立案" in text


def test_mixed_award_splits_into_a_final_and_a_non_final_document(awarded, tmp_path: Path) -> None:
    _w, case = awarded  # wages 12,000 final; severance 25,000 not
    final = docs.draft("award_final", case, ORG)
    non_final = docs.draft("award_non_final", case, ORG)
    assert final.table_rows and [r[1] for r in final.table_rows] == ["劳动报酬"]
    assert [r[1] for r in non_final.table_rows] == ["经济补偿"]
    assert "本裁决为终局裁决" in final.editable_text() and "经济补偿25,000.00元" not in final.editable_text()
    assert "期满不起诉的，本裁决书发生法律效力" in non_final.editable_text()
    path = tmp_path / "final.pdf"
    docs.render(final, path)
    assert "终局裁决事项作出裁决" in pdf_text(path)


def test_only_the_documents_that_fit_the_case_are_offered(store, awarded) -> None:
    w, view = awarded
    offered = docs.available_documents(view)
    assert {"acceptance", "tribunal", "hearing", "extension", "suspension", "resumption", "award"} <= set(offered)
    assert not {"refusal", "mediation", "withdrawal", "revocation", "termination"} & set(offered)
    for kind in set(docs.DOCUMENTS) - set(offered):  # what is not offered is refused, not drafted half-empty
        with pytest.raises(UserError):
            docs.draft(kind, view, "某仲裁委")
    fresh = w.clerk_service().get(receive(w, date(2023, 9, 25)))
    assert docs.available_documents(fresh) == []  # nothing decided yet
    refused = w.clerk_service().refuse(fresh.id, date(2023, 9, 26), "no_clear_respondent")
    assert docs.available_documents(refused) == ["refusal", "service_receipt"]
