"""The main window: navigation on the left, the open area on the right.  Composition only.

The window can be shown before the store is open (run_gui does so, to get a
window on screen before SQLAlchemy is imported); `set_context` then fills the
navigation with the areas the signed-in user may see (ui/areas.py).  Each area
widget is built the first time it is opened.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui.areas import AREAS, Area

if TYPE_CHECKING:
    from ui.change_watcher import ChangeWatcher
    from ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Renshe Desk"))
        self.resize(1280, 800)
        self.context: AppContext | None = None
        self.change_watcher: ChangeWatcher | None = None  # from set_context on
        self._areas: list[Area] = []
        self._widgets: dict[str, QWidget] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(240)
        self.navigation.currentRowChanged.connect(self._navigate)

        self.stack = QStackedWidget()
        self.stack.setObjectName("area_stack")
        self._placeholder = QLabel(self.tr("Opening the database…"))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self._placeholder)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 1100])
        self.setCentralWidget(splitter)

        self.user_label = QLabel()
        self.user_label.setObjectName("status_user")
        self.database_label = QLabel()
        self.database_label.setObjectName("status_database")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        self.about_action = QAction(self.tr("&About Renshe Desk"), self)
        self.about_action.setObjectName("action_about")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        if context is not None:
            self.set_context(context)

    # ---------------------------------------------------------------- composition
    def set_context(self, context: AppContext) -> None:
        """The store is open and the user known: list the areas they may use."""
        self.context = context
        self._areas = [a for a in AREAS if a.permission is None or context.can(a.permission)]
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for area in self._areas:
            item = QListWidgetItem(QCoreApplication.translate("Areas", area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)
        self.user_label.setText(self.tr("User: %1").replace("%1", self._user_text(context)))
        self.user_label.setToolTip(self.tr("Login name: %1").replace("%1", context.actor.username))
        self.database_label.setText(self.tr("Database: %1").replace("%1", database_text(context.store.url)))
        from ui.change_watcher import ChangeWatcher

        if self.change_watcher is not None:
            self.change_watcher.stop()
        self.change_watcher = ChangeWatcher(context.store, lambda: context.actor, self.refresh_current_area, self)
        if self._areas:
            self._placeholder.setText("")
            self.navigation.setCurrentRow(0)
        else:
            self._placeholder.setText(self.tr("Your account has no access to any area."))

    def area_keys(self) -> list[str]:
        """The keys of the areas listed in the navigation, in order."""
        return [a.key for a in self._areas]

    def area_titles(self) -> list[str]:
        return [self.navigation.item(i).text() for i in range(self.navigation.count())]

    def open_area(self, key: str) -> QWidget:
        """Show the area `key` (building it the first time); returns its widget."""
        for row, area in enumerate(self._areas):
            if area.key == key:
                self.navigation.setCurrentRow(row)
                return self._widgets[key]
        raise KeyError(key)

    def area_widget(self, key: str) -> QWidget | None:
        return self._widgets.get(key)

    def _navigate(self, row: int) -> None:
        if not 0 <= row < len(self._areas) or self.context is None:
            return
        area = self._areas[row]
        widget = self._widgets.get(area.key)
        if widget is None:
            module_name, class_name = area.factory.split(":")
            factory = getattr(importlib.import_module(module_name), class_name)
            widget = factory(self.context, self.stack)
            self._widgets[area.key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def refresh_current_area(self) -> None:
        """Another desk saved something: the open list re-runs its query."""
        widget = self.stack.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()

    def _user_text(self, context: AppContext) -> str:
        actor = context.actor
        if actor.is_setup:
            return self.tr("set-up (no accounts yet)")
        if actor.is_anonymous:
            return self.tr("read-only (not signed in)")
        from sqlalchemy.exc import SQLAlchemyError

        from app.accounts.people import display_name
        from app.errors import StorageError

        try:  # the person's name (张丽), not the login name (shouli)
            return display_name(context.store, actor.username)
        except (StorageError, SQLAlchemyError):  # the status bar never stops the window opening
            return actor.username

    def show_about(self) -> None:
        from ui.about import AboutDialog

        database = database_text(self.context.store.url) if self.context is not None else None
        self.about_dialog = AboutDialog(database, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.change_watcher is not None:
            self.change_watcher.stop()
        if self.context is not None:
            self.context.tasks.shutdown()
        super().closeEvent(event)


def database_text(url: str) -> str:
    """The database as the status bar shows it: a file path, or the URL without password."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    from app.store.connection import describe, is_local

    if not is_local(url):  # which server this desk is on: user@host:port/database
        return QCoreApplication.translate("MainWindow", "server %1").replace("%1", describe(url))
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
