"""Domain models, one module per concept.  Importing this package registers them all."""

from app.models.audit import AuditEntry, AuditHead
from app.models.party import IdType, OrgType, Party, PartyKind
from app.models.user import User

__all__ = [
    "AuditEntry",
    "AuditHead",
    "IdType",
    "OrgType",
    "Party",
    "PartyKind",
    "User",
]
