"""在建项目: construction projects and the six wage-payment systems (DOMAIN A3, B §4.4, §6).

- Projects (`register`, `fields`): parties (建设单位, 施工总承包, 分包) come from
  the parties register and must be employers; money in integer fen; the wage
  account number and the 劳资专管员's phone leave the service masked.
- The yearly checklist (`checklist`, `ComplianceItem`): read with
  `checklist(year)`, which never writes — a year with no stored list shows the
  list it would get: the nearest earlier year's list, else DOMAIN A3's default
  six.  The list is stored ("seeded") by the first write that needs it (a
  check, or an administrator's edit).  Only the current or a future year's
  list can be edited; an item a recorded check uses cannot be removed.
- Checks (`checks`): one status per item of the check year's list (落实 /
  未落实 / 不适用); 未落实 needs a rectification deadline on or after the check
  date; the rectification is recorded later on the item.
- Rates — computed in `rules` ONLY (`item_rate`, `project_rate`, and
  `ComplianceSummary` in `rows`), for the screen, the exports and the yearly
  report.  As of a date, each project counts with its latest check on or
  before that date (`compliance`):
    item rate    = Σ items 落实 / Σ applicable items (不适用 excluded)
    project rate = projects whose every applicable item is 落实 / projects with
                   at least one applicable item
  A check's findings are what count: a rectification recorded later does not
  turn a 未落实 into 落实; the next check does.
- Overdue rectifications: 未落实 items of a project's latest check whose
  deadline has passed and whose rectification is not recorded (an earlier
  check's finding is superseded by the later check).

The service joins the package's halves; this module keeps the names other
code imports.
"""

from __future__ import annotations

from app.accounts.actor import Actor
from app.projects.checklist import ProjectChecklist
from app.projects.checks import ProjectChecks
from app.projects.compliance import ComplianceFigures, CompliancePages
from app.projects.fields import clean_fields
from app.projects.rows import (
    CheckItemRow,
    ChecklistItemRow,
    CheckRow,
    ComplianceSummary,
    OverdueRow,
    ProjectCompliance,
    ProjectRow,
    SubcontractorRow,
)
from app.projects.rules import (
    EDITABLE_FIELDS,
    GUARANTEE_FORM_WORDS_ZH,
    ITEM_STATUSES,
    LABEL_LIMIT,
    NAME_LIMIT,
    PARTY_ROLES,
    PROJECT_STATUS_WORDS_ZH,
    REVEALABLE_FIELDS,
    SORTABLE,
    STATUS_WORDS_ZH,
    item_rate,
    project_rate,
)
from app.projects.statements import is_under_way, row_from
from app.store.engine import Store


class ProjectService(ProjectChecklist, ProjectChecks, ComplianceFigures):
    """Projects (`ProjectRegister`), the checklist, checks and the figures for one actor."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor


__all__ = [
    "EDITABLE_FIELDS",
    "GUARANTEE_FORM_WORDS_ZH",
    "ITEM_STATUSES",
    "LABEL_LIMIT",
    "NAME_LIMIT",
    "PARTY_ROLES",
    "PROJECT_STATUS_WORDS_ZH",
    "REVEALABLE_FIELDS",
    "SORTABLE",
    "STATUS_WORDS_ZH",
    "CheckItemRow",
    "CheckRow",
    "ChecklistItemRow",
    "CompliancePages",
    "ComplianceSummary",
    "OverdueRow",
    "ProjectCompliance",
    "ProjectRow",
    "ProjectService",
    "SubcontractorRow",
    "clean_fields",
    "is_under_way",
    "item_rate",
    "project_rate",
    "row_from",
]
