"""This installation as a site: its code, name, kind and key pair; the peers it trusts."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.setting_model import Setting
from app.kernel.settings import read_setting
from app.kernel.unit_of_work import UnitOfWork
from app.sites.models import SiteIdentity, SitePeer
from app.sites.travel import Kind
from app.store.engine import Store

KEY_FILE_FORMAT = "renshe-desk site key"
CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """Groups of four hex digits, to read out and compare by telephone."""
    digits = hashlib.sha256(sign_public + box_public).hexdigest()[:32].upper()
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


@dataclass(frozen=True)
class SiteView:
    code: str
    name: str
    kind: str
    fingerprint: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "kind": self.kind, "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class PeerView(SiteView):
    last_sent: int
    last_acknowledged: int
    last_received: int

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "last_sent": self.last_sent, "last_acknowledged": self.last_acknowledged,
                "last_received": self.last_received}


def identity(session: Session) -> SiteIdentity:
    me: SiteIdentity | None = session.scalar(select(SiteIdentity))
    if me is None:
        raise UserError("site.not_set_up")
    return me


def _view(row: SiteIdentity) -> SiteView:
    return SiteView(row.code, row.name, row.kind, fingerprint(row.sign_public, row.box_public))


def _peer_view(row: SitePeer) -> PeerView:
    return PeerView(row.code, row.name, row.kind, fingerprint(row.sign_public, row.box_public),
                    row.last_sent, row.last_acknowledged, row.last_received)


def issuing_body(session: Session) -> str:
    """The issuing body this site's case numbers carry (某区 in 某区劳人仲案字〔2024〕第1号)."""
    return str(read_setting(session, "organisation")["district"]).strip()


def check_issuing_body(session: Session, peer_code: str, peer_kind: str, body: str) -> None:
    """Refuse a peer whose case numbers would carry the same issuing body as ours or as
    another peer's: its numbers and theirs would both run 第1号, 第2号 … and clash.  A case
    number follows the 公文 numbering (GB/T 9704; 《党政机关公文处理工作条例》第九条: 发文字号由
    发文机关代字、年份、发文顺序号组成), whose body names the issuing authority: the remedy
    is each site's own body, not a site code appended to a formal number.  A district bureau
    and its arbitration institute are one district's bodies (某区) and issue different kinds
    of number; a township never shares its body with anyone."""
    township = Kind.TOWNSHIP.value
    me = identity(session)
    if body == issuing_body(session) and township in (me.kind, peer_kind):
        raise UserError("site.same_issuing_body", site=peer_code, body=body, other=me.code)
    for code, kind in session.execute(select(SitePeer.code, SitePeer.kind).where(
            SitePeer.issuing_body == body, SitePeer.code != peer_code)):
        if township in (kind, peer_kind):
            raise UserError("site.same_issuing_body", site=peer_code, body=body, other=code)


def _check_code(code: str) -> str:
    code = code.strip()
    if not code or len(code) > 32 or any(c not in CODE_CHARS for c in code):
        raise UserError("site.code_invalid", field="code", value=code)
    return code


class SiteService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def init(self, *, code: str, name: str, kind: str, issuing_body: str | None = None) -> SiteView:
        """Make this installation a site, with a new key pair.  Records already here are its own.

        `issuing_body` (the 机关代字 its case numbers carry: 某区, 甲镇) is the setting
        organisation.district, written here in the same unit of work when given: a township must
        not number with the district's body, or their case numbers clash (`check_issuing_body`
        refuses such a peer when keys are swapped); the setting never travels."""
        code = _check_code(code)
        if not name.strip():
            raise UserError("site.name_required", field="name")
        body = None if issuing_body is None else issuing_body.strip()
        if body is not None and not 1 <= len(body) <= 20:
            raise UserError("site.issuing_body_invalid", field="issuing_body", value=body)
        try:
            kind = Kind(kind).value
        except ValueError as exc:
            raise UserError("site.kind_invalid", field="kind", value=kind) from exc
        sign = Ed25519PrivateKey.generate()
        box = X25519PrivateKey.generate()
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            if uow.session.scalar(select(SiteIdentity)) is not None:
                raise UserError("site.already_set_up")
            row = SiteIdentity(code=code, name=name.strip(), kind=kind,
                               sign_private=sign.private_bytes_raw(), sign_public=sign.public_key().public_bytes_raw(),
                               box_private=box.private_bytes_raw(), box_public=box.public_key().public_bytes_raw())
            uow.session.add(row)
            if body is not None:
                organisation = {**read_setting(uow.session, "organisation"), "district": body}
                text = json.dumps(organisation, ensure_ascii=False, sort_keys=True)
                setting = uow.session.scalar(select(Setting).where(Setting.key == "organisation"))
                if setting is None:
                    uow.session.add(Setting(key="organisation", value=text))
                else:
                    setting.value = text
            uow.flush()
            view = _view(row)
            uow.record_event("site_init", "site_identity", row.id,
                             changes={"code": code, "name": row.name, "kind": kind, "fingerprint": view.fingerprint,
                                      "issuing_body": str(read_setting(uow.session, "organisation")["district"])})
        return view

    def show(self) -> SiteView | None:
        with self.store.read() as session:
            row = session.scalar(select(SiteIdentity))
            return None if row is None else _view(row)

    def peers(self) -> list[PeerView]:
        with self.store.read() as session:
            return [_peer_view(p) for p in session.scalars(select(SitePeer).order_by(SitePeer.code))]

    def public_key_document(self) -> dict[str, Any]:
        with self.store.read() as session:
            me = identity(session)
            return {"format": KEY_FILE_FORMAT, "version": 1, "code": me.code, "name": me.name, "kind": me.kind,
                    "issuing_body": issuing_body(session),
                    "sign_public": base64.b64encode(me.sign_public).decode(),
                    "box_public": base64.b64encode(me.box_public).decode(),
                    "fingerprint": fingerprint(me.sign_public, me.box_public)}

    def export_key(self, out: Path) -> SiteView:
        document = self.public_key_document()
        out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return SiteView(document["code"], document["name"], document["kind"], document["fingerprint"])

    @staticmethod
    def read_key_file(path: Path) -> PeerView:
        """What a key file says (to show its fingerprint before trusting it)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("format") != KEY_FILE_FORMAT:
                raise ValueError
            sign_public = base64.b64decode(raw["sign_public"], validate=True)
            box_public = base64.b64decode(raw["box_public"], validate=True)
            if len(sign_public) != 32 or len(box_public) != 32:
                raise ValueError
            kind = Kind(raw["kind"]).value
            code = _check_code(str(raw["code"]))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, UserError) as exc:
            raise UserError("site.key_file_invalid", path=str(path)) from exc
        return PeerView(code, str(raw.get("name") or code), kind, fingerprint(sign_public, box_public), 0, 0, 0)

    def trust(self, path: Path) -> PeerView:
        """Register a peer's public key file (or a new key of a peer registered before)."""
        view = self.read_key_file(path)
        raw = json.loads(path.read_text(encoding="utf-8"))
        sign_public = base64.b64decode(raw["sign_public"])
        box_public = base64.b64decode(raw["box_public"])
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            me = identity(uow.session)
            if view.code == me.code:
                raise UserError("site.trust_self")
            body = raw.get("issuing_body")
            if isinstance(body, str) and body.strip():
                check_issuing_body(uow.session, view.code, view.kind, body.strip())
            peer = uow.session.scalar(select(SitePeer).where(SitePeer.code == view.code))
            if peer is None:
                peer = SitePeer(code=view.code, name=view.name, kind=view.kind,
                                sign_public=sign_public, box_public=box_public,
                                last_sent=0, last_acknowledged=0, last_received=0)
                uow.session.add(peer)
            else:
                peer.name, peer.kind, peer.sign_public, peer.box_public = view.name, view.kind, sign_public, box_public
            if isinstance(body, str) and body.strip():
                peer.issuing_body = body.strip()
            uow.flush()
            uow.record_event("site_trust", "site_peer", peer.id,
                             changes={"code": view.code, "name": view.name, "kind": view.kind,
                                      "fingerprint": view.fingerprint})
            return _peer_view(peer)
