"""Typed errors: what the user can act on (UserError) apart from storage faults.

`app/` raises `UserError(code, **params)`; the words are looked up in
`MESSAGES` in the user's language by whoever shows the error (the GUI, the
command line, the import report).  A bug is any other exception.
"""

from __future__ import annotations

from typing import Any

# code -> (English, Simplified Chinese).  Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # identity numbers
    "id_no.required": ("The ID number is required.", "请填写身份证号。"),
    "id_no.length": (
        "The ID number must have 18 characters (it has {length}).",
        "身份证号应为18位（现为{length}位）。",
    ),
    "id_no.format": (
        "The ID number may contain only digits and a final X.",
        "身份证号只能由数字组成，最后一位可以是X。",
    ),
    "id_no.checksum": (
        "The ID number's check character is wrong (expected {expected}).",
        "身份证号校验位错误（应为{expected}）。",
    ),
    "id_no.birth_date": ("The ID number holds an impossible birth date.", "身份证号中的出生日期无效。"),
    "id_no.birth_future": ("The ID number holds a birth date in the future.", "身份证号中的出生日期晚于今天。"),
    "id_no.region": ("The ID number's region code is unknown.", "身份证号的地区代码无效。"),
    "uscc.required": ("The unified social credit code is required.", "请填写统一社会信用代码。"),
    "uscc.length": (
        "The unified social credit code must have 18 characters (it has {length}).",
        "统一社会信用代码应为18位（现为{length}位）。",
    ),
    "uscc.format": (
        "The unified social credit code contains characters that are not allowed (I, O, S, V, Z or symbols).",
        "统一社会信用代码含有不允许的字符（I、O、S、V、Z或符号）。",
    ),
    "uscc.checksum": (
        "The unified social credit code's check character is wrong (expected {expected}).",
        "统一社会信用代码校验位错误（应为{expected}）。",
    ),
    "phone.format": ("The phone number is not valid.", "联系电话格式不正确。"),
    # parties
    "party.name_required": ("The name is required.", "请填写名称/姓名。"),
    "party.name_too_long": ("The name is too long (at most {limit} characters).", "名称过长（最多{limit}个字）。"),
    "party.duplicate_id_no": (
        "A person with this ID number is already registered: {name} (no. {number}).",
        "该身份证号已登记：{name}（编号{number}）。",
    ),
    "party.duplicate_uscc": (
        "An employer with this credit code is already registered: {name} (no. {number}).",
        "该统一社会信用代码已登记：{name}（编号{number}）。",
    ),
    "party.not_found": ("The party no longer exists.", "该当事人已不存在。"),
    "party.kind_unknown": ("Unknown party kind: {value}.", "未知的当事人类别：{value}。"),
    "party.id_type_unknown": ("Unknown kind of identity document: {value}.", "未知的证件类型：{value}。"),
    "party.org_type_unknown": ("Unknown employer type: {value}.", "未知的单位类型：{value}。"),
    "record.changed_elsewhere": (
        "Someone else changed this record since you opened it. Reopen it and enter your change again.",
        "该记录在您打开后已被他人修改，请重新打开后再修改。",
    ),
    # accounts and permissions
    "permission.denied": (
        "You do not have the permission “{label_en}”.",
        "您没有“{label_zh}”的权限。",
    ),
    "audit.anchor_invalid": (
        "Not an anchor: {value} (write it as SEQ:HASH, with at least 16 hex digits of the hash).",
        "校验锚点格式不对：{value}（应为“序号:哈希”，哈希至少16位十六进制数字）。",
    ),
    "auth.setup_closed": (
        "This database already has accounts; sign in with --user NAME.",
        "该数据库已有用户账号，请使用 --user 用户名 登录。",
    ),
    "auth.failed": ("The user name or password is wrong.", "用户名或密码错误。"),
    "auth.locked": (
        "Too many wrong passwords: the account is locked until {until}.",
        "密码错误次数过多，账号已锁定至{until}。",
    ),
    "auth.disabled": ("This account has been disabled.", "该账号已停用。"),
    "user.name_required": ("The user name is required.", "请填写用户名。"),
    "user.name_format": (
        "The user name may contain letters, digits, dots, dashes and underscores only.",
        "用户名只能包含字母、数字、点、短横线和下划线。",
    ),
    "user.duplicate": ("The user name {username} is taken.", "用户名{username}已被使用。"),
    "user.not_found": ("No such user: {username}.", "没有该用户：{username}。"),
    "user.password_too_short": (
        "The password must have at least {minimum} characters.",
        "密码至少需要{minimum}个字符。",
    ),
    "user.passwords_differ": ("The two passwords differ.", "两次输入的密码不一致。"),
    "user.role_unknown": ("Unknown role: {role}.", "未知角色：{role}。"),
    "user.roles_required": ("Choose at least one role.", "请至少选择一个角色。"),
    "user.last_admin": (
        "This is the last active administrator; keep at least one.",
        "这是最后一个有效的系统管理员，至少需要保留一个。",
    ),
    "reveal.reason_required": ("Please give the reason for viewing this.", "请填写查看原因。"),
    # complaints and wage-arrears recovery (issue 5)
    "complaint.not_found": ("The complaint no longer exists.", "该投诉已不存在。"),
    "complaint.transition_not_allowed": (
        "A complaint that is “{status_en}” cannot be moved to “{action_en}”.",
        "当前状态为“{status_zh}”，不能进行“{action_zh}”。",
    ),
    "complaint.date_required": ("The date is required.", "请填写日期。"),
    "complaint.date_future": ("The date {date} is in the future.", "日期{date}晚于今天。"),
    "complaint.date_before_received": (
        "The date {date} is before the complaint was received ({received}).",
        "日期{date}早于投诉登记日期（{received}）。",
    ),
    "complaint.party_not_found": ("The party chosen no longer exists in the register.", "所选当事人在当事人库中已不存在。"),
    "complaint.worker_not_person": ("{name} is an employer, not a person.", "{name}是单位，不是个人。"),
    "complaint.employer_not_org": ("{name} is a person, not an employer.", "{name}是个人，不是单位。"),
    "complaint.duplicate_open": (
        "{worker} already has an open complaint against {employer}: {number}.",
        "{worker}对{employer}已有未结投诉：{number}。",
    ),
    "complaint.kind_unknown": ("Unknown kind: {value} (投诉 or 举报).", "未知的类别：{value}（应为投诉或举报）。"),
    "complaint.channel_unknown": ("Unknown channel: {value}.", "未知的来源渠道：{value}。"),
    "complaint.received_required": ("The date and time received are required.", "请填写接收日期和时间。"),
    "complaint.anonymous_only_report": ("Only a report (举报) may be anonymous.", "只有举报可以匿名。"),
    "complaint.complainant_required": ("Who is complaining? Pick or enter the complainant.", "请选择或填写投诉人。"),
    "complaint.employer_required": ("Name at least one employer.", "请至少填写一个被投诉单位。"),
    "complaint.worker_required": ("Name at least one worker concerned.", "请至少填写一名涉及的劳动者。"),
    "complaint.matters_required": ("Describe the matters complained of.", "请填写投诉事项。"),
    "complaint.role_unknown": ("Unknown employer role: {value}.", "未知的单位角色：{value}。"),
    "complaint.employer_twice": ("{name} is listed twice.", "{name}重复列出。"),
    "complaint.worker_twice": ("{name} is listed twice.", "{name}重复列出。"),
    "complaint.amount_invalid": ("“{value}” is not an amount in fen.", "“{value}”不是有效金额。"),
    "complaint.amount_negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "complaint.amount_not_positive": ("The amount must be more than zero.", "金额必须大于零。"),
    "complaint.note_required": ("Please write what was done or why.", "请填写情况说明。"),
    "complaint.ground_required": ("Give the ground for not accepting.", "请填写不予受理的理由。"),
    "complaint.redirect_to_required": ("Say where the complainant is sent.", "请填写告知或转送的去向。"),
    "complaint.two_officers": (
        "Assign at least {minimum} officers with enforcement certificates (条例 art 16).",
        "至少需要指派{minimum}名持有执法证的执法人员（《劳动保障监察条例》第十六条）。",
    ),
    "complaint.not_in_investigation": (
        "This needs an open investigation; the complaint is “{status_en}”.",
        "案件尚未进入调查阶段或已办结（当前状态：{status_zh}）。",
    ),
    "complaint.action_unknown": ("Unknown investigative action: {value}.", "未知的调查措施：{value}。"),
    "complaint.approver_required": ("Who approved the extension?", "请填写批准延期的负责人。"),
    "complaint.disposal_unknown": ("Unknown disposal method: {value}.", "未知的处置方式：{value}。"),
    "complaint.rectify_by_after_order": (
        "The rectification deadline must come after the order date.",
        "改正期限应晚于指令书下达日期。",
    ),
    "complaint.reason_required": ("Give the reason.", "请填写理由。"),
    "complaint.decision_kind_unknown": ("Unknown decision kind: {value}.", "未知的决定类型：{value}。"),
    "complaint.opinion_unknown": ("Unknown review opinion: {value}.", "未知的审核意见：{value}。"),
    "complaint.officer_not_found": ("The officer is not on the roster.", "执法人员名册中没有该人员。"),
    "complaint.reviewer_unqualified": (
        "{name} has no legal qualification (法律职业资格) on the roster and cannot review.",
        "{name}在执法人员名册中没有法律职业资格，不能进行法制审核。",
    ),
    "complaint.legal_review_required": (
        "The decision cannot be issued before a legal review agreeing to it is recorded.",
        "重大执法决定须经法制审核同意后才能作出。",
    ),
    "complaint.decision_facts_required": (
        "State the facts found (违法事实) on which the decision rests.",
        "请填写决定认定的违法事实。",
    ),
    "complaint.decision_basis_required": (
        "State the legal basis of the decision (处理/处罚依据).",
        "请填写决定的法律依据（处理或处罚依据）。",
    ),
    "complaint.decision_order_required": (
        "State what the employer is ordered to do (责令事项).",
        "请填写行政处理决定责令用人单位履行的事项。",
    ),
    "complaint.fine_required": (
        "A penalty decision states the fine (罚款金额) in yuan; write 0 if no fine is imposed.",
        "行政处罚决定须填写罚款金额（不罚款的填0）。",
    ),
    "complaint.fine_negative": ("The fine cannot be negative.", "罚款金额不能为负数。"),
    "complaint.penalty_empty": (
        "With no fine, state the penalty that is imposed.",
        "罚款金额为0时，须写明给予的其他行政处罚。",
    ),
    "complaint.fine_only_for_penalty": (
        "Only a penalty decision (行政处罚决定) imposes a fine.",
        "只有行政处罚决定才能处以罚款。",
    ),
    "complaint.ordered_negative": (
        "The amount ordered to be paid cannot be negative.",
        "责令支付金额不能为负数。",
    ),
    "complaint.ordered_only_for_admin_decision": (
        "An amount ordered to be paid belongs in a handling decision (行政处理决定).",
        "责令支付金额只能记载在行政处理决定中。",
    ),
    "complaint.nothing_to_publish": ("No decision has been issued yet.", "尚未作出需要公示的决定。"),
    "complaint.no_payments_in_state": (
        "Plans and payments are recorded once the case is open; the complaint is “{status_en}”.",
        "立案后才能登记支付计划和支付情况（当前状态：{status_zh}）。",
    ),
    "complaint.worker_not_in_case": ("That worker is not part of this case.", "该劳动者不在本案中。"),
    "complaint.plan_exceeds_owed": (
        "The plan for {name} ({planned} yuan) exceeds what is owed ({owed} yuan).",
        "{name}的支付计划合计{planned}元，超过欠付金额{owed}元。",
    ),
    "complaint.payment_exceeds_owed": (
        "A payment of {amount} yuan to {name} is more than is still owed ({remaining} yuan).",
        "支付给{name}的{amount}元超过尚欠金额（{remaining}元）。",
    ),
    "complaint.closure_unknown": ("Unknown closure kind: {value}.", "未知的结案方式：{value}。"),
    "complaint.import_closure_unknown": (
        "A ledger can only close a case as all wages paid, no violation found, or other (not: {value}); "
        "decisions, transfers and withdrawals are recorded in the case.",
        "台账导入只能按“欠薪已全部支付”“查无违法事实”“其他”结案（不能是：{value}）；"
        "作出决定、移送、撤销立案的，请在案件中办理。",
    ),
    "complaint.import_closed_too_early": (
        "The closing date {date} is before the case's last step ({latest}).",
        "结案日期{date}早于受理或支付日期（{latest}）。",
    ),
    "complaint.import_handle_not_permitted": (
        "Your role may register complaints but not accept or handle them: leave the acceptance and payment "
        "columns empty.",
        "您的角色只能登记投诉，不能受理和办理：请不要填写受理日期、已支付金额和支付日期。",
    ),
    "complaint.import_close_not_permitted": (
        "Your role may not close cases: leave the closing date and closure kind empty.",
        "您的角色没有结案权限：请不要填写结案日期和结案方式。",
    ),
    "complaint.not_paid": (
        "The wages are not all paid ({paid} of {owed} yuan) and the plan is not fulfilled: close for another reason.",
        "欠薪尚未全部支付（已付{paid}元，共{owed}元），支付计划也未履行完毕，不能按“全部支付”结案。",
    ),
    "complaint.closure_does_not_match": (
        "“{kind_en}” does not fit a case that is “{status_en}”.",
        "当前状态为“{status_zh}”，不能按“{kind_zh}”结案。",
    ),
    "complaint.evidence_missing": (
        "The evidence file {name} is missing from the data folder.",
        "证据文件{name}在数据目录中已丢失。",
    ),
    "complaint.evidence_changed": (
        "The evidence file {name} has been altered (its SHA-256 no longer matches).",
        "证据文件{name}已被改动（SHA-256校验值不符）。",
    ),
    # holiday schedules
    "holiday.outside_year": (
        "{day} is not in the schedule of {year} (its December notice may begin in the December before).",
        "{day}不属于{year}年的节假日安排（可从上一年12月开始）。",
    ),
    "holiday.both_kinds": ("{day} cannot be both a holiday and a working day.", "{day}不能既是节假日又是调休上班日。"),
    "holiday.swap_not_weekend": (
        "{day} is not a Saturday or Sunday, so it cannot be a swapped working day.",
        "{day}不是星期六或星期日，不能作为调休上班日。",
    ),
    "holiday.bad_date": ("“{value}” is not a date (write 2027-01-01).", "“{value}”不是日期（请写成2027-01-01）。"),
    # imports
    "import.not_a_workbook": ("The file is not an Excel workbook (.xlsx): {detail}", "该文件不是Excel工作簿（.xlsx）：{detail}"),
    "import.wrong_template": (
        "The sheet does not follow the program's template: missing column {column}.",
        "表格不符合本程序的模板：缺少“{column}”列。",
    ),
    "import.cancelled": ("The import was cancelled; nothing was saved.", "导入已取消，未保存任何数据。"),
    "import.value_required": ("{column} is required.", "“{column}”不能为空。"),
    "import.bad_value": ("{column}: “{value}” is not valid.", "“{column}”的值“{value}”无效。"),
    "import.duplicate_in_file": ("Same as row {row} in this file.", "与本文件第{row}行重复。"),
    "import.number_as_numeric": (
        "{column} was stored by Excel as a number and has lost its last digits; format the column as text and type it again.",
        "“{column}”被Excel存成了数字，后几位已丢失；请将该列设为文本格式后重新填写。",
    ),
    "export.cancelled": ("The export was cancelled.", "导出已取消。"),
    "export.unknown_format": (
        "Cannot tell the export format from {path}: name it .xlsx or .pdf, or give --format.",
        "无法从文件名{path}判断导出格式：请使用 .xlsx 或 .pdf 后缀，或指定 --format。",
    ),
    "file.not_found": ("File not found: {path}", "找不到文件：{path}"),
    "file.cannot_write": ("Cannot write the file {path}: {detail}", "无法写入文件{path}：{detail}"),
    # enforcement staff (执法人员)
    "staff.name_required": ("The name is required.", "请填写姓名。"),
    "staff.text_too_long": ("Too long (at most {limit} characters).", "内容过长（最多{limit}个字）。"),
    "staff.staffing_type_unknown": ("Unknown staffing type: {value}.", "未知的编制类型：{value}。"),
    "staff.bad_sex": ("Sex must be male or female ({value}).", "性别只能是男或女（{value}）。"),
    "staff.bad_date": ("“{value}” is not a date; write it as YYYY-MM-DD.", "“{value}”不是有效日期，请按YYYY-MM-DD填写。"),
    "staff.issue_date_required": ("The issue date is required.", "请填写发证日期。"),
    "staff.expiry_date_required": ("The expiry date is required.", "请填写有效期截止日期。"),
    "staff.cert_type_unknown": ("Unknown certificate type: {value}.", "未知的证件类型：{value}。"),
    "staff.cert_status_unknown": ("Unknown certificate status: {value}.", "未知的证件状态：{value}。"),
    "staff.cert_number_required": ("The certificate number is required.", "请填写证件编号。"),
    "staff.expiry_before_issue": (
        "The expiry date ({expiry}) is before the issue date ({issue}).",
        "有效期截止日期（{expiry}）早于发证日期（{issue}）。",
    ),
    "staff.duplicate_certificate": (
        "Certificate number {number} is already registered to {holder}.",
        "证件编号{number}已登记在{holder}名下。",
    ),
    "staff.duplicate_id_no": (
        "An officer with this ID number is already on the roster: {name} (no. {number}).",
        "该身份证号已在执法人员名册中：{name}（编号{number}）。",
    ),
    "staff.review_year": ("The review year is not valid: {value}.", "年审年度无效：{value}。"),
    "staff.review_result": ("The review result must be passed or failed.", "年审结果只能是合格或不合格。"),
    "staff.duplicate_review": (
        "This certificate already has a review for {year}.",
        "该证件{year}年度的年审已登记。",
    ),
    "staff.officer_not_found": ("The officer is not on the roster.", "执法人员名册中没有该人员。"),
    "staff.certificate_not_found": ("The certificate no longer exists.", "该证件已不存在。"),
    "staff.not_on_roster": (
        "{name} is no longer on the staff roster (not in post) and cannot be assigned.",
        "{name}已不在编（不在执法人员名册中），不能指派执法。",
    ),
    "staff.no_certificate": (
        "{name} holds no enforcement certificate.",
        "{name}无执法证，不能指派执法。",
    ),
    "staff.no_certificate_for_category": (
        "{name} holds no enforcement certificate for {category}.",
        "{name}无“{category}”类别执法证，不能指派执法。",
    ),
    "staff.certificate_other_category": (
        "{name}'s certificate {number} is for {held}; it does not allow handling {category} cases.",
        "{name}的执法证（{number}）类别为{held}，不能承办{category}案件。",
    ),
    "staff.certificate_expired": (
        "{name}'s certificate {number} expired (valid until {expiry}).",
        "{name}的执法证（{number}）已过期（{expiry}到期）。",
    ),
    "staff.certificate_suspended": (
        "{name}'s certificate {number} is suspended.",
        "{name}的执法证（{number}）被暂扣。",
    ),
    "staff.certificate_cancelled": (
        "{name}'s certificate {number} has been cancelled.",
        "{name}的执法证（{number}）已注销。",
    ),
    "staff.certificate_withdrawn": (
        "{name}'s certificate {number} has been withdrawn.",
        "{name}的执法证（{number}）已被收回。",
    ),
    "staff.certificate_not_yet_valid": (
        "{name}'s certificate {number} is valid only from {issue}.",
        "{name}的执法证（{number}）自{issue}起生效，{day}尚未生效。",
    ),
    # training and exams (培训考试)
    "training.kind_unknown": ("Unknown kind of session: {value}.", "未知的学习培训类别：{value}。"),
    "training.topic_required": ("The topic is required.", "请填写学习培训主题。"),
    "training.title_required": ("The exam title is required.", "请填写考试名称。"),
    "training.text_too_long": ("Too long (at most {limit} characters).", "内容过长（最多{limit}个字）。"),
    "training.date_required": ("The date is required.", "请填写日期。"),
    "training.bad_date": ("“{value}” is not a date; write it as YYYY-MM-DD.", "“{value}”不是有效日期，请按YYYY-MM-DD填写。"),
    "training.hours_required": ("The hours are required.", "请填写学时。"),
    "training.hours_invalid": ("“{value}” is not a number of hours.", "“{value}”不是有效的学时数。"),
    "training.hours_range": (
        "The hours must be more than 0 and at most {maximum} ({value}).",
        "学时应大于0且不超过{maximum}（现为{value}）。",
    ),
    "training.hours_one_decimal": ("Hours take at most one decimal place ({value}).", "学时最多保留一位小数（现为{value}）。"),
    "training.target_range": ("The yearly target must be more than 0 ({value}).", "年度学时目标应大于0（现为{value}）。"),
    "training.attendee_unknown": (
        "Attendee no. {number} is not on the staff roster.",
        "参训人员（编号{number}）不在执法人员名册中。",
    ),
    "training.attendee_not_on_roster": (
        "{name} is not on the staff roster and cannot be recorded.",
        "{name}不在执法人员名册中，不能登记。",
    ),
    "training.session_not_found": ("The session no longer exists.", "该学习培训记录已不存在。"),
    "training.exam_not_found": ("The exam no longer exists.", "该考试记录已不存在。"),
    "training.score_invalid": ("“{value}” is not a score.", "“{value}”不是有效的分数。"),
    "training.score_one_decimal": ("Scores take at most one decimal place ({value}).", "分数最多保留一位小数（现为{value}）。"),
    "training.score_negative": ("A score cannot be negative ({value}).", "分数不能为负数（{value}）。"),
    "training.max_score_range": ("The full mark must be more than 0 ({value}).", "满分应大于0（现为{value}）。"),
    "training.pass_mark_required": ("The pass mark is required.", "请填写合格分数线。"),
    "training.pass_mark_above_max": (
        "The pass mark ({pass_mark}) is above the full mark ({max_score}).",
        "合格分数线（{pass_mark}）高于满分（{max_score}）。",
    ),
    "training.score_above_max": (
        "{name}: the score {score} is above the full mark {max_score}.",
        "{name}的成绩{score}超过满分{max_score}。",
    ),
    "training.score_without_attendance": (
        "{name} has a score but did not sit the exam.",
        "{name}未参考，不能登记成绩。",
    ),
    "training.result_twice": ("{name} is listed twice in the results.", "{name}在成绩表中重复出现。"),
    "training.pass_basis_unknown": ("Unknown basis for the pass rate: {value}.", "未知的合格率计算口径：{value}。"),
    # store
    "db.unreachable": ("Cannot open the database: {detail}", "无法打开数据库：{detail}"),
    "db.newer_than_program": (
        "The database was written by a newer version of the program ({revision}). Please update the program.",
        "数据库由更新版本的程序创建（{revision}），请先升级本程序。",
    ),
    "db.disk_full": ("The disk is full; nothing was saved.", "磁盘已满，未保存任何数据。"),
    "db.locked": ("The database is busy; please try again.", "数据库正忙，请稍后重试。"),
    # legal calendar and deadlines
    "calendar.bad_schedule": (
        "The holiday schedule for {year} is not valid: {detail}",
        "{year}年节假日安排无效：{detail}",
    ),
    "calendar.date_outside_year": (
        "The holiday schedule for {year} lists {date}, which is not in or next to that year.",
        "{year}年节假日安排中的日期{date}不在该年度（或相邻年度）内。",
    ),
    "calendar.day_conflict": (
        "{date} is listed both as a holiday and as a working day.",
        "{date}同时被列为节假日和调休上班日。",
    ),
    "deadline.unknown_rule": ("Unknown time-limit rule: {rule}.", "未知的期限规则：{rule}。"),
    "deadline.rule_required": (
        "Give the rule id (e.g. A9); `deadline --list` lists them.",
        "请填写期限规则编号（如A9），可用 deadline --list 查看。",
    ),
    "deadline.start_required": ("Give the start date (YYYY-MM-DD).", "请填写起算日期（YYYY-MM-DD）。"),
    "deadline.bad_rule": ("The time-limit rule {rule} is not valid: {detail}", "期限规则{rule}无效：{detail}"),
    "deadline.bad_date": (
        "“{value}” is not a date; write it as YYYY-MM-DD.",
        "“{value}”不是有效日期，请按YYYY-MM-DD填写。",
    ),
    "deadline.date_out_of_range": ("The date is out of the supported range.", "日期超出可计算的范围。"),
    "deadline.negative_days": (
        "{what_en} cannot be negative ({value}).",
        "{what_zh}不能为负数（{value}）。",
    ),
    "deadline.excluded_not_applicable": (
        "Days not counted apply only to periods that run forward, not to {rule}.",
        "不计入期间的天数只适用于向后计算的期限，不适用于{rule}。",
    ),
    "deadline.extension_not_allowed": (
        "The time limit {rule} cannot be extended.",
        "期限{rule}不可延长。",
    ),
    "deadline.extension_too_long": (
        "The time limit {rule} can be extended by at most {maximum} {unit_en}.",
        "期限{rule}最多可延长{maximum}{unit_zh}。",
    ),
    "deadline.suspension_order": (
        "A suspension must resume after it began (suspended {start}, resumed {resume}).",
        "恢复审理日期应晚于中止审理日期（中止{start}，恢复{resume}）。",
    ),
    "deadline.suspension_overlap": (
        "Two suspensions overlap ({first} and {second}).",
        "两段中止审理期间重叠（{first}与{second}）。",
    ),
    "deadline.restart_before_acceptance": (
        "A restart event ({date}) cannot come before the acceptance ({acceptance}).",
        "重新计算审理期限的事件日期（{date}）不能早于受理日期（{acceptance}）。",
    ),
    # construction projects and the six wage-payment systems
    "money.invalid": (
        "“{value}” is not an amount in yuan (digits, at most two decimals).",
        "“{value}”不是有效的金额（元，最多两位小数）。",
    ),
    "project.name_required": ("The project name is required.", "请填写项目名称。"),
    "project.name_too_long": ("The project name is too long (at most {limit} characters).", "项目名称过长（最多{limit}个字）。"),
    "project.not_found": ("The project no longer exists.", "该项目已不存在。"),
    "project.status_unknown": ("Unknown project status: {value}.", "未知的项目状态：{value}。"),
    "project.guarantee_form_unknown": ("Unknown wage guarantee form: {value}.", "未知的工资保证金形式：{value}。"),
    "project.role_unknown": ("Unknown subcontractor role: {value}.", "未知的分包类型：{value}。"),
    "project.completion_before_start": (
        "The completion date ({end}) is before the start date ({start}).",
        "竣工日期（{end}）早于开工日期（{start}）。",
    ),
    "project.amount_negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "project.account_format": (
        "The wage account number must have 8 to 32 digits.",
        "工资专用账户账号应为8至32位数字。",
    ),
    "project.party_not_found": (
        "The party chosen as {role_en} no longer exists in the register.",
        "选作{role_zh}的单位在当事人库中已不存在。",
    ),
    "project.party_not_employer": (
        "{name} is a person, not an employer: {role_en} must be an employer from the register.",
        "{name}是个人，不是用人单位：{role_zh}须从当事人库中选择单位。",
    ),
    "project.subcontractor_duplicate": ("The same subcontractor is listed twice.", "同一分包单位重复列出。"),
    "checklist.past_year": (
        "The checklist of {year} is closed: only the current or a future year's list can be changed.",
        "{year}年度的清单已不能修改：只能修改本年度或以后年度的清单。",
    ),
    "checklist.label_required": ("Every item needs a name.", "每一项都要填写名称。"),
    "checklist.label_too_long": ("An item name is too long (at most {limit} characters).", "项目名称过长（最多{limit}个字）。"),
    "checklist.duplicate_label": ("“{label}” is listed twice.", "“{label}”重复列出。"),
    "checklist.empty": ("The checklist needs at least one item.", "清单至少要有一项。"),
    "checklist.item_in_use": (
        "“{label}” is used by a recorded check and cannot be removed (its name may be changed).",
        "“{label}”已被检查记录使用，不能删除（可以修改名称）。",
    ),
    "check.date_required": ("The check date is required.", "请填写检查日期。"),
    "check.date_future": ("The check date cannot be in the future.", "检查日期不能晚于今天。"),
    "check.inspector_required": ("Who carried out the check?", "请填写检查人。"),
    "check.item_not_on_list": (
        "The item “{item}” is not on the {year} checklist.",
        "“{item}”不在{year}年度的检查清单上。",
    ),
    "check.status_missing": ("Choose 落实, 未落实 or 不适用 for “{label}”.", "请为“{label}”选择落实、未落实或不适用。"),
    "check.status_unknown": ("Unknown item status: {value}.", "未知的落实情况：{value}。"),
    "check.rectify_by_required": (
        "“{label}” is not in force: give the rectification deadline.",
        "“{label}”未落实，请填写整改期限。",
    ),
    "check.rectify_by_before_check": (
        "The rectification deadline of “{label}” is before the check date.",
        "“{label}”的整改期限早于检查日期。",
    ),
    "check.not_found": ("The check no longer exists.", "该检查记录已不存在。"),
    "rectify.not_needed": ("Only an item found not in force needs a rectification.", "只有未落实的项目需要登记整改。"),
    "rectify.date_required": ("The rectification date is required.", "请填写整改完成日期。"),
    "rectify.before_check": (
        "The rectification date is before the check ({checked_on}).",
        "整改完成日期早于检查日期（{checked_on}）。",
    ),
    "rectify.date_future": ("The rectification date cannot be in the future.", "整改完成日期不能晚于今天。"),
    # arbitration docket and township mediation
    "arbitration.not_found": ("The arbitration case no longer exists.", "该仲裁案件已不存在。"),
    "arbitration.transition_refused": (
        "“{action_en}” is not possible while the case is {status_en}.",
        "案件当前状态为“{status_zh}”，不能进行“{action_zh}”。",
    ),
    "arbitration.applicant_required": ("Choose at least one applicant from the parties register.", "请从当事人库中至少选择一名申请人。"),
    "arbitration.respondent_required": ("Choose at least one respondent from the parties register.", "请从当事人库中至少选择一名被申请人。"),
    "arbitration.party_not_found": ("A chosen party no longer exists in the register.", "所选当事人在当事人库中已不存在。"),
    "arbitration.party_twice": ("{name} is listed twice in this case.", "{name}在本案中重复列出。"),
    "arbitration.claim_required": ("Enter at least one claim.", "请至少填写一项仲裁请求。"),
    "arbitration.claim_category_unknown": ("Unknown claim category: {value}.", "未知的请求类别：{value}。"),
    "arbitration.claim_not_found": ("The claim item no longer exists in this case.", "该仲裁请求在本案中已不存在。"),
    "arbitration.amount_negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "arbitration.period_order": ("A claim's period ends ({end}) before it starts ({start}).", "请求期间的结束日（{end}）早于开始日（{start}）。"),
    "arbitration.date_required": ("The date is required.", "请填写日期。"),
    "arbitration.date_before_previous": (
        "The date {date} is before the case's previous step ({previous}); record steps in order.",
        "日期{date}早于本案上一步骤的日期（{previous}），请按顺序登记。",
    ),
    "arbitration.ground_required": ("Give the ground or reason.", "请填写理由或依据。"),
    "arbitration.approver_required": ("Name who approved it (主任 or the authorised head of the institute).", "请填写审批人（仲裁委主任或经授权的仲裁院负责人）。"),
    "arbitration.extension_once": ("The award period can be extended only once.", "审理期限只能延长一次。"),
    "arbitration.tribunal_incomplete": (
        "An ordinary-procedure tribunal has a chief arbitrator and two arbitrators.",
        "一般程序的仲裁庭由首席仲裁员和两名仲裁员组成。",
    ),
    "arbitration.tribunal_member_twice": ("The same person is named twice in the tribunal.", "同一人在仲裁庭中重复担任。"),
    "arbitration.user_not_found": ("The chosen arbitrator or clerk is not an account of this program.", "所选仲裁员或书记员不是本程序的用户。"),
    "arbitration.clerk_required": ("Choose the clerk (书记员).", "请选择书记员。"),
    "arbitration.award_items": ("Give the awarded amount and result of every claim item.", "请填写每一项仲裁请求的裁决金额和结果。"),
    "arbitration.hearing_not_found": ("The hearing no longer exists in this case.", "该庭审安排在本案中已不存在。"),
    "arbitration.no_tribunal": ("Form the tribunal before scheduling a hearing.", "请先组成仲裁庭再安排开庭。"),
    "arbitration.party_role_unknown": ("Unknown party role: {value}.", "未知的当事人地位：{value}。"),
    "arbitration.procedure_same": ("The case already follows that procedure.", "本案已适用该程序。"),
    "arbitration.document_unknown": ("Unknown document for service: {value}.", "未知的送达文书：{value}。"),
    "arbitration.party_not_in_case": ("That party is not a party to this case.", "该当事人不是本案当事人。"),
    "hearing.time_order": ("The hearing must end after it starts.", "庭审结束时间应晚于开始时间。"),
    "hearing.room_required": ("Give the hearing room.", "请填写仲裁庭（开庭地点）。"),
    "hearing.room_taken": (
        "Room {room} is already booked on {date} {start}–{end} (case {case_no}).",
        "{date} {start}—{end} {room}已被占用（案号{case_no}）。",
    ),
    "hearing.member_taken": (
        "{name} already sits at a hearing on {date} {start}–{end} (case {case_no}).",
        "{name}在{date} {start}—{end}已有庭审安排（案号{case_no}）。",
    ),
    "mediation.not_found": ("The mediation case no longer exists.", "该调解案件已不存在。"),
    "mediation.transition_refused": (
        "“{action_en}” is not possible while the mediation is {status_en}.",
        "调解案件当前状态为“{status_zh}”，不能进行“{action_zh}”。",
    ),
    "mediation.oral_record_required": (
        "An oral application is recorded on the spot: write down the record.",
        "口头申请应当场记录，请填写申请笔录。",
    ),
    "mediation.terms_required": ("Write the terms of the agreement.", "请填写调解协议内容。"),
    "mediation.not_failed_yet": (
        "Only a failed mediation, or one whose 15 days ran out on {due}, can go to arbitration.",
        "只有调解不成或15日期限（{due}）届满未达成协议的案件才能转仲裁。",
    ),
    "document.not_yet": (
        "The case has not reached the step this document records ({title}).",
        "本案尚未进行到该文书记载的步骤（{title}）。",
    ),
    "arbitration.import_claims": (
        "Claims: write them as 类别:金额 separated by ; (e.g. 劳动报酬:12000;经济补偿:30000).",
        "仲裁请求应写成“类别:金额”，多项用分号隔开（如 劳动报酬:12000;经济补偿:30000）。",
    ),
    "minimum_wage.empty": ("The minimum-wage table needs at least one row.", "最低工资标准表至少要有一行。"),
    "minimum_wage.amount": (
        "The minimum wage effective {date} must be more than zero.",
        "{date}起执行的最低工资标准应大于零。",
    ),
    "minimum_wage.duplicate": ("Two rows take effect on {date}.", "有两行都自{date}起执行。"),
    "mediation.performed": (
        "The agreement has been performed in full; there is nothing to take to arbitration.",
        "调解协议已全部履行，无需转仲裁。",
    ),
    # statistics (issue 7)
    "report.year_invalid": ("The year {value} is not valid.", "年份{value}无效。"),
    "report.range_invalid": (
        "The period must not end ({last}) before it starts ({first}).",
        "统计期间的结束日期（{last}）不能早于开始日期（{first}）。",
    ),
    "report.figure_unknown": ("There is no figure called {value}.", "没有名为{value}的统计项。"),
    # the demo district (issue 7)
    "demo.database_not_empty": (
        "The demo fills only an empty database, and this one already holds data. "
        "Give a new database with --db (e.g. --db sqlite:///demo.db).",
        "演示数据只能写入空数据库，该数据库已有数据。请用 --db 指定一个新的数据库（如 --db sqlite:///demo.db）。",
    ),
    "demo.year_not_past": (
        "The demo makes a past year; {value} is not over yet.",
        "演示数据只能生成已经过去的年度，{value}年尚未结束。",
    ),
    "demo.scale_invalid": ("The scale must be a whole number of at least 1 (not {value}).",
                           "倍数应为不小于1的整数（不能是{value}）。"),
    # sites and exchange bundles (issue 15)
    "site.not_set_up": ("This installation is not a site yet (site init).", "本机尚未设置为站点（请先设置站点）。"),
    "site.already_set_up": ("This installation is already a site.", "本机已设置为站点。"),
    "site.code_invalid": ("The site code {value} is not valid (letters, digits, - and _, at most 32).",
                          "站点代码{value}无效（只能用字母、数字、-和_，不超过32位）。"),
    "site.name_required": ("The site needs a name.", "请填写站点名称。"),
    "site.kind_invalid": ("The site kind {value} is not one of district, arbitration, township.",
                          "站点类型{value}无效（应为 district 区局、arbitration 仲裁院或 township 乡镇）。"),
    "site.key_file_invalid": ("{path} is not a site key file.", "{path}不是站点公钥文件。"),
    "site.trust_self": ("That is this site's own key.", "这是本站点自己的公钥。"),
    "exchange.unknown_peer": ("No trusted site has the code {site}.", "没有代码为{site}的受信任站点。"),
    "exchange.not_a_bundle": ("The file is not an exchange bundle.", "该文件不是交换包。"),
    "exchange.damaged": ("The bundle is damaged or has been altered; nothing was imported.",
                         "交换包已损坏或被改动，未导入任何内容。"),
    "exchange.newer_format": ("The bundle was written by a newer program (format {format}); update this one first.",
                              "交换包由更新版本的程序生成（格式{format}），请先升级本程序。"),
    "exchange.newer_program": ("The bundle holds records this program cannot read ({table}, program {program}); "
                               "update this one first.",
                               "交换包含有本程序无法读取的记录（{table}，程序版本{program}），请先升级本程序。"),
    "exchange.not_for_us": ("The bundle is for site {to}, not this one ({me}).",
                            "该交换包是发给站点{to}的，不是本站点（{me}）。"),
    "exchange.untrusted": ("The bundle comes from site {site}, which is not trusted here; register its key first.",
                           "交换包来自未受信任的站点{site}，请先登记其公钥。"),
    "exchange.missing_sequence": ("Bundle {missing} from {site} has not been imported yet; import it before {sequence}.",
                                  "尚未导入来自{site}的第{missing}号交换包，请先导入它，再导入第{sequence}号。"),
    "exchange.missing_reference": ("The bundle refers to a record this site lacks ({table} {uuid}); nothing was imported.",
                                   "交换包引用了本站点没有的记录（{table} {uuid}），未导入任何内容。"),
    "exchange.clash": ("A record in the bundle clashes with one here (the same number); nothing was imported. {detail}",
                       "交换包中的记录与本站点的记录冲突（编号相同），未导入任何内容。{detail}"),
    "exchange.file_unreadable": ("{path} cannot be read.", "无法读取{path}。"),
    "exchange.conflict_not_found": ("There is no open conflict {id}.", "没有编号为{id}的待处理冲突。"),
    "exchange.field_not_in_conflict": ("The field {value} is not one the two versions differ in.",
                                       "字段{value}不是两个版本有差异的字段。"),
    "exchange.choice_invalid": ("Choose mine or theirs for {field}, not {value}.",
                                "字段{field}只能选择 mine（本站）或 theirs（对方），不能是{value}。"),
}


def message_for(code: str, params: dict[str, Any], language: str = "zh_CN") -> str:
    en, zh = MESSAGES.get(code, (code, code))
    template = en if language == "en" else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class UserError(Exception):
    """Something the user can correct.  `field` names the input it concerns."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def message(self, language: str = "zh_CN") -> str:
        return message_for(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message("en")


class StorageError(Exception):
    """The store failed in a way the user can do something about (disk, lock, I/O)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str = "zh_CN") -> str:
        return message_for(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message("en")


class Cancelled(Exception):
    """Raised inside a long service when its cancel token is set."""
