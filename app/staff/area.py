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
    audit_tables={
        "officer": ("Enforcement staff", "执法人员"),
        "officer_certificate": ("Certificates", "执法证件"),
        "certificate_review": ("Certificate reviews", "证件年审"),
    },
    travelling={
        # the district's registers
        "officer": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS, natural_keys=("id_no",), derived={"name_sort": "name"}),
        "officer_certificate": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS, natural_keys=("number",)),
        "certificate_review": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS),
    },
)
