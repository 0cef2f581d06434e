"""The staff area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import DOWN_ONLY, Merge, Travel

AREA = AreaSpec(
    "staff",
    messages="app.staff.messages",
    permissions=(
        # The roster and training records are kept by the legal office (法制审核员).
        PermissionRule(Permission.STAFF_VIEW, "View the enforcement staff roster", "查看执法人员",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.STAFF_EDIT, "Edit the roster and certificates", "维护执法人员和执法证",
                       frozenset({Role.ADMIN, Role.LEGAL_REVIEWER})),
    ),
    cli_modules=("app.staff.cli",),
    figures="app.staff.yearly_figures:FIGURES",
    audit_tables={
        "officer": ("Enforcement staff", "执法人员"),
        "officer_certificate": ("Certificates", "执法证件"),
        "certificate_review": ("Certificate reviews", "证件年审"),
    },
    audit_fields={
        "unit": ("Unit", "单位"),
        "section": ("Section", "科室"),
        "post": ("Post", "职务"),
        "staffing_type": ("Staffing", "编制类型"),
        "has_legal_qualification": ("Legal qualification", "法律职业资格"),
        "legal_qualification_no": ("Qualification no.", "法律职业资格证号"),
        "on_roster": ("On the roster", "在册"),
        "cert_type": ("Certificate type", "证件类型"),
        "issuing_authority": ("Issued by", "发证机关"),
        "issue_date": ("Issued on", "发证日期"),
        "expiry_date": ("Valid until", "有效期至"),
        "certificate_id": ("Certificate", "证件"),
    },
    travelling={
        # the district's registers
        "officer": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS, natural_keys=("id_no",), derived={"name_sort": "name"}),
        "officer_certificate": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS, natural_keys=("number",)),
        "certificate_review": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS),
    },
    # what the sites screen calls these tables in a sentence ("parties 3"): (English, Chinese)
    exchange_labels={
        "officer": ("staff", "执法人员"),
        "officer_certificate": ("certificates", "执法证"),
        "certificate_review": ("certificate reviews", "执法证年审"),
    },
)
