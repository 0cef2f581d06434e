"""Evidence and process files of a complaint case (全过程记录, 三项制度).

Scans, photos, audio and video are copied into the data folder under their
SHA-256 (``evidence/ab/abcdef…``): a file is stored once however often it is
attached, is never overwritten or removed when the case is edited, and is
checked against its hash whenever it is opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.complaints.models import Complaint, ComplaintEvent, EvidenceFile
from app.config import data_dir
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.store.engine import Store, is_file_of_database

CHUNK = 1 << 20


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    complaint_id: int
    sha256: str
    filename: str
    size: int
    description: str
    added_on: date


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class EvidenceService:
    def __init__(self, store: Store, actor: Actor, *, root: Path | None = None) -> None:
        self.store = store
        self.actor = actor
        self._root = root

    @property
    def root(self) -> Path:
        return self._root or (data_dir() / "evidence")

    def stored_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def attach(self, complaint_id: int, source: str | os.PathLike[str], *, description: str = "",
               on: date | None = None) -> EvidenceRow:
        """Copy `source` into the store (once per content) and attach it to the case."""
        self.actor.require(Permission.COMPLAINT_HANDLE)
        path = Path(source)
        if not path.is_file():
            raise UserError("file.not_found", path=str(path))
        if is_file_of_database(self.store.url, path):  # reading it would drop the program's SQLite locks
            raise UserError("file.is_the_database", path=str(path))
        digest = self._store_file(path)
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = uow.session.get(Complaint, complaint_id)
            if complaint is None:
                raise UserError("complaint.not_found")
            day = on or date.today()
            row = EvidenceFile(
                complaint_id=complaint.id, sha256=digest, filename=path.name[:255], size=path.stat().st_size,
                description=description.strip(), added_on=day,
            )
            uow.session.add(row)
            uow.session.add(
                ComplaintEvent(
                    complaint_id=complaint.id, occurred_on=day, action="evidence", actor=self.actor.username,
                    officers="", note=f"{path.name}（SHA-256 {digest[:16]}…）",
                )
            )
            uow.flush()
            return _row(row)

    def _store_file(self, path: Path) -> str:
        """Copy into a temporary file beside the store while hashing, then rename by hash."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(handle, "wb") as out, path.open("rb") as src:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            target = self.stored_path(digest.hexdigest())
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(temp_name)  # already stored: the same content, kept as it was
            else:
                os.chmod(temp_name, 0o444)
                os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        return digest.hexdigest()

    def list(self, complaint_id: int) -> list[EvidenceRow]:
        self.actor.require(Permission.COMPLAINT_VIEW)
        with self.store.read() as session:
            return [
                _row(r)
                for r in session.scalars(
                    select(EvidenceFile).where(EvidenceFile.complaint_id == complaint_id).order_by(EvidenceFile.id)
                )
            ]

    def open(self, evidence_id: int) -> tuple[Path, str]:
        """The stored file and its hash, after checking the content still matches."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        with self.store.read() as session:
            row = session.get(EvidenceFile, evidence_id)
            if row is None:
                raise UserError("complaint.not_found")
            sha, name = row.sha256, row.filename
        path = self.stored_path(sha)
        if not path.is_file():
            raise UserError("complaint.evidence_missing", name=name)
        if sha256_of(path) != sha:
            raise UserError("complaint.evidence_changed", name=name)
        return path, sha

    def export_copy(self, evidence_id: int, target: str | os.PathLike[str]) -> Path:
        """A checked copy under its original name (for viewing with another program)."""
        path, _sha = self.open(evidence_id)
        out = Path(target)
        shutil.copyfile(path, out)
        return out


def _row(r: EvidenceFile) -> EvidenceRow:
    return EvidenceRow(r.id, r.complaint_id, r.sha256, r.filename, r.size, r.description, r.added_on)
