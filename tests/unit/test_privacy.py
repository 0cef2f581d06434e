"""Masking, and logs that never hold an ID number or a phone number."""

from __future__ import annotations

import logging

import pytest

from app.privacy import ScrubbingFilter, mask, scrub


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        ("id_no", "11010519491231002X", "110105********002X"),
        ("phone", "13812345678", "138****5678"),
        ("phone", "0851-85551234", "*********1234"),
        ("bank_account", "6222021234567890123", "****0123"),
        ("address", "贵州省贵阳市南明区花果园街道某小区5栋", "贵州省贵阳市南明区花果园街道****"),
        ("address", "北京市朝阳区建国路88号", "北京市朝阳区****"),
        ("name", "张三丰", "张**"),
        ("id_no", "", ""),
        ("id_no", None, ""),
    ],
)
def test_mask(kind: str, value: str | None, shown: str) -> None:
    assert mask(kind, value) == shown


def test_scrub_masks_numbers_inside_text() -> None:
    text = "张伟 11010519491231002X 电话13812345678，金额 12345.00 元，案号 2023000123"
    assert scrub(text) == "张伟 110105********002X 电话138****5678，金额 12345.00 元，案号 2023000123"


def test_log_lines_and_tracebacks_are_scrubbed(tmp_path) -> None:
    path = tmp_path / "x.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.addFilter(ScrubbingFilter())
    logger = logging.getLogger("test.privacy")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info("saved %s phone %s", "11010519491231002X", "13812345678")
        try:
            raise ValueError("bad id 11010519491231002X")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = path.read_text(encoding="utf-8")
    assert "11010519491231002X" not in written
    assert "13812345678" not in written
    assert "110105********002X" in written
    assert "ValueError" in written  # the traceback is still there, scrubbed
