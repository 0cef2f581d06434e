"""Evidence files: stored by SHA-256 in the data folder, checked on open, never lost."""

from __future__ import annotations

import hashlib
import os
from datetime import date

import pytest

from app.complaints.evidence import EvidenceService
from app.errors import UserError
from tests.conftest import make_actor
from tests.fixtures.complaints import intake, service


def test_attach_store_once_check_on_open(store, tmp_path) -> None:
    detail, _ = service(store).register(intake())
    evidence = EvidenceService(store, make_actor("inspector"), root=tmp_path / "evidence")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo of the site" * 1000)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    first = evidence.attach(detail.id, photo, description="现场检查照片", on=date(2023, 6, 5))
    again = evidence.attach(detail.id, photo, on=date(2023, 6, 6))
    assert first.sha256 == again.sha256 == digest
    stored = list((tmp_path / "evidence").rglob("*"))
    assert [p.name for p in stored if p.is_file()] == [digest]  # one copy
    photo.unlink()  # the original may go; the stored copy stays
    path, sha = evidence.open(first.id)
    assert sha == digest and path.read_bytes().startswith(b"\xff\xd8")
    assert [e.filename for e in evidence.list(detail.id)] == ["现场照片.jpg", "现场照片.jpg"]
    assert service(store).get(detail.id).events[-1].action == "evidence"
    # tampering is detected
    os.chmod(path, 0o644)
    path.write_bytes(b"something else")
    with pytest.raises(UserError) as caught:
        evidence.open(first.id)
    assert caught.value.code == "complaint.evidence_changed"
    path.unlink()
    with pytest.raises(UserError) as caught:
        evidence.open(first.id)
    assert caught.value.code == "complaint.evidence_missing"


def test_reading_roles_cannot_attach(store, tmp_path) -> None:
    detail, _ = service(store).register(intake())
    f = tmp_path / "a.txt"
    f.write_text("x")
    with pytest.raises(UserError) as caught:
        EvidenceService(store, make_actor("leadership"), root=tmp_path / "e").attach(detail.id, f)
    assert caught.value.code == "permission.denied"


@pytest.mark.sqlite_only  # the database as a file beside the evidence
def test_the_programs_own_database_is_never_read_as_evidence(store, tmp_path) -> None:
    from pathlib import Path

    detail, _ = service(store).register(intake())
    evidence = EvidenceService(store, make_actor("inspector"), root=tmp_path / "evidence")
    database = Path(store.engine.url.database)
    with store.engine.connect() as connection:  # the -wal and -shm exist while a connection is open
        connection.exec_driver_sql("SELECT 1")
        for name in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            with pytest.raises(UserError) as caught:
                evidence.attach(detail.id, name)
            assert caught.value.code == "file.is_the_database"
    assert not (tmp_path / "evidence").exists()
