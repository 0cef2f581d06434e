"""An area declares itself once (app/kernel/areas.py): a small test-only area, registered
here and taken away after, shows up in the command line, on Today's desk, in the role
table, in the audit log's labels and in the yearly report's figures — without touching any central list."""

from __future__ import annotations

import argparse
import json
import sys
import types
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.accounts.permissions import (
    Role,
    anonymous_permissions,
    label,
    permission_rules,
    role_allows,
    role_table,
)
from app.audit import labels as audit_labels
from app.desk.service import DeskItem, DeskService, providers
from app.kernel import areas
from app.kernel.areas import AreaSpec, PermissionRule
from app.kernel.figures import AreaFigures, FiguresRequest
from tests.conftest import make_actor

GAZETTE_VIEW = "gazette.view"
TODAY = date(2024, 3, 4)


def _register_commands(subparsers: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option, add_json_option

    command = subparsers.add_parser("gazette", help="the test-only area's one command")
    add_db_option(command)
    add_json_option(command)
    command.add_argument("--issue", type=int, required=True)

    def handle(args: argparse.Namespace) -> int:
        print(json.dumps({"area": "gazette", "issue": args.issue}))
        return 0

    command.set_defaults(handler=handle)


def gazette_figures(request: FiguresRequest) -> dict[str, Any]:
    """The test area's part of the year's figures: notices printed in the period (one a month)."""
    return {"notices_printed": len(request.period.months()), "whole_year": request.whole_year,
            "first": request.period.first.isoformat()}


GAZETTE_DEFINITION = "统计期内印发的公报期数，按印发日期统计。"


class GazetteDeskProvider:
    area = "gazette"
    permission = GAZETTE_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        return [DeskItem(area=self.area, case_id=7, reference="公报第7期", parties="", rule_id="公报",
                         what="公报送印", due=TODAY)][:limit]

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        return int((after is None or after < TODAY) and until >= TODAY)


@pytest.fixture
def gazette(monkeypatch: pytest.MonkeyPatch) -> Iterator[AreaSpec]:
    cli_module = types.ModuleType("gazette_area_cli")
    cli_module.register = _register_commands
    desk_module = types.ModuleType("gazette_area_desk")
    desk_module.GazetteDeskProvider = GazetteDeskProvider
    figures_module = types.ModuleType("gazette_area_figures")
    figures_module.FIGURES = AreaFigures(gazette_figures, definitions={"gazette_notices": GAZETTE_DEFINITION},
                                         labels={"gazette_kind": {"regular": "定期公报"}})
    monkeypatch.setitem(sys.modules, "gazette_area_figures", figures_module)
    monkeypatch.setitem(sys.modules, "gazette_area_cli", cli_module)
    monkeypatch.setitem(sys.modules, "gazette_area_desk", desk_module)
    spec = AreaSpec(
        "gazette",
        permissions=(PermissionRule(GAZETTE_VIEW, "View the gazette", "查看公报", frozenset({Role.INSPECTOR}),
                                    anonymous=True),),
        desk_providers=("gazette_area_desk:GazetteDeskProvider",),
        cli_modules=("gazette_area_cli",),
        figures="gazette_area_figures:FIGURES",
        audit_tables={"gazette_notice": ("Gazette notices", "公报公告")},
        audit_fields={"printed_on": ("Printed on", "印发日期")},
        exchange_labels={"gazette_notice": ("gazette notices", "公报公告")},
    )
    areas.register(spec)
    try:
        yield spec
    finally:
        areas.unregister("gazette")


def test_the_test_area_is_found_in_the_command_line(gazette: AreaSpec, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import main

    # main() makes the process's temporary folder private; the test session's PostgreSQL server
    # (run as another user) keeps its files there, so not here
    monkeypatch.setattr("app.config.protect_files", lambda: None)

    assert main.main(["gazette", "--issue", "7"]) == 0
    assert json.loads(capsys.readouterr().out) == {"area": "gazette", "issue": 7}
    with pytest.raises(SystemExit):
        main.main(["--help"])
    assert "gazette" in capsys.readouterr().out


def test_the_test_area_is_found_in_the_role_table(gazette: AreaSpec) -> None:
    assert role_table()[GAZETTE_VIEW] == frozenset({Role.INSPECTOR})
    assert role_allows("inspector", GAZETTE_VIEW) and not role_allows("arbitrator", GAZETTE_VIEW)
    assert label(GAZETTE_VIEW, "zh_CN") == "查看公报" and label(GAZETTE_VIEW, "en") == "View the gazette"
    assert GAZETTE_VIEW in anonymous_permissions()
    assert [rule.permission for rule in permission_rules()][-1] == GAZETTE_VIEW  # after the installed areas'


def test_the_test_area_is_found_on_the_desk(gazette: AreaSpec, store) -> None:
    assert "gazette" in {p.area for p in providers()}
    desk = DeskService(store, make_actor("inspector"), today=lambda: TODAY).desk()
    assert [(i.area, i.reference) for i in desk.items if i.area == "gazette"] == [("gazette", "公报第7期")]
    assert desk.counts.today >= 1
    hidden = DeskService(store, make_actor("mediator"), today=lambda: TODAY).desk()
    assert all(i.area != "gazette" for i in hidden.items)


def test_the_test_area_is_found_in_the_audit_log_labels(gazette: AreaSpec) -> None:
    assert audit_labels.table_label("gazette_notice", "zh_CN") == "公报公告"
    assert audit_labels.table_label("gazette_notice", "en") == "Gazette notices"
    assert audit_labels.field_label("printed_on", "zh_CN") == "印发日期"


def test_the_test_area_is_found_in_the_yearly_figures(gazette: AreaSpec, store) -> None:
    """The report gathers every area's declared figures from the registry: the test area's part, its
    说明 text and its labels arrive without the report naming it; the JSON lists it under other_areas,
    a key that is absent while only the installed areas (whose figures the report places) count."""
    from app.reports.yearly import DEFINITION_ORDER, yearly_figures

    leader = make_actor("leadership")
    year = yearly_figures(store, leader, 2023)
    spring = yearly_figures(store, leader, 2023, date_from=date(2023, 3, 1), date_to=date(2023, 5, 31))
    assert year.other_areas == {"gazette": {"notices_printed": 12, "whole_year": True, "first": "2023-01-01"}}
    assert spring.other_areas["gazette"] == {"notices_printed": 3, "whole_year": False, "first": "2023-03-01"}
    assert year.to_json()["other_areas"] == {"gazette": {"notices_printed": 12, "whole_year": True,
                                                         "first": "2023-01-01"}}
    # its 说明 follows the installed areas' (the PDF's notes and the Excel 说明 sheet list them in this order)
    assert list(year.definitions) == [*DEFINITION_ORDER, "gazette_notices"]
    assert year.definitions["gazette_notices"] == GAZETTE_DEFINITION
    assert year.label("gazette_kind", "regular") == "定期公报"
    assert year.label("closure", "award") == "裁决"  # the arbitration area's labels, gathered the same way

    areas.unregister("gazette")
    without = yearly_figures(store, leader, 2023)
    assert without.other_areas == {} and "other_areas" not in without.to_json()
    assert list(without.definitions) == list(DEFINITION_ORDER)  # every installed area's 说明, in report order
    # the installed areas' figures are the same with or without it
    assert {k: v for k, v in year.to_json().items() if k != "other_areas"} == without.to_json()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_test_area_is_named_on_the_audit_log_and_sites_screens(gazette: AreaSpec, qapp, store,
                                                                    language: str) -> None:
    """The 操作日志 and 站点与交换 screens read the words from the areas: no list of their own to extend."""
    from ui.admin import sites
    from ui.admin.audit_log import AuditLogTab
    from ui.context import AppContext

    tab = AuditLogTab(AppContext(store=store, actor=make_actor("admin", username="admin"), language=language,
                                 error_windows=False))
    try:
        english = language == "en"
        assert tab.table_label("gazette_notice") == ("Gazette notices" if english else "公报公告")
        assert tab.field_label("printed_on") == ("Printed on" if english else "印发日期")
        assert sites.table_label("gazette_notice", language) == ("gazette notices" if english else "公报公告")
    finally:
        tab.deleteLater()
    areas.unregister("gazette")
    assert sites.table_label("gazette_notice", language) == "gazette_notice"


def test_the_test_area_is_gone_after(gazette: AreaSpec) -> None:
    areas.unregister("gazette")
    assert areas.area("gazette") is None
    assert GAZETTE_VIEW not in role_table()
    assert "gazette" not in {p.area for p in providers()}
    assert audit_labels.table_label("gazette_notice", "zh_CN") == "gazette_notice"
    assert all("gazette_notice" not in spec.exchange_labels for spec in areas.areas())
    from app.cli import command_modules

    assert "gazette_area_cli" not in command_modules()


def test_an_area_key_is_registered_once(gazette: AreaSpec) -> None:
    with pytest.raises(ValueError):
        areas.register(AreaSpec("gazette"))
    with pytest.raises(ValueError):
        areas.register(AreaSpec("complaints"))


def test_no_permission_is_declared_by_two_areas(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = [rule.permission for rule in permission_rules()]
    assert len(installed) == len(set(installed))
    areas.register(AreaSpec("twin", permissions=(PermissionRule("party.view", "again", "重复"),)))
    try:
        with pytest.raises(ValueError, match="party.view"):
            permission_rules()
    finally:
        areas.unregister("twin")


def test_each_area_declares_its_own_tables_once() -> None:
    """A table's label and its place between sites (travelling or local) come from the same area,
    and no two areas declare one table."""
    from app.sites.travel import LOCAL, TRAVELLING

    owner: dict[str, list[str]] = {}
    for spec in areas.areas():
        assert set(spec.travelling) | set(spec.local) == set(spec.audit_tables), spec.key
        assert not set(spec.travelling) & set(spec.local), spec.key
        for table in spec.audit_tables:
            owner.setdefault(table, []).append(spec.key)
    assert {table: keys for table, keys in owner.items() if len(keys) > 1} == {}
    assert set(owner) <= set(TRAVELLING) | set(LOCAL)
    assert TRAVELLING["complaint"].directions == frozenset({"up"}) and "app_user" in LOCAL
    # the sites screen's words for each travelling table come from the area that takes it along;
    # the sites area names the kernel's (settings) and a bundle's deletions
    named: dict[str, list[str]] = {}
    for spec in areas.areas():
        assert set(spec.exchange_labels) <= set(spec.travelling) or spec.key == "sites", spec.key
        for table in spec.exchange_labels:
            named.setdefault(table, []).append(spec.key)
    assert {table: keys for table, keys in named.items() if len(keys) > 1} == {}
    assert set(named) == set(TRAVELLING) | {"deleted"}


def test_each_audited_field_is_named_once() -> None:
    """A field only one area's tables have is named by that area; the shared vocabulary holds the rest."""
    where: dict[str, list[str]] = {field: ["shared"] for field in audit_labels.FIELDS}
    for spec in areas.areas():
        for field in spec.audit_fields:
            where.setdefault(field, []).append(spec.key)
    assert {field: keys for field, keys in where.items() if len(keys) > 1} == {}
    assert audit_labels.field_label("owed_fen", "zh_CN") == "拖欠金额"  # the complaints area's
    assert "owed_fen" in areas.area("complaints").audit_fields
