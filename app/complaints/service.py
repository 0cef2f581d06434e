"""Complaints and reports to labour-security inspection, and the wage recovery
that follows (劳动保障监察投诉/举报, DOMAIN A3, B §2.3, §3.1, §5.2).

- The life cycle is the table in ``complaint_rules.TRANSITIONS``; any other
  move is refused with ``complaint.transition_not_allowed`` (in Chinese: 当前
  状态“…”不能“…”).  Every transition writes a dated ``ComplaintEvent`` naming
  who recorded it, and the unit of work audits every row it changes.
- Money is integer fen.  What was recovered for a worker or a case is the sum
  of its ``WagePayment`` rows, never a typed total; a payment larger than what
  is still owed to that worker is refused.
- Deadlines come from the deadline engine (I1 acceptance, I2 investigation
  (+ extension), which also bounds a penalty (see rule I2's basis), the
  procedure before a decision (I5b defence, I5 hearing request, I5a hearing
  notice), I7 fine and I11 review counted from the recorded service,
  I13 publication) counted from the event dates;
  the dates it computed are kept on the case only so lists can filter
  "overdue" in SQL.  A year without a holiday schedule shows 节假日安排未导入.
"""

from __future__ import annotations

from app.complaints.commands_closure import ClosureCommands
from app.complaints.commands_handling import HandlingCommands
from app.complaints.commands_intake import IntakeCommands
from app.complaints.commands_payments import PaymentCommands
from app.complaints.commands_procedure import ProcedureCommands, _hearing_clock
from app.complaints.common import OFFICER_CATEGORY, today_in_shanghai
from app.complaints.queries_lists import ListQueries, StreamingQuery
from app.complaints.rows import (
    ComplaintDetail,
    ComplaintRow,
    DeadlineView,
    DuplicateWarning,
    EmployerLine,
    GroupSummary,
    InspectionFigures,
    LedgerRow,
    PaymentRow,
)


class ComplaintService(
    IntakeCommands, HandlingCommands, ProcedureCommands, PaymentCommands, ClosureCommands, ListQueries
):
    """Complaints and reports, from registration to archive, and the lists over them.

    The writes are in the ``commands_*`` modules (intake, handling, the procedure
    before a decision, payments, closure), the reads in ``queries_case`` (one
    case) and ``queries_lists`` (lists and figures); this class puts them
    together so that callers keep one service:
    ``ComplaintService(store, actor, calendar=, rule_table=, today=, officer_check=)``.
    """


__all__ = [
    "OFFICER_CATEGORY",
    "ComplaintDetail",
    "ComplaintRow",
    "ComplaintService",
    "DeadlineView",
    "DuplicateWarning",
    "EmployerLine",
    "GroupSummary",
    "InspectionFigures",
    "LedgerRow",
    "PaymentRow",
    "StreamingQuery",
    "_hearing_clock",
    "today_in_shanghai",
]
