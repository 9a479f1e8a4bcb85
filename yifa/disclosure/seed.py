"""``yifa seed``: synthetic requests and catalogue items with their clocks (bulk rows, no procedure), so the
lists, the board and the annual report can be timed on large data."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType

from yifa.core.bulk import insert_objects
from yifa.core.calendar import current_calendar
from yifa.core.models import Deadline, Unit, UnitKind

from . import rules
from .models import (
    ActKind,
    ApplicantKind,
    CatalogueItem,
    CatalogueState,
    Category,
    Challenge,
    ChallengeKind,
    ChallengeResult,
    Channel,
    OtherAct,
    Outcome,
    Request,
    RequestState,
)

BATCH = 2000


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=(UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)))
    if not units:
        return {"requests": 0}
    count = max(1, scale // 10)
    start = Request.objects.filter(number__startswith="样本").count()
    kinds, outcomes, channels = ApplicantKind.values, Outcome.values, [c for c in Channel.values if c != "online"]
    rows = []
    for i in range(start, start + count):
        received = today - dt.timedelta(days=rng.randint(0, 900))
        answered = received + dt.timedelta(days=rng.randint(1, 50))
        closed = answered <= today and rng.random() < 0.9
        rows.append(
            Request(
                unit=rng.choice(units),
                number=f"样本依申请〔{received.year}〕{i + 1}号",
                lookup_code=f"S{i:07d}",
                channel=rng.choice(channels),
                submitted_on=received,
                received_on=received,
                state=RequestState.CLOSED if closed else RequestState.OPEN,
                applicant_kind=rng.choice(kinds),
                applicant_name=f"申请人{i}",
                applicant_key=f"seed{i % 5000}",
                content=f"样本政府信息{i}",
                outcome=rng.choice(outcomes) if closed else "",
                replied_on=answered if closed else None,
            )
        )
    insert_objects(rows)
    progress("政府信息公开申请", count, count)
    saved = Request.objects.filter(number__startswith="样本", state=RequestState.OPEN).select_related("unit")
    ct, calendar, clocks = ContentType.objects.get_for_model(Request), current_calendar(), []
    for r in saved.iterator(chunk_size=BATCH):
        due = rules.REPLY.due(r.received_on, calendar)
        clocks.append(
            Deadline(
                subject_type=ct,
                subject_id=str(r.pk),
                subject_label=str(r),
                link=r.get_absolute_url(),
                rule_id=rules.REPLY.id,
                title=rules.REPLY.title,
                unit=r.unit,
                start=r.received_on,
                due=due.due,
                explanation=due.sentence,
            )
        )
    insert_objects(clocks)
    items = [
        CatalogueItem(
            unit=rng.choice(units),
            title=f"样本主动公开信息{i}",
            category=rng.choice(Category.values),
            formed_on=today - dt.timedelta(days=rng.randint(30, 900)),
            state=CatalogueState.PUBLISHED,
            published_on=today - dt.timedelta(days=rng.randint(0, 29)),
        )
        for i in range(count)
    ]
    insert_objects(items)
    progress("主动公开目录", count, count)
    start = OtherAct.objects.filter(source__startswith="seed:").count()
    acts = []
    for i in range(start, start + count):
        made = today - dt.timedelta(days=rng.randint(0, 900))
        kind = rng.choice(ActKind.values)
        ended = (
            made + dt.timedelta(days=rng.randint(30, 900)) if kind == ActKind.NORMDOC and rng.random() < 0.3 else None
        )
        acts.append(
            OtherAct(
                unit=rng.choice(units),
                kind=kind,
                source=f"seed:{i}",
                label=f"样本{ActKind(kind).label}{i}",
                made_on=made,
                ended_on=ended,
                repealed=ended is not None,
            )
        )
    insert_objects(acts)
    suits = []
    for i in range(max(1, count // 20)):
        filed = today - dt.timedelta(days=rng.randint(0, 900))
        result = rng.choice(ChallengeResult.values)
        concluded = None if result == ChallengeResult.PENDING else filed + dt.timedelta(days=rng.randint(10, 200))
        suits.append(
            Challenge(
                unit=rng.choice(units),
                kind=rng.choice(ChallengeKind.values),
                reference=f"样本复议诉讼{i}",
                filed_on=filed,
                result=result,
                concluded_on=concluded,
            )
        )
    insert_objects(suits)
    progress("表二、表四来源记录", len(acts) + len(suits), len(acts) + len(suits))
    return {
        "requests": count,
        "deadlines": len(clocks),
        "catalogue": count,
        "other_acts": count,
        "challenges": len(suits),
    }
