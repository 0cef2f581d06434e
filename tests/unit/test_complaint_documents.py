"""The complaint documents: filled from the case, the font embedded, nothing of
the complainant on what goes to the employer."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.complaint_documents import (
    DOCUMENTS,
    available_documents,
    write_complaint_document,
)
from app.services.settings import DEFAULTS
from tests.unit.test_complaints import opened_case, service

ORG = DEFAULTS["organisation"]


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def closed_case(store):  # type: ignore[no-untyped-def]
    svc, detail = opened_case(store)
    detail = svc.order_rectification(detail.id, detail.version, date(2023, 6, 20), date(2023, 7, 5))
    for w in detail.workers:
        detail = svc.record_payment(detail.id, w.id, date(2023, 7, 1), w.owed_fen)
    detail = svc.mark_rectified(detail.id, detail.version, date(2023, 7, 2))
    return svc.close(detail.id, detail.version, date(2023, 7, 3), "paid", "欠薪已全部支付")


def test_every_document_renders_with_the_case_data(closed_case, tmp_path) -> None:  # type: ignore[no-untyped-def]
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


def test_the_rectification_order_never_names_the_complainant(closed_case, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "order.pdf"
    write_complaint_document("rectification", closed_case, path, organisation=ORG)
    content = _text(path)
    assert "某区人社监令〔2023〕1号" in content
    assert "投诉" not in content and "举报" not in content and "13812345678" not in content
    assert "1381" not in content and "520102" not in content  # no phone, no ID numbers


def test_refusal_notice(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    svc = service(store)
    from tests.unit.test_complaints import intake

    detail, _ = svc.register(intake())
    detail = svc.refuse(detail.id, detail.version, date(2023, 6, 2), "投诉事项发生在两年以前，超过了劳动保障监察的时效")
    assert "refusal" in available_documents(detail)
    path = tmp_path / "refusal.pdf"
    write_complaint_document("refusal", detail, path, organisation=ORG)
    content = _text(path)
    assert "不予受理投诉通知书" in content and "超过了劳动保障监察的时效" in content and "张伟" in content
