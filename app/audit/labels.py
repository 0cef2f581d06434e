"""What the audit log calls each audited table and field, in words a leader reads.

(English, Chinese) pairs, keyed by table name and by field name (a field means the
same in every table it appears in, with a few per-table exceptions).  The tables'
labels come from each area's declaration (app/<area>/area.py).  A test checks
that every audited table and every audited field has a label, so a new one cannot
reach the 操作日志 as `owed_fen`.
"""

from __future__ import annotations

# The kernel's own tables; every area names its tables in its declaration (app/<area>/area.py, `audit_tables=`).
KERNEL_TABLES: dict[str, tuple[str, str]] = {
    "setting": ("Settings", "系统设置"),
    "issued_number": ("Issued numbers", "文书编号"),
    "number_counter": ("Number counters", "编号计数器"),
}

# The fields: one vocabulary, since a field means the same in whichever table it is.  Here the fields
# the tables of more than one area (or the kernel's) have; an area names the fields only its own
# tables have in its declaration (`audit_fields=`).
FIELDS: dict[str, tuple[str, str]] = {
    "kind": ("Kind", "类别"),
    "name": ("Name", "名称/姓名"),
    "id_no": ("ID number", "身份证号"),
    "sex": ("Sex", "性别"),
    "birth_date": ("Birth date", "出生日期"),
    "key": ("Setting", "设置项"),
    "value": ("Value", "值"),
    "year": ("Year", "年度"),
    "body": ("Issuing body", "发文机关"),
    "doc_type": ("Document type", "文书类型"),
    "text": ("Text", "文号"),
    "record_table": ("Record kind", "记录类别"),
    "record_id": ("Record", "记录"),
    "void": ("Void", "作废"),
    "void_reason": ("Reason void", "作废原因"),
    "last_value": ("Last number", "最后编号"),
    "officer_id": ("Officer", "执法人员"),
    "number": ("Number", "编号"),
    "category": ("Category", "类别"),
    "result": ("Result", "结果"),
    "reviewed_on": ("Reviewed on", "审核日期"),
    "held_on": ("Held on", "日期"),
    "project_id": ("Project", "项目"),
    "party_id": ("Party", "当事人"),
    "role": ("Role", "身份"),
    "position": ("Order", "顺序"),
    "note": ("Note", "备注"),
    "evidence": ("Evidence", "证据"),
    "case_no": ("Case number", "案号"),
    "channel": ("Channel", "渠道"),
    "received_on": ("Received on", "登记日期"),
    "status": ("State", "状态"),
    "decided_on": ("Decided on", "决定日期"),
    "extension_days": ("Extension (days)", "延长天数"),
    "closed_on": ("Closed on", "结案日期"),
    "actor": ("By", "经办人"),
    "sha256": ("Fingerprint", "文件指纹"),
    "description": ("Description", "说明"),
    "added_on": ("Added on", "添加日期"),
    "due_on": ("Due on", "到期日"),
    "amount_fen": ("Amount", "金额"),
    "method": ("Method", "方式"),
    "accepted_on": ("Accepted on", "受理日期"),
    "closure_note": ("Closure note", "结案说明"),
    "case_id": ("Case", "案件"),
    "period_from": ("From", "起始"),
    "period_to": ("To", "截止"),
    "on": ("Date", "日期"),
    "details": ("Details", "详情"),
    "document": ("Document", "文书"),
    "served_on": ("Served on", "送达日期"),
}


def tables() -> dict[str, tuple[str, str]]:
    """Every audited table's label: the kernel's and every area's."""
    from app.kernel.areas import areas

    found = dict(KERNEL_TABLES)
    for spec in areas():
        found.update(spec.audit_tables)
    return found


def fields() -> dict[str, tuple[str, str]]:
    """Every audited field's label: the shared vocabulary and the fields areas add."""
    from app.kernel.areas import areas

    found = dict(FIELDS)
    for spec in areas():
        found.update(spec.audit_fields)
    return found


def table_label(table: str, language: str) -> str:
    pair = tables().get(table)
    return (pair[0] if language == "en" else pair[1]) if pair else table


def field_label(field: str, language: str) -> str:
    pair = fields().get(field)
    return (pair[0] if language == "en" else pair[1]) if pair else field


def is_money(field: str) -> bool:
    return field.endswith("_fen")
