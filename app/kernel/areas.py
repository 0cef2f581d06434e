"""The areas of the program, each declared once (issue 12: an area is a package).

Every area package has a small `area.py` holding `AREA = AreaSpec(...)`: its
permissions (with who holds them), its message catalogue, its desk providers,
its command-line modules, the labels the audit log shows for its tables and
fields, and which of its tables travel between sites.  The central lists — the
command line's commands, the desk's providers, the role table, the message
lookup, the audit log's labels — iterate over `areas()` instead of naming areas.

`INSTALLED` below is the one list of installed areas; its order is the order of
the command line's commands and of the permission table's rows.  A test (or a
plug-in) adds an area at run time with `register(spec)` and takes it away with
`unregister(key)`.

Modules are named by strings ("module" or "module:attribute") and imported only
when a central list is first read, so that declaring an area imports none of
its services, and this module imports no area.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The installed areas' declarations, in order.
INSTALLED: tuple[str, ...] = (
    "app.store.area",
    "app.parties.area",
    "app.accounts.area",
    "app.legal.area",
    "app.complaints.area",
    "app.arbitration.area",
    "app.reports.area",
    "app.demo.area",
    "app.backup.area",
    "app.sites.area",
    "app.staff.area",
    "app.audit.area",
    "app.training.area",
    "app.projects.area",
    "app.mediation.area",
    "app.imports.area",
)

# Who holds a permission: every role, or these roles (Role values).
EVERYONE = "*"


@dataclass(frozen=True)
class PermissionRule:
    """One row of the role table: a permission, its words, and the roles that hold it.

    `anonymous`: the command line may use it without signing in (read and masked export only)."""

    permission: str
    en: str
    zh: str
    roles: frozenset[str] | str = frozenset()
    anonymous: bool = False

    def held_by(self, all_roles: frozenset[str]) -> frozenset[str]:
        return all_roles if self.roles == EVERYONE else frozenset(self.roles)


@dataclass(frozen=True)
class AreaSpec:
    key: str
    # the role table's rows this area owns, in the order the administrator sees them
    permissions: tuple[PermissionRule, ...] = ()
    # "module" holding MESSAGES: dict[code, (English, Chinese)]
    messages: str | None = None
    # placeholder -> "module:function" putting a code carried by a UserError into words at message time:
    # function(code, language) -> str (e.g. "status" -> the status's words).  They word this area's own
    # codes (so two areas may both declare "status"); a shared code of app/errors.py is worded by the
    # one area declaring its placeholder ("permission" -> the permission's label, by accounts)
    message_values: Mapping[str, str] = field(default_factory=dict)
    # "module:attribute" of each provider on Today's desk (an object or a class to instantiate)
    desk_providers: tuple[str, ...] = ()
    # modules with `register(subparsers)` adding this area's commands
    cli_modules: tuple[str, ...] = ()
    # "module:attribute" of the area's part of the year's figures (app.kernel.figures.AreaFigures: the
    # function computing them for a period, their definitions and labels); app/reports/yearly.py gathers them
    figures: str | None = None
    # what the audit log calls this area's tables, and fields no other area names: (English, Chinese)
    audit_tables: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    audit_fields: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # every audited table of the area either travels between sites (table -> app.sites.travel.Travel)
    # or stays local (table -> the reason)
    travelling: Mapping[str, Any] = field(default_factory=dict)
    local: Mapping[str, str] = field(default_factory=dict)
    # what the sites screen calls each travelling table, in a sentence ("parties 3"): (English, Chinese)
    exchange_labels: Mapping[str, tuple[str, str]] = field(default_factory=dict)


_loaded: list[AreaSpec] | None = None
_added: list[AreaSpec] = []
_generation = 0  # bumped whenever the set of areas changes; caches compare it


def areas() -> list[AreaSpec]:
    """Every area: the installed ones, then those registered at run time."""
    global _loaded
    if _loaded is None:
        _loaded = [importlib.import_module(name).AREA for name in INSTALLED]
    return [*_loaded, *_added]


def area(key: str) -> AreaSpec | None:
    return next((spec for spec in areas() if spec.key == key), None)


def register(spec: AreaSpec) -> None:
    """Add an area at run time (a test's, a plug-in's).  Its key must be new."""
    global _generation
    if area(spec.key) is not None:
        raise ValueError(f"an area {spec.key!r} is already registered")
    _added.append(spec)
    _generation += 1


def unregister(key: str) -> None:
    global _generation
    _added[:] = [spec for spec in _added if spec.key != key]
    _generation += 1


def generation() -> int:
    """Changes whenever an area is registered or unregistered (for caches of the central lists)."""
    return _generation


def load(reference: str) -> Any:
    """The object named by "module:attribute" (or the module itself for "module")."""
    module_name, _, attribute = reference.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module
