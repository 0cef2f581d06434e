"""系统管理: the administration area — 用户与角色, 操作日志, 节假日, 备份与恢复, 机关与救济, 数据库连接 and 站点与交换.

A tab is only built for a user who holds its permission (USER_MANAGE — also for 备份与恢复 —,
AUDIT_VIEW); the services refuse the same things anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.accounts.permissions import Permission
from ui.admin.audit_log import AuditLogTab
from ui.admin.backup import BackupTab
from ui.admin.connection_dialog import ConnectionDialog
from ui.admin.holidays import HolidaysTab
from ui.admin.organisation import OrganisationTab
from ui.admin.sites import SitesTab
from ui.admin.users import UsersTab
from ui.context import AppContext
from ui.widgets.naming import named


class AdminWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_window")
        self._context = context
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("admin_tabs")
        self.tabs.setDocumentMode(True)
        self.users: UsersTab | None = None
        self.audit: AuditLogTab | None = None
        if context.can(Permission.USER_MANAGE):
            self.users = UsersTab(context, self.tabs)
            self.tabs.addTab(self.users, self.tr("Users and roles"))
        if context.can(Permission.AUDIT_VIEW):
            self.audit = AuditLogTab(context, self.tabs)
            self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.holidays: HolidaysTab | None = None
        if context.can(Permission.CALENDAR_EDIT):
            self.holidays = HolidaysTab(context, self.tabs)
            self.tabs.addTab(self.holidays, self.tr("Holidays"))
        self.backup: BackupTab | None = None
        if context.can(Permission.USER_MANAGE):
            self.backup = BackupTab(context, self.tabs)
            self.tabs.addTab(self.backup, self.tr("Backup and restore"))
        self.organisation: OrganisationTab | None = None
        if context.can(Permission.USER_MANAGE):
            self.organisation = OrganisationTab(context, self.tabs)
            self.tabs.addTab(self.organisation, self.tr("Bureau and remedies"))
        # This desk's own setting (local file or server): the administrator's.
        self.connection: ConnectionTab | None = None
        if context.can(Permission.USER_MANAGE):
            self.connection = ConnectionTab(context, self.tabs)
            self.tabs.addTab(self.connection, self.tr("Database connection"))
        self.sites: SitesTab | None = None
        if context.can(Permission.USER_MANAGE):
            self.sites = SitesTab(context, self.tabs)
            self.tabs.addTab(self.sites, self.tr("Sites and exchange"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.tabs.count():
            layout.addWidget(self.tabs)
        else:  # not offered in the navigation then; said plainly if built anyway
            self.tabs.hide()
            layout.addWidget(QLabel(self.tr("Your account has no administration rights."), self))
        self.tabs.currentChanged.connect(self._tab_changed)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_users(self) -> UsersTab:
        assert self.users is not None
        self.tabs.setCurrentWidget(self.users)
        return self.users

    def show_audit(self) -> AuditLogTab:
        assert self.audit is not None
        self.tabs.setCurrentWidget(self.audit)
        return self.audit

    def show_backup(self) -> BackupTab:
        assert self.backup is not None
        self.tabs.setCurrentWidget(self.backup)
        self.backup.refresh()
        return self.backup

    def _tab_changed(self, index: int) -> None:
        # The log grows while the administrator works in the other tab.
        if self.audit is not None and self.tabs.widget(index) is self.audit:
            self.audit.refresh()


class ConnectionTab(QWidget):
    """数据库连接: which database this desk is on, and the dialog to change it (used from
    the next start)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.main_window import database_text

        self._context = context
        self.current = QLabel(self.tr("This desk works on: %1").replace("%1", database_text(context.store.url)))
        self.current.setObjectName("connection_current")
        self.current.setWordWrap(True)
        self.note = named(QLabel(), "connection_note")
        self.change = named(QPushButton(self.tr("Change the database connection…")), "change_connection")
        self.change.clicked.connect(self.open_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.change)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def open_dialog(self) -> ConnectionDialog:
        dialog = ConnectionDialog(self._context.tasks, self._context.language, self)
        dialog.accepted.connect(
            lambda: self.note.setText(self.tr("Saved. The new connection is used from the next start."))
        )
        dialog.open()
        return dialog
