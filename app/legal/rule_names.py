"""Each time limit's name in English, for the English interface (issue 17).

The Chinese name is the rule's own `description` (app/legal/deadlines.py); a rule
table read from the database may add rules this list does not know: they are shown by
their Chinese description in either language.  A test checks that every shipped rule
has its English name here.
"""

from __future__ import annotations

from app.legal.deadlines import Rule

RULE_NAMES_EN: dict[str, str] = {
    # arbitration
    "A1": "One-year limitation period for arbitration",
    "A2": "Decide whether to accept the application",
    "A3": "Decide on acceptance after the correction",
    "A4": "Serve the copy of the application on the respondent",
    "A5": "Respondent's defence",
    "A5a": "Serve the copy of the defence on the applicant",
    "A6": "Decide whether to accept the counterclaim",
    "A7": "Notify the parties in writing of the tribunal",
    "A8": "Serve the hearing notice (at least 5 days before the hearing)",
    "A8a": "Last day to ask for a postponed hearing (3 days before)",
    "A9": "Award due (extendable by at most 15 days with approval)",
    "A10": "Serve the decision to dismiss the case",
    "A12": "Worker may sue against a final award",
    "A12a": "Employer may apply to set aside a final award (intermediate court)",
    "A12b": "Parties may sue after a final award is set aside",
    "A13": "Parties may sue against a non-final award (it takes effect if nobody sues)",
    "A15": "Mediation entrusted to a mediation organisation",
    "A16": "Joint application to review a mediation agreement",
    "A16a": "Review of a mediation agreement by arbitration",
    "A18": "Collective dispute: tribunal, defence, evidence and hearing notified together",
    "A19": "Apply to the court to enforce a mediation statement or award",
    "A20": "Keep the file of an award case (at least 10 years)",
    "A20a": "Keep the file of a case closed otherwise (at least 5 years)",
    # mediation
    "M1": "15-day mediation period (without an agreement the parties may apply for arbitration)",
    "M5": "Enterprise mediation committee decides on acceptance",
    "M5a": "Enterprise mediation committee closes the mediation (extendable by agreement)",
    "M5b": "Answer a request to negotiate (no answer: taken as refused)",
    "M6": "Joint application for judicial confirmation of a mediation agreement",
    # labour-security inspection
    "I1": "Decide whether to accept the complaint (accepted: the case is opened)",
    "I1a": "Notify in writing that the complaint is not accepted",
    "I2": "Investigation concluded and decision made (extendable by 30 working days)",
    "I3": "Violations undiscovered for two years are no longer pursued",
    "I5": "Party may ask for a hearing",
    "I5b": "Party's statement and defence",
    "I5a": "Serve the hearing notice (at least 7 days before the hearing)",
    "I6": "Serve the penalty decision on an absent party",
    "I7": "Pay the fine",
    "I8": "Decide after evidence was registered and kept",
    "I9": "Rectification period ends: check the rectification",  # the order's own period (no shipped rule)
    "I11": "Apply for administrative review",
    "I11a": "Bring an administrative lawsuit",
    "I12": "Apply to the court for enforcement",
    "I12a": "Party performs after the reminder",
    "I13": "Publish the penalty or licensing decision",
    "I13a": "Publish another enforcement decision",
    "I13b": "Withdraw a published penalty decision that was changed or revoked",
    "I14": "Keep the wage payment ledger (at least 3 years)",
    "I14a": "Publish before closing a migrant workers' wage account",
}


def rule_name(rule: Rule | str, language: str, chinese: str = "") -> str:
    """The deadline's name a clerk reads: the rule's description in Chinese, its English
    name in English (the Chinese one when the rule is not a shipped one)."""
    rule_id = rule if isinstance(rule, str) else rule.id
    zh = chinese or ("" if isinstance(rule, str) else rule.description) or rule_id
    if language == "en":
        return RULE_NAMES_EN.get(rule_id, zh)
    return zh


# What starts each period (the rule's `trigger`), in English.
TRIGGERS_EN: dict[str, str] = {
    "知道或者应当知道其权利被侵害之日": "the day the party knew or should have known of the infringement",
    "收到仲裁申请之日": "the day the application was received",
    "收到补正材料之日": "the day the corrected materials were received",
    "受理之日": "the day of acceptance",
    "被申请人收到仲裁申请书副本之日": "the day the respondent received the copy of the application",
    "收到答辩书之日": "the day the defence was received",
    "收到反申请之日": "the day the counterclaim was received",
    "开庭日": "the hearing day",
    "受理之日（或重新计算审理期限之日）": "the day of acceptance (or of the restart of the period)",
    "作出撤销案件决定之日": "the day the case was dismissed",
    "收到终局裁决书之日": "the day the final award was received",
    "收到撤销裁定书之日": "the day the ruling setting it aside was received",
    "收到裁决书之日": "the day the award was received",
    "双方同意委托调解之日": "the day both parties agreed to entrusted mediation",
    "调解协议生效之日": "the day the mediation agreement took effect",
    "受理仲裁审查申请之日": "the day the application for review was accepted",
    "法律文书规定履行期间的最后一日": "the last day for performance the document sets",
    "结案之日": "the day the case was closed",
    "调解组织收到调解申请之日": "the day the mediation organisation received the application",
    "收到调解申请之日": "the day the mediation application was received",
    "受理调解申请之日": "the day the mediation application was accepted",
    "收到协商要求之日": "the day the request to negotiate was received",
    "收到投诉之日": "the day the complaint was received",
    "立案之日": "the day the case was opened",
    "违法行为发生之日（连续或继续状态的自行为终了之日）": "the day of the violation (of its end, if it continued)",
    "事先告知书（含听证告知）送达之日": "the day the prior notice (with the right to a hearing) was served",
    "事先告知书送达之日": "the day the prior notice was served",
    "听证日": "the hearing day",
    "作出决定之日": "the day of the decision",
    "收到行政处罚决定书之日": "the day the penalty decision was received",
    "先行登记保存之日": "the day the evidence was registered and kept",
    "知道或者应当知道行政行为之日": "the day the party knew or should have known of the administrative act",
    "知道或者应当知道作出行政行为之日": "the day the party knew or should have known of the administrative act",
    "复议、诉讼期限届满之日": "the day the review and lawsuit periods ended",
    "催告书送达之日": "the day the reminder was served",
    "决定被变更、撤销或确认无效之日": "the day the decision was changed, revoked or declared void",
    "台账记录之日": "the day the ledger entry was made",
    "公示之日": "the day of publication",
}


def rule_trigger(rule: Rule, language: str) -> str:
    """What starts the period, in this language (a rule from the database keeps its own words)."""
    return TRIGGERS_EN.get(rule.trigger, rule.trigger) if language == "en" else rule.trigger
