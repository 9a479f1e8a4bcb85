"""``yifa seed``: synthetic reconsideration cases with their decision clocks (bulk rows, no procedure)."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType

from yifa.core.bulk import insert_objects
from yifa.core.calendar import current_calendar
from yifa.core.models import Deadline, Unit, UnitKind

from . import periods
from .models import CORRECTING, ActType, Case, CaseState, Channel, Party

BATCH = 2000
STATES = [CaseState.ACCEPTED] * 4 + [CaseState.DECIDED] * 4 + [CaseState.REVIEW, CaseState.TERMINATED]


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    office = Unit.objects.legal_office()
    units = list(Unit.objects.filter(kind__in=(UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)))
    if office is None or not units:
        return {"cases": 0}
    count = max(1, scale // 10)
    start = Case.objects.filter(receipt_number__startswith="样本").count()
    cases = []
    for i in range(start, start + count):
        received = today - dt.timedelta(days=rng.randint(0, 900))
        state = rng.choice(STATES)
        unit = rng.choice(units)
        accepted = received + dt.timedelta(days=rng.randint(1, 7)) if state != CaseState.REVIEW else None
        closed = (
            accepted + dt.timedelta(days=rng.randint(20, 80))
            if state in (CaseState.DECIDED, CaseState.TERMINATED)
            else None
        )
        cases.append(
            Case(
                receipt_number=f"样本〔{received.year}〕复收字第{i + 1}号",
                case_number=f"样本〔{accepted.year}〕复字第{i + 1}号" if accepted else None,
                lookup_code=f"S{i:07d}",
                channel=rng.choice(Channel.values),
                received_on=received,
                state=state,
                office=office,
                respondent_unit=unit,
                respondent_name=unit.name,
                act_title=f"样本行政行为{i + 1}",
                act_type=rng.choice(ActType.values),
                act_date=received - dt.timedelta(days=30),
                known_on=received - dt.timedelta(days=20),
                requests="撤销",
                facts_reasons="样本",
                accepted_on=accepted,
                closed_on=closed,
                decision_type=rng.choice(list(CORRECTING) + ["uphold"] * 4) if state == CaseState.DECIDED else "",
            )
        )
    insert_objects(cases)
    progress("行政复议案件", count, count)
    saved = list(Case.objects.filter(receipt_number__startswith="样本").order_by("-id")[:count])
    insert_objects([Party(case=c, role="applicant", name=f"申请人{c.pk}", phone="13800000000") for c in saved])
    ct, calendar, clocks = ContentType.objects.get_for_model(Case), current_calendar(), []
    for case in saved:
        if case.state != CaseState.ACCEPTED:
            continue
        rule = periods.decision_rule(case)
        due = rule.due(case.accepted_on, calendar)
        clocks.append(
            Deadline(
                subject_type=ct,
                subject_id=str(case.pk),
                subject_label=case.number,
                link=case.get_absolute_url(),
                rule_id=rule.id,
                title=rule.title,
                unit=office,
                start=case.accepted_on,
                due=due.due,
                explanation=due.sentence,
            )
        )
    insert_objects(clocks)
    progress("行政复议期限", len(clocks), len(clocks))
    return {"cases": count, "deadlines": len(clocks)}
