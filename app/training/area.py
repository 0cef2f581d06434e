"""The training area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "training",
    messages="app.training.messages",
    permissions=(
        PermissionRule(Permission.TRAINING_VIEW, "View training and exams", "查看培训考试",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.TRAINING_EDIT, "Record training and exams", "登记培训和考试",
                       frozenset({Role.ADMIN, Role.LEGAL_REVIEWER})),
    ),
    figures="app.training.yearly_figures:FIGURES",
    audit_tables={
        "training_session": ("Study and training", "学习培训"),
        "training_attendance": ("Training attendance", "培训参加人员"),
        "exam": ("Exams", "考试"),
        "exam_result": ("Exam results", "考试成绩"),
    },
    audit_fields={
        "topic": ("Topic", "主题"),
        "organiser": ("Organiser", "组织单位"),
        "hours": ("Hours", "学时"),
        "on_rule_of_law": ("On the rule of law", "法治学习"),
        "session_id": ("Session", "学习培训"),
        "title": ("Title", "名称"),
        "pass_mark": ("Pass mark", "及格分"),
        "max_score": ("Full marks", "满分"),
        "exam_id": ("Exam", "考试"),
        "required": ("Required", "应考"),
        "attended": ("Attended", "参考"),
        "score": ("Score", "成绩"),
        "absence_reason": ("Reason absent", "缺考原因"),
    },
    local={
        "training_session": "the district's training records",
        "training_attendance": "the district's training records",
        "exam": "the district's training records",
        "exam_result": "the district's training records",
    },
)
