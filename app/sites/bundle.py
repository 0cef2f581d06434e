"""The exchange bundle on disk: signed by the sender, encrypted for the receiver.

    MAGIC (8) | header length (4, big-endian) | header (JSON) |
    ciphertext length (8) | ciphertext | Ed25519 signature (64)

The header names only the two sites' codes, the sequence and the format.  The
payload (JSON, zlib-compressed) is encrypted with AES-256-GCM under a key
derived by HKDF-SHA256 from an X25519 exchange between a fresh key of the
sender's and the receiver's published key; the header is the cipher's
associated data.  The signature covers every byte before it.  All of it is
the `cryptography` package's; nothing here is home-made cryptography.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import UserError

MAGIC = b"RSDXCHG\x00"
FORMAT = 1  # the newest bundle format this program reads and writes
SIGNATURE_BYTES = 64
_INFO = b"renshe-desk exchange bundle v1"


@dataclass(frozen=True)
class Header:
    format: int
    sender: str
    receiver: str
    sequence: int
    ephemeral: bytes
    nonce: bytes

    def to_bytes(self) -> bytes:
        return json.dumps({
            "format": self.format, "from": self.sender, "to": self.receiver, "sequence": self.sequence,
            "ephemeral": base64.b64encode(self.ephemeral).decode(), "nonce": base64.b64encode(self.nonce).decode(),
        }, sort_keys=True).encode()


def _key(shared: bytes, header: Header) -> bytes:
    salt = hashlib.sha256(f"{header.sender}>{header.receiver}#{header.sequence}".encode()).digest()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(shared)


def seal(payload: dict[str, Any], *, sender: str, receiver: str, sequence: int,
         sign_private: bytes, receiver_box_public: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    header = Header(FORMAT, sender, receiver, sequence, ephemeral.public_key().public_bytes_raw(), os.urandom(12))
    key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(receiver_box_public)), header)
    header_bytes = header.to_bytes()
    plain = zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), 6)
    cipher = AESGCM(key).encrypt(header.nonce, plain, header_bytes)
    body = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + struct.pack(">Q", len(cipher)) + cipher
    return body + Ed25519PrivateKey.from_private_bytes(sign_private).sign(body)


def read_header(data: bytes) -> tuple[Header, bytes, bytes, bytes]:
    """(header, signed body, ciphertext, signature); UserError for a file that is no
    bundle, a newer format, or one cut short."""
    if not data.startswith(MAGIC):
        raise UserError("exchange.not_a_bundle")
    try:
        (length,) = struct.unpack_from(">I", data, len(MAGIC))
        start = len(MAGIC) + 4
        raw = json.loads(data[start:start + length])
        header = Header(int(raw["format"]), str(raw["from"]), str(raw["to"]), int(raw["sequence"]),
                        base64.b64decode(raw["ephemeral"]), base64.b64decode(raw["nonce"]))
        (cipher_length,) = struct.unpack_from(">Q", data, start + length)
        cipher_start = start + length + 8
        cipher = data[cipher_start:cipher_start + cipher_length]
        signature = data[cipher_start + cipher_length:]
    except (struct.error, ValueError, KeyError, TypeError) as exc:
        raise UserError("exchange.damaged") from exc
    if header.format > FORMAT:
        raise UserError("exchange.newer_format", format=header.format)
    if len(cipher) != cipher_length or len(signature) != SIGNATURE_BYTES:
        raise UserError("exchange.damaged")
    return header, data[:cipher_start + cipher_length], cipher, signature


def open_sealed(header: Header, body: bytes, cipher: bytes, signature: bytes, *,
                sender_sign_public: bytes, box_private: bytes) -> dict[str, Any]:
    try:
        Ed25519PublicKey.from_public_bytes(sender_sign_public).verify(signature, body)
    except InvalidSignature as exc:
        raise UserError("exchange.damaged") from exc
    key = _key(X25519PrivateKey.from_private_bytes(box_private).exchange(
        X25519PublicKey.from_public_bytes(header.ephemeral)), header)
    try:
        (length,) = struct.unpack_from(">I", body, len(MAGIC))
        header_bytes = body[len(MAGIC) + 4:len(MAGIC) + 4 + length]
        plain = AESGCM(key).decrypt(header.nonce, cipher, header_bytes)
        payload = json.loads(zlib.decompress(plain))
    except (InvalidTag, zlib.error, ValueError) as exc:
        raise UserError("exchange.damaged") from exc
    if not isinstance(payload, dict):
        raise UserError("exchange.damaged")
    return payload
