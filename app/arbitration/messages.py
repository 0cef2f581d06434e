"""The arbitration area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # arbitration docket and township mediation
    "arbitration.not_found": ("The arbitration case no longer exists.", "该仲裁案件已不存在。"),
    "arbitration.transition_refused": (
        "“{action}” is not possible while the case is {status}.",
        "案件当前状态为“{status}”，不能进行“{action}”。",
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
    # everyday use (issue 17): the hearing rooms register
    "hearing.room_unknown": (
        "{room} is not in the hearing rooms register ({rooms}); an administrator adds rooms there.",
        "“{room}”不在仲裁庭登记表中（{rooms}），新增仲裁庭请联系系统管理员。",
    ),
    "hearing_rooms.empty": ("Keep at least one hearing room.", "请至少保留一个仲裁庭。"),
    "hearing_rooms.too_long": ("A room's name is too long (at most {limit} characters): {room}.",
                               "仲裁庭名称过长（最多{limit}个字）：{room}。"),
    "hearing_rooms.duplicate": ("{room} is listed twice.", "“{room}”重复登记。"),
    "arbitration.award_above_claim": (
        "Claim {item} asked for {claimed} yuan; {awarded} yuan cannot be awarded on it (超裁). "
        "If the applicant changed the claim, record the change first.",
        "仲裁请求“{item}”的请求金额为{claimed}元，不能裁决{awarded}元（超出仲裁请求）。申请人变更请求的，请先登记变更仲裁请求。",
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
    "arbitration.category_reason_required": ("Give the reason for correcting the claim's category.",
                                             "请填写更正请求类别的理由。"),
    "arbitration.category_unchanged": ("The claim is already recorded as {category}.",
                                        "该请求已登记为“{category}”，无需更正。"),
}
