"""``yifa seed``: bulk filings, notices and warnings spread over the units (rows without procedure, like
the other modules' seeds), for the list pages. The open case with a lapsed certificate comes from
enforcement's own seed."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit, UnitKind

from .models import Alert, Filing, FilingState, Notice, NoticeKind, NoticeSource, WarningKind

BATCH = 5000


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=[UnitKind.DEPARTMENT, UnitKind.TOWNSHIP]).order_by("id"))
    if not units:
        return {}
    count = max(10, scale // 10)
    offset = Filing.objects.count()
    filings, notices, alerts = [], [], []
    for i in range(count):
        unit = units[i % len(units)]
        decided = today - dt.timedelta(days=rng.randint(0, 700))
        filings.append(
            Filing(
                unit=unit,
                case_id=10**12 + offset + i,
                case_number=f"样本〔{decided.year}〕{i}号",
                decision_number=f"样本罚字〔{decided.year}〕{i}号",
                party_name=f"样本当事人{i % 997}",
                penalty="罚款",
                decided_on=decided,
                state=rng.choice(FilingState.values),
            )
        )
        notices.append(
            Notice(
                unit=unit,
                number=f"样本监〔{decided.year}〕{offset + i}号",
                kind=rng.choice(NoticeKind.values),
                source=rng.choice(NoticeSource.values),
                subject=f"样本事项{i}",
                text="样本意见",
                issued_on=decided,
            )
        )
        alerts.append(
            Alert(
                kind=rng.choice(WarningKind.values),
                key=f"seed:{offset + i}",
                unit=unit,
                title=f"样本预警{i}",
                found_on=decided,
            )
        )
        if len(filings) >= BATCH:
            _flush(filings, notices, alerts)
            progress("执法监督", i + 1, count)
    _flush(filings, notices, alerts)
    progress("执法监督", count, count)
    return {"filings": count, "notices": count, "warnings": count}


def _flush(*batches):
    for rows in batches:
        if rows:
            insert_objects(rows)
            rows.clear()
