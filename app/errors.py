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
        "A person with this ID number is already registered: {name}.",
        "该身份证号已登记：{name}。",
    ),
    "party.duplicate_uscc": (
        "An employer with this credit code is already registered: {name}.",
        "该统一社会信用代码已登记：{name}。",
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
        "An officer with this ID number is already on the roster: {name}.",
        "该身份证号已在执法人员名册中：{name}。",
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
        "{name}'s certificate {number} is valid only from {issue}, so not yet on {day}.",
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
    # everyday use (issue 17): the hearing rooms register
    "hearing.room_unknown": (
        "{room} is not in the hearing rooms register ({rooms}); an administrator adds rooms there.",
        "“{room}”不在仲裁庭登记表中（{rooms}），新增仲裁庭请联系系统管理员。",
    ),
    "hearing_rooms.empty": ("Keep at least one hearing room.", "请至少保留一个仲裁庭。"),
    "hearing_rooms.too_long": ("A room's name is too long (at most {limit} characters): {room}.",
                               "仲裁庭名称过长（最多{limit}个字）：{room}。"),
    "hearing_rooms.duplicate": ("{room} is listed twice.", "“{room}”重复登记。"),
    # backup and restore (issue 11, part B)
    "backup.not_found": ("There is no file {path}.", "文件不存在：{path}"),
    "backup.not_database": ("{path} is not a database file.", "{path} 不是数据库文件。"),
    "backup.unreadable": ("{path} cannot be read.", "无法读取 {path}。"),
    "backup.corrupt": (
        "{path} is damaged (SQLite's integrity check failed).",
        "{path} 已损坏（SQLite 完整性检查未通过）。",
    ),
    "backup.foreign": (
        "{path} is not a Renshe Desk database (it belongs to another program).",
        "{path} 不是人社办案台的数据库（属于其他程序）。",
    ),
    "backup.newer": (
        "{path} was made by a newer version of this program; install that version to use it.",
        "{path} 来自更新版本的人社办案台，本程序无法使用；请先安装新版本。",
    ),
    "backup.audit_broken": (
        "{path}: its audit log does not verify (records were altered outside the program).",
        "{path} 的操作日志校验未通过（有记录在程序之外被改动）。",
    ),
    "backup.exists": ("{path} already exists; choose another name.", "{path} 已存在，请另选文件名。"),
    "backup.folder_missing": ("The folder {path} does not exist.", "文件夹不存在：{path}"),
    "backup.source_missing": (
        "There is no database at {path}; nothing was backed up.",
        "数据库不存在：{path}，未做备份。",
    ),
    "backup.is_live": (
        "{path} is the database itself, not a backup.",
        "{path} 就是当前数据库本身，不是备份文件。",
    ),
    "backup.check_failed": (
        "The backup {path} was written but did not pass its check: {reason}",
        "备份 {path} 已写出，但未通过校验：{reason}",
    ),
    "backup.pre_upgrade_failed": (
        "The database was not upgraded: the copy taken before the upgrade did not pass its check ({path}).",
        "数据库未升级：升级前的备份未通过校验（{path}）。",
    ),
    "backup.confirm": (
        "Restoring replaces the database; add --yes to do it.",
        "恢复将替换当前数据库；确认无误请加 --yes 再运行。",
    ),
    "backup.pg_tool_missing": (
        "{tool} was not found: PostgreSQL backups need the PostgreSQL client tools (pg_dump, pg_restore) on PATH.",
        "未找到 {tool}：PostgreSQL 的备份与恢复需要安装 PostgreSQL 客户端工具（pg_dump、pg_restore）并加入 PATH。",
    ),
    "backup.pg_failed": ("{tool} failed: {detail}", "{tool} 运行失败：{detail}"),
    "db.corrupt_after_restore": (
        "The restored database did not pass SQLite's check; the replaced database is kept beside it.",
        "恢复后的数据库未通过 SQLite 检查；被替换的数据库已保留在其旁边。",
    ),
    # the database is never corrupted, created by accident or answered with a traceback (issue 11)
    "db.missing": (
        "There is no database at {path}. Check the path given with --db; `db upgrade` creates a new database.",
        "数据库不存在：{path}。请检查 --db 给出的路径；如需新建数据库，请运行 db upgrade。",
    ),
    "db.corrupt": (
        "The file {path} is damaged or is not a database of this program. Restore it from a backup.",
        "文件 {path} 已损坏或不是本程序的数据库，请从备份恢复。",
    ),
    "db.not_a_file": (
        "{path} is a folder, not a database file. Give the path of the database file itself.",
        "{path} 是文件夹，不是数据库文件，请给出数据库文件本身的路径。",
    ),
    "db.folder_is_a_file": (
        "{path} is a file, so no database can be made inside it. Give another folder.",
        "{path} 是文件而不是文件夹，无法在其中建立数据库，请换一个文件夹。",
    ),
    "db.permission": (
        "No permission to read and write {path}. Ask the administrator for write access, or use another folder.",
        "没有读写 {path} 的权限。请联系管理员开通写权限，或改用其他文件夹。",
    ),
    "db.network_share": (
        "The database {path} is on a network share. SQLite's locks and its write-ahead log do not work over "
        "a network, so the file would be damaged. Keep the database on this computer's own disk; for several "
        "workstations, use the server mode (PostgreSQL).",
        "数据库 {path} 位于网络共享位置。SQLite 的文件锁和预写日志无法跨网络工作，数据库会因此损坏。"
        "请把数据库放在本机硬盘上；多台电脑共用时，请使用服务器模式（PostgreSQL）。",
    ),
    "db.io": (
        "The disk reported a read or write error on the database. Check the disk and restore from a backup if needed.",
        "读写数据库时磁盘出错。请检查磁盘，必要时从备份恢复。",
    ),
    "file.disk_full": ("The disk is full; {path} was not written.", "磁盘已满，未能写入 {path}。"),
    "file.permission": ("No permission to use {path}.", "没有使用 {path} 的权限。"),
    "file.missing": ("There is no file or folder {path}.", "文件或文件夹不存在：{path}。"),
    "file.is_folder": ("{path} is a folder; give a file name.", "{path} 是文件夹，请给出文件名。"),
    "file.is_the_database": (
        "{path} is the program's own database (or part of it); it cannot be attached or copied here.",
        "{path} 是本程序的数据库文件（或其组成部分），不能作为附件或在此复制。",
    ),
    "file.failed": ("Cannot use {path}: {reason}.", "无法使用 {path}：{reason}。"),
    "app.unexpected": (
        "An unexpected error occurred (a fault in the program); nothing unfinished was saved. "
        "The details are in the log file {log}.",
        "程序发生意外错误，未完成的操作没有保存。详细信息见日志文件 {log}。",
    ),
    # the procedure before a decision, service, 超裁 (issue 16)
    "procedure.kind_unknown": ("There is no procedure step “{value}”.", "没有“{value}”这一程序步骤。"),
    "procedure.notice_required": (
        "The {kind_en} cannot be issued: no prior notice (事先告知书) has been recorded "
        "(行政处罚法 art 44; 若干规定 art 34).",
        "不能作出{kind_zh}：尚未制发事先告知书（《行政处罚法》第四十四条；《关于实施〈劳动保障监察条例〉若干规定》第三十四条）。",
    ),
    "procedure.notice_not_served": (
        "The {kind_en} cannot be issued: the prior notice {number} has not been served; record its service first.",
        "不能作出{kind_zh}：事先告知书{number}尚未送达，请先登记送达回证。",
    ),
    "procedure.defence_period_running": (
        "The {kind_en} cannot be issued before {due}: the party may state a defence until then "
        "(notice served on {served}), unless they state or waive it in writing first.",
        "陈述申辩期限至{due}（事先告知书于{served}送达），期满或者当事人已陈述申辩、书面放弃之前不能作出{kind_zh}。",
    ),
    "procedure.hearing_period_running": (
        "The penalty cannot be issued before {due}: the party may request a hearing until then "
        "(行政处罚法 art 64(1)), unless they waive it in writing.",
        "当事人可在{due}前要求听证（《行政处罚法》第六十四条第一项），期满或者书面放弃听证之前不能作出行政处罚决定。",
    ),
    "procedure.hearing_not_held": (
        "The penalty cannot be issued: the party requested a hearing on {requested} and no hearing has been "
        "held and recorded (行政处罚法 arts 63–65).",
        "不能作出行政处罚决定：当事人已于{requested}要求听证，尚未举行听证并制作听证笔录（《行政处罚法》第六十三条至第六十五条）。",
    ),
    "procedure.discussion_required": (
        "The penalty cannot be issued: a complex or serious case needs a collective discussion by the "
        "bureau's responsible persons first (行政处罚法 art 57 ¶2).",
        "不能作出行政处罚决定：情节复杂或者重大违法行为应当经行政机关负责人集体讨论决定（《行政处罚法》第五十七条第二款），尚无集体讨论记录。",
    ),
    "procedure.no_notice": (
        "Record the prior notice of the {kind_en} first.", "请先登记{kind_zh}的事先告知书。",
    ),
    "procedure.no_hearing_offered": (
        "The prior notice did not offer a hearing.", "事先告知书未告知听证权利，无需听证程序。",
    ),
    "procedure.hearing_request_late": (
        "A hearing requested on {date} is late: the period ended on {due} (行政处罚法 art 64(1)).",
        "{date}提出的听证要求已超过期限（至{due}，《行政处罚法》第六十四条第一项）。",
    ),
    "procedure.no_hearing_request": (
        "No hearing has been requested.", "当事人未要求听证。",
    ),
    "procedure.hearing_notice_late": (
        "A hearing on {hearing} must be notified by {latest} at the latest (seven working days before, "
        "行政处罚法 art 64(2)); this notice is dated {date}.",
        "举行听证的七个工作日前应当通知当事人（《行政处罚法》第六十四条第二项）：{hearing}的听证最迟应于{latest}通知，本通知为{date}。",
    ),
    "procedure.no_hearing_notice": (
        "Record the hearing notice (听证通知书) first.", "请先登记听证通知书。",
    ),
    "procedure.hearing_before_scheduled": (
        "The hearing was notified for {hearing}; it cannot be recorded as held on {date}.",
        "听证通知的日期为{hearing}，不能登记为{date}举行。",
    ),
    "procedure.host_is_investigator": (
        "{name} investigated the case and cannot host the hearing (行政处罚法 art 64(4)).",
        "{name}是本案调查人员，不能主持听证（《行政处罚法》第六十四条第四项）。",
    ),
    "procedure.host_required": ("Name who hosted the hearing.", "请填写听证主持人。"),
    "procedure.persons_required": ("Name who took part.", "请填写参加讨论的负责人。"),
    "procedure.text_required": ("Write what was said or recorded.", "请填写内容。"),
    "procedure.before_notice": (
        "The date {date} is before the prior notice was served ({served}).",
        "日期{date}早于事先告知书送达日期（{served}）。",
    ),
    "procedure.already_decided": (
        "The decision has been issued; the steps before it cannot be added any more.",
        "已作出决定，不能再补录决定前的程序步骤。",
    ),
    "service.document_unknown": ("There is no document “{value}” to serve.", "没有可送达的“{value}”。"),
    "service.document_not_issued": ("The {document} has not been issued yet.", "{document}尚未制发，不能登记送达。"),
    "service.method_unknown": ("There is no service method “{value}”.", "没有“{value}”这一送达方式。"),
    "service.recipient_required": ("Name who received the document.", "请填写受送达人（签收人）。"),
    "service.reason_required": (
        "Without the recipient's signature, write why (refused, left at the address with witnesses …).",
        "受送达人未签收的，请注明原因（拒收、留置送达见证人等）。",
    ),
    "service.before_issue": (
        "The {document} was issued on {issued}; it cannot have been served on {date}.",
        "{document}于{issued}制发，送达日期不能为{date}。",
    ),
    "arbitration.award_above_claim": (
        "Claim {item} asked for {claimed} yuan; {awarded} yuan cannot be awarded on it (超裁). "
        "If the applicant changed the claim, record the change first.",
        "仲裁请求“{item}”的请求金额为{claimed}元，不能裁决{awarded}元（超出仲裁请求）。申请人变更请求的，请先登记变更仲裁请求。",
    ),
    "settings.organisation_blank": (
        "Every name must be filled in: the documents print them.", "各项名称都须填写，文书中要使用。",
    ),
    "settings.threshold_invalid": (
        "Enter both hearing thresholds as amounts of 0 or more.", "请填写两个听证标准金额（不小于0）。",
    ),
    "arbitration.refusal_ground_unknown": (
        "“{value}” is not a ground for refusing an application (办案规则 art 31 allows only: {grounds}). "
        "Limitation and the existence of an employment relationship are decided after acceptance.",
        "“{value}”不是不予受理的理由（《劳动人事争议仲裁办案规则》第三十一条只限于：{grounds}）。"
        "仲裁时效、是否存在劳动关系等应在受理后审理认定。",
    ),
    "arbitration.claim_change_not_found": ("There is no such claim on the case.", "本案没有该项仲裁请求。"),
    "arbitration.claim_change_same": (
        "The claim already asks for {claimed} yuan.", "该项仲裁请求的金额已是{claimed}元。",
    ),
    # Records and exports (issue 13)
    "audit.anchor_file": (
        "{path} carries no audit anchor (only files exported by this program do), or cannot be read.",
        "{path} 中没有校验锚点（只有本程序导出的文件带有），或该文件无法读取。",
    ),
    # hostile and messy import files (issue 13)
    "import.cannot_read": ("Cannot read the file {file}: {detail}", "无法读取文件{file}：{detail}"),
    "import.xls_or_encrypted": (
        "{file} is an old .xls workbook or a password-protected one: open it in Excel, remove the password, "
        "save it as .xlsx (Excel Workbook) and import that.",
        "{file}是旧版.xls工作簿或加了密码的工作簿：请在Excel中打开，去掉密码，另存为.xlsx（Excel工作簿）后再导入。",
    ),
    "import.text_not_workbook": (
        "{file} is a text file (CSV or similar), not an Excel workbook: open it in Excel and save it as .xlsx "
        "(Excel Workbook), then import that.",
        "{file}是文本文件（如CSV），不是Excel工作簿：请在Excel中打开，另存为.xlsx（Excel工作簿）后再导入。",
    ),
    "import.file_too_large": (
        "{file} is larger than {limit_mb} MB; split it into smaller workbooks.",
        "文件{file}超过{limit_mb}MB，请拆分成几个较小的工作簿后分别导入。",
    ),
    "import.too_many_parts": (
        "{file} holds more than {limit} parts; it may not be an ordinary Excel workbook.",
        "文件{file}内部的组成部分超过{limit}个，可能不是正常的Excel文件。",
    ),
    "import.part_too_large": (
        "{file} unpacks too large ({part_en} over {limit_mb} MB); it may not be an ordinary Excel workbook.",
        "文件{file}解压后过大（{part_zh}超过{limit_mb}MB），可能不是正常的Excel文件。",
    ),
    "import.part_too_compressed": (
        "{file} is packed more than {limit} times ({part_en}); it may not be an ordinary Excel workbook.",
        "文件{file}的压缩比超过{limit}倍（{part_zh}），可能不是正常的Excel文件。",
    ),
    "import.too_many_rows": (
        "{file} has more than {limit} rows; split it into smaller workbooks.",
        "文件{file}超过{limit}行，请拆分成几个较小的工作簿后分别导入。",
    ),
    "import.too_many_columns": (
        "{file} uses more than {limit} columns; it may not be an ordinary template. Delete the columns beyond the template's.",
        "文件{file}使用了超过{limit}列，可能不是正常的模板文件；请删除模板以外的列。",
    ),
    "import.bidi_control": (
        "{column} holds characters that make text show in a different order than it is stored; type it again.",
        "“{column}”含有改变文字显示方向的控制字符（显示的内容与实际内容不同），请重新输入。",
    ),
    "money.negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "money.too_many_decimals": (
        "“{value}” has more than two decimals (yuan to the fen).",
        "金额“{value}”超过两位小数（元，精确到分）。",
    ),
    "money.too_large": ("An amount cannot exceed {limit} yuan.", "金额不能超过{limit}元。"),
    "date.too_early": ("{column}: {date} is before {earliest}; check the date.",
                       "“{column}”的日期{date}早于{earliest}，请检查。"),
    "date.in_future": ("{column}: {date} is after today.", "“{column}”的日期{date}晚于今天。"),
    "import.identity_mismatch": (
        "ID number {number} belongs to “{registered}” in the register, but this row names “{typed}”; check the row.",
        "身份证号{number}在当事人库中登记的是“{registered}”，本行填写的却是“{typed}”，请核对。",
    ),
    "import.already_imported": (
        "{file} was imported already, on {date} by {user}; nothing was imported now. "
        "To import it once more, give --again (or confirm in the window).",
        "文件{file}已于{date}由{user}导入过，本次未导入。确需再次导入的，请加 --again（或在窗口中确认）。",
    ),
    "import.duplicate_case": (
        "The same case is registered already: {number}.",
        "与已登记的案件重复：{number}。",
    ),
    "import.damaged": (
        "{file} is damaged and cannot be read ({detail}); open it in Excel, save it again and import that.",
        "文件{file}已损坏，无法读取（{detail}）；请在Excel中打开并重新保存后再导入。",
    ),
    # several desks on one server (issue 14)
    "record.changed_by": (
        "{who} changed this record at {when}, after you opened it; nothing was saved. "
        "Check the saved values, then save again.",
        "该记录在您打开后已由{who}于{when}修改，本次未保存。请核对已保存的新内容后再次保存。",
    ),
    "db.server_unreachable": (
        "Cannot reach the database server {server}: check that it is running and the network is up.",
        "无法连接数据库服务器 {server}，请检查服务器是否开启、网络是否连通。",
    ),
    "db.auth_failed": (
        "The database server refused the user name or password.",
        "数据库服务器拒绝了用户名或密码，请检查后重试。",
    ),
    "db.schema_older": (
        "The database on the server has an older structure ({revision}). The administrator must run "
        "`db upgrade` with the owner account first.",
        "服务器上的数据库结构较旧（{revision}），请管理员先用所有者账号运行 db upgrade 升级数据库。",
    ),
    "db.no_rights": (
        "The account {user} may not read this database: the administrator grants the desks' rights "
        "with installer/server-setup.sh.",
        "账号 {user} 无权读取该数据库，请管理员用 installer/server-setup.sh 为办案台账号授权。",
    ),
    "db.connection_lost": (
        "The connection to the database server was lost. Nothing was saved; your entries are kept — "
        "try again when the network is back.",
        "与数据库服务器的连接已断开，本次未保存；您的输入已保留，网络恢复后请重试。",
    ),
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
    # --- i13-rest ---
    "import.row_imported_before": (
        "This row was imported already: row {row} of {file}, on {date} by {user}.",
        "本行已于{date}由{user}从文件{file}第{row}行导入过，本次未导入。",
    ),
    "document.unknown": ("There is no document {kind}; choose one of: {choices}.",
                         "没有名为{kind}的文书，可选：{choices}。"),
    "document.case_not_found": ("No case is numbered {number}.", "没有编号为{number}的案件。"),
    "export.temp_disk_full": (
        "The disk is full: the export's working file in {folder} cannot be written; nothing was exported.",
        "磁盘已满：导出用的临时文件（位于{folder}）无法写入，未导出任何内容。",
    ),
    "export.temp_failed": (
        "The export's working file in {folder} cannot be written ({detail}); nothing was exported.",
        "导出用的临时文件（位于{folder}）无法写入（{detail}），未导出任何内容。",
    ),
    # --- i16-rest ---
    "procedure.hearing_time_invalid": (
        "{value} is not a time of day; type it as 09:30 or 0930.",
        "{value}不是有效的时间，请按 09:30 或 0930 填写。",
    ),
    "procedure.hearing_notice_served_late": (
        "The hearing notice was served on {served}; for a hearing on {hearing} it had to reach the party by {latest} "
        "(seven working days before, 行政处罚法 art 64(2)). Issue a new notice with a later hearing date.",
        "听证通知书于{served}送达，{hearing}举行的听证应当最迟于{latest}通知当事人（提前七个工作日，"
        "《行政处罚法》第六十四条第二项）。请另行制发听证通知书，重新确定听证日期。",
    ),
    # --- i17-exports ---
    "export.xlsx_only": ("{path}: this export writes Excel files only; name the file .xlsx.",
                         "{path}：此项只能导出为Excel文件，请使用 .xlsx 后缀。"),
    # --- i15-rest ---
    "exchange.still_referred": ("{table} #{id} is still referred to by other records here; it cannot be deleted.",
                                "{table} #{id} 仍被本站其他记录引用，不能删除。"),
    "exchange.table_unknown": ("{table} is not a table that travels between sites.", "{table}不是站点间交换的数据表。"),
    "site.same_issuing_body": ("Site {site} numbers its cases with the issuing body {body}, as {other} does: "
                               "their case numbers would clash. Give each site its own (Administration → Bureau and remedies → District) first.",
                               "站点{site}案号中的机关简称为“{body}”，与{other}相同，双方案号会重复。"
                               "请先在“系统管理 → 机关与救济 → 区（县）”中为各站点设置不同的简称。"),
    # --- r2-rest ---
    "arbitration.category_reason_required": ("Give the reason for correcting the claim's category.",
                                             "请填写更正请求类别的理由。"),
    "site.issuing_body_invalid": ("The issuing body “{value}” must be 1 to 20 characters, e.g. 甲镇.",
                                  "机关简称“{value}”应为1至20个字，例如“甲镇”。"),
    "arbitration.category_unchanged": ("The claim is already recorded as {category_en}.",
                                        "该请求已登记为“{category_zh}”，无需更正。"),
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
