"""``yifa seed``: synthetic applications and certificates on the demo items (bulk rows, no procedure)."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.bulk import insert_objects
from yifa.core.crypto import encrypt

from .models import Application, AppState, Certificate, Channel, Item

BATCH = 2000
STATES = [AppState.RECEIVED, AppState.ACCEPTED, AppState.GRANTED, AppState.REFUSED, AppState.ISSUED]
DECIDED = (AppState.GRANTED, AppState.REFUSED, AppState.ISSUED)


def seed(*, scale: int, progress) -> dict:
    items = list(Item.objects.select_related("unit"))
    if not items:
        return {"applications": 0}
    rng = random.Random(2026)
    today = dt.date.today()
    count = max(1, scale // 5)
    offset = Application.objects.count()
    id_number, phone = encrypt("91330100MA2B3C4D5E"), encrypt("13800001111")
    certificates = 0
    for first in range(0, count, BATCH):
        rows = []
        for i in range(first, min(count, first + BATCH)):
            item = rng.choice(items)
            received = today - dt.timedelta(days=rng.randint(0, 1500))
            state = rng.choice(STATES)
            decided = received + dt.timedelta(days=rng.randint(1, 28)) if state in DECIDED else None
            rows.append(
                Application(
                    number=f"S{offset + i:09d}",
                    lookup_code="seed",
                    item=item,
                    unit=item.unit,
                    channel=rng.choice(Channel.values),
                    applicant_name=f"江临市测试{offset + i}号经营户",
                    applicant_id_number=id_number,
                    applicant_phone=phone,
                    summary=f"申请{item.name}",
                    received_on=received,
                    state=state,
                    accepted_on=received if state != AppState.RECEIVED else None,
                    decided_on=decided,
                    decision_number=f"江许〔{decided.year}〕{offset + i}号" if decided else "",
                    by_promise=rng.random() < 0.1,
                    applicant_is_organisation=True,
                )
            )
        made = insert_objects(rows)
        issued = [a for a in made if a.state == AppState.ISSUED]
        insert_objects(
            Certificate(
                number=f"SJY{a.number}",
                application=a,
                item=a.item,
                unit=a.unit,
                holder_name=a.applicant_name,
                issued_on=a.decided_on + dt.timedelta(days=3),
                valid_until=a.received_on + dt.timedelta(days=5 * 365),
            )
            for a in issued
        )
        certificates += len(issued)
        progress("行政许可申请", min(count, first + BATCH), count)
    return {"applications": count, "certificates": certificates}
