"""The complaints area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # complaints and wage-arrears recovery (issue 5)
    "complaint.not_found": ("The complaint no longer exists.", "该投诉已不存在。"),
    "complaint.transition_not_allowed": (
        "A complaint that is “{status}” cannot be moved to “{action}”.",
        "当前状态为“{status}”，不能进行“{action}”。",
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
        "This needs an open investigation; the complaint is “{status}”.",
        "案件尚未进入调查阶段或已办结（当前状态：{status}）。",
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
        "Plans and payments are recorded once the case is open; the complaint is “{status}”.",
        "立案后才能登记支付计划和支付情况（当前状态：{status}）。",
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
        "“{closure}” does not fit a case that is “{status}”.",
        "当前状态为“{status}”，不能按“{closure}”结案。",
    ),
    "complaint.evidence_missing": (
        "The evidence file {name} is missing from the data folder.",
        "证据文件{name}在数据目录中已丢失。",
    ),
    "complaint.evidence_changed": (
        "The evidence file {name} has been altered (its SHA-256 no longer matches).",
        "证据文件{name}已被改动（SHA-256校验值不符）。",
    ),
    # the procedure before a decision, service, 超裁 (issue 16)
    "procedure.kind_unknown": ("There is no procedure step “{value}”.", "没有“{value}”这一程序步骤。"),
    "procedure.notice_required": (
        "The {decision} cannot be issued: no prior notice (事先告知书) has been recorded "
        "(行政处罚法 art 44; 若干规定 art 34).",
        "不能作出{decision}：尚未制发事先告知书（《行政处罚法》第四十四条；《关于实施〈劳动保障监察条例〉若干规定》第三十四条）。",
    ),
    "procedure.notice_not_served": (
        "The {decision} cannot be issued: the prior notice {number} has not been served; record its service first.",
        "不能作出{decision}：事先告知书{number}尚未送达，请先登记送达回证。",
    ),
    "procedure.defence_period_running": (
        "The {decision} cannot be issued before {due}: the party may state a defence until then "
        "(notice served on {served}), unless they state or waive it in writing first.",
        "陈述申辩期限至{due}（事先告知书于{served}送达），期满或者当事人已陈述申辩、书面放弃之前不能作出{decision}。",
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
        "Record the prior notice of the {decision} first.", "请先登记{decision}的事先告知书。",
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
}
