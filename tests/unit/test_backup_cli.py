"""`backup create`, `backup list`, `backup restore`, and `db upgrade` naming its backup."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.parties.service import PartyService
from tests.conftest import make_actor

# SQLite backups: the backup API, the file and its catalogue (PostgreSQL: test_backup_postgres.py)
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "databases"


def names(url: str) -> list[str]:
    path = Path(url.removeprefix("sqlite:///"))
    with sqlite3.connect(path.as_uri() + "?mode=ro", uri=True) as connection:
        return [n for (n,) in connection.execute("SELECT name FROM party ORDER BY id")]


@pytest.fixture
def live(store):
    PartyService(store, make_actor("intake")).create({"kind": "person", "name": "张伟"})
    return store


def add(store, name: str) -> None:
    PartyService(store, make_actor("intake")).create({"kind": "person", "name": name})


def test_create_list_restore(live, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b.db"
    assert run(["backup", "create", "--db", live.url, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "备份已写出并校验通过" in printed and str(out) in printed and "当事人 1" in printed

    assert run(["backup", "list", "--db", live.url, "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["backups"]
    assert entry["file"] == str(out.resolve()) and entry["check"] == "ok" and entry["kind"] == "manual"
    assert entry["counts"]["party"] == 1 and entry["anchor"].startswith(f"{entry['audit_seq']}:")
    assert run(["backup", "list", "--db", live.url]) == 0
    assert "手动" in capsys.readouterr().out

    add(live, "李娜")
    assert run(["backup", "restore", str(out), "--db", live.url, "--yes"]) == 0
    assert "已从" in capsys.readouterr().out
    assert names(live.url) == ["张伟"]
    kept = list(Path(live.url.removeprefix("sqlite:///")).parent.glob("test.db.before-restore-*"))
    assert len(kept) == 1
    # the restored database passes `audit verify`, and the anchor recorded in the backup is its head
    assert run(["audit", "verify", "--db", live.url, "--anchor", entry["anchor"]]) == 0


def test_create_in_english_and_as_json(live, tmp_path: Path, capsys) -> None:
    assert run(["backup", "create", "--db", live.url, "--out", str(tmp_path), "--lang", "en", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["check"] == "ok" and Path(document["file"]).parent == tmp_path.resolve()


def refused(argv: list[str], capsys) -> str:
    assert run(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


def test_restore_without_yes_is_refused(live, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b.db"
    assert run(["backup", "create", "--db", live.url, "--out", str(out)]) == 0
    add(live, "李娜")
    assert "--yes" in refused(["backup", "restore", str(out), "--db", live.url], capsys)
    assert names(live.url) == ["张伟", "李娜"]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("text", "不是数据库文件"),
        ("foreign", "不是人社办案台的数据库"),
        ("newer", "更新版本"),
        ("missing", "文件不存在"),
        ("altered", "操作日志校验未通过"),
    ],
)
def test_restore_refusals(live, tmp_path: Path, capsys, kind: str, words: str) -> None:
    good = tmp_path / "good.db"
    assert run(["backup", "create", "--db", live.url, "--out", str(good)]) == 0
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("名单\n" * 300, encoding="utf-8")
    elif kind == "foreign":
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE notes (body TEXT)")
    elif kind == "newer":
        shutil.copy(good, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
    elif kind == "altered":
        shutil.copy(good, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute("UPDATE party SET name = '王五'")
    add(live, "李娜")
    capsys.readouterr()
    assert words in refused(["backup", "restore", str(bad), "--db", live.url, "--yes"], capsys)
    assert names(live.url) == ["张伟", "李娜"]
    assert not list(tmp_path.glob("test.db.before-restore-*"))


def test_create_refusals(live, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b.db"
    out.write_text("keep me")
    assert "已存在" in refused(["backup", "create", "--db", live.url, "--out", str(out)], capsys)
    assert out.read_text() == "keep me"
    missing = f"sqlite:///{tmp_path / 'nowhere.db'}"
    assert "数据库不存在" in refused(["backup", "create", "--db", missing, "--out", str(tmp_path / "c.db")], capsys)
    assert not (tmp_path / "nowhere.db").exists()
    err = refused(["backup", "create", "--db", live.url, "--out", str(tmp_path / "no" / "c.db"), "--lang", "en"], capsys)
    assert err.startswith("error: The folder")


def test_create_of_a_database_whose_audit_is_broken_exits_non_zero(live, tmp_path: Path, capsys) -> None:
    live.dispose()
    with sqlite3.connect(live.url.removeprefix("sqlite:///")) as connection:
        connection.execute("UPDATE party SET name = '王五'")
    err = refused(["backup", "create", "--db", live.url, "--out", str(tmp_path / "b.db")], capsys)
    assert "未通过校验" in err


def test_postgres_without_its_tools(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    url = "postgresql+psycopg://clerk:secret@127.0.0.1:1/renshe"
    err = refused(["backup", "create", "--db", url, "--out", str(tmp_path / "x.dump"), "--lang", "en"], capsys)
    assert "pg_dump was not found" in err and "secret" not in err
    err = refused(["backup", "restore", str(tmp_path / "x.dump"), "--db", url, "--yes"], capsys)
    assert "pg_restore" in err


def test_db_upgrade_prints_the_backup_it_made(tmp_path: Path, capsys) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "renshe-0001.db", path)
    assert run(["db", "upgrade", "--db", f"sqlite:///{path}"]) == 0
    printed = capsys.readouterr().out
    (made,) = tmp_path.glob("old.db.before-*.bak")
    assert f"升级前的备份：{made}" in printed


def test_refusal_in_a_subprocess_has_no_traceback(live, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(8192))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "main.py", "backup", "restore", str(garbage), "--db", live.url, "--yes"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"错误: {garbage} 不是数据库文件。"


def test_a_damaged_live_database_is_refused_for_backup_and_can_be_restored_over(live, tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.db"
    assert run(["backup", "create", "--db", live.url, "--out", str(good)]) == 0
    live.dispose()
    path = Path(live.url.removeprefix("sqlite:///"))
    with open(path, "r+b") as raw:  # the test's own closed file
        for offset in range(4096, path.stat().st_size, 4096):
            raw.seek(offset + 64)
            raw.write(os.urandom(1000))
    assert "已损坏" in refused(["backup", "create", "--db", live.url, "--out", str(tmp_path / "x.db")], capsys)
    assert not (tmp_path / "x.db").exists()
    assert run(["backup", "restore", str(good), "--db", live.url, "--yes"]) == 0
    assert names(live.url) == ["张伟"]
    assert [p.name for p in path.parent.glob("test.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
