"""Domain models, one module per concept.  Importing this package registers them all."""

from app.accounts.models import User
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationDeadline,
    ArbitrationEvent,
    ArbitrationHearing,
    ArbitrationHearingMember,
    ArbitrationParty,
    ArbitrationService,
)
from app.audit.models import AuditEntry, AuditHead
from app.complaints.models import (
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
from app.imports.models import ImportBatch, ImportRowKey
from app.kernel.numbering_model import IssuedNumber, NumberCounter
from app.kernel.setting_model import Setting
from app.legal.holiday_model import HolidayDay
from app.mediation.models import MediationCase, MediationClaim, MediationEvent, MediationParty
from app.parties.models import IdType, OrgType, Party, PartyKind
from app.projects.models import (
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
    Project,
    ProjectSubcontractor,
)
from app.sites.models import (
    SiteAuditEntry,
    SiteConflict,
    SiteIdentity,
    SitePeer,
    SiteRecordLink,
    SiteRecordOrigin,
    SiteUuidAlias,
)
from app.staff.models import Certificate, CertificateReview, Officer
from app.training.models import Exam, ExamResult, TrainingAttendance, TrainingSession

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
