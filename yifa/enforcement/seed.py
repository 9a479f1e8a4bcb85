"""``yifa seed``: one penalty case per unit of scale (1,000,000 at ``--scale 1000000``), bulk rows, no procedure;
a body with two certified officers per department."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from yifa.core.bulk import insert_rows
from yifa.core.errors import YifaError
from yifa.core.models import Unit, UnitKind, User

from .lapsed import open_case_with_lapsed_certificate
from .models import Body, Case, CaseState, Certificate, Officer, PenaltyKind

BATCH = 5000
VIOLATIONS = ["销售过期食品", "无照经营", "虚假宣传", "超标排放", "违规占道", "非法运输", "未按规定公示信息"]
DECIDED = (CaseState.DECIDED, CaseState.SERVED, CaseState.CLOSED, CaseState.ANNULLED)
LATEST_STEPS = 85 + 6 + 30


def _bodies(today):
    units = list(Unit.objects.filter(kind=UnitKind.DEPARTMENT, is_legal_office=False))
    bodies = []
    for unit in units:
        body, _ = Body.objects.get_or_create(
            name=f"{unit.name}（样本执法主体）",
            defaults={"unit": unit, "fields": unit.short_name or unit.name, "legal_basis": "基准测试样本"},
        )
        bodies.append(body)
        for n in range(2):
            officer = Officer.objects.create(body=body, name=f"样本执法员{body.pk}-{n}")
            Certificate.objects.get_or_create(
                number=f"S{body.pk:04d}{n:02d}",
                defaults={
                    "officer": officer,
                    "field": body.fields,
                    "issuer": "省人民政府",
                    "valid_from": today - dt.timedelta(days=900),
                    "valid_until": today + dt.timedelta(days=900),
                },
            )
    return bodies


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = timezone.localdate()  # the day the pages call today: no seeded act falls after it
    bodies = _bodies(today)
    if not bodies:
        return {"cases": 0}
    kinds = [k for k in PenaltyKind.values if k != PenaltyKind.DETENTION]
    states = CaseState.values
    rows = []
    for i in range(scale):
        body = bodies[i % len(bodies)]
        state = rng.choice(states)
        # a decided case leaves room before today for its decision (≤85 days), publication (≤6) and withdrawal (30)
        filed = today - dt.timedelta(days=rng.randint(LATEST_STEPS if state in DECIDED else 0, 1500))
        decided = filed + dt.timedelta(days=rng.randint(10, 85)) if state in DECIDED else None
        kind = rng.choice(kinds) if decided else ""
        published = decided + dt.timedelta(days=rng.randint(0, 6)) if decided and rng.random() < 0.6 else None
        rows.append(
            dict(  # column values, not instances: cheaper to build, written by core.bulk
                body=body,
                unit_id=body.unit_id,
                number=f"样本〔{filed.year}〕{i + 1}号",
                state=state,
                party_kind="organisation" if i % 3 else "person",
                party_name=f"样本当事人{i % 9973}",
                violation=rng.choice(VIOLATIONS),
                violation_on=filed - dt.timedelta(days=20),
                discovered_on=filed - dt.timedelta(days=5),
                filed_on=filed,
                penalty_kinds=[kind] if kind else [],
                heaviest_kind=kind,
                fine=Decimal(rng.randint(1, 2000) * 100) if kind in ("fine", "confiscation") else None,
                decision_number=f"样本罚字〔{filed.year}〕{i + 1}号" if decided else "",
                decided_on=decided,
                published_on=published,
                withdrawn_on=published + dt.timedelta(days=30) if published and state == CaseState.ANNULLED else None,
                withdrawal_reason="决定已撤销" if published and state == CaseState.ANNULLED else "",
            )
        )
        if len(rows) >= BATCH:
            insert_rows(Case, rows)
            rows = []
            progress("行政处罚案件", i + 1, scale)
    insert_rows(Case, rows)
    progress("行政处罚案件", scale, scale)
    legal = User.objects.filter(unit__is_legal_office=True, is_active=True).order_by("id").first()
    if legal is not None:
        with contextlib.suppress(YifaError):  # seeded again the same day: the certificate is already there
            open_case_with_lapsed_certificate(by=legal, today=today, number=f"样本〔{today.year}〕过期证件案")
    return {"cases": scale, "bodies": len(bodies)}
