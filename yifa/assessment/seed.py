"""``yifa seed``: facts in bulk (documents filed, reconsideration decisions), for the cockpit at scale."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit

from .indicators import NORMDOCS_FILED, RECONSIDERATION_UPHELD
from .models import Fact, Objection, ObjectionState
from .queries import ASSESSED_KINDS

BATCH = 2000


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=ASSESSED_KINDS).values_list("pk", flat=True))
    if not units:
        return {"facts": 0, "objections": 0}
    # a second seed on the same database adds rows after the first's (sources and codes are unique)
    first_fact = Fact.objects.filter(source__startswith="seed:").count()
    first_objection = Objection.objects.filter(code__startswith="seed-").count()
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
        for n in range(first_fact, first_fact + max(scale // 10, 10))
        for on in [today - dt.timedelta(days=rng.randint(0, 600))]
    ]
    insert_objects(facts)
    progress(f"考核事实{len(facts)}条")
    objections = [
        Objection(
            unit_id=rng.choice(units),
            year=today.year,
            code=f"seed-{n}",  # one per unit and code: the samples never collide with a real indicator
            indicator_name=rng.choice(("规范性文件按时报送备案", "行政复议未被纠错", "法定期限按期办结")),
            points_then=Decimal(rng.randint(0, 20)),
            reason=f"样本异议{n}：附佐证材料",
            filed_on=today,
            state=rng.choice(ObjectionState.values),
        )
        for n in range(first_objection, first_objection + max(scale // 200, 5))
    ]
    insert_objects(objections)
    progress(f"考核异议{len(objections)}条")
    return {"facts": len(facts), "objections": len(objections)}
