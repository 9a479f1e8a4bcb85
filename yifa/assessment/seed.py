"""``yifa seed``: facts in bulk (documents filed, reconsideration decisions), for the cockpit at scale."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.models import Unit

from .indicators import NORMDOCS_FILED, RECONSIDERATION_UPHELD
from .models import Fact
from .queries import ASSESSED_KINDS

BATCH = 2000


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=ASSESSED_KINDS).values_list("pk", flat=True))
    if not units:
        return {"facts": 0}
    facts = [
        Fact(
            indicator=rng.choice((NORMDOCS_FILED, RECONSIDERATION_UPHELD)),
            unit_id=rng.choice(units),
            year=on.year,
            source=f"seed:{n}",
            label=f"样本事项{n}",
            good=rng.random() < 0.85,
            on=on,
        )
        for n in range(max(scale // 10, 10))
        for on in [today - dt.timedelta(days=rng.randint(0, 600))]
    ]
    Fact.objects.bulk_create(facts, batch_size=BATCH)
    progress(f"考核事实{len(facts)}条")
    return {"facts": len(facts)}
