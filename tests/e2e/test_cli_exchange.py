"""`site …` and `exchange …` from the command line: two sites, a bundle each way, a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run


def own_issuing_body(db: str, body: str) -> None:
    """A township's case numbers carry its own body (甲镇), not the district's (某区)."""
    from app.accounts.actor import setup_actor
    from app.kernel.settings import SettingsService
    from app.store import open_store

    store = open_store(db)
    settings = SettingsService(store, setup_actor())
    settings.set("organisation", {**settings.get("organisation"), "district": body})
    store.dispose()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_sites_exchange_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    district = f"sqlite:///{tmp_path / 'district.db'}"
    town = f"sqlite:///{tmp_path / 'town.db'}"
    # a township that already holds records when it becomes a site owns them
    from app.accounts.actor import setup_actor
    from app.parties.service import PartyService
    from app.store import open_store

    store = open_store(town)
    PartyService(store, setup_actor()).create({"kind": "person", "name": "早已登记"})
    store.dispose()

    code, out, _ = cli(capsys, "site", "init", "--code", "D", "--name", "某区人社局", "--kind", "district",
                       "--db", district, "--json")
    assert code == 0 and json.loads(out)["code"] == "D"
    assert cli(capsys, "site", "init", "--code", "TA", "--name", "甲镇", "--kind", "township", "--db", town)[0] == 0
    for db in (district, town):
        code, out, _ = cli(capsys, "site", "export-key", "--out", str(tmp_path / "same-body.key"), "--db", db)
    # a township numbering its cases 某区…第1号, as the district does, is refused: the numbers would clash
    code, _out, err = cli(capsys, "site", "trust", str(tmp_path / "same-body.key"), "--db", district)
    assert code != 0 and "某区" in err and err.strip().count("\n") == 0
    own_issuing_body(town, "甲镇")
    for db, key in ((district, "d.key"), (town, "ta.key")):
        assert cli(capsys, "site", "export-key", "--out", str(tmp_path / key), "--db", db)[0] == 0
    code, out, _ = cli(capsys, "site", "trust", str(tmp_path / "ta.key"), "--db", district, "--json")
    fingerprint = json.loads(out)["fingerprint"]
    assert code == 0 and len(fingerprint) == 39
    assert cli(capsys, "site", "trust", str(tmp_path / "d.key"), "--db", town)[0] == 0
    code, out, _ = cli(capsys, "site", "show", "--db", town, "--json")
    assert json.loads(out)["fingerprint"] == fingerprint and json.loads(out)["peers"][0]["code"] == "D"

    bundle = tmp_path / "stick" / "up.rsx"
    code, out, _ = cli(capsys, "exchange", "export", "--to", "D", "--out", str(bundle), "--db", town, "--json")
    assert code == 0 and json.loads(out)["counts"] == {"party": 1}
    code, out, _ = cli(capsys, "exchange", "import", str(bundle), "--db", district, "--json")
    result = json.loads(out)
    assert code == 0
    assert {k: result[k] for k in ("from", "sequence", "records_new", "records_updated", "conflicts",
                                   "already_applied")} == {
        "from": "TA", "sequence": 1, "records_new": 1, "records_updated": 0, "conflicts": 0,
        "already_applied": False}
    code, out, _ = cli(capsys, "exchange", "import", str(bundle), "--db", district, "--json")
    assert json.loads(out)["already_applied"] is True and json.loads(out)["records_new"] == 0
    code, out, _ = cli(capsys, "exchange", "status", "--db", district, "--json")
    assert {k: json.loads(out)[0][k] for k in ("code", "last_sent", "last_acknowledged", "last_received")} == {
        "code": "TA", "last_sent": 0, "last_acknowledged": 0, "last_received": 1}
    code, out, _ = cli(capsys, "exchange", "conflicts", "--db", district, "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli(capsys, "audit", "verify", "--db", district)
    assert code == 0

    # refused: one line, non-zero, nothing changed
    code, out, err = cli(capsys, "exchange", "import", str(bundle), "--db", town)
    assert code != 0 and err.strip().count("\n") == 0 and "D" in err and "Traceback" not in err
    code, out, err = cli(capsys, "--lang", "en", "exchange", "import", str(tmp_path / "d.key"), "--db", district)
    assert code != 0 and err.strip() == "error: The file is not an exchange bundle."


def test_once_accounts_exist_the_exchange_needs_a_signed_in_administrator(tmp_path: Path, capsys, monkeypatch) -> None:
    from app.accounts.actor import setup_actor
    from app.accounts.service import AccountService
    from app.store import open_store

    db = f"sqlite:///{tmp_path / 'site.db'}"
    assert cli(capsys, "site", "init", "--code", "D", "--name", "某区", "--kind", "district", "--db", db)[0] == 0
    store = open_store(db)
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    store.dispose()
    code, _out, err = cli(capsys, "exchange", "status", "--db", db, "--json")
    assert code != 0 and "--user" in err
    monkeypatch.setenv("RENSHE_PASSWORD", "secret123")
    code, out, _err = cli(capsys, "exchange", "status", "--db", db, "--json", "--user", "admin")
    assert code == 0 and json.loads(out) == []


def test_a_conflict_settled_from_the_command_line(tmp_path: Path, capsys) -> None:
    from app.accounts.actor import setup_actor
    from app.parties.service import PartyService
    from app.store import open_store

    dbs = {code: f"sqlite:///{tmp_path / (code + '.db')}" for code in ("D", "TA")}
    for code, kind in (("D", "district"), ("TA", "township")):
        assert cli(capsys, "site", "init", "--code", code, "--name", code, "--kind", kind, "--db", dbs[code])[0] == 0
        own_issuing_body(dbs[code], "某区" if code == "D" else "甲镇")
        assert cli(capsys, "site", "export-key", "--out", str(tmp_path / f"{code}.key"), "--db", dbs[code])[0] == 0
    cli(capsys, "site", "trust", str(tmp_path / "TA.key"), "--db", dbs["D"])
    cli(capsys, "site", "trust", str(tmp_path / "D.key"), "--db", dbs["TA"])
    store = open_store(dbs["TA"])
    pid = PartyService(store, setup_actor()).create({"kind": "person", "name": "王小明"}).id
    store.dispose()
    cli(capsys, "exchange", "export", "--to", "D", "--out", str(tmp_path / "1.rsx"), "--db", dbs["TA"])
    cli(capsys, "exchange", "import", str(tmp_path / "1.rsx"), "--db", dbs["D"])
    for code, name in (("TA", "王小明（甲）"), ("D", "王晓明")):
        store = open_store(dbs[code])
        parties = PartyService(store, setup_actor())
        row = parties.query().page(0, 1)[0]
        parties.update(row.id, row.version, {"name": name})
        store.dispose()
    cli(capsys, "exchange", "export", "--to", "D", "--out", str(tmp_path / "2.rsx"), "--db", dbs["TA"])
    code, out, _ = cli(capsys, "exchange", "import", str(tmp_path / "2.rsx"), "--db", dbs["D"], "--json")
    assert json.loads(out)["conflicts"] == 1
    code, out, _ = cli(capsys, "exchange", "conflicts", "--db", dbs["D"], "--json")
    [conflict] = json.loads(out)
    assert conflict["fields"] == [{"name": "name", "mine": "王晓明", "theirs": "王小明（甲）"}]
    code, _out, err = cli(capsys, "exchange", "resolve", str(conflict["id"]), "--field", "name=both", "--db", dbs["D"])
    assert code != 0 and err.count("\n") == 1
    code, out, _ = cli(capsys, "exchange", "resolve", str(conflict["id"]), "--field", "name=theirs",
                       "--db", dbs["D"], "--json")
    assert code == 0 and json.loads(out)["status"] == "resolved"
    cli(capsys, "exchange", "export", "--to", "TA", "--out", str(tmp_path / "3.rsx"), "--db", dbs["D"])
    code, out, _ = cli(capsys, "exchange", "import", str(tmp_path / "3.rsx"), "--db", dbs["TA"], "--json")
    assert code == 0 and json.loads(out)["conflicts"] == 0
    store = open_store(dbs["D"])
    assert PartyService(store, setup_actor()).get(1).name == "王小明（甲）"
    store.dispose()
    assert pid == 1


def test_site_init_sets_the_township_s_own_issuing_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`site init --issuing-body 甲镇`: the township numbers its cases 甲镇…, so the district takes its
    key at once (without it the township keeps the district's 某区 and is refused, as above)."""
    from sqlalchemy import select

    from app.accounts.actor import setup_actor
    from app.audit.models import AuditEntry
    from app.kernel.settings import SettingsService
    from app.store import open_store

    district = f"sqlite:///{tmp_path / 'district.db'}"
    town = f"sqlite:///{tmp_path / 'town.db'}"
    assert cli(capsys, "site", "init", "--code", "D", "--name", "某区人社局", "--kind", "district", "--db", district)[0] == 0
    code, _out, err = cli(capsys, "site", "init", "--code", "TA", "--name", "甲镇劳动保障所", "--kind", "township",
                          "--issuing-body", " " * 3, "--db", town)
    assert code != 0 and "机关简称" in err and err.strip().count("\n") == 0
    code, _out, _err = cli(capsys, "site", "init", "--code", "TA", "--name", "甲镇劳动保障所", "--kind", "township",
                           "--issuing-body", "甲镇", "--db", town)
    assert code == 0
    store = open_store(town)
    try:
        organisation = SettingsService(store, setup_actor()).get("organisation")
        assert organisation["district"] == "甲镇" and organisation["bureau"] == "某区人力资源和社会保障局"
        with store.read() as session:  # set with the site, in its audited unit of work
            tables = set(session.scalars(select(AuditEntry.table_name).where(AuditEntry.actor != "")))
            assert {"site_identity", "setting"} <= tables
    finally:
        store.dispose()
    for db, key in ((district, "d.key"), (town, "ta.key")):
        assert cli(capsys, "site", "export-key", "--out", str(tmp_path / key), "--db", db)[0] == 0
    assert cli(capsys, "site", "trust", str(tmp_path / "ta.key"), "--db", district)[0] == 0
