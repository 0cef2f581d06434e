"""After the whole UI run (this file is collected last in tests/ui): the program's
log holds no ID number and no mobile number in full."""

from __future__ import annotations

import logging
import re
from pathlib import Path

FULL_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def test_the_log_of_the_run_holds_no_personal_numbers(session_log: Path) -> None:
    # A line as careless code might write it: it must reach the file masked.
    logging.getLogger("renshe.privacy-check").warning(
        "saving worker 11010519491231002X, phone 13812345678"
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(session_log.parent.glob(session_log.name + "*")))
    assert "110105********002X" in text  # the file really is the program's live log
    assert FULL_ID.findall(text) == []
    assert MOBILE.findall(text) == []
