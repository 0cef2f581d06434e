"""系统管理: the administration area — 用户与角色, 操作日志, 节假日 and 站点与交换.

A tab is only built for a user who holds its permission (USER_MANAGE,
AUDIT_VIEW); the services refuse the same things anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.permissions import Permission
from ui.admin.audit_log import AuditLogTab
from ui.admin.holidays import HolidaysTab
from ui.admin.sites import SitesTab
from ui.admin.users import UsersTab
from ui.context import AppContext


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

    def _tab_changed(self, index: int) -> None:
        # The log grows while the administrator works in the other tab.
        if self.audit is not None and self.tabs.widget(index) is self.audit:
            self.audit.refresh()
