"""Case numbers: per body, document type and year; never reused; patterns from settings."""

from __future__ import annotations

import pytest

from app.accounts.actor import setup_actor
from app.kernel.numbering import allocate_number, void_number
from app.kernel.settings import SettingsService
from app.kernel.unit_of_work import UnitOfWork


def allocate(store, doc_type: str, year: int, body: str | None = None) -> str:
    with UnitOfWork(store, setup_actor()) as uow:
        return allocate_number(uow, doc_type, year, body=body)


def test_sequences_per_year_and_type(store) -> None:
    assert allocate(store, "arbitration", 2023) == "某区劳人仲案字〔2023〕第1号"
    assert allocate(store, "arbitration", 2023) == "某区劳人仲案字〔2023〕第2号"
    assert allocate(store, "arbitration", 2024) == "某区劳人仲案字〔2024〕第1号"
    assert allocate(store, "rectification_order", 2023) == "某区人社监令〔2023〕1号"
    assert allocate(store, "mediation", 2023, body="花溪镇") == "花溪镇劳调字〔2023〕第1号"


def test_a_rolled_back_allocation_is_not_a_hole_and_a_void_number_is_not_reused(store) -> None:
    with pytest.raises(RuntimeError), UnitOfWork(store, setup_actor()) as uow:
        allocate_number(uow, "arbitration", 2023)
        raise RuntimeError("save failed")
    first = allocate(store, "arbitration", 2023)
    assert first.endswith("第1号")  # the failed save took nothing
    with UnitOfWork(store, setup_actor()) as uow:
        void_number(uow, first, "立案错误")
    assert allocate(store, "arbitration", 2023).endswith("第2号")


def test_district_name_and_patterns_are_settings(store) -> None:
    settings = SettingsService(store, setup_actor())
    organisation = settings.get("organisation")
    settings.set("organisation", {**organisation, "district": "南明区"})
    assert allocate(store, "arbitration", 2023) == "南明区劳人仲案字〔2023〕第1号"
