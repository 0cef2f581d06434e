"""系统管理 → 操作日志: every change, reveal and login, newest first, and 校验.

The list is the program's paged list (ui/lists) over AuditLogService.query, so
the filters run in SQL and a record of millions of entries opens at once.
Personal values in the changes are masked by the service.  校验 walks the
whole hash chain on a worker thread through the TaskRunner.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, TypedDict

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission, Role
from app.audit import labels as audit_labels
from app.audit.chain import VerifyResult, audited_mappers
from app.audit.chain import parse_anchor as audit_anchor
from app.audit.log import ACTIONS, AuditLogService, AuditRow
from app.clock import bureau_today, local_time
from app.errors import StorageError, UserError
from app.legal.rates import format_yuan
from ui.admin.users import role_labels
from ui.context import AppContext
from ui.errors import show_user_error
from ui.lists import Column, PagedTableModel, PagedTableView
from ui.parties.labels import kind_label, org_type_label, sex_label
from ui.tasks import TaskRunner
from ui.widgets.step_dialog import from_qdate, to_qdate
from ui.words import item_separator

OK_STYLE = "color: #1b6e2a;"
# Shown in the Record column already, or meaningless to a reader.
HIDDEN_FIELDS = frozenset({"id", "uuid", "name_sort"})
# Coded values shown in words, as the parties window shows them.
def _status_text(table: str, status: str, language: str) -> str:
    """A case's state by name, as its own area calls it."""
    from app.arbitration import service as arbitration
    from app.complaints import rules as complaint_rules
    from app.mediation import service as mediation

    if table.startswith("complaint"):
        return complaint_rules.label(complaint_rules.STATUS_LABELS, status, language)
    if table.startswith("arbitration"):
        return arbitration.status_label(status, language)
    if table.startswith("mediation"):
        return mediation.status_label(status, language)
    return status


_CODED_VALUES = {"kind": kind_label, "sex": sex_label, "org_type": org_type_label}


def _pair(table: dict[Any, tuple[str, str]]) -> Any:
    return lambda value, language: (lambda en_zh: en_zh[0] if language == "en" else en_zh[1])(
        table.get(value, (value, value)))


def _zh_en(table: dict[Any, tuple[str, str]]) -> Any:
    """complaint_rules keeps its pairs as (Chinese, English)."""
    from app.complaints import rules as complaint_rules

    return lambda value, language: complaint_rules.label(table, value, language)


def _compliance_item(code: str, _language: str) -> str:
    """One of the six systems by its name (the checklist's own words, Chinese in every language)."""
    from app.projects.models import DEFAULT_COMPLIANCE_ITEMS

    return dict(DEFAULT_COMPLIANCE_ITEMS).get(code, code)


def _table_values() -> dict[tuple[str, str], Any]:
    """(table, field) → value, language → words: the coded values of each area by the names its own
    windows use (步骤, 身份, 类别, 结果 …), so the log reads as the case pages do."""
    from app.arbitration import service as arb
    from app.complaints import rules
    from app.mediation import service as med
    from ui.projects import labels as project_labels
    from ui.staff import labels as staff_labels
    from ui.training import labels as training_labels

    def word(function: Any) -> Any:
        return lambda value, _language: function(value)

    return {
        ("arbitration_event", "kind"): arb.event_label,
        ("arbitration_party", "role"): _pair(arb.ROLE_LABELS),
        ("arbitration_claim", "category"): _pair(arb.CATEGORY_LABELS),
        ("arbitration_claim", "result"): arb.result_label,
        ("arbitration_case", "procedure"): _pair(arb.PROCEDURE_LABELS),
        ("arbitration_case", "closure_method"): _pair(arb.CLOSURE_LABELS),
        ("arbitration_hearing", "status"): arb.hearing_status_label,
        ("mediation_event", "kind"): med.event_label,
        ("mediation_party", "role"): _pair(arb.ROLE_LABELS),
        ("mediation_claim", "category"): _pair(arb.CATEGORY_LABELS),
        ("mediation_case", "channel"): _pair(med.CHANNEL_LABELS),
        ("mediation_case", "closure"): _pair(med.CLOSURE_LABELS),
        ("mediation_case", "organisation_type"): _pair(med.ORGANISATION_TYPE_LABELS),
        ("mediation_case", "application_form"): _pair(med.APPLICATION_FORM_LABELS),
        ("party", "id_type"): _pair(ID_TYPE_LABELS),
        ("issued_number", "record_table"): audit_labels.table_label,
        ("complaint", "kind"): _zh_en(rules.KIND_LABELS),
        ("complaint", "channel"): _zh_en(rules.CHANNEL_LABELS),
        ("complaint", "closure_kind"): _zh_en(rules.CLOSURE_LABELS),
        ("complaint", "disposal_method"): _zh_en(rules.DISPOSAL_LABELS),
        ("complaint_event", "action"): _zh_en(rules.ACTION_LABELS),
        ("complaint_employer", "role"): _zh_en(rules.ROLE_LABELS),
        ("complaint_legal_review", "opinion"): _zh_en(rules.OPINION_LABELS),
        ("officer", "staffing_type"): word(staff_labels.staffing_label),
        ("officer_certificate", "cert_type"): word(staff_labels.cert_type_label),
        ("officer_certificate", "status"): word(staff_labels.status_label),
        ("certificate_review", "result"): word(staff_labels.review_label),
        ("training_session", "kind"): word(training_labels.kind_label),
        ("compliance_check_item", "item_code"): _compliance_item,
        ("compliance_item", "code"): _compliance_item,
        ("construction_project", "status"): word(project_labels.project_status_label),
        ("construction_project", "guarantee_form"): word(project_labels.guarantee_form_label),
        ("project_subcontractor", "role"): word(project_labels.role_label),
        ("compliance_check_item", "status"): word(project_labels.item_status_label),
    }


# A details key that is a field of the case under another name.
_DETAIL_FIELDS = {"form": "application_form"}
ID_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "resident_id": ("resident ID card", "居民身份证"), "hmt_residence": ("HK/Macao/Taiwan residence permit", "港澳台居民居住证"),
    "foreign_pr": ("foreign permanent residence card", "外国人永久居留身份证"), "passport": ("passport", "护照"),
    "other": ("other", "其他"),
}
# A history line's details (JSON): the keys a clerk reads, and the people among them (account ids).
_DETAIL_LABELS = {
    "arbitrators": ("Arbitrators", "仲裁员"), "chief": ("Chief arbitrator", "首席仲裁员"), "clerk": ("Clerk", "书记员"),
    "second": ("Arbitrator", "仲裁员"), "third": ("Arbitrator", "仲裁员"),
    "mediated_fen": ("Mediated", "调解金额"), "minimum_wage_fen": ("Minimum wage", "最低工资标准"),
    "old_case_no": ("Former case number", "原案号"), "signed_on": ("Signed on", "签收日期"),
    "agreement_not_performed": ("Agreement not performed", "协议未履行"),
    "arbitration_case_id": ("Arbitration case", "仲裁案件"), "form": ("Application form", "申请方式"),
    "postponed": ("Postponed hearing", "延期的开庭"), "deemed": ("Deemed withdrawn", "按撤回处理"),
}
BROKEN_STYLE = "color: #b3261e; font-weight: bold;"


class AuditFilters(TypedDict):
    """The filters the controls set: AuditLogService.query's keywords."""

    actor_name: str | None
    action: str | None
    table_name: str | None
    record_id: int | None
    date_from: date | None
    date_to: date | None


class AuditLogTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_tab")
        self._context = context
        self.service = AuditLogService(context.store, context.actor)
        self._tasks = context.tasks or TaskRunner(
            self, language=context.language, error_windows=context.error_windows
        )
        self.verify_box: QMessageBox | None = None
        self.last_verify: VerifyResult | None = None
        self._coded = _table_values()
        self._action_labels = {
            "insert": self.tr("Added"),
            "bulk_insert": self.tr("Imported"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "reveal": self.tr("Viewed in full"),
            "export": self.tr("Exported"),
            "login": self.tr("Signed in"),
            # entries the upgrade wrote for records that predate the audit record
            "baseline": self.tr("Recorded as found"),
            # the upgrade that took personal values out of the entries and re-hashed the chain
            "rechain": self.tr("Log re-hashed"),
        }

        # ---- filters
        self.actor_combo = QComboBox(self)
        self.actor_combo.setObjectName("filter_actor")
        self.actor_combo.setMinimumContentsLength(10)
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("filter_action")
        self.action_combo.addItem(self.tr("All"), None)
        for action in ACTIONS:
            self.action_combo.addItem(self.action_label(action), action)
        self.table_combo = QComboBox(self)
        self.table_combo.setObjectName("filter_table")
        self.table_combo.addItem(self.tr("All"), None)
        for name in sorted({m.class_.__tablename__ for m in audited_mappers()}):
            self.table_combo.addItem(self.table_label(name), name)
        self.record_edit = QLineEdit(self)
        self.record_edit.setObjectName("filter_record")
        self.record_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.record_edit.setPlaceholderText(self.tr("any"))
        self.record_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10 + 24)
        self.dates_check = QCheckBox(self.tr("Dates"), self)
        self.dates_check.setObjectName("filter_dates")
        today = to_qdate(bureau_today())  # the bureau's day, as the service filters
        self.date_from = self._date_edit("filter_date_from", today.addDays(-30))
        self.date_to = self._date_edit("filter_date_to", today)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Operator"), self))
        filters.addWidget(self.actor_combo)
        filters.addWidget(QLabel(self.tr("Action"), self))
        filters.addWidget(self.action_combo)
        filters.addWidget(QLabel(self.tr("Table"), self))
        filters.addWidget(self.table_combo)
        filters.addWidget(QLabel(self.tr("Record"), self))
        filters.addWidget(self.record_edit)
        filters.addSpacing(8)
        filters.addWidget(self.dates_check)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        filters.addStretch(1)

        # ---- the list
        self.model: PagedTableModel[AuditRow] = PagedTableModel(
            self._columns(), self, row_id=lambda r: r.seq
        )
        self.view = PagedTableView(self)
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)

        # ---- status and 校验
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count")
        self.model.count_changed.connect(self._show_count)
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("verify_result")
        self.verify_label.setWordWrap(True)
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the anchor is copied
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(
            self.tr(
                "Check that no entry of the log and no audited record was altered outside the program."
            )
        )
        self.verify_button.clicked.connect(self.verify)
        self.anchor_edit = QLineEdit(self)
        self.anchor_edit.setObjectName("verify_anchor")
        self.anchor_edit.setPlaceholderText(self.tr("anchor written down earlier (optional)"))
        self.anchor_edit.setToolTip(
            self.tr("An anchor (SEQ:HASH) from an earlier verification: the log must still match it.")
        )
        metrics = self.anchor_edit.fontMetrics()
        self.anchor_edit.setMinimumWidth(
            max(metrics.horizontalAdvance(self.anchor_edit.placeholderText()), metrics.horizontalAdvance("0") * 24) + 16
        )
        self.anchor_edit.returnPressed.connect(self.verify)
        if not context.can(Permission.AUDIT_VERIFY):
            self.verify_button.setEnabled(False)
            self.verify_button.setToolTip(context.missing_permission_tip(Permission.AUDIT_VERIFY))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.verify_label, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.anchor_edit)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._load_actors()
        self.actor_combo.currentIndexChanged.connect(self.apply_filters)
        self.action_combo.currentIndexChanged.connect(self.apply_filters)
        self.table_combo.currentIndexChanged.connect(self.apply_filters)
        self.record_edit.editingFinished.connect(self.apply_filters)
        self.dates_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.apply_filters()

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _columns(self) -> list[Column[AuditRow]]:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return [
            Column("seq", self.tr("No."), lambda r: r.seq, align=right, width=3),
            Column("at", self.tr("Time"), lambda r: r.local_time, width=9),
            # the person's name; the login name only in the tooltip
            Column("actor", self.tr("Operator"), lambda r: r.operator, width=5,
                   tooltip=lambda r: self.tr("Login name: %1").replace("%1", r.actor)),
            Column("machine", self.tr("Machine"), lambda r: r.machine, width=5),
            Column("action", self.tr("Action"), lambda r: self.action_label(r.action), width=6),
            Column("table", self.tr("Table"), lambda r: self.table_label(r.table_name), width=9),
            # the case number or name; the database id (what the record filter takes) in the tooltip
            Column("record", self.tr("Record"), lambda r: r.record_label, width=11,
                   elide=Qt.TextElideMode.ElideLeft,  # a case number keeps its end: …〔2023〕第13号
                   tooltip=lambda r: None if r.record_id is None else self.tr("Record id: %1").replace(
                       "%1", str(r.record_id))),
            Column(
                "changes",
                self.tr("Changes"),
                lambda r: self.changes_text(r),
                tooltip=lambda r: self.changes_text(r, "\n") or None,
                width=28,
            ),
            Column(
                "reason", self.tr("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason or None
            ),
        ]

    def action_label(self, action: str) -> str:
        return self._action_labels.get(action, action)

    def table_label(self, table_name: str) -> str:
        """The table's name as its area declares it (app/<area>/area.py, `audit_tables`)."""
        return audit_labels.table_label(table_name, self._context.language)

    def field_label(self, field: str) -> str:
        """The field's name as the shared vocabulary or its area declares it (`audit_fields`)."""
        return audit_labels.field_label(field, self._context.language)

    def changes_text(self, row: AuditRow, separator: str | None = None) -> str:
        """Like AuditRow.changes_text (values already masked by the service), in words:
        `字段: 旧 → 新` with field names, yes/no and role names a clerk reads."""
        if row.action == "bulk_insert" and "count" in row.changes:
            return self.tr("{count} records, nos. {first}–{last}").format(
                count=row.changes["count"], first=row.changes["first_id"], last=row.changes["last_id"]
            )
        if separator is None:
            separator = item_separator(self._context.language)
        parts = []
        for field, value in sorted(row.changes.items()):
            if field in HIDDEN_FIELDS:
                continue
            name = self.field_label(field)
            if isinstance(value, list) and len(value) == 2:
                old, new = (self._value(field, v, row.table_name, row) for v in value)
                # a new record's values: 名称: 值, no arrow from nothing
                parts.append(f"{name}: {new}" if value[0] is None and row.action != "update" else f"{name}: {old} → {new}")
            else:
                parts.append(f"{name}: {self._value(field, value, row.table_name, row)}")
        return separator.join(parts)

    def _value(self, field: str, value: Any, table: str = "", row: AuditRow | None = None) -> str:
        if value is None:
            return ""
        person = row.person_name(field, value) if row is not None else None
        if person:  # people by name, not by login or number
            return person
        coded = self._coded.get((table, field))
        if coded is not None and isinstance(value, str):
            return str(coded(value, self._context.language))
        if field == "details" and isinstance(value, str) and value.startswith("{"):
            return self._details_text(value, table, row)
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        language = self._context.language
        if audit_labels.is_money(field) and isinstance(value, int):
            return format_yuan(value) + (" yuan" if language == "en" else "元")
        if field in ("status", "from_status", "to_status", "resume_status") and isinstance(value, str):
            return _status_text(table, value, language)
        if field == "roles" and isinstance(value, str):
            codes = set(filter(None, value.split(",")))
            known = {role.value for role in Role}
            words = [role_labels(codes & known, self._context.language)] + sorted(codes - known)
            return ("、" if self._context.language != "en" else ", ").join(w for w in words if w)
        if field in _CODED_VALUES and isinstance(value, str) and table in ("party", ""):
            return _CODED_VALUES[field](value)
        if field == "field" and isinstance(value, str):
            return self.field_label(value)
        if field == "locked_until" and isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return local_time(moment).strftime("%Y-%m-%d %H:%M")
        return str(value)

    def _details_text(self, raw: str, table: str, row: AuditRow | None) -> str:
        """A history line's details, `名称: 值`, with money in 元, people by name and dates as written."""
        try:
            details = json.loads(raw)
        except ValueError:
            return raw
        if not isinstance(details, dict):
            return raw
        language = self._context.language
        parts = []
        for key, value in details.items():
            if isinstance(value, dict):  # per-claim flags (终局) — on the claims themselves
                continue
            pair = _DETAIL_LABELS.get(key)
            name = (pair[0] if language == "en" else pair[1]) if pair else self.field_label(key)
            values = value if isinstance(value, list) else [value]
            if key in ("chief", "clerk", "second", "third", "arbitrators") and row is not None:
                words = [row.names.get(("user", v)) or str(v) for v in values]
            elif (case_field := (table.replace("_event", "_case"), _DETAIL_FIELDS.get(key) or key)) in self._coded:
                coded = self._coded[case_field]
                words = [str(coded(v, language)) if isinstance(v, str) else str(v) for v in values]
            else:
                words = [self._value(key, v, table) for v in values]
            parts.append(f"{name}: {('、' if language != 'en' else ', ').join(words)}")
        return ("，" if language != "en" else ", ").join(parts)

    # ---------------------------------------------------------------- filtering
    def _load_actors(self) -> None:
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(self.tr("All"), None)
        try:
            names = self.service.actors()
        except (UserError, StorageError) as err:
            show_user_error(self, err, self._context.language)
            names = []
        for login, name in names:  # by the person's name; the login filters
            self.actor_combo.addItem(name, login)
            if name != login:
                self.actor_combo.setItemData(self.actor_combo.count() - 1, login, Qt.ItemDataRole.ToolTipRole)
        index = self.actor_combo.findData(current) if current is not None else 0
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.actor_combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    def filters(self) -> AuditFilters:
        """The query's filter arguments as the controls say now."""
        record = self.record_edit.text().strip()
        date_from: date | None = None
        date_to: date | None = None
        if self.dates_check.isChecked():
            date_from = from_qdate(self.date_from.date())
            date_to = from_qdate(self.date_to.date())
        return AuditFilters(
            actor_name=self.actor_combo.currentData(),
            action=self.action_combo.currentData(),
            table_name=self.table_combo.currentData(),
            record_id=int(record) if record else None,
            date_from=date_from,
            date_to=date_to,
        )

    def apply_filters(self, *_args: object) -> None:
        try:
            self.model.set_query(self.service.query(**self.filters()))
        except (UserError, StorageError) as err:
            show_user_error(self, err, self._context.language)

    def refresh(self) -> None:
        """New entries (and new operators for the filter) since the list was read."""
        self._load_actors()
        self.apply_filters()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n entries", "", count))

    # ---------------------------------------------------------------- 校验
    def verify(self) -> None:
        if not self.verify_button.isEnabled():
            return
        anchors = []
        if self.anchor_edit.text().strip():
            try:
                anchors = [audit_anchor(self.anchor_edit.text())]
            except ValueError:
                self.verify_label.setStyleSheet(BROKEN_STYLE)
                self.verify_label.setText(
                    UserError("audit.anchor_invalid", value=self.anchor_edit.text().strip()).message(
                        self._context.language
                    )
                )
                return
        self.verify_button.setEnabled(False)
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(self.tr("Verifying…"))
        service = self.service
        self._tasks.run(
            lambda progress, _cancel: service.verify(progress, anchors),
            on_success=self._verified,
            on_error=self._verify_failed,
            label=self.tr("Verifying the audit log"),
            parent=self,
            cancellable=False,
        )

    def verify_message(self, result: VerifyResult) -> str:
        if result.ok:
            return self.tr(
                "The log is intact: {entries} entries and {records} records checked. "
                "Anchor {anchor}: write it down away from this computer; given back later in the anchor field "
                "(or to audit verify --anchor), it shows whether the whole log was ever rewritten."
            ).format(entries=result.entries_checked, records=result.records_checked, anchor=result.anchor)
        first = result.breaks[0].describe(self._context.language)
        if len(result.breaks) == 1:
            return self.tr("The log has been tampered with: {first}.").format(first=first)
        return self.tr(
            "The log has been tampered with: {first}. {count} problems found in all."
        ).format(first=first, count=len(result.breaks))

    def _verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        self.last_verify = result
        text = self.verify_message(result)
        self.verify_label.setText(text)
        self.verify_label.setStyleSheet(OK_STYLE if result.ok else BROKEN_STYLE)
        box = QMessageBox(self)
        box.setObjectName("verify_box")
        box.setWindowTitle(self.tr("Verify the audit log"))
        box.setIcon(QMessageBox.Icon.Information if result.ok else QMessageBox.Icon.Critical)
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not result.ok:
            box.setDetailedText(
                "\n".join(b.describe(self._context.language) for b in result.breaks)
            )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._box_closed)
        self.verify_box = box
        box.open()  # window-modal, does not block: the list stays readable behind it

    def _box_closed(self, *_args: object) -> None:
        self.verify_box = None

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(self._context.can(Permission.AUDIT_VERIFY))
        self.verify_label.setText("")
        self._tasks.default_error(error, self)
