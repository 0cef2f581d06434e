"""A work-injury award as the documents print it (调解仲裁法 art 47(1)): 工伤医疗费 by name and final,
the other benefits as 工伤保险待遇 with the applicant's own words and not final; the basis line cites
art 47 only on a final award and never art 50."""

from __future__ import annotations

import subprocess
from datetime import date, time
from pathlib import Path

from app.arbitration import documents as docs
from app.arbitration.service import AwardItem, ClaimInput
from tests.fixtures.arbitration import make_world
from tests.fixtures.arbitration_documents import ORG, pdf_text


def test_a_work_injury_award_names_each_benefit_and_splits_by_finality(store, tmp_path: Path) -> None:
    w = make_world(store)
    s = w.clerk_service()
    cid = s.receive(applicants=[w.worker], respondents=[w.employer], received_on=date(2023, 9, 25),
                    cause="工伤保险待遇争议", claims=[ClaimInput("injury_medical", 800_000, "住院医疗费"),
                                                ClaimInput("injury", 3_000_000, "一次性伤残补助金")])
    s.accept(cid, date(2023, 9, 27))
    s.form_tribunal(cid, date(2023, 9, 28), chief_id=w.chief, arbitrator_2_id=w.second, arbitrator_3_id=w.third,
                    clerk_id=w.clerk)
    s.record_service(cid, document="application_copy", party_id=w.employer, method="post", served_on=date(2023, 9, 28))
    v = s.schedule_hearing(cid, date(2023, 9, 28), held_on=date(2023, 10, 20), starts_at=time(9), ends_at=time(11),
                           room="第一仲裁庭")
    v = s.hold_hearing(cid, date(2023, 10, 20), hearing_id=v.hearings[0].id)
    v = s.close_award(cid, date(2023, 11, 10), [AwardItem(v.claims[0].id, 800_000, "upheld"),
                                                AwardItem(v.claims[1].id, 2_600_000, "partly_upheld")])
    assert [c.final for c in v.claims] == [True, False]  # 8,000 ≤ 12 × 1,890; a lump sum is never final
    texts = {}
    for kind in ("award_final", "award_non_final"):
        path = tmp_path / f"{kind}.pdf"
        docs.render(docs.draft(kind, v, ORG), path)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / kind)], check=True)
        texts[kind] = pdf_text(path)
    final, non_final = texts["award_final"], texts["award_non_final"]
    assert "1．工伤医疗费（住院医疗费）8,000.00元；2．工伤保险待遇（一次性伤残补助金）30,000.00元" in final
    assert "其他工伤待遇" not in final + non_final  # the docket's pick-list label stays out of the award
    assert "支付申请人工伤医疗费8,000.00元" in final and "本裁决为终局裁决" in final
    assert "支付申请人工伤保险待遇（一次性伤残补助金）26,000.00元" in non_final
    assert "依照《中华人民共和国劳动争议调解仲裁法》第四十七条和" in final
    assert "第四十七条" not in non_final.split("裁决如下")[0].split("本委认为")[1]
    assert "第五十条" not in final + non_final
