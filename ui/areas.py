"""The areas' windows (AreaUi), in navigation order: the user interface's side of an
area's declaration (app/<area>/area.py holds the rest).  Append a line when an area is
done, or call `register_area_ui` (a plug-in, a test).

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

from app.accounts.permissions import Permission
from ui.words import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class AreaUi:
    key: str  # the area's key, as in its AreaSpec
    title: str  # English source string, context "Areas"
    factory: str  # "module:Class"
    permission: Permission | None = None


Area = AreaUi  # the name the main window knows it by


AREAS: list[AreaUi] = [
    # 今日待办 first: the first thing a clerk sees.  No permission of its own —
    # each area's lines show only to those who may view that area.
    AreaUi("desk", QT_TRANSLATE_NOOP("Areas", "Today's desk"), "ui.desk.window:DeskWindow"),
    AreaUi("complaints", QT_TRANSLATE_NOOP("Areas", "Complaints"), "ui.complaints.window:ComplaintsWindow", Permission.COMPLAINT_VIEW),
    AreaUi("arbitration", QT_TRANSLATE_NOOP("Areas", "Arbitration"), "ui.arbitration.window:ArbitrationWindow", Permission.ARBITRATION_VIEW),
    AreaUi("mediation", QT_TRANSLATE_NOOP("Areas", "Mediation"), "ui.mediation.window:MediationWindow", Permission.MEDIATION_VIEW),
    AreaUi("parties", QT_TRANSLATE_NOOP("Areas", "Parties"), "ui.parties.window:PartiesWindow", Permission.PARTY_VIEW),
    AreaUi("projects", QT_TRANSLATE_NOOP("Areas", "Construction projects"), "ui.projects.window:ProjectsWindow", Permission.PROJECT_VIEW),
    AreaUi("staff", QT_TRANSLATE_NOOP("Areas", "Enforcement staff"), "ui.staff.window:StaffWindow", Permission.STAFF_VIEW),
    AreaUi("training", QT_TRANSLATE_NOOP("Areas", "Training and exams"), "ui.training.window:TrainingWindow", Permission.TRAINING_VIEW),
    AreaUi("reports", QT_TRANSLATE_NOOP("Areas", "Statistics"), "ui.reports.window:ReportsWindow", Permission.REPORT_VIEW),
    # Holds 用户与角色 (USER_MANAGE) and 操作日志 (AUDIT_VIEW); every USER_MANAGE role also
    # holds AUDIT_VIEW (tests/ui/test_admin.py checks), so this one permission suffices.
    AreaUi("admin", QT_TRANSLATE_NOOP("Areas", "Administration"), "ui.admin.window:AdminWindow", Permission.AUDIT_VIEW),
]


def register_area_ui(area: AreaUi) -> None:
    if any(a.key == area.key for a in AREAS):
        raise ValueError(f"an area {area.key!r} already has a window")
    AREAS.append(area)


def unregister_area_ui(key: str) -> None:
    AREAS[:] = [a for a in AREAS if a.key != key]


def area_title(key: str) -> str:
    """The area's title, translated (the desk's "Area" column names the area a line belongs to)."""
    from PySide6.QtCore import QCoreApplication

    title = next((a.title for a in AREAS if a.key == key), key)
    return QCoreApplication.translate("Areas", title)
