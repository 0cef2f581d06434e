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

# The fields: one vocabulary, since a field means the same in whichever table it is.  An area adds the
# fields no other area names in its declaration (`audit_fields=`).
FIELDS: dict[str, tuple[str, str]] = {
    # people and employers
    "kind": ("Kind", "类别"), "name": ("Name", "名称/姓名"), "id_type": ("ID type", "证件类型"),
    "id_no": ("ID number", "身份证号"), "sex": ("Sex", "性别"), "birth_date": ("Birth date", "出生日期"),
    "is_migrant_worker": ("Migrant worker", "农民工"), "uscc": ("Credit code", "统一社会信用代码"),
    "org_type": ("Employer type", "单位类型"), "legal_rep": ("Legal representative", "法定代表人"),
    "phone": ("Phone", "联系电话"), "address": ("Address", "地址"),
    "username": ("Login name", "登录名"), "display_name": ("Name", "姓名"), "password_hash": ("Password", "密码"),
    "roles": ("Roles", "角色"), "active": ("Active", "有效"), "failed_logins": ("Failed logins", "登录失败次数"),
    "locked_until": ("Locked until", "锁定至"),
    "key": ("Setting", "设置项"), "value": ("Value", "值"), "year": ("Year", "年度"), "day": ("Day", "日期"),
    "body": ("Issuing body", "发文机关"), "doc_type": ("Document type", "文书类型"), "text": ("Text", "文号"),
    "record_table": ("Record kind", "记录类别"), "record_id": ("Record", "记录"), "void": ("Void", "作废"),
    "void_reason": ("Reason void", "作废原因"), "last_value": ("Last number", "最后编号"),
    # staff and training
    "unit": ("Unit", "单位"), "section": ("Section", "科室"), "post": ("Post", "职务"),
    "staffing_type": ("Staffing", "编制类型"), "has_legal_qualification": ("Legal qualification", "法律职业资格"),
    "legal_qualification_no": ("Qualification no.", "法律职业资格证号"), "on_roster": ("On the roster", "在册"),
    "officer_id": ("Officer", "执法人员"), "cert_type": ("Certificate type", "证件类型"),
    "number": ("Number", "编号"), "issuing_authority": ("Issued by", "发证机关"), "issue_date": ("Issued on", "发证日期"),
    "expiry_date": ("Valid until", "有效期至"), "category": ("Category", "类别"), "certificate_id": ("Certificate", "证件"),
    "result": ("Result", "结果"), "reviewed_on": ("Reviewed on", "审核日期"),
    "held_on": ("Held on", "日期"), "topic": ("Topic", "主题"), "organiser": ("Organiser", "组织单位"),
    "hours": ("Hours", "学时"), "on_rule_of_law": ("On the rule of law", "法治学习"), "session_id": ("Session", "学习培训"),
    "title": ("Title", "名称"), "pass_mark": ("Pass mark", "及格分"), "max_score": ("Full marks", "满分"),
    "exam_id": ("Exam", "考试"), "required": ("Required", "应考"), "attended": ("Attended", "参考"),
    "score": ("Score", "成绩"), "absence_reason": ("Reason absent", "缺考原因"),
    # projects
    "location": ("Location", "地点"), "permit_no": ("Permit no.", "施工许可证号"), "builder_id": ("Builder", "建设单位"),
    "contractor_id": ("Main contractor", "施工总承包单位"), "contract_value_fen": ("Contract value", "合同价款"),
    "start_date": ("Started", "开工日期"), "planned_completion": ("Planned completion", "计划竣工日期"),
    "completed_on": ("Completed", "竣工日期"), "on_realname_platform": ("On the real-name platform", "纳入实名制平台"),
    "wage_manager_name": ("Wage manager", "劳资专管员"), "wage_manager_phone": ("Wage manager's phone", "劳资专管员电话"),
    "wage_account_bank": ("Wage account bank", "工资专用账户开户行"), "wage_account_no": ("Wage account", "工资专用账户"),
    "guarantee_form": ("Guarantee form", "保证金形式"), "guarantee_amount_fen": ("Guarantee", "保证金金额"),
    "guarantee_date": ("Guarantee date", "保证金缴存日期"), "project_id": ("Project", "项目"),
    "party_id": ("Party", "当事人"), "role": ("Role", "身份"), "code": ("Code", "代码"), "label": ("Item", "项目"),
    "position": ("Order", "顺序"), "checked_on": ("Checked on", "检查日期"), "inspector": ("Inspector", "检查人"),
    "note": ("Note", "备注"), "check_id": ("Check", "检查"), "item_code": ("Item", "检查项目"),
    "rectify_by": ("Rectify by", "整改期限"), "rectified_on": ("Rectified on", "整改日期"), "evidence": ("Evidence", "证据"),
    # complaints
    "case_no": ("Case number", "案号"), "channel": ("Channel", "渠道"), "received_at": ("Received at", "受理时间"),
    "received_on": ("Received on", "登记日期"), "received_by": ("Received by", "登记人"),
    "complainant_id": ("Complainant", "投诉人"), "anonymous": ("Anonymous", "匿名"), "matters": ("Matters", "投诉事项"),
    "requests": ("Requests", "投诉请求"), "status": ("State", "状态"), "decided_on": ("Decided on", "决定日期"),
    "decision_ground": ("Ground", "理由"), "redirected_to": ("Redirected to", "告知投诉机关"), "filed_on": ("Filed on", "立案日期"),
    "extension_days": ("Extension (days)", "延长天数"), "extension_approved_by": ("Extension approved by", "延期批准人"),
    "disposal_method": ("Disposal", "处理方式"), "responsible_department": ("Department", "承办部门"),
    "rectification_no": ("Rectification order no.", "限期改正指令书编号"),
    "rectification_ordered_on": ("Rectification ordered", "责令改正日期"), "rectification_due": ("Rectify by", "改正期限"),
    "decision_kind": ("Decision", "决定类型"), "decision_no": ("Decision no.", "决定书编号"),
    "decision_issued_on": ("Decision issued", "决定日期"), "decision_facts": ("Facts", "违法事实"),
    "decision_basis": ("Basis", "法律依据"), "decision_order": ("Ordered", "决定内容"), "ordered_fen": ("Amount ordered", "责令支付金额"),
    "fine_fen": ("Fine", "罚款金额"), "publish_required": ("To be published", "需公示"), "published_on": ("Published on", "公示日期"),
    "closed_on": ("Closed on", "结案日期"), "closure_kind": ("Closure", "结案方式"), "close_reason": ("Reason", "结案理由"),
    "decision_due": ("Decision due", "决定期限"), "investigation_due": ("Investigation due", "调查期限"),
    "deadline_calendar": ("Calendar", "期限所用日历"), "complaint_id": ("Complaint", "投诉"),
    "owed_fen": ("Owed", "拖欠金额"), "lead": ("Lead officer", "主办"), "assigned_on": ("Assigned on", "指派日期"),
    "occurred_on": ("Date", "日期"), "action": ("Action", "操作"), "from_status": ("From", "原状态"),
    "to_status": ("To", "新状态"), "actor": ("By", "经办人"), "officers": ("Officers", "执法人员"),
    "sha256": ("Fingerprint", "文件指纹"), "filename": ("File", "文件名"), "size": ("Size", "大小"),
    "description": ("Description", "说明"), "added_on": ("Added on", "添加日期"), "reviewer_id": ("Reviewer", "审核人"),
    "opinion": ("Opinion", "审核意见"), "worker_id": ("Worker", "劳动者"), "due_on": ("Due on", "到期日"),
    "amount_fen": ("Amount", "金额"), "paid_on": ("Paid on", "支付日期"), "method": ("Method", "方式"),
    # arbitration and mediation
    "procedure": ("Procedure", "程序"), "cause": ("Cause", "案由"), "facts": ("Facts", "事实与理由"),
    "collective": ("Collective", "集体争议"), "correction_requested_on": ("Correction requested", "通知补正日期"),
    "corrected_on": ("Corrected on", "补正日期"), "accepted_on": ("Accepted on", "受理日期"),
    "refusal_ground": ("Refusal ground", "不予受理理由"), "closure_method": ("Closure", "结案方式"),
    "closure_note": ("Closure note", "结案说明"), "resume_status": ("Resumes at", "恢复后状态"),
    "claimed_fen": ("Claimed", "请求金额"), "accepted_claims_fen": ("Claims accepted", "受理请求金额"),
    "awarded_fen": ("Awarded", "裁决金额"), "chief_arbitrator_id": ("Chief arbitrator", "首席仲裁员"),
    "arbitrator_2_id": ("Arbitrator", "仲裁员"), "arbitrator_3_id": ("Arbitrator", "仲裁员"), "clerk_id": ("Clerk", "书记员"),
    "from_mediation_id": ("From mediation", "调解转来"), "case_id": ("Case", "案件"),
    "period_from": ("From", "起始"), "period_to": ("To", "截止"), "amount_claimed_fen": ("Claimed", "请求金额"),
    "original_amount_fen": ("Originally claimed", "原请求金额"), "amount_awarded_fen": ("Awarded", "裁决金额"),
    "amount_mediated_fen": ("Mediated", "调解金额"), "final": ("Final award", "终局裁决"), "withdrawn": ("Withdrawn", "撤回"),
    "on": ("Date", "日期"), "details": ("Details", "详情"), "document": ("Document", "文书"),
    "served_on": ("Served on", "送达日期"), "notice_days": ("Notice days", "公告天数"),
    "starts_at": ("From", "开始时间"), "ends_at": ("To", "结束时间"), "room": ("Room", "仲裁庭"),
    "notice_served_on": ("Notice served", "开庭通知送达日期"), "hearing_id": ("Hearing", "开庭"), "user_id": ("Member", "人员"),
    "organisation_type": ("Organisation type", "调解组织类型"), "organisation": ("Organisation", "调解组织"),
    "application_form": ("Application form", "申请方式"), "oral_record": ("Oral application", "口头申请笔录"),
    "matter": ("Matter", "调解事项"), "due_calendar_complete": ("Holiday schedule known", "节假日安排已导入"),
    "closure": ("Closure", "结案方式"), "agreement_terms": ("Agreement", "协议内容"),
    "agreement_signed_on": ("Agreement signed", "协议签订日期"), "amount_requested_fen": ("Requested", "请求金额"),
    "amount_agreed_fen": ("Agreed", "协议金额"), "amount_paid_fen": ("Paid", "已履行金额"), "mediator_id": ("Mediator", "调解员"),
    # the procedure before a decision, service, imports
    "step": ("Step", "程序步骤"), "content": ("Content", "内容"), "intended_fine_fen": ("Intended fine", "拟罚款金额"),
    "hearing_offered": ("Hearing offered", "告知听证权利"), "complex_case": ("Complex case", "重大复杂案件"),
    "waived": ("Waived", "放弃"), "persons": ("Persons", "参加人员"), "scheduled_on": ("Scheduled on", "安排日期"),
    "place": ("Place", "地点"), "document_no": ("Document no.", "文书编号"), "recipient": ("Recipient", "受送达人"),
    "signed": ("Signed", "签收"), "server": ("Served by", "送达人"), "file_name": ("File", "文件名"),
    "rows_imported": ("Rows imported", "导入行数"), "rows_refused": ("Rows refused", "拒收行数"),
    "imported_at": ("Imported at", "导入时间"), "batch_id": ("Import", "导入批次"), "row_no": ("Row", "行号"),
    "row_key": ("Row fingerprint", "行指纹"),
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
