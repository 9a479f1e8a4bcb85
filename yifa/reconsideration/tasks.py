"""Daily (``yifa sweep``): deemed acceptance when the review period has lapsed (第三十条第三款)."""

from __future__ import annotations

import datetime as dt

from yifa.core.models import Deadline, DeadlineStatus

from .models import Case, CaseState
from .rules import REVIEW
from .services import case_deem_accepted


def lapsed_reviews(today: dt.date):
    ids = Deadline.objects.filter(
        rule_id__in=[r.id for r in REVIEW.rules], status=DeadlineStatus.RUNNING, due__lt=today
    ).values_list("subject_id", flat=True)
    return Case.objects.filter(state=CaseState.REVIEW, pk__in=[int(i) for i in ids])


def daily(today: dt.date) -> str:
    deemed = 0
    for case in lapsed_reviews(today):
        case_deem_accepted(case=case, today=today)
        deemed += 1
    return f"审查期限届满视为受理{deemed}件"
