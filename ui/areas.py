"""The areas of the program, in navigation order.  Append a line when an area is done.

Only finished areas are listed (no placeholder pages).  Each area is built the
first time the user opens it, from `factory` = "module:Class", called as
`Class(context: AppContext, parent: QWidget | None)`; import nothing heavy at
module level in an area's module.  `title` is the English source string,
translated in the "Areas" context (mark it with QT_TRANSLATE_NOOP so
pyside6-lupdate finds it).  An area whose `permission` the signed-in user lacks
is not shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.accounts.permissions import Permission


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # English source string, context "Areas"
    factory: str  # "module:Class"
    permission: Permission | None = None


AREAS: list[Area] = [
    # 今日待办 first: the first thing a clerk sees.  No permission of its own —
    # each area's lines show only to those who may view that area.
    Area("desk", QT_TRANSLATE_NOOP("Areas", "Today's desk"), "ui.desk.window:DeskWindow"),
    Area("complaints", QT_TRANSLATE_NOOP("Areas", "Complaints"), "ui.complaints.window:ComplaintsWindow", Permission.COMPLAINT_VIEW),
    Area("arbitration", QT_TRANSLATE_NOOP("Areas", "Arbitration"), "ui.arbitration.window:ArbitrationWindow", Permission.ARBITRATION_VIEW),
    Area("mediation", QT_TRANSLATE_NOOP("Areas", "Mediation"), "ui.mediation.window:MediationWindow", Permission.MEDIATION_VIEW),
    Area("parties", QT_TRANSLATE_NOOP("Areas", "Parties"), "ui.parties.window:PartiesWindow", Permission.PARTY_VIEW),
    Area("projects", QT_TRANSLATE_NOOP("Areas", "Construction projects"), "ui.projects.window:ProjectsWindow", Permission.PROJECT_VIEW),
    Area("staff", QT_TRANSLATE_NOOP("Areas", "Enforcement staff"), "ui.staff.window:StaffWindow", Permission.STAFF_VIEW),
    Area("training", QT_TRANSLATE_NOOP("Areas", "Training and exams"), "ui.training.window:TrainingWindow", Permission.TRAINING_VIEW),
    Area("reports", QT_TRANSLATE_NOOP("Areas", "Statistics"), "ui.reports.window:ReportsWindow", Permission.REPORT_VIEW),
    # Holds 用户与角色 (USER_MANAGE) and 操作日志 (AUDIT_VIEW); every USER_MANAGE role also
    # holds AUDIT_VIEW (tests/ui/test_admin.py checks), so this one permission suffices.
    Area("admin", QT_TRANSLATE_NOOP("Areas", "Administration"), "ui.admin.window:AdminWindow", Permission.AUDIT_VIEW),
]
