"""系统管理 → 站点与交换, driven as an administrator would: set up the site, swap
keys, export a bundle to a folder, import it at the other site, settle a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.parties.service import PartyService
from app.privacy import mask
from app.sites.exchange import ExchangeService
from app.sites.identity import SiteService
from app.store import open_store
from tests.conftest import make_actor
from tests.ui.helpers import install_chinese, remove_translators, type_text
from ui.admin.sites import ConflictDialog, SitesTab
from ui.context import AppContext
from ui.tasks import TaskRunner

ADMIN = make_actor("admin", username="admin")


@pytest.fixture(autouse=True)
def _chinese_font(qapp):
    from ui.application import install_font

    install_font(qapp)


def shot(widget, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    widget.grab().save(str(path))
    return path


def test_set_up_swap_keys_exchange_and_settle_a_conflict(qtbot, qapp, tmp_path: Path, monkeypatch) -> None:
    translators = install_chinese(qapp)
    district = open_store(f"sqlite:///{tmp_path / 'district.db'}")
    town = open_store(f"sqlite:///{tmp_path / 'town.db'}")
    try:
        SiteService(district, ADMIN).init(code="D", name="某区人社局", kind="district")
        pid = PartyService(town, ADMIN).create({"kind": "person", "name": "王小明", "address": "甲镇一号"}).id
        from app.kernel.settings import SettingsService
        town_settings = SettingsService(town, ADMIN)
        town_settings.set("organisation", {**town_settings.get("organisation"), "district": "甲镇"})
        runner = TaskRunner(error_windows=False)
        context = AppContext(store=town, actor=ADMIN, language="zh_CN", error_windows=False, tasks=runner)
        tab = SitesTab(context)
        qtbot.addWidget(tab)
        tab.resize(1000, 560)
        tab.show()
        # not a site yet: the form asks for code, name and kind
        assert tab.setup_form.isVisible() and not tab.export_button.isEnabled()
        qtbot.keyClicks(tab.code, "TA")
        type_text(tab.name, "甲镇劳动保障所")
        tab.kind.setCurrentIndex(tab.kind.findData("township"))
        # the issuing body its case numbers carry, as set now; the administrator types the township's own
        assert tab.issuing_body.text() == "甲镇"
        tab.issuing_body.clear()
        type_text(tab.issuing_body, "甲镇所")
        shot(tab, tmp_path, "sites-setup.png")
        qtbot.mouseClick(tab.init_button, Qt.MouseButton.LeftButton)
        assert not tab.setup_form.isVisible() and "TA" in tab.identity.text() and "乡镇" in tab.identity.text()
        assert town_settings.get("organisation")["district"] == "甲镇所"
        fingerprint = SiteService(town, ADMIN).show().fingerprint
        assert fingerprint in tab.fingerprint.text()

        # swap keys: the township exports its own, trusts the district's
        monkeypatch.setattr("ui.widgets.files.choose_save_path", lambda *a: tmp_path / "TA.key")
        qtbot.mouseClick(tab.export_key_button, Qt.MouseButton.LeftButton)
        assert (tmp_path / "TA.key").exists() and fingerprint in tab.status.text()
        SiteService(district, ADMIN).export_key(tmp_path / "D.key")
        SiteService(district, ADMIN).trust(tmp_path / "TA.key")
        monkeypatch.setattr("ui.widgets.files.choose_open_path", lambda *a: tmp_path / "D.key")
        qtbot.mouseClick(tab.trust_button, Qt.MouseButton.LeftButton)
        assert tab.peers.rowCount() == 1 and tab.peers.item(0, 0).text() == "D"
        assert "电话" in tab.status.text()

        # 导出交换包 to the "USB stick" folder, with the progress machinery
        stick = tmp_path / "stick"
        stick.mkdir()
        monkeypatch.setattr("ui.admin.sites.choose_folder", lambda *a: stick)
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
        assert runner.wait_all()
        [bundle] = list(stick.glob("*.rsx"))
        assert "第1号交换包" in tab.status.text() and "1条记录" in tab.status.text()
        assert tab.peers.item(0, 4).text() == "1"  # last sent
        shot(tab, tmp_path, "sites-tab.png")
        result = ExchangeService(district, ADMIN).import_bundle(bundle)
        assert result.records_new == 1

        # both edit the party; the district's bundle comes back: a conflict at the township
        from app.parties.models import Party
        with district.read() as session:
            d_party = session.query(Party).one()
        PartyService(district, ADMIN).update(d_party.id, d_party.version, {"address": "某区三号", "name": "王晓明"})
        PartyService(town, ADMIN).update(pid, PartyService(town, ADMIN).get(pid).version, {"address": "甲镇二号"})
        back = tmp_path / "back.rsx"
        ExchangeService(district, ADMIN).export("TA", back)
        monkeypatch.setattr("ui.widgets.files.choose_open_path", lambda *a: back)
        qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
        assert runner.wait_all()
        assert "冲突1条" in tab.status.text()
        assert tab.peers.item(0, 7).text() == "1"

        # the 当事人 list marks the record in conflict, so a clerk notices before editing it
        from PySide6.QtGui import QColor

        from ui.lists.paged_model import MARK_BACKGROUND, MARK_SIGN
        from ui.parties.window import PartiesWindow
        parties = PartiesWindow(context)
        qtbot.addWidget(parties)
        parties.resize(1100, 400)
        parties.show()
        model = parties.model
        [row] = [r for r in range(model.rowCount()) if model.row_at(r).id == pid]
        first = model.index(row, 0)
        assert model.data(first).startswith(MARK_SIGN)
        assert model.data(first, Qt.ItemDataRole.BackgroundRole) == QColor(MARK_BACKGROUND)
        assert "冲突处理" in model.data(first, Qt.ItemDataRole.ToolTipRole)
        qtbot.waitExposed(parties)
        shot(parties, tmp_path, "parties-conflict-mark.png")

        # 冲突处理: side by side, chosen per field
        dialog = tab.open_conflicts()
        qtbot.addWidget(dialog)
        assert isinstance(dialog, ConflictDialog) and dialog.list.count() == 1
        fields = {dialog.fields.item(r, 0).text(): (dialog.fields.item(r, 1).text(), dialog.fields.item(r, 2).text())
                  for r in range(dialog.fields.rowCount())}
        assert fields["name"] == ("王小明", "王晓明")
        assert fields["address"] == (mask("address", "甲镇二号"), mask("address", "某区三号"))  # masked
        assert "D" in dialog.fields.horizontalHeaderItem(2).text()
        shot(dialog, tmp_path, "sites-conflict.png")
        dialog.choose("name", "theirs")
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0 and "D" in dialog.status.text()
        with town.read() as session:
            p = session.get(Party, pid)
            assert (p.name, p.address) == ("王晓明", "甲镇二号")
        dialog.close()
        tab.refresh()
        assert tab.peers.item(0, 7).text() == "0"
        # settled: the mark goes with the next look at the list
        parties.refresh()
        first = model.index(row, 0)
        assert not model.data(first).startswith(MARK_SIGN) and model.data(first).strip()
        assert model.data(first, Qt.ItemDataRole.BackgroundRole) is None
    finally:
        remove_translators(qapp, translators)
        district.dispose()
        town.dispose()


def test_an_administrator_narrows_what_goes_to_a_township(qtbot, qapp, tmp_path: Path) -> None:
    from app.kernel.settings import SettingsService
    from ui.admin.sites import NarrowDialog

    translators = install_chinese(qapp)
    district = open_store(f"sqlite:///{tmp_path / 'district.db'}")
    town = open_store(f"sqlite:///{tmp_path / 'town.db'}")
    try:
        SiteService(district, ADMIN).init(code="D", name="某区人社局", kind="district")
        SiteService(town, ADMIN).init(code="TA", name="甲镇劳动保障所", kind="township")
        settings = SettingsService(town, ADMIN)
        settings.set("organisation", {**settings.get("organisation"), "district": "甲镇"})
        SiteService(town, ADMIN).export_key(tmp_path / "TA.key")
        SiteService(district, ADMIN).trust(tmp_path / "TA.key")
        context = AppContext(store=district, actor=ADMIN, language="zh_CN", error_windows=False,
                             tasks=TaskRunner(error_windows=False))
        tab = SitesTab(context)
        qtbot.addWidget(tab)
        tab.resize(1000, 560)
        tab.show()
        dialog = tab.open_narrowing()
        assert isinstance(dialog, NarrowDialog)
        qtbot.addWidget(dialog)
        # what goes down to a township by default: the registers, each ticked
        assert dialog.boxes["party"].isChecked() and dialog.boxes["holiday_day"].text() == "节假日"
        assert "mediation_case" not in dialog.boxes
        qtbot.waitExposed(dialog)
        shot(dialog, tmp_path, "sites-narrow.png")
        qtbot.mouseClick(dialog.boxes["officer"], Qt.MouseButton.LeftButton)
        assert not dialog.boxes["officer"].isChecked()
        dialog.save()
        assert not dialog.isVisible()
        tab.refresh()
        assert tab.peers.item(0, 9).text() == "执法人员"
        assert ExchangeService(district, ADMIN).status()[0]["excluded_tables"] == ["officer"]
    finally:
        remove_translators(qapp, translators)
        district.dispose()
        town.dispose()


def test_a_delete_against_an_edit_is_settled_in_the_conflict_dialog(qtbot, qapp, tmp_path: Path) -> None:
    from tests.fixtures.sites import (
        delete_party,
        make_site,
        party_id_by_name,
        send,
        trust,
    )

    translators = install_chinese(qapp)
    district = make_site(tmp_path, "D", "某区人社局", "district", "某区")
    town = make_site(tmp_path, "TA", "甲镇劳动保障所", "township", "甲镇")
    try:
        trust(district, town)
        trust(town, district)
        pid = town.parties.create({"kind": "person", "name": "赵六", "phone": "13900000009"}).id
        send(town, district, "1.rsx")
        send(district, town, "ack.rsx")
        d_pid = party_id_by_name(district, "赵六")
        delete_party(town, pid)
        district.parties.update(d_pid, district.parties.get(d_pid).version, {"phone": "13900000010"})
        send(town, district, "2.rsx")
        context = AppContext(store=district.store, actor=ADMIN, language="zh_CN", error_windows=False,
                             tasks=TaskRunner(error_windows=False))
        dialog = ConflictDialog(context, district.exchange)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        row = [dialog.fields.item(0, c).text() for c in range(3)]
        assert row == ["整条记录", "保留（已修改）", "已删除"]
        # the header says who deleted and who changed, not "changed at both sites"
        header = dialog.header.text()
        assert "在TA被删除" in header and "本站点却修改过" in header and "都被修改过" not in header
        assert header.splitlines()[1].startswith("本站点：") and header.splitlines()[1].endswith("删除。")
        # seen from the other side (deleted here, changed there) the words turn round
        from dataclasses import replace

        from app.sites.exchange import DELETED, KEPT, RECORD_FIELD, FieldChoice

        mirrored = replace(dialog.conflicts[0], fields=(FieldChoice(RECORD_FIELD, DELETED, KEPT),))
        turned = dialog.header_text(mirrored, "2026-12-01 09:00", "2026-12-02 10:00")
        assert "已在本站点删除" in turned and "TA却修改过" in turned and "（含TA的修改）" in turned
        assert turned.splitlines()[1] == f"本站点：{mirrored.mine_author} 于 2026-12-01 09:00 删除。TA：{mirrored.theirs_author} 于 2026-12-02 10:00 修改。"
        shot(dialog, tmp_path, "sites-conflict-delete.png")
        dialog.choose("record", "mine")  # keep it
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0 and party_id_by_name(district, "赵六") == d_pid
    finally:
        remove_translators(qapp, translators)
        district.store.dispose()
        town.store.dispose()


# What the screen called each table in a sentence when it kept its own list; each area now
# declares these words (app/<area>/area.py, `exchange_labels`) and the screen must still say them.
WORDS_BEFORE = {
    "party": ("parties", "当事人"), "mediation_case": ("mediation cases", "调解案件"),
    "mediation_party": ("mediation parties", "调解当事人"), "mediation_claim": ("mediation claims", "调解请求"),
    "mediation_event": ("mediation steps", "调解记录"), "complaint": ("complaints", "投诉案件"),
    "complaint_evidence": ("evidence files", "证据材料"), "arbitration_case": ("arbitration cases", "仲裁案件"),
    "arbitration_party": ("arbitration parties", "仲裁当事人"), "arbitration_claim": ("arbitration claims", "仲裁请求"),
    "arbitration_event": ("arbitration steps", "仲裁记录"), "officer": ("staff", "执法人员"),
    "officer_certificate": ("certificates", "执法证"), "holiday_day": ("holiday days", "节假日"),
    "setting": ("settings", "设置"),
    "complaint_employer": ("complaint employers", "投诉用人单位"), "complaint_worker": ("complaint workers", "投诉劳动者"),
    "complaint_officer": ("complaint officers", "承办人员"), "complaint_event": ("complaint steps", "投诉办理记录"),
    "payment_instalment": ("payment plans", "分期支付计划"), "wage_payment": ("wage payments", "工资支付"),
    "complaint_legal_review": ("legal reviews", "法制审核"), "certificate_review": ("certificate reviews", "执法证年审"),
    "arbitration_service": ("arbitration services", "仲裁送达"), "arbitration_hearing": ("hearings", "仲裁开庭"),
    "deleted": ("deleted", "删除"),
}


def test_the_screen_names_every_travelling_table_as_before() -> None:
    from app.sites.travel import TRAVELLING
    from ui.admin.sites import table_label

    assert set(TRAVELLING) | {"deleted"} == set(WORDS_BEFORE)  # every table a bundle carries has its words
    assert {t: (table_label(t, "en"), table_label(t, "zh_CN")) for t in WORDS_BEFORE} == WORDS_BEFORE
    assert table_label("no_such_table", "zh_CN") == "no_such_table"
