"""The complaint documents: filled from the case, the font embedded, nothing of
the complainant on what goes to the employer."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.complaints.documents import (
    DOCUMENTS,
    available_documents,
    write_complaint_document,
)
from app.kernel.settings import DEFAULTS
from tests.fixtures.complaints import PENALTY, intake, opened_case, reviewed_case, service

ORG = DEFAULTS["organisation"]


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def closed_case(store):
    svc, detail = opened_case(store)
    detail = svc.order_rectification(detail.id, detail.version, date(2023, 6, 20), date(2023, 7, 5))
    for w in detail.workers:
        detail = svc.record_payment(detail.id, w.id, date(2023, 7, 1), w.owed_fen)
    detail = svc.mark_rectified(detail.id, detail.version, date(2023, 7, 2))
    return svc.close(detail.id, detail.version, date(2023, 7, 3), "paid", "欠薪已全部支付")


def test_every_document_renders_with_the_case_data(closed_case, tmp_path) -> None:
    assert available_documents(closed_case) == ["registration", "filing", "rectification", "closure"]
    for kind in available_documents(closed_case):
        path = tmp_path / f"{kind}.pdf"
        pages = write_complaint_document(kind, closed_case, path, organisation=ORG, printed_on=date(2023, 7, 3))
        assert pages >= 1
        content = _text(path)
        assert DOCUMENTS[kind].replace("（", "(")[:4] in content.replace("（", "(")
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        assert "WenQuanYi" in fonts and " yes " in fonts  # embedded subset
    closure = _text(tmp_path / "closure.pdf")
    assert "15,000.00" in closure and "某区人社监立字〔2023〕第1号" in closure


def test_the_rectification_order_never_names_the_complainant(closed_case, tmp_path) -> None:
    path = tmp_path / "order.pdf"
    write_complaint_document("rectification", closed_case, path, organisation=ORG)
    content = _text(path)
    assert "某区人社监令〔2023〕1号" in content
    assert "投诉" not in content and "举报" not in content and "13812345678" not in content
    assert "1381" not in content and "520102" not in content  # no phone, no ID numbers


def test_refusal_notice(store, tmp_path) -> None:
    svc = service(store)
    detail, _ = svc.register(intake())
    detail = svc.refuse(detail.id, detail.version, date(2023, 6, 2), "投诉事项发生在两年以前，超过了劳动保障监察的时效")
    assert "refusal" in available_documents(detail)
    path = tmp_path / "refusal.pdf"
    write_complaint_document("refusal", detail, path, organisation=ORG)
    content = _text(path)
    assert "不予受理投诉通知书" in content and "超过了劳动保障监察的时效" in content and "张伟" in content


def _decided(store, kind: str):
    """A case with a rectification order, part paid, then the decision of `kind`."""
    svc, detail = reviewed_case(store, kind)
    detail = svc.order_rectification(detail.id, detail.version, date(2023, 6, 20), date(2023, 6, 28))
    detail = svc.record_payment(detail.id, detail.workers[0].id, date(2023, 6, 25), 200_000)
    detail = svc.mark_not_rectified(detail.id, detail.version, date(2023, 6, 29))
    if kind == "penalty":
        return svc, svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 3),
                                       **{**PENALTY, "fine_fen": 2_000_050})
    return svc, svc.issue_decision(
        detail.id, detail.version, "admin_decision", date(2023, 7, 3),
        facts="你单位拖欠3名劳动者2023年3月至5月工资共计15,000.00元，经本机关责令限期改正，逾期仍未支付13,000.00元",
        basis="依据《劳动保障监察条例》第二十六条。",
        order="责令你单位于2023年7月20日前向下列劳动者支付所欠工资13,000.00元，并按应付金额百分之五十加付赔偿金6,500.00元",
        ordered_fen=1_950_000,
    )


@pytest.mark.parametrize("kind", ["admin_decision", "penalty"])
def test_decision_documents_go_to_the_employer(store, tmp_path, kind) -> None:
    _, detail = _decided(store, kind)
    steps = ["prior_notice", "statement"] + (["discussion"] if kind == "penalty" else [])
    assert available_documents(detail) == ["registration", "filing", "rectification", *steps, kind,
                                           "service_receipt"]
    path = tmp_path / f"{kind}.pdf"
    assert write_complaint_document(kind, detail, path, organisation=ORG, printed_on=date(2023, 7, 3)) >= 1
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts
    content = _text(path).replace("\n", "")
    assert DOCUMENTS[kind] in content
    assert detail.decision_no in content and "〔2023〕" in content
    assert "贵州某建筑劳务有限公司" in content and "统一社会信用代码" in content and "住所" in content
    assert "依据《劳动保障监察条例》第二十六条" in content or "依据《保障农民工工资支付条例》" in content
    assert "依据依据" not in content and "。。" not in content
    # the remedy route and periods (art 59(5); DOMAIN I11), the authority, the date and the seal
    assert f"六十日内向{ORG['review_authority']}申请行政复议" in content
    assert f"六个月内依法向{ORG['court']}提起行政诉讼" in content
    assert ORG["bureau"] in content and "2023年7月3日" in content and "（印章）" in content
    # personal data: no complainant, no ID numbers, no phone
    assert "投诉" not in content and "举报" not in content
    numbers = [w["party"]["id_no"] for w in intake()["workers"]] + [intake()["complainant"]["id_no"]]
    assert "13812345678" not in content and not any(n[:10] in content for n in numbers)
    if kind == "penalty":
        assert "罚款人民币20,000.50元（大写：贰万元伍角）" in content
        assert "十五日内" in content and "百分之三" in content
    else:
        assert "人民币19,500.00元（大写：壹万玖仟伍佰元整）" in content
        # what each worker was still owed that day: 张伟 paid 2,000.00 of 5,000.00
        assert "3,000.00" in content and "李强" in content and "王芳" in content


def test_closure_form_shows_the_fine(store, tmp_path) -> None:
    svc, detail = _decided(store, "penalty")
    detail = svc.close(detail.id, detail.version, date(2023, 7, 10), "decision", "已作出行政处罚决定")
    assert available_documents(detail)[-3:] == ["penalty", "service_receipt", "closure"]
    path = tmp_path / "closure.pdf"
    write_complaint_document("closure", detail, path, organisation=ORG)
    content = _text(path).replace("\n", "")
    assert "20,000.50元（某区人社罚〔2023〕1号）" in content
    assert "行政处罚决定 某区人社罚〔2023〕1号" in content


def test_closure_form_without_a_decision_shows_a_dash(closed_case, tmp_path) -> None:
    path = tmp_path / "closure.pdf"
    write_complaint_document("closure", closed_case, path, organisation=ORG)
    assert "罚款—" in _text(path).replace("\n", "").replace(" ", "")
