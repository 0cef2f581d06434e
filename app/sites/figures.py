"""The year's mediation figures per site: the township each case came from (or this site)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kernel.figures import AreaFigures, FiguresRequest
from app.mediation.models import Channel, MediationCase, MediationClosure
from app.sites.models import SiteIdentity, SitePeer, SiteRecordOrigin


@dataclass(frozen=True)
class SiteMediation:
    code: str
    name: str
    handled: int = 0
    successful: int = 0
    online_handled: int = 0
    online_successful: int = 0


def mediation_by_site(session: Session, first: date, last: date) -> tuple[SiteMediation, ...]:
    """Cases closed in [first, last] per site of origin; empty on an installation that is not a site.
    Summed, they are the whole-channel and online figures of the report."""
    me = session.scalar(select(SiteIdentity))
    if me is None:
        return ()
    names = {me.code: me.name, **dict(session.execute(select(SitePeer.code, SitePeer.name)).all())}
    origins = dict(session.execute(select(SiteRecordOrigin.record_uuid, SiteRecordOrigin.origin_code)
                                   .where(SiteRecordOrigin.table_name == MediationCase.__tablename__)).all())
    tally: dict[str, list[int]] = {}
    for case_uuid, channel, closure in session.execute(
            select(MediationCase.uuid, MediationCase.channel, MediationCase.closure)
            .where(MediationCase.closed_on.between(first, last))):
        counts = tally.setdefault(origins.get(str(case_uuid), me.code), [0, 0, 0, 0])
        agreed = closure == MediationClosure.AGREEMENT.value
        online = channel == Channel.ONLINE.value
        counts[0] += 1
        counts[1] += agreed
        counts[2] += online
        counts[3] += online and agreed
    return tuple(SiteMediation(code, names.get(code, code), *counts) for code, counts in sorted(tally.items()))


def compute(request: FiguresRequest) -> dict[str, Any]:
    """The sites area's part of the year's figures (app/kernel/figures.py): mediation per site of origin."""
    with request.store.read() as session:
        return {"mediation_by_site": mediation_by_site(session, request.period.first, request.period.last)}


FIGURES = AreaFigures(compute)
