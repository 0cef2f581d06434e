"""work-injury claims stored before the split: 工伤医疗费 read as its own category; issued awards keep their finality

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03

Before issue 16 one category, ``injury`` (shown as 工伤待遇（工伤医疗费）), held every work-injury claim,
and an award computed every such item as final-eligible.  调解仲裁法 art 47(1) names 工伤医疗费 only
("追索劳动报酬、工伤医疗费、经济补偿或者赔偿金，不超过当地月最低工资标准十二个月金额的争议"), not the
other benefits of 工伤保险条例 (一次性伤残补助金, 伤残津贴, 停工留薪期工资, 护理费, 一次性工伤医疗补助金 …).
The program now has ``injury_medical`` (工伤医疗费, final-eligible) and reads ``injury`` as the other
benefits (never final).  This migration decides what the rows stored before the split mean.

What the law and record-keeping require, and what is done:

1. **What a claim is** is read from what the applicant wrote.  A stored ``injury`` claim whose description
   names medical costs (医疗费, 医药费, 治疗费, 住院费) and no other benefit (补助金, 津贴, 停工留薪, 护理,
   伙食, 交通, 食宿, 辅助器具, 丧葬, 抚恤, 康复) is a claim for 工伤医疗费 and becomes ``injury_medical``.
   "一次性工伤医疗补助金" is a lump sum of 工伤保险条例 art 36/37, not 工伤医疗费: it names 补助金 and stays.
   A claim that names both, or nothing, stays ``injury``: the non-final reading keeps both parties'
   right to go to court (调解仲裁法 art 50), where a wrongly final one would take the employer's away
   (art 48/49); the arbitrator can still split a mixed claim (withdraw it and add the items).
   The same reading applies to mediation requests (``mediation_claim``), whose categories travel into an
   arbitration case when an unperformed agreement goes to arbitration.

2. **An issued award is a legal fact.**  Its ``final`` flags were computed under the old rule and printed
   on the 裁决书 that was served; "仲裁裁决的类型以仲裁裁决书确定为准" (最高人民法院关于审理劳动争议案件
   适用法律问题的解释（一）, 法释〔2020〕26号, art 18): the parties' remedies (art 48/49 or art 50) follow
   what the award says, not what a later program would compute.  So ``final`` is never changed here, not
   even on an ``injury`` item that the award called final and art 47(1) would not: the deadlines and the
   documents keep reading the flag as issued.  The item's category is still corrected by rule 1 (its
   nature does not change with the label), so a reprint names 工伤医疗费 where the claim was for it.

3. **Nothing silently.**  Every row changed gets the version bump an edit would give it and an audit
   entry (update, the category's old and new value, the record's new digest) whose reason cites this
   migration and art 47(1), so ``audit verify`` holds and the 操作日志 shows what moved and why.

The schema does not change.  Downgrade leaves the categories as read: the program at 0014 already
writes ``injury_medical`` (the split landed before this migration), so there is nothing to undo.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OLD, MEDICAL = "injury", "injury_medical"
MEDICAL_WORDS = ("医疗费", "医药费", "治疗费", "住院费")
OTHER_WORDS = ("补助金", "津贴", "停工留薪", "护理", "伙食", "交通", "食宿", "辅助器具", "丧葬", "抚恤", "康复")
REASON = ("迁移0016：工伤待遇拆分，原“工伤待遇”请求按其内容认定为工伤医疗费（《劳动争议调解仲裁法》第四十七条第一项）；"
          "已作出裁决的终局认定不变（法释〔2020〕26号第十八条）")


def is_medical_expenses(description: str | None) -> bool:
    """A claim for 工伤医疗费 only: it names medical costs and no other benefit."""
    text = description or ""
    return any(w in text for w in MEDICAL_WORDS) and not any(w in text for w in OTHER_WORDS)


def _reclassify(bind: sa.Connection, model: Any, actor: Any) -> int:
    from app.audit import chain as audit
    from app.store.base import utc_now

    table = model.__table__
    live = {c["name"] for c in sa.inspect(bind).get_columns(table.name)}
    # The model's own column types (dates, UTC times, UUIDs come back as the program reads them), limited to the
    # columns this revision has, so the digest is the one `audit verify` will compute from the record.
    columns = [c for c in table.columns if c.name in live]
    rows = bind.execute(sa.select(*columns).where(table.c.category == OLD).order_by(table.c.id)).mappings().all()
    entries = []
    for row in rows:
        if not is_medical_expenses(row["description"]):
            continue
        now = utc_now()
        bind.execute(
            sa.update(table).where(table.c.id == row["id"])
            .values(category=MEDICAL, version=row["version"] + 1, updated_at=now)
        )
        state = {**row, "category": MEDICAL, "version": row["version"] + 1, "updated_at": now}
        record = model(**{attr.key: state[attr.columns[0].name] for attr in model.__mapper__.column_attrs
                          if attr.columns[0].name in state})
        entries.append(audit.PendingEntry(
            action="update", table_name=table.name, record_id=row["id"], record_uuid=str(row["uuid"]),
            changes={"category": [OLD, MEDICAL]}, record_digest=audit.record_digest(record), reason=REASON,
        ))
    if entries and bind.execute(sa.text("SELECT count(*) FROM audit_head WHERE id = 1")).scalar():
        audit.append(bind, actor, entries)
    return len(entries)


def upgrade() -> None:
    import app.models  # noqa: F401  (every audited table)
    from app.arbitration.models import ArbitrationClaim
    from app.mediation.models import MediationClaim
    from app.accounts.actor import Actor

    bind = op.get_bind()
    actor = Actor(username="(migration 0016)")
    for model in (ArbitrationClaim, MediationClaim):
        _reclassify(bind, model, actor)


def downgrade() -> None:
    # No schema change; the categories stay as read (see the docstring).
    pass
