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
