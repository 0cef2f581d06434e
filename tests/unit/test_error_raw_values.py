"""Issue 12: a UserError carries raw values only (a status, an action, a kind, a role, a unit …) and
the area whose catalogue holds the code puts them into words when the message is shown.  The words
must stay exactly those the clerk (Chinese) and the command line (English) saw before: the texts
below were rendered by the code before the change (main at d3cde76, values translated before
raising), from the same inputs, and are compared letter for letter."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.errors import UserError

# (code, the raw values the error now carries, the Chinese and the English text it showed before)
BEFORE_ISSUE_12: list[tuple[str, dict[str, Any], str, str]] = [
    ('complaint.transition_not_allowed', {'status': 'received', 'action': 'request_correction'},
     '当前状态为“已登记待审查”，不能进行“通知补正”。',
     'A complaint that is “Registered” cannot be moved to “Ask for correction”.'),
    ('complaint.transition_not_allowed', {'status': 'need_correction', 'action': 'corrected'},
     '当前状态为“待补正”，不能进行“补正完毕”。',
     'A complaint that is “Awaiting correction” cannot be moved to “Corrected”.'),
    ('complaint.transition_not_allowed', {'status': 'not_accepted', 'action': 'accept'},
     '当前状态为“不予受理”，不能进行“受理并立案”。',
     'A complaint that is “Not accepted” cannot be moved to “Accept and open the case”.'),
    ('complaint.transition_not_allowed', {'status': 'redirected', 'action': 'refuse'},
     '当前状态为“已告知/转送”，不能进行“不予受理”。',
     'A complaint that is “Redirected” cannot be moved to “Refuse”.'),
    ('complaint.transition_not_allowed', {'status': 'filed', 'action': 'redirect'},
     '当前状态为“已立案”，不能进行“告知/转送”。',
     'A complaint that is “Case opened” cannot be moved to “Redirect”.'),
    ('complaint.transition_not_allowed', {'status': 'investigating', 'action': 'start_investigation'},
     '当前状态为“调查中”，不能进行“开始调查”。',
     'A complaint that is “Investigating” cannot be moved to “Start the investigation”.'),
    ('complaint.transition_not_allowed', {'status': 'rectification_ordered', 'action': 'order_rectification'},
     '当前状态为“限期改正中”，不能进行“责令限期改正”。',
     'A complaint that is “Rectification ordered” cannot be moved to “Order rectification”.'),
    ('complaint.transition_not_allowed', {'status': 'rectified', 'action': 'rectified'},
     '当前状态为“已改正”，不能进行“已改正”。',
     'A complaint that is “Rectified” cannot be moved to “Rectified”.'),
    ('complaint.transition_not_allowed', {'status': 'not_rectified', 'action': 'not_rectified'},
     '当前状态为“逾期未改正”，不能进行“逾期未改正”。',
     'A complaint that is “Not rectified” cannot be moved to “Not rectified”.'),
    ('complaint.transition_not_allowed', {'status': 'admin_decision', 'action': 'admin_decision'},
     '当前状态为“已作出处理决定”，不能进行“作出行政处理决定”。',
     'A complaint that is “Administrative decision” cannot be moved to “Issue an administrative decision”.'),
    ('complaint.transition_not_allowed', {'status': 'penalty', 'action': 'penalty'},
     '当前状态为“已作出处罚决定”，不能进行“作出行政处罚决定”。',
     'A complaint that is “Penalty decision” cannot be moved to “Issue a penalty decision”.'),
    ('complaint.transition_not_allowed', {'status': 'case_withdrawn', 'action': 'transfer'},
     '当前状态为“已撤销立案”，不能进行“移送”。',
     'A complaint that is “Case withdrawn” cannot be moved to “Transfer”.'),
    ('complaint.transition_not_allowed', {'status': 'transferred', 'action': 'withdraw_case'},
     '当前状态为“已移送”，不能进行“撤销立案”。',
     'A complaint that is “Transferred” cannot be moved to “Withdraw the case”.'),
    ('complaint.transition_not_allowed', {'status': 'closed', 'action': 'close'},
     '当前状态为“已结案”，不能进行“结案”。',
     'A complaint that is “Closed” cannot be moved to “Close”.'),
    ('complaint.transition_not_allowed', {'status': 'result_notified', 'action': 'notify_result'},
     '当前状态为“已告知结果”，不能进行“告知投诉人处理结果”。',
     'A complaint that is “Result notified” cannot be moved to “Tell the complainant”.'),
    ('complaint.transition_not_allowed', {'status': 'archived', 'action': 'archive'},
     '当前状态为“已归档”，不能进行“归档”。',
     'A complaint that is “Archived” cannot be moved to “Archive”.'),
    ('complaint.not_in_investigation', {'status': 'not_accepted'},
     '案件尚未进入调查阶段或已办结（当前状态：不予受理）。',
     'This needs an open investigation; the complaint is “Not accepted”.'),
    ('complaint.not_in_investigation', {'status': 'closed'},
     '案件尚未进入调查阶段或已办结（当前状态：已结案）。',
     'This needs an open investigation; the complaint is “Closed”.'),
    ('complaint.not_in_investigation', {'status': 'archived'},
     '案件尚未进入调查阶段或已办结（当前状态：已归档）。',
     'This needs an open investigation; the complaint is “Archived”.'),
    ('complaint.no_payments_in_state', {'status': 'not_accepted'},
     '立案后才能登记支付计划和支付情况（当前状态：不予受理）。',
     'Plans and payments are recorded once the case is open; the complaint is “Not accepted”.'),
    ('complaint.no_payments_in_state', {'status': 'closed'},
     '立案后才能登记支付计划和支付情况（当前状态：已结案）。',
     'Plans and payments are recorded once the case is open; the complaint is “Closed”.'),
    ('complaint.no_payments_in_state', {'status': 'archived'},
     '立案后才能登记支付计划和支付情况（当前状态：已归档）。',
     'Plans and payments are recorded once the case is open; the complaint is “Archived”.'),
    ('complaint.closure_does_not_match', {'closure': 'paid', 'status': 'received'},
     '当前状态为“已登记待审查”，不能按“欠薪已全部支付”结案。',
     '“All wages paid” does not fit a case that is “Registered”.'),
    ('complaint.closure_does_not_match', {'closure': 'no_violation', 'status': 'redirected'},
     '当前状态为“已告知/转送”，不能按“查无违法事实”结案。',
     '“No violation found” does not fit a case that is “Redirected”.'),
    ('complaint.closure_does_not_match', {'closure': 'decision', 'status': 'rectification_ordered'},
     '当前状态为“限期改正中”，不能按“已作出处理/处罚决定”结案。',
     '“Decision issued” does not fit a case that is “Rectification ordered”.'),
    ('complaint.closure_does_not_match', {'closure': 'transferred', 'status': 'admin_decision'},
     '当前状态为“已作出处理决定”，不能按“已移送”结案。',
     '“Transferred” does not fit a case that is “Administrative decision”.'),
    ('complaint.closure_does_not_match', {'closure': 'withdrawn', 'status': 'transferred'},
     '当前状态为“已移送”，不能按“撤销立案”结案。',
     '“Case withdrawn” does not fit a case that is “Transferred”.'),
    ('complaint.closure_does_not_match', {'closure': 'other', 'status': 'archived'},
     '当前状态为“已归档”，不能按“其他”结案。',
     '“Other” does not fit a case that is “Archived”.'),
    ('procedure.no_notice', {'decision': 'admin_decision'},
     '请先登记行政处理决定的事先告知书。',
     'Record the prior notice of the handling decision first.'),
    ('procedure.notice_required', {'decision': 'admin_decision'},
     '不能作出行政处理决定：尚未制发事先告知书（《行政处罚法》第四十四条；《关于实施〈劳动保障监察条例〉若干规定》第三十四条）。',
     'The handling decision cannot be issued: no prior notice (事先告知书) has been recorded (行政处罚法 art 44; 若干规定 art 34).'),
    ('procedure.notice_not_served', {'decision': 'admin_decision', 'number': '人社监察告字〔2023〕第7号'},
     '不能作出行政处理决定：事先告知书人社监察告字〔2023〕第7号尚未送达，请先登记送达回证。',
     'The handling decision cannot be issued: the prior notice 人社监察告字〔2023〕第7号 has not been served; record its service first.'),
    ('procedure.defence_period_running', {'decision': 'admin_decision', 'due': '2023-07-10', 'served': '2023-07-05'},
     '陈述申辩期限至2023-07-10（事先告知书于2023-07-05送达），期满或者当事人已陈述申辩、书面放弃之前不能作出行政处理决定。',
     'The handling decision cannot be issued before 2023-07-10: the party may state a defence until then (notice served on 2023-07-05), unless they state or waive it in writing first.'),
    ('procedure.no_notice', {'decision': 'penalty'},
     '请先登记行政处罚决定的事先告知书。',
     'Record the prior notice of the penalty decision first.'),
    ('procedure.notice_required', {'decision': 'penalty'},
     '不能作出行政处罚决定：尚未制发事先告知书（《行政处罚法》第四十四条；《关于实施〈劳动保障监察条例〉若干规定》第三十四条）。',
     'The penalty decision cannot be issued: no prior notice (事先告知书) has been recorded (行政处罚法 art 44; 若干规定 art 34).'),
    ('procedure.notice_not_served', {'decision': 'penalty', 'number': '人社监察告字〔2023〕第7号'},
     '不能作出行政处罚决定：事先告知书人社监察告字〔2023〕第7号尚未送达，请先登记送达回证。',
     'The penalty decision cannot be issued: the prior notice 人社监察告字〔2023〕第7号 has not been served; record its service first.'),
    ('procedure.defence_period_running', {'decision': 'penalty', 'due': '2023-07-10', 'served': '2023-07-05'},
     '陈述申辩期限至2023-07-10（事先告知书于2023-07-05送达），期满或者当事人已陈述申辩、书面放弃之前不能作出行政处罚决定。',
     'The penalty decision cannot be issued before 2023-07-10: the party may state a defence until then (notice served on 2023-07-05), unless they state or waive it in writing first.'),
    ('arbitration.transition_refused', {'status': 'received', 'action': 'accept'},
     '案件当前状态为“已收件待审查”，不能进行“受理”。',
     '“accept” is not possible while the case is received, under review.'),
    ('arbitration.transition_refused', {'status': 'awaiting_correction', 'action': 'request_correction'},
     '案件当前状态为“待补正”，不能进行“通知补正”。',
     '“request a correction” is not possible while the case is awaiting correction.'),
    ('arbitration.transition_refused', {'status': 'accepted', 'action': 'correct'},
     '案件当前状态为“已受理”，不能进行“登记补正”。',
     '“record the correction” is not possible while the case is accepted.'),
    ('arbitration.transition_refused', {'status': 'tribunal_formed', 'action': 'refuse'},
     '案件当前状态为“已组庭”，不能进行“不予受理”。',
     '“refuse” is not possible while the case is tribunal formed.'),
    ('arbitration.transition_refused', {'status': 'hearing_scheduled', 'action': 'not_competent'},
     '案件当前状态为“已排期开庭”，不能进行“告知向有管辖权的仲裁委申请”。',
     '“refer to the competent commission” is not possible while the case is hearing scheduled.'),
    ('arbitration.transition_refused', {'status': 'heard', 'action': 'withdraw_before_acceptance'},
     '案件当前状态为“已开庭”，不能进行“撤回申请”。',
     '“withdraw” is not possible while the case is heard.'),
    ('arbitration.transition_refused', {'status': 'suspended', 'action': 'form_tribunal'},
     '案件当前状态为“中止审理”，不能进行“组成仲裁庭”。',
     '“form the tribunal” is not possible while the case is suspended.'),
    ('arbitration.transition_refused', {'status': 'not_accepted', 'action': 'change_tribunal'},
     '案件当前状态为“不予受理”，不能进行“变更仲裁庭组成”。',
     '“change the tribunal” is not possible while the case is not accepted.'),
    ('arbitration.transition_refused', {'status': 'not_competent', 'action': 'record_service'},
     '案件当前状态为“告知向有管辖权的仲裁委申请”，不能进行“登记送达”。',
     '“record service” is not possible while the case is referred to the competent commission.'),
    ('arbitration.transition_refused', {'status': 'withdrawn_before_acceptance', 'action': 'record_answer'},
     '案件当前状态为“受理前撤回”，不能进行“登记答辩”。',
     '“record the answer” is not possible while the case is withdrawn before acceptance.'),
    ('arbitration.transition_refused', {'status': 'closed', 'action': 'schedule_hearing'},
     '案件当前状态为“已结案”，不能进行“安排开庭”。',
     '“schedule a hearing” is not possible while the case is closed.'),
    ('arbitration.transition_refused', {'status': 'received', 'action': 'postpone_hearing'},
     '案件当前状态为“已收件待审查”，不能进行“延期开庭”。',
     '“postpone the hearing” is not possible while the case is received, under review.'),
    ('arbitration.transition_refused', {'status': 'awaiting_correction', 'action': 'hold_hearing'},
     '案件当前状态为“待补正”，不能进行“登记开庭”。',
     '“record the hearing” is not possible while the case is awaiting correction.'),
    ('arbitration.transition_refused', {'status': 'accepted', 'action': 'suspend'},
     '案件当前状态为“已受理”，不能进行“中止审理”。',
     '“suspend” is not possible while the case is accepted.'),
    ('arbitration.transition_refused', {'status': 'tribunal_formed', 'action': 'resume'},
     '案件当前状态为“已组庭”，不能进行“恢复审理”。',
     '“resume” is not possible while the case is tribunal formed.'),
    ('arbitration.transition_refused', {'status': 'hearing_scheduled', 'action': 'extend'},
     '案件当前状态为“已排期开庭”，不能进行“延长审理期限”。',
     '“extend the period” is not possible while the case is hearing scheduled.'),
    ('arbitration.transition_refused', {'status': 'heard', 'action': 'convert_procedure'},
     '案件当前状态为“已开庭”，不能进行“转换程序”。',
     '“change the procedure” is not possible while the case is heard.'),
    ('arbitration.transition_refused', {'status': 'suspended', 'action': 'add_party'},
     '案件当前状态为“中止审理”，不能进行“追加当事人”。',
     '“add a party” is not possible while the case is suspended.'),
    ('arbitration.transition_refused', {'status': 'not_accepted', 'action': 'change_claims'},
     '案件当前状态为“不予受理”，不能进行“增加或变更仲裁请求”。',
     '“change the claims” is not possible while the case is not accepted.'),
    ('arbitration.transition_refused', {'status': 'not_competent', 'action': 'correct_claim_category'},
     '案件当前状态为“告知向有管辖权的仲裁委申请”，不能进行“更正请求类别”。',
     "“correct a claim's category” is not possible while the case is referred to the competent commission."),
    ('arbitration.transition_refused', {'status': 'withdrawn_before_acceptance', 'action': 'join_counterclaim'},
     '案件当前状态为“受理前撤回”，不能进行“受理反申请并合并审理”。',
     '“join a counter-claim” is not possible while the case is withdrawn before acceptance.'),
    ('arbitration.transition_refused', {'status': 'closed', 'action': 'close_award'},
     '案件当前状态为“已结案”，不能进行“裁决结案”。',
     '“close by award” is not possible while the case is closed.'),
    ('arbitration.transition_refused', {'status': 'received', 'action': 'close_mediation'},
     '案件当前状态为“已收件待审查”，不能进行“调解结案”。',
     '“close by mediation” is not possible while the case is received, under review.'),
    ('arbitration.transition_refused', {'status': 'awaiting_correction', 'action': 'close_withdrawal'},
     '案件当前状态为“待补正”，不能进行“撤回结案”。',
     '“close by withdrawal” is not possible while the case is awaiting correction.'),
    ('arbitration.transition_refused', {'status': 'accepted', 'action': 'revoke'},
     '案件当前状态为“已受理”，不能进行“撤销案件”。',
     '“revoke the case” is not possible while the case is accepted.'),
    ('arbitration.transition_refused', {'status': 'tribunal_formed', 'action': 'terminate'},
     '案件当前状态为“已组庭”，不能进行“终止审理”。',
     '“terminate” is not possible while the case is tribunal formed.'),
    ('arbitration.transition_refused', {'status': 'hearing_scheduled', 'action': 'transfer_out'},
     '案件当前状态为“已排期开庭”，不能进行“移送管辖”。',
     '“transfer” is not possible while the case is hearing scheduled.'),
    ('arbitration.transition_refused', {'status': 'heard', 'action': 'record_side_event'},
     '案件当前状态为“已开庭”，不能进行“登记其他事项”。',
     '“record another step” is not possible while the case is heard.'),
    ('arbitration.category_unchanged', {'category': 'wages'},
     '该请求已登记为“劳动报酬”，无需更正。',
     'The claim is already recorded as wages.'),
    ('arbitration.category_unchanged', {'category': 'overtime'},
     '该请求已登记为“加班费”，无需更正。',
     'The claim is already recorded as overtime pay.'),
    ('arbitration.category_unchanged', {'category': 'double_wage'},
     '该请求已登记为“二倍工资差额”，无需更正。',
     'The claim is already recorded as double wages (no contract).'),
    ('arbitration.category_unchanged', {'category': 'compensation'},
     '该请求已登记为“经济补偿”，无需更正。',
     'The claim is already recorded as severance.'),
    ('arbitration.category_unchanged', {'category': 'damages'},
     '该请求已登记为“违法解除赔偿金”，无需更正。',
     'The claim is already recorded as damages for unlawful dismissal.'),
    ('arbitration.category_unchanged', {'category': 'injury_medical'},
     '该请求已登记为“工伤医疗费”，无需更正。',
     'The claim is already recorded as work-injury medical expenses.'),
    ('arbitration.category_unchanged', {'category': 'injury'},
     '该请求已登记为“其他工伤待遇（一次性伤残补助金等）”，无需更正。',
     'The claim is already recorded as other work-injury benefits (lump sums …).'),
    ('arbitration.category_unchanged', {'category': 'social_insurance'},
     '该请求已登记为“社会保险”，无需更正。',
     'The claim is already recorded as social insurance.'),
    ('arbitration.category_unchanged', {'category': 'annual_leave'},
     '该请求已登记为“年休假工资”，无需更正。',
     'The claim is already recorded as annual-leave pay.'),
    ('arbitration.category_unchanged', {'category': 'confirm_relationship'},
     '该请求已登记为“确认劳动关系”，无需更正。',
     'The claim is already recorded as confirm the employment relationship.'),
    ('arbitration.category_unchanged', {'category': 'other'},
     '该请求已登记为“其他”，无需更正。',
     'The claim is already recorded as other.'),
    ('mediation.transition_refused', {'status': 'applied', 'action': 'accept'},
     '调解案件当前状态为“已申请”，不能进行“受理”。',
     '“accept” is not possible while the mediation is applied.'),
    ('mediation.transition_refused', {'status': 'accepted', 'action': 'refuse'},
     '调解案件当前状态为“调解中”，不能进行“不予受理”。',
     '“refuse” is not possible while the mediation is mediating.'),
    ('mediation.transition_refused', {'status': 'not_accepted', 'action': 'record_session'},
     '调解案件当前状态为“不予受理”，不能进行“登记调解”。',
     '“record a session” is not possible while the mediation is not accepted.'),
    ('mediation.transition_refused', {'status': 'agreed', 'action': 'agree'},
     '调解案件当前状态为“达成协议”，不能进行“达成调解协议”。',
     '“record the agreement” is not possible while the mediation is agreement reached.'),
    ('mediation.transition_refused', {'status': 'failed', 'action': 'record_payment'},
     '调解案件当前状态为“调解不成”，不能进行“登记履行”。',
     '“record a payment” is not possible while the mediation is failed.'),
    ('mediation.transition_refused', {'status': 'withdrawn', 'action': 'fail'},
     '调解案件当前状态为“已撤回”，不能进行“调解不成”。',
     '“close as failed” is not possible while the mediation is withdrawn.'),
    ('mediation.transition_refused', {'status': 'transferred', 'action': 'withdraw'},
     '调解案件当前状态为“已转仲裁”，不能进行“撤回申请”。',
     '“withdraw” is not possible while the mediation is transferred to arbitration.'),
    ('mediation.transition_refused', {'status': 'applied', 'action': 'transfer_to_arbitration'},
     '调解案件当前状态为“已申请”，不能进行“转仲裁”。',
     '“transfer to arbitration” is not possible while the mediation is applied.'),
    ('deadline.extension_too_long', {'rule': 'A9', 'maximum': 15, 'unit': 'calendar_days'},
     '期限A9最多可延长15日。',
     'The time limit A9 can be extended by at most 15 calendar days.'),
    ('deadline.extension_too_long', {'rule': 'A9', 'maximum': 15, 'unit': 'working_days'},
     '期限A9最多可延长15个工作日。',
     'The time limit A9 can be extended by at most 15 working days.'),
    ('deadline.extension_too_long', {'rule': 'A9', 'maximum': 15, 'unit': 'months'},
     '期限A9最多可延长15个月。',
     'The time limit A9 can be extended by at most 15 months.'),
    ('deadline.extension_too_long', {'rule': 'A9', 'maximum': 15, 'unit': 'years'},
     '期限A9最多可延长15年。',
     'The time limit A9 can be extended by at most 15 years.'),
    ('deadline.negative_days', {'value': -1, 'what': 'extension'},
     '延长期限不能为负数（-1）。',
     'The extension cannot be negative (-1).'),
    ('deadline.negative_days', {'value': -1, 'what': 'excluded_days'},
     '不计入期间的天数不能为负数（-1）。',
     'Excluded days cannot be negative (-1).'),
    ('deadline.negative_days', {'value': -1, 'what': 'notice_days'},
     '公告送达天数不能为负数（-1）。',
     'Public-notice days cannot be negative (-1).'),
    ('project.party_not_found', {'role': 'builder'},
     '选作建设单位的单位在当事人库中已不存在。',
     'The party chosen as the developer no longer exists in the register.'),
    ('project.party_not_employer', {'role': 'builder', 'name': '张三'},
     '张三是个人，不是用人单位：建设单位须从当事人库中选择单位。',
     '张三 is a person, not an employer: the developer must be an employer from the register.'),
    ('project.party_not_found', {'role': 'general_contractor'},
     '选作施工总承包单位的单位在当事人库中已不存在。',
     'The party chosen as the general contractor no longer exists in the register.'),
    ('project.party_not_employer', {'role': 'general_contractor', 'name': '张三'},
     '张三是个人，不是用人单位：施工总承包单位须从当事人库中选择单位。',
     '张三 is a person, not an employer: the general contractor must be an employer from the register.'),
    ('project.party_not_found', {'role': 'subcontractor'},
     '选作分包单位的单位在当事人库中已不存在。',
     'The party chosen as a subcontractor no longer exists in the register.'),
    ('project.party_not_employer', {'role': 'subcontractor', 'name': '张三'},
     '张三是个人，不是用人单位：分包单位须从当事人库中选择单位。',
     '张三 is a person, not an employer: a subcontractor must be an employer from the register.'),
]


@pytest.mark.parametrize(("code", "raw", "zh", "en"), BEFORE_ISSUE_12,
                         ids=[f"{code}-{'-'.join(map(str, raw.values()))}" for code, raw, _, _ in BEFORE_ISSUE_12])
def test_a_raw_value_is_worded_as_before(code: str, raw: dict[str, Any], zh: str, en: str) -> None:
    error = UserError(code, **raw)
    assert (error.message("zh_CN"), error.message("en")) == (zh, en)
    assert not any(name.endswith(("_zh", "_en")) for name in error.params)


def test_every_word_of_each_vocabulary_is_checked() -> None:
    """The table above names every status, action, kind, role and unit at least once."""
    from app.arbitration.labels import CATEGORY_LABELS, STATUS_LABELS
    from app.arbitration.lifecycle import TRANSITIONS as ARBITRATION_STEPS
    from app.complaints import rules
    from app.complaints.procedure import DECISION_LABELS
    from app.legal.deadlines import Unit
    from app.mediation.lifecycle import TRANSITIONS as MEDIATION_STEPS
    from app.mediation.service import STATUS_LABELS as MEDIATION_STATUS_LABELS
    from app.projects.rules import PARTY_ROLES

    def seen(prefix: str, name: str) -> set[str]:
        return {raw[name] for code, raw, _, _ in BEFORE_ISSUE_12 if code.startswith(prefix) and name in raw}

    assert seen("complaint.", "status") == set(rules.STATUS_LABELS)
    assert seen("complaint.", "action") == set(rules.TRANSITIONS)
    assert seen("complaint.", "closure") == set(rules.CLOSURE_LABELS)
    assert seen("procedure.", "decision") == set(DECISION_LABELS)
    assert seen("arbitration.", "status") == set(STATUS_LABELS)
    assert seen("arbitration.", "action") == set(ARBITRATION_STEPS)
    assert seen("arbitration.", "category") == set(CATEGORY_LABELS)
    assert seen("mediation.", "status") == set(MEDIATION_STATUS_LABELS)
    assert seen("mediation.", "action") == set(MEDIATION_STEPS)
    assert seen("deadline.", "unit") == {unit.value for unit in Unit}
    assert seen("project.", "role") == set(PARTY_ROLES)


def test_the_deadline_engine_refuses_with_raw_values() -> None:
    from app.legal.deadlines import DEFAULT_RULES, due

    with pytest.raises(UserError) as caught:
        due(date(2024, 3, 1), DEFAULT_RULES.get("A9"), extension=-2)
    assert caught.value.params == {"value": -2, "what": "extension"}
    assert caught.value.message("zh_CN") == "延长期限不能为负数（-2）。"
    assert caught.value.message("en") == "The extension cannot be negative (-2)."
    with pytest.raises(UserError) as caught:
        due(date(2024, 3, 1), DEFAULT_RULES.get("A9"), extension=16)
    assert caught.value.params == {"rule": "A9", "maximum": 15, "unit": "calendar_days"}
    assert caught.value.message("zh_CN") == "期限A9最多可延长15日。"
    assert caught.value.message("en") == "The time limit A9 can be extended by at most 15 calendar days."


def test_the_same_raw_value_is_worded_by_the_area_whose_code_it_is() -> None:
    """'accept' and 'accepted' are words of three life cycles: each code's own area words them."""
    refusals = {
        "complaint.transition_not_allowed": "当前状态为“已立案”，不能进行“受理并立案”。",
        "arbitration.transition_refused": "案件当前状态为“已受理”，不能进行“受理”。",
        "mediation.transition_refused": "调解案件当前状态为“调解中”，不能进行“受理”。",
    }
    status = {"complaint.transition_not_allowed": "filed"}
    for code, words in refusals.items():
        assert UserError(code, status=status.get(code, "accepted"), action="accept").message("zh_CN") == words
    # staff's {category} is a certificate's category as typed, not an arbitration claim's code
    staff = UserError("staff.no_certificate_for_category", name="王明", category="wages")
    assert staff.message("zh_CN") == "王明无“wages”类别执法证，不能指派执法。"
