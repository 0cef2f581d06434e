"""Sites exchanging bundles: a district and two townships, each its own database."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.arbitration.service import ClaimInput
from app.audit import chain as audit
from app.audit.models import AuditHead
from app.errors import UserError
from app.kernel.settings import SettingsService
from app.parties.service import PartyService
from app.privacy import mask
from app.sites import bundle as bundle_format
from app.sites.exchange import ExchangeService
from app.sites.identity import SiteService
from app.sites.models import SiteAuditEntry, SitePeer
from app.sites.travel import LOCAL, TRAVELLING, undeclared
from app.store import open_store
from tests.conftest import make_actor
from tests.fixtures.sites import ADMIN, Site, delete_party, make_site, party_id_by_name, send, trust


@pytest.fixture
def sites(tmp_path: Path):
    district = make_site(tmp_path, "D", "某区人社局", "district", "某区")
    town_a = make_site(tmp_path, "TA", "甲镇劳动保障所", "township", "甲镇")
    town_b = make_site(tmp_path, "TB", "乙镇劳动保障所", "township", "乙镇")
    for town in (town_a, town_b):
        trust(district, town)
        trust(town, district)
    yield district, town_a, town_b
    for s in (district, town_a, town_b):
        s.store.dispose()


def claims() -> list[ClaimInput]:
    return [ClaimInput("wages", 1_234_500, "2023年6月至8月工资", date(2023, 6, 1), date(2023, 8, 31))]


def mediation_year(town: Site) -> dict[str, int]:
    parties = town.parties
    worker = parties.create({"kind": "person", "name": "张晓伟", "id_type": "resident_id",
                             "id_no": "110101199003074573", "phone": "13800138000"}).id
    employer = parties.create({"kind": "org", "name": "贵州甲镇建筑有限公司"}).id
    m = town.mediation
    ids = {}
    for key, channel in (("online_agreed", "online"), ("online_failed", "online"), ("site_agreed", "on_site")):
        mid = m.apply(applicants=[worker], respondents=[employer], claims=claims(), received_on=date(2024, 3, 1),
                      matter="拖欠工资", channel=channel, organisation=town.code)
        m.accept(mid, date(2024, 3, 2))
        if key.endswith("agreed"):
            m.agree(mid, date(2024, 3, 5), terms="三月底前付清", amount_agreed_fen=1_234_500)
        else:
            m.fail(mid, date(2024, 3, 6), "被申请人拒绝调解")
        ids[key] = mid
    return ids


def test_every_audited_table_is_declared_travelling_or_local() -> None:
    tables = [m.local_table.name for m in audit.audited_mappers()]
    assert undeclared(tables) == []
    assert not set(TRAVELLING) & set(LOCAL)
    assert "app_user" in LOCAL  # accounts and passwords never travel
    assert undeclared([*tables, "brand_new_table"]) == ["brand_new_table"]


def test_keys_fingerprints_and_trust(sites, tmp_path: Path) -> None:
    district, town_a, _ = sites
    me = SiteService(town_a.store, ADMIN).show()
    assert me is not None and me.kind == "township"
    assert len(me.fingerprint.split(" ")) == 8 and all(len(g) == 4 for g in me.fingerprint.split(" "))
    peers = {p.code: p for p in SiteService(district.store, ADMIN).peers()}
    assert peers["TA"].fingerprint == me.fingerprint
    key = json.loads((town_a.folder / "TA.key").read_text(encoding="utf-8"))
    assert "private" not in json.dumps(key)
    with pytest.raises(UserError) as caught:
        SiteService(town_a.store, ADMIN).trust(town_a.folder / "TA.key")
    assert caught.value.code == "site.trust_self"
    bad = tmp_path / "bad.key"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        SiteService(district.store, ADMIN).trust(bad)
    assert caught.value.code == "site.key_file_invalid"
    with pytest.raises(UserError) as caught:
        SiteService(district.store, ADMIN).init(code="X", name="x", kind="district")
    assert caught.value.code == "site.already_set_up"


def test_a_townships_year_goes_up_and_the_district_counts_it(sites) -> None:
    district, town_a, town_b = sites
    mediation_year(town_a)
    before = town_a.mediation.year_counts(2024, channel="online")
    assert before == {"handled": 2, "successful": 1}
    path, result = send(town_a, district)
    assert result["from"] == "TA" and result["sequence"] == 1 and not result["already_applied"]
    assert result["records_new"] > 0 and result["conflicts"] == 0
    # the district counts the township's cases (互联网+调解)
    assert district.mediation.year_counts(2024, channel="online") == before
    assert district.mediation.year_counts(2024) == town_a.mediation.year_counts(2024)
    # a lost stick reveals nothing: no name, ID number, phone or amount in the file
    raw = path.read_bytes()
    for secret in ("张晓伟", "110101199003074573", "13800138000", "1234500", "贵州甲镇", "拖欠工资"):
        assert secret.encode() not in raw and secret.encode("utf-16-le") not in raw
    # the same bundle again changes nothing
    head = district.head()
    again = district.exchange.import_bundle(path).as_dict()
    assert again["already_applied"] and again["records_new"] == again["records_updated"] == 0
    assert district.head() == head
    # the records keep their audit entries from the township, with author and origin
    with district.store.read() as session:
        foreign = session.scalars(select(SiteAuditEntry).where(SiteAuditEntry.table_name == "mediation_case")).all()
        assert foreign and {f.origin_code for f in foreign} == {"TA"} and {f.actor for f in foreign} == {"admin"}
    # the local chain records the import
    from app.audit.models import AuditEntry
    with district.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_import")).one()
        changes = json.loads(entry.changes)
        assert changes["from"] == "TA" and changes["sequence"] == 1 and len(changes["bundle_sha256"]) == 64
    assert district.verify().ok and town_a.verify().ok
    # the district sends the party register down; the township's own cases stay where they are
    _, down = send(district, town_b)
    assert down["counts"].get("party") == 2 and "mediation_case" not in down["counts"]
    assert town_b.mediation.year_counts(2024) == {"handled": 0, "successful": 0}
    # and nothing goes back to the township that it does not already hold
    _, back = send(district, town_a)
    assert back["records_new"] == back["records_updated"] == back["conflicts"] == 0
    assert town_b.verify().ok and town_a.verify().ok


def test_transfer_to_arbitration_across_sites(sites) -> None:
    district, town_a, _ = sites
    mid = mediation_year(town_a)["online_failed"]
    view = town_a.mediation.transfer_to_arbitration(mid, date(2024, 3, 7))
    assert view.status == "transferred"
    send(town_a, district)
    # in the district's 待受理 list
    received = district.arbitration.query(status="received").page(0, 50)
    assert [r.applicants for r in received] == ["张晓伟"]
    with district.store.read() as session:
        from app.arbitration.models import ArbitrationCase
        from app.mediation.models import MediationCase
        case = session.scalars(select(ArbitrationCase)).one()
        mediation = session.get(MediationCase, case.from_mediation_id)
        assert case.status == "received" and mediation is not None and mediation.status == "transferred"
    arb = district.arbitration.get(case.id)
    assert arb.names("applicant") == ["张晓伟"] and [c.amount_claimed_fen for c in arb.claims] == [1_234_500]
    accepted = district.arbitration.accept(case.id, date(2024, 3, 8))
    assert accepted.case_no.startswith("某区劳人仲案字")
    _, back = send(district, town_a)
    assert back["records_updated"] >= 1 and back["conflicts"] == 0
    at_town = town_a.mediation.get(mid)
    assert at_town.arbitration_case_no == accepted.case_no
    assert town_a.arbitration.get(at_town.arbitration_case_id).status == "accepted"
    assert district.verify().ok and town_a.verify().ok


def test_a_party_edited_at_both_sites_is_settled_field_by_field(sites) -> None:
    district, town_a, _ = sites
    pid = town_a.parties.create({"kind": "person", "name": "王小明", "phone": "13900000001", "address": "甲镇一号"}).id
    send(town_a, district, "1.rsx")
    with district.store.read() as session:
        from app.parties.models import Party
        d_pid = session.scalars(select(Party.id).where(Party.name == "王小明")).one()
    # the township's clerk has an account: her name travels with her edits, her account does not
    from app.accounts.actor import setup_actor
    from app.accounts.service import AccountService
    AccountService(town_a.store, setup_actor()).create_first_admin("admin", "王科员", "secret123")
    # both change the same record since they last agreed
    town_a.parties.update(pid, town_a.parties.get(pid).version, {"phone": "13900000002", "address": "甲镇二号"})
    district.parties.update(d_pid, district.parties.get(d_pid).version, {"name": "王晓明", "address": "某区三号"})
    # the district's change reaches the township first: a conflict there, both kept
    _, at_town = send(district, town_a, "2.rsx")
    assert at_town["conflicts"] == 1 and at_town["records_updated"] == 0
    # the township's change reaches the district: a conflict there too
    _, at_district = send(town_a, district, "3.rsx")
    assert at_district["conflicts"] == 1
    conflicts = district.exchange.conflicts()
    assert len(conflicts) == 1
    fields = {f.name: (f.mine, f.theirs) for f in conflicts[0].fields}
    assert fields["name"] == ("王晓明", "王小明")
    # personal fields are shown masked, as everywhere
    assert fields["address"] == (mask("address", "某区三号"), mask("address", "甲镇二号"))
    assert fields["phone"] == (mask("phone", "13900000001"), mask("phone", "13900000002"))
    assert conflicts[0].theirs_author == "王科员@TA"
    assert district.exchange.open_conflict_ids("party") == {d_pid: conflicts[0].id}
    with pytest.raises(UserError):
        district.exchange.resolve(conflicts[0].id, {"name": "both"})
    district.exchange.resolve(conflicts[0].id, {"phone": "theirs", "address": "theirs", "name": "mine"})
    assert district.exchange.conflicts() == []
    # the resolution travels back and closes the township's conflict
    _, settled = send(district, town_a, "4.rsx")
    assert settled["records_updated"] == 1 and settled["conflicts"] == 0
    assert town_a.exchange.conflicts() == []
    with town_a.store.read() as session:
        from app.parties.models import Party
        p = session.get(Party, pid)
        assert (p.name, p.phone, p.address) == ("王晓明", "13900000002", "甲镇二号")
    with district.store.read() as session:
        p = session.get(Party, d_pid)
        assert (p.name, p.phone, p.address) == ("王晓明", "13900000002", "甲镇二号")
    # nothing more to say to each other
    _, quiet = send(town_a, district, "5.rsx")
    assert quiet["records_updated"] == quiet["records_new"] == quiet["conflicts"] == 0
    assert district.verify().ok and town_a.verify().ok


def test_bundles_out_of_order_and_a_missing_one(sites, tmp_path: Path) -> None:
    district, town_a, _ = sites
    parties = town_a.parties
    parties.create({"kind": "person", "name": "甲一"})
    first = town_a.folder / "1.rsx"
    town_a.exchange.export("D", first)
    parties.create({"kind": "person", "name": "甲二"})
    second = town_a.folder / "2.rsx"
    town_a.exchange.export("D", second)
    # the second holds everything the first did: applied first, it leaves the first nothing to do
    assert district.exchange.import_bundle(second).records_new == 2
    late = district.exchange.import_bundle(first)
    assert late.already_applied and late.records_new == 0
    # the district acknowledges; a district restored from an older backup misses bundle 2
    backup = tmp_path / "old-district.db"
    district.store.dispose()
    with sqlite3.connect(district.folder / "site.db") as source, sqlite3.connect(backup) as target:
        source.backup(target)
    send(district, town_a, "ack.rsx")
    parties.create({"kind": "person", "name": "甲三"})
    third = town_a.folder / "3.rsx"
    town_a.exchange.export("D", third)
    # the restored district lacks bundle 2's acknowledged records — but held bundle 1 and 2 too; simulate the loss
    restored = open_store(f"sqlite:///{backup}")
    try:
        with restored.sessions() as session:
            session.execute(SitePeer.__table__.update().values(last_received=0))
            session.commit()
        at_restored = ExchangeService(restored, ADMIN)
        # held, not refused: kept until the bundles it builds on are in, and the user told which
        held = at_restored.import_bundle(third)
        assert held.held and held.missing_sequence == 1 and held.records_new == 0
        assert at_restored.import_bundle(third).held  # again: still held, nothing more
        assert [(h["from"], h["sequence"], h["missing_sequence"]) for h in at_restored.held()] == [("TA", 3, 1)]
        assert {p["code"]: p["held"] for p in at_restored.status()} == {"TA": [3], "TB": []}
        names = lambda: {p.name for p in PartyService(restored, ADMIN).query().page(0, 10)}  # noqa: E731
        assert names() == {"甲一", "甲二"}
        # bundle 1 arrives: 3 still waits for 2
        one = at_restored.import_bundle(first)
        assert not one.held and one.released == [] and names() == {"甲一", "甲二"}
        # bundle 2 arrives: applied, and the held 3 right after it
        two = at_restored.import_bundle(second)
        assert not two.held and [r.sequence for r in two.released] == [3] and two.released[0].records_new == 1
        assert names() == {"甲一", "甲二", "甲三"} and at_restored.held() == []
        assert at_restored.import_bundle(third).already_applied
        with restored.read() as session:
            assert audit.verify(session).ok
    finally:
        restored.dispose()


def refused(site: Site, path: Path) -> str:
    head = site.head()
    with site.store.read() as session:
        received = session.scalar(select(func.sum(SitePeer.last_received)))
    with pytest.raises(UserError) as caught:
        site.exchange.import_bundle(path)
    assert site.head() == head
    with site.store.read() as session:
        assert session.scalar(select(func.sum(SitePeer.last_received))) == received
    return caught.value.code


def test_each_refusal_changes_nothing(sites, tmp_path: Path) -> None:
    district, town_a, town_b = sites
    town_a.parties.create({"kind": "person", "name": "甲一"})
    good = town_a.folder / "good.rsx"
    town_a.exchange.export("D", good)
    data = good.read_bytes()
    tampered = tmp_path / "tampered.rsx"
    tampered.write_bytes(data[:200] + bytes([data[200] ^ 1]) + data[201:])
    assert refused(district, tampered) == "exchange.damaged"
    truncated = tmp_path / "truncated.rsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert refused(district, truncated) == "exchange.damaged"
    assert refused(town_b, good) == "exchange.not_for_us"
    text = tmp_path / "notes.txt"
    text.write_text("会议纪要", encoding="utf-8")
    assert refused(district, text) == "exchange.not_a_bundle"
    # a bundle from a site the district has not trusted
    key = town_b.folder / "TB.key"
    SiteService(town_a.store, ADMIN).trust(key)
    SiteService(town_b.store, ADMIN).trust(town_a.folder / "TA.key")
    with town_b.store.sessions() as session:
        session.execute(SitePeer.__table__.delete().where(SitePeer.code == "TA"))
        session.commit()
    to_b = town_a.folder / "to-b.rsx"
    town_a.exchange.export("TB", to_b)
    assert refused(town_b, to_b) == "exchange.untrusted"
    # a newer format, and a newer program's records
    newer = tmp_path / "newer.rsx"
    newer.write_bytes(data.replace(b'"format": 1', b'"format": 9'))
    assert refused(district, newer) == "exchange.newer_format"
    with town_a.store.read() as session:
        from app.sites.models import SiteIdentity
        me = session.scalars(select(SiteIdentity)).one()
    with district.store.read() as session:
        from app.sites.models import SiteIdentity
        d = session.scalars(select(SiteIdentity)).one()
    payload = {"from": "TA", "to": "D", "sequence": 5, "since": 0, "ack": 0, "program": "9.0",
               "schema": {"party": ["name", "shoe_size"]}, "rows": {"party": []}}
    future = tmp_path / "future.rsx"
    future.write_bytes(bundle_format.seal(payload, sender="TA", receiver="D", sequence=5,
                                          sign_private=me.sign_private, receiver_box_public=d.box_public))
    assert refused(district, future) == "exchange.newer_program"
    # the good one still goes in
    assert district.exchange.import_bundle(good).records_new == 1


def test_a_complaint_registered_at_a_township_goes_up_with_its_evidence(sites) -> None:
    from app.complaints.evidence import EvidenceService
    from app.complaints.service import ComplaintService
    from tests.fixtures.complaints import intake, service

    district, town_a, _ = sites
    detail, _ = service(town_a.store).register(intake())
    photo = town_a.folder / "现场照片.jpg"
    content = b"\xff\xd8 a photo of the unpaid wage list " * 200
    photo.write_bytes(content)
    EvidenceService(town_a.store, make_actor("inspector"), root=town_a.folder / "evidence").attach(
        detail.id, photo, description="工资表照片", on=date(2023, 6, 5))
    path, result = send(town_a, district)
    assert result["counts"]["complaint"] == 1 and result["counts"]["complaint_evidence"] == 1
    assert result["files"] == 1 and content[:40] not in path.read_bytes()
    with district.store.read() as session:
        from app.complaints.models import Complaint
        d_id = session.scalars(select(Complaint.id)).one()
    evidence = EvidenceService(district.store, make_actor("inspector"), root=district.folder / "evidence")
    [row] = evidence.list(d_id)
    stored, _sha = evidence.open(row.id)
    assert stored.read_bytes() == content
    assert ComplaintService(district.store, make_actor("inspector")).get(d_id).number == detail.number
    assert district.verify().ok


def test_the_same_person_registered_at_both_sites_is_one_record(sites) -> None:
    district, town_a, _ = sites
    number = "110101199003074573"
    district.parties.create({"kind": "person", "name": "张晓伟", "id_type": "resident_id", "id_no": number})
    town_a.parties.create({"kind": "person", "name": "张晓伟", "id_type": "resident_id", "id_no": number,
                           "phone": "13800138000"})
    # matched by the ID number instead of clashing with it: the two versions differ, so both are kept
    _, result = send(town_a, district)
    assert result["records_new"] == 0 and result["conflicts"] == 1
    [conflict] = district.exchange.conflicts()
    assert [f.name for f in conflict.fields] == ["phone"]
    district.exchange.resolve(conflict.id, {"phone": "theirs"})
    _, back = send(district, town_a)
    assert back["records_new"] == 0 and back["conflicts"] == 0
    with district.store.read() as session:
        from app.parties.models import Party
        assert session.scalar(select(func.count()).select_from(Party)) == 1
        assert session.scalars(select(Party.phone)).one() == "13800138000"
    assert district.verify().ok and town_a.verify().ok


def test_the_districts_report_counts_each_townships_cases_per_site(sites, tmp_path: Path) -> None:
    from app.reports.documents import write_yearly_report_pdf
    from app.reports.spreadsheet import export_yearly_report
    from app.reports.yearly import yearly_figures

    district, town_a, town_b = sites
    mediation_year(town_a)
    b_worker = town_b.parties.create({"kind": "person", "name": "李乙"}).id
    b_employer = town_b.parties.create({"kind": "org", "name": "乙镇劳务有限公司"}).id
    mid = town_b.mediation.apply(applicants=[b_worker], respondents=[b_employer], claims=claims(),
                                 received_on=date(2024, 4, 1), matter="加班费", channel="online")
    town_b.mediation.accept(mid, date(2024, 4, 2))
    town_b.mediation.agree(mid, date(2024, 4, 3), terms="当日付清", amount_agreed_fen=100_000)
    send(town_a, district)
    send(town_b, district)
    figures = yearly_figures(district.store, ADMIN, 2024)
    assert (figures.mediation_online_handled, figures.mediation_online_successful) == (3, 2)
    by_site = {s.code: s for s in figures.mediation_by_site}
    assert set(by_site) == {"TA", "TB"} and by_site["TB"].name == "乙镇劳动保障所"
    assert (by_site["TA"].handled, by_site["TA"].online_handled, by_site["TA"].online_successful) == (3, 2, 1)
    assert (by_site["TB"].handled, by_site["TB"].online_successful) == (1, 1)
    # a township's own report counts its own cases, with no breakdown
    own = yearly_figures(town_b.store, ADMIN, 2024)
    assert own.mediation_online_handled == 1 and len(own.mediation_by_site) == 1
    pdf = tmp_path / "report.pdf"
    write_yearly_report_pdf(figures, pdf)
    from pypdf import PdfReader
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "各站点调解结案" in text and "乙镇劳动保障所" in text
    xlsx = tmp_path / "report.xlsx"
    export_yearly_report(figures, xlsx)
    from openpyxl import load_workbook
    rows = [[c for c in r] for r in load_workbook(xlsx, read_only=True)["乡镇街道调解"].iter_rows(values_only=True)]
    assert ["乙镇劳动保障所", 1, 1, 1, 1] in [list(r[:5]) for r in rows]


# ---------------------------------------------------------------- deletes travel (tombstones)


def test_a_replaced_holiday_schedule_reaches_the_township_without_the_old_days(sites) -> None:
    from app.legal.holidays import HolidayService

    district, town_a, _ = sites
    calendar = HolidayService(district.store, make_actor("admin", username="admin"))
    calendar.save_year(2027, [date(2027, 1, 1), date(2027, 1, 2)], [date(2027, 1, 9)])
    send(district, town_a)
    at_town = HolidayService(town_a.store, ADMIN)
    assert at_town.year(2027).holidays == (date(2027, 1, 1), date(2027, 1, 2))
    send(town_a, district)  # the acknowledgement
    # the notice is corrected: 2 January is no holiday after all, 3 January is
    calendar.save_year(2027, [date(2027, 1, 1), date(2027, 1, 3)], [])
    _, result = send(district, town_a)
    assert result["records_deleted"] == 3 and result["conflicts"] == 0
    entry = at_town.year(2027)
    assert entry.holidays == (date(2027, 1, 1), date(2027, 1, 3)) and entry.workdays == ()
    # the township's chain holds each delete, and nothing more travels
    assert town_a.verify().ok and district.verify().ok
    _, quiet = send(district, town_a)
    assert quiet["records_new"] == quiet["records_updated"] == quiet["records_deleted"] == 0


def test_a_delete_against_an_unchanged_copy_travels_and_its_audit_entry_with_it(sites) -> None:
    district, town_a, _ = sites
    pid = town_a.parties.create({"kind": "person", "name": "误录人员"}).id
    send(town_a, district)
    send(district, town_a)  # acknowledges bundle 1
    delete_party(town_a, pid)
    path, result = send(town_a, district)
    assert result["records_deleted"] == 1 and result["counts"] == {"deleted": 1}
    assert party_id_by_name(district, "误录人员") is None
    with district.store.read() as session:
        actions = set(session.scalars(select(SiteAuditEntry.action).where(SiteAuditEntry.table_name == "party")))
        assert actions == {"insert", "delete"}
    again = district.exchange.import_bundle(path).as_dict()
    assert again["already_applied"] and again["records_deleted"] == 0
    assert district.verify().ok and town_a.verify().ok


@pytest.mark.parametrize("keep", [True, False])
def test_deleted_at_one_site_and_edited_at_the_other_is_a_conflict_not_a_loss(sites, keep: bool) -> None:
    district, town_a, _ = sites
    pid = town_a.parties.create({"kind": "person", "name": "赵六", "phone": "13900000009"}).id
    send(town_a, district, "1.rsx")
    send(district, town_a, "ack.rsx")
    d_pid = party_id_by_name(district, "赵六")
    assert d_pid is not None
    # the township deletes it; the district, meanwhile, corrects the phone
    delete_party(town_a, pid)
    district.parties.update(d_pid, district.parties.get(d_pid).version, {"phone": "13900000010"})
    _, at_district = send(town_a, district, "2.rsx")
    assert at_district["records_deleted"] == 0 and at_district["conflicts"] == 1
    assert party_id_by_name(district, "赵六") == d_pid  # kept until a person chooses
    [conflict] = district.exchange.conflicts()
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [("record", "kept", "deleted")]
    assert district.exchange.open_conflict_ids("party") == {d_pid: conflict.id}
    # the district's edit reaches the township, which had deleted it: back it comes, marked
    _, at_town = send(district, town_a, "3.rsx")
    assert at_town["conflicts"] == 1
    t_pid = party_id_by_name(town_a, "赵六")
    assert t_pid is not None and town_a.parties.get(t_pid).phone == mask("phone", "13900000010")
    [town_conflict] = town_a.exchange.conflicts()
    assert [(f.name, f.mine, f.theirs) for f in town_conflict.fields] == [("record", "deleted", "kept")]
    # the district settles it; the outcome travels and closes the township's conflict
    district.exchange.resolve(conflict.id, {"record": "mine" if keep else "theirs"})
    assert district.exchange.conflicts() == []
    _, settled = send(district, town_a, "4.rsx")
    assert town_a.exchange.conflicts() == [] and settled["conflicts"] == 0
    if keep:
        assert party_id_by_name(district, "赵六") == d_pid and party_id_by_name(town_a, "赵六") == t_pid
    else:
        assert party_id_by_name(district, "赵六") is None
        assert party_id_by_name(town_a, "赵六") is None and settled["records_deleted"] == 1
    _, quiet = send(town_a, district, "5.rsx")
    assert quiet["records_new"] == quiet["records_updated"] == quiet["records_deleted"] == quiet["conflicts"] == 0
    assert district.verify().ok and town_a.verify().ok


def test_the_senders_audit_chain_head_travels_and_is_written_down(sites) -> None:
    from app.audit.models import AuditEntry

    district, town_a, _ = sites
    town_a.parties.create({"kind": "person", "name": "甲一"})
    with town_a.store.read() as session:
        seq, head_hash = session.execute(select(AuditHead.last_seq, AuditHead.last_hash)).one()
    send(town_a, district)
    [at_district] = [p for p in district.exchange.status() if p["code"] == "TA"]
    assert at_district["received_audit_head"] == f"{seq}:{head_hash}"
    with district.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_import")).one()
        assert json.loads(entry.changes)["sender_audit_head"] == f"{seq}:{head_hash}"
    # the anchor the district wrote down checks the township's chain later
    with town_a.store.read() as session:
        assert audit.verify(session, anchors=[audit.parse_anchor(at_district["received_audit_head"])]).ok
        export = session.scalars(select(AuditEntry).where(AuditEntry.action == "exchange_export")).one()
        assert json.loads(export.changes)["audit_head"] == f"{seq}:{head_hash}"


def test_two_sites_numbering_with_the_same_issuing_body_are_refused(sites, tmp_path: Path) -> None:
    district, town_a, town_b = sites
    # a third township left at the district's body (某区): its 某区劳人调字〔2024〕第1号 would clash
    town_c = make_site(tmp_path, "TC", "丙镇劳动保障所", "township", "某区")
    try:
        SiteService(town_c.store, ADMIN).export_key(town_c.folder / "TC.key")
        with pytest.raises(UserError) as caught:
            SiteService(district.store, ADMIN).trust(town_c.folder / "TC.key")
        assert caught.value.code == "site.same_issuing_body" and "某区" in caught.value.message()
        # nor may it share a body with another township already trusted
        settings = SettingsService(town_c.store, ADMIN)
        settings.set("organisation", {**settings.get("organisation"), "district": "甲镇"})
        SiteService(town_c.store, ADMIN).export_key(town_c.folder / "TC.key")
        with pytest.raises(UserError) as caught:
            SiteService(district.store, ADMIN).trust(town_c.folder / "TC.key")
        assert caught.value.code == "site.same_issuing_body" and "TA" in caught.value.message()
        assert [p.code for p in SiteService(district.store, ADMIN).peers()] == ["TA", "TB"]
        # a township trusted before that takes another's body afterwards: its bundle is refused, nothing changed
        settings_b = SettingsService(town_b.store, ADMIN)
        settings_b.set("organisation", {**settings_b.get("organisation"), "district": "甲镇"})
        send(town_a, district)
        town_b.parties.create({"kind": "person", "name": "乙一"})
        path = town_b.folder / "b.rsx"
        town_b.exchange.export("D", path)
        assert refused(district, path) == "site.same_issuing_body"
        # a district bureau and its arbitration institute are one district's bodies: both 某区, trusted
        institute = make_site(tmp_path, "ARB", "某区劳动人事争议仲裁院", "arbitration", "某区")
        try:
            trust(institute, district)
            assert "ARB" in [p.code for p in SiteService(district.store, ADMIN).peers()]
        finally:
            institute.store.dispose()
    finally:
        town_c.store.dispose()


def test_records_made_by_a_ledger_import_travel_with_their_bulk_audit_entries(sites, tmp_path: Path) -> None:
    from app.audit.models import AuditEntry
    from app.complaints.models import Complaint
    from app.complaints.spreadsheet import import_ledger_file
    from tests.fixtures.complaints import good, ledger_file, service

    district, town_a, _ = sites
    report, _read = import_ledger_file(service(town_a.store), ledger_file(tmp_path, [good(i) for i in range(3)]))
    assert len(report.imported_ids) == 3
    with town_a.store.read() as session:
        uuids = {str(u) for u in session.scalars(select(Complaint.uuid).where(Complaint.id.in_(report.imported_ids)))}
        bulk_seqs = set(session.scalars(select(AuditEntry.seq).where(AuditEntry.action == "bulk_insert",
                                                                     AuditEntry.table_name == "complaint")))
    assert bulk_seqs
    _, result = send(town_a, district)
    assert result["counts"]["complaint"] == 3
    with district.store.read() as session:
        kept = session.scalars(select(SiteAuditEntry).where(SiteAuditEntry.action == "bulk_insert",
                                                            SiteAuditEntry.table_name == "complaint")).all()
        assert {k.origin_seq for k in kept} == bulk_seqs and {k.origin_code for k in kept} == {"TA"}
        assert {u for k in kept for u in json.loads(k.record_uuids)} == uuids
        assert all(json.loads(k.changes)["count"] == 3 for k in kept)
    assert district.verify().ok and town_a.verify().ok


def test_an_administrator_narrows_what_goes_to_one_peer(sites) -> None:
    district, town_a, town_b = sites
    district.parties.create({"kind": "person", "name": "区里登记"})
    # the district keeps its party register from township B, not from township A
    assert "party" in district.exchange.narrowable("TB") and "mediation_case" not in district.exchange.narrowable("TB")
    assert district.exchange.narrow("TB", ["party"]) == ["party"]
    _, to_b = send(district, town_b)
    assert "party" not in to_b["counts"]
    _, to_a = send(district, town_a)
    assert to_a["counts"].get("party") == 1
    assert {p["code"]: p["excluded_tables"] for p in district.exchange.status()} == {"TA": [], "TB": ["party"]}
    # township A sends no parties of its own accord — but a case's parties still go with the case
    town_a.exchange.narrow("D", ["party"])
    town_a.parties.create({"kind": "person", "name": "只在甲镇"})
    mediation_year(town_a)
    _, up = send(town_a, district)
    assert up["counts"]["mediation_case"] == 3 and up["counts"]["party"] == 2
    assert party_id_by_name(district, "只在甲镇") is None and party_id_by_name(district, "张晓伟") is not None
    # narrowing undone: everything by default again
    assert town_a.exchange.narrow("D", []) == []
    _, again = send(town_a, district)
    assert again["counts"] == {"party": 1} and party_id_by_name(district, "只在甲镇") is not None
    with pytest.raises(UserError) as caught:
        district.exchange.narrow("TB", ["app_user"])
    assert caught.value.code == "exchange.table_unknown"
    assert district.verify().ok and town_a.verify().ok


def test_a_district_on_either_backend_takes_a_townships_year_its_deletes_and_settles(db_url: str, tmp_path: Path) -> None:
    """The district's database on SQLite and on PostgreSQL (the bulk insert path, tombstones, held bundles)."""
    district = make_site(tmp_path, "D", "某区人社局", "district", "某区", url=db_url)
    town = make_site(tmp_path, "TA", "甲镇劳动保障所", "township", "甲镇")
    try:
        trust(district, town)
        trust(town, district)
        mediation_year(town)
        loose = town.parties.create({"kind": "person", "name": "误录人员"}).id
        first = town.folder / "1.rsx"
        town.exchange.export("D", first)
        delete_party(town, loose)
        second = town.folder / "2.rsx"
        town.exchange.export("D", second)
        # the second (it holds everything the first did, and builds on nothing) goes in first
        assert district.exchange.import_bundle(second).records_new > 0
        assert district.mediation.year_counts(2024) == town.mediation.year_counts(2024)
        assert district.parties.query(text="张晓伟").count() == 1  # found by the search index
        send(district, town)
        third = town.folder / "3.rsx"
        town.exchange.export("D", third)
        assert district.exchange.import_bundle(third).records_new == 0
        assert district.verify().ok
    finally:
        district.store.dispose()
        town.store.dispose()


def test_a_conflict_on_a_part_of_a_case_marks_the_case(sites) -> None:
    from app.mediation.models import MediationClaim
    from app.sites.exchange import open_conflict_ids
    from app.sites.models import SiteConflict

    district, town_a, _ = sites
    mid = mediation_year(town_a)["online_agreed"]
    with town_a.store.read() as session:
        claim = session.scalars(select(MediationClaim).where(MediationClaim.case_id == mid)).first()
        claim_id, claim_uuid = claim.id, str(claim.uuid)
    with town_a.store.sessions() as session:
        session.add(SiteConflict(table_name="mediation_claim", record_uuid=claim_uuid, record_id=claim_id,
                                 peer_code="D", mine="{}", theirs="{}", theirs_digest="x"))
        session.commit()
    conflict_id = town_a.exchange.conflicts()[0].id
    # the case list marks the case; the party list marks none of its parties
    assert open_conflict_ids(town_a.store, "mediation_case") == {mid: conflict_id}
    assert open_conflict_ids(town_a.store, "party") == {}


def test_a_ledger_import_s_bulk_audit_entries_travel_on_to_a_third_site(sites, tmp_path: Path) -> None:
    """Parties a township's ledger import made arrive at the district under that import's one
    `bulk_insert` entry; when the district's register goes down to another township they go
    with it, naming the parties that travelled (not back to the township they came from)."""
    from app.audit.models import AuditEntry
    from app.complaints.spreadsheet import import_ledger_file
    from app.parties.models import Party
    from tests.fixtures.complaints import good, ledger_file, service

    district, town_a, town_b = sites
    report, _read = import_ledger_file(service(town_a.store), ledger_file(tmp_path, [good(i) for i in range(3)]))
    assert len(report.imported_ids) == 3
    with town_a.store.read() as session:
        party_bulk = {(e.seq, e.entry_hash) for e in session.scalars(select(AuditEntry).where(
            AuditEntry.action == "bulk_insert", AuditEntry.table_name == "party"))}
        made = {str(u) for u in session.scalars(select(Party.uuid))}
    assert party_bulk, "the ledger import registers its workers and employer in bulk"
    send(town_a, district)
    send(district, town_b)
    with town_b.store.read() as session:
        kept = session.scalars(select(SiteAuditEntry).where(SiteAuditEntry.action == "bulk_insert",
                                                            SiteAuditEntry.table_name == "party",
                                                            SiteAuditEntry.origin_code == "TA")).all()
        assert {(k.origin_seq, k.entry_hash) for k in kept} == party_bulk  # as written at TA: its hash still checks
        arrived = {str(u) for u in session.scalars(select(Party.uuid))}
        covered = {u for k in kept for u in json.loads(k.record_uuids)}
        assert covered and covered <= arrived & made
    # and nothing of it goes back to TA
    path = district.folder / "back.rsx"
    district.exchange.export("TA", path)
    town_a.exchange.import_bundle(path)
    with town_a.store.read() as session:
        assert not session.scalars(select(SiteAuditEntry).where(SiteAuditEntry.origin_code == "TA")).all()
    assert district.verify().ok and town_b.verify().ok
