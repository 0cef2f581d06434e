"""Domain models, one module per concept.  Importing this package registers them all."""

from app.models.arbitration import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationDeadline,
    ArbitrationEvent,
    ArbitrationHearing,
    ArbitrationHearingMember,
    ArbitrationParty,
    ArbitrationService,
)
from app.models.audit import AuditEntry, AuditHead
from app.models.complaint import (
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintOfficer,
    ComplaintProcedureStep,
    ComplaintWorker,
    EvidenceFile,
    LegalReview,
    PaymentInstalment,
    ServiceRecord,
    WagePayment,
)
from app.models.holiday import HolidayDay
from app.models.import_batch import ImportBatch, ImportRowKey
from app.models.mediation import MediationCase, MediationClaim, MediationEvent, MediationParty
from app.models.numbering import IssuedNumber, NumberCounter
from app.models.party import IdType, OrgType, Party, PartyKind
from app.models.project import (
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
    Project,
    ProjectSubcontractor,
)
from app.models.setting import Setting
from app.models.site import (
    SiteAuditEntry,
    SiteConflict,
    SiteIdentity,
    SitePeer,
    SiteRecordLink,
    SiteRecordOrigin,
    SiteUuidAlias,
)
from app.models.staff import Certificate, CertificateReview, Officer
from app.models.training import Exam, ExamResult, TrainingAttendance, TrainingSession
from app.models.user import User

__all__ = [
    "ArbitrationCase",
    "ArbitrationClaim",
    "ArbitrationDeadline",
    "ArbitrationEvent",
    "ArbitrationHearing",
    "ArbitrationHearingMember",
    "ArbitrationParty",
    "ArbitrationService",
    "MediationCase",
    "MediationClaim",
    "MediationEvent",
    "MediationParty",
    "AuditEntry",
    "AuditHead",
    "Complaint",
    "ComplaintEmployer",
    "ComplaintEvent",
    "ComplaintOfficer",
    "ComplaintProcedureStep",
    "ComplaintWorker",
    "EvidenceFile",
    "LegalReview",
    "PaymentInstalment",
    "ServiceRecord",
    "WagePayment",
    "Certificate",
    "CertificateReview",
    "ComplianceCheck",
    "ComplianceCheckItem",
    "ComplianceItem",
    "Exam",
    "ExamResult",
    "HolidayDay",
    "ImportBatch",
    "ImportRowKey",
    "IdType",
    "IssuedNumber",
    "NumberCounter",
    "Officer",
    "OrgType",
    "Party",
    "PartyKind",
    "Project",
    "ProjectSubcontractor",
    "Setting",
    "SiteAuditEntry",
    "SiteConflict",
    "SiteIdentity",
    "SitePeer",
    "SiteRecordLink",
    "SiteRecordOrigin",
    "SiteUuidAlias",
    "TrainingAttendance",
    "TrainingSession",
    "User",
]
