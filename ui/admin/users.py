"""系统管理 → 用户与角色: the accounts, what can be done to them, and who may do what.

The list of accounts is small (a bureau has tens of users), so it is a plain
QStandardItemModel behind a QSortFilterProxyModel (STYLE.md: small lists may).
The permission × role table below it is generated from the role table (role_table()), the
one table the services enforce, and is read-only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission, Role, label, permission_rules, role_table
from app.accounts.service import AccountService, UserRow
from app.clock import local_time
from app.errors import StorageError, UserError
from ui.admin.user_dialogs import EditRolesDialog, NewUserDialog, ResetPasswordDialog
from ui.context import AppContext
from ui.errors import show_user_error

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHECK_MARK = "✓"

COL_USERNAME, COL_DISPLAY_NAME, COL_ROLES, COL_STATUS = range(4)


def role_labels(roles: frozenset[str] | set[str], language: str) -> str:
    """The roles in the table's order, as words: 系统管理员、受理登记员."""
    separator = ", " if language == "en" else "、"
    return separator.join(label(role, language) for role in Role if role.value in roles)


class PermissionMatrix(QTableView):
    """Rows = permissions, columns = roles, ✓ where the role holds the permission."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permission_matrix")
        roles = list(Role)
        # Every area's permissions (app/<area>/area.py), in the table's order.
        self._permissions = permissions = [rule.permission for rule in permission_rules()]
        table = role_table()
        model = QStandardItemModel(len(permissions), len(roles), self)
        model.setHorizontalHeaderLabels([label(role, language) for role in roles])
        model.setVerticalHeaderLabels([label(permission, language) for permission in permissions])
        for r, permission in enumerate(permissions):
            allowed = table.get(permission, frozenset())
            row_header = model.verticalHeaderItem(r)
            row_header.setToolTip(permission)
            for c, role in enumerate(roles):
                item = QStandardItem(CHECK_MARK if role in allowed else "")
                item.setEditable(False)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                model.setItem(r, c, item)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # Each role column as wide as its name, so all eight fit beside the (long)
        # permission names in the main window.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setHighlightSections(False)
        # Never taller than its rows (no empty space below); scrolls when squeezed.
        self.setMaximumHeight(self.full_height())
        self.setMinimumHeight(header.sizeHint().height() + 4 * rows.defaultSectionSize())

    def sizeHint(self) -> QSize:  # Qt override: as tall as all its rows
        hint = super().sizeHint()
        return QSize(hint.width(), self.full_height())

    def full_height(self) -> int:
        rows = self.verticalHeader()
        return (
            self.horizontalHeader().sizeHint().height()
            + self.model().rowCount() * rows.defaultSectionSize()
            + 2 * self.frameWidth()
        )

    def allowed(self, permission: Permission | str, role: Role) -> bool:
        """What the table shows for this cell (tests compare it with role_table())."""
        model = self.model()
        index = model.index(self._permissions.index(permission), list(Role).index(role))
        return model.data(index) == CHECK_MARK


class UsersTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_tab")
        self._context = context
        self.service = AccountService(context.store, context.actor)
        self._rows: dict[int, UserRow] = {}

        # ---- the actions
        self.new_button = self._button("new_user", self.tr("New user"), self.new_user)
        self.roles_button = self._button("edit_roles", self.tr("Change roles"), self.edit_roles)
        self.password_button = self._button(
            "reset_password", self.tr("Reset password"), self.reset_password
        )
        self.active_button = self._button("toggle_active", self.tr("Disable"), self.toggle_active)
        self.unlock_button = self._button("unlock", self.tr("Unlock"), self.unlock)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("user_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter users"))
        bar = QHBoxLayout()
        for button in (
            self.new_button,
            self.roles_button,
            self.password_button,
            self.active_button,
            self.unlock_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit)

        # ---- the accounts
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Display name"), self.tr("Roles"), self.tr("Status")]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setObjectName("users_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_USERNAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_USERNAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DISPLAY_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ROLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_roles)

        users_box = QWidget(self)
        users_layout = QVBoxLayout(users_box)
        users_layout.setContentsMargins(0, 0, 0, 0)
        users_layout.addLayout(bar)
        users_layout.addWidget(self.table)

        # ---- who may do what
        self.matrix = PermissionMatrix(context.language, self)
        matrix_box = QGroupBox(self.tr("Permissions by role (read-only)"), self)
        matrix_layout = QVBoxLayout(matrix_box)
        note = QLabel(
            self.tr(
                "This is the table the program enforces; a user may do what any of their roles may."
            ),
            matrix_box,
        )
        note.setWordWrap(True)
        matrix_layout.addWidget(note)
        matrix_layout.addWidget(self.matrix)

        # The accounts above, the table below, half and half to start with; the
        # administrator drags the handle.  The table is never taller than its rows.
        matrix_box.setMaximumHeight(matrix_box.sizeHint().height())
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("users_splitter")
        self.splitter.addWidget(users_box)
        self.splitter.addWidget(matrix_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1, 1])  # scaled to the real height when first laid out
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.reload()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ---------------------------------------------------------------- the list
    def reload(self, select_id: int | None = None) -> None:
        """Read the accounts again; keep (or move) the selection by user id."""
        if select_id is None:
            current = self.selected_user()
            select_id = current.id if current is not None else None
        try:
            users = self.service.list_users()
        except (UserError, StorageError) as err:
            show_user_error(self, err, self._context.language)
            users = []
        self._rows = {user.id: user for user in users}
        self.table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        for user in users:
            self.model.appendRow(self._items(user))
        self.table.setSortingEnabled(True)
        if select_id is not None:
            self.select_user(select_id)
        self._update_buttons()

    def _items(self, user: UserRow) -> list[QStandardItem]:
        language = self._context.language
        cells = [
            user.username,
            user.display_name,
            role_labels(user.roles, language),
            self.status_text(user),
        ]
        items = []
        for text in cells:
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(user.id, USER_ID_ROLE)
            if not user.active:
                item.setForeground(self.palette().placeholderText())
            items.append(item)
        return items

    def status_text(self, user: UserRow) -> str:
        if not user.active:
            return self.tr("Disabled")
        if user.is_locked() and user.locked_until is not None:
            until = local_time(user.locked_until).strftime("%Y-%m-%d %H:%M")
            return self.tr("Locked until {time}").format(time=until)
        return self.tr("Active")

    def row_of(self, user_id: int) -> int:
        """The view row showing this user, or -1."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(USER_ID_ROLE) == user_id:
                return row
        return -1

    def select_user(self, user_id: int) -> bool:
        row = self.row_of(user_id)
        if row < 0:
            self.table.clearSelection()
            return False
        self.table.selectRow(row)
        return True

    def select_username(self, username: str) -> bool:
        for user in self._rows.values():
            if user.username == username:
                return self.select_user(user.id)
        return False

    def selected_user(self) -> UserRow | None:
        selection = self.table.selectionModel()
        if selection is None:
            return None
        rows = selection.selectedRows()
        if not rows:
            return None
        return self._rows.get(rows[0].data(USER_ID_ROLE))

    def user_named(self, username: str) -> UserRow | None:
        return next((u for u in self._rows.values() if u.username == username), None)

    def cell_text(self, username: str, column: int) -> str:
        user = self.user_named(username)
        if user is None:
            return ""
        row = self.row_of(user.id)
        return self.proxy.index(row, column).data() if row >= 0 else ""

    def _update_buttons(self, *_args: object) -> None:
        user = self.selected_user()
        for button in (self.roles_button, self.password_button, self.active_button):
            button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.is_locked())
        if user is not None and not user.active:
            self.active_button.setText(self.tr("Enable"))
        else:
            self.active_button.setText(self.tr("Disable"))

    # ---------------------------------------------------------------- the actions
    def new_user(self) -> None:
        row = NewUserDialog.ask(self._context, self.service, self)
        if row is not None:
            self.reload(select_id=row.id)

    def edit_roles(self, *_args: object) -> None:
        user = self.selected_user()
        if user is None:
            return
        row = EditRolesDialog.ask(self._context, self.service, user, self)
        self.reload(select_id=user.id if row is None else row.id)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if ResetPasswordDialog.ask(self._context, self.service, user, self) is not None:
            self.reload(select_id=user.id)

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._call(lambda: self.service.set_active(user.id, not user.active), user.id)

    def unlock(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._call(lambda: self.service.unlock(user.id), user.id)

    def _call(self, change: Callable[[], object], user_id: int) -> None:
        try:
            change()
        except (UserError, StorageError) as err:
            show_user_error(self, err, self._context.language)
        self.reload(select_id=user_id)
